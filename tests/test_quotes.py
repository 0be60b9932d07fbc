"""Quote attribution on sentences written for these tests, one per form Arabic news uses."""

from __future__ import annotations

from marsad import extract_quotes


def quotes(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker_canonical) for q in extract_quotes(text)]


def speakers(text: str) -> list[str | None]:
    return [q.speaker_canonical for q in extract_quotes(text)]


def test_direct_quote_after_the_verb_and_a_long_subject() -> None:
    text = "وقال وزير الخارجية سامي الحداد في مؤتمر صحافي عقده في العاصمة «سنواصل العمل مع شركائنا في المنطقة»."
    assert quotes(text) == [("direct", "سنواصل العمل مع شركائنا في المنطقة", "سامي الحداد")]


def test_indirect_speech_and_a_participle_that_chains_a_second_quote() -> None:
    text = ("أكد مدير الدفاع المدني بالمنطقة العميد فهد السالم أن الحريق اندلع في مستودع قديم، "
            "مشيراً إلى أن فرق الإطفاء سيطرت عليه خلال ساعة.")
    assert quotes(text) == [("indirect", "الحريق اندلع في مستودع قديم", "فهد السالم"),
                            ("indirect", "فرق الإطفاء سيطرت عليه خلال ساعة", "فهد السالم")]


def test_a_participle_without_a_speech_verb_belongs_to_the_sentence_subject() -> None:
    text = "وكان المدرب خالد الرميح قد اجتمع باللاعبين قبل المران، مؤكدا أن الفريق جاهز للمباراة."
    assert quotes(text) == [("indirect", "الفريق جاهز للمباراة", "خالد الرميح")]


def test_colon_speech_without_quotation_marks() -> None:
    assert quotes("وقال رئيس البلدية ماجد العتيبي: سننتهي من المشروع قبل نهاية العام. ثم غادر القاعة.") == [
        ("direct", "سننتهي من المشروع قبل نهاية العام", "ماجد العتيبي")]


def test_a_pronoun_verb_and_a_bare_role_go_to_the_last_named_speaker() -> None:
    text = ("قال وزير المالية عادل الشمري إن العجز سينخفض هذا العام. وأضاف «لن نرفع الضرائب». "
            "وقال الوزير إن الإنفاق على التعليم سيرتفع.")
    assert [q[2] for q in quotes(text)] == ["عادل الشمري"] * 3


def test_surname_alone_resolves_to_the_full_name_given_before() -> None:
    text = "صرح المبعوث الأممي يوهان كارلسون بأن المحادثات مستمرة. وقال كارلسون \"نحن قريبون من اتفاق شامل\"."
    assert [q[2] for q in quotes(text)] == ["يوهان كارلسون", "يوهان كارلسون"]


def test_subject_first_and_according_to() -> None:
    text = ("وكان مسؤولو الاتحاد أعلنوا أن المدرب الجديد سيصل الأسبوع المقبل. "
            "ووفقا للناطق الإعلامي بالشرطة الرائد سعد القحطاني، فإن الجاني سلم نفسه.")
    got = quotes(text)
    assert got[0][1:] == ("المدرب الجديد سيصل الأسبوع المقبل", "مسؤولو الاتحاد")
    assert got[1][1:] == ("الجاني سلم نفسه", "سعد القحطاني")


def test_apposition_after_a_role_names_the_speaker() -> None:
    text = "وأوضح المتحدث الرسمي باسم الهلال الأحمر، المقدم ناصر الدوسري، أن الفرق نقلت ثلاثة مصابين."
    assert quotes(text) == [("indirect", "الفرق نقلت ثلاثة مصابين", "ناصر الدوسري")]


def test_quoted_source_names_and_scare_quotes_are_not_quotes() -> None:
    text = 'وذكرت صحيفة "ذي تايمز" أن النادي رفض العرض. ووصف البيان الهجوم بـ"الجبان".'
    assert quotes(text) == [("indirect", "النادي رفض العرض", "صحيفة التايمز")]  # the paper's name in marks is the subject's


def test_conjunctions_with_an_are_not_reported_speech() -> None:
    # "غير أن" (however) and "بعد أن" (after) join clauses; nobody is quoted
    assert quotes("أعلن النادي التعاقد مع اللاعب لمدة موسمين، غير أن الصفقة لم تكتمل بعد أن تأخر الكشف الطبي.") == []


def test_headline_name_colon_words_when_the_body_names_the_speaker() -> None:
    text = "الحداد: الاتفاق سيعيد الاستقرار إلى المنطقة\nقال وزير الخارجية سامي الحداد إن الاتفاق خطوة مهمة."
    assert quotes(text)[0] == ("direct", "الاتفاق سيعيد الاستقرار إلى المنطقة", "سامي الحداد")
    # a headline whose head names nobody in the body is not a quote
    assert all(q[0] != "direct" for q in quotes("بالأرقام: الصادرات ترتفع 5 في المئة\nارتفعت الصادرات خلال الربع الأول."))


def test_statement_and_object_pronoun_cues() -> None:
    text = "وجاء في بيان لوزارة الداخلية أن الدوريات ضبطت المطلوبين فجر اليوم."
    assert quotes(text) == [("indirect", "الدوريات ضبطت المطلوبين فجر اليوم", "وزارة الداخلية")]
    text = "وهو ما أكده الناطق الإعلامي للهيئة سالم المري مضيفا أن الفرق باشرت 40 بلاغا."
    assert quotes(text) == [("indirect", "الفرق باشرت 40 بلاغا", "سالم المري")]


def test_a_role_whose_name_follows_its_adjuncts() -> None:
    text = "وقال السفير الأردني لدى الأمم المتحدة فارس العدوان: «نطالب بتحرك عاجل لحماية المدنيين»."
    assert quotes(text) == [("direct", "نطالب بتحرك عاجل لحماية المدنيين", "فارس العدوان")]


def test_reported_through_media_with_the_speaker_named_after_an() -> None:
    text = ("ونقلت وسائل إعلام محلية عن سامر الكردي مدير شركة «نقل» في الأردن قوله، إن الشركة ستفتح فرعين جديدين هذا العام. "
            "وقال الكردي إن الطلب ارتفع بنسبة كبيرة، موضحًا أن الأسعار لن تتغير.")
    assert quotes(text) == [("indirect", "الشركة ستفتح فرعين جديدين هذا العام", "سامر الكردي"),
                            ("indirect", "الطلب ارتفع بنسبة كبيرة", "سامر الكردي"),
                            ("indirect", "الأسعار لن تتغير", "سامر الكردي")]



def test_reported_with_her_words_after_a_colon() -> None:
    # "قولها:" once matched as قوله + a stray alef, so the colon was missed and the article's analysis failed
    text = "وتنقل الصحيفة عن المعلمة قولها: في العام الماضي كنا متعبين جداً؛ رغم أننا لم نشتك."
    assert quotes(text) == [("direct", "في العام الماضي كنا متعبين جداً؛ رغم أننا لم نشتك", "المعلمة")]
    text = "ونقلت رويترز عن مسؤولين قولهم إن المحادثات ستستأنف غدا."
    assert quotes(text) == [("indirect", "المحادثات ستستأنف غدا", "مسؤولين")]

def test_a_role_with_its_institution_and_place_before_the_name() -> None:
    text = ("وقال مدير مكتب الجمعية في الأردن سالم بن علي العمري «إن المرحلة الأولى اكتملت». "
            "وأضاف المبعوث الأممي في كلمة أمام المجلس أمس الأول «أن الحل ما زال ممكنا».")
    got = quotes(text)
    assert [q[2] for q in got] == ["سالم بن علي العمري", "سالم بن علي العمري"]


def test_the_outlet_spoken_to_with_a_comma_before_the_subject() -> None:
    text = "وقال لـ«الشرق»، الدكتور نبيل حداد محلل أسواق المال إن «السوق ستتعافى خلال الأسابيع المقبلة»."
    [(_kind, said, speaker)] = quotes(text)
    assert "السوق ستتعافى خلال الأسابيع المقبلة" in said and speaker == "نبيل حداد"


def test_a_two_letter_brand_part_does_not_end_the_sentence() -> None:
    text = "ذكرت تقارير إخبارية، اليوم (الاثنين)، أن شركة إل.جي تعتزم طرح هاتف جديد في الأسواق."
    assert quotes(text) == [("indirect", "شركة إل.جي تعتزم طرح هاتف جديد في الأسواق", "تقارير إخبارية")]


def test_a_headline_name_written_joined_matches_the_name_written_apart() -> None:
    text = ("داسيلفا: لن نتأثر بالغيابات أمام الهلال\n"
            "وقال مدرب النصر خورخي دا سيلفا إن فريقه جاهز للمباراة.")
    assert ("direct", "لن نتأثر بالغيابات أمام الهلال", "خورخي دا سيلفا") in quotes(text)


