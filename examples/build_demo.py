"""Build the demo corpus in examples/demo/ from the hand-written stories below.

All text is original, written for marsad (invented outlets; real wire agencies appear
only as credits, as they would on real pages). Each page is rendered in its outlet's
style with the noise real flattened pages carry. The truth written in (events,
storylines, copies, planted disagreements) goes to demo/gold.json and demo/README.md.

    python examples/build_demo.py
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

ROOT = Path(__file__).parent / "demo"

# --- outlets --------------------------------------------------------------------------------
OUTLETS = {
    "almarsad-alyawm": "المرصد اليوم",
    "sada-alkhalij": "صدى الخليج",
    "alofoq-news": "الأفق نيوز",
    "bawwabat-alnahar": "بوابة النهار",
    "shabakat-rasd": "شبكة الرصد",
    "alkhabar-alraqmi": "الخبر الرقمي",
    "mirat-alsharq": "مرآة الشرق",
    "assahil-press": "الساحل بريس",
    "nabd-alarab": "نبض العرب",
}

# --- events: hand-written texts. A page uses one text; copies reuse it with light edits ------
EVENTS = {
    "E1": {
        "story": "S1", "date": "2026-01-28",
        "desc": "The Kremlin (Peskov) says Russia is ready to resume talks with Ukraine in Istanbul next week.",
        "texts": {
            "wire": [
                "أعلن المتحدث باسم الكرملين دميتري بيسكوف، اليوم الأربعاء، أن روسيا مستعدة لاستئناف المحادثات المباشرة مع أوكرانيا في مدينة إسطنبول التركية خلال الأسبوع المقبل.",
                "وقال بيسكوف للصحفيين في موسكو إن «الباب لم يُغلق أمام الحلول الدبلوماسية، والوفد الروسي جاهز للسفر فور الاتفاق على الموعد».",
                "وأضاف أن الجانب التركي أبدى استعداده لاستضافة الجولة الجديدة، مشيرا إلى أن الوفد سيترأسه مساعد الرئيس الروسي.",
                "وكانت الجولة السابقة من المحادثات قد انتهت في 19 كانون الأول / ديسمبر الماضي دون التوصل إلى اتفاق على وقف إطلاق النار.",
            ],
            "rewrite": [
                "قال الكرملين إن موسكو جاهزة للعودة إلى طاولة المفاوضات مع كييف في إسطنبول الأسبوع المقبل، في خطوة قد تعيد إحياء المسار الدبلوماسي المتعثر منذ أشهر.",
                "وأوضح ديمتري بيسكوف، المتحدث باسم الرئاسة الروسية، أن الوفد الروسي ينتظر تحديد الموعد النهائي، وأن أنقرة عرضت استضافة اللقاء.",
                "ولم يصدر تعليق فوري من الحكومة الأوكرانية على هذه التصريحات، فيما رحب دبلوماسيون أوروبيون بحذر بأي عودة إلى الحوار.",
                "يذكر أن آخر جولة تفاوض بين الطرفين عقدت في ديسمبر الماضي وانتهت من دون نتائج ملموسة.",
            ],
        },
    },
    "E2": {
        "story": "S1", "date": "2026-02-04",
        "desc": "Russian and Ukrainian delegations meet in Istanbul and agree a prisoner exchange (300 each; one outlet says 250).",
        "texts": {
            "wire": [
                "اختتمت الوفود الروسية والأوكرانية، اليوم الأربعاء، جولة جديدة من المفاوضات المباشرة في قصر دولمة بهجة بمدينة إسطنبول، برعاية وزير الخارجية التركي.",
                "واتفق الجانبان على تبادل 300 أسير من كل طرف خلال الأيام المقبلة، بحسب بيان مشترك وزعه الوسطاء الأتراك في ختام الاجتماع.",
                "وقال رئيس الوفد الروسي فلاديمير ميدينسكي إن «الاجتماع كان عمليا ومفيدا»، مضيفا أن الطرفين سيواصلان العمل على مذكرة لوقف إطلاق النار.",
                "ودعا وزير الخارجية التركي الطرفين إلى البناء على هذه الخطوة الإنسانية، مؤكدا أن بلاده مستعدة لاستضافة جولات أخرى.",
            ],
            "rewrite": [
                "في أول لقاء مباشر منذ أسابيع، جلس المفاوضون الروس والأوكرانيون إلى طاولة واحدة في إسطنبول، وخرجوا باتفاق محدود على تبادل الأسرى.",
                "وبحسب مصادر مطلعة على المحادثات فإن الاتفاق يشمل الإفراج عن 250 أسيرا من كل جانب، على أن تبدأ العملية خلال أيام.",
                "وأكد رئيس الوفد الأوكراني أن بلاده تريد وقفا كاملا لإطلاق النار وليس هدنة مؤقتة، فيما وصف الوفد الروسي الاجتماع بأنه عملي.",
                "وأشاد الرئيس التركي رجب طيب أردوغان بنتائج الاجتماع، معتبرا أن إسطنبول أثبتت مرة أخرى أنها منصة للحوار.",
            ],
        },
    },
    "E3": {
        "story": "S1", "date": "2026-02-07",
        "desc": "Russia and Ukraine carry out the agreed prisoner exchange on the Belarus border.",
        "texts": {
            "wire": [
                "أعلنت وزارة الدفاع الروسية، اليوم السبت، إتمام عملية تبادل الأسرى مع أوكرانيا عند الحدود البيلاروسية، تنفيذا لما اتفق عليه الطرفان في إسطنبول.",
                "وذكرت الوزارة في بيان أن الأسرى الروس العائدين سينقلون إلى موسكو لتلقي العلاج والرعاية اللازمة قبل عودتهم إلى ذويهم.",
                "من جهته، نشر الرئيس الأوكراني فولوديمير زيلينسكي صورا للأسرى العائدين، وقال إن «كل واحد منهم سيعود إلى بيته».",
            ],
            "rewrite": [
                "عاد مئات الأسرى الأوكرانيين والروس إلى بلدانهم السبت في أكبر عملية تبادل منذ بداية العام، جرت على الحدود مع بيلاروسيا.",
                "وكتب زيلنسكي على حسابه أن بلاده ستواصل العمل حتى عودة آخر أسير، شاكرا الوسطاء الأتراك والإماراتيين على جهودهم.",
                "وقالت وزارة الدفاع الروسية إن العائدين سيخضعون لفحوص طبية في موسكو، دون أن تحدد عددهم النهائي.",
            ],
        },
    },
    "E4": {
        "story": "S2", "date": "2026-01-14",
        "desc": "Heavy rain floods streets in Jeddah; civil defence reports 4 dead (one outlet says 5) and dozens rescued.",
        "texts": {
            "wire": [
                "أعلنت المديرية العامة للدفاع المدني في جدة، اليوم الأربعاء، وفاة 4 أشخاص وإنقاذ 37 آخرين احتجزتهم السيول في عدد من أحياء المحافظة، إثر هطول أمطار غزيرة منذ ساعات الفجر.",
                "وأوضح المتحدث باسم الدفاع المدني أن الفرق الميدانية تعاملت مع أكثر من مئتي بلاغ، داعيا السكان إلى البقاء في منازلهم والابتعاد عن مجاري الأودية.",
                "وكانت الهيئة العامة للأرصاد قد أصدرت أمس تنبيها أحمر لمحافظة جدة ومكة المكرمة، متوقعة استمرار الأمطار حتى مساء الخميس.",
            ],
            "rewrite": [
                "غرقت شوارع رئيسية في جدة تحت مياه الأمطار الغزيرة التي بدأت فجر الأربعاء، ما تسبب في شلل مروري واسع واحتجاز عشرات المركبات.",
                "وقال الدفاع المدني إن 5 أشخاص لقوا حتفهم جراء السيول، فيما أنقذت فرقه عشرات المحتجزين في أحياء جنوب المحافظة.",
                "وتداول مستخدمون مقاطع مصورة لسيارات جرفتها المياه قرب أحد الأنفاق، بينما طالب سكان بتسريع مشاريع تصريف مياه الأمطار.",
            ],
        },
    },
    "E5": {
        "story": "S2", "date": "2026-01-15",
        "desc": "Schools in Jeddah and Makkah suspend in-person classes the day after the floods.",
        "texts": {
            "wire": [
                "قررت إدارتا التعليم في جدة ومكة المكرمة تعليق الدراسة الحضورية اليوم الخميس والتحول إلى التعليم عن بعد عبر منصة مدرستي، حرصا على سلامة الطلاب والطالبات.",
                "وأوضحت وزارة التعليم أن القرار جاء بناء على تقارير الهيئة العامة للأرصاد التي توقعت استمرار هطول الأمطار الغزيرة على المنطقة.",
                "ودعت الإدارتان أولياء الأمور إلى متابعة القنوات الرسمية للاطلاع على أي مستجدات بشأن استئناف الدراسة.",
            ],
        },
    },
    "E6": {
        "story": "S3", "date": "2026-03-10",
        "desc": "Saudi national team beats Jordan 2-1 in a World Cup qualifier in Riyadh.",
        "texts": {
            "wire": [
                "حقق المنتخب السعودي لكرة القدم فوزا ثمينا على نظيره الأردني بهدفين مقابل هدف، في المباراة التي أقيمت مساء الثلاثاء على استاد الملك فهد الدولي بالرياض ضمن التصفيات المؤهلة لكأس العالم.",
                "وسجل هدفي الأخضر سالم الدوسري في الدقيقة 34 وفراس البريكان في الدقيقة 78، فيما أحرز يزن النعيمات هدف الأردن الوحيد في الدقيقة 61.",
                "وبهذا الفوز رفع المنتخب السعودي رصيده إلى 13 نقطة في صدارة المجموعة، بينما تجمد رصيد الأردن عند 10 نقاط.",
            ],
            "rewrite": [
                "خطف الأخضر السعودي ثلاث نقاط مهمة من النشامى بفوزه 2-1 في ليلة كروية حماسية بالرياض، ليعزز موقعه في صدارة مجموعته بالتصفيات.",
                "وافتتح سالم الدوسري التسجيل بتسديدة قوية قبل نهاية الشوط الأول، ورد يزن النعيمات للأردن، قبل أن يمنح فراس البريكان الفوز لأصحاب الأرض في الربع ساعة الأخير.",
                "وقال مدرب المنتخب السعودي بعد اللقاء إن «اللاعبين قدموا مباراة كبيرة أمام منافس قوي»، مؤكدا أن المشوار لم ينته بعد.",
            ],
        },
    },
    "E7": {
        "story": "S3", "date": "2026-03-12",
        "desc": "Jordan's coach resigns two days after the defeat in Riyadh.",
        "texts": {
            "wire": [
                "أعلن الاتحاد الأردني لكرة القدم، اليوم الخميس، قبول استقالة المدير الفني للمنتخب الوطني، بعد يومين من الخسارة أمام المنتخب السعودي في الرياض.",
                "وقال الاتحاد في بيان إنه يشكر المدرب على الجهود التي بذلها خلال فترة عمله، مشيرا إلى أن اسم المدرب الجديد سيعلن خلال أسبوعين.",
                "ويحتل المنتخب الأردني المركز الثالث في مجموعته برصيد 10 نقاط، ويستعد لمواجهة حاسمة الشهر المقبل.",
            ],
        },
    },
    "E8": {
        "story": "S4", "date": "2026-02-10",
        "desc": "UN Secretary-General Guterres meets Trump at the White House on Sudan aid; both call for a humanitarian truce.",
        "texts": {
            "wire": [
                "التقى الأمين العام للأمم المتحدة أنطونيو غوتيريش، الثلاثاء، الرئيس الأمريكي دونالد ترامب في البيت الأبيض، وبحثا الأوضاع الإنسانية المتدهورة في السودان.",
                "وقال غوتيريش عقب اللقاء إن «ملايين السودانيين يواجهون خطر المجاعة، ولا يمكن للعالم أن ينتظر أكثر»، داعيا إلى هدنة إنسانية فورية.",
                "من جهته، أكد ترامب أن واشنطن ستزيد مساعداتها الغذائية للسودان، مشيرا إلى أن بلاده تعمل مع شركائها في المنطقة لوقف القتال.",
            ],
            "rewrite": [
                "بحث الرئيس الأمريكي دونالد ترمب مع الأمين العام للأمم المتحدة أنطونيو جوتيريش في واشنطن سبل إيصال المساعدات إلى السودان، في لقاء وصف بأنه إيجابي.",
                "وحذر جوتيريش من أن ملايين السودانيين مهددون بالجوع، مطالبا الأطراف المتحاربة بهدنة إنسانية عاجلة تسمح بمرور قوافل الإغاثة.",
                "وتعهد ترمب بزيادة الدعم الغذائي الأمريكي، دون أن يحدد قيمة المساعدات الجديدة أو موعد وصولها.",
            ],
            # the wire's lead kept, the rest the outlet's own: it shares the wire with ofoq-e8, it copies nobody
            "partial": [
                "التقى الأمين العام للأمم المتحدة أنطونيو غوتيريش، الثلاثاء، الرئيس الأمريكي دونالد ترامب في البيت الأبيض، وبحثا الأوضاع الإنسانية المتدهورة في السودان.",
                "وتناول اللقاء خطر المجاعة الذي يهدد ملايين السودانيين، ودعوة الأمين العام إلى هدنة إنسانية تسمح بإيصال المساعدات الغذائية إلى المدن المحاصرة.",
                "ويرى مراقبون أن تعهد ترامب بزيادة المساعدات الأمريكية للسودان يعكس تنسيقا متزايدا بين الأمم المتحدة وواشنطن، بعد فترة طويلة من الجمود.",
                "ولم تصدر الحكومة السودانية أي تعليق رسمي على نتائج لقاء غوتيريش وترامب حتى مساء الثلاثاء.",
            ],
        },
    },
    "E9": {
        "story": "S5", "date": "2026-01-29",
        "desc": "Saudi Ministry of Energy launches a 2,000 MW solar project in Tabuk.",
        "texts": {
            "wire": [
                "أطلقت وزارة الطاقة، اليوم الخميس، مشروعا جديدا لإنتاج الكهرباء من الطاقة الشمسية في منطقة تبوك بقدرة تبلغ ألفي ميغاواط، ضمن خطة تنويع مصادر الطاقة في المملكة.",
                "وأوضحت الوزارة في بيان أن المشروع سيوفر أكثر من ثلاثة آلاف فرصة عمل للمواطنين خلال مرحلة الإنشاء، وأنه سيدخل الخدمة على مراحل بدءا من العام المقبل.",
                "وأكد وزير الطاقة أن المشروع يمثل خطوة مهمة نحو تحقيق مستهدفات رؤية المملكة في رفع حصة الطاقة المتجددة من مزيج الكهرباء.",
            ],
        },
    },
    "E10": {
        "story": "S2", "date": "2026-01-20",
        "desc": "A second, separate rain event: flash floods close a road near Taif (same topic as E4, different happening).",
        "texts": {
            "wire": [
                "أغلقت الجهات المختصة، اليوم الثلاثاء، طريق الهدا الجبلي في الطائف بشكل مؤقت بعد جريان السيول وتساقط الصخور على أجزاء منه، إثر أمطار رعدية شهدتها المحافظة.",
                "وأوضح المتحدث باسم الدفاع المدني في منطقة مكة المكرمة أنه لم تسجل أي إصابات، وأن الفرق تعمل على إزالة الصخور وفتح الطريق في أقرب وقت.",
                "ودعت إدارة المرور قائدي المركبات إلى استخدام الطرق البديلة وعدم المجازفة بعبور الأودية أثناء جريان المياه.",
            ],
        },
    },
}

# --- pages: outlet, event, text variant, format, extras ---------------------------------
# copy_of names the page whose text this page reproduces (gold for reuse and provenance).
PAGES = [
    # E1: Sputnik-based wire story, copied and rewritten; one copy gives another day (disagreement 19 vs 17 December)
    dict(id="marsad-e1", outlet="almarsad-alyawm", event="E1", text="wire", fmt="txt", credit="سبوتنيك", dateline="موسكو"),
    dict(id="sada-e1", outlet="sada-alkhalij", event="E1", text="wire", fmt="txt", credit="سبوتنيك", edit="variant", copy_of="marsad-e1"),
    dict(id="ofoq-e1", outlet="alofoq-news", event="E1", text="rewrite", fmt="html", credit=None, rewrite_of="marsad-e1"),
    dict(id="nahar-e1", outlet="bawwabat-alnahar", event="E1", text="rewrite", fmt="cp1256", credit="سبوتنيك", edit="variant", copy_of="ofoq-e1"),
    dict(id="mirat-e1", outlet="mirat-alsharq", event="E1", text="wire", fmt="txt", credit="المرصد اليوم", copy_of="marsad-e1",
         edit="redate"),
    # E2: disagreement 300 vs 250
    dict(id="marsad-e2", outlet="almarsad-alyawm", event="E2", text="wire", fmt="txt", credit="الأناضول", dateline="إسطنبول"),
    dict(id="ofoq-e2", outlet="alofoq-news", event="E2", text="wire", fmt="html", credit="الأناضول", copy_of="marsad-e2"),
    dict(id="raqmi-e2", outlet="alkhabar-alraqmi", event="E2", text="rewrite", fmt="utf16", credit=None),
    dict(id="sahil-e2", outlet="assahil-press", event="E2", text="rewrite", fmt="txt", credit=None, maghrebi=True, copy_of="raqmi-e2"),
    dict(id="rasd-e2", outlet="shabakat-rasd", event="E2", text="wire", fmt="jsonl", credit="الأناضول", copy_of="marsad-e2"),
    # E3
    dict(id="marsad-e3", outlet="almarsad-alyawm", event="E3", text="wire", fmt="txt", credit="تاس", dateline="موسكو"),
    dict(id="sada-e3", outlet="sada-alkhalij", event="E3", text="rewrite", fmt="txt", credit=None),
    dict(id="mirat-e3", outlet="mirat-alsharq", event="E3", text="wire", fmt="txt", credit="تاس", copy_of="marsad-e3"),
    dict(id="nabd-e3", outlet="nabd-alarab", event="E3", text="rewrite", fmt="rss", credit=None, copy_of="sada-e3"),
    # E4: SPA wire, disagreement 4 vs 5 dead
    dict(id="sada-e4", outlet="sada-alkhalij", event="E4", text="wire", fmt="txt", credit="واس", dateline="جدة"),
    dict(id="marsad-e4", outlet="almarsad-alyawm", event="E4", text="wire", fmt="txt", credit="واس", copy_of="sada-e4", dateline="جدة"),
    dict(id="ofoq-e4", outlet="alofoq-news", event="E4", text="rewrite", fmt="html", credit=None),
    dict(id="rasd-e4", outlet="shabakat-rasd", event="E4", text="wire", fmt="jsonl", credit="واس", copy_of="sada-e4"),
    dict(id="mirat-e4", outlet="mirat-alsharq", event="E4", text="rewrite", fmt="txt", credit=None, copy_of="ofoq-e4"),
    dict(id="nahar-e4", outlet="bawwabat-alnahar", event="E4", text="wire", fmt="txt", credit="واس", copy_of="sada-e4", hijri=True),
    # E5
    dict(id="sada-e5", outlet="sada-alkhalij", event="E5", text="wire", fmt="txt", credit="واس", dateline="جدة"),
    dict(id="marsad-e5", outlet="almarsad-alyawm", event="E5", text="wire", fmt="txt", credit="واس", copy_of="sada-e5"),
    dict(id="rasd-e5", outlet="shabakat-rasd", event="E5", text="wire", fmt="jsonl", credit="واس", copy_of="sada-e5"),
    dict(id="raqmi-e5", outlet="alkhabar-alraqmi", event="E5", text="wire", fmt="txt", credit="واس", copy_of="sada-e5", edit="trim"),
    # E6
    dict(id="sada-e6", outlet="sada-alkhalij", event="E6", text="wire", fmt="txt", credit="واس", dateline="الرياض"),
    dict(id="ofoq-e6", outlet="alofoq-news", event="E6", text="rewrite", fmt="html", credit=None),
    dict(id="sahil-e6", outlet="assahil-press", event="E6", text="rewrite", fmt="txt", credit=None, maghrebi=True, copy_of="ofoq-e6"),
    dict(id="marsad-e6", outlet="almarsad-alyawm", event="E6", text="wire", fmt="txt", credit="واس", copy_of="sada-e6"),
    dict(id="nabd-e6", outlet="nabd-alarab", event="E6", text="wire", fmt="rss", credit="واس", copy_of="sada-e6"),
    # E7
    dict(id="marsad-e7", outlet="almarsad-alyawm", event="E7", text="wire", fmt="txt", credit="بترا", dateline="عمان"),
    dict(id="sahil-e7", outlet="assahil-press", event="E7", text="wire", fmt="txt", credit="بترا", maghrebi=True, copy_of="marsad-e7"),
    dict(id="mirat-e7", outlet="mirat-alsharq", event="E7", text="wire", fmt="txt", credit="بترا", copy_of="marsad-e7"),
    # E8: spelling variants ترامب/ترمب, غوتيريش/جوتيريش
    dict(id="ofoq-e8", outlet="alofoq-news", event="E8", text="wire", fmt="html", credit="رويترز"),
    dict(id="nahar-e8", outlet="bawwabat-alnahar", event="E8", text="rewrite", fmt="txt", credit=None),
    dict(id="raqmi-e8", outlet="alkhabar-alraqmi", event="E8", text="rewrite", fmt="txt", credit=None, copy_of="nahar-e8"),
    dict(id="marsad-e8", outlet="almarsad-alyawm", event="E8", text="wire", fmt="txt", credit="رويترز", copy_of="ofoq-e8"),
    dict(id="nabd-e8", outlet="nabd-alarab", event="E8", text="partial", fmt="rss", credit="رويترز",
         shares_source_with=["ofoq-e8", "marsad-e8"]),
    # E9: the glued page (E9 glued below E1 on a mirat page) and a standalone copy
    dict(id="sada-e9", outlet="sada-alkhalij", event="E9", text="wire", fmt="txt", credit="واس", dateline="الرياض"),
    dict(id="nahar-e9", outlet="bawwabat-alnahar", event="E9", text="wire", fmt="txt", credit="واس", copy_of="sada-e9"),
    # E10: same topic as E4, different happening (hard negative)
    dict(id="sada-e10", outlet="sada-alkhalij", event="E10", text="wire", fmt="txt", credit="واس", dateline="الطائف"),
    dict(id="marsad-e10", outlet="almarsad-alyawm", event="E10", text="wire", fmt="txt", credit="واس", copy_of="sada-e10"),
    dict(id="mirat-e10", outlet="mirat-alsharq", event="E10", text="wire", fmt="txt", credit="واس", copy_of="sada-e10", glue="E9"),
]

TITLES = {
    ("E1", "wire"): "الكرملين: مستعدون لاستئناف المحادثات مع أوكرانيا في إسطنبول الأسبوع المقبل",
    ("E1", "rewrite"): "موسكو تعلن جاهزيتها للعودة إلى مفاوضات إسطنبول مع كييف",
    ("E2", "wire"): "اتفاق روسي أوكراني على تبادل 300 أسير في ختام مفاوضات إسطنبول",
    ("E2", "rewrite"): "مفاوضات إسطنبول تنتهي باتفاق محدود لتبادل الأسرى بين موسكو وكييف",
    ("E3", "wire"): "روسيا وأوكرانيا تتمان عملية تبادل الأسرى على الحدود البيلاروسية",
    ("E3", "rewrite"): "مئات الأسرى يعودون إلى روسيا وأوكرانيا في أكبر عملية تبادل هذا العام",
    ("E4", "wire"): "الدفاع المدني: 4 وفيات وإنقاذ 37 محتجزا في سيول جدة",
    ("E4", "rewrite"): "أمطار غزيرة تغرق شوارع جدة وتشل حركة المرور",
    ("E5", "wire"): "تعليق الدراسة الحضورية في جدة ومكة المكرمة بسبب الأمطار",
    ("E6", "wire"): "الأخضر يتغلب على الأردن بهدفين مقابل هدف في تصفيات كأس العالم",
    ("E6", "rewrite"): "الدوسري والبريكان يقودان السعودية لفوز ثمين على النشامى",
    ("E7", "wire"): "الاتحاد الأردني يقبل استقالة مدرب المنتخب بعد الخسارة أمام السعودية",
    ("E8", "wire"): "غوتيريش يلتقي ترامب في البيت الأبيض ويحذر من مجاعة في السودان",
    ("E8", "rewrite"): "ترمب يتعهد بزيادة المساعدات للسودان بعد لقائه جوتيريش",
    ("E8", "partial"): "غوتيريش وترامب يبحثان في البيت الأبيض إغاثة السودان",
    ("E9", "wire"): "وزارة الطاقة تطلق مشروعا للطاقة الشمسية في تبوك بقدرة ألفي ميغاواط",
    ("E10", "wire"): "إغلاق طريق الهدا في الطائف مؤقتا بسبب السيول وتساقط الصخور",
}

WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
LEVANT = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"]
EGYPT = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
MAGHREB = ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"]
HIJRI_OF = {"2026-01-14": "25 رجب 1447هـ"}  # Umm al-Qura: 14 January 2026 = 25 Rajab 1447


def _date_parts(iso: str) -> tuple[int, int, int, str]:
    import datetime as dt

    d = dt.date.fromisoformat(iso)
    return d.year, d.month, d.day, WEEKDAYS[d.weekday()]


def _edit(paragraphs: list[str], how: str | None) -> list[str]:
    if how == "variant":  # the same wire text with another outlet's spelling habits
        swaps = {"دميتري": "ديمتري", "إسطنبول": "اسطنبول", "ترامب": "ترمب", "الأسبوع المقبل": "الأسبوع القادم"}
        out = []
        for p in paragraphs:
            for a, b in swaps.items():
                p = p.replace(a, b)
            out.append(p)
        return out
    if how == "redate":  # a copy that gives the previous round's end another day than its source
        return [p.replace("19 كانون الأول", "17 كانون الأول") for p in paragraphs]
    if how == "trim":  # an aggregator keeps the first paragraphs only
        return paragraphs[:2]
    return list(paragraphs)


def _teasers(current: str) -> list[str]:
    others = [t for (e, _), t in TITLES.items() if e != current]
    return others[:3]


def render_txt(page: dict, paragraphs: list[str], title: str) -> str:
    outlet = OUTLETS[page["outlet"]]
    y, m, d, wd = _date_parts(EVENTS[page["event"]]["date"])
    lines: list[str] = []
    style = page["outlet"]
    if style in ("almarsad-alyawm", "mirat-alsharq"):
        lines += [f"الرئيسية | أخبار عربية | أخبار عالمية | رياضة | اقتصاد | {outlet}",
                  f"GMT 16:{10 + d:02d} {y} {wd} ,{d} {LEVANT[m - 1]} / {EGYPT[m - 1]}",
                  f"GMT 16:{10 + d:02d} {y} {wd} ,{d} {LEVANT[m - 1]} / {EGYPT[m - 1]}",
                  f"{title} | {outlet}", f"{title} | {outlet}"]
        if page.get("dateline"):
            lines.append(f"{page['dateline']} - {outlet}")
        lines += ["", *paragraphs, ""]
        if page.get("credit"):
            lines.append(f"المصدر: {page['credit']}")
        lines += [f"كلمات دلالية: {title.split()[0]}، {title.split()[-1]}، أخبار", f"{1000 + d * 37} مشاهدة", "إقرأ أيضاً", *_teasers(page["event"]),
                  "الإسم *", "البريد الإلكتروني *", "التعليق *", "شروط النشر: عدم الإساءة للكاتب أو للأشخاص أو للمقدسات",
                  f"حقوق النشر © {y} {outlet}. جميع الحقوق محفوظة"]
    elif style in ("sada-alkhalij", "bawwabat-alnahar", "alkhabar-alraqmi"):
        date_line = f"تاريخ النشر: {wd} {d} {EGYPT[m - 1]} {y}"
        if page.get("hijri") and EVENTS[page["event"]]["date"] in HIJRI_OF:
            date_line += f" الموافق {HIJRI_OF[EVENTS[page['event']]['date']]}"
        lines += [outlet, "حمل تطبيق " + outlet + " الآن", "محليات", title, date_line, "صورة أرشيفية (أرشيفية)"]
        if page.get("dateline"):
            first = f"{page['dateline']} - {page['credit'] or outlet}: " if page.get("credit") else ""
            paragraphs = [first + paragraphs[0], *paragraphs[1:]]
        lines += [*paragraphs]
        if page.get("credit") and page["outlet"] != "sada-alkhalij":
            lines.append(f"نقلاً عن: {page['credit']}")
        lines += ["شارك", "طباعة", "مقالات ذات صلة", *_teasers(page["event"]), "تابعونا على فيسبوك تويتر",
                  f"جميع الحقوق محفوظة لـ {outlet} © {y}"]
    elif style == "assahil-press":
        lines += [f"{outlet} - الخبر كما هو", f"{title}", f"آخر تحديث: {wd} {d} {MAGHREB[m - 1]} {y} - 10:{d:02d}", ""]
        lines += [*paragraphs, "", "الأكثر قراءة", *_teasers(page["event"]), "أضف تعليق", f"© {outlet} {y} - Powered by NewsCMS"]
    else:
        lines += [title, *paragraphs]
    return "\n".join(lines) + "\n"


def render_html(page: dict, paragraphs: list[str], title: str) -> str:
    from html import escape

    outlet = OUTLETS[page["outlet"]]
    iso = EVENTS[page["event"]]["date"]
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    credit = f"<p class=\"source\">المصدر: {escape(page['credit'])}</p>" if page.get("credit") else ""
    related = "".join(f"<li><a href=\"/news/{i}\">{escape(t)}</a></li>" for i, t in enumerate(_teasers(page["event"])))
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{escape(title)} - {escape(outlet)}</title>
<meta property="og:title" content="{escape(title)}">
<meta property="og:site_name" content="{escape(outlet)}">
<meta property="article:published_time" content="{iso}T09:30:00+03:00">
<link rel="canonical" href="https://alofoq-news.example/news/{page['id']}">
</head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/world">عالمي</a></li><li><a href="/sport">رياضة</a></li></ul></nav>
<main><article>
<h1>{escape(title)}</h1>
<div class="meta"><time datetime="{iso}">{iso}</time> | {escape(outlet)}</div>
{body}
{credit}
<div class="tags">كلمات دلالية: <a href="/tag/1">{escape(title.split()[0])}</a></div>
</article>
<aside><h3>اقرأ أيضا</h3><ul>{related}</ul></aside></main>
<footer>جميع الحقوق محفوظة © {escape(outlet)} 2026</footer>
<script>window.analytics = {{"page": "{page['id']}"}};</script>
</body></html>
"""


