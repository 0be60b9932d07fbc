"""The event record of INTERFACE.md: summary, outlet additions, disagreements, provenance, timeline."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from ..arabic.normalize import normalize_match
from ..arabic.tokens import content_terms
from ..nlp.entities import merge_event_entities
from ..records import Entity
from .summary import sentence_groups, split_sentences, summarize

_NUMBER_SLOT = re.compile(
    r"(?P<num>\d[\d,.]*)\s*(?:%|في المئة|بالمئة|بالمائة)?\s*(?P<noun>قتيل(?:ا|ًا)?|قتلى|جريح(?:ا|ًا)?|جرحى|مصاب(?:ا|ًا|ين)?|شخص(?:ا|ًا)?|"
    r"أشخاص|اشخاص|مدني(?:ا|ين)?|جندي(?:ا)?|جنود|طفل(?:ا)?|أطفال|منزل(?:ا)?|دولار(?:ا)?|ريال(?:ا)?|يورو|مليون|مليار|"
    r"ميغاواط|طن(?:ا)?|برميل|كيلومتر(?:ا|ات)?|صاروخ(?:ا)?|طائرة|فرصة|حالة|حالات|معتقل(?:ا|ين)?|لاجئ(?:ا|ين)?|"
    r"أسير(?:ا|ًا)?|أسرى|اسير(?:ا)?|اسرى|رهينة|رهائن|وفاة|وفيات|نازح(?:ا|ين)?|مسلح(?:ا|ين)?|منشأة|مبنى|قرية|بلدة)"
)
_SLOT_NAMES = {"قتيل": "killed", "قتلى": "killed", "وفاه": "killed", "وفيات": "killed", "جريح": "injured", "جرحى": "injured",
               "مصاب": "injured", "اسير": "prisoners", "اسري": "prisoners", "رهينه": "hostages", "رهاين": "hostages"}


def _slot(noun: str) -> str:
    n = normalize_match(noun)
    for prefix, name in _SLOT_NAMES.items():
        if n.startswith(normalize_match(prefix)):
            return name
    return re.sub(r"(ا|ين|ات)$", "", n)


def disagreements(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Values that differ across outlets for the same slot: counts/amounts, roles, attributions."""
    out: list[dict[str, Any]] = []
    # numbers: the same counted noun with different values in different outlets
    slots: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    outlets_of: dict[str, str] = {}
    for a in articles:
        outlets_of[a["id"]] = a.get("outlet") or ""
        seen: set[tuple[str, str]] = set()
        for m in _NUMBER_SLOT.finditer(a["body"]):
            value = m.group("num").rstrip(".,").replace(",", "")
            key = (_slot(m.group("noun")), value)
            if key not in seen:
                seen.add(key)
                slots[key[0]][value].add(a["id"])
    for slot, values in slots.items():
        outlet_sets = {v: {outlets_of[i] for i in ids} for v, ids in values.items()}
        if len(values) > 1 and len(set().union(*outlet_sets.values())) > 1:
            # only a disagreement if different outlets hold different values
            if any(outlet_sets[a] != outlet_sets[b] for a in values for b in values if a != b):
                out.append({"kind": "number", "slot": slot,
                            "values": [{"value": v, "article_ids": sorted(ids)} for v, ids in sorted(values.items())]})
    # roles: the words written before the same person in different outlets
    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for a in articles:
        for e in a["entities"]:
            if e["type"] != "PER":
                continue
            before = a["body"][max(0, e["start"] - 40) : e["start"]]
            m = re.search(r"((?:ال[\u0621-\u064a]+\s+){1,4})$", before)
            if m:
                role = " ".join(m.group(1).split())
                roles[e["canonical"]][role].add(a["id"])
    for person, vals in roles.items():
        if len(vals) > 1:
            norm = {normalize_match(v) for v in vals}
            longest = max(norm, key=len)
            # "الرئيس السوري" vs "الرئيس السوري المؤقت": one role extends another
            if len(norm) > 1 and all(longest.startswith(n) or n.startswith(longest) or n in longest for n in norm):
                out.append({"kind": "role", "slot": person,
                            "values": [{"value": v, "article_ids": sorted(ids)} for v, ids in sorted(vals.items())]})
    # attributions: the same quoted words given to different speakers
    said: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for a in articles:
        for q in a["quotes"]:
            if q.get("speaker_canonical") and q["kind"] == "direct":
                said[" ".join(normalize_match(q["text"]).split())[:80]][q["speaker_canonical"]].add(a["id"])
    for text, speakers in said.items():
        if len(speakers) > 1:
            out.append({"kind": "attribution", "slot": text,
                        "values": [{"value": s, "article_ids": sorted(ids)} for s, ids in sorted(speakers.items())]})
    return out


SHARED_CONTEXT_TERMS = 3  # content words two sentences must share to be stating the same count ...
SHARED_CONTEXT_SHARE = 0.2  # ... and the share of their words these are (Jaccard)
# counts of people, the figures a storyline's reports contradict each other on; amounts of money and distances
# differ between a storyline's events for good reasons (a budget, a fare, last year's figure)
_PEOPLE_SLOTS = {"killed", "injured", "prisoners", "hostages", "اشخاص", "شخص", "مدني", "جندي", "جنود", "طفل", "اطفال",
                 "معتقل", "لاجي", "نازح", "مسلح"}


