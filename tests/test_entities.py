"""Entities: canonical forms free of glued conjunctions and prepositions, titles not taken for names."""

from __future__ import annotations

from marsad import extract_entities
from marsad.nlp.entities import _bare_name


def test_a_glued_conjunction_or_preposition_leaves_the_canonical_form() -> None:
    assert _bare_name("وفراس البريكان") == "فراس البريكان"  # a known first name after و
    assert _bare_name("للأردن") == "الأردن"  # ل + the article
    assert _bare_name("وبوتين") == "بوتين"
    assert _bare_name("والرياض") == "الرياض"


def test_letters_that_belong_to_the_name_stay() -> None:
    for name in ["فراس البريكان", "لبنان", "بغداد", "فلاديمير بوتين", "لافروف", "كوريا الجنوبية", "بريطانيا",
                 "واين روني"]:  # و + a function word (أين) is no split: the name is Wayne
        assert _bare_name(name) == name


def test_the_body_an_office_belongs_to_is_not_the_office_holder() -> None:
    ents = extract_entities("وقال الأمين العام للأمم المتحدة أنطونيو غوتيريش إن الوضع خطير.")
    people = [e for e in ents if e.type == "PER"]
    assert [e.canonical for e in people] == ["أنطونيو غوتيريش"]
    assert not any(e.text.startswith("للأمم") and e.type == "PER" for e in ents)


def test_a_speech_verb_is_not_the_first_word_of_a_name_and_lineage_names_keep_their_family_name() -> None:
    text = ("أكد المستشار القانوني والمحامي سالم بن عبدالله العتيبي أن القضية معقدة. "
            "وأوضح العتيبي وهو متخصص في قضايا الأسهم، أن التعويض حق.")
    names = {e.text: e.canonical for e in extract_entities(text) if e.type == "PER"}
    assert names.get("سالم بن عبدالله العتيبي") == "سالم بن عبدالله العتيبي"
    assert not [t for t in names if t.startswith(("وأوضح", "والمحامي"))]


def test_a_name_stops_at_its_holders_office_and_at_the_words_after_it() -> None:
    def people(text: str) -> list[str]:
        return [e.text for e in extract_entities(text) if e.type == "PER"]

    assert people("وقال الأمير فهد بن سلطان بن عبد العزيز أمير منطقة تبوك إن") == ["فهد بن سلطان بن عبد العزيز"]
    assert people("حضر الدكتور عبدالإله بن محمد الحديثي وعدد من المسؤولين") == ["عبدالإله بن محمد الحديثي"]
    assert people("شارك الأمير خالد بن طلال بزيارة الدار") == ["خالد بن طلال"]
    # a proclitic letter right after بن is the father's name ("بن لادن"), and a first name may begin with و
    assert people("قال الشيخ أسامة بن لادن") == ["أسامة بن لادن"]
    assert people("وقال المدرب وليد الركراكي إن") == ["وليد الركراكي"]


def test_no_entity_is_read_off_a_verb_a_minister_portfolio_or_a_finished_sentence() -> None:
    text = ("التقى وزير الخارجية التركي نظيره الروسي في أنقرة.\nواتفق الجانبان على مواصلة المشاورات، "
            "فيما أكد النادي أن المدرب الجديد سيعلن خلال أيام. وقال الأمين العام للأمم المتحدة إن المشاورات مهمة. "
            "وقال د. سامر الخطيب إن الاتفاق قريب.")
    ents = {(e.text, e.type, e.canonical) for e in extract_entities(text)}
    assert not any(e[0] in ("الخارجية", "واتفق", "سيعلن") for e in ents), ents
    assert ("للأمم المتحدة", "ORG", "الأمم المتحدة") in ents  # ل + the article, written لل
    assert any(e[1] == "PER" and e[2] == "سامر الخطيب" for e in ents)  # the dot of "د." still joins the name
    # the ministry itself, and a first name that starts like a future verb, stay
    ents = {(e.text, e.canonical) for e in extract_entities("وقالت وزارة الخارجية إن اللاعب سيف الحربي وصل إلى الرياض.")}
    assert ("وزارة الخارجية", "وزارة الخارجية") in ents and any(c == "سيف الحربي" for _t, c in ents), ents


def test_lexicon_features_carry_the_types_a_word_got_on_unlabelled_news() -> None:
    from marsad.nlp.ner_features import lexicon_bin, sentence_features, set_lexicon

    assert lexicon_bin({"O": 97, "PER": 3}) == "O"  # tagged as a name in under 5% of its mentions
    assert lexicon_bin({"O": 10, "PER": 85, "ORG": 5}) == "ORG=lo PER=hi"
    assert lexicon_bin({"O": 60, "LOC": 40}) == "LOC=mid"
    try:
        set_lexicon({"سوغياما": "PER=hi"})
        feats = sentence_features(["وقالت", "سوغياما", "إن"])
        assert "lex:PER=hi" in feats[1]
        assert "-1:lex:PER=hi" in feats[2]  # a neighbour's lexicon entry informs the next word's tag too
        assert "lex:none" in feats[0]
        set_lexicon({})
        assert not any(f.startswith("lex:") for f in sentence_features(["سوغياما"])[0])
    finally:
        set_lexicon(None)
    assert any(f.startswith("lex:") for f in sentence_features(["الرياض"])[0])  # the shipped lexicon is loaded
