"""Disagreements between outlets: counts, dates, roles and attributions that differ for the same slot.

Written by hand: no library reads Arabic news for slots. Each rule compares only values whose context says they
answer the same question (the same counted noun, the same sentence with another day, the same person, the same
quoted words), because a report that flags mostly wrong disagreements costs the reader's trust."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from typing import Any, NamedTuple

from ..arabic.dates import find_dates
from ..arabic.normalize import normalize_match
from ..arabic.tokens import content_terms
from ..arabic.variants import variant_key
from .summary import split_sentences

_NUMBER_SLOT = re.compile(
    r"(?P<num>\d+ر\d+|\d[\d,.]*)\s*(?:%|في المئة|بالمئة|بالمائة)?\s*(?P<noun>قتيل(?:ا|ًا)?|قتلى|جريح(?:ا|ًا)?|جرحى|مصاب(?:ا|ًا|ين)?|شخص(?:ا|ًا)?|"
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


def disagreements(articles: list[dict[str, Any]], copies: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Values that differ across outlets for the same slot: counts/amounts, dates, roles, attributions.

    ``copies`` are the event's near-duplicates: a copy that changes a figure or a day is what a reader most needs
    to see, so counts and dates are compared over them too; their roles and speakers repeat their canonical's
    words, and a difference there would be the reader's error, not the outlet's."""
    out: list[dict[str, Any]] = []
    out += count_disagreements([*articles, *(copies or [])])
    out += date_disagreements([*articles, *(copies or [])])
    out += role_disagreements(articles)
    out += attribution_disagreements(articles)
    return out


# words that change what a title means: "الرئيس السوري" and "الرئيس السوري المؤقت" are not the same claim, while
# "الأمير" and "صاحب السمو الأمير", or "المقدم" and "الرياض المقدم", are the same title written out differently
_STATUS_WORDS = {normalize_match(w) for w in (
    "المؤقت", "المؤقتة", "السابق", "السابقة", "الأسبق", "الأسبقة", "المكلف", "المكلفة", "المخلوع", "المعزول", "المقال",
    "المستقيل", "المستقيلة", "المنتخب", "المنتخبة", "الانتقالي", "الانتقالية", "الفعلي", "الشرعي",
    "المنتهية", "بالإنابة", "بالوكالة")}


