"""The reuse index: the kind and direction of each pair, and the same answers when it indexes stored articles
only under what new ones have."""

from __future__ import annotations

import random

import numpy as np

from marsad.dedup.minhash import MinHasher, band_keys
from marsad.dedup.reuse import Doc, ReuseIndex, copy_groups, copy_source, copy_sources, gram_hashes, sampled_grams, shared_wire

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def _corpus(seed: int = 3) -> list[Doc]:
    rng = random.Random(seed)
    vocab = ["".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7))) for _ in range(3000)]
    texts: list[str] = []
    for i in range(120):
        words = [rng.choice(vocab) for _ in range(rng.randint(60, 160))]
        if texts and i % 3 == 0:  # a copy of part of an earlier text, with a few words changed
            src = rng.choice(texts).split()
            start = rng.randrange(max(1, len(src) - 50))
            part = src[start:start + 60]
            for _ in range(3):
                part[rng.randrange(len(part))] = rng.choice(vocab)
            words = part + words[:rng.randint(0, 40)]
        if i % 17 == 0 and texts:  # an exact repeat
            words = texts[-1].split()
        texts.append(" ".join(words))
    return [Doc(f"d{i}", i, f"outlet{i % 5}", f"2026-01-{1 + i % 5:02d}", t) for i, t in enumerate(texts)]


def _run(stored: list[Doc], new: list[Doc], focused: bool) -> list[tuple[str | None, list[dict[str, object]]]]:
    hasher = MinHasher()
    sig = {d.id: s for d, s in zip(stored + new, hasher.signatures_from_shingles(
        [hasher.shingles_of_tokens(d.toks()) for d in stored + new]))}
    if focused:
        keys = band_keys(np.stack([sig[d.id] for d in new]))
        index = ReuseIndex(focus_grams={g for d in new for g in sampled_grams(gram_hashes(d.toks()))},
                           focus_bands=[set(keys[:, b].tolist()) for b in range(keys.shape[1])])
    else:
        index = ReuseIndex()
    for d in stored:
        index.add(d, sig[d.id])
    out = []
    for d in new:
        out.append((index.duplicate_of(d, sig[d.id]), sorted(index.reuse_pairs(d), key=str)))
        index.add(d, sig[d.id])
    return out


def test_pages_of_a_few_words_are_never_duplicates_but_a_repeated_article_is() -> None:
    article = ("أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المنطقة الشرقية بسعة مئتي سرير "
               "ويضم أقساما للطوارئ والعناية المركزة وطب الأطفال")
    docs = [Doc("c1", 1, "o1", "2026-01-01", "كاريكاتير"), Doc("c2", 2, "o1", "2026-01-02", "كاريكاتير"),
            Doc("g1", 3, "o2", "2026-01-02", "بالصور رمضان في إندونيسيا"), Doc("g2", 4, "o2", "2026-01-02", "بالصور رمضان في فلسطين"),
            Doc("a1", 5, "o1", "2026-01-03", article), Doc("a2", 6, "o2", "2026-01-03", article)]
    hasher = MinHasher()
    index = ReuseIndex()
    found = {}
    for d in docs:
        sig = hasher.signatures_from_shingles([hasher.shingles_of_tokens(d.toks())])[0]
        found[d.id] = index.duplicate_of(d, sig)
        index.add(d, sig)
    assert found == {"c1": None, "c2": None, "g1": None, "g2": None, "a1": None, "a2": "a1"}


def test_a_focused_index_finds_the_same_duplicates_and_reuse() -> None:
    docs = _corpus()
    stored, new = docs[:100], docs[100:]
    full = _run(stored, new, focused=False)
    assert any(dup for dup, _ in full) and any(edges for _, edges in full)  # the corpus has both to find
    fresh = _corpus()  # the same texts, new Doc objects (token caches are freed as they are indexed)
    assert _run(fresh[:100], fresh[100:], focused=True) == full


