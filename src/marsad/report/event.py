"""The event record of INTERFACE.md: summary, outlet additions, disagreements, provenance, timeline."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from ..arabic.normalize import normalize_match
from ..arabic.tokens import content_terms
from ..dedup.reuse import copy_groups, copy_sources
from ..nlp.entities import canonicalize, merge_event_entities
from ..records import Entity
from .disagreements import disagreements
from .summary import RESTATED, introduces_a_list, sentence_groups, split_sentences, summarize

MIN_ADDED_WORDS = 3  # words an added sentence must have besides the names in it

# what may stand between a speech verb and the words it introduces when the sentence names no speaker: «وأضاف أن …»,
# «وتابع قائلا: "…"», «وأشار إلى أنه …», «وأضاف "إن …»
_SAID_RIGHT_AFTER = re.compile(r"\s*[،,]?\s*(?:قائل\S*\s*)?:?\s*[«\"“]?\s*(?:(?:إلى|الى)\s+)?"
                               r"(?:(?:بأن|بان|أن|إن|ان)(?:ه|ها|هم|هما|نا|ني)?(?![\u0621-\u064a]))?[\s:«\"“]*")
_NAME_IN_MARKS = 3  # a "quote" of this many words or fewer right after the verb is a name in marks («وقال “كيم”»)


def _words_besides_names(text: str, names: list[str]) -> int:
    """How many words remain once the event's names are taken out: "الرئيس اليمني عبد ربه منصور هادي" (a caption
    or a signature line) keeps two."""
    rest = normalize_match(text)
    for n in names:  # longest first, so a full name goes before the surname inside it
        rest = rest.replace(n, " ")
    return len(re.findall(r"[\w\u0621-\u064a]{2,}", rest))


def _named_by_others(name: str, others: list[str]) -> bool:
    """A name that another outlet writes in full: "ولد الشيخ" and "إسماعيل ولد" are in "إسماعيل ولد الشيخ أحمد"."""
    padded = f" {name} "
    return any(padded in f" {o} " for o in others)


def outlet_additions(articles: list[dict[str, Any]], limit: int = 3, groups: list[Any] | None = None,
                     reprinted_by: dict[str, set[str]] | None = None) -> list[dict[str, Any]]:
    """Per outlet: sentences only its articles carry, preferring new numbers, entities and quotes. A sentence that is
    little more than a name is no addition, nor is part of a name other outlets write in full. ``articles`` are the
    originals; ``reprinted_by`` maps one to the other outlets whose duplicates of it carry the same words, so what
    they reprint is no one outlet's own."""
    outlets = sorted({a.get("outlet") or "" for a in articles})
    if len(outlets) < 2:
        return []
    if groups is None:
        groups = sentence_groups(articles)
    reprinted_by = reprinted_by or {}
    entity_outlets: dict[str, set[str]] = defaultdict(set)
    written: set[str] = set()  # every name as written and as canonical, to take out of sentences
    mentions = [(a, Entity(**e)) for a in articles for e in a["entities"]]
    canonicalize([e for _, e in mentions])  # across the event: «عبد المحسن» in one outlet is «عبدالمحسن» in another
    for a, e in mentions:
        entity_outlets[e.canonical] |= {a.get("outlet") or "", *reprinted_by.get(a["id"], ())}
        written |= {normalize_match(e.canonical), normalize_match(e.text)}
    all_names = sorted(written, key=len, reverse=True)

    def carried_by(g: Any) -> set[str]:
        return set(g.outlets).union(*(reprinted_by.get(i, set()) for i in g.article_ids))

    by_term: dict[str, list[int]] = defaultdict(list)
    for gi, g in enumerate(groups):
        for t in g.terms:
            by_term[t].append(gi)

    def restated_by_others(g: Any, outlet: str) -> bool:
        """Another outlet's sentence holds nearly all this one's words («أظهرت بيانات رسمية، أمس، أن …» / «…
        اليوم إن …»): the same fact in other words. Only this way round: a longer sentence around another outlet's
        short one («… تحمل 180 طنا من المواد الإغاثية …» / «قدمت المملكة مساعدات إغاثية») adds its details."""
        shared = Counter(gi for t in g.terms for gi in by_term[t])
        numbers = {t for t in g.terms if t[:1].isdigit()}  # a figure the other lacks is a fact of its own
        return any(n / len(g.terms) >= RESTATED and carried_by(groups[gi]) - {outlet}
                   and numbers <= groups[gi].terms.keys() for gi, n in shared.most_common(20))

    result = []
    for outlet in outlets:
        own = [g for g in groups if carried_by(g) == {outlet} and not introduces_a_list(g.text)
               and _words_besides_names(g.text, all_names) >= MIN_ADDED_WORDS]
        others = [normalize_match(c) for c, outs in entity_outlets.items() if outs - {outlet}]
        own_entities = [c for c, outs in entity_outlets.items() if outs == {outlet}
                        and not _named_by_others(normalize_match(c), others)]
        own_norm = [normalize_match(c) for c in own_entities]

        def novelty(g: Any, own_norm: list[str] = own_norm) -> float:
            has_num = bool(re.search(r"\d", g.text))
            has_quote = "«" in g.text or '"' in g.text
            text = normalize_match(g.text)
            has_new = any(c in text for c in own_norm)
            return has_num + has_quote + 2 * has_new + 0.01 * len(g.terms)

        picked = []
        for g in sorted(own, key=novelty, reverse=True):
            if len(picked) == limit:
                break
            if not restated_by_others(g, outlet):
                picked.append(g)
        if picked or own_entities:
            result.append({"outlet": outlet, "sentences": [{"text": g.text, "article_ids": g.article_ids} for g in picked],
                           "entities": own_entities[:10]})
    return result


