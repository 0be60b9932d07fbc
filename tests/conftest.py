from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "examples" / "demo"
GOLD = ROOT / "examples" / "demo.gold.json"

# A flattened page written for the tests (not from any real outlet).
PAGE = """الرئيسية | محليات | رياضة | اقتصاد | منوعات
GMT 09:15 2026 الاثنين ,9 آذار / مارس
افتتاح معرض الكتاب الدولي في الرياض بمشاركة ألف دار نشر
افتتاح معرض الكتاب الدولي في الرياض بمشاركة ألف دار نشر
الرياض - واس
افتتح وزير الثقافة، مساء الاثنين، معرض الرياض الدولي للكتاب في دورته الجديدة، بمشاركة أكثر من ألف دار نشر من ثلاثين دولة عربية وأجنبية.
وقال الوزير في كلمة الافتتاح إن المعرض أصبح منصة ثقافية كبرى تجمع الكتاب والناشرين والقراء، مشيرا إلى أن برنامج هذا العام يضم مئتي فعالية ثقافية.
ويستمر المعرض عشرة أيام، ويفتح أبوابه للزوار يوميا من الحادية عشرة صباحا حتى العاشرة مساء.
المصدر: واس
كلمات دلالية: معرض الكتاب، الرياض، ثقافة
543 مشاهدة
اقرأ أيضا
ارتفاع أسعار الذهب في الأسواق المحلية
الهلال يتأهل إلى نصف النهائي
الإسم *
البريد الإلكتروني *
حقوق النشر © 2026 جميع الحقوق محفوظة
"""


@pytest.fixture()
def page_text() -> str:
    return PAGE


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built once from the demo corpus, shared by read-only tests."""
    from marsad import Pipeline

    db = tmp_path_factory.mktemp("demo") / "demo.db"
    Pipeline(db=db).run([str(DEMO)])
    return db


@pytest.fixture()
def demo_copy(tmp_path: Path) -> Path:
    target = tmp_path / "demo"
    shutil.copytree(DEMO, target)
    return target


def article_for(rows: list[dict], gold_page: dict) -> dict | None:
    """The stored article of a gold page (matched on input id)."""
    for r in rows:
        base = r["input_id"]
        if base.endswith(str(gold_page["input_id"])):
            return r
    return None