def role_disagreements(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same person given a title in one outlet and the title with a status word in another ("الرئيس السوري" /
    "الرئيس السوري المؤقت"). The title is the run of definite words written just before the name."""
    roles: dict[str, dict[tuple[str, ...], tuple[str, set[str], set[str]]]] = defaultdict(dict)
    for a in articles:
        for e in a["entities"]:
            if e["type"] != "PER":
                continue
            before = a["body"][max(0, e["start"] - 40) : e["start"]]
            m = re.search(r"((?:ال[\u0621-\u064a]+\s+){1,4})$", before)
            if m:
                role = " ".join(m.group(1).split())
                key = tuple(normalize_match(role).split())
                _, ids, outlets = roles[e["canonical"]].setdefault(key, (role, set(), set()))
                ids.add(a["id"])
                outlets.add(a.get("outlet") or "")
    out = []
    for person, found in roles.items():
        pairs = [(short, long) for short in found for long in found
                 if short != long and set(short) < set(long) and _status_of_shared_title(short, long)
                 and found[short][2] != found[long][2]]
        if pairs:
            keys = sorted({k for pair in pairs for k in pair}, key=lambda k: (len(k), k))  # ties by text, not by hash
            out.append({"kind": "role", "slot": person,
                        "values": [{"value": found[k][0], "article_ids": sorted(found[k][1])} for k in keys]})
    return out


def _status_of_shared_title(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """The longer title adds a status word after a word both titles have: Arabic puts the adjective after its
    noun, so in «الحارس السابق الدكتور» the former one is the goalkeeper, not the doctor, and in «المدينة المنورة
    المكلف النقيب» the word belongs to the office named before; neither contradicts a bare «الدكتور» or «النقيب»."""
    shared = set(short)
    return any(word in _STATUS_WORDS and word not in shared and any(w in shared for w in long[:i])
               for i, word in enumerate(long))


_LINEAGE = {"بن", "ابن", "بنت", "ال", "آل"}


def _name_words(name: str) -> list[str]:
    return [w for w in variant_key(name).split() if normalize_match(w) not in _LINEAGE]


def _same_person(a: str, b: str) -> bool:
    """Two speaker names that may name one person: a spelling variant, the surname of the full name, a name with
    or without its lineage ("خالد العطية" / "خالد بن محمد العطية"), a name written with or without a space
    ("أبو ثنين" / "أبوثنين"), or a last name one letter apart ("مورينيو" / "مورينهو")."""
    ka, kb = _name_words(a), _name_words(b)
    if not ka or not kb:
        return False
    joined = [variant_key(normalize_match(name).replace(" ", "")) for name in (a, b)]
    if set(ka) <= set(kb) or set(kb) <= set(ka) or joined[0] == joined[1]:
        return True
    return _one_letter_apart(ka[-1], kb[-1])


def _one_letter_apart(a: str, b: str) -> bool:
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def attribution_disagreements(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same quoted words given to two different people, both named in full as people in their articles (a
    speaker the quote reader guessed from words like "سموه" is no claim of the outlet's, and an institution speaks
    through its officials, so "الوزارة" against its spokesman is no disagreement)."""
    said: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for a in articles:
        # a full name (two words besides lineage): a one-word "person" is as often the tagger's error ("احتفالات")
        named = {e["canonical"] for e in a["entities"] if e["type"] == "PER" and len(_name_words(e["canonical"])) >= 2}
        for q in a["quotes"]:
            # the speaker written next to the words, not carried over from an earlier sentence ("وأضاف")
            near = a["body"][max(0, q.get("start", 0) - 120) : q.get("end", 0) + 80]
            if q.get("speaker_canonical") in named and q["kind"] == "direct" and (q.get("speaker") or "\0") in near:
                said[" ".join(normalize_match(q["text"]).split())[:80]][q["speaker_canonical"]].add(a["id"])
    out = []
    for text, speakers in said.items():
        names = list(speakers)
        if any(not _same_person(x, y) for i, x in enumerate(names) for y in names[i + 1 :]):
            out.append({"kind": "attribution", "slot": text,
                        "values": [{"value": s, "article_ids": sorted(ids)} for s, ids in sorted(speakers.items())]})
    return out


SAME_COUNT_TERMS = 4  # content words two sentences of one event must share to be stating the same count ...
SAME_COUNT_SHARE = 0.3  # ... and the share of their words these are (Jaccard)
MAX_VERSIONS = 3  # outlets disagreeing on one figure give two or three versions of it, not eight
SHARED_CONTEXT_TERMS = 3  # the same across events of a storyline, where the headline is part of the context
SHARED_CONTEXT_SHARE = 0.2
# counts of people, the figures a storyline's reports contradict each other on; amounts of money and distances
# differ between a storyline's events for good reasons (a budget, a fare, last year's figure)
_PEOPLE_SLOTS = {"killed", "injured", "prisoners", "hostages", "اشخاص", "شخص", "مدني", "جندي", "جنود", "طفل", "اطفال",
                 "معتقل", "لاجي", "نازح", "مسلح"}
_TOLLS = _PEOPLE_SLOTS | {_slot("حالة"), _slot("حالات")}  # counts that rise as the hours pass: the dead, the wounded, the cases


# a price per barrel, ounce or share moves through the day: two outlets quoting two prices report two moments
_UNIT_PRICE = re.compile(r"(?:ا)?\s*(?:(?:أمريكي|أميركي|امريكي)\s*)?(?:لل|في\s+ال|لكل\s+)(?:برميل|أوقية|اوقية|أونصة|اونصة|سهم|طن|غرام|جرام)")


def _number(written: str) -> float | None:
    """The value of a figure as outlets write it: "1,445,000", "1.445.000", "1,2" (a decimal comma), "5ر32" (32.5:
    the Arabic decimal sign with the fraction written first)."""
    written = written.rstrip(".,")
    if "ر" in written:
        whole_fraction = written.split("ر")
        return float(f"{whole_fraction[1]}.{whole_fraction[0]}")
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", written):
        return float(re.sub(r"[.,]", "", written))
    if written.count(",") + written.count(".") > 1:
        return None
    return float(written.replace(",", "."))


def _counts(article: dict[str, Any], slots: set[str] | None = None, headline: bool = False) -> list[tuple[str, float, str, set[str]]]:
    """(slot, value, value as written, context words) for each figure a sentence states (a sentence giving two
    values of one slot compares or lists them and is left out). The context is the sentence's content words, with
    the headline's when asked: a rewrite may word the sentence anew ("تبادل 300 أسير" / "الإفراج عن 250 أسيرا")
    while its headline still names the happening the count belongs to."""
    out = []
    title_terms = set(content_terms(article.get("title") or "")) if headline else set()
    for sentence in split_sentences(article["body"]):
        found = [(_slot(m.group("noun")), m.group("num")) for m in _NUMBER_SLOT.finditer(sentence)
                 if not _UNIT_PRICE.match(sentence, m.end())]
        found = [(slot, written) for slot, written in found if slots is None or slot in slots]
        per_slot = Counter(slot for slot, _ in found)
        if found:
            terms = {t for t in [*content_terms(sentence), *title_terms] if not t.isdigit()}
            for slot, written in found:
                value = _number(written)
                if per_slot[slot] == 1 and value:
                    out.append((slot, value, written.rstrip(".,"), terms))
    return out


def _values_differ(a: float, b: float) -> bool:
    """Two figures of one slot that disagree: not the same number rounded ("10.1" / "10.11"), and within a factor
    of two, beyond which two figures of a slot are nearly always two different quantities (a loss and a profit,
    two planes' loads) rather than two outlets' counts of one."""
    low, high = sorted((a, b))
    # fixed notation: ":g" turns 1,445,000 into "1.445e+06" and would count its exponent as decimals
    decimals = min(len(f"{x:f}".rstrip("0").partition(".")[2]) for x in (a, b))
    return round(low, decimals) != round(high, decimals) and high <= 2 * low


def _same_context(terms: set[str], other: set[str], least: int, share: float) -> bool:
    shared = len(terms & other)
    return shared >= least and shared >= share * len(terms | other)


def count_disagreements(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same counted noun with different values in different outlets' sentences that share their context ("إن
    173 مدنيا قتلوا" / "إن 170 مدنيا قتلوا"). Within an event every article counts something (fines, loads,
    prices); only two sentences stating the same thing disagree."""
    by_slot: dict[str, list[tuple[dict[str, Any], tuple[str, float, str, set[str]]]]] = defaultdict(list)
    for a in articles:
        for count in _counts(a):
            by_slot[count[0]].append((a, count))
    values: dict[str, dict[float, tuple[str, set[str]]]] = defaultdict(dict)
    published: dict[str, str] = {}
    for slot, stated in by_slot.items():  # only figures of one counted noun are compared
        for i, (a, (_, value, written, terms)) in enumerate(stated):
            for b, (_, o_value, o_written, o_terms) in stated[i + 1 :]:
                if (a.get("outlet") != b.get("outlet") and _values_differ(value, o_value)
                        and _same_context(terms, o_terms, SAME_COUNT_TERMS, SAME_COUNT_SHARE)):
                    for art, val, text in ((a, value, written), (b, o_value, o_written)):
                        values[slot].setdefault(val, (text, set()))[1].add(art["id"])
                        published[art["id"]] = str(art.get("published") or "")
    out = []
    for slot, vals in sorted(values.items()):
        if len(vals) > MAX_VERSIONS:
            continue  # a list of amounts (a day's prices, contracts, budget lines), not versions of one figure
        found: dict[str, Any] = {"kind": "number", "slot": slot,
                                 "values": [{"value": text, "article_ids": sorted(ids)} for _, (text, ids) in sorted(vals.items())]}
        if slot in _TOLLS and _rises_over_time(vals, published):
            found["update"] = True
        out.append(found)
    return out


def _rises_over_time(vals: dict[float, tuple[str, set[str]]], published: dict[str, str]) -> bool:
    """Each higher count first printed after every article that printed the lower one: a toll that rose over the
    day ("24 قتيلا" in the evening, "40" the next morning), not outlets contradicting each other."""
    spans = sorted((min(published[i] for i in ids), max(published[i] for i in ids), value)
                   for value, (_text, ids) in vals.items())
    return all(earlier[1] < later[0] and earlier[2] < later[2] for earlier, later in zip(spans, spans[1:]))


def related_disagreements(own: list[dict[str, Any]], related: list[dict[str, Any]],
                          known: list[dict[str, Any]] | None = None,
                          counted: dict[str, list[tuple[str, float, str, set[str]]]] | None = None) -> list[dict[str, Any]]:
    """Counts that differ between this event's articles and same-day articles of other events of its storyline.

    Clustering leaves some rewrites of a happening in an event of their own (a reworded rewrite shares few words
    with its wire), yet a reader of either wants to see that one outlet counts 4 dead and another 5. Another event
    of the storyline may also be another happening with its own counts, so only counts of people are compared,
    and only when the two sentences stating them share their context (content words besides the numbers).
    ``counted`` keeps each article's counts across calls: refreshing a storyline compares every event with its
    neighbours, and counting the same articles again for each of them made adding one article take seconds."""
    counted = {} if counted is None else counted

    def people_counts(a: dict[str, Any]) -> list[tuple[str, float, str, set[str]]]:
        if a["id"] not in counted:
            counted[a["id"]] = _counts(a, _PEOPLE_SLOTS, headline=True)
        return counted[a["id"]]

    taken = {d["slot"] for d in known or [] if d["kind"] == "number"}
    outlet_of = {a["id"]: a.get("outlet") or "" for a in [*own, *related]}
    theirs = [(a["id"], st) for a in related for st in people_counts(a)]
    values: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for a in own:
        for slot, value, written, terms in people_counts(a):
            if slot in taken:
                continue
            for other_id, (o_slot, o_value, o_written, o_terms) in theirs:
                if (o_slot == slot and _values_differ(value, o_value) and outlet_of[other_id] != outlet_of[a["id"]]
                        and _same_context(terms, o_terms, SHARED_CONTEXT_TERMS, SHARED_CONTEXT_SHARE)):
                    values[slot][written].add(a["id"])
                    values[slot][o_written].add(other_id)
    return [{"kind": "number", "slot": slot, "related": True,
             "values": [{"value": v, "article_ids": sorted(ids), "outlets": sorted({outlet_of[i] for i in ids})}
                        for v, ids in sorted(vals.items())]}
            for slot, vals in sorted(values.items())]


SAME_STATEMENT_SHARE = 0.6  # share of words (dates and numbers aside) two sentences have in common to be one statement
SAME_STATEMENT_TERMS = 4  # ... and at least this many
# a date that opens or closes a range ("من 4 إلى 15 أغسطس", "يومي 2، 3 سبتمبر") is not the day of one happening
_RANGE_BEFORE = re.compile(r"(?:\d\s*(?:،|,|و|-|–)|(?<![\u0621-\u064a])و?(?:من|حتى|إلى|الى|لغاية|بين))\s*(?:الـ\s*|ال)?$")
_RANGE_AFTER = re.compile(r"^\s*(?:(?:و|،|,|-|–)\s*(?:الـ\s*)?\d|(?:إلى|الى|حتى|لغاية)\s)")
_RANGE_WORD = re.compile(r"(?<![\u0621-\u064a])(?:إلى|الى|حتى|لغاية|و)(?![\u0621-\u064a])")
_DAY_NUMBER = re.compile(r"(?<![\d.,])[0-3]?\d(?![\d.,])")


class _DatedStatement(NamedTuple):
    day: str  # ISO
    calendar: str  # as find_dates reports it
    written: str  # the date as the sentence writes it
    sentence: str
    terms: frozenset[str]  # the sentence's content words, the date's left out
    numbers: frozenset[str]  # the sentence's other numbers


def _dated_statements(article: dict[str, Any]) -> list[_DatedStatement]:
    """Each sentence naming one day with a day number. Relative days ("أمس", "الخميس") are left out: resolved against crawl times they differ
    between copies of one text; so are sentences naming two days, whose dates answer different questions."""
    try:
        reference = dt.date.fromisoformat((article.get("published") or "")[:10])
    except ValueError:
        reference = None
    out = []
    for sentence in split_sentences(article["body"]):
        if not _DAY_NUMBER.search(sentence):
            continue
        numbered = [m for m in find_dates(sentence, reference) if re.search(r"\d", m.text)]
        if len({m.value for m in numbered}) != 1:
            continue
        m = numbered[0]
        if (len(m.value) != 10 or not _DAY_NUMBER.search(m.text) or _RANGE_WORD.search(m.text)
                or _RANGE_BEFORE.search(sentence[max(0, m.start - 12) : m.start]) or _RANGE_AFTER.search(sentence[m.end : m.end + 12])):
            continue
        rest = sentence[: m.start] + " " + sentence[m.end :]
        terms = frozenset(t for t in content_terms(rest) if not t.isdigit())
        out.append(_DatedStatement(m.value, m.calendar, m.text, sentence, terms, frozenset(re.findall(r"\d+", rest))))
    return out


def _days_differ(a: _DatedStatement, b: _DatedStatement) -> bool:
    """Two statements name different days. The year is often the reader's guess, so only month and day count; a
    Hijri day written against a Gregorian one may differ by one by the calendar's convention."""
    if a.day[5:] == b.day[5:]:
        return False
    return (a.calendar == b.calendar or "hijri" not in (a.calendar, b.calendar)
            or abs((dt.date.fromisoformat(a.day) - dt.date.fromisoformat(b.day)).days) > 1)


def date_disagreements(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same statement, nearly word for word, giving another day in another outlet ("وحدد يوم الثلاثاء 26/11/1436هـ
    موعدا" / "وحدد الثلاثاء 26 شوال موعدا"). Statements are grouped when their sentences share most of their words and
    all their other numbers, so that a template reused for another day's happening (a daily toll, another region's
    announcement) does not count as one statement."""
    statements = [(a, s) for a in articles for s in _dated_statements(a)]
    parent = list(range(len(statements)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    same_numbers: dict[frozenset[str], list[int]] = defaultdict(list)  # one statement keeps all its other numbers
    for i, (_, st) in enumerate(statements):
        same_numbers[st.numbers].append(i)
    for block in same_numbers.values():
        for k, i in enumerate(block):
            a, st = statements[i]
            for j in block[k + 1 :]:
                b, other = statements[j]
                shared = len(st.terms & other.terms)
                if (a["id"] != b["id"] and shared >= SAME_STATEMENT_TERMS
                        and shared >= SAME_STATEMENT_SHARE * len(st.terms | other.terms)):
                    parent[root(j)] = root(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(statements)):
        groups[root(i)].append(i)
    out = []
    for members in groups.values():
        values: list[tuple[_DatedStatement, set[str], set[str]]] = []  # a day as first written, its articles, outlets
        for i in members:
            a, st = statements[i]
            for first, ids, outlets in values:
                if not _days_differ(first, st):
                    ids.add(a["id"])
                    outlets.add(a.get("outlet") or "")
                    break
            else:
                values.append((st, {a["id"]}, {a.get("outlet") or ""}))
        if len(values) > 1 and any(v[2] != w[2] for v in values for w in values):
            first = statements[members[0]][1]
            out.append({"kind": "date", "slot": _around(first.sentence, first.written),
                        "values": [{"value": st.written, "date": st.day, "article_ids": sorted(ids)} for st, ids, _ in values]})
    return out


def _around(sentence: str, written: str, words: int = 6) -> str:
    """The words either side of a date in its sentence: what the date is the day of."""
    before, _, after = sentence.partition(written)
    return " ".join([*before.split()[-words:], "…", *after.split()[:words]])
