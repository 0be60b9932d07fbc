"""Quotes and their speakers, as a reader would attribute them.

Written by hand because no library attributes Arabic news speech. What the rules cover:

- cues: speech verbs in the past and present, singular, dual and plural (قال، قالت، قالا، قالوا، يقول، تشير),
  and the participles that chain a second quote onto the last speaker (مشيراً إلى أن، مؤكداً أن، لافتاً، مضيفاً);
- direct quotes: «…», "…", “…” after the cue and its subject, or speech after a colon (قال: …) up to the end of
  the sentence; a headline "Name: words" (or "Body: words" for a body that announces); "«…» بحسب X";
- indirect speech: cue + أن/إن/بأن (+ pronoun) + the reported clause, up to the end of the sentence or the next
  participle cue; "وفقاً لـ X، فإن …" and "بحسب X فإن …";
- speakers: the subject right after the verb, cut before adjuncts (في بيان، لوسائل الإعلام، اليوم، وهو …): a
  person first, then an organisation, then the words themselves (مسؤولون، شهود، المصادر); "X الذي قال";
  "نقلت وكالة … عن X قوله"; pronoun verbs and participles go to the last named speaker; an agency right after the
  speaker is who was told ("أفاد مصدر عسكري وكالة …").
"""

from __future__ import annotations

import re

from ..arabic.normalize import normalize_match
from ..arabic.tokens import more_common
from ..records import DateMention, Entity, Quote
from .entities import extract_entities
from .gazetteers import first_names, is_place

_AR = "\u0621-\u064a"
_TANWEEN = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"


def _forms(stems: str) -> str:
    """Past-tense speech verbs in the singular, feminine, dual and plural: قال → قال|قالت|قالا|قالتا|قالوا."""
    out = []
    for s in stems.split("|"):
        out += [s, s + "ت", s + "ا", s + "تا", s + "وا"]
    return "|".join(sorted(set(out), key=lambda w: (-len(w), w)))


_PAST = _forms(
    "قال|أكد|اكد|أضاف|اضاف|أوضح|اوضح|أشار|اشار|شدد|لفت|أعلن|اعلن|حذر|اعتبر|تابع|ذكر|صرح|أفاد|افاد|كشف|"
    "أبلغ|ابلغ|أردف|اردف|زعم|استبعد|نفى|نفي|رأى|أعرب|اعرب|أظهر|اظهر|أوضحت|أكدت|أشارت|نوه|أقر|اقر|اعترف|توقع|رجح|أفصح|طالب|أفادت"
)
_PAST += "|بينت|كتب|كتبت|غرد|غردت|روى|روت"  # بيّن alone is mostly the preposition "between"
# "وهو ما أكده الناطق …": the verb with its object pronoun, after ما
_PAST += "|أكده|اكده|ذكره|قاله|أوضحه|اوضحه|أعلنه|اعلنه|أكدته|ذكرته|أوضحته|أعلنته"
_PRESENT = "يقول|تقول|يقولون|يؤكد|تؤكد|يرى|ترى|يشير|تشير|يوضح|توضح|يضيف|تضيف|يعتبر|تعتبر|يذكر|تذكر"
_PRESENT_SET = frozenset(_PRESENT.split("|"))
_PARTICIPLES = (
    "مشيرا|مشيرة|مشيرين|مشيران|مؤكدا|مؤكدة|موكدا|مؤكدين|مؤكدان|موضحا|موضحة|موضحين|مبينا|مبينة|لافتا|لافتة|"
    "مضيفا|مضيفة|مضيفين|مضيفان|معتبرا|معتبرة|منوها|منوهة|مشددا|مشددة|قائلا|قائلة|قائلين|متابعا|متابعة|"
    "مستطردا|مستطردة|محذرا|محذرة|معربا|معربة|واصفا|واصفة|واصفين|متهما|متهمة|متهمين"
)
# "موضحًا" puts the tanween before the final alef, "موضحاً" after it: both spellings
_PARTICIPLES = "|".join(p[:-1] + "\u064b?ا" if p.endswith("ا") else p for p in _PARTICIPLES.split("|"))


def _voweled(alternatives: str) -> str:
    """Let diacritics sit after any letter of the alternatives: pages print "شدّد" as often as "شدد"."""
    return "|".join("".join(ch + f"[{_TANWEEN}]*" if "\u0621" <= ch <= "\u064a" else ch for ch in alt)
                    for alt in alternatives.split("|"))


_VERB_RE = re.compile(
    rf"(?<![{_AR}])(?P<conj>[وف]?)(?:(?P<part>{_voweled(_PARTICIPLES)})[{_TANWEEN}]*|(?P<verb>{_voweled(_PAST + '|' + _PRESENT)}))(?![{_AR}])"
)
_QUOTE_RE = re.compile(r"«(?P<a>[^«»]{3,800})»|\"(?P<b>[^\"]{3,800})\"|“(?P<c>[^“”]{3,800})”|(?:\(\(|﴿)(?P<d>[^()﴿﴾]{3,800})(?:\)\)|﴾)"
                       # some pages open with the closing mark: "تويتر: ” إيران أمام خيارين …”"
                       r"|”(?P<e>[^“”\n]{3,800})[”“]")
_THAT = re.compile(rf"(?<![{_AR}])(?:إلى\s+|الى\s+)?(?:بأن|بان|فإن|فان|أن|ان|إن)(?:ه|ها|هم|هما|ني|نا)?(?![{_AR}])")
# "نقلت وكالة … عن X قوله", also through "وسائل إعلام", "مصادر", a newspaper's name
# قولها and قولهم before قوله, or "قولها:" leaves its alef in front of the colon and the quotation is lost
_REPORTED = re.compile(rf"نقلت?\s+(?:[^.\s]+\s+){{1,6}}?عن\s+(?P<who>[^.،,]{{3,60}}?)\s+(?:قولها|قولهما|قولهم|قوله)(?![{_AR}])")
_STATEMENT = re.compile(rf"(?<![{_AR}])و?جاء\s+في\s+(?:بيان|تقرير|رسالة|تصريح|تعميم)\s*(?:ل|صادر\s+عن\s+|أصدرته\s+|اصدرته\s+)?(?P<who>[^.،\n]{{3,80}}?)\s*[،,]?\s*(?P<that>أن|ان|إن)(?:ه|ها|هم)?(?![{_AR}])")
_ACCORDING = re.compile(
    rf"(?<![{_AR}])[و]?(?:وفقا?[{_TANWEEN}]*\s*ل|بحسب\s+|حسب\s+)(?P<who>[^.،\n]{{3,90}}?)\s*[،,]?\s*(?P<that>فإن|فان)(?:ه|ها|هم)?(?![{_AR}])"
)
# a full stop ends a sentence unless it closes a one-letter abbreviation (م. سعيد، د. خالد), sits in a number,
# or joins a two-letter part to the next word with no space ("إل.جي"; "الجرحى.وقال" still ends a sentence),
# or sits in a web or mail address (www.uod.edu.sa: a Latin letter straight after it)
_DOT_END = (rf"(?<!(?<![{_AR}])[{_AR}])(?:(?<=(?<![{_AR}])[{_AR}]{{2}})\.(?![{_AR}\d])"
            rf"|(?<!(?<![{_AR}])[{_AR}]{{2}})\.(?!\d))(?![A-Za-z])")
_HEADLINE = re.compile(rf"^\s*(?P<who>[«\"“]?[{_AR}][{_AR} ـ«»\"“”.]{{1,40}}?)\s*:\s*(?P<q>[^\n]{{8,200}})$")
# where a reported clause ends: the sentence, or the next participle that starts another quote
_CLAUSE_END = re.compile(rf"{_DOT_END}|[!؟?\n]|[،,]\s*(?:و)?(?:{_PARTICIPLES})[{_TANWEEN}]*(?![{_AR}])"
                         rf"|[،,]?\s*(?:و|كما\s+|حيث\s+|فقد\s+|وقد\s+|ف)(?:{_voweled(_PAST)})(?![{_AR}])|[،,]\s*(?:{_PRESENT})(?![{_AR}])"
                         # "…، قال تعالى: «…»": a speech verb after a comma that introduces a quotation of its own
                         rf"|[،,]\s*(?:{_voweled(_PAST)})(?:\s+[{_AR}]+){{0,3}}\s*:\s*[«\"“(﴿{{]")
# يذكر straight before أن has no subject: the passive "يُذكر أن", not "he mentions"
# "وفقا لـ" a rule, a plan or a text: the basis of what follows, not a source that said it
_RULE_NOUN = re.compile(rf"^(?:ال)?(?:آلية|الية|نظام|أنظمة|انظمة|لائحة|قرار|قانون|ضوابط|شروط|تعليمات|مادة|المادة|جدول|خطة|"
                        rf"أحكام|احكام|معايير|اتفاقية|مرسوم|أمر|امر|توجيهات)(?![{_AR}])")
# a speech verb's form after these is its verbal noun: "عدم كشف اسمه" (not revealing his name)
_VERBAL_NOUN_BEFORE = re.compile(rf"(?<![{_AR}])(?:عدم|بعدم|لعدم)\s+$")
def _speech_verb_in(text: str) -> bool:
    """A speech verb in ``text`` that is a verb, not its verbal noun after عدم ("الذي طلب عدم كشف اسمه")."""
    return any(not _VERBAL_NOUN_BEFORE.search(text, max(0, m.start() - 8), m.start()) for m in _VERB_RE.finditer(text))


_WRITERS_NOTE = re.compile(rf"(?<![{_AR}])(?:و?الجدير|و?مما)\s*$")
_IMPERSONAL_THAT = re.compile(rf"\s*(?:(?:هنا|أيضا|ايضا)\s+)?(?:أن|ان|بأن|بان)(?:ه|ها|هم)?(?![{_AR}])")  # "يُذكر أنه في حال …"
# أن after these words joins clauses ("غير أن": however; "بعد أن": after) and reports no speech
_NOT_REPORTING = re.compile(rf"(?<![{_AR}])(?:غير|إلا|الا|رغم|برغم|بعد|قبل|منذ|حيث|بما|لو|كما|مع|يبدو|يرجح|ويبدو)\s*$")
_SENTENCE_END = re.compile(rf"{_DOT_END}|[!؟?\n]")
# adjuncts that end the subject of a speech verb: "قال الوزير في بيان", "لوسائل الإعلام", "اليوم", "وهو من سكان"
_SUBJECT_STOP = re.compile(  # a dot glued to the next letter sits inside a name ("إي.واي"), not after it
    rf"\.(?![{_AR}])|[،,:؛«\"“(\n]|(?<![{_AR}])(?:في|خلال|عبر|بحسب|حسب|أمام|امام|على|عن|إلى|الى|مع|عقب|بعد|قبل|لدى|"
    rf"لـ|لوسائل|لوكالة|لصحيفة|لقناة|لموقع|للصحفيين|للصحافيين|للصحافة|اليوم|أمس|امس|(?:أول|اول)(?=\s+من\s+[أا]مس)|مساء|صباح|"
    rf"يوم(?=\s+(?:[أا]مس|ال[أا]حد|ال[إا]ثنين|الثلاثاء|ال[أا]ربعاء|الخميس|الجمعة|السبت))|مؤخرا|"
    rf"الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|وهو|وهي|وهم|ومقره|ومقرها|ومقرهم|الذي|التي|الذين|أيضا|ايضا|{_PARTICIPLES})"
    rf"(?![{_AR}])"
)
_NOT_A_SPEAKER = re.compile(rf"^(?:هو|هي|ما|حيث|إذ|اذ|حين|عندما|كما|فيما|بينما|وقد|قد|ثم|هذا|هذه|ذلك|تلك|إنه|انه|أنه|أن|ان|إن|بأن|فيه|فيها|له|لها|به|بها|من|ما|أكثر|اكثر|مرة|مرارا|"
                            rf"مجددا|سابقا|كذلك|حينها|بدوره|بدورها|بدورهم|ذات|نفسه|نفسها|و?لكنه|و?لكنها|و?لكنهم|و?لكنهما"
                            # how, not who: "وقال بهذا الخصوص:", "وأضافت بالقول:"
                            rf"|بهذا|بهذه|بالقول|بقوله|بقولها|بالتالي|يقول|تقول|قائلا|قائلاً|قائلة"  # "وأردف يقول"
                            # a means, not a speaker: "وأفادت بخطابها المؤرخ …", "وأكد ببيانه"
                            rf"|ب[{_AR}]{{2,}}(?:ها|ه|هم|هما)"
                            # a particle or negation before the verb ("أما الوزير، فقد أكد", "لا توضح الشركة"), an
                            # indefinite someone ("هناك من يقول"), a verb of going on ("ومضى يقول"), what was said
                            # ("وتابع قوله", "لفت النظر إلى", "كشف النقاب عن", "أكد أهمية"), a relative pronoun, "هنا"
                            # alone (not Hana), an adverb ("أيضًا", "مؤخرا"), "خلاله", "طلب عدم ذكر اسمه"
                            rf"|فقد|لا|لم|لن|إلا|الا|مما|بما|لما|عما|بل|فإنه|فانه|فإنها|بعدما|اسمه|يُ|عليه|عليها|عليهم|خلاله|خلالها|النقاب|أهمية|اهمية|ضرورة|"
                            rf"أيضًا|أيضاً|ايضًا|ايضاً|مؤخرا|مؤخراً|مؤخرًا|هناك|هنالك|هنا$|الذي|الذى|التي|الذين|و?مضى|و?مضت|النظر|الانتباه|قوله|قولها|حديثه|حديثها)(?![{_AR}])")
