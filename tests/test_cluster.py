"""Event clusterer internals whose failure would not show in the demo's event counts."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import random
import subprocess
import sys

from marsad.cluster.events import ArticleFeatures, Event, EventClusterer


def _article(i: int, day: dt.date, terms: dict[str, float], entities: frozenset[str] = frozenset()) -> ArticleFeatures:
    norm = math.sqrt(sum(w * w for w in terms.values()))
    ranked = sorted(terms.items(), key=lambda kv: -kv[1])  # as article_features orders them
    return ArticleFeatures(id=f"a{i}", date=day, terms={t: w / norm for t, w in ranked},
                           title_terms=frozenset(terms), entities=entities)


def test_the_centroid_norm_kept_while_adding_equals_the_recomputed_one() -> None:
    rng = random.Random(7)
    e = Event(id="e", first=dt.date(2026, 1, 1), last=dt.date(2026, 1, 1))
    for _ in range(200):
        e.add_vector({f"t{rng.randrange(60)}": rng.random() for _ in range(10)})
        exact = math.sqrt(sum(v * v for v in e.centroid.values()))
        assert math.isclose(e.norm(), exact, rel_tol=1e-9)
    loaded = Event.from_features("e", e.to_features())
    assert math.isclose(loaded.norm(), math.sqrt(sum(v * v for v in loaded.centroid.values())), rel_tol=1e-9)


def test_a_matching_article_joins_a_recent_event_but_not_one_outside_the_window() -> None:
    terms = {"ميناء": 1.0, "انفجار": 0.9, "بيروت": 0.8, "ضحايا": 0.5}
    c = EventClusterer()
    first = c.assign(_article(1, dt.date(2026, 1, 1), terms))
    assert c.assign(_article(2, dt.date(2026, 1, 2), terms)) == first
    # the same words a month later are another happening, and the old event is no candidate
    later = _article(3, dt.date(2026, 2, 1), terms)
    assert first not in c.candidates(later)
    assert c.assign(later) != first


def test_an_event_is_filed_once_per_term_under_its_latest_day_and_pruning_forgets_it() -> None:
    terms = {"ميناء": 1.0, "انفجار": 0.9, "بيروت": 0.8}
    c = EventClusterer()
    days = [dt.date(2026, 1, 1), dt.date(2026, 1, 1), dt.date(2026, 1, 2), dt.date(2026, 1, 3)]
    eid = {c.assign(_article(i, day, terms)) for i, day in enumerate(days)}.pop()
    for t in terms:
        filed = [(day, e) for day, bucket in c.index[t].items() for e in bucket]
        assert filed == [(dt.date(2026, 1, 3).toordinal(), eid)]
    # an article too late for the time decay to let it join does not even see the event as a candidate
    assert eid in c.candidates(_article(9, dt.date(2026, 1, 5), terms))
    assert eid not in c.candidates(_article(9, dt.date(2026, 1, 8), terms))
    c.prune(dt.date(2026, 3, 1))
    assert not c.index and eid not in c.events and eid in c.retired


def test_an_unrelated_article_opens_its_own_event() -> None:
    c = EventClusterer()
    first = c.assign(_article(1, dt.date(2026, 1, 1), {"ميناء": 1.0, "انفجار": 0.9, "بيروت": 0.8}))
    other = c.assign(_article(2, dt.date(2026, 1, 1), {"مباراة": 1.0, "الهلال": 0.9, "النصر": 0.8}))
    assert other != first
    assert len(c.all_events()) == 2


def test_a_page_of_one_or_two_words_opens_its_own_event() -> None:
    # daily cartoon pages titled "كاريكاتير" (and a date) match each other perfectly; they are different items
    c = EventClusterer()
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=i // 2) for i in range(6)]
    pages = {c.assign(_article(i, day, {"كاريكاتير": 1.0, "2026": 0.4, str(day.day): 0.3})) for i, day in enumerate(days)}
    assert len(pages) == 6
    # three words are enough to compare: the same pages with them form one event
    c = EventClusterer()
    assert len({c.assign(_article(i, day, {"كاريكاتير": 1.0, "الانتخابات": 0.8, "البلدية": 0.7})) for i, day in enumerate(days)}) == 1


def test_a_forced_event_not_in_memory_is_loaded_on_demand() -> None:
    terms = {"ميناء": 1.0, "انفجار": 0.9, "بيروت": 0.8}
    old = EventClusterer()
    eid = old.assign(_article(1, dt.date(2026, 1, 1), terms))
    stored = {eid: Event.from_features(eid, old.events[eid].to_features())}
    asked: list[str] = []

    def load(event_id: str) -> Event | None:
        asked.append(event_id)
        return stored.get(event_id)

    later = EventClusterer([], loader=load)  # a run that did not load the six-day-old event
    other = {"مباراة": 1.0, "الهلال": 0.9}  # a copy whose words alone would not reach the event
    assert later.assign(_article(2, dt.date(2026, 1, 7), other), forced_event=eid) == eid
    assert asked == [eid] and later.events[eid].size == 2


def test_two_events_of_one_happening_merge_once_their_members_agree() -> None:
    # two rewrites of one happening: each first article is too far from the other's to join it,
    # but once each event has a second member the two centroids are close
    a1 = {"ميناء": 1.0, "انفجار": 0.9, "بيروت": 0.8, "حريق": 0.3}
    b1 = {"مرفأ": 1.0, "تفجير": 0.9, "بيروت": 0.5, "ضحايا": 0.8}
    both = {"ميناء": 0.7, "انفجار": 0.6, "بيروت": 0.9, "مرفأ": 0.9, "تفجير": 0.8, "ضحايا": 0.6}
    beirut = frozenset({"بيروت"})  # all three name the place
    c = EventClusterer()
    day = dt.date(2026, 1, 1)
    first = c.assign(_article(1, day, a1, beirut))
    second = c.assign(_article(2, day, b1, beirut))
    assert first != second
    survivor = c.assign(_article(3, day, both, beirut))
    assert len(c.events) == 1 and survivor in c.events
    assert {c.resolve(c.article_event[f"a{i}"]) for i in (1, 2, 3)} == {survivor}
    gone = ({first, second} - {survivor}).pop()
    assert c.resolve(gone) == survivor and c.events[survivor].size == 3
    # an article forced to the merged-away event (a copy of a stored member) lands in the survivor
    assert c.assign(_article(4, day, {"مباراة": 1.0}), forced_event=gone) == survivor


def test_events_of_different_days_do_not_merge() -> None:
    terms = {"ميناء": 1.0, "انفجار": 0.9, "بيروت": 0.8}
    c = EventClusterer()
    first = c.assign(_article(1, dt.date(2026, 1, 1), terms))
    second = c.assign(_article(2, dt.date(2026, 1, 4), {"مرفأ": 1.0, "تفجير": 0.9, "ضحايا": 0.8}))
    # copies of the first event's text forced into the second (as reuse edges would) make the two
    # centroids alike, but three days apart they stay two happenings
    for i in (3, 4, 5):
        assert c.assign(_article(i, dt.date(2026, 1, 4), terms), forced_event=second) == second
    assert first in c.events and second in c.events


# the scripts below run in fresh interpreters; each builds its articles with this helper (as _article above)
_ARTICLE = """
import datetime as dt, json, math, random
from marsad.cluster.events import ArticleFeatures, EventClusterer
def article(i, day, terms, ents):
    norm = math.sqrt(sum(w * w for w in terms.values()))
    ranked = sorted(terms.items(), key=lambda kv: -kv[1])
    return ArticleFeatures(id=f"a{i}", date=dt.date(2026, 1, 1) + dt.timedelta(days=day),
                           terms={t: w / norm for t, w in ranked}, title_terms=frozenset(), entities=frozenset(ents))
