"""Named entities: gazetteer matching plus trigger-word rules, and canonical merging.

Offline and fast. Gazetteer entries (with their spelling variants) give the type and
canonical name; trigger words ("الرئيس", "وزير الخارجية", "المتحدث باسم …") mark the
person names that follow them. Mentions are merged into canonical entities: a
surname joins the full name seen in the same text, and spelling variants share a key.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from ..arabic.normalize import normalize_match, normalize_token, strip_diacritics
from ..arabic.stopwords import STOPWORDS
from ..arabic.tokens import more_common, split_clitics, tokenize_spans, word_counts
from ..arabic.variants import oblique_kunya, variant_key
from ..records import Entity
from .gazetteers import GazetteerEntry, entries, first_names, longest_match
from .ner_features import never_an_entity
from .tagger import sentence_ends, shipped_tagger

# words after which a person's name follows (matching level)
_PERSON_TRIGGERS = [
    "الرئيس", "رئيس الوزراء", "رئيس الحكومه", "وزير الخارجيه", "وزير الدفاع", "وزير الداخليه", "وزير",
    "وزيره", "الوزير", "المتحدث باسم", "المتحدثه باسم", "الناطق باسم", "السفير", "الملك", "الامير",
    "ولي العهد", "الشيخ", "الدكتور", "د", "المستشار", "الجنرال", "اللواء", "العميد", "العقيد", "النائب",
    "الامين العام", "المبعوث", "مساعد الرئيس", "المدرب", "اللاعب", "الكاتب", "الزعيم", "زعيم", "قائد",
    "مدير", "محافظ", "امير منطقه", "نائب", "عضو", "رئيس",
]
# (not حركة: "حركة الرياح السطحية", "حركة المرور", "حركة السير" are movements of wind and traffic; the named
# movements are in the gazetteer)
_ORG_HEADS = frozenset(normalize_match(w) for w in  # matching level, as the tokens are compared ("هيئة" is هييه)
                       "وزارة هيئة جامعة شركة مجلس وكالة منظمة مؤسسة بنك حزب جمعية اتحاد نادي محكمة مستشفى "
                       "صندوق مركز إدارة قوات جيش".split())
_LONE_HEADS = _ORG_HEADS | {normalize_match(w) for w in "معهد كلية لجنة دائرة".split()}  # no body's name alone
# head words that after another name no body ("مجلس الإدارة", "إدارة النادي"); not اتحاد, also a name ("نادي
# الاتحاد", "شركة الاتحاد للطيران")
_GENERIC_SECOND = _ORG_HEADS - {normalize_match("اتحاد")}
# a body's head word with the staff of a body after it: "أعضاء هيئة التدريس" are a faculty, not a named body
_STAFF_BODIES = frozenset(normalize_match(w) for w in ("هيئة التدريس", "هيئة التمريض", "هيئة المحلفين"))
_LOC_HEADS = frozenset(normalize_match(w) for w in "مدينة محافظة منطقة ولاية بلدة قرية حي جزيرة إقليم".split())
# places and bodies named after a king or a prince: "استاد الملك فهد الدولي", "مركز الملك سلمان للإغاثة" are not
# the king or the prince; in Saudi news they outnumber many a real mention of the person
_FACILITIES = {normalize_match(p + w): kind for kind, words in {
    "LOC": "ملعب استاد ستاد مطار طريق شارع جسر ميناء مدينة قاعدة حي ميدان حديقة متنزه منتزه جامع مسجد",
    "ORG": "مركز جامعة مؤسسة كلية دارة مستشفى مجمع معهد مكتبة جائزة برنامج صندوق",
}.items() for w in words.split() for p in ("", "و", "ب", "ل", "ف")}
_ROYAL_TITLES = frozenset(normalize_match(w) for w in ("الملك", "الأمير", "الأميرة", "الشيخ", "السلطان"))
_TITLES = _ROYAL_TITLES | {normalize_match(w) for w in "الدكتور الدكتورة الأستاذ المهندس الرئيس السيد اللواء العميد "
                           "العقيد المدير".split()}  # a title ends a facility's name: the next person begins
# words that only ever title a person: a body's name right after one is that person's (not الملك: "كأس الملك الأهلي")
_PERSON_BEFORE = frozenset(normalize_match(w) for w in "الدكتور الدكتورة الأستاذ الأستاذة المهندس السيد الفنان الفنانة "
                           "الشاعر الشاعرة الكاتب الكاتبة الإعلامي".split())
# speech verbs the tagger sometimes takes into the name after them ("وأوضح العيسى"): never a name's first word
_SPEECH_VERBS = frozenset(normalize_match(p + v) for p in ("", "و", "ف") for v in
                          "قال قالت أوضح أوضحت أكد أكدت أضاف أضافت أشار أشارت ذكر ذكرت أعلن أعلنت بين بينت لفت لفتت "
                          "تابع تابعت شدد شددت صرح صرحت أفاد أفادت كشف كشفت اعتبر اعتبرت رأى يقول تقول".split())
# military and police ranks the tagger sometimes takes into the name after them ("رئيس رقباء مشعل الثبيتي"); bare
# رائد، مقدم، عميد، لواء، فريق are also a given name, a presenter, a dean, a brigade and a team
_RANKS = frozenset(normalize_match(w) for w in "رقباء الرقباء رقيب الرقيب عريف العريف جندي الجندي ملازم الملازم نقيب "
                   "النقيب الرائد المقدم عقيد العقيد العميد اللواء الفريق".split())
_RANK_GRADES = frozenset(normalize_match(w) for w in "أول ثاني ثان".split())
# «فإن» with its hamza is "for indeed", never the Dutch «فان» of «فان غال»: "فإن لودريان يرى" names Le Drian
_INNA = frozenset(("فإن", "وإن"))
_MINISTER = frozenset(normalize_match(p + w) for p in ("", "و", "ل", "ب") for w in ("وزير", "وزيرة", "وزيري", "وزراء"))
COMMON_NOUN_MIN = 100  # a word seen this often with the article in the 31k articles is a noun, if seen less without
_STOP_NAME = STOPWORDS | {normalize_match(w) for w in "اليوم أمس الخميس الجمعة السبت الأحد الاثنين الثلاثاء الأربعاء في خلال ان أن إن عن "
                          "لي لك لنا بي بك بنا مني منك".split()}  # "قال لي", "بدا لي": a preposition, no Li
# words after a body's name that begin something else: a person's title or rank, a relative pronoun, a
# preposition or a day ("هيئة الأركان العامة الفريق …", "هيئة المحلفين التي …", "نادي الشباب إلى …")
_ENDS_BODY_NAME = _TITLES | {normalize_match(w) for w in "الفريق التي الذي الذين اللذين اللتين إلى اليوم أمس".split()}


# God's name as the news writes it in formulas: "رحمه الله", "حفظه الله", "إن شاء الله", "الحمد لله", "رضي الله عنه".
# ANERcorp tags it MISC, so the tagger does too (13,544 mentions in the 31k corpus); but it is no participant in a
# happening, and an event's entity list led by "الله" tells the reader nothing.
_GOD = frozenset(normalize_match(w) for w in "الله لله والله بالله وبالله ولله فالله".split())
_BEFORE_GOD = frozenset(normalize_match(p + w) for p in ("", "و") for w in
                        "رحمه رحمها رحمهم يرحمه يرحمها يرحمهم حفظه حفظها حفظهم يحفظه يحفظها يحفظهم رعاه يرعاه "
                        "أيده يؤيده وفقه يوفقه وفقهم رضي رضوان صلى نحمد نشكر الحمد شاء بإذن سبحان بسم غفر يغفر "
                        "تغمده تغمدها شفاه شفاها يشفيه جزاه جزاهم أعانه عافاه حماه حماها يحميه نصره أعزه أطال "
                        "سدد بارك يبارك سلمه رحم يرحم بحمد".split())  # بحمد: "بحمد الله", thanks to God


_AFTER_GOD = frozenset(normalize_match(w) for w in "الحمد والحمد أكبر تعالى سبحانه عز جل المستعان الموفق التوفيق".split())
_PATRON_OF_SUCCESS = [normalize_match(w) for w in ("ولي", "التوفيق")]
# Given names that are also common words, read by the tagger as a lone person where the word is meant. A noun or
# adjective before a noun it governs: «حسن الجوار» (good neighbourliness), «لحسن الحظ», «رضا المستفيدين»
# (beneficiaries' satisfaction); 40 of 66 lone «حسن» persons and most of 38 lone «رضا» in 12,000 stored articles.
_CLITICS = ("", "و", "ل", "ب", "ف", "ول", "وب", "فل", "فب")
_WORD_BEFORE_NOUNS = {
    normalize_match(p + name): frozenset(normalize_match(a + w) for a in ("", "ال") for w in nouns.split())
    for name, nouns in (
        ("حسن", "جوار ظن نية حظ طالع تعامل معاملة خلق أخلاق سيرة سلوك تصرف تدبير تنظيم إدارة تخطيط اختيار "
                "استقبال ضيافة أداء استماع إصغاء خاتمة حال عشرة صحبة إسلام عبادة عمل أدب"),
        ("رضا", "مستفيدين مستفيد جماهير جمهور عملاء عميل زوار زائر مواطن مواطنين ناس مراجعين مسافرين موظفين "
                "ضيوف مستهلك مستهلكين طلاب والدين رب الله"),
    )
    for p in _CLITICS
}
# An adjective after the noun it qualifies: «الذكر الحكيم» (the Quran; 35 of 41 lone «الحكيم» persons); «شي» after
# a quantifier is "thing" spelt without its hamza («على كل شي قدير»), not Xi.
_WORD_AFTER_NOUNS = {normalize_match(adjective): frozenset(normalize_match(p + w) for p in _CLITICS for w in nouns.split())
                     for adjective, nouns in (("الحكيم", "الذكر"), ("شي", "كل أي اي لا بعض أقل اقل"),
                                              ("شرف", "عضو أعضاء اعضاء عضوية ضيف ضيوف"),  # an honorary member
                                              # the sunset prayer, not Morocco: 49 of the corpus's 558 «المغرب»
                                              ("المغرب", "صلاة صلاتي أذان آذان"))}
def _glued_forms(words: str) -> frozenset[str]:
    """The words as the tokens have them, bare and behind each proclitic group ("بالتوفيق", "والحماس")."""
    return frozenset(normalize_token(p + w) for w in words.split() for p in _CLITICS)


# Common words the tagger reads as a lone body: «الحماس» (enthusiasm, not Hamas: 44 lone bodies, none Hamas),
# «الإبل» (camels), «الهالك» (the deceased terrorist), a militia with no name («ميليشيا منافسة»)
_COMMON_NOT_A_BODY = _glued_forms("الحماس الإبل الهالك ميليشيا الميليشيا الميليشيات")
# adverbs made from a relative adjective: "ميدانياً" (in the field), "دولياً"; never a name
_ADVERBS = frozenset(normalize_token(w) for w in "ميدانيا محليا دوليا عربيا خليجيا إقليميا عالميا أمنيا عسكريا سياسيا "
                     "اقتصاديا رسميا".split())  # with or without tanween: normalize_token drops it
# months of the Levantine calendar that are also bodies' names: «نيسان (أبريل)» is April, «نيسان» alone Nissan
_MONTH_NAMES = frozenset(normalize_token(w) for w in ("نيسان",))
_GREGORIAN_APRIL = frozenset(normalize_token(w) for w in ("أبريل", "إبريل", "ابريل"))
# Common words the tagger reads as a lone person and that, alone, name nobody in news: «كائن بشري» (a being),
# «بلسان» (in the words of), «بالتوفيق» (success), «الرضا» (satisfaction), «الشعب النبيل», «العبد» (God's servant),
# «الصلاح» (piety); 30 to 80 lone persons each in the 31k corpus, none read by hand a person. As part of a name they
# stay («عمار الحكيم», «محمد العبد»).
_COMMON_NOT_ALONE = _glued_forms("كائن لسان التوفيق الرضا النبيل العبد الصلاح") | _glued_forms("للعبد للرضا")


def _common_before_word(norms: list[str], i: int) -> bool:
    """The one word at ``i`` is the common word it also is, by the word after it (see _IDIOM_BEFORE_WORD)."""
    after = _IDIOM_BEFORE_WORD.get(_clitic_free(norms[i])) or _IDIOM_BEFORE_WORD.get(normalize_match(split_clitics(norms[i])))
    return bool(after) and i + 1 < len(norms) and norms[i + 1] in after


def _common_word_named(norms: list[str], i: int) -> bool:
    """The one word at ``i`` is a given name used as the common word it also is (see _WORD_BEFORE_NOUNS)."""
    word = normalize_match(norms[i])
    after = _WORD_BEFORE_NOUNS.get(word)
    if after and i + 1 < len(norms) and normalize_match(norms[i + 1]) in after:
        return True
    before = _WORD_AFTER_NOUNS.get(word)
    return bool(before and i and normalize_match(norms[i - 1]) in before)


# Money named by its currency ("600 مليون ريال", "جنيه استرليني"): the tagger, after ANERcorp, reads it as MISC (152
# mentions of "ريال" in 800 corpus articles); it names no participant.
_CURRENCIES = frozenset(normalize_match(w) for w in
                        "ريال ريالا ريالات دولار دولارا دولارات يورو جنيه جنيها جنيهات درهم دراهم دينار دينارا دنانير "
                        "ليرة ليرات روبية ين فرنك يوان روبل روبلا".split())


def _formula_tokens(norms: list[str]) -> list[bool]:
    """Tokens of a formula with God's name ("رحمه الله", "ولله الحمد"): the name and the word before or after it."""
    out = [False] * len(norms)
    for i in range(len(norms)):
        if norms[i] in _GOD:
            if i and norms[i - 1] in _BEFORE_GOD:
                out[i - 1] = out[i] = True
            if i + 1 < len(norms) and norms[i + 1] in _AFTER_GOD:
                out[i] = out[i + 1] = True
            if norms[i + 1 : i + 3] == _PATRON_OF_SUCCESS:  # "والله ولي التوفيق"
                out[i] = out[i + 1] = out[i + 2] = True
    return out