# words that open a subject naming a role, after which the person's name comes last: "المتحدث باسم … بيتر سميردون"
_ROLE = re.compile(rf"^(?:ال|لل|ل)?(?:متحدث|ناطق|وزير|رئيس|مدير|مدرب|لاعب|أمين|امين|محافظ|أمير|امير|سفير|قنصل|نائب|مساعد|"
                   rf"مسؤول|مستشار|قائد|قيادي|عضو|مشرف|وكيل|مبعوث|موفد|مندوب|ممثل|محلل|مفوض|المقدم|الرائد|العقيد|العميد|اللواء|الدكتور|المهندس|الشيخ|(?:د|م|أ)(?![{_AR}]))")
# a deputy's word: the words after it name whose deputy he is ("نائب خادم الحرمين"); not مساعد, also a given name
_DEPUTY = re.compile(r"^و?(?:نائب|نائبة|وكيل|مستشار|مستشارة)$")
_PERSON_AFTER = re.compile(r"\s+(?:على|في|لدى|ب|لـ?)")  # the role's adjunct goes on to the holder's name
_NAME_STOP = re.compile(r"^(?:ال|بال|لل|وال)|^(?:في|من|عن|على|إلى|الى|باسم|لشؤون|و)$")
_UNTAGGED_FIRST = re.compile(rf"^(?!ال|لل|بال|وال)[{_AR}]{{3,}}$")
_PREPOSITIONS = frozenset({"في", "من", "عن", "على", "إلى", "الى", "لدى", "مع"})
_HONORIFIC = re.compile(r"^(?:م|د|أ|ا|المهندس|الدكتور|الأستاذ|الاستاذ|الشيخ|اللواء|العميد|العقيد|المقدم|الرائد|النقيب|"
                        r"الفريق|الأمير|الامير|معالي|سمو|فضيلة)$")
# a quoted name right after one of these is the source's name: صحيفة "ذي تايمز"، شبكة "فورزا"
_SOURCE_NOUN = re.compile(r"(?:صحيفة|صحيفتا|صحف|شبكة|موقع|قناة|وكالة|مجلة|برنامج|حساب|تلفزيون|إذاعة|اذاعة)\s*$")
# a body's head word: after it a name in quotation marks is the body's (وقالت شركة «أرامكو السعودية» إن, ذكرت شركة
# "كيوشو" ، أنها), and no person's name contains one, bare or behind ل/ب/و ("المدير التنفيذي لشركة مترو جدة")
_BODY_HEADS = ("شركة|شركات|مجموعة|مؤسسة|منظمة|جمعية|حركة|حزب|جماعة|تنظيم|نادي|بنك|مصرف|مستشفى|جامعة|هيئة|لجنة|مركز|"
               "مجلس|ائتلاف|تحالف|وزارة|وكالة|اتحاد|محكمة|صندوق|إدارة|ادارة|غرفة|أمانة|امانة|بلدية|مديرية|مكتب|فرع|"
               "معهد|كلية|أكاديمية|اكاديمية|مسرح|متحف|فرقة")
_NAMED_BODY_NOUN = re.compile(rf"(?<![\u0621-\u064a])(?:{_BODY_HEADS})\s*$")
# a body's full name, then its short name in marks: "المعهد السعودي للخطوط الحديدية “سرب”"
_BODY_NAME_END = re.compile(rf"(?<![\u0621-\u064a])(?:ال|لل|وال|ل|و)?(?:{_BODY_HEADS})(?:\s+[\u0621-\u064a]+){{0,4}}\s*$")
_BODY_HEAD = re.compile(rf"^(?:[لبو]|لل)?(?:{_BODY_HEADS})$")
# a short quotation right after one of these is what the thing is called, not what anyone said: معرض «الفهد روح
# القيادة»، حملة "خليك بالبيت"، تحت شعار «…»
_NAMING_NOUN = re.compile(rf"(?<![{_AR}])(?:[وبلف]|ال|لل|بال|وال)?(?:معرض|مهرجان|حملة|مبادرة|مسابقة|جائزة|شعار|وسم|هاشتاق|"
                          rf"هاشتاغ|كتاب|فيلم|مسلسل|مشروع|ملتقى|مؤتمر|ندوة|منتدى|بعنوان|عنوان|مسمى|اسم|باسم|فعالية|"
                          rf"فعاليات|ورشة|دورة|رواية|ديوان|قصيدة|أغنية|اغنية|لوحة|عملية|تطبيق|مسرح|متحف|فندق|مطعم|فرقة|ملعب|"
                          rf"برج|مجمع|سوق)\s*$")
_ABBREVIATION = re.compile(rf"(?<![{_AR}])([{_AR}])\.")
# a quotation, then whose it is: "«عملية احتجاز رهائن» بحسب المصدر"
_QUOTE_THEN_SOURCE = re.compile(r"«(?P<q>[^«»\n]{3,300})»\s*[،,]?\s*(?:بحسب|حسب|وفقا?\u064b?\s+ل|على\s+حد\s+قول)\s*(?P<who>[^\s.،,«»\n]+(?:\s+(?!الذي|التي|الذين)[^\s.،,«»\n]+)?)")
# the quotation first, then who said it: "«…» هذا ما أعلنه X", "”…“ هكذا قال X"
_QUOTE_THEN_THIS_IS_WHAT = re.compile(
    r"(?:«(?P<q>[^«»\n]{3,300})»|\"(?P<q2>[^\"\n]{3,300})\"|“(?P<q3>[^“”\n]{3,300})”)\s*[،,]?\s*"
    r"(?:(?:هذا|ذلك|هذه)\s+ما\s+|هكذا\s+)(?P<cue>قاله|قالته|قالوه|قال|قالت|أعلنه|اعلنه|أعلنته|اعلنته|أكده|اكده|أكدته|اكدته|"
    r"صرح\s+به|صرحت\s+به|كتبه|كتبته|كتب|ذكره|ذكرته|أوضحه|اوضحه|أوضحته|يقوله|تقوله|يراه|تراه|وصف)(?![\u0621-\u064a])")
# an unquoted clause, then its source: "…، بحسب ما ذكر المرصد السوري", "…، وفقا لوكالة الأنباء"
_CLAUSE_THEN_SOURCE = re.compile(
    rf"[،,]\s*(?:و?(?:بحسب|حسب)\s+|وفقا?[{_TANWEEN}]*\s*ل(?=ما|[{_AR}]))"
    r"(?:ما\s+(?:ذكر|ذكرت|ذكره|ذكرته|أفاد|أفادت|افاد|افادت|أعلن|أعلنت|اعلن|اعلنت|قال|قالت|نقل|نقلت|أورد|أوردت|اورد|اوردت)\s+)?"
    r"(?P<who>[^.،,\n]{3,80}?)\s*(?=[.،,\n]|$)")
# the same after the clause without a comma: "قتل أربعة جنود … كما أعلنت كييف، في حين …"
_CLAUSE_AS_SAID = re.compile(
    rf"\s+كما\s+(?:{_forms('أعلن|اعلن|ذكر|قال|أفاد|افاد|أكد|اكد|أوضح')})\s+(?P<who>[^.،,\n]{{2,60}}?)\s*(?=[.،,\n]|$)")
# "كما أعلن الوزير عن …", "كما ذكر أن …": a cue of its own, not a source for what came before
_NOT_A_CLAUSE_SOURCE = re.compile(r"(?<![\u0621-\u064a])(?:أن|ان|إن|عن|على|في|من|خلال|اليوم|أمس|امس)(?![\u0621-\u064a])")
# sources a trailing attribution names (an entity of the kind would do as well)
_SOURCE_START = re.compile(r"^(?:ال)?(?:مصادر|مصدر|وكالة|وكالات|قناة|صحيفة|موقع|شبكة|مسؤول|مسؤولين|شهود|بيان|تقرير|تقارير|"
                           r"وسائل|المرصد|مرصد|الشرطة|شرطة|الجيش|وزارة|الوزارة|الهيئة|هيئة|المتحدث|متحدث|الناطق|ناطق)(?![\u0621-\u064a])")
_OPENING_SUBJECT = re.compile(r"(?<![\u0621-\u064a])و?كانت?\s+(?P<np>[^،,.\n]{3,60}?)\s+قد\s*$")
_NAMED_SOURCE = re.compile(r"(?<![\u0621-\u064a])مصدر\s+(?!في|من|عن|لدى)[\u0621-\u064a]{3,}")
_RELATIVE_BEFORE = re.compile(r"(?:الذي|التي|الذين|اللذين|اللتين)\s*$")
_THE_PROPHET = "النبي محمد صلى الله عليه وسلم"  # cited, never the one who goes on speaking
_EULOGY = r"(?:(?:صلى|صلّى)\s+الله\s+عليه\s+و\s*سلم|عليه\s+(?:الصلاة\s+و)?السلام)"  # the Prophet's
_PROPHET = re.compile(rf"^{_EULOGY}$")
_EULOGY_BEFORE = re.compile(rf"{_EULOGY}\s*$")
# "قال تعالى", "يقول الله عز وجل": the words are God's, a verse the writer cites
_GOD = re.compile(r"^(?:الله\s+)?(?:تعالى|تعالي|سبحانه(?:\s+وتعالى)?|عز\s+وجل|عز\s+من\s+قائل|جل\s+(?:وعلا|جلاله|شأنه)|تبارك\s+وتعالى)$")
_GOD_NAME = "الله"
_GOES_ON = re.compile(r"(?<![\u0621-\u064a])(?:حيث|إذ|اذ)\s*$")  # a verb after these keeps its sentence's subject
# a pronoun subject right before the verb: "ولكنه أكد", "إلا أنها أوضحت"; "أما الوزير، فقد أكد": the topic
_PRONOUN_BEFORE = re.compile(r"(?<![\u0621-\u064a])(?:(?:و?لكن|إلا\s+أن|الا\s+ان|إلا\s+ان)(?:ه|ها|هم|هما)|فقد|فلقد)\s*$")


