"""Line features and noise cues for flattened Arabic news pages.

Why by hand: trafilatura and jusText judge text blocks by length and link density,
which a flattened page no longer has; the strongest signals left are Arabic-specific
(stopword density, cue phrases of Arabic site furniture, sentence punctuation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..arabic.normalize import normalize_match
from ..arabic.stopwords import STOPWORDS

# Lines that introduce a block of links to other articles: everything after them up to
# the next real paragraph is teaser material.
LIST_HEADERS = re.compile(
    r"^\s*(?:اقرا|إقرأ|اقرأ|إقرا)\s*(?:ايضا|أيضا|أيضاً|ايضاً|المزيد)|^\s*(?:مقالات|اخبار|أخبار|مواضيع|موضوعات|قصص)\s*(?:ذات صله|ذات صلة|مشابهه|مشابهة|متعلقه|متعلقة|مقترحه|مقترحة|اخري|أخرى)"
    r"|^\s*قد (?:يهمك|يعجبك|تهمك)|^\s*(?:الاكثر|الأكثر)\s*(?:قراءه|قراءة|مشاهده|مشاهدة|تداولا)|^\s*(?:شاهد|تابع)\s*(?:ايضا|أيضا|أيضاً)"
    r"|^\s*(?:اخترنا لك|إخترنا لك|ننصحك بقراءه|ننصحك بقراءة|المزيد من الاخبار|المزيد من الأخبار|آخر الأخبار|اخر الاخبار|أخبار متعلقة)\s*:?\s*$"
)

# Whole-line noise: matched on the matching-level form of the line.
_NOISE_PATTERNS = [
    r"^(?:كلمات دلاليه|الكلمات المفتاحيه|الوسوم|وسوم|تاجز|tags|الكلمات الدلاليه)\s*[:：]",
    r"^سمات(?:\s+[^\s.،,:؛!؟?]+){1,15}\s*$",  # a tag line without a colon: "سمات الجوازات وافدون وثيقة سفر"
    r"^(?:التصنيف|التصنيفات|القسم|الاقسام|الاقسام الرئيسيه|الرئيسيه)\s*[:：|/»>]",
    r"(?:حقوق (?:النشر|الطبع)|جميع الحقوق محفوظه|©|copyright|powered by|all rights reserved)",
    r"^(?:الاسم|الإسم|البريد الالكتروني|البريد الإلكتروني|التعليق|اضف تعليق|أضف تعليق|ارسل|إرسال|اضافه تعليق|شروط النشر|عدد الاحرف المتبقيه|رمز التحقق)\s*\*?\s*[:：]?",
    r"^(?:تعليقات|التعليقات|لا توجد تعليقات|كن اول من يعلق|اترك تعليقا|اترك رداً|اترك ردا)",
    r"(?:حمل|حمّل|نزل|نزّل) (?:تطبيق|التطبيق)|تابعونا على|تابعنا على|اشترك في (?:النشره|القناه)|اشترك الان|النشره البريديه|اشترك ليصلك|فيسبوك تويتر|واتساب تليجرام",
    r"^(?:عدد المشاهدات|المشاهدات|مشاهده|قراءات|عدد القراءات|زيارات)\s*[:：]?\s*\d*",
    r"^\d[\d,.\s]*\s*(?:مشاهده|قراءه|زياره|تعليق|views?)\s*$",
    r"^(?:شارك|مشاركه|طباعه|ارسل لصديق|حفظ|تكبير الخط|تصغير الخط|نسخ الرابط)(?:\s|$)",
    r"^(?:العنوان|الهاتف|هاتف|فاكس|ص\.?\s?ب|البريد)\s*[:：]",
    r"^(?:اخر تحديث|آخر تحديث|تاريخ النشر|نشر في|تم النشر|نشر بتاريخ|تاريخ الاضافه)\s*[:：]?",
    r"^gmt\s*\d|^\d{1,2}:\d{2}\s*(?:gmt|ص|م)?\b",
    r"^(?:الصفحه الرئيسيه|الرئيسيه)\s*(?:[|>»/]|$)",
    r"^(?:صوره|الصوره|صور|الصور|فيديو|شاهد الفيديو|بالفيديو|بالصور|انفوجرافيك)\s*[:：(]",
    r"\((?:ارشيفيه|أرشيفية|صوره ارشيفيه|ارشيف)\)\s*$",
    r"^(?:مواقيت الصلاه|حاله الطقس|اسعار العملات|سعر الذهب)",
    r"^(?:سجل الدخول|تسجيل الدخول|انشاء حساب|نسيت كلمه المرور)",
    r"^(?:next\s+previous|previous\s+next|السابق\s+التالي|التالي\s+السابق)$",  # a photo gallery's arrows
    r"^رابط (?:الخبر|المقال|الموضوع) ب(?:صحيفه|موقع|جريده) ",  # a link back to the article, under its title
    r"^مقالات اخري للكاتب",  # a column's list of the writer's other columns
]
NOISE = re.compile("|".join(f"(?:{p})" for p in _NOISE_PATTERNS), re.I)

# Site furniture that flattening glued onto the end of an article's last paragraph, without a line break of its
# own: a tag list ("… بكلية الطب. سمات تبوك جامعة"), a link back to the article ("رابط الخبر بصحيفة الوئام: <its
# title>"), a column's list of the writer's other columns ("مقالات أخرى للكاتب<titles run together>").
GLUED_TAIL = re.compile(
    r"(?:^|(?<=\s))(?:سمات(?:\s+[^\s.،,:؛!؟?«»\"“”()<>]+){1,25}"
    r"|رابط (?:الخبر|المقال|الموضوع) ب(?:صحيفة|موقع|جريدة) \S+(?: \S+)?\s*:.{0,250}"
    r"|مقالات (?:أخرى|اخرى) للكاتب.*)\s*$",
    re.S,
)


# A share bar glued onto the start of the first paragraph: "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك أكد …"
GLUED_HEAD = re.compile(
    r"^(?:شارك|شاركها|شارك الخبر|مشاركة)(?: من خلال| عبر| على)?"
    r"(?:\s+(?:تويتر|فيسبوك|فيس بوك|جوجل بلس|قوقل بلس|واتساب|واتس اب|تيليجرام|تلغرام|لينكد ان|البريد|طباعة)){2,}"
    r"(?:\s+(?:اكتب رأيك|أضف تعليق|اضف تعليق))?\s+"
)


def split_glued_head(paragraph: str) -> tuple[str | None, str]:
    """A first paragraph -> (the furniture glued onto its start, or None; its text)."""
    m = GLUED_HEAD.match(paragraph)
    if not m:
        return None, paragraph
    return m.group(0).strip(), paragraph[m.end():]


def split_glued_tail(paragraph: str) -> tuple[str, str | None]:
    """A last paragraph -> (its text, the furniture glued onto its end, or None)."""
    m = GLUED_TAIL.search(paragraph)
    if not m:
        return paragraph, None
    return paragraph[: m.start()].rstrip(), m.group(0).strip()


_SENTENCE_END = re.compile(r"[.!؟?»\"”:)…]\s*$")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
_DIGIT = re.compile(r"\d")
_LATIN = re.compile(r"[A-Za-z]")
_SEPARATORS = re.compile(r"\s[|•·»>/]\s|\s-\s.*\s-\s")


@dataclass
class LineFeatures:
    text: str
    words: int
    arabic_words: int
    stop_ratio: float
    digit_ratio: float
    latin_ratio: float
    ends_sentence: bool
    noise_cue: bool
    list_header: bool
    separators: int

    @property
    def prose(self) -> bool:
        """A line a reader would call a paragraph of an article."""
        if self.noise_cue or self.list_header:
            return False
        if self.separators >= 2:
            return False
        # headlines run up to ~20 words without a final stop; paragraphs end in one or run longer
        if self.words >= 20 and self.stop_ratio >= 0.12 and self.latin_ratio < 0.3:
            return True
        # a long line ending in a full stop is a paragraph even when dense with nouns (budget figures, lists of events)
        if self.words >= 15 and self.ends_sentence and self.latin_ratio < 0.3 and self.digit_ratio < 0.3:
            return True
        return self.words >= 7 and self.ends_sentence and self.stop_ratio >= 0.1 and self.digit_ratio < 0.3


def features(line: str) -> LineFeatures:
    norm = normalize_match(line)
    words = norm.split()
    arabic = _ARABIC_WORD.findall(norm)
    n_chars = max(len(norm.replace(" ", "")), 1)
    stops = sum(1 for w in arabic if w in STOPWORDS or (len(w) > 2 and w[0] in "وفب" and w[1:] in STOPWORDS))
    return LineFeatures(
        text=line,
        words=len(words),
        arabic_words=len(arabic),
        stop_ratio=stops / max(len(arabic), 1),
        digit_ratio=len(_DIGIT.findall(norm)) / n_chars,
        latin_ratio=len(_LATIN.findall(norm)) / n_chars,
        ends_sentence=bool(_SENTENCE_END.search(line)),
        noise_cue=bool(NOISE.search(norm.strip())) or len(_SEPARATORS.findall(line)) >= 2,
        list_header=bool(LIST_HEADERS.search(line.strip()) or LIST_HEADERS.search(norm.strip())),
        separators=len(_SEPARATORS.findall(line)),
    )


def line_key(line: str) -> str:
    """Key under which a line is counted for repetition and site templates (digits folded)."""
    return _DIGIT.sub("0", " ".join(normalize_match(line).split()))[:200]