def _kinds(first: Doc, second: Doc) -> list[tuple[str, str, str]]:
    hasher = MinHasher()
    sigs = hasher.signatures_from_shingles([hasher.shingles_of_tokens(d.toks()) for d in (first, second)])
    index = ReuseIndex()
    index.add(first, sigs[0])
    return [(str(e["from"]), str(e["to"]), str(e["kind"])) for e in index.reuse_pairs(second)]


def _texts(seed: int = 5) -> tuple[str, str]:
    """A wire text, and another outlet's text that keeps a third of it and writes the rest itself."""
    rng = random.Random(seed)
    vocab = ["".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7))) for _ in range(2000)]
    wire = [rng.choice(vocab) for _ in range(150)]
    own = [rng.choice(vocab) for _ in range(100)]
    return " ".join(wire), " ".join(wire[:50] + own)


def test_two_outlets_reworking_the_wire_they_both_credit_share_a_source() -> None:
    wire_text, reworked = _texts()
    a = Doc("a", 1, "outlet-a", "2026-02-01", wire_text, agencies=["رويترز"])
    b = Doc("b", 2, "outlet-b", "2026-02-01", reworked, credited_source="المصدر: رويترز")
    assert shared_wire(a, b) == "رويترز"
    assert _kinds(a, b) == [("a", "b", "shared_source")]
    # without a wire both credit, the later article reworded the earlier one
    assert _kinds(Doc("a", 1, "outlet-a", "2026-02-01", wire_text, agencies=["رويترز"]),
                  Doc("b", 2, "outlet-b", "2026-02-01", reworked, agencies=["فرانس برس"])) == [("a", "b", "rewrite")]
    # an outlet reworking its own earlier text
    assert _kinds(Doc("a", 1, "outlet-a", "2026-02-01", wire_text, agencies=["رويترز"]),
                  Doc("b", 2, "outlet-a", "2026-02-03", reworked, agencies=["رويترز"])) == [("a", "b", "rewrite")]
    # the agency's own text is the source of what others make of it
    assert _kinds(Doc("a", 1, "reuters.com", "2026-02-01", wire_text, agencies=["رويترز"]),
                  Doc("b", 2, "outlet-b", "2026-02-01", reworked, agencies=["رويترز"])) == [("a", "b", "rewrite")]
    # near-verbatim is a copy whatever the credit line says
    assert _kinds(Doc("a", 1, "outlet-a", "2026-02-01", wire_text, agencies=["رويترز"]),
                  Doc("b", 2, "outlet-b", "2026-02-02", wire_text + " " + reworked.split(" ", 60)[-1],
                      agencies=["رويترز"])) == [("a", "b", "copy")]


def test_a_copied_paragraph_with_a_word_changed_is_one_passage_at_its_place_in_both_texts() -> None:
    rng = random.Random(9)
    vocab = ["".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7))) for _ in range(2000)]
    paragraphs = [" ".join(rng.choice(vocab) for _ in range(40)) for _ in range(3)]
    origin_text = "\n\n".join(paragraphs)
    kept = paragraphs[1].split()
    kept[20] = "كلمةمختلفة"  # the copier changed one word in the middle
    own_before, own_after = " ".join(rng.choice(vocab) for _ in range(30)), " ".join(rng.choice(vocab) for _ in range(30))
    copier_text = f"{own_before}\n\n{' '.join(kept)}\n\n{own_after}"
    origin = Doc("o", 1, "outlet-a", "2026-02-01", origin_text)
    copier = Doc("c", 2, "outlet-b", "2026-02-02", copier_text)
    hasher = MinHasher()
    sigs = hasher.signatures_from_shingles([hasher.shingles_of_tokens(d.toks()) for d in (origin, copier)])
    index = ReuseIndex()
    index.add(origin, sigs[0])
    [edge] = index.reuse_pairs(copier)
    [(start, end, src_start, src_end)] = edge["passages"]
    assert copier_text[start:end] == " ".join(kept)
    assert origin_text[src_start:src_end] == paragraphs[1]
    assert abs(edge["coverage"] - 40 / 100) < 0.02 and abs(edge["source_coverage"] - 40 / 120) < 0.02