class _Context:
    """The text with one entity pass over it: speakers are looked up by position, never re-tagged."""

    def __init__(self, text: str, entities: list[Entity] | None) -> None:
        self.text = text
        self.clean = _ABBREVIATION.sub(r"\1 ", text)  # "م. سعيد": the title's full stop is no boundary (same length)
        self.all_ents = extract_entities(text) if entities is None else entities
        self.ents = [e for e in self.all_ents if e.type in ("PER", "ORG")]

    def within(self, start: int, end: int) -> list[Entity]:
        return [e for e in self.ents if e.start >= start and e.end <= end]

    def names(self) -> list[str]:
        return [e.canonical or e.text for e in self.ents if e.type == "PER" and len(e.text.split()) >= 2]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _subject(ctx: _Context, pos: int) -> tuple[int, int, int]:
    """The span of the words after a speech verb up to the first adjunct, and where that stretch ends."""
    text = ctx.clean
    # "وأوضحت لـ«عكاظ» مصادر مسؤولة": the outlet spoken to comes before the subject
    outlet = re.match(r"\s*لـ?\s*[«\"“][^»\"”\n]{1,30}[»\"”]\s*[،,]?", text[pos : pos + 40])
    if outlet:
        pos += outlet.end()
    # "قال لي", "قال عنه الرئيس إنه": whom the words were said to or about comes before the subject
    told = re.match(rf"\s*(?:لي|لنا|لك|لكم|له|لها|لهم|عنه|عنها|عنهم)(?![{_AR}])", text[pos : pos + 12])
    if told:
        pos += told.end()
    window = text[pos : pos + 160]
    quoted = re.match(r"\s*[\"«“]([^\"»”\n]{2,30})[\"»”]", window)
    if quoted:
        # وأوضح "الحربي" أن: a name in quotation marks; أعلنت "لجنة مكافحة الإرهاب" الروسية: إن: a body's
        # name, its adjective and a colon before the reported clause
        rest = re.match(rf"\s*(?:ال[{_AR}]+\s*)?:?\s*", window[quoted.end():])
        if rest and len(quoted.group(1).split()) <= 4 and _THAT.match(window[quoted.end() + rest.end():]):
            return pos + quoted.start(1), pos + quoted.end(1), pos + quoted.end() + rest.end()
        # وقال "داود": "…": the name in marks, then a colon and the quotation; قال "مورجان ستانلي" عملاق
        # المؤسسات المصرفية الأمريكية إن: the name, a short apposition, then the reported clause
        colon = re.match(r"\s*(?=:\s*[\"«“])", window[quoted.end():])
        described = re.match(rf"(?:\s+[{_AR}]+){{1,6}}?\s+(?=(?<![{_AR}])(?:بأن|بان|أن|إن)(?![{_AR}]))", window[quoted.end():])
        follow = colon or described
        if follow and len(quoted.group(1).split()) <= 3:
            return pos + quoted.start(1), pos + quoted.end(1), pos + quoted.end() + follow.end()
    stop = _SUBJECT_STOP.search(window)
    that = _THAT.search(window)
    cut = min(m.start() for m in (stop, that) if m) if (stop or that) else len(window)
    if told_outlet := re.search(rf"(?<![{_AR}])لـ?\s*$", window[:cut]):
        cut = told_outlet.start()  # "وقالت مصادر محلية ل"الرياض"": the outlet told, cut off by its marks
    issued = re.match(r"\s*عن\s+", window[cut:])
    passed_on = re.search(rf"(?<![{_AR}])نقلا[{_TANWEEN}]?\s*$", window[:cut])
    if issued and passed_on:
        # "وقالت الوكالة نقلا عن بيان لهيئة شؤون الإعلام إن": the agency passes the words on; they are the authority's
        start = cut + issued.end()
        cut = _subject_goes_on_after(window, start)
        s0, s1 = _strip(text, pos + start, pos + cut)
        return s0, s1, pos + cut
    if issued and re.search(r"(?:بيان|تقرير|تعميم)(?:\s+\S+)?\s+صادرة?\s*$", window[:cut]):
        # "وأكد بيان صادر عن وزارة الداخلية أن": who issued it belongs to the subject
        cut = _subject_goes_on_after(window, cut + issued.end())
    # "وذكرت إذاعة "راديو مونت كارلو"": the name in marks after a source noun belongs to the subject
    if (_SOURCE_NOUN.search(window[:cut]) or _NAMED_BODY_NOUN.search(window[:cut])) and (named := re.match(r"\s*[\"«“][^\"»”\n]{2,40}[\"»”]", window[cut:])) \
            and len(named.group(0).split()) <= 5:
        cut += named.end()
        if _NAMED_BODY_NOUN.search(window[:cut - named.end()]) and not any(e.type == "PER" for e in ctx.within(pos, pos + cut)):
            cut = _subject_goes_on(ctx, pos, window, cut)
    elif _BODY_NAME_END.search(window[:cut]) and (named := re.match(r"\s*[\"«“][^\"»”\n]{2,25}[\"»”]", window[cut:])) \
            and len(named.group(0).split()) <= 3 and not any(e.type == "PER" for e in ctx.within(pos, pos + cut)):
        cut = _subject_goes_on(ctx, pos, window, cut + named.end())  # "المعهد السعودي للخطوط الحديدية “سرب”"
    s0, s1 = _strip(text, pos, pos + cut)
    return s0, s1, pos + cut


def _subject_goes_on_after(window: str, cut: int) -> int:
    """Where the subject ends when it goes on from ``cut``: the next adjunct or أن."""
    more = [m.start() for m in (_SUBJECT_STOP.search(window, cut), _THAT.search(window, cut)) if m]
    return min(more) if more else len(window)


def _subject_goes_on(ctx: _Context, pos: int, window: str, cut: int) -> int:
    """After a body's name in marks the subject goes on to the person it names next: "وأوضح مدير معهد “سرب”
    المهندس عبدالعزيز الصقير، أن" is the director, named after the institute. Not to a description ("وكالة الأنباء
    السورية “سانا” الموالية لبشار الأسد، إن") nor into a quotation ("مكتب الصحة "الخضر لصور" سقط ألف قتيل")."""
    end = _subject_goes_on_after(window, cut)
    words = window[cut:end].split()
    if not words or len(words) > 6 or window[end:end + 1] in ("\"", "«", "“"):
        return cut
    first_word_at = pos + cut + (len(window[cut:]) - len(window[cut:].lstrip()))
    named = any(e.type == "PER" and e.start == first_word_at for e in ctx.all_ents)
    return end if named or _HONORIFIC.match(words[0]) or _ROLE.match(words[0]) else cut


def _apposition(ctx: _Context, pos: int) -> tuple[str, int] | None:
    """"المتحدث الرسمي باسم الدفاع المدني، المقدم محمد القرني، أن": the name set off by commas after a role."""
    m = re.match(rf"\s*[،,]\s*(?P<name>[^،,.\n]{{3,60}}?)\s*[،,]?\s*(?=(?<![{_AR}])(?:بأن|بان|أن|ان|إن)(?:ه|ها|هم)?(?![{_AR}])|[«\"“:])",
                 ctx.clean[pos : pos + 90])
    # five words at most, or a rank or role and a name: "العقيد مظلي عائض بن عبيد البقمي"
    if not m or len(m.group("name").split()) > (7 if _HONORIFIC.match(m.group("name").split()[0])
                                                 or _ROLE.match(m.group("name").split()[0]) else 5):
        return None
    n0, n1 = pos + m.start("name"), pos + m.end("name")
    if _HONORIFIC.match(m.group("name").split()[0]) or any(e.type == "PER" for e in ctx.within(n0, n1)):
        who = _speaker_of(ctx, n0, n1)
        return (who, pos + m.end()) if who else None
    name = m.group("name").strip()
    # "أمين سر اللجنة التنفيذية لمنظمة التحرير، صائب عريقات: «…»": a name the tagger missed, set off by the comma
    if 2 <= len(name.split()) <= 3 and _looks_like_a_name(name) and not name.split()[-1].startswith("ال") \
            and re.match(r"\s*[،,]?\s*[:«\"“]", ctx.clean[n1:n1 + 4]) and not _NOT_A_SPEAKER.match(name):
        return name, pos + m.end()
    return None


_DESCRIBED_HEAD = re.compile(r"^(?:مسؤول|مسئول|مصدر|مصادر|مسؤولون|مسؤولو|متحدث|ناطق)(?:\s+[\u0621-\u064a]+){0,2}$")


def _described_where(subject: str, text: str, end: int) -> str | None:
    """The institution or place after a described speaker: "مصدر مسؤول" + "في شركة الكهرباء" + أن."""
    if not _DESCRIBED_HEAD.match(subject):
        return None
    m = re.match(rf"\s+(?P<w>(?:في|ب|من|لدى)\s+(?:[{_AR}]+\s+){{0,4}}?[{_AR}]+?)\s*[،,]?\s*(?=(?<![{_AR}])(?:بأن|بان|أن|ان|إن)(?:ه|ها|هم)?(?![{_AR}])|:)",
                 text[end:end + 90])
    if not m or _SUBJECT_STOP.search(m.group("w"), len(m.group("w").split()[0])) or _VERB_RE.search(m.group("w")):
        return None
    return m.group("w")


def _name_after_adjuncts(ctx: _Context, start: int) -> tuple[str, int] | None:
    """A role whose name comes after its adjuncts: "وقال السفير الليبي لدى الأمم المتحدة إبراهيم الدباشي: «…»"."""
    window = ctx.clean[start : start + 160]
    end = re.search(rf"[:«\"“.،,\n]|(?<![{_AR}])(?:بأن|بان|أن|ان|إن)(?:ه|ها|هم)?(?![{_AR}])", window)
    n_words = len(window[: end.start()].split()) if end else 0
    if not end or n_words > 24:
        return None
    if n_words > 16 and re.search(rf"(?<![{_AR}])(?:الذي|التي|الذين|اللذين)(?![{_AR}])", window[: end.start()]):
        return None  # "ونوه وزير الخارجية بالاجتماع الذي جمع بين … الأمير محمد بن سلمان": the name is the clause's
    stop = start + end.start()
    # the tagger's person ending the phrase, else the name read off the words
    people = [e for e in ctx.within(start, stop)
              if e.type == "PER" and " " in e.text and e.end >= _strip(ctx.clean, start, stop)[1] - 1]
    if people:
        # a consul's post and country may take a dozen words before his titles and name
        return people[-1].canonical or people[-1].text, stop
    if n_words > 16:
        return None  # read off the words, a long phrase ends on its last adjunct's place ("جميع مناطق المملكة")
    name = _name_tail(window[: end.start()].split(), _person_words(ctx, start, stop))
    if name and _ends_on_a_body(ctx, start, stop, name):
        return None
    if name and not name.startswith("ال"):
        return name, stop
    return None


# a word carrying the preposition ب or ل: "بمنطقة", "لنصرة", "بجازان" (ابن/بن/بنت are name links)
_PREPOSED = re.compile(rf"^[بل](?!ن$|نت$)[{_AR}]{{3,}}$")


_PLACE_HEADS = frozenset(normalize_match(w) for w in "منطقة محافظة مدينة إمارة امارة قرية مركز حي ولاية".split())


def _role_phrase(words: list[str]) -> str | None:
    """A role or body phrase up to where the verb's object or an adjunct starts: "أمير منطقة نجران" of "أشاد أمير
    منطقة نجران بالملاحم الوطنية", "إدارة مستشفى الدوادمي العام" of "… بشأن ما يتم تداوله". Words with ب stay
    when they say where ("بمنطقة مكة المكرمة", "بجازان", "بوزارة الداخلية")."""
    kept: list[str] = []
    for w in words:
        if kept and (_SUBJECT_STOP.fullmatch(w) or w in ("بشأن", "حول", "كذلك", "أيضاً", "ايضاً", "لشبكة") or w.startswith("بال")
                     or (_PREPOSED.match(w) and w[0] == "ب" and len(w) >= 5 and not _BODY_HEAD.match(w)
                         and normalize_match(w[1:]) not in _PLACE_HEADS and not is_place(w[1:]))):
            break
        kept.append(re.sub(r"[«»\"“”]", "", w))
    kept = [w for w in kept if w]
    if not 2 <= len(kept) <= 9 or any(ch.isdigit() for w in kept for ch in w):
        return None
    return " ".join(kept)


def _person_words(ctx: _Context, start: int, end: int) -> frozenset[str]:
    return frozenset(w for e in ctx.within(start, end) if e.type == "PER" for w in e.text.split())


def _ends_on_a_body(ctx: _Context, start: int, end: int, tail: str) -> bool:
    """"المتحدث الأمني بوزارة الداخلية": the words read as the name at the end of a role phrase are the body or place
    it speaks for ("لشركة مترو جدة": a body and a place). A family name that is also a club's ("نزيه النصر") is still
    a name: no body covers its first word."""
    last = _strip(ctx.clean, start, end)[1]
    first = ctx.clean.rfind(tail, start, last)
    if first < 0:
        return False
    bodies = [e for e in ctx.all_ents if e.type in ("ORG", "LOC") and e.start < last and e.end > first]
    word_starts = [first + m.start() for m in re.finditer(r"\S+", ctx.clean[first:last])]
    return all(any(e.start <= w < e.end for e in bodies) for w in word_starts)


def _name_tail(words: list[str], person_words: frozenset[str] = frozenset()) -> str | None:
    """The name that ends a role phrase: the family name (السحيباني may carry ال), then first names back to the
    institution's last word, which carries ال ("الرائد بدر السحيباني", "العالمي بيتر سميردون"). A word with a
    preposition on it ends the name too ("قائد أمن الطرق بمنطقة مكة المكرمة", "للحملة لنصرة الأشقاء"), unless it is
    a first name (بندر، لطفي) or the tagger put it in a person's name (``person_words``)."""
    if not words:
        return None
    name = [words[-1]]
    for i in range(len(words) - 2, -1, -1):
        w = words[i]
        if (_NAME_STOP.match(w) and w not in ("بن", "بنت")) or _ROLE.match(w) or len(name) == 5:
            break
        if _PREPOSED.match(w) and w not in person_words and normalize_match(w) not in first_names():
            if _BODY_HEAD.match(w) or any(_SUBJECT_STOP.fullmatch(x) for x in words[:i]):
                # "المدير التنفيذي لشركة مترو جدة": the words after it name the body; "حنيفة أمان خلال اجتماع
                # لوزراء خارجية المجموعة": the role phrase had ended before
                return None
            # "المدير العام للتعليم بجازان عيسى بن أحمد الحكمي": the place goes, the person's words stay
            while name and name[0] not in person_words and (is_place(name[0]) or normalize_match(name[0]) in _PLACE_HEADS):
                name.pop(0)
            return " ".join(name) if len(name) >= 2 and not _SUBJECT_STOP.search(" ".join(name)) else None
        if i > 0 and words[i - 1] in _PREPOSITIONS:  # "مدير مكتب الحملة في لبنان وليد …": لبنان is the place
            break
        name.insert(0, w)
    joined = " ".join(name)
    if _SUBJECT_STOP.search(joined):  # "… أمام مجلس الأمن الدولي أمس الأول": a time, not a name
        return None
    if any(ch.isdigit() for ch in joined):  # "… يوم الإثنين 10 أغسطس/آب": a date, not a name
        return None
    if any(_BODY_HEAD.match(w) for w in name):  # "المدير التنفيذي لشركة مترو جدة": the body he runs
        return None
    if name[0] in ("بن", "بنت"):  # the five-word cap fell inside a lineage: "… محمد بن نايف بن عبد العزيز"
        return None
    if len(words) > len(name) and _DEPUTY.match(words[-len(name) - 1]):
        return None  # "نائب خادم الحرمين": the words after a deputy name whose deputy he is, not the speaker
    return joined if 2 <= len(name) < len(words) and not _ROLE.match(name[0]) else None