def test_colon_speech_does_not_reach_a_quotation_in_the_next_sentence() -> None:
    text = ("قال المبعوث الخاص نيكولاي ملادينوف: إن الطرفين ابتعدا عن التسوية. "
            "وأضاف في كلمته «أن العنف يهدد الجميع».")
    got = quotes(text)
    # "قال: إن …" reports like "قال إن …": the clause after إن
    assert [(q[1], q[2]) for q in got] == [("الطرفين ابتعدا عن التسوية", "نيكولاي ملادينوف"),
                                           ("أن العنف يهدد الجميع", "نيكولاي ملادينوف")]


def test_a_family_name_shared_with_a_famous_person_stays_with_its_own_first_names() -> None:
    text = "أكدت نهلة بنت أحمد الجبير، مديرة المركز، أنه تم إنشاء مركز جديد للطلاب."
    assert [q[2] for q in quotes(text)] == ["نهلة بنت أحمد الجبير"]
    assert quotes("وأوضح فهد الجبير أن المشروع اكتمل في موعده.")[0][2] == "فهد الجبير"


def test_a_body_named_in_quotation_marks_with_its_adjective_and_a_colon() -> None:
    text = 'أعلنت "لجنة مكافحة الإرهاب" الروسية: إن قوات الأمن قتلت ستة مسلحين في المدينة.'
    assert quotes(text) == [("indirect", "قوات الأمن قتلت ستة مسلحين في المدينة", "لجنة مكافحة الإرهاب")]


def test_a_cue_verb_with_diacritics() -> None:
    text = "قال وزير الصحة ناصر العمري إن المستشفيات جاهزة، كما شدّد على أن الخدمات ستستمر دون انقطاع."
    assert [(q[1], q[2]) for q in quotes(text)] == [("المستشفيات جاهزة", "ناصر العمري"),
                                                    ("الخدمات ستستمر دون انقطاع", "ناصر العمري")]


def test_a_verb_inside_what_was_said_starts_no_quote() -> None:
    text = ("وأوضح القيادي في الحركة سالم أبو خليل أنه طالب بحماية المدنيين في القرى الحدودية، "
            "مشيرا إلى أن القيادة عليها اتخاذ إجراءات عاجلة.")
    assert [(q[1], q[2]) for q in quotes(text)] == [
        ("طالب بحماية المدنيين في القرى الحدودية", "سالم أبو خليل"), ("القيادة عليها اتخاذ إجراءات عاجلة", "سالم أبو خليل")]
    headline = 'مؤسس "الشبكة": "اعتبر نفسك بين عائلتك" كذبة الشركات\nقال المؤسس جون ريد إن الوظيفة لا تدوم إلى الأبد.'
    assert all(q[2] != "نفسك بين عائلتك" for q in quotes(headline))


def test_a_description_in_quotation_marks_after_a_participle() -> None:
    text = "وندد المبعوث الأممي نيكولاس كاي أمس بالهجوم، واصفا إياه بأنه \"عمل مشين وجبان\"."
    # reported words that are a quotation whole are its words, without the marks
    assert quotes(text) == [("direct", "عمل مشين وجبان", "نيكولاس كاي")]


def test_a_verse_cited_in_a_sermon_does_not_take_over_the_next_pronoun_verb() -> None:
    text = ("قال خطيب الجامع حمد الفالح إن العنف لا يقره دين، يقول ربنا سبحانه ((ولا تقتلوا أنفسكم)) ، "
            "وأضاف: إن الأمن نعمة يجب الحفاظ عليها.")
    assert [q[2] for q in quotes(text)] == ["حمد الفالح", "ربنا سبحانه", "حمد الفالح"]


def test_a_colon_after_a_title_in_quotation_marks_introduces_the_quote() -> None:
    text = "وأوضح الوزير سالم الحربي خلال جلسة لمناقشة برنامج «التحول الرقمي» في الرياض أمس: «لقد أنجزنا نصف الخطة»."
    assert quotes(text) == [("direct", "لقد أنجزنا نصف الخطة", "سالم الحربي")]


def test_the_seat_of_an_organisation_is_not_part_of_its_director_name() -> None:
    text = "وأوضح مدير المرصد رامي عبد الرحمن ومقره لندن أن القصف استهدف ثلاث قرى في الريف الشمالي."
    assert quotes(text)[0][2] == "رامي عبد الرحمن"


def test_a_headline_role_colon_words_when_the_body_quotes_that_role() -> None:
    text = ("إمام المسجد الكبير : الأمن مسؤولية الجميع بلا استثناء\n"
            "قال إمام وخطيب المسجد الكبير الشيخ صالح بن عبدالله الراشد اليوم إن حماية الوطن واجب على كل مواطن.")
    found = quotes(text)
    assert found[0][1] == "الأمن مسؤولية الجميع بلا استثناء" and found[0][2] == found[1][2]


def test_his_statements_in_which_he_stressed() -> None:
    text = "جاء الهجوم بعد ساعات على تصريحات للرئيس الأمريكي باراك أوباما أكد فيها أن الحركة قد ضعفت كثيرا."
    assert quotes(text)[0][1:] == ("الحركة قد ضعفت كثيرا", "باراك أوباما")


def test_an_agency_after_the_speaker_is_who_was_told() -> None:
    q = extract_quotes("قال مصدر أمني وكالة الصحافة الفرنسية إن المسلحين هاجموا حافلة للركاب قرب الحدود.")
    assert [(x.speaker_canonical, x.text) for x in q] == [("مصدر أمني", "المسلحين هاجموا حافلة للركاب قرب الحدود")]


def test_a_quotation_followed_by_its_source() -> None:
    text = "قال مصدر عسكري إن مسلحين هاجموا الثكنة فجرا. والهجوم «عملية منسقة ومخطط لها» بحسب المصدر."
    q = extract_quotes(text)
    assert ("عملية منسقة ومخطط لها", "مصدر عسكري") in [(x.text, x.speaker_canonical) for x in q]


def test_a_headline_body_colon_words_but_not_a_place_colon_words() -> None:
    q = extract_quotes("شرطة الرياض: القبض على ثلاثة مقيمين سرقوا متجرا\nتمكنت الدوريات من القبض على ثلاثة مقيمين.")
    assert [(x.text, x.speaker_canonical, x.cue) for x in q] == [("القبض على ثلاثة مقيمين سرقوا متجرا", "شرطة الرياض", ":")]
    assert extract_quotes("جنوب الرياض: ارتفاع درجات الحرارة غدا\nتوقعت الأرصاد ارتفاع درجات الحرارة.") == []


def test_a_quotation_opened_with_the_closing_mark_and_a_stray_mark_is_no_speaker() -> None:
    text = ("قال اللواء سالم الحربي في تغريدات على حسابه، تويتر: ” الوضع تحت السيطرة تماما.” "
            "وتابع قائلا: “سنواصل العمل حتى النهاية”.")
    q = extract_quotes(text)
    assert [(x.text, x.speaker_canonical) for x in q] == [("الوضع تحت السيطرة تماما.", "سالم الحربي"),
                                                          ("سنواصل العمل حتى النهاية", "سالم الحربي")]


def test_ruled_out_that_and_a_means_is_not_the_speaker() -> None:
    text = ("استبعد المدير التنفيذي للنادي خالد العمري أن تتأخر إجراءات التسجيل. "
            "وأفاد بخطابه المؤرخ أمس أن البطاقات الدولية وصلت إلى الاتحاد.")
    q = extract_quotes(text)
    assert [x.speaker_canonical for x in q] == ["خالد العمري", "خالد العمري"]
    assert q[0].text.startswith("تتأخر إجراءات التسجيل") and q[1].text.startswith("البطاقات الدولية وصلت")


def test_headlines_by_a_ministry_a_description_or_a_speaker_addressing_someone() -> None:
    ministry = extract_quotes("الصحة: لا إصابات جديدة بالفيروس في المنطقة\nأعلنت وزارة الصحة أن الوضع مستقر في مستشفيات المنطقة.")
    assert ("لا إصابات جديدة بالفيروس في المنطقة", "وزارة الصحة", ":") in [(x.text, x.speaker_canonical, x.cue) for x in ministry]
    # without the ministry in the body the portfolio word alone is not taken for a speaker
    assert not [x for x in extract_quotes("الصحة: نصائح للصائمين في الصيف\nينصح الأطباء بشرب الماء.") if x.cue == ":"]
    described = extract_quotes("اقتصادي: الأسعار ستتراجع قبل نهاية العام\nقال الخبير الاقتصادي فهد بن سالم العتيبي إن العرض يفوق الطلب.")
    assert ("الأسعار ستتراجع قبل نهاية العام", "فهد بن سالم العتيبي") in [(x.text, x.speaker_canonical) for x in described]
    told = extract_quotes("كيري للافروف: الحل سياسي في سوريا\nوقال وزير الخارجية جون كيري إن الحل «لن يكون عسكريا».")
    assert ("الحل سياسي في سوريا", "جون كيري") in [(x.text, x.speaker_canonical) for x in told]