def main() -> None:
    if ROOT.exists():
        shutil.rmtree(ROOT)
    ROOT.mkdir(parents=True)
    jsonl: dict[str, list[dict]] = {}
    rss: dict[str, list[dict]] = {}
    gold_pages = []
    for page in PAGES:
        ev = EVENTS[page["event"]]
        paragraphs = _edit(ev["texts"][page["text"]], page.get("edit"))
        title = TITLES.get((page["event"], page["text"])) or TITLES[(page["event"], "wire")]
        if page.get("edit") == "variant":
            title = _edit([title], "variant")[0]
        folder = ROOT / page["outlet"]
        folder.mkdir(exist_ok=True)
        fmt = page["fmt"]
        input_id = None
        if fmt in ("txt", "cp1256", "utf16"):
            text = render_txt(page, paragraphs, title)
            if page.get("glue"):  # infinite scroll: another article glued below
                glued = EVENTS[page["glue"]]
                text += "\n" + "\n".join([TITLES[(page["glue"], "wire")], TITLES[(page["glue"], "wire")],
                                          "الرياض - واس", *glued["texts"]["wire"], "المصدر: واس"]) + "\n"
            path = folder / f"{page['id']}.txt"
            encoding = {"txt": "utf-8", "cp1256": "cp1256", "utf16": "utf-16"}[fmt]
            path.write_bytes(text.encode(encoding))
            input_id = str(path.relative_to(ROOT))
        elif fmt == "html":
            path = folder / f"{page['id']}.html"
            path.write_text(render_html(page, paragraphs, title), encoding="utf-8")
            input_id = str(path.relative_to(ROOT))
        elif fmt == "jsonl":
            rec = {"id": page["id"], "title": title, "text": "\n\n".join(paragraphs + ([f"المصدر: {page['credit']}"] if page.get("credit") else [])),
                   "url": f"https://rasd.example/news/{page['id']}", "outlet": OUTLETS[page["outlet"]], "date": ev["date"]}
            jsonl.setdefault(page["outlet"], []).append(rec)
            input_id = page["id"]
        elif fmt == "rss":
            rss.setdefault(page["outlet"], []).append({"id": page["id"], "title": title, "paragraphs": paragraphs, "date": ev["date"],
                                                       "credit": page.get("credit")})
            input_id = f"https://nabd.example/news/{page['id']}"
        gold_pages.append({"page": page["id"], "input_id": input_id, "outlet": OUTLETS[page["outlet"]], "event": page["event"],
                           "story": ev["story"], "title": title, "copy_of": page.get("copy_of"), "rewrite_of": page.get("rewrite_of"),
                           "shares_source_with": page.get("shares_source_with", []),
                           "credited_source": page.get("credit"), "format": fmt,
                           "glued_event": page.get("glue")})
    for outlet, recs in jsonl.items():
        (ROOT / outlet / "feed.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n", encoding="utf-8")
    for outlet, items in rss.items():
        from email.utils import format_datetime
        import datetime as dt
        from html import escape

        entries = []
        for it in items:
            when = format_datetime(dt.datetime.fromisoformat(it["date"] + "T08:00:00+00:00"))
            content = "".join(f"<p>{escape(p)}</p>" for p in it["paragraphs"])
            if it["credit"]:
                content += f"<p>المصدر: {escape(it['credit'])}</p>"
            entries.append(f"<item><title>{escape(it['title'])}</title><link>https://nabd.example/news/{it['id']}</link>"
                           f"<guid>https://nabd.example/news/{it['id']}</guid><pubDate>{when}</pubDate>"
                           f"<description>{escape(content)}</description></item>")
        (ROOT / outlet / "feed.rss").write_text(
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>نبض العرب</title>'
            "<link>https://nabd.example/</link><description>آخر الأخبار</description>" + "".join(entries) + "</channel></rss>\n",
            encoding="utf-8")
    # one corrupt file: a truncated zip
    (ROOT / "broken").mkdir(exist_ok=True)
    (ROOT / "broken" / "archive.zip").write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00truncated-archive")
    gold = {"events": {k: {"story": v["story"], "date": v["date"], "description": v["desc"]} for k, v in EVENTS.items()},
            "pages": gold_pages,
            "disagreements": [{"event": "E1", "kind": "date", "values": ["2025-12-19", "2025-12-17"]},
                              {"event": "E2", "kind": "number", "values": ["300", "250"]},
                              {"event": "E4", "kind": "number", "values": ["4", "5"]}],
            "variant_groups": [["ترامب", "ترمب"], ["غوتيريش", "جوتيريش"], ["دميتري بيسكوف", "ديمتري بيسكوف"],
                               ["زيلينسكي", "زيلنسكي"], ["إسطنبول", "اسطنبول"]],
            "distinct_people": [["سالم الدوسري", "فراس البريكان"], ["دونالد ترامب", "أنطونيو غوتيريش"]],
            "corrupt": ["broken/archive.zip"]}
    (ROOT.parent / "demo.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    write_readme(gold)


def write_readme(gold: dict) -> None:
    lines = ["# The demo corpus", "",
             "Original text written for marsad by its developers (no copied news). Outlets are invented; real wire",
             "agencies appear only as credits. Built by `python examples/build_demo.py`, which also writes `../demo.gold.json`,",
             "the truth below in machine-readable form (tests use it as gold).", "",
             "## Outlets and formats", "",
             "| folder | outlet | formats |", "|---|---|---|"]
    fmts: dict[str, set[str]] = {}
    for p in gold["pages"]:
        fmts.setdefault(p["outlet"], set()).add(p["format"])
    for folder, name in OUTLETS.items():
        lines.append(f"| `{folder}/` | {name} | {', '.join(sorted(fmts.get(name, [])))} |")
    lines += ["", "`cp1256` and `utf16` are `.txt` pages in those encodings; `broken/archive.zip` is a truncated zip (must give one error).", "",
              "## Events and storylines", "", "| event | story | date | what happened | pages |", "|---|---|---|---|---|"]
    for eid, ev in gold["events"].items():
        pages = [p["page"] for p in gold["pages"] if p["event"] == eid] + [p["page"] + " (glued below)" for p in gold["pages"] if p.get("glued_event") == eid]
        lines.append(f"| {eid} | {ev['story']} | {ev['date']} | {ev['description']} | {', '.join(pages)} |")
    lines += ["", "Storylines: S1 = Russia-Ukraine talks (E1 → E2 → E3); S2 = rain and floods in the Makkah region (E4 → E5, and E10,",
              "a separate flood on another day: same topic, different event); S3 = the World Cup qualifier (E6 → E7); S4 and S5 single events.", "",
              "## Copies and rewrites (who copied whom)", "",
              "| page | copies | rewrites | shares the wire it credits with | credit line |", "|---|---|---|---|---|"]
    for p in gold["pages"]:
        if p["copy_of"] or p["rewrite_of"] or p["credited_source"]:
            lines.append(f"| {p['page']} | {p['copy_of'] or ''} | {p['rewrite_of'] or ''} | {', '.join(p['shares_source_with'])} "
                         f"| {p['credited_source'] or ''} |")
    lines += ["", "## Planted difficulties", "",
              "- Disagreements: E1 the previous round ended on 19 December (wire) vs 17 December (mirat-e1, a copy);",
              "  E2 prisoners 300 (wire) vs 250 (rewrite); E4 deaths 4 (wire) vs 5 (rewrite).",
              "- Spelling variants: ترامب/ترمب, غوتيريش/جوتيريش, دميتري/ديمتري بيسكوف, زيلينسكي/زيلنسكي, إسطنبول/اسطنبول.",
              "- Dates: Levantine/Egyptian dual month names in ticker lines, Maghrebi month names (assahil-press), a Hijri date",
              "  (bawwabat-alnahar E4), relative days in bodies (اليوم الأربعاء, أمس, ديسمبر الماضي).",
              "- `mirat-alsharq/mirat-e10.txt` carries a second article (E9) glued below the first.",
              "- Noise: navigation bars, tickers printed twice, titles printed twice, captions, tag lines, view counters,",
              "  related-article lists, comment forms, app prompts, share buttons, copyright footers.", ""]
    (ROOT / "README.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