def _leading_name(words: list[str]) -> str | None:
    """"عن سامر الكردي مدير شركة … قوله": a name first, then its role; the name ends at the role or at a
    family name with ال."""
    name: list[str] = []
    for w in words[:5]:
        if _ROLE.match(w) or _NAME_STOP.match(w) and not name or w in _PREPOSITIONS:
            break
        name.append(w)
        if w.startswith("ال"):
            break
    return " ".join(name) if len(name) >= 2 and not _SUBJECT_STOP.search(" ".join(name)) else None


def _looks_like_a_name(speaker: str) -> bool:
    """"سامر الكردي", "وليد بن علي الجلال": two to five words, only the last may carry ال, no time words."""
    words = speaker.split()
    return (2 <= len(words) <= 5 and not any(w.startswith("ال") for w in words[:-1])
            and normalize_match(words[0]) not in _HONORIFIC_PRONOUNS
            and not _SUBJECT_STOP.search(speaker) and not _ROLE.match(words[0]))


# a statement and who issued it: "بيان مشترك وزعه الوسطاء الأتراك", "تقرير أصدرته الوكالة"
_ISSUED_BY = re.compile(rf"^(?:بيان|تقرير|تصريح|رسالة|تعميم)(?:\s+(?:مشترك|رسمي|صحفي|صحافي))?\s+"
                        rf"(?:صادر\s+عن|صادرة\s+عن|أصدره|اصدره|أصدرته|اصدرته|وزعه|وزعته|نشره|نشرته)\s+(?P<who>[{_AR}].*)$")
_ISSUER_STOPS = frozenset("في خلال عقب بعد قبل أمس امس اليوم مساء صباح يوم على إلى الى".split())


# the day a subject spoke, written after it: "يوم أمس", "يوم الجمعة", "أمس" (the subject may stop before the day's
# name and keep "يوم"). A weekday alone is left in, since it is also a family name ("أحمد الخميس")
_WHEN_SAID = re.compile(rf"(?<![{_AR}])(?:يوم(?:\s+(?:أمس|امس|الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|"
                        rf"الخميس|الجمعة|السبت))?|أول\s+(?:من\s+)?أمس|أمس|امس)(?![{_AR}])")


# a subject opening with a person's family, lawyer, office or campaign speaks for that person, not as them:
# "قالت عائلة الملا محمد عمر", "وقال مكتب رئيس الوزراء حيدر العبادي", "وأكد محامي ناصر التويم". Not one relative:
# "والد الشهيد سعيد الزهراني" names the father as often as the son (read off the corpus: «ابنه سلمان كان …»)
_RELATION_OF = re.compile(r"^و?(?:عائلة|أسرة|اسرة|ذوو|ذوي|أقارب|محامي|محامو|محاميا|محامية|أنصار|مؤيدو|مكتب|حملة)$")


_APPOSITION_TITLE = re.compile(r"^(?:المواطن|المواطنة|المقيم|المقيمة|السيد|السيدة|العم)$")


def _speaker_of(ctx: _Context, start: int, end: int) -> str | None:
    """A person in the subject first, then an organisation, then the subject's own words when they name a group."""
    start, end = _strip(ctx.clean, start, end)
    but = re.match(r"(?:و?لكن)(?:\s+|$)", ctx.clean[start:end])
    if but:  # "لكن الحكومة السودانية قالت": the conjunction is no part of who spoke
        start = start + but.end()
    when = _WHEN_SAID.search(ctx.clean, start, end)
    if when and ctx.clean[start:when.start()].strip():  # "قالت مصادر أمنية يوم أمس": the day is no part of who
        end = when.start()
        start, end = _strip(ctx.clean, start, end)
    subject = ctx.clean[start:end]
    if _PROPHET.match(subject):  # "قال صلى الله عليه وسلم: «…»", "قال عليه السلام": the eulogy stands for the Prophet
        return _THE_PROPHET
    if _GOD.match(subject):
        return _GOD_NAME
    if not subject or _NOT_A_SPEAKER.match(subject) or not re.search(rf"[{_AR}A-Za-z]", subject):
        return None  # no words: a stray quotation mark between the verb and the quote
    if normalize_match(subject.split()[0]) in _HONORIFIC_PRONOUNS:
        return subject.split()[0]  # "ونوه معاليه بالاجتماعات": His Excellency, not what he praised
    ents = ctx.within(start, end)
    people = [e for e in ents if e.type == "PER"]
    words = subject.split()
    if len(words) >= 2 and _HONORIFIC.match(words[0]):
        # a title, then the name, then perhaps a role: "م سعيد العمري مدير …", "الدكتور خالد بن علي الغامدي"
        name = []
        for w in words[1:6]:
            if _ROLE.match(w) or w in ("في", "من", "عن"):
                break
            name.append(w)
            # a family name with ال ends the name; not the second half of "عبد المحسن", "أبو الفضل"
            if w.startswith("ال") and len(name) >= 2 and name[-2] not in ("عبد", "أبو", "ابو"):
                break
        # a name never ends on بن or on the first half of عبد العزيز: the rest follows, even past the five words or
        # when it is also a role word ("الأمير جلوي بن عبد العزيز بن مساعد", مساعد "assistant")
        k = 1 + len(name)
        while name and name[-1] in ("بن", "بنت", "عبد", "أبو", "ابو") and k < len(words) \
                and words[k] not in ("في", "من", "عن"):
            name.append(words[k])
            k += 1
        if name and not name[0].startswith("ال"):
            return " ".join(name)
    if len(words) >= 3 and _ROLE.match(words[0]) and (tail := _name_tail(words, frozenset(w for e in people for w in e.text.split()))) \
            and not _ends_on_a_body(ctx, start, end, tail) \
            and not any(
            " " in e.text and tail not in e.text and e.text not in tail for e in people if not _ROLE.match(e.text)):
        return tail  # a role, then the name last; a tagged full name elsewhere in the phrase wins ("الرئيس المصري
        # عبد الفتاح السيسي انفتاح مصر": the words after the name are the verb's object)
    if people and len(words) >= 2 and _RELATION_OF.match(words[0]):
        first = min(people, key=lambda e: e.start)
        described = ctx.clean[start:first.start].split()
        # not when the name is the lawyer's or member's own, after a title: "محامي الأسرة الأستاذ خالد …"
        if described and not (_HONORIFIC.match(described[-1]) or _APPOSITION_TITLE.match(described[-1])):
            return ctx.clean[start:first.end]  # "مكتب رئيس الوزراء حيدر العبادي": the office, not the man
    if people:
        best = max(people, key=lambda e: (len(e.text.split()), e.start))
        before = ctx.clean[start:best.start].split()
        lineage = []
        while len(before) >= 2 and before[-1] in ("بن", "بنت") and not _ROLE.match(before[-2]):
            lineage[:0] = before[-2:]  # "نهلة بنت" before the tagged "أحمد الجبير"
            before = before[:-2]
        if lineage:
            return " ".join([*lineage, best.text])
        if before and _DEPUTY.match(before[-1]):
            # "وقال نائب خادم الحرمين": the deputy speaks, not the king his title names
            return f"{before[-1]} {best.text}"
        if " " not in best.text and len(before) >= 2 and before[-2].startswith("ال") and _UNTAGGED_FIRST.match(before[-1]) \
                and not (_ROLE.match(before[-1]) or _HONORIFIC.match(before[-1])) and before[-1] not in _PREPOSITIONS:
            # "الإعلامية رائدة محمد": a description, then a given name the tagger left out; the name is both words,
            # not "محمد" (which another name of the article would then stand for)
            return f"{before[-1]} {best.text}"
        return best.canonical or best.text
    if ents:
        best = ents[0]
        told = ctx.clean[start:best.start].split()
        if 1 <= len(told) <= 4 and best.text.startswith("وكالة") and told[-1] not in _PREPOSITIONS | {"باسم"} \
                and not _ROLE.match(told[-1]):
            return " ".join(told)  # "أفاد مصدر عسكري وكالة الصحافة الفرنسية": the agency is who was told
        return best.canonical or best.text
    issued = _ISSUED_BY.match(subject)
    if issued:  # "بحسب بيان مشترك وزعه الوسطاء الأتراك في ختام الاجتماع": the mediators
        by = []
        for w in issued.group("who").split():
            if w in _ISSUER_STOPS:
                break
            by.append(w)
        if by:
            return " ".join(by)
    if 1 <= len(words) <= 6 and not any(ch.isdigit() for ch in subject):
        return " ".join(re.sub(r"[«»\"“”]", " ", subject).split())  # جمعية «رفقاء الخير»: the name without its marks
    if (_ROLE.match(words[0]) or _BODY_HEAD.match(words[0])) and (phrase := _role_phrase(words)):
        return phrase  # a role or a body that names no person, whole: "قائد قوة أمن الطرق بمنطقة مكة المكرمة"
    if words and not words[0].startswith("ال"):  # "ستامبولي البالغ عمره 24 عاما": the name before its description
        name = []
        for w in words[:3]:
            if w.startswith("ال") and name:
                break
            name.append(w)
        return " ".join(name)
    return None


def _speaker_before(ctx: _Context, pos: int) -> str | None:
    """"دييجو مارادونا الذي قال": the last person or organisation ending just before the relative pronoun."""
    lo = max(0, pos - 120)
    rel = _RELATIVE_BEFORE.search(ctx.clean, lo, pos)
    if not rel:
        return None
    head_end = _strip(ctx.clean, lo, rel.start())[1]
    ents = [e for e in ctx.within(lo, head_end) if e.end >= head_end - 2]
    if ents:
        return ents[-1].canonical or ents[-1].text
    # "الشرطة التي رجحت أنه": an untagged body that speaks, as a reader names it
    word = ctx.clean[lo:head_end].split()[-1:]
    norm = normalize_match(word[0]) if word else ""
    return word[0] if norm and (_BODY_NOUN.match(norm) or norm in _FORCES_THAT_SPEAK) else None


# bodies without a name that speak besides the head words of _BODY_NOUN ("الوزارة", "الشركة")
_FORCES_THAT_SPEAK = frozenset(normalize_match(w) for w in "الشرطة السلطات الجيش القوات الصحيفة".split())


# a clause opens at a mark, at كان/كانت, or at و; a glued و is checked by _conjunction
_CLAUSE_START = re.compile(rf"(?:[.،,:؛!؟?\n]|(?<![{_AR}])(?:و?كانت?(?![{_AR}])|و))\s*(?=[^.،,:؛!؟?\n]*$)")


_WORD = re.compile(rf"[{_AR}]*")


def _conjunction(text: str, start: re.Match[str]) -> bool:
    """Whether a clause start is a mark, كان or a conjunction, not a word's own first letter: "ورغم ذلك" and
    "والوزير" open with و, "وقف الصحيفة" and "وزير الخارجية" do not (the rest must be the commoner word)."""
    if start.group(0).strip() != "و":
        return True
    word = _WORD.match(text, start.end())
    rest = word.group(0) if word else ""
    return not rest or rest.startswith("ال") or more_common(normalize_match(rest), normalize_match("و" + rest))


def _subject_before(ctx: _Context, pos: int) -> str | None:
    """Subject-first order, "وكان مسؤولو اتحاد الكرة أعلنوا أن": the words between the clause start and the verb."""
    lo = max(0, pos - 100)
    before = ctx.clean[lo:pos]
    starts = [m for m in _CLAUSE_START.finditer(before) if _conjunction(before, m)]
    if not starts and lo > 0:
        return None
    p0, p1 = _strip(ctx.clean, lo + starts[-1].end() if starts else 0, pos)  # or the headline's start
    phrase = ctx.clean[p0:p1]
    if not phrase or _RELATIVE_BEFORE.search(phrase) or _SUBJECT_STOP.search(phrase):
        return None  # a subject before its verb is a noun phrase, not a clause with its own adjuncts
    if len(phrase.split()) > 5:
        # a long role and the person's name right before the verb: "لكن رئيس الوزراء التركي أحمد داود أوغلو قال"
        named = [e for e in ctx.within(p0, p1) if e.type == "PER" and " " in e.text and e.end >= p1 - 1]
        return (named[-1].canonical or named[-1].text) if named else None
    return _speaker_of(ctx, p0, p1)