def test_the_quotation_first_then_this_is_what_someone_said() -> None:
    q = extract_quotes("«لن نتراجع عن قرارنا» هذا ما قاله وزير الخارجية عادل الجبير، في مؤتمر صحفي بالرياض.")
    assert [(x.text, x.speaker_canonical) for x in q] == [("لن نتراجع عن قرارنا", "عادل الجبير")]


def test_what_lies_between_two_quotations_is_not_one() -> None:
    # marks doubled by the page pair the wrong way round: the text between the quotations starts with a comma
    q = extract_quotes('وأضاف المدرب سامي الجابر ""الفريق" جاهز للمباراة"، مطمئنا الجماهير على مستوى اللاعبين، '
                       'مضيفا ""الهلال" لا يخشى أحدا".')
    assert not [x for x in q if x.text.startswith("،")]


def test_a_sentence_attributed_after_it_and_a_clause_followed_by_its_source() -> None:
    text = ("نجح فريق طبي في مستشفى المدينة في إنقاذ حياة مريض بعد حادث سير. ذكر ذلك الدكتور سامي العنزي المدير الطبي للمستشفى. "
            "وقال إن المريض غادر العناية المركزة.")
    q = extract_quotes(text)
    assert [(x.speaker_canonical, x.text[:14]) for x in q] == [("سامي العنزي", "نجح فريق طبي ف"), ("سامي العنزي", "المريض غادر ال")]
    # inside a sentence "وأكد ذلك" confirms something and attributes nothing
    assert extract_quotes("ارتفعت الأسعار في السوق هذا الأسبوع بشكل ملحوظ، وأكد ذلك ارتفاع الطلب على السلع.") == []
    sourced = extract_quotes("سبق- متابعة: اقتحمت القوات قاعدة العند الجوية من الجهة الغربية، بحسب ما ذكرت وكالة الأنباء اليمنية.")
    assert [(x.text, x.speaker_canonical, x.cue) for x in sourced] == [
        ("اقتحمت القوات قاعدة العند الجوية من الجهة الغربية", "وكالة الأنباء اليمنية", "بحسب")]
    assert extract_quotes("وزعت المساعدات على الأسر المحتاجة في القرى، حسب الخطة المعتمدة.") == []


def test_a_subject_before_qad_and_a_cited_source_does_not_take_over() -> None:
    q = extract_quotes("وكانت مصادر عسكرية في عدن قد أفادت، في وقت سابق، أن لواء عسكريا تحرك نحو القاعدة.")
    assert [(x.speaker_canonical, x.text) for x in q] == [("مصادر عسكرية في عدن", "لواء عسكريا تحرك نحو القاعدة")]
    text = ("قال الشيخ يوسف العمري إن تفسير الأحلام علم له أصول حيث قال ابن سيرين إن الرؤيا على ما تعبر به. "
            "وأوضح أن التفسير يكون للجميع.")
    q = extract_quotes(text)
    assert [x.speaker_canonical for x in q] == ["يوسف العمري", "ابن سيرين", "يوسف العمري"]


def test_a_speaker_named_in_quotation_marks_is_no_quotation() -> None:
    text = 'أشاد وزير النقل الدكتور سالم الراشد بالمشروع. وقال "الراشد": "هذا المشروع يختصر زمن الرحلة إلى النصف". وأضاف: "سنفتتحه قبل نهاية العام".'
    q = extract_quotes(text)
    assert [(x.text, x.speaker_canonical) for x in q] == [
        ("هذا المشروع يختصر زمن الرحلة إلى النصف", "سالم الراشد"), ("سنفتتحه قبل نهاية العام", "سالم الراشد")]
    q = extract_quotes('قال "نور القابضة" أكبر شركات القطاع إن أرباحها تراجعت في الربع الثاني.')
    assert [(x.text, x.speaker_canonical) for x in q] == [("أرباحها تراجعت في الربع الثاني", "نور القابضة")]
    # a radio station's name in marks is its name, not what it said
    q = extract_quotes('وذكرت إذاعة "صوت المدينة" أن المهاجم سيوقع عقده الاثنين، وذكرت إذاعة "صوت المدينة" وصحيفة "الملعب" ')
    assert [x.text for x in q] == ["المهاجم سيوقع عقده الاثنين"]


def test_a_named_president_is_no_anaphor_and_a_sentence_before_awdah_dhalik_across_a_line() -> None:
    text = ("أكد الرئيس المصري عبد الفتاح السيسي انفتاح مصر على العالم. \nونوه الرئيس السيسي خلال استقباله المبعوث "
            "إلى حرص مصر على التعاون، لافتا أن هذا الحرص يتم بالعمل المشترك.")
    q = extract_quotes(text)
    assert [(x.text, x.speaker_canonical) for x in q] == [("هذا الحرص يتم بالعمل المشترك", "عبد الفتاح السيسي")]
    text = "تقرر عقد الاجتماع السنوي لمديري المدارس يوم الأحد المقبل في مدينة الرياض. \nأوضح ذلك المتحدث الرسمي للإدارة خالد بن سعد المطيري."
    q = extract_quotes(text)
    assert [(x.text[:20], x.cue) for x in q] == [("تقرر عقد الاجتماع ال", "أوضح ذلك")]


def test_a_pronoun_subject_and_a_name_set_off_by_a_comma_after_a_role() -> None:
    text = ("انتقد وزير الخارجية الأردني أيمن الصفدي القرار أمس، لكنه أوضح أن عمّان ستواصل الحوار مع الطرفين. "
            "وقال رئيس اللجنة الأولمبية المحلية، كريم سلطان: «سنبدأ التحضير مبكرا هذا العام». "
            "وأضاف: «الملعب الجديد جاهز».")
    q = extract_quotes(text)
    assert [(x.text, x.speaker_canonical) for x in q] == [
        ("عمّان ستواصل الحوار مع الطرفين", "أيمن الصفدي"),
        ("سنبدأ التحضير مبكرا هذا العام", "كريم سلطان"), ("الملعب الجديد جاهز", "كريم سلطان")]


def test_a_relative_clause_before_the_colon_and_a_quotation_never_closed() -> None:
    text = "وقال كريم سلطان، الذي زار الملعب صباح الأحد: «العمل يسير كما خططنا له. ننتظر وصول المعدات\nوفي سياق آخر"
    q = extract_quotes(text)
    assert [(x.text, x.speaker_canonical, x.kind) for x in q] == [
        ("العمل يسير كما خططنا له. ننتظر وصول المعدات", "كريم سلطان", "direct")]


def test_headlines_naming_whom_the_speaker_told() -> None:
    text = ('«المرور» لـ"الوطن": إغلاق الطريق الدائري ثلاثة أيام للصيانة\n'
            "قال مسؤول في الإدارة العامة للمرور إن الطريق سيغلق بدءا من الأحد.")
    q = extract_quotes(text)
    assert [(x.text, x.speaker, x.speaker_canonical) for x in q] == [
        ("إغلاق الطريق الدائري ثلاثة أيام للصيانة", "المرور", "مسؤول في الإدارة العامة للمرور"),
        ("الطريق سيغلق بدءا من الأحد", "مسؤول في الإدارة العامة للمرور", "مسؤول في الإدارة العامة للمرور")]
    text = ("وزير المالية الألماني للبرلمان: لن نقدم قروضا جديدة دون إصلاحات\n"
            "خاطب وزير المالية الألماني فولفغانغ شويبله النواب أمس في جلسة طويلة خصصت لمناقشة الأزمة. "
            "وقال شويبله: «لن نقدم قروضا جديدة دون إصلاحات حقيقية».")
    q = extract_quotes(text)
    assert [(x.text, x.speaker_canonical) for x in q][0] == ("لن نقدم قروضا جديدة دون إصلاحات", "فولفغانغ شويبله")


def test_a_participle_with_a_noun_object_reports_what_was_said() -> None:
    text = "وأكد مدير التعليم سعيد الحارثي أن المشروع اكتمل، مشيرا إلى افتتاح ثلاث مدارس جديدة الشهر المقبل."
    q = extract_quotes(text)
    assert [(x.text, x.speaker_canonical) for x in q] == [
        ("المشروع اكتمل", "سعيد الحارثي"), ("افتتاح ثلاث مدارس جديدة الشهر المقبل", "سعيد الحارثي")]
    # no speaker in the sentence: a participle's noun object is no quotation
    assert extract_quotes("تراجعت المبيعات هذا الشهر، مشيرا إلى ضعف الطلب.") == []


def test_a_role_in_brackets_before_the_colon_and_inna_after_it() -> None:
    q = extract_quotes("وقال سالم العتيبي (محلل مالي): تتجه الأسواق إلى الارتفاع هذا الأسبوع.")
    assert [(x.text, x.speaker_canonical) for x in q] == [("تتجه الأسواق إلى الارتفاع هذا الأسبوع", "سالم العتيبي")]
    q = extract_quotes("وقال السفير خالد المطيري: إن العلاقات بين البلدين راسخة منذ عقود.")
    assert [(x.text, x.kind) for x in q] == [("العلاقات بين البلدين راسخة منذ عقود", "indirect")]