@lru_cache(maxsize=100_000)
def _clitic_free(word: str) -> str:
    # one letter first, so the article stays: بالمدينة المنورة is المدينة المنورة, not مدينة (a word of «مدينة
    # غواتيمالا») before a lone «المنورة»
    for pre in ("لل", "و", "ب", "ل", "وال", "بال"):
        # ل + the article writes لل: للأمم المتحدة is الأمم المتحدة
        if pre == "لل" and word.startswith(pre) and len(word) >= 5 and "ال" + word[2:] in _gazetteer_words():
            return "ال" + word[2:]
        if word.startswith(pre) and len(word) - len(pre) >= 3 and word[len(pre):] in _gazetteer_words():
            return word[len(pre):]
    return word


def _generic_body(norms: list[str], s: int, e: int) -> bool:
    """A body's head word and one more that names no body: another head word ("مجلس الإدارة", "إدارة النادي",
    "إدارة الشركة": some board, some club's management) or a staff ("هيئة التدريس")."""
    if e - s != 2:
        return False
    head, second = (normalize_match(w) for w in norms[s:e])
    return head in _ORG_HEADS and ((second.startswith("ال") and second[2:] in _GENERIC_SECOND)
                                   or f"{head} {second}" in _STAFF_BODIES)


# the first halves of given names compounded with الله: «ضيف الله», «ذبيح الله», «فتح الله», «هبة الله»
_ALLAH_COMPOUND_FIRST = frozenset(normalize_token(w) for w in "ضيف ذبيح فتح هبة عوض عطا خير جار حسب فضل رزق".split())