def _sentence_subject(ctx: _Context, pos: int) -> str | None:
    """Who a participle cue belongs to when no speech verb came before it in its sentence: the first person or
    organisation of the sentence ("وكان المدرب بولوني قد اجتمع مع اللاعبين، مشيراً إلى أن")."""
    text = ctx.clean
    start = _sentence_start(text, pos)
    first_words = text[start:pos].split()[:2]
    if len(first_words) == 2 and normalize_match(first_words[1]) in _HONORIFIC_PRONOUNS:
        return first_words[1]  # "وأدان معاليه …، مشيرا إلى أن": His Excellency, resolved with the other pronouns
    opening = re.match(rf"\s*(?:و?كانت?|و)?\s*(?P<np>[^،,.\n]+?)\s+(?:قد|قام|قامت)(?![{_AR}])", text[start:pos])
    if opening and len(opening.group("np").split()) <= 6:  # "وكان المدرب خالد الرميح قد اجتمع": the opening subject
        who = _speaker_of(ctx, start + opening.start("np"), start + opening.end("np"))
        if who:
            return who
    ents = ctx.within(start, pos)
    people = [e for e in ents if e.type == "PER"]
    best = people[0] if people else (ents[0] if ents else None)
    return (best.canonical or best.text) if best else None


_STATEMENT_OF = re.compile(rf"^(?:بيان|تقرير|تصريح|رسالة|تعميم)\s+(?P<who>[{_AR}].*)$")  # who issued it: _ISSUED_BY


# the paper's own lead-in before a subject ("يذكر أن المديرية العامة للجوازات أعلنت"): no part of who spoke
_BACKGROUND_LEAD = re.compile(rf"^(?:و?يذكر|و?يشار\s+إلى|و?يشار\s+الى|و?الجدير\s+بالذكر|و?من\s+المعروف|و?معلوم)\s+"
                              rf"(?:أن|ان)\s+(?=[{_AR}])")


def _who_spoke(speaker: str | None) -> str | None:
    """The speaker without the paper's lead-in ("يذكر أن …"), and a body for its statement ("وقال بيان لقوة المهام
    المشتركة": the task force speaks, through its statement)."""
    speaker = _BACKGROUND_LEAD.sub("", speaker or "") or None
    m = _STATEMENT_OF.match(speaker or "")
    if not m:
        return speaker
    who = m.group("who")
    if who.startswith("لل"):
        return "ال" + who[2:]  # للجيش → الجيش
    if who.startswith("ل") and not who.startswith(("لجنة", "لواء")):
        return who[1:]
    if who.startswith("ال") or who.startswith(("لجنة", "لواء")):
        return who  # "بيان الاتحاد", "بيان لجنة الانتخابات": whose statement
    return speaker  # "تقرير إخباري", "بيان سعودي أردني", "بيان صادر": the words describe the statement


def _previous_subject(ctx: _Context, pos: int) -> str | None:
    """"رفع رئيس الهيئة الدكتور خالد المحيسن شكره …. وأكد أن …": a verb opening its sentence with no subject and no
    earlier speaker goes on from the person the sentence before opened with (named in its first twelve words)."""
    text = ctx.clean
    own_start = _sentence_start(text, pos)
    if text[own_start:pos].strip(" \t\n\u00a0،,و"):
        return None
    prev_start, back = _sentence_before(text, own_start)
    head_end = prev_start + len(" ".join(text[prev_start:back].split(" ")[:13]))
    people = [e for e in ctx.within(prev_start, head_end) if e.type == "PER" and " " in (e.canonical or e.text)]
    return (people[0].canonical or people[0].text) if people else None


def _said_before(ctx: _Context, verb: re.Match[str]) -> tuple[str | None, tuple[int, int]] | None:
    """"… تماثل للشفاء. ذكر ذلك الدكتور أيمن الخضراء": a sentence opened by a speech verb and ذلك attributes the
    sentence before it; returns the speaker and that sentence's span."""
    text = ctx.clean
    after = re.match(r"\s+(?:ذلك|هذا)\s+", text[verb.end():verb.end() + 12])
    own_start = _sentence_start(text, verb.start())
    if after is None or text[own_start:verb.start()].strip(" \t\n\u00a0،,و") or own_start == 0:
        return None  # "وأكد ذلك" inside a sentence confirms something; only a sentence it opens attributes one
    prev_start, back = _sentence_before(text, own_start)
    span = _strip(text, prev_start, back + 1 if back < len(text) and text[back] == "." else back)
    if span[1] - span[0] < 15:
        return None
    s0 = verb.end() + after.end()
    cut = _SUBJECT_STOP.search(text, s0, s0 + 160)
    return _speaker_of(ctx, s0, cut.start() if cut else min(len(text), s0 + 160)), span


def _sentence_before(text: str, own_start: int) -> tuple[int, int]:
    """Start and end of the sentence before the one starting at ``own_start``, past the full stop and any line
    break between them ("… في السجون. \nأوضح ذلك")."""
    back = own_start
    while back > 0 and text[back - 1] in " \t\n\u00a0.!؟?":
        back -= 1
    return _sentence_start(text, back), back


def _sentence_start(text: str, pos: int, reach: int = 400) -> int:
    return max((m.end() for m in _SENTENCE_END.finditer(text, max(0, pos - reach), pos)), default=max(0, pos - reach))


def _person_before(ctx: _Context, pos: int) -> str | None:
    """The last person named in the sentence before ``pos``."""
    people = [e for e in ctx.within(_sentence_start(ctx.clean, pos), pos) if e.type == "PER"]
    return (people[-1].canonical or people[-1].text) if people else None


# a definite role without a name refers back to the last named speaker: "وأضاف الوزير", "وقال المسؤول الإيراني"
_ANAPHORIC_ROLE = re.compile(rf"^(?:نائب\s+ال[{_AR}]+|المسؤول|الوزير|الرئيس|المدرب|اللاعب|السفير|الأمير|الامير|المتحدث|الناطق|المدير|"
                             rf"المبعوث|الموفد|المندوب|الممثل|"
                             rf"المحافظ|الملك|الشيخ|الدكتور)(?:\s+ال[{_AR}]+)?(?:\s+[{_AR}]+)?$")


# "وأضاف المبعوث" after an agency or ministry spoke is another speaker, not the institution again
# a body named by its kind alone ("الوزارة"), matching level: the speaker is the body of that kind named before
_BODY_NOUN = re.compile("^ال(" + "|".join(normalize_match(w) for w in (
    "وزارة هيئة جامعة شركة أمانة مديرية رئاسة جمعية لجنة إدارة بلدية محكمة نيابة سفارة قنصلية منظمة مؤسسة وكالة "
    "جماعة حركة حكومة خلية مجلس حزب جبهة قيادة غرفة رابطة بعثة صندوق بنك مصرف نادي مستشفى مركز").split()) + ")$")
_GROUP_SPEAKER = re.compile(r"^(?:ال)?(?:مصادر|شهود|مسؤولون|مسؤولين|مسؤولو|تقارير|وسائل|محللون|خبراء|سكان)")
_INSTITUTION = re.compile(r"^(?:وكالة|وزارة|هيئة|شركة|جامعة|مجلس|صحيفة|قناة|مصادر|مصدر|تقارير|المرصد|الشركة|الوزارة|الهيئة)")


def _another_role(last_speaker: str, role: str) -> bool:
    """"وقال الوزير … وأضاف المتحدث": the last speaker is known only by another role word, so another person."""
    return bool(_ANAPHORIC_ROLE.match(last_speaker)) and \
        normalize_match(last_speaker).split()[0] != normalize_match(role).split()[0]


def _is_body(speaker: str) -> bool:
    """An institution speaking ("وزارة الخارجية", "الجامعة"): a role word after it ("وقال الوزير") is a person, not it."""
    return bool(_INSTITUTION.match(speaker) or _BODY_NOUN.match(normalize_match(speaker)))


# bodies that announce in headlines ("أمن الطرق: ضبط …"); a place or a country alone is a dateline
_SPEAKING_BODY = re.compile(r"^(?:شرطة|أمن|امن|القضاء|الجيش|جيش|الدفاع|محكمة|المحكمة|النيابة|إدارة|ادارة|المرور|مرور|الجوازات|"
                            r"جوازات|بلدية|أمانة|امانة|صحة|إمارة|امارة|هيئة|وزارة|الداخلية|الخارجية|الصحة|التعليم)(?![\u0621-\u064a])")


# bodies a headline names by one definite word and that speak for themselves ("الجوازات: …", "المرور: …")
_BODIES_BY_ONE_WORD = frozenset(normalize_match(w) for w in "الجوازات المرور الجيش القضاء النيابة الشرطة الجمارك "
                                "الأرصاد".split())
# a headline's "study" or "report" speaks for whoever issued it
_REPORT_WORDS = frozenset(normalize_match(w) for w in "دراسة تقرير بحث استطلاع مسح".split())
# ministries named in headlines by their portfolio alone ("الصحة: …")
_MINISTRY_SHORT = frozenset(normalize_match(w) for w in "الصحة التعليم الداخلية الخارجية الدفاع العدل الإسكان العمل التجارة المالية الحج الإعلام "
                            "الزراعة النقل الطاقة الاقتصاد البيئة الثقافة الرياضة".split())
# a speaker described, not named, in a headline ("قانوني: …", "مسؤول أممي: …" has two words and goes by the body)
_DESCRIBED_SPEAKERS = frozenset(normalize_match(w) for w in
                                "قانوني مسؤول مسؤولة مسؤولون مصدر مصادر خبير خبراء محلل محللون اقتصادي اقتصاديون "
                                "أكاديمي أكاديميون طبيب أطباء مختص مختصون متخصص باحث مواطن مواطنة مواطنون ناشط ناشطة "
                                "ناشطون حقوقي حقوقيون مستشار محام محامي دبلوماسي عسكري فلكي مغردون".split())


def _canonical(speaker: str | None, names: list[str]) -> str | None:
    """A surname alone ("كيري") stands for the full name the article gave ("جون كيري"); God's name never stands for
    "عبد الله" or "عباد الله"."""
    if not speaker or len(speaker.split()) > 1 or speaker == _GOD_NAME:
        return speaker
    for name in names:
        if name.split()[-1] == speaker or speaker in name.split():
            return name
    return speaker


def _direct_after(text: str, after: int) -> tuple[int, int] | None:
    """A quotation that the cue introduces: a quoted span close after it in the same sentence, or speech after a colon."""
    tail = text[after : after + 900]
    # "وقال رينزي، الذي التقى عباس مساء الثلاثاء: «…»": a relative clause about the speaker before the colon
    # "وقال أنس الراجحي (محلل سوق الأسهم): …": the speaker's role in brackets before the colon
    colon = re.match(r"\s*(?:[،,]\s*(?:الذي|التي|الذين|اللذين|اللتين)\s[^.:؛\n«»\"“”]{3,120}?|\([^()\n]{2,60}\))?\s*:\s*", tail)
    if colon and colon.group(0).strip() != ":" and _VERB_RE.search(colon.group(0)):
        colon = None  # "…، الذي نقل عنه قوله:" the clause's own cue introduces what follows
    for q in _QUOTE_RE.finditer(tail):
        between = tail[: q.start()]
        if _SENTENCE_END.search(between):
            break
        body_group = next(name for name in ("a", "b", "c", "d", "e") if q.group(name) is not None)
        if q.group(body_group).lstrip()[:1] in ("،", ","):
            break  # what lies between two quotations (marks doubled by the page pair up wrongly): not a quotation
        words = len(q.group(body_group).split())
        # a short quoted phrase followed by أن names a source (وذكرت صحيفة "ذي تايمز" أن, شركة "…" ، أنها) or is a
        # scare quote
        names_source = words <= 5 and (
            _SOURCE_NOUN.search(between) is not None
            or _NAMING_NOUN.search(text, max(0, after + q.start() - 20), after + q.start()) is not None
            or re.match(rf'(?:\s*و?\s*[«"“][^»"”]{{1,40}}[»"”])*\s*[،,]?\s*(?<![{_AR}])(?:بأن|بان|أن|ان|إن)', tail[q.end():]) is not None)
        # "… يوم أمس: «…»"; a colon after another cue or an أن is that cue's
        # ("وقال إمام المسجد: أن الكل مرتحل …، قال الله تعالى: "…"": past the colon, another cue takes the quotation)
        introduced = (colon is not None and not _speech_verb_in(between[colon.end():])) or (
            between.rstrip().endswith(":") and not _speech_verb_in(between) and not _THAT.search(between))
        scare = words <= 3 and not introduced and between.strip() != ""  # بـ"الجبان" mid-clause
        # "… في "الصيدلة والوظائف الأخصائية والفنية"": the quoted words name where or what, nobody says them
        scare = scare or (words <= 8 and re.search(rf"(?<![{_AR}])في\s*$", between) is not None)
        if not names_source and not scare and (
                introduced or (q.start() <= 200 and not _speech_verb_in(between) and not _THAT.search(between))):
            body = q.group(body_group)
            lead = len(body) - len(body.lstrip())  # "” الوضع …": the space after the mark is not quoted
            return after + q.start(body_group) + lead, after + q.end(body_group) - (len(body) - len(body.rstrip()))
        if not (scare or names_source):
            break  # a real quotation this cue does not introduce; a name or scare quote lets the search go on
    if colon and _THAT.match(tail, colon.end()):
        return None  # "وقال السفير: إن العلاقات …": reported speech after the colon, read from after إن
    if colon and not _VERB_RE.match(tail, colon.end()):  # قال: text without quotation marks, to the end of its sentence
        start = after + colon.end()
        if text[start:start + 1] in ("«", "\"", "“"):
            # a quotation whose closing mark never comes (the page or a cut text lost it): to the paragraph's end
            line_end = text.find("\n", start)
            start, end = _strip(text, start + 1, line_end if line_end >= 0 else len(text))
            return (start, end) if end - start >= 10 else None
        end_m = _CLAUSE_END.search(text, start)  # to the sentence's end, or the next cue's: "، مضيفاً أن …"
        end = end_m.start() if end_m else len(text)
        if end - start >= 10:
            return start, end
    return None