def name_implicit_speakers(items: list[dict[str, Any]], articles: dict[str, dict[str, Any]],
                           names: dict[str, str] | None = None) -> None:
    """Give a sentence that leaves its speaker implicit ("وأضاف أن …") the speaker its article's quotes resolved,
    in place: ``speaker``, and in ``text`` the name in brackets after the verb ("وأضاف [محمد آل صمغان] أن …"),
    the usual mark of words a quotation did not have, so the sentence can still be found in its article. The
    sentence must open on و/ف and the cue of a quote inside it, with nothing but «أن»/«:» before the words: a
    subject written there («وقالت «سبورت»: …») is a named speaker already."""
    for item in items:
        text = item["text"]
        if text[:1] not in ("و", "ف"):
            continue  # a lead opens on its verb and its subject («أعلنت "زين السعودية" …»)
        for aid in item["article_ids"]:
            art = articles.get(aid) or {}
            at = str(art.get("body") or "").find(text)
            if at < 0:
                continue
            for q in art.get("quotes") or []:
                cue, who = q.get("cue"), q.get("speaker_canonical") or q.get("speaker")
                if not (cue and who and at <= q["start"] < at + len(text)) or len(q["text"].split()) <= _NAME_IN_MARKS:
                    continue
                opening = text[: q["start"] - at]
                if opening[1:].startswith(cue) and _SAID_RIGHT_AFTER.fullmatch(opening[1 + len(cue):]):
                    verb_end = 1 + len(cue)
                    item["speaker"] = speaker = (names or {}).get(who, who)
                    item["text"] = f"{text[:verb_end]} [{speaker}]{text[verb_end:]}"
                    break
            if "speaker" in item:
                break


