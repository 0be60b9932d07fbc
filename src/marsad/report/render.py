"""Renderings of event reports: Markdown (terminal) and a static, self-contained RTL HTML site."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, select_autoescape

from ..meta.outlets import outlet_name
from ..store.sqlite import Store

_ENV = Environment(autoescape=select_autoescape(default=True, default_for_string=True), trim_blocks=True, lstrip_blocks=True)
_ENV.filters["when"] = lambda value: (value or "")[:16].replace("T", " ")  # 2015-07-26T17:18:59 → 2015-07-26 17:18


def outlet_label(outlet: str | None) -> str:
    """How a reader knows the outlet: its Arabic name when the outlet table has it ("3alyoum" → "عين اليوم")."""
    return outlet_name(outlet) or outlet or ""


_ENV.filters["outlet"] = outlet_label

KIND_AR = {"copy": "نسخ", "rewrite": "إعادة صياغة", "shared_source": "مصدر مشترك", "template": "قالب متكرر"}
TOLL_ROSE = "ارتفعت الحصيلة مع الوقت: الرقم الأعلى نُشر بعد الأدنى"
DISAGREE_AR = {"number": "أرقام مختلفة", "role": "صفة مختلفة", "attribution": "نسب مختلف", "date": "تاريخ مختلف"}


def shown_provenance(edges: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """The provenance lines a reader needs, and how many were left out: each copy's own source and every
    rewrite, shared source or template. A wire story printed by eight outlets has 28 copy edges among them; the
    copy groups already say who copied whom, so the copy edges that are not a source only repeat it."""
    shown = [p for p in edges if p.get("kind") != "copy" or p.get("source") or p.get("external")]
    return shown, len(edges) - len(shown)


def more_copy_links(n: int) -> str:
    """"و28 صلة نسخ أخرى …", with the noun in the number Arabic gives each count."""
    if n == 1:
        return "وصلة نسخ أخرى بين نسخ المجموعة نفسها"
    if n == 2:
        return "وصلتا نسخ أخريان بين نسخ المجموعة نفسها"
    return f"و{n} {'صلات' if 3 <= n % 100 <= 10 else 'صلة'} نسخ أخرى بين نسخ المجموعة نفسها"


_ENV.globals["shown_provenance"] = shown_provenance
_ENV.globals["more_copy_links"] = more_copy_links


def _articles(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = store.conn.execute(f"SELECT id, outlet, title, url, published, duplicate_of FROM articles WHERE id IN ({marks})", ids)
    return {r["id"]: dict(r) for r in rows}


def event_markdown(rec: dict[str, Any], store: Store) -> str:
    cited = {i for d in rec.get("disagreements", []) for v in d["values"] for i in v["article_ids"]}
    cited |= {g["origin"] for g in rec.get("copy_groups", [])}  # an origin may be an older article of another event
    cited |= {p["from"] for p in rec.get("provenance", [])}  # so may the source of a reuse edge
    arts = _articles(store, sorted(set(rec.get("article_ids", [])) | cited))

    def cite(ids: list[str]) -> str:
        outlets = []
        for i in ids:
            o = outlet_label((arts.get(i) or {}).get("outlet")) or i
            if o not in outlets:
                outlets.append(o)
        return "، ".join(outlets)

    out = [f"# {rec.get('title') or rec['id']}", "",
           f"**التاريخ:** {rec.get('date') or '—'}  ·  **المنافذ:** {'، '.join(map(outlet_label, rec.get('outlets', [])))}  ·  **المقالات:** {len(rec.get('article_ids', []))}", "",
           "## الملخص", ""]
    for s in rec.get("summary", []):
        out.append(f"- {s['text']} _({cite(s['article_ids'])})_")
    if rec.get("outlet_additions"):
        out += ["", "## ما يضيفه كل منفذ", ""]
        for add in rec["outlet_additions"]:
            out += [f"**{outlet_label(add['outlet'])}**", ""]  # blank lines around: a line right after a list item continues it
            for s in add["sentences"]:
                out.append(f"- {s['text']}")
            if add.get("entities"):
                out.append(f"- أسماء لم يذكرها غيره: {'، '.join(add['entities'])}")
            out.append("")
    if rec.get("disagreements"):
        out += ["", "## نقاط الخلاف", ""]
        for d in rec["disagreements"]:
            vals = " / ".join(f"{v['value']} ({cite(v['article_ids'])})" for v in d["values"])
            where = " (مع تغطية أخرى لليوم نفسه في القصة)" if d.get("related") else ""
            where += f" ({TOLL_ROSE})" if d.get("update") else ""
            out.append(f"- {DISAGREE_AR.get(d['kind'], d['kind'])} — {d.get('slot', '')}{where}: {vals}")
    if rec.get("quotes_by_speaker"):
        out += ["", "## التصريحات", ""]
        for group in rec["quotes_by_speaker"][:8]:
            out += [f"**{group['speaker'] or 'غير محدد'}**", ""]
            for q in group["quotes"][:3]:
                said = f"، {q['date']}" if q.get("date") else ""  # the day the words were said
                out.append(f"- «{q['text']}» ({outlet_label(q.get('outlet'))}{said})")
            out.append("")
    if rec.get("entities"):
        out += ["", "## الكيانات", "", "، ".join(f"{e['canonical']} ({e['count']})" for e in rec["entities"][:20])]
    if rec.get("provenance"):
        out += ["", "## مصدر النصوص", ""]
        shown, left_out = shown_provenance(rec["provenance"])
        for p in shown:
            outside = " (خارج الحدث)" if p.get("external") else ""
            out.append(f"- {cite([p['from']])}{outside} ← {cite([p['to']])}: {KIND_AR.get(p['kind'], p['kind'])} ({int(p['coverage'] * 100)}٪)")
        if left_out:
            out.append(f"- {more_copy_links(left_out)}")
    if rec.get("copy_groups"):
        out += ["", "## مجموعات النسخ", ""]
        for g in rec["copy_groups"]:
            out.append(f"- {cite([g['origin']])} ← {cite(g['copies'])} ({len(g['copies'])})")
    if rec.get("timeline"):
        out += ["", "## الخط الزمني للقصة", ""]
        for t in rec["timeline"]:
            out.append(f"- {t['date']}: {t['text']} ({'، '.join(map(outlet_label, t.get('outlets', [])))})")
    return "\n".join(out) + "\n"


_PAGE = """<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} — مرصد</title><style>{{ css }}</style></head>
<body><header><a href="index.html" class="brand">مرصد</a></header><main>{{ body }}</main>
<footer>أُنشئ بواسطة marsad</footer></body></html>"""

CSS = """
:root{--fg:#1d2430;--muted:#5b6573;--line:#e3e6ea;--accent:#0b6e4f;--warn:#9a3412;--bg:#fbfbfa}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);
font-family:"Noto Naskh Arabic","Noto Sans Arabic","Amiri","Segoe UI","Tahoma","Arial",sans-serif;line-height:1.9;font-size:18px}
header{background:#fff;border-bottom:1px solid var(--line);padding:.6rem 1.2rem}.brand{font-weight:700;color:var(--accent);text-decoration:none;font-size:1.3rem}
main{max-width:62rem;margin:0 auto;padding:1rem 1.2rem}h1{font-size:1.6rem;line-height:1.5}h2{font-size:1.2rem;border-bottom:1px solid var(--line);padding-bottom:.3rem;margin-top:2rem}
.meta{color:var(--muted);font-size:.9rem}.chip{display:inline-block;background:#eef5f1;color:var(--accent);border-radius:1rem;padding:0 .6rem;margin:0 .15rem;font-size:.8rem;text-decoration:none}
.story{background:#fff;border:1px solid var(--line);border-radius:.5rem;padding:.8rem 1rem;margin:.8rem 0}
.bar{display:flex;height:.5rem;border-radius:.25rem;overflow:hidden;margin:.4rem 0}.bar span{display:block;height:100%}
.disagree{border-right:4px solid var(--warn);padding-right:.6rem}ul{padding-right:1.2rem}a{color:var(--accent)}
footer{color:var(--muted);text-align:center;font-size:.8rem;padding:2rem}
"""
_COLORS = ["#0b6e4f", "#2563eb", "#9333ea", "#c2410c", "#0891b2", "#be123c", "#4d7c0f", "#a16207", "#475569", "#db2777"]


def _page(title: str, body: str) -> str:
    from markupsafe import Markup

    return _ENV.from_string(_PAGE).render(title=title, body=Markup(body), css=Markup(CSS))


def write_report(store: Store, folder: Path | str) -> int:
    """Index of stories plus one page per event (HTML, and Markdown beside it). Returns events written."""
    folder = Path(folder)
    (folder / "events").mkdir(parents=True, exist_ok=True)
    stories = store.conn.execute("SELECT * FROM stories ORDER BY last_date DESC, id").fetchall()
    outlet_color: dict[str, str] = {}
    n = 0
    index_parts = []
    for s in stories:
        evs = store.conn.execute("SELECT id, title, date, record FROM events WHERE story_id=? ORDER BY date, id", (s["id"],)).fetchall()
        counts: dict[str, int] = {}
        items = []
        for ev in evs:
            rec = json.loads(ev["record"]) if ev["record"] else {"id": ev["id"], "article_ids": []}
            arts = _articles(store, rec.get("article_ids", []))
            for a in arts.values():
                counts[a["outlet"] or "?"] = counts.get(a["outlet"] or "?", 0) + 1
            outside = sorted(({i for d in rec.get("disagreements", []) for v in d["values"] for i in v["article_ids"]}
                              | {g["origin"] for g in rec.get("copy_groups", [])}) - set(arts))
            cited = {**arts, **_articles(store, outside)}
            (folder / "events" / f"{_safe(ev['id'])}.html").write_text(_page(ev["title"] or ev["id"], _event_html(rec, arts, cited)), encoding="utf-8")
            (folder / "events" / f"{_safe(ev['id'])}.md").write_text(event_markdown(rec, store), encoding="utf-8")
            n += 1
            items.append(_ENV.from_string('<li><a href="events/{{ f }}.html">{{ t }}</a> <span class="meta">{{ d }} · {{ k }} مقال</span></li>')
                         .render(f=_safe(ev["id"]), t=ev["title"] or ev["id"], d=ev["date"] or "", k=len(arts)))
        total = sum(counts.values()) or 1
        bar = "".join(_ENV.from_string('<span style="width:{{ w }}%;background:{{ c }}" title="{{ o }}: {{ k }}"></span>')
                      .render(w=round(100 * k / total, 2), c=outlet_color.setdefault(o, _COLORS[len(outlet_color) % len(_COLORS)]), o=outlet_label(o), k=k)
                      for o, k in sorted(counts.items(), key=lambda kv: -kv[1]))
        index_parts.append(_ENV.from_string(
            '<section class="story"><h2>{{ title }}</h2><div class="meta">{{ first }} – {{ last }} · {{ n }} حدث · {{ total }} مقال</div>'
            '<div class="bar">{{ bar }}</div><ul>{{ items }}</ul></section>').render(
            title=s["title"] or s["id"], first=s["first_date"] or "", last=s["last_date"] or "", n=len(evs), total=sum(counts.values()),
            bar=_markup(bar), items=_markup("".join(items))))
    legend = " ".join(_ENV.from_string('<span class="chip" style="color:{{ c }}">{{ o }}</span>').render(o=outlet_label(o), c=c) for o, c in outlet_color.items())
    (folder / "index.html").write_text(_page("القصص", f"<h1>القصص</h1><p>{legend}</p>" + "".join(index_parts)), encoding="utf-8")
    return n


def _markup(s: str) -> Any:
    from markupsafe import Markup

    return Markup(s)


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", name)


_EVENT = """
<h1>{{ rec.title or rec.id }}</h1>
<p class="meta">{{ rec.date or '' }} · {{ rec.outlets|map('outlet')|join('، ') }} · {{ rec.article_ids|length }} مقال</p>
<h2>الملخص</h2><ul>
{% for s in rec.summary %}<li>{{ s.text }} {% for i in s.article_ids %}<span class="chip" title="{{ i }}">{{ (arts.get(i) or {}).get('outlet') | outlet or i }}</span>{% endfor %}</li>{% endfor %}
</ul>
{% if rec.outlet_additions %}<h2>ما يضيفه كل منفذ</h2>{% for a in rec.outlet_additions %}<h3>{{ a.outlet | outlet }}</h3><ul>{% for s in a.sentences %}<li>{{ s.text }}</li>{% endfor %}</ul>{% if a.entities %}<p>{% for x in a.entities %}<span class="chip">{{ x }}</span>{% endfor %}</p>{% endif %}{% endfor %}{% endif %}
{% if rec.disagreements %}<h2>نقاط الخلاف</h2>{% for d in rec.disagreements %}<div class="disagree"><strong>{{ labels.get(d.kind, d.kind) }}</strong> — {{ d.slot }}{% if d.related %} <span class="meta">(مع تغطية أخرى لليوم نفسه في القصة)</span>{% endif %}{% if d.update %} <span class="meta">({{ toll_rose }})</span>{% endif %}<ul>{% for v in d["values"] %}<li>{{ v.value }}: {% for i in v.article_ids %}<span class="chip">{{ (cited.get(i) or {}).get('outlet') | outlet or i }}</span>{% endfor %}</li>{% endfor %}</ul></div>{% endfor %}{% endif %}
{% if rec.quotes_by_speaker %}<h2>التصريحات</h2>{% for g in rec.quotes_by_speaker[:8] %}<h3>{{ g.speaker or 'غير محدد' }}</h3><ul>{% for q in g.quotes[:4] %}<li>«{{ q.text }}» <span class="chip">{{ q.outlet | outlet }}</span>{% if q.date %} <span class="meta" dir="ltr">{{ q.date }}</span>{% endif %}</li>{% endfor %}</ul>{% endfor %}{% endif %}
{% if rec.entities %}<h2>الكيانات</h2><p>{% for e in rec.entities[:25] %}<span class="chip" title="{{ e.variants|join('، ') }}">{{ e.canonical }} ({{ e.count }})</span>{% endfor %}</p>{% endif %}
{% if rec.provenance %}{% set shown, left_out = shown_provenance(rec.provenance) %}<h2>مصدر النصوص</h2><ul>{% for p in shown %}<li>{{ (arts.get(p['from']) or {}).get('outlet') | outlet or p['from'] }} ← {{ (arts.get(p.to) or {}).get('outlet') | outlet or p.to }}: {{ kinds.get(p.kind, p.kind) }} ({{ (p.coverage * 100)|round|int }}٪){% if p.source %} ★{% endif %}</li>{% endfor %}{% if left_out %}<li class="meta">{{ more_copy_links(left_out) }}</li>{% endif %}</ul>{% endif %}
{% if rec.copy_groups %}<h2>مجموعات النسخ</h2><ul>{% for g in rec.copy_groups %}<li>{{ (cited.get(g.origin) or {}).get('outlet') | outlet or g.origin }} ← {% for i in g.copies %}{{ (arts.get(i) or {}).get('outlet') | outlet or i }}{% if not loop.last %}، {% endif %}{% endfor %}</li>{% endfor %}</ul>{% endif %}
{% if rec.timeline %}<h2>الخط الزمني للقصة</h2><ul>{% for t in rec.timeline %}<li>{{ t.date }} — <a href="{{ t.event_id|default('') }}.html">{{ t.text }}</a> <span class="meta">{{ t.outlets|map('outlet')|join('، ') }}</span></li>{% endfor %}</ul>{% endif %}
<h2>المقالات</h2><ul>{% for i in rec.article_ids %}{% set a = arts.get(i) or {} %}<li>{{ a.get('published') | when }} · {{ a.get('outlet') | outlet }} · {{ a.get('title') or i }}{% if a.get('duplicate_of') %} <span class="meta">(مكرر)</span>{% endif %}</li>{% endfor %}</ul>
"""


def _event_html(rec: dict[str, Any], arts: dict[str, dict[str, Any]], cited: dict[str, dict[str, Any]] | None = None) -> str:
    return _ENV.from_string(_EVENT).render(rec=rec, arts=arts, cited=cited if cited is not None else arts, labels=DISAGREE_AR, kinds=KIND_AR,
                                          toll_rose=TOLL_ROSE)