def _indirect_after(text: str, after: int) -> tuple[int, int] | None:
    """Cue + أن/إن + the reported clause, when the أن comes before the sentence ends."""
    tail = text[after : after + 220]
    that = _THAT.search(tail)
    if not that or _SENTENCE_END.search(tail[: that.start()]) or _VERB_RE.search(tail[: that.start()]) \
            or _NOT_REPORTING.search(tail[: that.start()]) or len(tail[: that.start()].split()) > 14:
        return None
    return _clause(text, after + that.end())


_OBJECT_PREPOSITION = re.compile(r"\s*(?:إلى|الى|على)\s+(?!(?:أن|ان|إن|بأن)(?:ه|ها|هم)?(?![\u0621-\u064a]))(?=[\u0621-\u064a])")


_DIRECT_OBJECT = re.compile(r"\s*(?=ال[\u0621-\u064a])")


def _object_after(text: str, after: int, participle: str) -> tuple[int, int] | None:
    """"مشيرا إلى إعداد خطط للتغلب على الانقطاعات", "مشددا على ضرورة …": what a participle reports with a
    noun object instead of أن, to the clause's end; واصفا and متهما take theirs directly ("واصفا التفجير بالعمل
    الجبان", "متهما الانفصاليين بقصف …")."""
    m = _OBJECT_PREPOSITION.match(text, after)
    if m is None and re.sub(f"[{_TANWEEN}]", "", participle).startswith(("واصف", "متهم")):
        m = _DIRECT_OBJECT.match(text, after)
    span = _clause(text, m.end()) if m else None
    if span:
        stop = _OBJECT_CLAUSE_STOP.search(text, span[0], span[1])
        span = _strip(text, span[0], stop.start()) if stop else span
    return span


# past verbs that report a noun object after their own preposition: أعلن عن، كشف عن، أكد على، شدد على، حذر من
_OBJECT_PREPOSITION_OF = {"أعلن": "عن", "اعلن": "عن", "كشف": "عن", "أكد": "على", "اكد": "على", "شدد": "على", "حذر": "من"}


_OBJECT_CLAUSE_STOP = re.compile(r"[،,]\s*(?:بعد|قبل|عقب|إثر|اثر|في\s+حين|فيما|بينما|وسط|رغم|وذلك)(?![\u0621-\u064a])")


def _verb_object_after(text: str, after: int, verb: str) -> tuple[int, int] | None:
    """"أعلنت جامعة نجران عن تمديد …", "أكد السفير … لدى الأردن على متانة العلاقة": the noun object, when the
    verb's preposition follows its subject within a few words and no other cue or أن comes first."""
    verb = re.sub(f"[{_TANWEEN}]", "", verb)
    stem = next((verb[: len(verb) - len(suf)] for suf in ("", "ت", "ا", "تا", "وا")
                 if verb[: len(verb) - len(suf)] in _OBJECT_PREPOSITION_OF), None)
    if stem is None:
        return None
    prep = _OBJECT_PREPOSITION_OF[stem]
    tail = text[after : after + 120]
    m = re.search(rf"(?<![{_AR}]){prep}\s+(?!(?:أن|ان|إن|بأن)(?:ه|ها|هم)?(?![{_AR}]))(?=[{_AR}])", tail)
    if not m:
        return None
    between = tail[: m.start()]
    if len(between.split()) > 8 or _SENTENCE_END.search(between) or _VERB_RE.search(between) or _THAT.search(between) \
            or re.search(r"[،,:؛]", between):
        return None
    start = after + m.end()
    # "أعلن متمردو حركة الشباب مسؤوليتهم عن قتل نائب": the claim is the object, read from مسؤولية
    owned = re.search(rf"(?<![{_AR}])(?:ال)?مسؤولي[{_AR}]*\s*$", text[:after + m.start()])
    if owned:
        start = owned.start()
    span = _clause(text, start)
    if span:  # a noun object ends before a new adjunct clause: "…، بعد ساعات على تصريحات …"
        stop = _OBJECT_CLAUSE_STOP.search(text, span[0], span[1])
        span = _strip(text, span[0], stop.start()) if stop else span
    return span


_ELISION = re.compile(r"[(\[]\s*(?:\.{2,}|…)\s*[)\]]")


def _clause(text: str, start: int) -> tuple[int, int] | None:
    """The reported clause from ``start`` to the end of its sentence or the next cue, when it says something."""
    while start < len(text) and text[start] in " \u00a0:":  # "أن: «…»": the colon only introduces the words
        start += 1
    end_m = _CLAUSE_END.search(text, start)
    while end_m and (elided := _ELISION.match(text, end_m.start() - 1)):
        end_m = _CLAUSE_END.search(text, elided.end())  # "نشاطها (...) بالإصدار": words left out, the clause goes on
    end = end_m.start() if end_m else len(text)
    end = _quoted_clause_end(text, start, end)
    while end > start and text[end - 1] in " \u00a0،,":
        end -= 1
    return (start, end) if end - start >= 10 else None


_CLOSING = {"«": "»", '"': '"', "“": "”"}


def _quoted_clause_end(text: str, start: int, end: int) -> int:
    """A clause that opens with quotation marks and closes them before a comma ends there: what follows is the
    writer's («إن "…"، بحسب ما ورد بالبيان», «…»، داعيا إلى …). A mark around a word or two («إيباك» تقف …) only
    names or stresses it, and the clause goes on. Wherever a quotation closes inside the clause, the writer's own
    words after it end the clause too («قتلوا «خلال مشاركتهم …»، من دون تحديد زمان ومكان مقتلهم»)."""
    writers = _WRITERS_TAIL.search(text, start, end)
    if writers:
        end = writers.start() + 1
    close = _CLOSING.get(text[start]) if start < len(text) else None
    at = text.find(close, start + 1, end) if close else -1
    if at < 0 or len(text[start + 1:at].split()) < 3:
        return end
    rest = text[at + 1:end].lstrip(" \u00a0")
    return at + 1 if rest[:1] in ("،", ",", "؛", ";") else end


# a closing quotation mark, a comma and the writer's own words: the source, an omission, a contrast
_WRITERS_TAIL = re.compile(rf"[»\"”]\s*[،,]\s*(?:من\s+دون|دون|بحسب|حسب|وفق|وفقا|وفقاً|على\s+حد|بينما|في\s+حين|فيما)(?![{_AR}])")