def build_event_record(event: dict[str, Any], articles: list[dict[str, Any]], timeline: list[dict[str, Any]],
                       provenance: list[dict[str, Any]], summary_budget: int = 5) -> dict[str, Any]:
    """``articles`` are export records (dicts) of the event's articles, oldest first."""
    originals = [a for a in articles if not a.get("duplicate_of")] or articles
    copies = [a for a in articles if a.get("duplicate_of")] if originals is not articles else []
    dup_credit: dict[str, list[str]] = defaultdict(list)
    reprinted_by: dict[str, set[str]] = defaultdict(set)  # an original -> the outlets of its duplicates
    for a in articles:
        if a.get("duplicate_of"):
            dup_credit[a["duplicate_of"]].append(a["id"])
            reprinted_by[a["duplicate_of"]].add(a.get("outlet") or "")
    if len(originals) == 1:
        # one source: nothing to weigh across outlets; news leads with its main facts
        groups = []
        summary = [{"text": t, "article_ids": [originals[0]["id"]]} for t in split_sentences(originals[0]["body"])[:summary_budget]]
    else:
        groups = sentence_groups(originals)
        summary = summarize(originals, budget=summary_budget, groups=groups)
    for s in summary:  # a sentence stated by a canonical is stated by its duplicates too
        s["article_ids"] = s["article_ids"] + [d for i in s["article_ids"] for d in dup_credit.get(i, [])]
    ents = merge_event_entities([[Entity(**e) for e in a["entities"]] for a in articles])
    names = _event_names(ents)
    quotes = _merged_quotes(originals, names)
    by_id = {a["id"]: a for a in articles}
    name_implicit_speakers(summary, by_id, names)
    additions = outlet_additions(originals, groups=groups, reprinted_by=reprinted_by) if len(originals) > 1 else []
    for add in additions:
        name_implicit_speakers(add["sentences"], by_id, names)
    by_speaker: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in quotes:
        by_speaker[q.get("speaker_canonical") or ""].append(q)
    outlets = sorted({a.get("outlet") for a in articles if a.get("outlet")})
    titles = Counter(normalize_match(a["title"]) for a in articles if a.get("title"))
    title = _representative_title(articles, titles)
    sources = copy_sources({a["id"]: (a.get("reuses", []), a.get("duplicate_of")) for a in articles})
    for p in provenance:  # the edge a copy was taken from, among all it shares text with
        p["source"] = sources.get(p["to"]) == p["from"]
    return {
        "id": event["id"],
        "story_id": event.get("story_id"),
        "title": title,
        "date": event.get("date"),
        "article_ids": [a["id"] for a in articles],
        "outlets": outlets,
        "summary": summary,
        "entities": ents[:40],
        "quotes": quotes[:60],
        "quotes_by_speaker": [{"speaker": k or None, "quotes": v[:10]} for k, v in sorted(by_speaker.items(), key=lambda kv: -len(kv[1]))],
        "provenance": provenance,
        "copy_groups": copy_groups(sources, [a["id"] for a in articles]),
        "disagreements": disagreements(originals, copies) if len(articles) > 1 else [],
        "outlet_additions": additions,
        "timeline": timeline,
    }


def _event_names(entities: list[dict[str, object]]) -> dict[str, str]:
    """Each spelling of a person or body the event merged ("بيشي الصرخي", a family name with آل: "آل إبراهيم",
    "نادي الأهلي") -> the event's name for them ("بيشي بن عيسى الصرخي", "الأهلي"), so a speaker is listed once, as
    in the entity list. A spelling two entries share is left alone."""
    owners: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        if e.get("type") in ("PER", "ORG"):  # people, and bodies that speak ("نادي الأهلي" is "الأهلي")
            canonical = str(e["canonical"])
            for v in [canonical, *e.get("variants", [])]:  # type: ignore[list-item]
                owners[str(v)].add(canonical)
            words = canonical.split()
            if len(words) >= 3 and words[-2] in ("آل", "ال"):  # "آل إبراهيم": the family name of "عبد الرحمن آل إبراهيم"
                owners[" ".join(words[-2:])].add(canonical)
    return {v: next(iter(c)) for v, c in owners.items() if len(c) == 1}


def _merged_quotes(articles: list[dict[str, Any]], names: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Quotes of the event, the same words from several outlets (copies, respellings) listed once with all sources;
    speakers under the event's name for them (``names``)."""
    merged: list[dict[str, Any]] = []
    keys: list[tuple[str, set[str]]] = []
    for a in articles:
        for q in a["quotes"]:
            terms = set(content_terms(q["text"]))
            speaker = q.get("speaker_canonical") or ""
            speaker = (names or {}).get(speaker, speaker)
            if speaker and speaker != q.get("speaker_canonical"):
                q = {**q, "speaker_canonical": speaker}
            for i, (sp, other) in enumerate(keys):
                if sp == speaker and terms and len(terms & other) / len(terms | other) >= 0.6:
                    merged[i]["article_ids"].append(a["id"])
                    if a.get("outlet") not in merged[i]["outlets"]:
                        merged[i]["outlets"].append(a.get("outlet"))
                    break
            else:
                keys.append((speaker, terms))
                merged.append({**q, "article_id": a["id"], "outlet": a.get("outlet"), "article_ids": [a["id"]],
                               "outlets": [a.get("outlet")]})
    return merged


def _representative_title(articles: list[dict[str, Any]], counts: Counter[str]) -> str | None:
    """The headline sharing most words with the others (ties: the earliest)."""
    titles = [a["title"] for a in articles if a.get("title")]
    if not titles:
        return None
    words = [set(normalize_match(t).split()) for t in titles]
    def centrality(i: int) -> float:
        return sum(len(words[i] & words[j]) / (len(words[i] | words[j]) or 1) for j in range(len(titles)) if j != i)
    return titles[max(range(len(titles)), key=lambda i: (centrality(i), -i))]