"""

_STREAM = _ARTICLE + """
rng = random.Random(11)
vocab = [f"w{i}" for i in range(120)]
c = EventClusterer()
for i in range(400):
    topic = rng.randrange(25)
    terms = {vocab[(topic * 4 + k) % 120]: 1.0 + rng.random() for k in range(8)}
    terms.update({rng.choice(vocab): rng.random() for _ in range(6)})
    ents = [f"p{topic}" if rng.random() < 0.7 else f"p{rng.randrange(25)}" for _ in range(2)]
    c.assign(article(i, i // 40, terms, ents))
print(json.dumps(sorted(c.article_event.items())))
"""


def _outputs_under_hash_seeds(script: str, seeds: tuple[str, ...] = ("1", "2", "3", "4")) -> list[str]:
    """What ``script`` prints in a fresh interpreter under each PYTHONHASHSEED (set and dict-key order differ)."""
    return [subprocess.run([sys.executable, "-c", script], env={**os.environ, "PYTHONHASHSEED": seed},
                           capture_output=True, text=True, check=True).stdout for seed in seeds]


def test_the_partition_does_not_depend_on_the_string_hash_seed() -> None:
    # scores sum over set intersections, whose order follows the per-process string hash: a re-run must still
    # give the same events
    runs = [json.loads(out) for out in _outputs_under_hash_seeds(_STREAM, ("1", "2", "3"))]
    assert runs[0] == runs[1] == runs[2]
    n_events = len({e for _a, e in runs[0]})
    assert 1 < n_events < 400


_STORIES = _ARTICLE + """
from marsad.cluster.events import DocumentFrequencies
from marsad.cluster.stories import StoryLinker
rng = random.Random(17)
vocab = [f"w{i}" for i in range(200)]
c = EventClusterer()
for i in range(300):
    topic = rng.randrange(12)
    # weak shared vocabulary: the entities decide which story an event continues
    terms = {vocab[(topic * 9 + k) % 200]: 0.3 * rng.random() for k in range(3)}
    terms.update({rng.choice(vocab): rng.random() for _ in range(14)})
    # many entities seen once each: which of them are an event's "top" ones is a matter of breaking ties
    ents = [f"p{topic}-{rng.randrange(30)}" for _ in range(8)]
    c.assign(article(i, i // 10, terms, ents))
# names weigh by corpus counts (the number in each name is its only counted word): float sums over sets
linker = StoryLinker(dfs=DocumentFrequencies({str(k): 1 + (k * 37) % 40 for k in range(30)}, n_docs=300))
stories = {e.id: linker.assign(e) for e in sorted(c.all_events(), key=lambda e: (e.first, e.id))}
print(json.dumps(sorted(stories.items())))
"""


def test_storylines_do_not_depend_on_the_string_hash_seed() -> None:
    # an event's entities come from sets, whose order follows the per-process string hash; ties among its top
    # entities once broke differently from one run to the next, and so did the stories
    runs = [json.loads(out) for out in _outputs_under_hash_seeds(_STORIES)]
    assert runs[0] == runs[1] == runs[2] == runs[3]
    n_events, n_stories = len(runs[0]), len({s for _e, s in runs[0]})
    assert 1 < n_stories < n_events


_DOTS = """
import random
from marsad.cluster.events import sparse_dot
rng = random.Random(5)
for _ in range(30):
    a = {f"t{rng.randrange(400)}": rng.random() for _ in range(150)}
    b = {f"t{rng.randrange(400)}": rng.random() for _ in range(150)}
    print(repr(sparse_dot(a, b)))
"""


def test_a_sparse_dot_product_is_bit_identical_whatever_the_hash_seed() -> None:
    assert len(set(_outputs_under_hash_seeds(_DOTS))) == 1


def test_a_template_or_filled_in_edge_does_not_pull_an_article_into_the_earlier_event() -> None:
    from marsad.cluster.events import reuse_event

    article_event = {"old": "e-old"}
    copy = {"from": "old", "to": "new", "kind": "copy", "coverage": 0.9}
    template = {"from": "old", "to": "new", "kind": "template", "coverage": 0.9}
    assert reuse_event("new", [copy], article_event) == "e-old"
    assert reuse_event("new", [template], article_event) is None
    # a copy whose two texts name different places: a formula filled in for another happening, left to similarity
    filled_in = {**copy, "names_differ": True}
    assert reuse_event("new", [filled_in], article_event) is None
    assert reuse_event("new", [filled_in, {**copy, "from": "older", "coverage": 0.7}], {**article_event, "older": "e-1"}) == "e-1"


def test_headline_ordinals_skip_names_months_and_idioms() -> None:
    from marsad.arabic.ordinals import headline_ordinals

    assert headline_ordinals("وصول ثاني طائرة إغاثة سعودية إلى مطار عدن") == {2}
    assert headline_ordinals("طائرة إغاثية ثانية تصل عدن") == {2}
    assert headline_ordinals("الأهلي يكسب أولى لقاءاته الودية") == {1}
    assert headline_ordinals("الدفعة الثالثة من الحجاج تصل بعد الدفعة الثانية") == {2, 3}
    # names, months, idioms and teens are no ordinal of the happening
    for title in ("الملك عبدالله الثاني يستقبل وزير الخارجية", "اجتماع في 28 كانون الثاني المقبل",
                  "لأول مرة منذ عقد", "وصل أول أمس إلى الرياض", "الدورة الحادي عشر للمعرض", "الجولة الثانية عشرة",
                  "الأمطار تغرق شوارع جدة"):
        assert headline_ordinals(title) == frozenset(), title


def test_the_second_of_a_series_opens_its_own_event() -> None:
    from dataclasses import replace

    from marsad.arabic.ordinals import headline_ordinals

    terms = {"طائره": 1.0, "اغاثه": 0.9, "مطار": 0.8, "عدن": 0.8}
    c = EventClusterer()
    day = dt.date(2026, 1, 1)
    first = c.assign(replace(_article(1, day, terms), ordinals=headline_ordinals("وصول أول طائرة إغاثة إلى عدن")))
    # the same wording without an ordinal, or with the same one, joins
    assert c.assign(_article(2, day, terms)) == first
    assert c.assign(replace(_article(3, day, terms), ordinals=headline_ordinals("أول طائرة إغاثة تهبط في عدن"))) == first
    # the next day's second plane is another happening, though worded alike
    second = c.assign(replace(_article(4, day + dt.timedelta(days=1), terms),
                              ordinals=headline_ordinals("وصول ثاني طائرة إغاثة إلى عدن")))
    assert second != first and first in c.events and second in c.events
    # a copy forced into the first event still goes there (reuse decides, not the headline)
    forced = replace(_article(5, day, terms), ordinals=frozenset({2}))
    assert c.assign(forced, forced_event=first) == first
    # and the ordinals are kept with a stored event
    assert Event.from_features(first, c.events[first].to_features()).ordinals == {1, 2}


def _story_event(eid: str, day: int, headline: str, names: dict[str, int]) -> Event:
    from collections import Counter

    from marsad.arabic.tokens import content_terms

    return Event(id=eid, first=dt.date(2015, 8, day), last=dt.date(2015, 8, day), size=3,
                 centroid={t: float(n) for t, n in Counter(content_terms(headline)).items()}, entities=Counter(names))


def test_a_storyline_continues_through_a_specific_name_not_through_the_names_in_every_article() -> None:
    from marsad.arabic.tokens import content_terms
    from marsad.cluster.events import DocumentFrequencies, override_params
    from marsad.cluster.stories import StoryLinker

    # a corpus of 2,000 articles where the prince and the royal wording are everywhere, Egypt and Jordan rare
    common = ["محمد بن سلمان", "الملك عبدالله الثاني", "ولي العهد يصل زيارة رسمية يبحث العلاقات"]
    counts = {t: 600 for text in common for t in content_terms(text)}
    counts.update({t: 30 for text in ("مصر", "السيسي", "القاهرة", "الأردن", "عمان") for t in content_terms(text)})
    dfs = DocumentFrequencies(counts, n_docs=2000)
    cairo = _story_event("e1", 1, "ولي ولي العهد يصل القاهرة في زيارة رسمية ويبحث مع السيسي العلاقات الثنائية",
                         {"محمد بن سلمان": 3, "مصر": 2, "السيسي": 2})
    declaration = _story_event("e2", 2, "إعلان القاهرة يؤكد التعاون العسكري مع مصر",
                               {"محمد بن سلمان": 1, "مصر": 2, "السيسي": 1})
    amman = _story_event("e3", 5, "ولي ولي العهد يصل الأردن ويلتقي الملك عبدالله الثاني في عمان",
                         {"محمد بن سلمان": 3, "الأردن": 2, "الملك عبدالله الثاني": 2})

    def stories() -> list[str]:
        linker = StoryLinker(dfs=dfs)
        return [linker.assign(e) for e in (cairo, declaration, amman)]

    visit_egypt, declared, visit_jordan = stories()
    assert declared == visit_egypt  # Egypt and Sisi carry the storyline
    assert visit_jordan != visit_egypt  # only the prince and the wording of royal visits in common
    # the same three events with every name counted as specific: the Jordan visit joins the Egypt one
    override_params({"story_entity_share": 1.0})
    try:
        assert len(set(stories())) == 1
    finally:
        override_params({})


def test_places_in_common_do_not_make_a_storyline_without_words_in_common() -> None:
    from marsad.arabic.tokens import content_terms
    from marsad.cluster.events import DocumentFrequencies, override_params
    from marsad.cluster.stories import StoryLinker

    counts = {t: 20 for text in ("الطائف", "جدة", "سوق عكاظ") for t in content_terms(text)}
    dfs = DocumentFrequencies(counts, n_docs=2000)
    festival = _story_event("e1", 1, "سوق عكاظ يستعد لانطلاق دورته التاسعة بالطائف بمشاركة الشعراء والحرفيين",
                            {"الطائف": 3, "جدة": 1, "سوق عكاظ": 3})
    program = _story_event("e2", 3, "برنامج سوق عكاظ الثقافي يضم أمسيات الشعراء ومعارض الحرفيين",
                           {"الطائف": 2, "سوق عكاظ": 2})
    slap = _story_event("e3", 4, "فيديو فتاة تصفع شابا تحرش بها في مجمع تجاري",
                        {"الطائف": 1, "جدة": 1})

    def stories() -> list[str]:
        linker = StoryLinker(dfs=dfs)
        return [linker.assign(e) for e in (festival, program, slap)]

    first, second, third = stories()
    assert second == first  # the festival's wording and names go on
    assert third != first  # the same two cities, and no word in common
    override_params({"story_min_cos": 0.0})  # without the floor the cities alone join it
    try:
        assert len(set(stories())) == 1
    finally:
        override_params({})


def test_a_town_in_common_is_not_a_storyline_without_close_wording() -> None:
    # local pages name their town in every article: a fire and the governor's condolence visit there are two
    # storylines, while the fire's investigation continues the fire's
    from dataclasses import replace

    from marsad.cluster.events import DocumentFrequencies, params
    from marsad.cluster.stories import StoryLinker, _cos

    town = "دومة الجندل"
    dfs = DocumentFrequencies({"دومه": 20, "الجندل": 20}, n_docs=2000)
    fire = _story_event("e1", 1, "الدفاع المدني يخمد حريقا كبيرا شب في مزرعة نخيل غرب دومة الجندل دون إصابات بشرية",
                        {town: 3})
    condolences = _story_event("e2", 4, "محافظ دومة الجندل يقدم واجب العزاء لأسرة الفقيد في منزلهم", {town: 2})
    inquiry = _story_event("e3", 5, "التحقيق يكشف سبب حريق مزرعة نخيل دومة الجندل: ماس كهربائي", {town: 1})
    cos = _cos(condolences.centroid, condolences.norm(), fire.centroid, fire.norm())
    assert params()["story_min_cos"] <= cos < params()["story_place_cos"]  # a little wording, not enough

    def stories(tagged_as_place: bool) -> list[str]:
        linker = StoryLinker(dfs=dfs)
        places = {town} if tagged_as_place else set()
        return [linker.assign(replace(e, places=places)) for e in (fire, condolences, inquiry)]

    first, second, third = stories(tagged_as_place=True)
    assert second != first  # only the town in common
    assert third == first  # the fire's own words go on
    # the same name tagged as a person or a body still carries a storyline with so few words in common
    first, second, _third = stories(tagged_as_place=False)
    assert second == first


def test_an_events_places_are_kept_with_the_stored_event() -> None:
    from marsad.cluster.events import DocumentFrequencies, article_features

    dfs = DocumentFrequencies()
    body = "أخمدت فرق الدفاع المدني في صبيا حريقا شب في مستودع للمواد الغذائية وأصيب أحد الإطفائيين بإصابة متوسطة"
    a = article_features("a1", "حريق مستودع في صبيا", body, "2015-07-26", ["صبيا", "الدفاع المدني"], dfs,
                         fallback_date=dt.date(2015, 7, 26), places=["صبيا"])
    c = EventClusterer()
    eid = c.assign(a)
    assert c.events[eid].places == {"صبيا"}
    assert Event.from_features(eid, c.events[eid].to_features()).places == {"صبيا"}


def test_an_articles_terms_come_from_its_lead_not_from_the_background_below_it() -> None:
    # round-ups retell other happenings below their lead ("ومن جانب آخر، …"): those words must not pull the article
    # into another event, so the vector reads the headline and the lead (params body_chars: 800 characters)
    from marsad.cluster.events import DocumentFrequencies, article_features
    lead = ("أعلنت وزارة الداخلية في المنامة إحباط تهريب شحنة متفجرات وأسلحة عبر البحر واعتقال شخصين على متن قارب "
            "صغير قرب السواحل، وقالت إن خفر السواحل رصد القارب ليلا وضبط المتفجرات والذخيرة. ") * 5
    speech = ("ومن جانب آخر، قال زعيم الحزب في خطاب متلفز إن الحزب واثق من استمرار الدعم المالي والسياسي بعد الاتفاق، "
              "وإن العقوبات الجديدة على قادته لا تقدم ولا تؤخر. ") * 6
    day = dt.date(2026, 3, 2)
    dfs = DocumentFrequencies()
    alone = article_features("a1", "المنامة تعلن إحباط تهريب متفجرات", lead, "2026-03-02", [], dfs, fallback_date=day)
    roundup = article_features("a2", "المنامة تعلن إحباط تهريب متفجرات", lead + speech, "2026-03-02", [], dfs, fallback_date=day)
    assert len(lead) >= 800  # the lead alone fills the window
    assert set(roundup.terms) == set(alone.terms)
    assert not {"زعيم", "خطاب", "عقوبات"} & {t for t in roundup.terms}