def extract_quotes(text: str, entities: list[Entity] | None = None) -> list[Quote]:
    """Quotes with offsets into ``text``. ``entities`` (offsets into the same text) saves a second entity pass
    when the caller has one."""
    ctx = _Context(text, entities)
    quotes: list[Quote] = []
    used: list[tuple[int, int]] = []
    last_speaker: str | None = None
    last_speaker_at = -1
    # who a past-tense "وأضاف" goes on from: the last speaker of a past verb, not one a present "يقول" cited
    # ("يقول ربنا سبحانه ((…))، وأضاف:" is the preacher again)
    last_narrator: str | None = None
    names = ctx.names()
    # speech verbs inside a quotation are part of what was said ("اعتبر نفسك بين عائلتك" in a headline)
    quoted = [(q.start(), q.end()) for q in _QUOTE_RE.finditer(text) if "\n" not in q.group(0)]

    first_line = text.split("\n", 1)[0]
    h = _HEADLINE.match(first_line)

    events: list[tuple[int, str, re.Match[str]]] = [(m.start(), "verb", m) for m in _VERB_RE.finditer(text)]
    events += [(m.start(), "reported", m) for m in _REPORTED.finditer(text)]
    events += [(m.start(), "according", m) for m in _ACCORDING.finditer(text)]
    events += [(m.start(), "according", m) for m in _STATEMENT.finditer(text)]
    events.sort(key=lambda x: x[0])
    for pos, kind, m in events:
        if any(s0 < pos < e0 for s0, e0 in quoted) or any(s0 <= pos < e0 for s0, e0 in used):
            continue  # a verb inside a quote already taken: "أوضح أنه طالب بتسليح …" reports one thing
        verb = re.sub(f"[{_TANWEEN}]", "", m.group("verb") or "") if kind == "verb" else ""
        present = verb in _PRESENT_SET
        if verb == "يذكر" and _IMPERSONAL_THAT.match(text, m.end()):
            continue  # "يُذكر أن المعرض …": the paper's background note (it is worth mentioning), nobody's words
        if kind == "verb" and _WRITERS_NOTE.search(text, max(0, m.start() - 10), m.start()):
            continue  # "الجدير ذكره أن", "مما يشير إلى أن": the paper's own note or inference, nobody's words
        if kind == "verb" and _VERBAL_NOUN_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "الذي طلب عدم كشف اسمه": the noun (revealing), not a verb with a speaker
        if kind == "reported":
            who = m.group("who").strip()
            speaker = _leading_name(who.split()) or _speaker_of(ctx, m.start("who"), m.end("who")) or who
            cue, after = "نقل", m.end()
        elif kind == "according":
            if m.re is _ACCORDING and _RULE_NOUN.match(m.group("who")):
                continue  # "وفقا لآلية … التي اعتمدتها هيئة السوق المالية فإن": what the rules say, nobody's words
            speaker = _speaker_of(ctx, m.start("who"), m.end("who"))
            cue = "وفقا"
            if speaker:
                last_speaker = speaker
            span = _clause(text, m.end())
            if span:
                _add(quotes, used, Quote(text=text[span[0]:span[1]], start=span[0], end=span[1], kind="indirect",
                                         speaker=speaker, speaker_canonical=speaker, cue=cue))
            continue
        elif m.group("part") and re.search(r"[-–]\s*$", text[max(0, pos - 3):pos]):
            continue  # "سبق- متابعة:": a byline, not "going on to say"
        elif m.group("part"):  # مشيرا إلى أن: the speaker of this sentence goes on
            cue, after = m.group("part"), m.end()
            in_sentence = last_speaker_at >= 0 and not _SENTENCE_END.search(text, last_speaker_at, pos)
            speaker = last_speaker if in_sentence else (_sentence_subject(ctx, pos) or last_speaker)
        elif (back := _said_before(ctx, m)) is not None:
            speaker, span, cue = back[0], back[1], m.group("verb")
            speaker = _canonical(speaker, names)
            if speaker:
                last_speaker, last_speaker_at, last_narrator = speaker, pos, speaker
                _add(quotes, used, Quote(text=text[span[0]:span[1]], start=span[0], end=span[1], kind="indirect",
                                         speaker=speaker, speaker_canonical=speaker, cue=cue + " ذلك"))
            continue
        else:
            cue = m.group("verb")
            s0, s1, after = _subject(ctx, m.end())
            subject = ctx.clean[s0:s1]
            named_here = any(e.type == "PER" and not _ROLE.match(e.text) for e in ctx.within(s0, s1))
            # a name after the role's adjuncts is who spoke ("وقال نائب المشرف العام على المجمع الدكتور …"), not the
            # holder of that role named before
            if _ANAPHORIC_ROLE.match(subject) and _PERSON_AFTER.match(ctx.clean, s1) and (after_role := _name_after_adjuncts(ctx, s0)):
                named_here = named_here or any(e.type == "PER" and (e.canonical or e.text) == after_role[0]
                                               for e in ctx.within(s0, after_role[1]))  # a tagged name, not "أكد على …"
            introduced = _introduced_as(ctx, subject, pos) if _ANAPHORIC_ROLE.match(subject) and not named_here else None
            if introduced:
                speaker = introduced
            elif last_speaker and _ANAPHORIC_ROLE.match(subject) and not _is_body(last_speaker) and not named_here \
                    and not _GROUP_SPEAKER.match(last_speaker) \
                    and not _another_role(last_speaker, subject):  # "المسؤول الإيراني" does not go on from "المصادر"
                speaker = last_speaker
            elif subject and _ROLE.match(subject) and (named := _apposition(ctx, after)):
                speaker, after = named
            else:
                speaker = _speaker_before(ctx, pos)
                opened = _OPENING_SUBJECT.search(text, _sentence_start(text, pos), pos)
                if speaker is None and not subject.strip(" ،,") and opened:
                    # "وكانت مصادر عسكرية في عدن قد أفادت، في وقت سابق، أن": the subject came first
                    speaker = _speaker_of(ctx, opened.start("np"), opened.end("np"))
                if speaker is None and m.group("verb") in _PRESENT_SET and "\n" not in text[:pos]:
                    speaker = _subject_before(ctx, pos)  # a headline "العريفي يوضح …": present tense, subject first
                if speaker is None and _GOES_ON.search(text, max(0, pos - 8), pos):
                    # "انتقدت المنظمة …، حيث قالت في بيان": with no subject of its own, the sentence's subject
                    speaker = _speaker_of(ctx, s0, s1) or _sentence_subject(ctx, pos)
                speaker = speaker or _speaker_of(ctx, s0, s1) or _subject_before(ctx, pos)
                if speaker and speaker == subject and (where := _described_where(subject, ctx.clean, s1)):
                    speaker = f"{speaker} {where}"  # "مسؤول في المديرية العامة للجوازات", not "مسؤول"
                # a one-word "person" in a role phrase is more often a tagging slip ("مدير مكتب الحملة")
                no_person = not any(e.type == "PER" and " " in e.text for e in ctx.within(s0, s1))
                if _ROLE.match(subject) and no_person and (named := _name_after_adjuncts(ctx, s0)):
                    # the role named nobody, or only its institution ("مبعوث الأمم المتحدة إلى الشرق الأوسط
                    # نيكولاي ملادينوف:"): the person's name follows the adjuncts
                    speaker, after = named
                if speaker is None and subject in ("فيها", "فيه"):  # "تصريحات للرئيس … أوباما أكد فيها أن": his
                    speaker = _person_before(ctx, pos) or _sentence_subject(ctx, pos)
            if speaker is None and _EULOGY_BEFORE.search(text, max(0, pos - 40), pos):
                speaker = _THE_PROPHET  # "عن النبي صلى الله عليه وسلم قال: «…»": his eulogy right before the verb
            if speaker is None and _PRONOUN_BEFORE.search(text, max(0, pos - 12), pos):
                # "دافع رئيس الوزراء … رينزي عن الاتفاق، ولكنه أكد": the sentence's subject
                speaker = _sentence_subject(ctx, pos)
            if speaker is None:  # وأضاف / وتابع: the last named speaker goes on
                speaker = last_speaker if present else (last_narrator or last_speaker)
            if speaker is None and not subject.strip(" ،,"):
                speaker = _previous_subject(ctx, pos)  # nobody spoke yet: "رفع … المحيسن شكره …. وأكد أن"
        speaker = _canonical(_who_spoke(speaker), names)
        if speaker and _looks_like_a_name(speaker) and speaker not in names:
            names.append(speaker)  # a full name read off a speech cue also resolves a later surname
        # "قال X إن …، حيث قال ابن القيم إن …": a source X cites; X remains who goes on speaking
        cited = re.search(rf"(?<![{_AR}])حيث\s*$", text[max(0, pos - 8):pos]) is not None or speaker in (_THE_PROPHET, _GOD_NAME)
        if speaker and not cited:
            last_speaker, last_speaker_at = speaker, pos
            if not present:
                last_narrator = speaker
        span = _direct_after(text, after)
        kind_of = "direct"
        if span is None:
            span = _indirect_after(text, after)
            kind_of = "indirect"
        # only a speech verb or participle has an object; a reported or "according to" cue has no such group
        part, verb = m.groupdict().get("part"), m.groupdict().get("verb")
        if span is None and part and speaker:  # a noun object with nobody saying it is no quote
            span = _object_after(text, after, part)
        if span is None and verb and speaker:
            span = _verb_object_after(text, after, verb)
        if span is None:
            continue
        start, end = span
        _add(quotes, used, Quote(text=text[start:end], start=start, end=end, kind=kind_of,
                                 speaker=speaker, speaker_canonical=speaker, cue=cue))
    as_said = [m for m in _CLAUSE_AS_SAID.finditer(text) if not _NOT_A_CLAUSE_SOURCE.search(m.group("who"))]
    for m in [*_CLAUSE_THEN_SOURCE.finditer(text), *as_said]:
        who = m.group("who")
        kinds = ("PER", "ORG", "LOC") if m.re is _CLAUSE_AS_SAID else ("PER", "ORG")  # "كما أعلنت كييف": a capital speaks
        ents = [e for e in ctx.all_ents if e.type in kinds and e.start >= m.start("who") and e.end <= m.end("who")]
        if not (ents or _SOURCE_START.match(who.strip(" \"«“"))):
            continue  # "بحسب الخطة", "حسب الموقع الجغرافي": no source
        start = _sentence_start(text, m.start())
        colon = text.rfind(":", start, m.start())  # "سبق- متابعة: …": the dateline is not what was said
        start, end = _strip(text, colon + 1 if colon >= 0 else start, m.start())
        speaker = _canonical(_speaker_of(ctx, m.start("who"), m.end("who")), names)
        if speaker and end - start >= 15:
            _add(quotes, used, Quote(text=text[start:end], start=start, end=end, kind="indirect", speaker=speaker,
                                     speaker_canonical=speaker, cue="كما" if m.re is _CLAUSE_AS_SAID else "بحسب"))
    for m in _QUOTE_THEN_THIS_IS_WHAT.finditer(text):  # "«نقول نعم لروسيا» هذا ما أعلنه جوزيف بلاتر"
        who_end = _SENTENCE_END.search(text, m.end())
        clause = re.search(r"[،,]", text[m.end():who_end.start() if who_end else len(text)])
        end = m.end() + clause.start() if clause else (who_end.start() if who_end else len(text))
        speaker = _canonical(_speaker_of(ctx, m.end(), min(end, m.end() + 80)), names)
        if speaker:
            group = next(g for g in ("q", "q2", "q3") if m.group(g) is not None)
            body = m.group(group)
            lead = len(body) - len(body.lstrip())
            _add(quotes, used, Quote(text=body.strip(), start=m.start(group) + lead, end=m.start(group) + lead + len(body.strip()),
                                     kind="direct", speaker=speaker, speaker_canonical=speaker, cue=m.group("cue")))
    for m in _QUOTE_THEN_SOURCE.finditer(text):
        who = _canonical(m.group("who"), names)
        sources = _NAMED_SOURCE.findall(text, 0, m.start())
        if who == "المصدر" and sources:  # "بحسب المصدر": the source the text named before
            who = sources[-1]
        _add(quotes, used, Quote(text=m.group("q"), start=m.start("q"), end=m.end("q"), kind="direct",
                                 speaker=m.group("who"), speaker_canonical=who, cue="بحسب"))
    # a headline "Name: words" when the body quotes that person ("كيري: …" and "قال وزير الخارجية جون كيري")
    for who in _headline_speakers(h.group("who")) if h else []:
        body_speakers = _headline_speaker_in_body(who, quotes, text)
        if body_speakers:
            start = h.start("q")
            _add(quotes, used, Quote(text=h.group("q").strip(), start=start, end=start + len(h.group("q").strip()),
                                     kind="direct", speaker=who, speaker_canonical=body_speakers[0], cue=":"))
            break
    quotes.sort(key=lambda q: q.start)
    for i, q in enumerate(quotes):  # "وقالت الوزارة": the ministry the article named before, as a reader takes it
        body = _BODY_NOUN.match(normalize_match(q.speaker_canonical or ""))
        if body:
            heads = (body.group(1) + " ", "ال" + body.group(1) + " ")  # "مجلس الشورى", "المجلس الوطني للمقاومة"
            # a body of that kind that spoke before ("أعلنت خلية الإعلام الحربي … وأكدت الخلية", tagged or not), else
            # the last one named
            named = [p.speaker_canonical for p in quotes[:i] if normalize_match(p.speaker_canonical or "").startswith(heads)] \
                or [e.canonical or e.text for e in ctx.all_ents if e.type == "ORG" and e.start < q.start
                    and (normalize_match(e.canonical or e.text).startswith(heads) or _headed_by(ctx.clean, e.start, body.group(1)))]
            if named:
                q.speaker_canonical = named[-1]
    _resolve_honorific_pronouns(quotes, ctx)
    _resolve_role_holders(quotes, ctx)
    _resolve_documents(quotes, ctx)
    for i, q in enumerate(quotes):  # "وقال المصدر" after "أفاد مصدر دبلوماسي تركي": that source
        the_source = _THE_SOURCE.match(normalize_match(q.speaker_canonical or ""))
        if the_source:
            named = "مصادر " if the_source.group(1) == "المصادر" else "مصدر "
            earlier = [p.speaker_canonical for p in quotes[:i] if (p.speaker_canonical or "").startswith(named)]
            if earlier:
                q.speaker_canonical = earlier[-1]
    # a name in quotation marks is the name, not words anyone said: «داعش», مصادر محلية «الشرق الأوسط», برنامج «سناب
    # شات» (545 "direct quotes" of the 31k corpus were exactly a tagged name)
    named = {(e.start, e.end) for e in ctx.all_ents}
    return [q for q in quotes if q.kind != "direct" or (q.start, q.end) not in named]


# "وقال البيان", "وأضاف التقرير": the statement or report speaks for whoever issued it
_DOCUMENTS = {normalize_match(w): stem for w, stem in (("البيان", "بيان"), ("التقرير", "تقرير"))}
# a speaker's cue that names the statement the words come from: "في بيان", "في بيان له", "بيان صادر"
_SAID_IN = {stem: re.compile(rf"(?<![{_AR}])في\s+(?:ال)?{stem}[اة]?(?![{_AR}])|(?<![{_AR}])(?:ب|ل)?(?:ال)?{stem}[اة]?\s+(?:له|لها|لهم|(?:ال)?صادر)")
            for stem in _DOCUMENTS.values()}


# what may stand between "بيان"/"تقرير" and who issued it: "صادر عن", "صدر عن", "أصدرته", "لـ", an adjective or an
# ordinal; not "تلقت" or "نقلته" (the agency that received or carried it)
# ("تقرير اقتصادي صادر عن بنك الكويت الدولي", "التقرير الـ 51 لمؤسسة النقد", "تقرير كاسبرسكي لاب")
_ISSUER_GLUE = re.compile(rf"[اة]?\s+(?:(?:ال)?[{_AR}]+(?:ي|ية)\s+|(?:مشترك|حديث|جديد|أخير|اخير)\s+|الـ\s*\d+\s+|"
                          rf"(?:أصدره|أصدرته|اصدره|اصدرته|أعده|أعدته|اعده|اعدته)\s+)?"
                          rf"(?:(?:ال)?صادر[اة]?\s+|صدر\s+)?(?:(?:عن|من)\s+)?(?:لـ?\s*)?$")


def _named_issuer(ctx: _Context, stem: str, before: int) -> str | None:
    """The body or person named as issuing the last statement or report mentioned before the sentence of ``before``."""
    for m in reversed(list(re.finditer(rf"(?<![{_AR}])(?P<the>ال|لل|بال|وال)?(?:ب|ل)?{stem}", ctx.clean[:_sentence_start(ctx.clean, before)]))):
        nxt = next((e for e in ctx.ents if m.end() <= e.start <= m.end() + 40), None)
        if nxt is not None:
            glue = ctx.clean[m.end():nxt.start]
            if nxt.text.startswith("ل") and not glue.rstrip().endswith("ل"):
                glue += "ل"  # "لمؤسسة النقد": the preposition is glued to the name the tagger took
            if _ISSUER_GLUE.match(glue):
                return nxt.canonical or nxt.text
        if not m.group("the"):
            return None  # "صدر بيان مشترك": a new statement nobody is named for; an earlier one may be another body's
    return None


def _headed_by(text: str, start: int, head: str) -> bool:
    """The word before a name is the body's head word ("بإلزام شركة أم أم أل ميديست", tagged without شركة)."""
    before = normalize_match(text[max(0, start - 14):start]).split()
    return bool(before) and before[-1] in {clitic + head for clitic in ("", "ل", "ب", "و", "وب", "ول")}


def _resolve_documents(quotes: list[Quote], ctx: _Context) -> None:
    """"وقالت وزارة الداخلية في بيان … وقال البيان إن": the ministry; "وفق بيان للأمم المتحدة … وقال البيان":
    the United Nations. The issuer is the last named speaker who spoke "في بيان" / "في بيان له" just before their
    words, else the name right after "بيان لـ" / "بيان صادر عن"; a statement nobody is named for stays as it is."""
    named = {e.canonical or e.text for e in ctx.ents}
    for i, q in enumerate(quotes):
        stem = _DOCUMENTS.get(normalize_match(q.speaker_canonical or ""))
        if stem is None:
            continue
        said_in = _SAID_IN[stem]
        # the nearest such speaker only: one we could not name ("وأشارت في بيان") is no reason to reach further back
        last = next((p for p in reversed(quotes[:i]) if said_in.search(ctx.clean, max(0, p.start - 60), p.start)), None)
        issuer = last.speaker_canonical if last and last.speaker_canonical in named else None
        if issuer is None:
            issuer = _named_issuer(ctx, stem, q.start)
        if issuer:
            q.speaker_canonical = issuer


