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