def _compound_with_allah(toks: list[tuple[str, int, int]], norms: list[str], text: str, j: int) -> bool:
    """A given name compounded with الله starts at ``j`` after a person's title: each half alone is a common word
    («ضيف» a guest, «فتح» opened) and الله God's name, so neither the title rule nor the tagger reads it as a name."""
    return j + 1 < len(toks) and norms[j] in _ALLAH_COMPOUND_FIRST and norms[j + 1] == normalize_token("الله") \
        and _contiguous(toks, text, j, j + 2)


def _month_named(norms: list[str], k: int) -> bool:
    """The word at ``k`` is a month name that is also a body's ("نيسان"), written as a month: beside its Gregorian
    name ("نيسان (أبريل)", "أبريل (نيسان)"), after a day number or before a year."""
    if norms[k] not in _MONTH_NAMES:
        return False
    near = set(norms[max(0, k - 2):k] + norms[k + 1:k + 3])
    return bool(near & _GREGORIAN_APRIL) or (k > 0 and norms[k - 1].isdigit()) \
        or (k + 1 < len(norms) and norms[k + 1].isdigit() and len(norms[k + 1]) == 4)


def _verb_shaped(norms: list[str], k: int) -> bool:
    """A one-word "name" the tagger read off a verb: the future سيعلن (سـ + a common present form), or و/ف + a past
    verb opening its clause before a definite subject ("واتفق الجانبان": يتفق is a common word, اتفق no name)."""
    word = norms[k]
    if word in first_names() or word in _gazetteer_words():
        return False
    if word[:1] == "س" and word[1:2] in ("ي", "ت", "ن") and more_common(word[1:], word):
        return True
    core = word[1:] if word[:1] in ("و", "ف") else ""
    if len(core) < 3 or core in first_names() or core in _gazetteer_words() or k + 1 >= len(norms) \
            or not norms[k + 1].startswith("ال"):
        return False
    present = "ي" + (core[1:] if core[0] == "ا" else core)
    return word_counts().get(present, 0) >= 20


# a proclitic glued to a name's first word, and what it leaves in the name's canonical form
_NAME_PROCLITICS = (("وال", "ال"), ("فال", "ال"), ("بال", "ال"), ("لل", "ال"), ("و", ""), ("ف", ""), ("ب", ""), ("ل", ""), ("ك", ""))


def _bare_name(name: str, etype: str = "") -> str:
    """A tagged name without the conjunction or preposition glued to it: وفراس البريكان → فراس البريكان,
    للأردن → الأردن. The tagger's span is the written token; the canonical form is what other articles
    write, or the mention would not merge with them. A lone letter is stripped only when what remains is
    a known name word or a word far more common in news than the glued form; before a person's name a preposition
    (ب، ل، ك) only when what remains is a known name word: "وقال بادي" is Badi, not ب + "ادي" (the verb أدى)."""
    first, sep, rest = name.partition(" ")
    norm = normalize_match(first)
    if norm in _gazetteer_words() or norm in first_names():  # فراس is a name, not ف + راس
        return name
    for pre, put in _NAME_PROCLITICS:
        if first.startswith(pre) and len(norm) - len(pre) >= 3:
            core = put + norm[len(pre):]
            # و/ف/ب/ل + the article is always a proclitic group; a lone letter needs evidence, and a name does not
            # start with a function word (واين روني is Wayne, not و + أين; وعلي keeps Ali, a first name)
            known = core in _gazetteer_words() or core in first_names()
            if put or known or (core not in STOPWORDS and more_common(core, norm)
                                and not (etype == "PER" and pre in ("ب", "ل", "ك"))
                                and not (not sep and pre in ("ب", "ل", "ك") and _a_word_not_a_name(core))):
                return put + first[len(pre):] + sep + rest
            break
    return name


COMMON_NOUN_AL_SHARE = 0.15  # share of a word's uses that carry the article: عقوبة 0.92, ناري 0.21; أرسنال 0.02, جدة 0


def _a_word_not_a_name(core: str) -> bool:
    """What a lone ب/ل/ك would leave of a one-word place or body is no name: the conjunction و cannot follow a
    preposition (بوروسيا is Borussia, not ب + وروسيا), and a common noun takes the article, which names seldom do
    (بعقوبة is Baqubah, not ب + عقوبة "a penalty"; كناري is not ك + ناري)."""
    if core.startswith("و"):  # (not ف: لفولفسبورج and بفلوريدا are ل/ب + a name)
        return True
    counts = word_counts()
    seen = counts.get(core, 0)
    return bool(seen) and counts.get("ال" + core, 0) >= COMMON_NOUN_AL_SHARE * seen


