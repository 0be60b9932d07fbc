"""Flattened-page extraction on pages written for these tests: titles, dense paragraphs, page dates."""

from __future__ import annotations

from marsad import extract

PAGE = """الواحة نيوز
ثقافة
افتتاح مهرجان الشعر العربي في مدينة أبها بمشاركة أربعين شاعرا
2026/04/07
شعراء على منصة المهرجان
شعراء على منصة المهرجان
افتتح أمير المنطقة مساء أمس مهرجان الشعر العربي في مدينة أبها بمشاركة أربعين شاعرا من اثنتي عشرة دولة عربية.
ويضم برنامج المهرجان المصاحب أمسيات شعرية وندوات نقدية وورش كتابة للشباب ومعرضا لدواوين المشاركين ومسابقة للإلقاء.
ويستمر المهرجان خمسة أيام في مسرح المفتاحة.
كلمات دلالية: الشعر، أبها
جميع الحقوق محفوظة © 2026 الواحة نيوز"""


def test_the_headline_is_the_line_about_the_text_not_the_caption_printed_twice() -> None:
    art = extract(PAGE, outlet="الواحة نيوز")[0]
    assert art.title == "افتتاح مهرجان الشعر العربي في مدينة أبها بمشاركة أربعين شاعرا"


def test_a_dense_paragraph_with_few_function_words_is_kept() -> None:
    body = extract(PAGE, outlet="الواحة نيوز")[0].body
    assert "ويضم برنامج المهرجان المصاحب أمسيات شعرية" in body
    assert "شعراء على منصة المهرجان" not in body and "كلمات دلالية" not in body


def test_a_year_first_slashed_date_line_gives_the_publication_date() -> None:
    assert extract(PAGE, outlet="الواحة نيوز")[0].published == "2026-04-07"
    assert extract(PAGE.replace("2026/04/07", "٢٠٢٦/٠٤/٠٧"), outlet="الواحة نيوز")[0].published == "2026-04-07"


def test_a_records_trailing_tag_line_and_time_stamp_are_dropped_and_kept_aside() -> None:
    from marsad.extract import extract_document
    from marsad.records import RawDocument

    content = ("أعلنت المديرية العامة للجوازات تمديد مهلة تصحيح الأوضاع للمقيمين شهرا إضافيا بدءا من الأسبوع المقبل.\n"
               "وأوضح المتحدث أن الوثيقة لا تمنح صفة نظامية للبقاء في المملكة دون مراجعة أقرب مركز.\n"
               "العنوان: شارع الملك فهد في الرياض ويستقبل المراجعين صباحا.\n"
               "سمات الجوازات وافدون وثيقة سفر\n20:26 ت م")
    raw = RawDocument(input_id="r1", path="r1.json", kind="record", content=content, title="تمديد مهلة التصحيح")
    art = extract_document(raw)[0]
    assert art.body.endswith("ويستقبل المراجعين صباحا.")  # a sentence stays, whatever its first word
    assert art.dropped_lines == ["سمات الجوازات وافدون وثيقة سفر", "20:26 ت م"]


def _record(content: str, outlet: str, title: str = "خبر للاختبار"):
    from marsad.extract import extract_document
    from marsad.records import RawDocument

    return extract_document(RawDocument(input_id="r", path="r.json", kind="record", content=content,
                                        title=title, outlet=outlet))[0]


LEAD = "أعلنت البلدية افتتاح ثلاث حدائق جديدة في الأحياء الشرقية للمدينة بعد اكتمال أعمال التشجير والإنارة فيها."
MORE = "وأوضح رئيس البلدية أن الحدائق تضم ممرات للمشي وملاعب للأطفال ومواقف للسيارات تخدم سكان الأحياء المجاورة."


def test_a_byline_gives_the_reporter_the_place_and_the_agency_and_leaves_the_body() -> None:
    # the outlet is stored under its slug, and signs with its Arabic name
    art = _record(f"Next Previous\nسلمى العتيبي – عين اليوم\n{LEAD}\n{MORE}", "3alyoum")
    assert art.author == "سلمى العتيبي" and art.body.startswith("أعلنت البلدية")
    art = _record(f"عين اليوم – واس\n{LEAD}\n{MORE}", "3alyoum")
    assert "واس" in art.agencies and art.dateline is None and art.body.startswith("أعلنت البلدية")
    # two reporters before the outlet's name; neither is the dateline
    art = _record(f"هند الزهراني – فهد القحطاني: عين اليوم\n{LEAD}\n{MORE}", "3alyoum")
    assert art.author == "هند الزهراني، فهد القحطاني" and art.dateline is None
    # a small town the gazetteer does not list, beside a reporter, after a tatweel standing in for a dash
    art = _record(f"ماجد الشهري ـ تربة\n{LEAD}\n{MORE}", "arreyadi")
    assert (art.author, art.dateline) == ("ماجد الشهري", "تربة")
    # the newspaper called al-Madina writes from Jeddah: its name is not the place
    art = _record(f"المدينة - جدة\n{LEAD}\n{MORE}", "al-madina.com")
    assert art.dateline == "جدة" and art.body.startswith("أعلنت البلدية")
    # the gallery's arrows and captions printed above the byline go with it
    art = _record(f"حديقة الورود ممر المشاة Next Previous سلمى العتيبي – الدمام\n{LEAD}\n{MORE}", "3alyoum")
    assert (art.author, art.dateline) == ("سلمى العتيبي", "الدمام") and art.body.startswith("أعلنت البلدية")