def test_study_headlines_dotted_names_and_abbreviated_titles() -> None:
    text = ("دراسة: الطلب على الطاقة الشمسية يتضاعف\n"
            "أكدت بي.دبليو الاستشارية في تقرير لها أن الطلب على الطاقة الشمسية سيتضاعف خلال خمس سنوات.")
    q = extract_quotes(text)
    assert [(x.text[:12], x.speaker_canonical) for x in q] == [
        ("الطلب على ال", "بي.دبليو الاستشارية"), ("الطلب على ال", "بي.دبليو الاستشارية")]
    text = "د. الحمدان: المعرض يفتح أبوابه للجميع\nوقال الدكتور فيصل الحمدان إن المعرض يستقبل الزوار من الغد."
    q = extract_quotes(text)
    assert [(x.speaker, x.speaker_canonical) for x in q][0] == ("الحمدان", "فيصل الحمدان")


def test_the_prophet_is_cited_and_the_scholar_goes_on() -> None:
    text = ("أكد الشيخ ناصر الغامدي أن الاعتداء على المصلين جريمة، فقد قال صلى الله عليه وسلم: «المسلم من سلم "
            "المسلمون من لسانه ويده»، واصفا الهجوم بالعمل الجبان.")
    q = extract_quotes(text)
    assert [(x.text, x.speaker_canonical) for x in q] == [
        ("الاعتداء على المصلين جريمة", "ناصر الغامدي"),
        ("المسلم من سلم المسلمون من لسانه ويده", "النبي محمد صلى الله عليه وسلم"),
        ("الهجوم بالعمل الجبان", "ناصر الغامدي")]


def test_past_verbs_with_a_noun_object_after_their_preposition() -> None:
    q = extract_quotes("أعلنت جامعة الشمال عن تمديد فترة القبول حتى نهاية الشهر.")
    assert [(x.text, x.speaker_canonical) for x in q] == [("تمديد فترة القبول حتى نهاية الشهر", "جامعة الشمال")]
    q = extract_quotes("أكد السفير فهد الزامل لدى المغرب على متانة العلاقات بين البلدين.")
    assert [(x.text, x.speaker_canonical) for x in q] == [("متانة العلاقات بين البلدين", "فهد الزامل")]
    # the claim of responsibility is the object, and a new adjunct clause ends it
    text = ("أعلنت جماعة مسلحة مسؤوليتها عن تفجير خط الغاز، بعد ساعات على تصريحات للوزير سعيد المالكي أكد فيها "
            "أن الخط آمن تماما.")
    q = extract_quotes(text)
    assert [x.text for x in q] == ["مسؤوليتها عن تفجير خط الغاز", "الخط آمن تماما"]
    # a preposition far from the verb, after a clause of its own, is no object of it
    assert extract_quotes("أعلنت الشركة، التي تأسست قبل عشرين عاما في مدينة جدة الساحلية، عن أرباح قياسية.") == []
    # متهما takes its object directly
    q = extract_quotes("وقال المتحدث سامي الراشد إن القصف استمر، متهما المسلحين بقصف الأحياء السكنية.")
    assert [x.text for x in q] == ["القصف استمر", "المسلحين بقصف الأحياء السكنية"]


def test_a_clause_attributed_after_it_with_kama() -> None:
    text = "قتل ثلاثة أشخاص في انفجار قرب محطة القطار كما أعلنت الشرطة، في حين تواصل فرق الإنقاذ عملها."
    q = extract_quotes(text)
    assert [(x.text, x.speaker_canonical, x.cue) for x in q] == [
        ("قتل ثلاثة أشخاص في انفجار قرب محطة القطار", "الشرطة", "كما")]
    # "كما أعلن X عن …" is a cue of its own, and "كما كان متوقعا" names nobody
    assert all(x.cue != "كما" for x in extract_quotes("ارتفعت الأسعار هذا الشهر كما أعلنت الوزارة عن خطة جديدة."))
    assert extract_quotes("ارتفعت الأسعار هذا الشهر بنسبة كبيرة كما كان متوقعا.") == []


def test_the_papers_background_note_is_nobodys_quote() -> None:
    # "يُذكر أن" (it is worth mentioning that) closes many reports with background; it is not the last speaker's
    text = ("وقال مدير المهرجان خالد العمري إن الفعاليات تبدأ الخميس. ويذكر أن المهرجان يقام للمرة الخامسة. "
            "يُذكر أن الدورة السابقة استقطبت آلاف الزوار. ويذكر العمري أن الدعم مستمر.")
    quotes = extract_quotes(text)
    assert [(q.text, q.speaker) for q in quotes] == [("الفعاليات تبدأ الخميس", "خالد العمري"),
                                                      ("الدعم مستمر", "خالد العمري")], quotes


def test_a_quoted_name_of_a_festival_or_campaign_is_no_quote() -> None:
    text = ('وأعلنت اللجنة التنفيذية لمهرجان «ليالي الساحل» برئاسة المحافظ انضمام عضوين إلى اللجنة. '
            'وأطلقت الوزارة حملة "سلامتك تهمنا" وقال المتحدث الرسمي سامي الحربي إن الحملة تستمر شهرا.')
    quotes = extract_quotes(text)
    assert [(q.text, q.speaker) for q in quotes] == [("الحملة تستمر شهرا", "سامي الحربي")], quotes


def test_the_ministry_said_is_the_ministry_the_article_named() -> None:
    text = ("أعلنت وزارة الصحة اليوم تسجيل أربع إصابات جديدة بالفيروس في الرياض. وقالت الوزارة إن الحالات مستقرة "
            "وتحت العزل. وقال وزير العمل إن الوزارة ستراقب المنشآت.")
    quotes = extract_quotes(text)
    said = next(q for q in quotes if q.text.startswith("الحالات مستقرة"))
    assert said.speaker == "الوزارة" and said.speaker_canonical == "وزارة الصحة"
    # a minister is a person: his words stay his
    assert any(q.speaker_canonical == "وزير العمل" for q in quotes), quotes


def test_a_body_named_in_quotation_marks_speaks_and_its_name_is_no_quote() -> None:
    text = ('وذكرت شركة "نور للطاقة" ، أنها بدأت تشغيل المحطة الثانية في الجبيل. '
            'وأعلنت جمعية «رفقاء الخير» أنها وزعت ألف سلة غذائية.')
    quotes = extract_quotes(text)
    assert [(q.text, q.speaker) for q in quotes] == [("بدأت تشغيل المحطة الثانية في الجبيل", "نور للطاقة"),
                                                      ("وزعت ألف سلة غذائية", "جمعية رفقاء الخير")], quotes


def test_his_highness_and_his_excellency_speak_for_the_dignitary_the_article_named() -> None:
    text = ("رفع صاحب السمو الملكي الأمير فيصل بن سلمان أمير منطقة المدينة المنورة شكره لخادم الحرمين الشريفين "
            "الملك سلمان بن عبدالعزيز على دعمه. وأكد سموه أن المشروعات ستنجز في وقتها. "
            "وقال وزير الصحة توفيق الربيعة إن المستشفى الجديد يفتتح قريبا. وأوضح معاليه أن العمل مستمر.")
    said = {q.text: (q.speaker, q.speaker_canonical) for q in extract_quotes(text)}
    # His Highness is the prince the article opened with, not the King he thanked
    assert said["المشروعات ستنجز في وقتها"] == ("سموه", "فيصل بن سلمان"), said
    # His Excellency goes on from the minister who spoke last
    assert said["العمل مستمر"] == ("معاليه", "توفيق الربيعة"), said


def test_a_role_phrase_that_ends_on_its_body_names_no_person() -> None:
    text = ("صرح المتحدث الأمني بوزارة الداخلية بأنه تم القبض على المتهمين في الرياض. "
            "وقال المدير التنفيذي لشركة مترو جدة إن جسر أبحر يعتبر أحد أهم المشاريع. "
            "وقال نائب رئيس النادي والمشرف العام على الفريق نزيه النصر إن التفاؤل يسود الجميع. "
            "وأعلن مسؤولون في الشركة يوم الإثنين 10 أغسطس، أن فحص السلامة قد تم وفقا للقواعد.")
    said = {q.text: q.speaker_canonical for q in extract_quotes(text)}
    assert said["تم القبض على المتهمين في الرياض"] == "وزارة الداخلية", said
    assert said["جسر أبحر يعتبر أحد أهم المشاريع"] == "المدير التنفيذي لشركة مترو جدة", said
    # a family name that is also a club's is still the man's name
    assert said["التفاؤل يسود الجميع"] == "نزيه النصر", said
    # a date is nobody's name
    assert said["فحص السلامة قد تم وفقا للقواعد"] == "مسؤولون", said