@lru_cache(maxsize=1)
def _gazetteer_words() -> frozenset[str]:
    return frozenset(w for k in entries() for w in k.split())


@lru_cache(maxsize=1)
def _triggers() -> dict[str, list[list[str]]]:
    """First word (with or without a و/ل proclitic) -> triggers starting with it, longest first."""
    table: dict[str, list[list[str]]] = {}
    for words in sorted((normalize_match(t).split() for t in _PERSON_TRIGGERS), key=len, reverse=True):
        for first in (words[0], "و" + words[0], "ل" + words[0]):
            table.setdefault(first, []).append(words)
    return table


def _names_someone_else(previous: str) -> bool:
    """The word before a one-word person entry belongs to another name: a first name, or بن/بنت/أبو."""
    return previous in ("بن", "بنت", "ابن", "ابو", "ام") or previous in first_names()


def _family_name_after_lineage(norms: list[str], j: int, k: int) -> bool:
    """"عاصم بن عبدالوهاب العيسى": after بن and a father's name, a word with ال is the family name; so is the
    word after آل ("عبدالعزيز بن عبدالله آل الشيخ", matched as ال)."""
    if k - j >= 1 and norms[k - 1] == "ال" and norms[k].startswith("ال") and len(norms[k]) > 3:
        return True
    return k - j >= 3 and norms[k - 2] in ("بن", "بنت") and norms[k].startswith("ال") and norms[k] not in _STOP_NAME


# role nouns end a name that runs on into its holder's office: "فهد بن سلطان بن عبدالعزيز أمير منطقة تبوك"
_ROLE_NOUNS = frozenset(normalize_match(p + w) for p in ("", "و", "ل", "ب") for w in
                        "أمير رئيس محافظ نائب عضو سفير مدير وزير قائد أمين مساعد مستشار وكيل عميد مدرب لاعب "
                        "ولي مفتي إمام خطيب".split())


# a gazetteer name that is part of an idiom when this word follows it ("مسقط رأس اللاعب": the player's birthplace)
_IDIOM_AFTER = {normalize_match("مسقط"): normalize_match("رأس")}
# a name that, before this very word, is a common word: "النيل من أمن الوطن" (harming it), not the Nile
# "أن يعيده باليمن والبركات": with good fortune (al-yumn), not Yemen
_IDIOM_BEFORE_WORD = {normalize_match("النيل"): frozenset({normalize_match("من")}),
                      normalize_match("المغرب"): frozenset({normalize_match("والعشاء")}),  # two prayers
                      normalize_match("اليمن"): frozenset(normalize_match(w) for w in
                                                           "والبركات والبركة والمسرات والإيمان والسعادة والخيرات".split())}
# words inside a name that lead to the next part of it: "بن لادن", "هاني أبو داود", "عبد الرحمن", "دي ميستورا"
_NAME_LINKS = frozenset(normalize_match(w) for w in "بن بنت ابن أبو أبي أم عبد دي دا فان".split())
_LINEAGE = frozenset(normalize_match(w) for w in ("بن", "بنت", "ابن"))  # what a father's name follows
_COMPOUND_FIRST = frozenset(normalize_match(w) for w in ("عبد", "أبو", "ابو"))  # the first half of a compound name
# a tagger span of one of these alone names nobody («الملا» is the title before «محمد عمر», «أختر منصور»)
_LONE_PERSON_WORDS = _TITLES | _NAME_LINKS | {normalize_match("الملا")}
# adjectives of praise the tagger reads as a person when they follow their noun ("أمره الكريم القاضي بأن", "الأخ
# العزيز", "العلي القدير"); a name never begins with one (عبدالعزيز، عبد الكريم start with عبد)
_PRAISE_ADJECTIVES = frozenset(normalize_match(w) for w in "الكريم الكريمة العزيز العزيزة السامي الملكي القدير".split())


def _ends_name(norms: list[str], k: int) -> bool:
    """The word at ``k`` cannot continue the name before it: a role noun, a word the tagger never reads as part of a
    name ("محمد ظريف وسائل", "أشتون كارتر وضع"), or a word with a و/ب/ل proclitic ("بزيارة", "وعدد", "وسفير"), except
    a first name or right after بن/بنت ("بن لادن"). The letter is a proclitic only when the rest is a far more common
    word of three letters or more: بولتون and بطرس go on the name ("جون بولتون", "يوسف بطرس غالي"), and so does ليو
    ("جاك ليو"), whose rest is two letters (function words such as "وهو" are in the lexicon as never a name)."""
    norm = norms[k]
    if k > 0 and norms[k - 1] in ("بن", "بنت", "ابن"):
        return False  # the father's name, even one that is also an office: "عبدالله بن مساعد"
    if norm in _ROLE_NOUNS:
        return True
    if norm in first_names() or norm in _NAME_LINKS or (k > 0 and norms[k - 1] in _NAME_LINKS):
        return False
    return never_an_entity(norm) or _glued_to_common_word(norm, ("و", "ب", "ل"))


def _glued_to_common_word(norm: str, letters: tuple[str, ...]) -> bool:
    """``norm`` is one of these proclitic letters + a word of three letters or more far more common in news alone
    ("بزيارة", "لخادم"), not a word that merely starts with the letter ("بولتون", "لافروف", "ليو")."""
    return any(norm.startswith(pre) and len(norm) - len(pre) >= 3 and more_common(norm[len(pre):], norm)
               for pre in letters)


def _looks_like_name_word(norm: str) -> bool:
    return len(norm) >= 2 and norm not in _STOP_NAME and not norm.isdigit() and not norm.startswith("ال")


# honorifics and words that head an office or a body: after a trigger they carry the office on ("نائب رئيس
# المجلس", "عضو لجنة الأمن", "المبعوث الخاص لخادم الحرمين", "صاحب السمو"), they never begin its holder's name
_OFFICE_STARTS = _ROLE_NOUNS | frozenset(normalize_match(p + w) for p in ("", "و", "ل", "ب") for w in
                                         "خادم صاحب معالي سمو فخامة سعادة دولة لجنة شرطة بلدية أمانة مديرية دائرة "
                                         "قسم مكتب فرع قطاع وحدة جهاز فريق منتخب حكومة شؤون شئون أعضاء جمهورية ديوان مطار "
                                         "مجموعة غرفة حرس مفوضية سفارة قنصلية بعثة وفد حركة كرة ألعاب معهد كلية مدرسة أكاديمية".split()) \
    | frozenset(p + w for p in ("", "و", "ل", "ب") for w in (*_ORG_HEADS, *_LOC_HEADS))