def _people_counts(article: dict[str, Any]) -> list[tuple[str, str, set[str]]]:
    """(slot, value, context words) for each count of people an article's sentence states (a sentence giving two
    values of one slot compares them and is left out). The context is the sentence's content words and the
    headline's: a rewrite may word the sentence anew ("تبادل 300 أسير" / "الإفراج عن 250 أسيرا") while its
    headline still names the happening the count belongs to."""
    out = []
    headline = set(content_terms(article.get("title") or ""))
    for sentence in split_sentences(article["body"]):
        found = [(_slot(m.group("noun")), m.group("num").rstrip(".,").replace(",", "")) for m in _NUMBER_SLOT.finditer(sentence)]
        found = [(slot, value) for slot, value in found if slot in _PEOPLE_SLOTS]
        slots = Counter(slot for slot, _ in found)
        if found:
            terms = {t for t in [*content_terms(sentence), *headline] if not t.isdigit()}
            out += [(slot, value, terms) for slot, value in found if slots[slot] == 1]
    return out


def related_disagreements(own: list[dict[str, Any]], related: list[dict[str, Any]],
                          known: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Counts that differ between this event's articles and same-day articles of other events of its storyline.

    Clustering leaves some rewrites of a happening in an event of their own (a reworded rewrite shares few words
    with its wire), yet a reader of either wants to see that one outlet counts 4 dead and another 5. Another event
    of the storyline may also be another happening with its own counts, so only counts of people are compared,
    and only when the two sentences stating them share their context (content words besides the numbers)."""
    taken = {d["slot"] for d in known or [] if d["kind"] == "number"}
    outlet_of = {a["id"]: a.get("outlet") or "" for a in [*own, *related]}
    theirs = [(a["id"], st) for a in related for st in _people_counts(a)]
    values: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for a in own:
        for slot, value, terms in _people_counts(a):
            if slot in taken:
                continue
            for other_id, (o_slot, o_value, o_terms) in theirs:
                shared = len(terms & o_terms)
                if (o_slot == slot and o_value != value and outlet_of[other_id] != outlet_of[a["id"]]
                        and shared >= SHARED_CONTEXT_TERMS and shared >= SHARED_CONTEXT_SHARE * len(terms | o_terms)):
                    values[slot][value].add(a["id"])
                    values[slot][o_value].add(other_id)
    return [{"kind": "number", "slot": slot, "related": True,
             "values": [{"value": v, "article_ids": sorted(ids), "outlets": sorted({outlet_of[i] for i in ids})}
                        for v, ids in sorted(vals.items())]}
            for slot, vals in sorted(values.items())]


def outlet_additions(articles: list[dict[str, Any]], limit: int = 3, groups: list[Any] | None = None) -> list[dict[str, Any]]:
    """Per outlet: sentences only its articles carry, preferring new numbers, entities and quotes."""
    outlets = sorted({a.get("outlet") or "" for a in articles})
    if len(outlets) < 2:
        return []
    if groups is None:
        groups = sentence_groups(articles)
    entity_outlets: dict[str, set[str]] = defaultdict(set)
    for a in articles:
        for e in a["entities"]:
            entity_outlets[e["canonical"]].add(a.get("outlet") or "")
    result = []
    for outlet in outlets:
        own = [g for g in groups if g.outlets == {outlet}]
        own_entities = [c for c, outs in entity_outlets.items() if outs == {outlet}]
        own_norm = [normalize_match(c) for c in own_entities]

        def novelty(g: Any, own_norm: list[str] = own_norm) -> float:
            has_num = bool(re.search(r"\d", g.text))
            has_quote = "«" in g.text or '"' in g.text
            text = normalize_match(g.text)
            has_new = any(c in text for c in own_norm)
            return has_num + has_quote + 2 * has_new + 0.01 * len(g.terms)

        picked = sorted(own, key=novelty, reverse=True)[:limit]
        if picked or own_entities:
            result.append({"outlet": outlet, "sentences": [{"text": g.text, "article_ids": g.article_ids} for g in picked],
                           "entities": own_entities[:10]})
    return result


def build_event_record(event: dict[str, Any], articles: list[dict[str, Any]], timeline: list[dict[str, Any]],
                       provenance: list[dict[str, Any]], summary_budget: int = 5) -> dict[str, Any]:
    """``articles`` are export records (dicts) of the event's articles, oldest first."""
    originals = [a for a in articles if not a.get("duplicate_of")] or articles
    dup_credit: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        if a.get("duplicate_of"):
            dup_credit[a["duplicate_of"]].append(a["id"])
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
    quotes = _merged_quotes(originals)
    by_speaker: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in quotes:
        by_speaker[q.get("speaker_canonical") or ""].append(q)
    outlets = sorted({a.get("outlet") for a in articles if a.get("outlet")})
    titles = Counter(normalize_match(a["title"]) for a in articles if a.get("title"))
    title = _representative_title(articles, titles)
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
        "disagreements": disagreements(originals) if len(originals) > 1 else [],
        "outlet_additions": outlet_additions(originals, groups=groups) if len(originals) > 1 else [],
        "timeline": timeline,
    }


def _merged_quotes(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Quotes of the event, the same words from several outlets (copies, respellings) listed once with all sources."""
    from ..arabic.tokens import content_terms

    merged: list[dict[str, Any]] = []
    keys: list[tuple[str, set[str]]] = []
    for a in articles:
        for q in a["quotes"]:
            terms = set(content_terms(q["text"]))
            speaker = q.get("speaker_canonical") or ""
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