def _release(rng: random.Random, vocab: list[str], figures: tuple[str, str]) -> str:
    """A recurring press release: the same wording each time, with its figures (the flight's rank, the tonnage)."""
    words = [rng.choice(vocab) for _ in range(120)]
    words[5], words[40] = figures
    return " ".join(words)


def test_the_same_wording_days_later_is_a_template_not_a_copy() -> None:
    vocab = ["".join(random.Random(11).choice(LETTERS) for _ in range(5)) + str(i % 7) for i in range(1500)]
    fourth = _release(random.Random(12), vocab, ("الرابعة", "10"))
    fifth = _release(random.Random(12), vocab, ("الخامسة", "12"))  # same seed: same wording, new figures
    first = Doc("r4", 1, "outlet-a", "2026-03-01", fourth)
    # the next day, the release is another outlet's copy of the same story
    assert _kinds(first, Doc("c", 2, "outlet-b", "2026-03-02", fourth)) == [("r4", "c", "copy")]
    # five days later, the same wording with new figures reports the next flight: reuse, but not one story
    assert _kinds(first, Doc("r5", 2, "outlet-b", "2026-03-06", fifth)) == [("r4", "r5", "template")]


def test_the_same_facts_reprinted_days_later_are_a_late_copy_not_a_template() -> None:
    vocab = ["".join(random.Random(13).choice(LETTERS) for _ in range(5)) + str(i % 7) for i in range(1500)]
    release = _release(random.Random(14), vocab, ("الرابعة", "10"))
    first = Doc("r4", 1, "outlet-a", "2026-03-01", release)
    # a paper prints the agency's text four days later, word for word: no new fact, so a copy of it
    assert _kinds(first, Doc("late", 2, "outlet-b", "2026-03-05", release)) == [("r4", "late", "copy")]
    # one connective reworded (أوضح → بين) is still the same facts
    reworded = release.split()
    reworded[80] = "وبين"
    assert _kinds(first, Doc("edit", 2, "outlet-b", "2026-03-05", " ".join(reworded))) == [("r4", "edit", "copy")]
    # but the same wording with one figure or one ordinal changed reports the next happening
    for changed in (("الرابعة", "11"), ("الخامسة", "10")):
        nxt = _release(random.Random(14), vocab, changed)
        assert _kinds(first, Doc("next", 2, "outlet-b", "2026-03-05", nxt)) == [("r4", "next", "template")]


def _copy_groups_of(docs: list[Doc]) -> list[dict[str, object]]:
    """Index the articles in order, keep each copier's edges as the pipeline stores them, then group."""
    hasher = MinHasher()
    sigs = hasher.signatures_from_shingles([hasher.shingles_of_tokens(d.toks()) for d in docs])
    index = ReuseIndex()
    reuses: dict[str, list[dict[str, object]]] = {d.id: [] for d in docs}
    for d, sig in zip(docs, sigs):
        d.duplicate_of = index.duplicate_of(d, sig)
        for e in index.reuse_pairs(d):
            reuses[str(e["to"])].append({"article_id": e["from"], "kind": e["kind"], "coverage": e["coverage"],
                                         "source_coverage": e["source_coverage"]})
        index.add(d, sig)
    return copy_groups(copy_sources({d.id: (reuses[d.id], d.duplicate_of) for d in docs}), [d.id for d in docs])


