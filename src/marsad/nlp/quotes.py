"""Quotes and their speakers, as a reader would attribute them.

Direct quotes: «…», "…", “…” near a speech verb, or text after a colon following one.
Indirect speech: speech verb + أن/إن + the reported clause. Speakers: the name or
title after the verb ("قال المتحدث باسم الكرملين دميتري بيسكوف"), an institution
("أعلنت وزارة الخارجية"), pronoun verbs (وأضاف، وتابع) resolved to the last named
speaker, and "نقلت وكالة … عن X قوله" attributed to X. Rules written by hand: no
library covers Arabic attribution.
"""

from __future__ import annotations

import re

from ..records import Quote
from .entities import extract_entities

_AR = "\u0621-\u064a"
_VERBS = (
    "قال|قالت|أكد|أكدت|اكد|اكدت|أضاف|أضافت|اضاف|اضافت|أوضح|أوضحت|اوضح|اوضحت|أشار|أشارت|اشار|اشارت|شدد|شددت|"
    "لفت|لفتت|أعلن|أعلنت|اعلن|اعلنت|نفى|نفت|حذر|حذرت|دعا|دعت|اعتبر|اعتبرت|تابع|تابعت|ذكر|ذكرت|صرح|صرحت|"
    "رأى|رأت|يقول|تقول|يؤكد|تؤكد|أفاد|أفادت|افاد|افادت|كشف|كشفت|أبلغ|أبلغت|بين|بينت|أردف|أردفت|زعم|زعمت"
)
_VERB_RE = re.compile(rf"(?<![{_AR}])(?P<conj>[وف]?)(?P<verb>{_VERBS})(?![{_AR}])")
_QUOTE_RE = re.compile(r"«(?P<a>[^«»]{3,800})»|\"(?P<b>[^\"]{3,800})\"|“(?P<c>[^“”]{3,800})”")
_THAT = re.compile(rf"(?<![{_AR}])(?:بأن|بان|أن|ان|إن|انه|أنه|إنه|أنها|إنها|أنهم|إنهم)(?![{_AR}])")
_REPORTED = re.compile(r"نقلت?\s+(?:وكالة|صحيفة|قناة|موقع)[^.]{0,60}?\s+عن\s+(?P<who>[^.،,]{3,60}?)\s+(?:قوله|قولها|قولهم)")
_CLAUSE_END = re.compile(r"[.!؟?\n]|،\s*(?:مضيفا|مضيفة|مشيرا|مشيرة|وأضاف|موضحا)")


def _speaker_after(text: str, pos: int) -> tuple[str | None, int]:
    """The speaker named right after a verb: entities starting within a few words."""
    window = text[pos : pos + 120]
    stop = re.search(r"[،,:]|\s(?:أن|إن|ان|بأن)\s|«|\"", window)
    head = window[: stop.start()] if stop else window
    ents = [e for e in extract_entities(head) if e.type in ("PER", "ORG")]
    if ents:
        best = max(ents, key=lambda e: (e.type == "PER", e.end - e.start))
        return best.canonical or best.text, pos + len(head)
    words = head.split()
    if words and len(words) <= 8 and words[0].startswith("ال"):
        return " ".join(words[:4]), pos + len(head)
    return None, pos


def extract_quotes(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    last_speaker: str | None = None
    used: list[tuple[int, int]] = []
    events: list[tuple[int, str, re.Match[str]]] = [(m.start(), "verb", m) for m in _VERB_RE.finditer(text)]
    events += [(m.start(), "reported", m) for m in _REPORTED.finditer(text)]
    events.sort(key=lambda x: x[0])
    for _pos, kind, m in events:
        if kind == "reported":
            who = m.group("who").strip()
            people = [e for e in extract_entities(who) if e.type == "PER"] or [e for e in extract_entities(who) if e.type == "ORG"]
            speaker = (people[-1].canonical or people[-1].text) if people else who
            last_speaker = speaker
            verb, after = "نقل", m.end()
        else:
            verb = m.group("verb")
            speaker, after = _speaker_after(text, m.end())
        if speaker is None:  # وأضاف / وتابع / a bare verb: the last named speaker goes on
            speaker = last_speaker
        if speaker:
            last_speaker = speaker
        tail = text[after : after + 900]
        q = _QUOTE_RE.search(tail)
        colon = re.match(r"\s*:\s*", tail)
        if q and (q.start() < 40 or colon):
            body = next(g for g in q.groups() if g is not None)
            start = after + q.start() + 1
            _add(quotes, used, Quote(text=body, start=start, end=start + len(body), kind="direct",
                                     speaker=speaker, speaker_canonical=speaker, cue=verb))
            continue
        that = _THAT.search(tail[:80])
        if that:
            clause_start = after + that.end()
            while clause_start < len(text) and text[clause_start] == " ":
                clause_start += 1
            end_m = _CLAUSE_END.search(text, clause_start)
            clause_end = end_m.start() if end_m else len(text)
            if clause_end - clause_start >= 10:
                _add(quotes, used, Quote(text=text[clause_start:clause_end], start=clause_start, end=clause_end,
                                         kind="indirect", speaker=speaker, speaker_canonical=speaker, cue=verb))
    return quotes


def _add(quotes: list[Quote], used: list[tuple[int, int]], q: Quote) -> None:
    if any(q.start < e and s < q.end for s, e in used):
        return
    used.append((q.start, q.end))
    quotes.append(q)
