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