def test_the_wire_text_printed_after_an_outlets_reprint_is_still_the_copy_groups_origin() -> None:
    rng = random.Random(41)
    vocab = ["".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7))) for _ in range(3000)]
    text = " ".join(rng.choice(vocab) for _ in range(140))
    # an outlet has SPA's statement an hour before SPA's own page is crawled: SPA's page is its duplicate
    docs = [Doc("outlet", 1, "outlet-a", "2026-08-10T19:29", text),
            Doc("spa", 2, "was", "2026-08-10T20:32", text),
            Doc("later", 3, "outlet-b", "2026-08-11T13:34", _edited(text, rng))]
    groups = _copy_groups_of(docs)
    assert docs[1].duplicate_of == "outlet"
    assert [(g["origin"], sorted(g["copies"])) for g in groups] == [("spa", ["later", "outlet"])]


def _edited(text: str, rng: random.Random, every: int = 12) -> str:
    """An outlet's copy: the same text with a word changed here and there (not a near-duplicate)."""
    words = text.split()
    for i in range(every // 2, len(words), every):
        words[i] = words[i][::-1] + "ة"
    return " ".join(words)


def test_a_roundup_that_reprints_a_wire_text_does_not_chain_two_copy_groups() -> None:
    rng = random.Random(21)
    vocab = ["".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7))) for _ in range(3000)]
    first = " ".join(rng.choice(vocab) for _ in range(150))  # one happening's wire text
    second = " ".join(rng.choice(vocab) for _ in range(100))  # another happening's
    docs = [Doc("w1", 1, "wire-1", "2026-04-01T08:00", first),
            Doc("w2", 2, "wire-2", "2026-04-01T08:30", second),
            # a roundup reprints both: 60 % of it is the first text (a copy of it), 40 % the second
            Doc("roundup", 3, "outlet-r", "2026-04-01T09:00", first + "\n\n" + second),
            # a copy of the second text, all of it inside the roundup too (a copy of both, by coverage)
            Doc("c2", 4, "outlet-b", "2026-04-01T10:00", _edited(second, rng)),
            Doc("c1", 5, "outlet-c", "2026-04-01T10:30", _edited(first, rng))]
    groups = {str(g["origin"]): g["copies"] for g in _copy_groups_of(docs)}
    # each copy stays with the text it reproduces, nearest both ways; the roundup joins the text it mostly is
    assert groups == {"w1": ["roundup", "c1"], "w2": ["c2"]}


def test_an_outlets_follow_up_on_its_own_article_is_not_a_copy_of_it() -> None:
    rng = random.Random(31)
    vocab = ["".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7))) for _ in range(3000)]
    statement = " ".join(rng.choice(vocab) for _ in range(120))
    order = " ".join(rng.choice(vocab) for _ in range(70))
    # minutes later the same outlet reports the order the statement led to, carrying most of the statement:
    # 0.63 of the follow-up is the statement, 0.75 of the statement is in the follow-up
    follow_up = order + "\n\n" + " ".join(statement.split()[:90])
    docs = [Doc("statement", 1, "outlet-a", "2026-05-01T17:00", statement),
            Doc("order", 2, "outlet-a", "2026-05-01T17:05", follow_up),
            Doc("copy", 3, "outlet-b", "2026-05-01T17:20", _edited(follow_up, rng)),
            Doc("repost", 4, "outlet-a", "2026-05-01T18:00", _edited(statement, rng, every=30))]
    edges = {(e["from"], e["to"]): e["kind"] for d in docs[1:] for e in _pairs_before(docs, d)}
    # the same outlet's partial reuse is its own rewrite; another outlet's copy of the follow-up is a copy,
    # and so is the outlet's near-verbatim re-post of its statement
    assert edges[("statement", "order")] == "rewrite"
    assert edges[("order", "copy")] == "copy"
    assert edges[("statement", "repost")] == "copy"
    groups = {str(g["origin"]): g["copies"] for g in _copy_groups_of(docs)}
    # so the follow-up and its copy are not folded into the statement's copy group
    assert groups == {"order": ["copy"], "statement": ["repost"]}