def _introduced_as(ctx: _Context, role: str, pos: int) -> str | None:
    """"وأكد الرئيس اليمني أن …" after "طالب الرئيس اليمني عبدربه منصور هادي …": the person the article introduced
    with the same role words, the nearest such before ``pos``. A bare "الوزير" is any minister, so it goes to a
    person only when every earlier mention of the word ("وزير الصحة السعودي المهندس خالد الفالح") introduced
    that same person."""
    if len(role.split()) < 2:
        return _only_one_introduced_as(ctx, role, pos)
    key = normalize_match(role)
    before = [e for e in ctx.all_ents if e.type == "PER" and " " in (e.canonical or e.text) and e.start < pos
              and _role_then_name(ctx.clean[max(0, e.start - len(role) - 40):e.start], key)]
    return (before[-1].canonical or before[-1].text) if before else None


def _role_then_name(before_name: str, role: str) -> bool:
    """The words before a name end with the role, or with the role and one more title: "نائب الرئيس اليمني رئيس
    مجلس الوزراء خالد بحاح" introduces Bahah as "نائب الرئيس اليمني" too."""
    words = re.sub(r"[،,]", " ", before_name).split()
    role_words = role.split()
    for cut in range(len(words), max(len(role_words), len(words) - 3) - 1, -1):
        if [normalize_match(w) for w in words[cut - len(role_words):cut]] == role_words:
            if cut > len(role_words) and _DEPUTY.match(words[cut - len(role_words) - 1]):
                return False  # "نائب الرئيس اليمني" is not "الرئيس اليمني"
            between = words[cut:]
            return not between or (not re.search(r"[.:؛\n]", " ".join(between)) and bool(_ROLE.match(between[0])))
    return False


_ONE_WORD_REACH = 40  # characters from a role word to the name it introduces ("وزير الصحة السعودي المهندس …")


def _only_one_introduced_as(ctx: _Context, role: str, pos: int) -> str | None:
    head = normalize_match(role)
    head = head[2:] if head.startswith("ال") else head
    if len(head) < 3:
        return None
    before = normalize_match(ctx.clean[:pos])
    mentions = [m.end() for m in re.finditer(rf"(?<![{_AR}])(?:وال|ال|لل|و|ل)?{head}(?![{_AR}])", before)]
    if not mentions:
        return None
    persons = [e for e in ctx.all_ents if e.type == "PER" and " " in (e.canonical or e.text) and e.start < pos]
    named = set()
    for end in mentions:
        nearest = next((e for e in persons if end <= e.start <= end + _ONE_WORD_REACH), None)
        if nearest is None:
            return None  # a minister the article does not name: "الوزير" may be that one
        named.add(nearest.canonical or nearest.text)
    return named.pop() if len(named) == 1 else None


# "وأكد سموه", "وأوضح معاليه": His Highness, His Excellency; a reader takes the dignitary the article is about
_HONORIFIC_PRONOUNS = frozenset(normalize_match(w) for w in
                                "سموه سموها معاليه معاليها سماحته فضيلته سعادته سعادتها جلالته فخامته دولته".split())
_HIGHNESS = frozenset(normalize_match(w) for w in ("سموه", "سموها"))
_PRINCELY = re.compile(r"(?:الأمير|الامير|الأميرة|الاميرة|سمو|السمو|الملكي)\s*$")


def _resolve_honorific_pronouns(quotes: list[Quote], ctx: _Context) -> None:
    """An honorific pronoun speaks for the last person who spoke before it, else for the first person the article
    names before it. "سموه" is a prince's or princess's: never the King the prince thanked on the way."""
    persons = [e for e in ctx.all_ents if e.type == "PER" and " " in (e.canonical or e.text)]
    princes = {e.canonical or e.text for e in persons
               if _PRINCELY.search(ctx.clean[max(0, e.start - 25):e.start]) or e.text.startswith(("الأمير", "الامير"))}
    people = {e.canonical or e.text for e in persons}
    spoke: list[Quote] = []
    for q in quotes:  # in text order
        pronoun = normalize_match(q.speaker_canonical or "")
        if pronoun in _HONORIFIC_PRONOUNS:
            fits = princes if pronoun in _HIGHNESS else people
            earlier = [p.speaker_canonical for p in spoke if p.speaker_canonical in fits]
            named = [e.canonical or e.text for e in persons if e.end <= q.start and (e.canonical or e.text) in fits]
            who = earlier[-1] if earlier else (named[0] if named else None)
            if who:
                q.speaker_canonical = who
        spoke.append(q)


def _headline_speakers(raw: str) -> list[str]:
    """Who may speak in a headline "X: …": X without quotation marks, and without whom X told when a word with
    لـ ends it ("بلاتر لبوتين", "«الجوازات» لـ"الاقتصادية"", "رئيس الوزراء الإيطالي للكنيست")."""
    words = re.sub(r"(?<![\u0621-\u064a])لـ\s*", "لـ", re.sub(r"[«»\"“”]", " ", raw)).split()
    if len(words) >= 2 and _HONORIFIC.match(words[0].rstrip(".")):
        words = words[1:]  # "د. الصالح: …" is الصالح
    if any("." in w for w in words):
        return []
    told = len(words) >= 2 and re.match(rf"ل[{_AR}ـ]{{2,}}$", words[-1])
    out = [" ".join(words)] if len(words) <= 3 else []
    if told and len(words) <= 4:
        # لبوتين, لـالاقتصادية: whom X told, tried first; للجوازات may end a body's name, tried after it
        out.insert(0 if not words[-1].startswith("لل") else len(out), " ".join(words[:-1]))
    return [w for w in out if w and not _NOT_A_SPEAKER.match(w)]


def _headline_speaker_in_body(who: str, quotes: list[Quote], text: str) -> list[str]:
    """The body's speakers that a headline's "who" stands for; a body that speaks for itself; or nobody."""
    joined = who.replace(" ", "")  # "داسيلفا" and "دا سيلفا": transliterations are written both ways
    body_speakers = [q.speaker_canonical for q in quotes if q.speaker_canonical and
                     (who in q.speaker_canonical.split() or who == q.speaker_canonical
                      or (len(joined) >= 5 and joined in q.speaker_canonical.replace(" ", "")))]
    if not body_speakers and " " in who:
        # "رئيس الوزراء الإيطالي للكنيست: …" and the body's "دافع رئيس الوزراء الإيطالي ماتيو رينزي": the role
        # the body gives with the name of one of its speakers
        first_line_end = text.find("\n")
        for m in re.finditer(re.escape(who), text[first_line_end + 1:] if first_line_end >= 0 else ""):
            after_role = text[first_line_end + 1 + m.end():first_line_end + 1 + m.end() + 60]
            named = [q.speaker_canonical for q in quotes if q.speaker_canonical and " " in q.speaker_canonical
                     and re.match(rf"\s*[،,]?\s*{re.escape(q.speaker_canonical)}", after_role)]
            if named:
                body_speakers = named[:1]
                break
    if not body_speakers and " " in who:
        # a role in the headline, "إمام المسجد الحرام : …", and the body's "قال إمام وخطيب المسجد الحرام د. …";
        # one word ("السعودية:") is more often a place or a body than the speaker
        body_speakers = [q.speaker_canonical for q in quotes if q.speaker_canonical
                         and all(w in text[max(0, q.start - 150):q.start] for w in who.split())][:1]
    if not body_speakers and " " in who and _SPEAKING_BODY.match(who):
        body_speakers = [who]  # "شرطة حائل: …", "القضاء العراقي: …": a body announcing, not a place
    if not body_speakers and " " not in who and normalize_match(who) in _BODIES_BY_ONE_WORD:
        # "«الجوازات» لـ"الاقتصادية": …": the body's own speaker in the text, else the body
        core = normalize_match(who)[2:]
        body_speakers = [q.speaker_canonical for q in quotes if q.speaker_canonical
                         and core in normalize_match(q.speaker_canonical)][:1] or [who]
    if not body_speakers and " " not in who and normalize_match(who) in _MINISTRY_SHORT:
        ministry = "وزارة " + who  # "الصحة: …" is the ministry when the body names it
        if normalize_match(ministry) in normalize_match(text):
            body_speakers = [ministry]
    if not body_speakers and normalize_match(who) in _REPORT_WORDS:
        # "دراسة: …" and the body's "أكدت إي.واي في تقرير لها أن": who issued the study or report
        body_speakers = [q.speaker_canonical for q in quotes if q.speaker_canonical
                         and normalize_match(q.speaker_canonical) not in _REPORT_WORDS | {"ال" + w for w in _REPORT_WORDS}
                         and any(w in normalize_match(text[max(0, q.start - 150):q.start]) for w in _REPORT_WORDS)][:1]
    if not body_speakers and " " not in who and normalize_match(who) in _DESCRIBED_SPEAKERS:
        # "قانوني: …", "مسؤول: …": the person the body describes so, or the description itself
        word = normalize_match(who)
        body_speakers = [q.speaker_canonical for q in quotes if q.speaker_canonical
                         and word in normalize_match(text[max(0, q.start - 150):q.start])][:1] or [who]
    return body_speakers


_COURTESY = frozenset(normalize_match(w) for w in "معالي سمو فخامة سعادة دولة جلالة فضيلة سماحة صاحب السمو الملكي".split())
_NISBA = re.compile(r"^ال[\u0621-\u064a]{2,}(?:ي|ية)$")  # "السعودي", "الإيطالي": whose minister


def _resolve_role_holders(quotes: list[Quote], ctx: _Context) -> None:
    """"وقال معالي وزير الخارجية" after "أجرى وزير الخارجية الأستاذ عادل بن أحمد الجبير مباحثات …": the person the
    article introduced with that role, as a reader takes it. An introduction with only titles between the role and
    the name ("وزير الخارجية الأستاذ …") is preferred to one that qualifies the role ("وزير الخارجية الإيطالي
    باولو جينتيلوني": the other country's); the role stays as written when two people hold it."""
    people = [e for e in ctx.all_ents if e.type == "PER"]
    for q in quotes:
        words = (q.speaker_canonical or "").split()
        while words and normalize_match(words[0]) in _COURTESY:
            words = words[1:]
        if not words or len(words) > 5 or not _ROLE.match(words[0]) or any(e.text in (q.speaker or "") for e in people):
            continue
        role = " ".join(words)
        exact: set[str] = set()
        qualified: set[str] = set()
        for m in re.finditer(rf"(?<![\u0621-\u064a]){re.escape(role)}(?![\u0621-\u064a])", ctx.clean[:q.start]):
            for e in people:
                if not m.end() < e.start <= m.end() + 40:
                    continue
                between = ctx.clean[m.end():e.start].replace("،", " ").split()
                if all(_HONORIFIC.match(w) or normalize_match(w) in _COURTESY for w in between):
                    exact.add(e.canonical or e.text)
                elif len(between) == 1 and _NISBA.match(between[0]):
                    qualified.add(e.canonical or e.text)
                break
        holders = exact or qualified
        if len(holders) == 1:
            q.speaker_canonical = next(iter(holders))


# "المصدر", "المصادر نفسها": the source(s) named before, one source for one, sources for many
_THE_SOURCE = re.compile(r"^(المصدر|المصادر)(?: (?:ذاته|نفسه|ذاتها|نفسها))?$")
_PAIRED_MARKS = {"«": "»", "“": "”", '"': '"'}


def _add(quotes: list[Quote], used: list[tuple[int, int]], q: Quote) -> None:
    if any(q.start < e and s < q.end for s, e in used):
        return
    close = _PAIRED_MARKS.get(q.text[:1])
    if close and len(q.text) > 2 and q.text.endswith(close) and not any(m in q.text[1:-1] for m in "«»“”\""):
        # "لافتًا أن «حظوظ الفريقين متساوية»": reported speech that is itself a quotation; its words without the marks
        q.text, q.start, q.end = q.text[1:-1], q.start + 1, q.end - 1
        if q.kind == "indirect":
            q.kind = "direct"
    used.append((q.start, q.end))
    quotes.append(q)


_SAID_ON_REACH = 80  # characters before a quote in which a named day dates the saying
_WEEK = re.compile(r"[أا]سبوع")


def date_quotes(quotes: list[Quote], dates: list[DateMention], text: str, published: str | None) -> None:
    """Give each quote the day its words were said. A day named in the quote's sentence within _SAID_ON_REACH
    characters before the words ("وقال الوزير أمس إن", "في مؤتمر صحفي عقده يوم الاثنين") is that day, unless it
    lies after publication (a day the words look forward to belongs to them, not to the saying). A quote whose cue names no day goes on
    from the same speaker's quote before it in the article ("وأضاف"), else takes the publication day."""
    day = published[:10] if published and len(published) >= 10 else None
    said: dict[str | None, str] = {}
    for q in sorted(quotes, key=lambda x: x.start):
        # near the words: a day named earlier in a long sentence is often what the sentence reports ("أدى صلاة العيد
        # بين أهله، مبينا أن …"), not when it was said
        start = max(_sentence_start(text, q.start), q.start - _SAID_ON_REACH)
        named = [d.value for d in dates if start <= d.start and d.end <= q.start and len(d.value) == 10
                 and (day is None or d.value <= day) and not _WEEK.search(d.text)]  # "الأسبوع الماضي": no one day
        who = q.speaker_canonical or q.speaker
        q.date = named[-1] if named else said.get(who, day)
        if named and who:
            said[who] = q.date