def test_a_role_speaks_for_the_person_the_article_introduced_with_it_and_not_for_a_group_of_sources() -> None:
    text = ("طالب الرئيس اليمني عبدربه منصور هادي المليشيات الحوثية باحترام الهدنة. وقال المبعوث الأممي إسماعيل ولد "
            "الشيخ أحمد إن المشاورات مستمرة. وأكد الرئيس اليمني أن مدينة عدن أصبحت تستقبل المساعدات. وقالت المصادر "
            "إن الغارات استمرت. وأوضح المسؤول الإيراني أن بلاده ترفض.")
    said = {q.text: q.speaker_canonical for q in extract_quotes(text)}
    # the Yemeni president is Hadi, though the envoy spoke in between
    assert said["مدينة عدن أصبحت تستقبل المساعدات"] == "عبد ربه منصور هادي", said
    # one Iranian official does not go on from "the sources"
    assert said["بلاده ترفض"] == "المسؤول الإيراني", said


def test_a_bare_role_word_speaks_for_the_one_person_the_article_introduced_with_it() -> None:
    text = ("وجه وزير الصحة المهندس سامي العتيبي بتشكيل لجنة عاجلة للتحقيق في شكوى إحدى المراجعات بمستشفى المدينة.\n"
            "وكتب الوزير في تغريدة على حسابه أنه سيحاسب كل من تثبت إدانته في القضية.")
    assert [q.speaker_canonical for q in extract_quotes(text)] == ["سامي العتيبي"]
    # a minister the article does not name may be the one who speaks: no name is put in his mouth
    text = ("أعلن وزير المالية اليوم إطلاق برنامج لدعم المنشآت الصغيرة، بحضور وزير التجارة خالد السالم ورجال أعمال.\n"
            "وقال الوزير إن البرنامج سيبدأ مطلع العام المقبل.")
    assert "خالد السالم" not in [q.speaker_canonical for q in extract_quotes(text)]


def test_a_place_or_body_behind_a_preposition_is_no_part_of_the_speakers_name() -> None:
    def speakers(text: str) -> list[str | None]:
        return [q.speaker_canonical for q in extract_quotes(text)]

    # the role names no person: the whole role, not its place, speaks
    assert speakers("وقال قائد قوة أمن الطرق بمنطقة تبوك إن الالتزام بالسرعة المحددة واجب على كل المسافرين.") == \
        ["قائد قوة أمن الطرق بمنطقة تبوك"]
    # the place goes, the person stays
    assert speakers("وأوضح المدير العام للتعليم بنجران ماجد بن سعد القحطاني أن عدد المرشحين بلغ مئة مرشح.") == \
        ["ماجد بن سعد القحطاني"]
    assert speakers('وقال مدير العلاقات العامة بشركة الواحة هاني الدوسري: "نحرص على المشاركة في المعارض الصيفية".') == \
        ["هاني الدوسري"]
    # a role phrase that ended before the preposition ("خلال اجتماع لوزراء …") keeps its person
    assert speakers("وقال وزير الخارجية الماليزي سامي أمان خلال اجتماع لوزراء خارجية المجموعة إنه «يمكن للمجموعة أن تتوسط».") == \
        ["سامي أمان"]
    # a rank and a five-word name set off by commas
    assert speakers("وقال قائد القوة الخاصة لأمن الطرق، العقيد فهد عائض بن عبيد الشهري، إن المراكز أكملت استعداداتها.") == \
        ["فهد عائض بن عبيد الشهري"]


def test_how_something_was_said_is_not_who_said_it() -> None:
    text = ("قال وزير الخارجية الفرنسي جان مارك لوران إن بلاده تريد علاقات تجارية أوسع مع المنطقة.\n"
            "وقال بهذا الخصوص: «لقد كان لنا في الماضي حضور مهم في أسواقها».\n"
            "وأضاف بالقول: «نأمل أن تعود الشركات الفرنسية قريبا».\n"
            "وأردف يقول: «السوق واعدة للشركات الصغيرة أيضا».")
    assert [q.speaker_canonical for q in extract_quotes(text)] == ["جان مارك لوران"] * 4


def test_his_excellency_opening_a_sentence_owns_its_participle_and_not_what_he_praised() -> None:
    text = ("شجب وزير العدل الدكتور سامي بن محمد الحربي العمل الإرهابي في المسجد.\n"
            "وأدان معاليه باسمه وباسم منسوبي المجلس الأعلى للقضاء ووزارة العدل هذا العمل، مشيرا إلى أن القضاء سيقف "
            "بقوة في وجه كل مفسد.\n"
            "ونوه معاليه بالاجتماعات الموسعة للجنة، وقال إن التعاون بين الجهات سيستمر.")
    assert [q.speaker_canonical for q in extract_quotes(text)] == ["سامي بن محمد الحربي"] * 2


def test_a_web_address_does_not_end_the_quoted_sentence() -> None:
    text = ("وأوضحت الهيئة أن التسجيل يبدأ غدا عبر موقعها www.example.gov.sa ويستمر أسبوعا كاملا، "
            "مع إرفاق الشهادات المطلوبة. وقال المدير إن العدد محدود.")
    first = extract_quotes(text)[0]
    assert first.text == "التسجيل يبدأ غدا عبر موقعها www.example.gov.sa ويستمر أسبوعا كاملا، مع إرفاق الشهادات المطلوبة"


def test_a_role_word_after_a_body_spoke_is_a_person_not_the_body_again() -> None:
    text = "أعلنت الجامعة أن باب القبول مفتوح. وقال الوزير إن الخطة جاهزة. وأضاف المتحدث أن العمل مستمر."
    assert [q.speaker_canonical for q in extract_quotes(text)] == ["الجامعة", "الوزير", "المتحدث"]
    # after a person spoke, the same role word still goes on with that person
    text = "قال الوزير خالد الفالح إن الباب مفتوح. وأضاف الوزير أن الخطة جاهزة."
    assert [q.speaker_canonical for q in extract_quotes(text)] == ["خالد الفالح", "خالد الفالح"]


def test_words_in_quotation_marks_after_fi_name_a_field_and_are_nobodys_speech() -> None:
    text = "وأعلنت الجامعة عن وظائف شاغرة في مستشفاها الجامعي في “الصيدلة والتمريض والوظائف الفنية” بتخصصات مختلفة."
    assert all("الصيدلة" != q.text[:7] for q in extract_quotes(text))
    # a quotation the cue introduces after the place of saying it is speech
    [q] = extract_quotes("وقال الوزير في كلمته «لا تراجع عن القرار».")
    assert q.text == "لا تراجع عن القرار" and q.speaker_canonical == "الوزير"


def test_a_bodys_short_name_in_marks_is_no_quote_and_the_person_named_after_it_speaks() -> None:
    text = ("أعلن المعهد الوطني للتدريب البحري “نبراس”، عن تمديد فترة القبول حتى نهاية الشهر. "
            "وأوضح مدير معهد “نبراس” المهندس سلطان الدوسري، أن المعهد استقبل طلبات كثيرة. "
            "وقالت وكالة الأنباء الرسمية “وطن” الموالية للرئيس صالح الهاشمي، إن الإجراءات اكتملت.")
    quotes = extract_quotes(text)
    assert all(q.text not in ("نبراس", "وطن") for q in quotes)
    assert [q.speaker_canonical for q in quotes] == ["سلطان الدوسري", "وكالة الأنباء الرسمية"]


def test_a_compound_given_name_after_a_title_is_spoken_whole() -> None:
    [q] = extract_quotes("وأكد الدكتور خالد بن عبد المحسن المحيسن، رئيس الهيئة، أن الأمر يأتي امتدادا لحرص القيادة.")
    assert q.speaker_canonical == "خالد بن عبد المحسن المحيسن"


def test_a_subjectless_verb_before_anyone_spoke_goes_on_from_the_person_the_sentence_before_opened_with() -> None:
    text = ("رفع رئيس الهيئة الدكتور خالد بن عبدالمحسن المحيسن شكره للملك سلمان بن عبدالعزيز على صدور أمره. "
            "وأكد أن الأمر يأتي امتدادا لحرص القيادة.")
    [q] = extract_quotes(text)
    assert q.speaker_canonical == "خالد بن عبدالمحسن المحيسن"
    # a person named late in the sentence before is not its subject
    text = ("وصلت إلى المطار أمس طائرة تقل عددا من الحجاج القادمين من الخارج بعد رحلة طويلة استغرقت ساعات برفقة "
            "الطبيب سالم العتيبي. وأكد أن الرحلة كانت آمنة.")
    assert [q.speaker_canonical for q in extract_quotes(text)] == [None]


def test_according_to_a_rule_is_nobodys_words_and_it_is_mentioned_that_is_the_papers_note() -> None:
    assert extract_quotes("ووفقا لآلية الطرح التي اعتمدتها هيئة السوق المالية فإن الحقوق تطرح على مرحلتين.") == []
    [q] = extract_quotes("ووفقا لوزارة الصحة فإن عدد الإصابات ارتفع إلى عشرة.")
    assert q.speaker_canonical == "وزارة الصحة"
    quotes = extract_quotes("أكدت الشركة أن الاكتتاب متاح للجميع. يُذكر أنه في حال بقاء أسهم لم يكتتب بها فإنه سيتم بيعها.")
    assert [q.text for q in quotes] == ["الاكتتاب متاح للجميع"]