def _pairs_before(docs: list[Doc], doc: Doc) -> list[dict[str, object]]:
    """The reuse edges ``doc`` has with the articles indexed before it."""
    hasher = MinHasher()
    sigs = hasher.signatures_from_shingles([hasher.shingles_of_tokens(d.toks()) for d in docs])
    index = ReuseIndex()
    for d, sig in zip(docs, sigs):
        if d is doc:
            return index.reuse_pairs(d)
        index.add(d, sig)
    raise ValueError(doc.id)


def test_copy_groups_from_sources() -> None:
    # a duplicate's source is its canonical, whatever its other edges
    assert copy_source([{"article_id": "x", "kind": "copy", "coverage": 0.9, "source_coverage": 0.9}], "canon") == "canon"
    # rewrites and templates are never sources of a copy
    assert copy_source([{"article_id": "x", "kind": "rewrite", "coverage": 0.4, "source_coverage": 0.9},
                        {"article_id": "y", "kind": "template", "coverage": 0.9, "source_coverage": 0.9}]) is None
    # a chain of copies is one group whose origin is its root; a source outside the given articles is external
    groups = copy_groups({"a": None, "b": "a", "c": "b", "d": "old", "e": None})
    assert groups == [{"origin": "a", "copies": ["b", "c"], "external": False},
                      {"origin": "old", "copies": ["d"], "external": True}]
    # two articles naming each other (a credit against the clock) still form one group, the older its origin
    assert copy_groups({"p": "q", "q": "p"}, order=["q", "p"]) == [{"origin": "q", "copies": ["p"], "external": False}]


def _cable(dateline: str, country: str, president: str, occasion: str) -> str:
    """A congratulation cable as outlets print them: one formula, filled in for each country (invented wording)."""
    return (f"{dateline} - واس: بعث خادم الحرمين الشريفين برقية تهنئة إلى فخامة الرئيس {president} رئيس {country} "
            f"بمناسبة ذكرى {occasion} لبلاده، وأعرب فيها باسمه واسم شعب وحكومة المملكة العربية السعودية عن أصدق "
            "التهاني وأطيب التمنيات بموفور الصحة والسعادة لفخامته ولحكومة وشعب بلاده الشقيق المزيد من التقدم "
            "والازدهار. كما بعث ولي العهد برقية تهنئة مماثلة أعرب فيها عن أطيب التهاني وأصدق التمنيات بدوام الصحة "
            "والعافية وللشعب الشقيق اطراد التقدم والازدهار في ظل قيادته الحكيمة")


def test_a_formula_filled_in_with_other_names_is_flagged_and_a_copy_with_another_dateline_is_not() -> None:
    tunisia = Doc("tn", 1, "outlet-a", "2026-07-24", _cable("جدة", "الجمهورية التونسية", "الباجي قائد السبسي", "إعلان الجمهورية"))
    egypt = Doc("eg", 2, "outlet-b", "2026-07-24", _cable("جدة", "جمهورية مصر العربية", "عبد الفتاح السيسي", "اليوم الوطني"))
    copy = Doc("cp", 3, "outlet-c", "2026-07-24", _cable("الرياض", "الجمهورية التونسية", "الباجي قائد السبسي", "إعلان الجمهورية"))
    hasher = MinHasher()
    docs = [tunisia, egypt, copy]
    sigs = hasher.signatures_from_shingles([hasher.shingles_of_tokens(d.toks()) for d in docs])
    index = ReuseIndex()
    index.add(tunisia, sigs[0])
    [filled_in] = index.reuse_pairs(egypt)
    index.add(egypt, sigs[1])
    assert filled_in["kind"] == "copy" and filled_in["names_differ"] is True  # the wording is reused all the same
    by_source = {e["from"]: e for e in index.reuse_pairs(copy)}
    assert by_source["tn"]["names_differ"] is False  # the same cable; only the dateline's city differs
    assert by_source["eg"]["names_differ"] is True