def test_a_caption_or_a_fixture_joined_by_a_dash_is_no_byline() -> None:
    for first in ("رئيس البلدية - سعود المطيري", "الهلال - النصر", "التعاون - الفتح: عين اليوم"):
        art = _record(f"{first}\n{LEAD}\n{MORE}", "3alyoum")
        assert art.body.startswith(first) and art.author is None and art.dateline is None


def test_furniture_glued_onto_the_last_paragraph_is_cut_and_kept_aside() -> None:
    cases = [
        ("3alyoum", "سمات البلدية حدائق الدمام"),
        ("alweeam", "رابط الخبر بصحيفة الوئام: افتتاح ثلاث حدائق جديدة في الدمام"),
        ("aljazirah", "مقالات أخرى للكاتبحين تزهر المدنالحدائق والناس!"),
    ]
    for outlet, tail in cases:
        art = _record(f"{LEAD}\n{MORE} {tail}", outlet)
        assert art.body.endswith("تخدم سكان الأحياء المجاورة.") and art.dropped_lines == [tail]
    # a flattened page glues them the same way
    page = f"افتتاح ثلاث حدائق جديدة في الدمام\n{LEAD}\n{MORE} سمات البلدية حدائق الدمام"
    art = extract(page, outlet="3alyoum")[0]
    assert art.body.endswith("المجاورة.") and "سمات البلدية حدائق الدمام" in art.dropped_lines
    # the same word in a sentence of the article stays
    last = "ومن أبرز سمات الحدائق الجديدة اتساع مساحاتها الخضراء وتنوع أشجارها المحلية."
    art = _record(f"{LEAD}\n{last}", "3alyoum")
    assert art.body.endswith(last) and art.dropped_lines == []


def test_a_byline_before_the_lead_gives_reporter_and_place_and_leaves_the_lead() -> None:
    lead = "افتتحت البلدية ثلاث حدائق جديدة في الأحياء الشرقية بعد اكتمال أعمال التشجير والإنارة فيها."
    art = _record(f"خالد علي- سبق- جدة: {lead}\n{MORE}", "sabq.org")
    assert (art.author, art.dateline) == ("خالد علي", "جدة") and art.body.startswith("افتتحت البلدية")
    art = _record(f"واس - الدمام :{lead}\n{MORE}", "sabq.org")
    assert art.dateline == "الدمام" and "واس" in art.agencies and art.body.startswith("افتتحت البلدية")
    # a sentence before a colon is no reporter, and a verb is no place
    said = "الدمام (واس) - أكد فهد السالم: إن الحدائق ستفتح أبوابها للزوار طوال أيام الأسبوع."
    art = _record(f"{said}\n{MORE}", "sabq.org")
    assert art.author is None and art.dateline == "الدمام" and art.body.startswith(said)
    art = _record(f"وصل - بحسب البلدية: {lead}\n{MORE}", "sabq.org")
    assert art.dateline is None
    # a byline that ends on the outlet's own name, run straight into the lead with no colon
    for first in ("قاسم الزرعي – عين اليوم", "Next Previous أحمد حجازي – عين اليوم"):
        art = _record(f"{first} {lead}\n{MORE}", "3alyoum")
        assert art.author in first and art.body.startswith("افتتحت البلدية"), art.body[:40]
    art = _record(f"فهد العتيبي - سبق الطائف: {lead}\n{MORE}", "sabq.org")
    assert (art.author, art.dateline) == ("فهد العتيبي", "الطائف") and art.body.startswith("افتتحت البلدية")
    # a role before a dash is no reporter: the sentence stays
    said = "وقال رئيس البلدية – عين اليوم إن الحدائق ستفتح أبوابها للزوار طوال أيام الأسبوع."
    assert _record(f"{said}\n{MORE}", "3alyoum").body.startswith(said)


def test_a_share_bar_glued_onto_the_lead_and_a_dated_agency_dateline_are_read_off() -> None:
    art = _record(f"شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك {LEAD}\n{MORE}", "okaz")
    assert art.body.startswith("أعلنت البلدية") and art.dropped_lines == ["شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك"]
    # the agency's own dateline dates itself; a town the gazetteer lacks is still the place
    for place in ("الدمام", "العارضة"):
        art = _record(f"{place} 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\n{LEAD}\n{MORE}", "spa.gov.sa")
        assert art.dateline == place and art.agencies[0] == "واس" and art.body.startswith("أعلنت البلدية")
