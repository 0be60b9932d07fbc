"""Find the article(s) in a flattened news page: body lines, header, and glued articles.

The page is scored line by line (prose earns its word count, furniture costs), and
the article body is the densest run of prose -- the best-scoring contiguous block,
found with a max-subarray scan. A second block that is dense enough and preceded by
a headline is a second article glued below the first (infinite scroll).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .lines import LineFeatures, features, line_key
from .templates import TemplateView

_MIN_ARTICLE_SCORE = 25.0  # a block weaker than this is not an article
_MIN_GLUED_WORDS = 30
_HEADER_WINDOW = 14  # how far above the body we look for title, date and dateline


@dataclass
class Block:
    """An article's place in the page: header lines [header_start, start) and body [start, end)."""

    header_start: int
    start: int
    end: int
    keep: list[int] = field(default_factory=list)  # body line indices kept


@dataclass
class PageLayout:
    lines: list[str]
    feats: list[LineFeatures]
    repeats: Counter[str]
    template: list[bool]
    blocks: list[Block]


def _line_score(f: LineFeatures, repeated: bool, is_template: bool, in_list: bool) -> float:
    if not f.text.strip():
        return -0.5
    if f.list_header:
        return -40.0
    if is_template or f.noise_cue:
        return -12.0
    if f.prose:
        gain = min(float(f.words), 80.0)
        if repeated:  # the same paragraph twice is a caption or a teaser
            gain *= 0.2
        return gain * (0.35 if in_list else 1.0)
    if in_list:
        return -6.0
    return -min(3.0 + f.words * 0.4, 10.0)


def _best_block(scores: list[float], lo: int, hi: int) -> tuple[float, int, int]:
    best, best_s, best_e = 0.0, lo, lo
    run, run_s = 0.0, lo
    for i in range(lo, hi):
        if run <= 0:
            run, run_s = 0.0, i
        run += scores[i]
        if run > best:
            best, best_s, best_e = run, run_s, i + 1
    return best, best_s, best_e


def layout(lines: list[str], outlet: str | None = None, templates: TemplateView | None = None) -> PageLayout:
    feats = [features(ln) for ln in lines]
    keys = [line_key(ln) for ln in lines]
    repeats = Counter(k for k, ln in zip(keys, lines) if ln.strip())
    template = [bool(templates and templates.is_template(outlet, ln)) for ln in lines]
    # inside a related-articles list until the next long paragraph
    in_list, listing = [], False
    for f in feats:
        if f.list_header:
            listing = True
        elif f.noise_cue or (f.prose and f.words >= 20):
            listing = False  # furniture or a real paragraph: the list is over
        in_list.append(listing)
    scores = [_line_score(f, repeats[k] > 1, t, lst) for f, k, t, lst in zip(feats, keys, template, in_list)]

    blocks: list[Block] = []
    score, s, e = _best_block(scores, 0, len(lines))
    if score > 0:
        blocks.append(Block(header_start=0, start=s, end=e))
        # other articles glued above or below: scan the remaining stretches the same way
        stretches = [(0, s), (e, len(lines))]
        while stretches:
            lo, hi = stretches.pop()
            score2, s2, e2 = _best_block(scores, lo, hi)
            if score2 < _MIN_ARTICLE_SCORE:
                continue
            prose_lines = [i for i in range(s2, e2) if feats[i].prose and not in_list[i]]
            words = sum(feats[i].words for i in prose_lines)
            if len(prose_lines) >= 2 and words >= _MIN_GLUED_WORDS and _has_headline(feats, keys, repeats, template, lo, s2):
                blocks.append(Block(header_start=lo, start=s2, end=e2))
            stretches += [(lo, s2), (e2, hi)]
        blocks.sort(key=lambda b: b.start)
        for prev, nxt in zip(blocks, blocks[1:]):
            nxt.header_start = max(nxt.header_start, prev.end)
    for b in blocks:
        b.keep = [i for i in range(b.start, b.end) if _keep_in_body(feats[i], keys[i], repeats, template[i], in_list[i])]
    return PageLayout(lines, feats, repeats, template, blocks)


def _keep_in_body(f: LineFeatures, key: str, repeats: Counter[str], is_template: bool, in_list: bool) -> bool:
    if not f.text.strip() or f.noise_cue or f.list_header or is_template:
        return False
    if in_list and not (f.prose and f.words >= 30):
        return False
    if f.prose:
        return repeats[key] == 1 or f.words >= 25
    # short lines inside the body: subheadings stay, captions printed twice and lone numbers go
    if repeats[key] > 1 or f.arabic_words < 3 or f.digit_ratio > 0.3:
        return False
    return f.words <= 15