# after these heads و joins a second group, not more of the name: "قوات الجيش والمقاومة", "نادي القادسية والاتفاق"
_GROUPS_JOINED = frozenset(normalize_match(w) for w in "قوات جيش نادي اتحاد حزب".split())


def _and_the(norms: list[str], k: int, head: int) -> bool:
    """A body's name goes on through و + an ال-word after its first word: "وزارة التجارة والصناعة", "هيئة التحقيق
    والادعاء", "جمعية الثقافة والفنون" (654 such names were cut at the و in 8,000 articles). Not through a relative
    pronoun ("والتي"), the head of another body ("… الخيرية والجمعية", "وزارة الاقتصاد واللجنة العليا") or a plural of people ("قوات الأمن
    والعاملين")."""
    rest = norms[k][1:]
    return k > head + 1 and norms[head] not in _GROUPS_JOINED and norms[k].startswith("وال") \
        and rest not in _ENDS_BODY_NAME and rest[2:] not in _LONE_HEADS and not rest.endswith("ين")


def _common_noun(norms: list[str], j: int) -> bool:
    """The word at ``j``, right after a person trigger, is a common noun that carries the office on, not the
    first word of its holder's name: an office or body word ("لرئيس الفيفا", "لجنة"), a preposition + a word far
    more common alone ("بالديوان", "باسمه"), a word the tagger never reads as a name ("إجراء", "استخدام"), a noun +
    a pronoun ("قوله", "نفسه"), or a word written with the article far more often than without ("خارجية",
    "تعليم"). Arabic has no capital letters; how often a word takes the article is the nearest stand-in (a name
    rarely does: بوتين never). A lineage (بن) or a family name (ال…ي) after the word says it is a name after all
    ("مهنا بن عبدالرحمن", "خميس الجهيناوي")."""
    norm = norms[j]
    if _common_word_named(norms, j):
        return True  # "عضو شرف النادي": an honorary member, no Sharaf
    if norm in first_names():
        return False
    if norm in _OFFICE_STARTS or norm.startswith(("بال", "لل", "وال", "فال", "كال")):
        return True
    if _glued_to_common_word(norm, ("و", "ف", "ب", "ل", "ك")):
        return True
    after = norms[j + 1] if j + 1 < len(norms) else ""
    if after in ("بن", "بنت") or (after.startswith("ال") and after.endswith("ي") and len(after) >= 5):
        return False
    if never_an_entity(norm):
        return True  # "واقترح الرئيس الإيراني إجراء مناظرة": a noun the tagger never reads as a name
    counts = word_counts()
    stem = norm[:-1]
    if len(norm) >= 4 and norm.endswith("ه") and \
            counts.get(stem, 0) + counts.get("ال" + stem, 0) >= max(COMMON_NOUN_MIN, counts.get(norm, 0) / 2):
        return True  # the stem is a common noun: قوله (قول، القول), نفسه, اسمه
    with_article = counts.get("ال" + norm, 0)
    return with_article >= max(COMMON_NOUN_MIN, 1.5 * counts.get(norm, 0))


def _facility_names(toks: list[tuple[str, int, int]], norms: list[str], text: str,
                    taken: list[bool]) -> list[tuple[int, int, str]]:
    """Facilities and bodies named after royalty, as token spans with their type: a head (مطار، مستشفى، مركز …), a
    title, the name (given names, بن, عبد…), then the words that qualify the facility (الدولي، للإغاثة والأعمال
    الإنسانية)."""
    out = []
    for i in range(len(toks) - 2):
        kind = _FACILITIES.get(norms[i])
        if kind is None or taken[i] or norms[i + 1] not in _ROYAL_TITLES or not _joined(toks, text, i + 1):
            continue
        k = i + 2
        while k < len(toks) and k < i + 8 and not taken[k] and _joined(toks, text, k) and (
                norms[k] in first_names() or norms[k] in ("بن", "بنت", "عبد") or norms[k].startswith("عبد")
                or norms[k - 1] in ("بن", "بنت", "عبد")):  # a father's name, the second half of عبد العزيز
            k += 1
        while k > i + 2 and norms[k - 1] in ("بن", "بنت", "عبد"):
            k -= 1  # the text broke off after بن
        if k == i + 2:
            continue  # no name after the title
        end, of = k, False
        while end < len(toks) and end < k + 4 and not taken[end] and _joined(toks, text, end) \
                and norms[end] not in _STOP_NAME and norms[end] not in _TITLES:
            word = norms[end]
            if word.startswith("لل"):  # "للإغاثة": what the body is for, and the words joined to it
                of = True
            elif not ((of and word.startswith(("ال", "وال"))) or (word.startswith("ال") and word.endswith(("ي", "يه")))):
                break  # after the name only adjectives (الدولي، التخصصي، المركزية): "حديقة الملك فهد العرض الأول"
            end += 1
        out.append((i, end, kind))
    return out