def test_reported_words_that_are_a_quotation_whole_are_listed_without_their_marks() -> None:
    [_, q] = extract_quotes("وقال المدرب إن «المباراة ستكون فاصلة»، لافتا أن «حظوظ الفريقين متساوية».")
    assert (q.text, q.kind, q.speaker_canonical) == ("حظوظ الفريقين متساوية", "direct", "المدرب")


def test_a_statement_of_a_body_is_that_body_speaking() -> None:
    for text, who in (("وقال بيان لقوة المهام المشتركة اليوم: إن خمس غارات قصفت وحدات للتنظيم.", "قوة المهام المشتركة"),
                      ("وذكر بيان للجيش اللبناني أن الوضع هادئ.", "الجيش اللبناني"),
                      ("وقال بيان لجنة الانتخابات إن التسجيل بدأ.", "لجنة الانتخابات")):
        assert [q.speaker_canonical for q in extract_quotes(text)] == [who]


def test_the_papers_lead_in_is_no_part_of_the_speaker() -> None:
    text = "يذكر أن المديرية العامة للجوازات أعلنت أنها ستبدأ مع بداية العام القادم في إلزام المواطنين بالتسجيل."
    assert [q.speaker_canonical for q in extract_quotes(text)] == ["المديرية العامة للجوازات"]


def test_who_issued_a_statement_speaks_through_it() -> None:
    for text, who in (("واتفق الجانبان على تبادل 300 أسير، بحسب بيان مشترك وزعه الوسطاء الأتراك في ختام الاجتماع.",
                       "الوسطاء الأتراك"),
                      ("وأكد بيان صادر عن وزارة الداخلية أن المتهم قبض عليه.", "وزارة الداخلية")):
        assert [q.speaker_canonical for q in extract_quotes(text)] == [who]


def test_not_revealing_a_name_is_no_speech_and_the_source_is_the_one_named_before() -> None:
    text = ("افاد مصدر دبلوماسي تركي انه تم تأجيل الزيارة. وقال المصدر، الذي طلب عدم كشف اسمه، "
            "“تم تأجيل الزيارة الى موعد لاحق”، رافضا التعليق.")
    quotes = extract_quotes(text)
    assert [(q.text, q.speaker_canonical) for q in quotes] == [
        ("تم تأجيل الزيارة", "مصدر دبلوماسي تركي"), ("تم تأجيل الزيارة الى موعد لاحق", "مصدر دبلوماسي تركي")]


def test_a_theatres_name_in_marks_and_a_conjunction_are_nobodys_words() -> None:
    text = "وستقف الممثلة على خشبة المسرح في نيويورك في سبتمبر، حسبما ذكر مسرح «ذا بابليك ثييتر»."
    assert all(q.text != "ذا بابليك ثييتر" for q in extract_quotes(text))
    text = "ورأت الممثلة هذا النموذج في 2010، لكن قالت إنها لم تر من قبل نموذجي الشخصيتين الأخريين."
    assert all(q.speaker_canonical != "لكن" for q in extract_quotes(text))
    text = "لكن الحكومة السودانية قالت إن عدد القتلى لم يتجاوز عشرة آلاف شخص."
    assert [q.speaker_canonical for q in extract_quotes(text)] == ["الحكومة السودانية"]


def test_the_same_sources_are_the_sources_named_before() -> None:
    text = ("وذكرت مصادر أمنية في محافظة إب أن المسلحين انسحبوا من المدينة. "
            "وأضافت المصادر نفسها أن الاشتباكات أسفرت عن سقوط قتلى. "
            "وقال مصدر طبي إن المستشفى استقبل جرحى. وأوضح المصدر ذاته أن بعضهم في حالة حرجة.")
    speakers = [q.speaker_canonical for q in extract_quotes(text)]
    assert speakers == ["مصادر أمنية في محافظة إب", "مصادر أمنية في محافظة إب", "مصدر طبي", "مصدر طبي"]


def test_the_day_written_after_a_speaker_is_no_part_of_the_speaker() -> None:
    for text, who in (("قالت مصادر أمنية يوم أمس (الثلاثاء)، إن الشرطة اعتقلت ثلاثة مشتبهين.", "مصادر أمنية"),
                      ("وقتل عشرون شخصا، بحسب ما أفادت مصادر أمنية وطبية أمس، في هجمات متفرقة.", "مصادر أمنية وطبية"),
                      ("وأعلن رئيس الوزراء أحمد داود أوغلو يوم أمس أن الشرطة تعرفت على المنفذ.", "أحمد داود أوغلو")):
        assert [q.speaker_canonical for q in extract_quotes(text)] == [who]
    # a weekday alone stays: it is also a family name
    text = "وأوضح رئيس الجمعية الأهلية بحي الروضة محمد الخميس أن ثلاث جهات تعمل على المشروع."
    assert [q.speaker_canonical for q in extract_quotes(text)] == ["محمد الخميس"]


def test_a_name_in_quotation_marks_is_no_quote() -> None:
    for text in ("وأشار عدد من خبراء العقار استشارتهم «الشرق الأوسط» إلى أن الأسعار ارتفعت في الربع الأخير.",
                 "ولمح إلى وجود هذا التفاهم الذي كشفت عنه «الشرق الأوسط» أمس."):
        assert all(q.text != "الشرق الأوسط" for q in extract_quotes(text)), text
    # words in marks after a speech verb are still a quote
    assert [q.text for q in extract_quotes("وقال الوزير: «المرحلة المقبلة صعبة».")] == ["المرحلة المقبلة صعبة"]


def test_an_office_family_or_campaign_speaks_for_a_person_not_as_the_person() -> None:
    for text, who in (("وقال مكتب رئيس الوزراء حيدر العبادي إن الحكومة ستواصل الإصلاحات.", "مكتب رئيس الوزراء حيدر العبادي"),
                      ("وقالت عائلة زعيم طالبان الراحل الملا محمد عمر إنها لم تدعم خليفته المعلن.",
                       "عائلة زعيم طالبان الراحل الملا محمد عمر")):
        assert [q.speaker_canonical for q in extract_quotes(text)] == [who]
    # one relative is left to the name: "والد الشهيد سعيد الزهراني" names the father as often as the son
    text = "وأكد والد الشهيد سعيد الزهراني أن ابنه سلمان كان برتبة عريف."
    assert [q.speaker_canonical for q in extract_quotes(text)] == ["سعيد الزهراني"]


def test_an_agency_passing_on_a_statement_is_not_its_speaker() -> None:
    text = ("وقالت الوكالة نقلا عن بيان لهيئة شؤون الإعلام إن الهيئة «قررت السماح للمجلة بالعودة (...) إلى الصدور»، "
            "موضحة أن القرار جاء بعد مراجعة.\nوقالت الوكالة نقلاً عن مصدر أمني إن الحريق أخمد.")
    quotes = extract_quotes(text)
    assert [q.speaker_canonical for q in quotes] == ["هيئة شؤون الإعلام", "هيئة شؤون الإعلام", "مصدر أمني"]
    # the words left out inside the quotation do not end it
    assert quotes[0].text.endswith("إلى الصدور»")


def test_the_agency_is_the_one_named_before() -> None:
    text = ("أفادت وكالة الأنباء البحرينية أن الحكومة وافقت على الميزانية. وقالت الوكالة: «ستعرض الميزانية على "
            "مجلس النواب الأسبوع المقبل».")
    assert [q.speaker_canonical for q in extract_quotes(text)] == ["وكالة أنباء البحرين", "وكالة أنباء البحرين"]


def test_a_verb_after_hayth_keeps_the_sentences_subject() -> None:
    text = ("من جانبها انتقدت منظمة العفو الدولية، وقف البث حيث قالت في بيان: «القرار يضيق على حرية التعبير».")
    assert [q.speaker_canonical for q in extract_quotes(text)] == ["منظمة العفو الدولية"]


def test_a_glued_waw_or_kanat_opens_no_clause_inside_a_word() -> None:
    # subject-first: "وكانت سلطات المدينة أعلنت" is the city's authorities, not "ت سلطات المدينة"
    text = "وكانت سلطات المدينة أعلنت صباح الأحد أن المعرض سيغلق ثلاثة أيام."
    assert [q.speaker_canonical for q in extract_quotes(text)] == ["سلطات المدينة"]


def test_a_given_name_left_out_by_the_tagger_stays_with_the_speaker() -> None:
    # the tagger reads only "محمد" of "الإعلامية نجلاء محمد"; she is not "محمد العتيبي", the article's other محمد
    text = ("وقالت الإعلامية نجلاء محمد: إن القناة، \"لم تلتزم بالمعايير المهنية\". من جانبه، بين الإعلامي محمد العتيبي "
            "أن القرار سيكون درسا للقنوات الأخرى.")
    assert [q.speaker_canonical for q in extract_quotes(text)][0] == "نجلاء محمد"