def headline_like(f: LineFeatures) -> bool:
    return (
        3 <= f.words <= 30
        and not f.noise_cue
        and not f.list_header
        and f.digit_ratio < 0.25
        and f.latin_ratio < 0.3
        and f.arabic_words >= 3
    )


def _has_headline(feats: list[LineFeatures], keys: list[str], repeats: Counter[str], template: list[bool], lo: int, hi: int) -> bool:
    return any(headline_like(feats[i]) and not template[i] and not feats[i].prose for i in range(max(lo, hi - _HEADER_WINDOW), hi))


def header_lines(page: PageLayout, block: Block) -> list[int]:
    """Indices of the lines between the last furniture line and the body: where title, date and dateline live."""
    lo = max(block.header_start, block.start - _HEADER_WINDOW)
    return [i for i in range(lo, block.start) if page.lines[i].strip()]


def pick_title(page: PageLayout, block: Block, outlet: str | None = None) -> str | None:
    """The headline: the first headline-like line after the last furniture line above the body."""
    idx = header_lines(page, block)
    last_furniture = -1
    for i in idx:
        f = page.feats[i]
        if f.list_header or ((page.template[i] or f.noise_cue) and not _is_soft(f.text)):
            last_furniture = i
    # the headline names what the text is about: among the header's headline-like lines, the one sharing the
    # most content words with the first paragraphs wins, wherever a section label or masthead put it
    by_overlap = _title_by_overlap(page, block, idx, outlet)
    if by_overlap is not None:
        return page.lines[by_overlap]
    candidates = [i for i in idx if i > last_furniture and headline_like(page.feats[i]) and not page.template[i]
                  and not _is_soft(page.lines[i]) and not _is_masthead(page.lines[i], outlet)]
    if not candidates:
        # the title may sit inside the block's first lines (no furniture between it and the body)
        first = block.keep[0] if block.keep else None
        if first is not None and headline_like(page.feats[first]) and not page.feats[first].ends_sentence and not page.feats[first].prose:
            return page.lines[first]
        return None
    # prefer a line printed twice (titles are), else the candidate nearest the body:
    # mastheads and section labels sit above the headline, not between it and the text
    doubled = [i for i in candidates if page.repeats[line_key(page.lines[i])] > 1]
    return page.lines[doubled[0] if doubled else candidates[-1]]


def _title_by_overlap(page: PageLayout, block: Block, idx: list[int], outlet: str | None) -> int | None:
    from ..arabic.tokens import content_terms

    lead = set(content_terms(" ".join(page.lines[i] for i in block.keep[:2])))
    if not lead:
        return None
    best, best_score = None, 1
    for i in idx:
        f = page.feats[i]
        if not headline_like(f) or f.ends_sentence or f.prose or page.template[i] or f.noise_cue \
                or _is_soft(page.lines[i]) or _is_masthead(page.lines[i], outlet):
            continue
        terms = set(content_terms(page.lines[i]))
        shared = len(terms & lead)
        # a caption shares a word or two with the text; a headline shares its subject (most of its words)
        score = shared if shared >= 3 and shared >= 0.4 * len(terms) else 0
        if score > best_score or (score == best_score and best is not None and score > 1 and i > best):
            best, best_score = i, score
    return best


_CAPTION = re.compile(r"\((?:أرشيفية|ارشيفية|أرشيف|صورة أرشيفية|تعبيرية|صورة تعبيرية)\)\s*$|^(?:صورة|الصورة|صور)\s*[:：(]")


def _is_soft(text: str) -> bool:
    """Date lines, captions and datelines sit between a headline and its body without ending the header."""
    from ..meta.credits import parse_author, parse_byline, parse_dateline_line

    return (_is_date_line(text) or bool(_CAPTION.search(text)) or parse_dateline_line(text) is not None
            or parse_author(text) is not None or parse_byline(text) is not None)


def _is_masthead(text: str, outlet: str | None) -> bool:
    """"الساحل بريس - الخبر كما هو": the outlet's name with a slogan, not a headline."""
    from .titles import _is_outlet

    parts = [p.strip() for p in re.split(r"\s[-|–—]\s", text) if p.strip()]
    return len(parts) > 1 and any(_is_outlet(p, outlet) for p in parts) and sum(len(p.split()) for p in parts) <= 9


def _is_date_line(text: str) -> bool:
    from .lines import NOISE

    lowered = text.strip().lower()
    return lowered.startswith("gmt") or "تاريخ النشر" in text or bool(NOISE.search(lowered) and any(ch.isdigit() for ch in text))