def extract_entities(text: str) -> list[Entity]:
    """Entities with offsets into ``text``, typed PER/LOC/ORG/MISC, each with its canonical name."""
    toks = tokenize_spans(text)
    norms = [normalize_token(t[0]) for t in toks]
    found: list[tuple[int, int, str, str]] = []  # token range, type, canonical
    formula = _formula_tokens(norms)
    taken = list(formula)  # no rule or tagger span covers a formula, and a name running into one ends before it
    i = 0

    def accept(n: int, entry: GazetteerEntry) -> bool:  # for the phrase starting at the current token i
        if n == 1 and entry.type == "PER" and i > 0 and _names_someone_else(norms[i - 1]):
            return False  # "نهلة بنت أحمد الجبير", "فهد الجبير": a family name, not the famous bearer of it
        if entry.type == "PER" and i > 0 and norms[i - 1] in _LINEAGE:
            return False  # "الأمير فيصل بن سلمان بن عبدالعزيز": the prince's father's name, not the King
        if n == 1 and entry.type == "ORG" and i > 0 and (norms[i - 1] in _PERSON_BEFORE or (
                i > 1 and norms[i - 1] in first_names() and norms[i - 2] in _PERSON_BEFORE)):
            # "الفنان عبدالله حماس": the painter's family name, not the movement. A first name alone is not enough:
            # many are words too ("المتحدث باسم الخارجية", "خليفة داعش", "على «تويتر»" read as «علي»)
            return False
        if n == 1 and entry.type == "ORG" and i > 0 and norms[i - 1] in _MINISTER and not norms[i].startswith("وزار"):
            return False  # "وزير الخارجية التركي": a portfolio in a person's title, not the ministry
        if entry.type == "PER" and i > 0 and norms[i - 1] in _FACILITIES and _joined(toks, text, i):
            return False  # "مطار الملك خالد": the airport, found by _facility_names
        if n == 1 and i + 1 < len(norms) and norms[i + 1].startswith(_IDIOM_AFTER.get(norms[i], "\0")):
            return False  # "مسقط رأسه": his birthplace, not Muscat
        if n == 1 and (_common_before_word(norms, i) or _common_word_named(norms, i)):
            return False  # "للنيل من أمن الوطن": to harm it; "بعد صلاة المغرب": the sunset prayer
        if n == 1 and entry.type == "ORG" and _adjective_of_noun(toks, norms, text, i):
            return False  # "السياسة الخارجية": foreign policy, not the foreign ministry
        return _contiguous(toks, text, i, i + n)

    while i < len(toks):
        match = longest_match(norms, i, _clitic_free, accept)
        if match is None:
            i += 1
            continue
        n, entry = match
        found.append((i, i + n, entry.type, entry.canonical))
        taken[i:i + n] = [True] * n
        i += n
    for s, e, kind in _facility_names(toks, norms, text, taken):
        found.append((s, e, kind, " ".join(t[0] for t in toks[s:e])))
        taken[s:e] = [True] * (e - s)
    crf = _model_spans([t[0] for t in toks], sentence_ends(toks, text))
    crf_person = [False] * (len(toks) + 1)
    for s, e, etype in crf:
        if etype == "PER":
            crf_person[s:e] = [True] * (e - s)
    # trigger rules: up to three name-like words after a person trigger
    triggers = _triggers()
    for i in range(len(toks)):
        for trig in triggers.get(norms[i], ()):
            n = len(trig)
            if n > 1 and norms[i + 1 : i + n] != trig[1:]:
                continue
            j = i + n
            # skip the office description: "وزير الخارجية الروسي سيرغي لافروف", "الأمين العام للأمم المتحدة …"
            # and a second office joined by و: "المستشار القانوني والمحامي عاصم …"
            while j < len(toks) and j < i + n + 4 and norms[j].startswith(("ال", "لل", "وال")) \
                    and _joined(toks, text, j):
                j += 1
            while j < len(toks) and norms[j] in _RANKS and _joined(toks, text, j):
                j += 1  # "رئيس رقباء مشعل الثبيتي": a rank, then the name
            godly = _compound_with_allah(toks, norms, text, j)
            if not godly and j < len(toks) and (not _joined(toks, text, j) or _verb_shaped(norms, j)
                                                or _common_noun(norms, j) or toks[j][0] == "على"):  # "المشرف على":
                break  # matching level folds على into Ali; "وزير الخارجية التركي.\nواتفق": the sentence ended;
                # "المدرب الجديد سيعلن": a verb
            k = j + 2 if godly else j
            while k < len(toks) and k < j + 3 + 2 * norms[j:k].count("بن") and not taken[k] and _contiguous(toks, text, j, k + 1) \
                    and not (k > j and _ends_name(norms, k)) \
                    and (_looks_like_name_word(norms[k]) or _family_name_after_lineage(norms, j, k)):
                k += 1
            if godly and k < len(toks) and not taken[k] and norms[k].startswith("ال") and norms[k].endswith("ي") \
                    and len(norms[k]) >= 5 and _contiguous(toks, text, j, k + 1):
                k += 1  # "المقدم ضيف الله الشهراني": the tagger reads الله as God's name, and what follows with it
            # a family name with ال after the given name, as the tagger reads it: "الدكتور سعد الحسين"
            while k > j and k < len(toks) and k < j + 5 and crf_person[k] and not taken[k] and _contiguous(toks, text, j, k + 1) \
                    and not _ends_name(norms, k):
                k += 1
            if k > j and not any(taken[j:k]):
                name = " ".join(t[0] for t in toks[j:k])
                found.append((j, k, "PER", name))
                for m in range(j, k):
                    taken[m] = True
            break
    # institutional heads: "وزارة الصحة", "هيئة الأرصاد", "مدينة تبوك"
    for i in range(len(toks)):
        if taken[i]:
            continue
        head = norms[i]
        etype = "ORG" if head in _ORG_HEADS else ("LOC" if head in _LOC_HEADS else None)
        if etype is None:
            continue
        k = i + 1
        while k < len(toks) and k < i + 4 and (norms[k].startswith("ال") or (etype == "ORG" and _and_the(norms, k, i))) \
                and norms[k] not in _ENDS_BODY_NAME and not taken[k] \
                and _contiguous(toks, text, i, k + 1):  # a title begins the next name: "رئيس مجلس الإدارة المهندس …"
            k += 1
        if k > i + 1 and not _generic_body(norms, i, k):
            found.append((i, k, etype, " ".join(t[0] for t in toks[i:k])))
            for m in range(i, k):
                taken[m] = True
    # the statistical tagger adds what gazetteers and rules did not cover
    for s, e, etype in crf:
        while s < e and (norms[s] in _SPEECH_VERBS or (etype == "PER" and (norms[s] in _RANKS or toks[s][0] in _INNA))
                         or (etype == "PER" and norms[s] in _RANK_GRADES and s and norms[s - 1] in _RANKS)):
            s += 1  # "الجندي أول حسن بشيري": أول grades the rank before it
        if etype == "PER" and s < e and all(norms[k] in _OFFICE_STARTS for k in range(s, e)):
            continue  # titles and offices with no name after them: "وسمو ولي ولي" (… العهد cut off)
        while e > s and formula[e - 1]:
            e -= 1  # "عمر بن الخطاب رضي الله": the name ends before the formula
        if etype == "PER" and s < e and normalize_match(norms[s]) in _PRAISE_ADJECTIVES:
            continue
        if s < e and norms[s] in _GOD:
            continue  # God's name, alone or read as a name's start ("والله ولي التوفيق", "الله عز وجل")
        if etype == "MISC" and e - s <= 2 and normalize_match(split_clitics(norms[s])) in _CURRENCIES:
            continue  # "ريال", "جنيه استرليني", "الدولار"
        if e - s == 1 and ((etype == "PER" and normalize_match(norms[s]) in _LONE_PERSON_WORDS)
                           or (etype in ("ORG", "PER") and normalize_match(norms[s]) in _LONE_HEADS)):
            # a title, a kunya or a body's head word alone ("الشيخ", "أبو", "معهد", also when read as a person):
            # the name is missing
            continue
        if etype == "ORG" and e - s == 1 and s and norms[s - 1] in _PERSON_BEFORE:
            etype = "PER"  # "افتتاح الفنان حماس للمعرض": a title names a person
        if etype == "ORG" and _generic_body(norms, s, e):
            continue
        if e - s == 1 and norms[s] in _ADVERBS:
            continue  # "ميدانياً، أصيب 16 مجندا": on the ground (81 lone places in the corpus)
        if etype == "ORG" and e - s == 1 and (norms[s] in _COMMON_NOT_A_BODY or _month_named(norms, s)):
            continue  # "الحماس للسيارات": enthusiasm; "في نيسان (أبريل)": the month
        if e - s == 1 and _common_word_named(norms, s):
            continue  # "حسن الجوار": good neighbourliness, no Hassan; "صلاة المغرب": a prayer, no Morocco
        if e - s == 1 and _common_before_word(norms, s):
            continue  # "النيل من أمن الوطن": harming it, no Nile
        if e - s == 1 and (_verb_shaped(norms, s) or (etype == "ORG" and _adjective_of_noun(toks, norms, text, s))
                           or (etype == "PER" and (norms[s] in _OFFICE_STARTS or split_clitics(norms[s]) in _STOP_NAME
                                                   or (norms[s][:1] in "وف" and norms[s][1:] in _STOP_NAME)
                                                   or norms[s] in _COMMON_NOT_ALONE))):
            # one word read as a person that is an office ("ولي ولي العهد"), a function word ("وأين": alone, و + a
            # function word even where the clitic splitter keeps "واين" whole for Wayne Rooney) or a common word
            continue
        if s < e and not any(taken[s:e]) and _contiguous(toks, text, s, e):
            spans = [(s, e, etype)]
            if etype == "ORG" and (k := _person_after_body(norms, s, e)):
                spans = [(s, k, "ORG"), (k, e, "PER")]  # "للمؤسسة العامة للتدريب التقني والمهني فهد العتيبي"
            for a, b, kind in spans:
                found.append((a, b, kind, " ".join(t[0] for t in toks[a:b])))
            for m in range(s, e):
                taken[m] = True
    found.sort()
    found = [_with_fathers_name(toks, norms, text, span, taken) for span in found]
    found = [piece for span in found for piece in _split_listed_persons(toks, norms, span)]
    ents = [Entity(text=text[toks[s][1] : toks[e - 1][2]], start=toks[s][1], end=toks[e - 1][2], type=t,
                   canonical=strip_diacritics(_bare_name(c, t)))  # «عَائِشَةَ» is listed, and merges, as «عائشة»
            for s, e, t, c in found]
    return canonicalize(ents)