def test_a_deputys_role_resolves_to_the_deputy_introduced_with_it_not_to_the_president() -> None:
    text = ("استقبل نائب الرئيس اليمني رئيس مجلس الوزراء خالد محفوظ بحاح، اليوم في الرياض، سفير اليابان. وكان الرئيس "
            "اليمني عبدربه منصور هادي قد التقى السفير أمس. وأعرب نائب الرئيس اليمني، عن تقدير حكومته للدعم، "
            "مؤكدا أن الأمن سيعود إلى المحافظات كافة.")
    assert [q.speaker_canonical for q in extract_quotes(text)][-1] == "خالد محفوظ بحاح"


def test_a_role_followed_by_its_adjuncts_and_a_name_is_that_name_not_the_role_named_before() -> None:
    text = ("أكد نائب المشرف العام على المستشفى الدكتور سامي الحربي أن الأجنحة الجديدة جاهزة. "
            "وقال نائب المشرف العام على مركز الأمل للصحة النفسية بجدة الدكتور فارس العنزي إن المجتمع بحاجة إلى التوعية.")
    assert [q.speaker_canonical for q in extract_quotes(text)] == ["سامي الحربي", "فارس العنزي"]


def test_a_long_lineage_and_the_kings_deputy_are_read_as_the_prince() -> None:
    # six words of lineage: the name is not cut to "بن نايف بن عبد العزيز"
    text = "أكد نائب خادم الحرمين الشريفين الأمير محمد بن نايف بن عبد العزيز، أن الأمن خط أحمر."
    assert [q.speaker_canonical for q in extract_quotes(text)] == ["الأمير محمد بن نايف"]
    # "نائب خادم الحرمين" is the deputy, not the king the title names
    text = "وقال نائب خادم الحرمين: \"إن هذه الأحداث لن تثني عزائمنا\"."
    assert [q.speaker_canonical for q in extract_quotes(text)] == ["نائب خادم الحرمين"]


def test_a_bare_body_word_is_the_body_of_that_kind_that_spoke_before() -> None:
    # untagged, but it spoke before: "الخلية" is that cell
    text = ("وأعلنت خلية الإعلام الحربي أن القوات تقدمت نحو المدينة. وأكدت الخلية أن الطيران دمر ثلاثة مخازن للأسلحة.")
    assert [q.speaker_canonical for q in extract_quotes(text)] == ["خلية الإعلام الحربي", "خلية الإعلام الحربي"]
    # a council that spoke is "المجلس" even when another council is named in between
    text = ("وذكر المجلس الوطني للمقاومة الإيرانية أن مظاهرة انطلقت الأربعاء أمام مجلس الشورى في طهران. "
            "وأضاف المجلس في بيان أن قوات الأمن فرقت المتظاهرين بالقوة.")
    assert [q.speaker_canonical for q in extract_quotes(text)][-1] == "المجلس الوطني للمقاومة الإيرانية"


def test_a_colon_after_anna_is_no_part_of_the_quote() -> None:
    text = 'وقال المتحدث باسم الشرطة سامر العلي، إن: "الفرق تمكنت من إخماد الحريق خلال ساعة".'
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["الفرق تمكنت من إخماد الحريق خلال ساعة"]


def test_reported_words_in_quotation_marks_end_where_the_marks_close_before_a_comma() -> None:
    # what follows the closing mark is the writer's: the source of the words, or what the speaker did next
    text = "وقالت الوزارة إن «هذه الادعاءات عارية تماما من الصحة جملة وتفصيلا»، بحسب ما ورد بالبيان."
    assert quotes(text) == [("direct", "هذه الادعاءات عارية تماما من الصحة جملة وتفصيلا", "الوزارة")]
    text = 'وأكد الوزير أن "الحكومة ماضية في تنفيذ الخطة كاملة"، داعيا المواطنين إلى الصبر.'
    assert [q.text for q in extract_quotes(text)] == ["الحكومة ماضية في تنفيذ الخطة كاملة"]
    # marks around a name or a word stress it: the clause goes on after them
    text = "وقال الوزير إن «إيباك» تقف إلى جانب الحكومة في كل قراراتها."
    assert [q.text for q in extract_quotes(text)] == ["«إيباك» تقف إلى جانب الحكومة في كل قراراتها"]
    # wherever a quotation closes inside the clause, the writer's words after it are no part of it
    for tail in ("من دون تحديد زمان ومكان مقتلهم", "على حد قوله", "بحسب ما نقلت عنه الوكالة"):
        text = f"وأعلنت القيادة أن الجنود الثلاثة قتلوا «خلال مشاركتهم في عملية إعادة الأمل»، {tail}."
        assert [q.text for q in extract_quotes(text)] == ["الجنود الثلاثة قتلوا «خلال مشاركتهم في عملية إعادة الأمل»"], tail


def test_a_time_adverb_a_particle_or_a_verb_of_going_on_is_not_who_spoke() -> None:
    # "أول من أمس" (the day before yesterday) is when, and the subject came before the verb
    text = "وكان المرشد علي خامنئي قال أول من أمس، إن «الاتفاق مع القوى العالمية لا يغير سياساتنا»."
    assert speakers(text) == ["علي خامنئي"]
    text = "وقال المتحدث باسم الجيش أحمد عسيري يوم الأحد إن القوات تقدمت نحو المدينة."
    assert speakers(text) == ["أحمد عسيري"]
    # "ومضى يقول", "وتابع قوله", "ولفت النظر إلى", "وكشف النقاب عن", "وأكد أيضًا": the speaker goes on
    for going_on in ("ومضى يقول إن", "وتابع قوله:", "ولفت النظر إلى أن", "وكشف النقاب عن أن", "وأكد أيضًا أن"):
        text = f"وقال الوزير محمد العلي إن الخطة جاهزة للتنفيذ. {going_on} البديل هو الحوار مع جميع الأطراف."
        assert speakers(text) == ["محمد العلي", "محمد العلي"], going_on
    # "ونوه بما ناله السوق": what was praised, not who spoke
    text = "وقال الأمير خالد الفيصل إن السوق نجح هذا العام. ونوه بما ناله السوق من اهتمام، مشيرا إلى أن المبادرة تحققت."
    assert {q.speaker_canonical for q in extract_quotes(text)} == {"خالد الفيصل"}
    # "أما X، فقد أكد": the topic, not the particle
    text = "أما رئيس الوزراء الفرنسي مانويل فالس، فقد أكد أن الحكومة ستحترم نتائج الاستفتاء."
    assert speakers(text) == ["مانويل فالس"]
    # a negation or an indefinite someone names no speaker
    for text in ("لا توضح الشركة أن العدد سيرتفع في الوقت الراهن.", "وهناك من يؤكد على أن الأمر ينبغي أن يخرج من إطار السياسة."):
        assert all(q.speaker_canonical not in ("لا", "هناك من") for q in extract_quotes(text)), text


def test_the_papers_own_notes_and_inferences_are_nobodys_words() -> None:
    for text in ("الجدير ذكره أن الشركة قامت بحملات مكثفة لجذب العملاء خلال العام الماضي.",
                 "وارتفعت الأسعار بنسبة عشرة في المائة، مما يشير إلى أن تعافي القطاع مستمر بقوة.",
                 "ويذكر هنا أن كثيرين من قيادات الجماعات المتطرفة خرجوا من السجون."):
        assert extract_quotes(text) == [], text


def test_a_verse_is_gods_words_and_the_preacher_goes_on_speaking() -> None:
    text = ("وقال الشيخ عبدالرحمن السديس إن الصبر مفتاح الفرج. وقد قال تعالى: «إن الله مع الصابرين». "
            "وأضاف أن الأمة تمر بمرحلة صعبة.")
    assert speakers(text) == ["عبدالرحمن السديس", "الله", "عبدالرحمن السديس"]
    text = "وقد قال عز من قائل: «وتعاونوا على البر والتقوى»."
    assert speakers(text) == ["الله"]
    text = "وقد قال عليه الصلاة والسلام: «المسلم من سلم المسلمون من لسانه ويده»."
    assert speakers(text) == ["النبي محمد صلى الله عليه وسلم"]
    # God's name is no surname: not "عبد الله" nor "عباد الله" named before
    text = "وخاطب الخطيب عباد الله بالصبر، وقد قال تعالى: «إن الله مع الصابرين»."
    assert speakers(text) == ["الله"]
    # after a comma, a speech verb that introduces a quotation of its own ends the reported clause before it
    text = "وقال الشيخ عبدالرحمن السديس إن الصبر مفتاح الفرج، قال تعالى: «إن الله مع الصابرين»."
    assert [(q.speaker_canonical, q.text) for q in extract_quotes(text)] == [
        ("عبدالرحمن السديس", "الصبر مفتاح الفرج"), ("الله", "إن الله مع الصابرين")]


def test_whom_the_words_were_said_to_or_about_is_not_who_said_them() -> None:
    for text, expected in (("وقال عنه رئيس الوزراء محمد العلي إنه رجل دولة من الطراز الأول.", "محمد العلي"),
                           ('وقالت مصادر محلية ل"الرياض" ان ميليشيات الحوثي انسحبت من المدينة.', "مصادر محلية")):
        assert speakers(text) == [expected], text