def _split_listed_persons(toks: list, norms: list[str], span: tuple[int, int, str, str]) -> list[tuple[int, int, str, str]]:
    """"طارق حامد وعمر جابر", "بول رود ومايكل دوجلاس": a tagger span over a list of people is one person per name,
    split before و + a listed first name (170 such spans in 12,000 stored articles)."""
    s, e, etype, _canonical = span
    if etype != "PER":
        return [span]
    cuts = [k for k in range(s + 1, e) if norms[k].startswith("و") and norms[k][1:] in first_names()
            and norms[k - 1] not in _NAME_LINKS]
    if not cuts:
        return [span]
    bounds = [s, *cuts, e]
    return [(a, b, etype, " ".join(t[0] for t in toks[a:b])) for a, b in zip(bounds, bounds[1:])]


def _with_fathers_name(toks: list, norms: list[str], text: str, span: tuple[int, int, str, str],
                       taken: list[bool]) -> tuple[int, int, str, str]:
    """A person's name never ends on بن/بنت: the tagger stops at a father's name that is also a word ("عبد الله بن
    مساعد", "assistant"), so the next word, or the two of a compound ("بن عبد الرحمن"), goes on the name."""
    s, e, etype, canonical = span
    if etype != "PER" or norms[e - 1] not in _LINEAGE or e >= len(toks) or taken[e] \
            or not _contiguous(toks, text, s, e + 1):
        return span
    k = e + 1
    if norms[e] in _COMPOUND_FIRST and k < len(toks) and not taken[k] and _contiguous(toks, text, s, k + 1):
        k += 1
    return s, k, etype, " ".join(t[0] for t in toks[s:k])


def _person_after_body(norms: list[str], s: int, e: int) -> int | None:
    """Where a person's name begins at the end of a body's span: a listed first name two or three words before the
    end, after two words of the body at least, and not after a royal title or a title (a body named after a king
    or a doctor, "مركز الملك سلمان للإغاثة", keeps his name)."""
    for k in range(max(s + 2, e - 3), e - 1):
        rest = norms[k + 1:e]  # the father's and family names ("العتيبي" may carry the article)
        if norms[k] in first_names() and norms[k - 1] not in _TITLES and norms[k - 1] not in _ROYAL_TITLES \
                and all(n not in _STOP_NAME and n not in _OFFICE_STARTS and not n.isdigit() for n in rest):
            return k
    return None


def model_tags(tokens: list[str], ends: set[int] | frozenset[int] = frozenset()) -> list[str]:
    """BIO tags of the BiLSTM-CRF trained on ANERcorp (marsad.nlp.tagger, bench/train_ner_neural.py); ``ends``:
    the tokens sentences end with."""
    return shipped_tagger().tag(tokens, ends) if tokens else []


def _model_spans(tokens: list[str], ends: set[int]) -> list[tuple[int, int, str]]:
    """The tagger's tags (``model_tags``) as token spans."""
    tags = model_tags(tokens, ends)
    out, start, kind = [], None, None
    for i, t in enumerate([*tags, "O"]):
        if t.startswith("B-") or t == "O" or (t.startswith("I-") and t[2:] != kind):
            if start is not None and kind:
                out.append((start, i, kind))
            start, kind = (i, t[2:]) if t != "O" else (None, None)
    return out


def _adjective_of_noun(toks: list[tuple[str, int, int]], norms: list[str], text: str, i: int) -> bool:
    """The definite feminine nisba at ``i`` ("الخارجية", "الداخلية") agrees with the definite noun right before it: an
    adjective ("السياسة الخارجية", "الشؤون الداخلية", over 2,000 times in the 31k articles), not a ministry's short
    name, which follows a verb, a colon or a preposition ("أعلنت الداخلية", "الداخلية:")."""
    word = norms[i]
    return (i > 0 and word.startswith(("ال", "وال")) and word.endswith("يه") and _joined(toks, text, i)
            and norms[i - 1].startswith(("ال", "وال", "بال", "فال", "لل")) and norms[i - 1] not in _TITLES)


def _joined(toks: list[tuple[str, int, int]], text: str, j: int) -> bool:
    """Token ``j`` goes on from the one before it: nothing between them but space, or the dot of a one-letter
    abbreviation ("د. خليل")."""
    gap = text[toks[j - 1][2] : toks[j][1]].strip()
    return not gap or (gap == "." and len(toks[j - 1][0]) == 1)


def _contiguous(toks: list[tuple[str, int, int]], text: str, s: int, e: int) -> bool:
    """No punctuation between the tokens of a candidate name."""
    for a in range(s, e - 1):
        gap = text[toks[a][2] : toks[a + 1][1]]
        if gap.strip():
            return False
    return True


_LINEAGE_KEYS = frozenset(variant_key(w) for w in ("بن", "بنت", "ابن"))
_GLUED_LETTERS = frozenset("وفبل")