def test_a_statement_or_report_speaks_for_whoever_issued_it() -> None:
    text = ("وقالت وزارة الداخلية التونسية في بيان يوم الثلاثاء إن الوحدة الوطنية تمكنت من القبض على المجموعة. "
            "وقال البيان إن المجموعة كانت بصدد التخطيط لهجوم.")
    assert [(q.speaker, q.speaker_canonical) for q in extract_quotes(text)][-1] == ("البيان", "وزارة الداخلية")
    cases = (
        # named right after "بيان لـ" / "التقرير الصادر عن"
        ("وتزايد الجوع في البلاد، وفق بيان للأمم المتحدة صدر أمس. وقال البيان إن أمن السكان الغذائي في وضع ينذر بالخطر.",
         ["الأمم المتحدة"]),
        # a report in construct with its issuer, past the report's own later mentions
        ("وأشار تقرير كاسبرسكي لاب إلى ارتفاع الهجمات. وأضاف التقرير أن سنغافورة تصدرت القائمة. "
         "وأوضح التقرير أن الهجمات تستهدف المصارف.", ["كاسبرسكي لاب", "كاسبرسكي لاب"]),
        # a statement nobody is named for stays the statement; the agency that received one did not issue it
        ("وصدر بيان مشترك في ختام الزيارة. وأكد البيان أن الجانبين اتفقا على تعزيز التعاون.", ["البيان"]),
        ("وجاء ذلك في بيان تلقت وكالة فرانس برس نسخة منه. وأضاف البيان أن الاجتماع سيعقد غدا في العاصمة.", ["البيان"]),
    )
    for text, expected in cases:
        assert speakers(text) == expected, text


def test_a_bare_body_word_is_the_body_named_after_that_word_even_when_tagged_without_it() -> None:
    text = ("وقضت المحكمة بإلزام شركة أم أم أل ميديست ليمتد بدفع مبلغ 63 مليون دولار. "
            "وأوضحت الشركة في بيان لها على تداول أن المحكمة أمرت بفسخ العقد.")
    assert speakers(text) == ["أم أم أل ميديست"]


def test_a_quote_is_dated_the_day_its_cue_names_else_the_day_of_publication() -> None:
    import datetime as dt

    from marsad import find_dates
    from marsad.nlp.quotes import date_quotes

    text = ("وقال وزير الخارجية عادل الجبير أمس إن المحادثات كانت مثمرة. وأضاف أن الجانبين اتفقا على اللقاء مجددا. "
            "وقال المتحدث باسم الوزارة إن الاجتماع المقبل سيعقد يوم الخميس المقبل.")
    quotes = extract_quotes(text)
    date_quotes(quotes, find_dates(text, dt.date(2015, 8, 5)), text, "2015-08-05T10:00:00")
    assert [(q.speaker_canonical, q.date) for q in quotes] == [
        ("عادل الجبير", "2015-08-04"),  # "أمس"
        ("عادل الجبير", "2015-08-04"),  # "وأضاف": said at the same time
        ("المتحدث باسم الوزارة", "2015-08-05")]  # the Thursday ahead is what the words are about: published that day
    date_quotes(quotes, [], text, None)
    assert {q.date for q in quotes} == {None}
    # a week names no day of saying; nor does a day named early in a long sentence about something else
    text = ("وأظهرت دراسة صدرت الأسبوع الماضي أن الطلب تراجع. وأدى المعلم صلاة العيد بين أهله وأقاربه في القرية "
            "بعد غياب طويل عنها دام سنوات بسبب عمله في مدينة جدة بعيدا عن عائلته، مبينا أن فرحته لا توصف.")
    quotes = extract_quotes(text)
    date_quotes(quotes, find_dates(text, dt.date(2015, 8, 5)), text, "2015-08-05")
    assert quotes and {q.date for q in quotes} == {"2015-08-05"}


def test_a_long_role_and_a_name_right_before_the_verb_is_who_spoke() -> None:
    text = ("وقال الرئيس رجب طيب أردوغان إن الإرهاب يجب أن يدان أيا كان مصدره. إلا أن رئيس الحكومة التركية أحمد داود أوغلو "
            "أعلن أن العناصر الأولى للتحقيق تفيد بأن التنظيم يقف وراء الهجوم.")
    assert speakers(text) == ["رجب طيب أردوغان", "أحمد داود أوغلو"]


def test_an_untagged_body_before_a_relative_pronoun_is_who_spoke() -> None:
    text = "وقتل مسلح امرأتين قبل أن ينتحر، بينما كانت تطوقه الشرطة التي رجحت أنه من المشردين في المدينة."
    assert speakers(text) == ["الشرطة"]


def test_a_title_and_a_long_lineage_name_the_whole_name_even_when_the_fathers_name_is_a_word() -> None:
    # the name goes on past بن and past the first half of عبد العزيز; مساعد ("assistant") is the father's name here
    assert speakers("وقال الأمير جلوي بن عبد العزيز بن مساعد في اتصال هاتفي مع والد الشهيد «إننا نعزي أنفسنا أولا».") \
        == ["جلوي بن عبد العزيز بن مساعد"]
    assert speakers("وقال الأمير محمد بن نايف بن عبد العزيز في كلمته: «إن الوطن بخير».") == ["محمد بن نايف بن عبد العزيز"]
    # a name that ends on its family name still stops there, before the role after it
    assert speakers("وقال الدكتور خالد بن علي الغامدي مدير الجامعة إن الدراسة تبدأ غدا.") == ["خالد بن علي الغامدي"]


def test_a_role_without_a_name_is_the_person_the_article_introduced_with_it() -> None:
    text = ("أجرى وزير الخارجية الأستاذ عادل بن أحمد الجبير مباحثات اليوم مع وزير الخارجية الإيطالي باولو جينتيلوني "
            "في روما. وقال معالي وزير الخارجية في تصريح صحفي إن المباحثات كانت مثمرة وبناءة.")
    assert speakers(text) == ["عادل بن أحمد الجبير"]  # not the Italian minister, introduced with his country
    # two people introduced with the same role: which one spoke is not known, and the role stays as written
    both = ("واستقبل رئيس النادي خالد المعمر رئيس النادي فهد بن نافل في مقر النادي. "
            "وقال رئيس النادي إن اللقاء بحث التعاون بين الناديين.")
    assert speakers(both) == ["رئيس النادي"]


def test_a_consul_named_after_his_post_and_its_country_is_who_spoke() -> None:
    # seventeen words between the verb and أن: the post, the city, the country, two titles and the name
    text = ("أوضح القنصل العام للمملكة العربية السعودية في مدينة هيوستن بالولايات المتحدة الأمريكية السفير الدكتور "
            "سامي بن عبدالله الفارس أن العاصفة لم تلحق أي أذى بالطلاب المبتعثين.")
    assert speakers(text) == ["سامي بن عبدالله الفارس"]
    # a name inside a relative clause after the role is not the role's holder
    clause = ("ونوه وزير الخارجية بالاجتماع الذي جمع بين الرئيس السيسي وسمو ولي ولي العهد وزير الدفاع الأمير محمد بن "
              "سلمان، مؤكدا أن الاجتماع وضع أسسا جديدة للتعاون.")
    assert "محمد بن سلمان" not in speakers(clause)


def test_scripture_a_preacher_cites_is_not_his_own_words() -> None:
    # past the preacher's colon another cue, God's, introduces the verse; the Prophet speaks after his eulogy
    text = ("وقال إمام وخطيب المسجد النبوي الشيخ علي الحذيفي: أن الكل يعلم أنه مرتحل من هذه الدنيا وتارك ما خوله الله "
            "فيها, قال الله تعالى : \" وما أموالكم ولا أولادكم بالتي تقربكم عندنا زلفى \". وبين أن للنبي حوضا، فعن "
            "سمرة رضي الله عنه عن النبي صلى الله عليه وسلم قال : \"إن الأنبياء يتباهون أيهم أكثر أصحابا من أمته\".")
    said = {" ".join(q.text.split()[:2]): q.speaker for q in extract_quotes(text)}
    assert said == {"الكل يعلم": "علي الحذيفي", "وما أموالكم": "الله",
                    "إن الأنبياء": "النبي محمد صلى الله عليه وسلم"}


def test_words_after_a_colon_end_where_the_next_cue_begins() -> None:
    text = ("وقال المتحدث باسم التحالف العميد أحمد عسيري: التدريب سيشمل المدنيين من المقاومة الشعبية في المحافظات، "
            "مضيفاً أن هذا الدمج تنظيم إيجابي ترحب به قوات التحالف.")
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["التدريب سيشمل المدنيين من المقاومة الشعبية في المحافظات",
                                        "هذا الدمج تنظيم إيجابي ترحب به قوات التحالف"]
    assert {q.speaker for q in quotes} == {"أحمد عسيري"}