def _glued_as_written(ents: list[Entity]) -> None:
    """"وسلطانة" beside "سلطانة": the letter is the conjunction or preposition when the text also writes the name bare
    (the corpus alone could not tell it from the name's own letter: see _bare_name)."""
    written = {e.canonical for e in ents}
    for e in ents:
        if e.canonical[:1] in _GLUED_LETTERS and len(e.canonical) >= 4 and e.canonical[1:] in written:
            e.canonical = e.canonical[1:]


def _bare_word_as_named(ents: list[Entity]) -> None:
    """A one-word body the gazetteer expands by default ("التحالف" → التحالف العربي) is the one the text names in
    full with the same first word, when it names exactly one ("قوات التحالف الدولي … وأضاف البيان أن التحالف شن"):
    a reader takes "the coalition" to be the coalition the article is about."""
    fuller: dict[str, set[str]] = {}
    for o in ents:
        words = normalize_match(o.canonical).split()
        if o.type == "ORG" and len(words) >= 2 and len(o.text.split()) >= 2:  # written in full, not expanded
            fuller.setdefault(words[0], set()).add(o.canonical)
    for e in ents:
        word = normalize_match(_bare_name(e.text))
        if e.type != "ORG" or " " in word or normalize_match(e.canonical) == word:  # a body; "المملكة" stays the
            # Kingdom of the paper, whatever other kingdom the article names
            continue
        named = fuller.get(word, set()) - {e.canonical}
        if len(named) == 1 and e.canonical not in fuller.get(word, set()):
            e.canonical = next(iter(named))


_CLUB_HEADS = frozenset(normalize_match(w) for w in ("نادي", "النادي"))


def _club_as_named(ents: list[Entity]) -> None:
    """"نادي الأهلي" and "الأهلي" are one club: the head word joins the name it heads when the text also names the
    club bare (only clubs: "وزارة الصحة" is not "الصحة")."""
    bare = {normalize_match(e.canonical): e.canonical for e in ents if e.type == "ORG" and " " not in e.canonical}
    for e in ents:
        if e.type != "ORG":
            continue
        head, _, rest = normalize_match(e.canonical).partition(" ")
        if head in _CLUB_HEADS and rest in bare:
            e.canonical = bare[rest]


def canonicalize(ents: list[Entity]) -> list[Entity]:
    """Merge mentions naming the same entity: variants share a key; a family name joins its full name; a name with a
    lineage word left out joins the one that writes it ("تركي بن محمد فهد" is "تركي بن محمد بن فهد"); a first and a
    family name join the one longer name they begin and end ("محمد الغامدي", "محمد بن صالح الغامدي"); a name and
    its father's the one longer lineage they begin ("فيصل بن خالد", "فيصل بن خالد بن عبد العزيز"); a name with
    و/ف/ب/ل glued on that the text also writes bare joins it ("وسلطانة" beside "سلطانة", where the corpus alone
    could not tell the letter from the name's own: see _bare_name)."""
    _glued_as_written(ents)
    _bare_word_as_named(ents)
    _club_as_named(ents)
    full_by_last: dict[str, str] = {}
    by_key: dict[str, str] = {}
    by_names: dict[str, str] = {}  # the key without بن/بنت -> canonical
    by_first_last: dict[tuple[str, str], set[str]] = {}  # names of three words or more
    by_lineage_start: dict[str, set[str]] = {}  # "فيصل بن خالد" -> the longer names it begins ("… بن عبد العزيز")
    # longest first; among names of one length the kunya in the nominative («أبو بكر», not «أبي بكر») names the group
    for e in sorted(ents, key=lambda x: (-len(x.canonical.split()), oblique_kunya(x.canonical))):
        key = variant_key(e.canonical)
        if key in by_key:
            e.canonical = by_key[key]
            continue
        if e.type == "PER":
            words = key.split()
            if len(longer := by_lineage_start.get(key, set())) == 1:
                # "فيصل بن خالد" is "فيصل بن خالد بن عبد العزيز" when no other name goes on from it
                e.canonical = by_key[key] = next(iter(longer))
                continue
            for i in range(3, len(words)):
                if words[i] in _LINEAGE_KEYS and words[1] in _LINEAGE_KEYS:
                    by_lineage_start.setdefault(" ".join(words[:i]), set()).add(e.canonical)
            if len(words) == 1 and words[0] in full_by_last:
                e.canonical = full_by_last[words[0]]
                by_key[key] = e.canonical
                continue
            if len(words) >= 3:
                by_first_last.setdefault((words[0], words[-1]), set()).add(e.canonical)
            elif len(words) == 2 and len(full := by_first_last.get((words[0], words[1]), set())) == 1:
                # "محمد الغامدي" is "محمد بن صالح الغامدي" when no other محمد … الغامدي is named
                e.canonical = by_key[key] = next(iter(full))
                continue
            names = [w for w in words if w not in _LINEAGE_KEYS]
            if len(names) >= 3:
                unlined = " ".join(names)
                if unlined in by_names:
                    e.canonical = by_key[key] = by_names[unlined]
                    continue
                by_names[unlined] = e.canonical
            if len(words) >= 2 and not (words[-2] in _LINEAGE_KEYS and normalize_match(e.canonical.split()[-1]) in first_names()):
                # after بن a first name is the father's ("إبراهيم بن محمد"), not a surname a bare "محمد" stands for;
                # other words there are family names ("أسامة بن لادن")
                full_by_last.setdefault(words[-1], e.canonical)
        by_key[key] = e.canonical
    return ents


def merge_event_entities(per_article: list[list[Entity]]) -> list[dict[str, object]]:
    """Across an event: canonical entities with their variants and counts, most mentioned first.

    One name is one entry whatever types the tagger gave its mentions: a reader of the event sees "سينداي" once,
    not once as a place and again as a body. The entry takes its mentions' most frequent type (the first seen on a
    tie), and `types` keeps the count of each."""
    flat = [e for ents in per_article for e in ents]
    canonicalize(flat)
    groups: dict[str, dict[str, object]] = {}
    types: dict[str, Counter[str]] = {}
    for e in flat:
        g = groups.setdefault(e.canonical, {"canonical": e.canonical, "type": e.type, "variants": [], "count": 0})
        g["count"] = int(g["count"]) + 1  # type: ignore[call-overload]
        types.setdefault(e.canonical, Counter())[e.type] += 1
        variants: list[str] = g["variants"]  # type: ignore[assignment]
        if e.text not in variants:
            variants.append(e.text)
    for canonical, g in groups.items():
        seen = types[canonical]
        g["type"] = max(seen, key=lambda t: seen[t])  # Counter keeps first-seen order, so max breaks ties by it
        if len(seen) > 1:
            g["types"] = dict(seen.most_common())
    return sorted(groups.values(), key=lambda g: -int(g["count"]))  # type: ignore[call-overload]
