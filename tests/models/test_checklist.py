"""The checklist schema and the evaluation of answers (pure, no files)."""
from __future__ import annotations

import tomllib
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.checklist import (
    TemplateError,
    case_fields,
    make_answers,
    missing_required,
    next_contact_date,
    parse_template,
    progress,
    readable_answers,
    unknown_answers,
    validate_answers,
    visible_items,
)
from models.vocab import Vocabularies

VOCABS = Vocabularies.from_dict({
    "version": 1,
    "vocabularies": {
        "behaviour": {"codes": {
            "pesten": {"nl": "Pesten", "en": "Bullying"},
            "intimidatie": {"nl": "Intimidatie", "en": "Intimidation"},
        }},
        "accused_relation": {"codes": {
            "collega": {"nl": "Collega", "en": "Colleague"},
            "leidinggevende": {"nl": "Leidinggevende", "en": "Manager"},
        }},
        "follow_up": {"codes": {
            "klacht": {"nl": "Klacht", "en": "Complaint"},
            "geen_vervolg": {"nl": "Geen vervolg", "en": "No follow-up"},
        }},
        "contact_kind": {"codes": {
            "intake": {"nl": "Intake", "en": "Intake"},
            "vervolg": {"nl": "Vervolg", "en": "Follow-up"},
        }},
    },
})

SOURCE = '''\
id = "demo"
version = 2
contact_kinds = ["intake"]

[title]
nl = "Proef"
en = "Demo"

[[items]]
id = "explained"
kind = "check"
required = true
text.nl = "Uitgelegd"
text.en = "Explained"
hint.nl = "Zeg het"
hint.en = "Say it"

[[items]]
id = "danger"
kind = "choice"
required = true
text.nl = "Gevaar?"
text.en = "Danger?"
options = [
  { code = "nee", nl = "Nee", en = "No" },
  { code = "ja", nl = "Ja", en = "Yes" },
]

[[items]]
id = "escalate"
kind = "check"
required = true
show_if = { item = "danger", equals = "ja" }
text.nl = "Veiligheid geregeld"
text.en = "Safety arranged"
guidance.nl = "Bel 112"
guidance.en = "Call 112"

[[items]]
id = "consent"
kind = "choice"
show_if = { item = "escalate", equals = true }
text.nl = "Toestemming"
text.en = "Consent"
options = [
  { code = "ja", nl = "Ja", en = "Yes" },
  { code = "nee", nl = "Nee", en = "No" },
]

[[items]]
id = "behaviour"
kind = "vocab"
vocabulary = "behaviour"
fills = "behaviour"
required = true
text.nl = "Gedrag"
text.en = "Behaviour"

[[items]]
id = "relation"
kind = "choice"
fills = "accused_relation"
text.nl = "Relatie"
text.en = "Relation"
options = [
  { code = "collega", nl = "Collega", en = "Colleague" },
  { code = "leidinggevende", nl = "Leidinggevende", en = "Manager" },
]

[[items]]
id = "topics"
kind = "multi"
text.nl = "Onderwerpen"
text.en = "Topics"
options = [
  { code = "a", nl = "A", en = "A" },
  { code = "b", nl = "B", en = "B" },
  { code = "c", nl = "C", en = "C" },
]

[[items]]
id = "topic_b_done"
kind = "check"
show_if = { item = "topics", in = ["b", "c"] }
text.nl = "B of C besproken"
text.en = "B or C discussed"

[[items]]
id = "next"
kind = "date"
reminder = true
text.nl = "Volgende keer"
text.en = "Next time"

[[items]]
id = "mark"
kind = "number"
integer = true
min = 1
max = 10
text.nl = "Cijfer"
text.en = "Mark"

[[items]]
id = "other"
kind = "short"
max_length = 20
may_identify = false
text.nl = "Anders"
text.en = "Other"
'''


def load(text: str = SOURCE, vocabs=VOCABS):
    return parse_template(tomllib.loads(text), text, vocabs)


def line_of(text: str, fragment: str, nth: int = 0) -> int:
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if fragment in line]
    return hits[nth]


@pytest.fixture(scope="module")
def tpl():
    return load()


# ---------------------------------------------------------------------------------- parsing

def test_parse_builds_items_in_order(tpl):
    assert tpl.id == "demo" and tpl.version == 2
    assert tpl.item_ids[:3] == ("explained", "danger", "escalate")
    assert tpl.item("behaviour").options[1].label_in("en") == "Intimidation"
    assert tpl.title_in("en") == "Demo"
    assert tpl.source_text == SOURCE


def test_vocab_item_without_vocabularies_has_no_options_but_parses():
    t = load(vocabs=None)
    assert t.item("behaviour").options == ()
    # codes cannot be checked without the vocabularies, so any code passes
    assert validate_answers(t, {"behaviour": "whatever"}) == []


@pytest.mark.parametrize("old, new, fragment, words", [
    ('required = true\ntext.nl = "Uitgelegd"', 'requried = true\ntext.nl = "Uitgelegd"',
     "requried", "unknown key 'requried'"),
    ('kind = "choice"\nrequired = true\ntext.nl = "Gevaar?"', 'kind = "keuze"\nrequired = true\ntext.nl = "Gevaar?"',
     'kind = "keuze"', "kind must be one of"),
    ('text.en = "Safety arranged"', 'text.en = ""', 'text.en = ""', "lacks a non-empty en text"),
    ('show_if = { item = "danger", equals = "ja" }', 'show_if = { item = "danger", equals = "misschien" }',
     "misschien", "not an option of 'danger'"),
    ('show_if = { item = "escalate", equals = true }', 'show_if = { item = "later", equals = true }',
     'item = "later"', "not an earlier item"),
    ('{ code = "b", nl = "B", en = "B" }', '{ code = "B", nl = "B", en = "B" }', 'code = "B"',
     "needs a code"),
    ('max_length = 20\nmay_identify = false', 'max_length = 80\nmay_identify = false', "max_length = 80",
     "max_length between 1 and 40"),
    ('max_length = 20\nmay_identify = false', 'max_length = 20\nmay_identify = true', "may_identify = true",
     "may_identify = false"),
    ('id = "relation"', 'id = "danger"', 'id = "danger"', "used twice"),
    ('fills = "accused_relation"', 'fills = "behaviour"', 'code = "collega"', "not a code of 'behaviour'"),
    ('version = 2', 'version = 0', 'version = 0', "version number"),
    ('{ code = "leidinggevende", nl = "Leidinggevende", en = "Manager" }',
     '{ code = "baas", nl = "Baas", en = "Boss" }', 'code = "baas"', "not a code of 'accused_relation'"),
])
def test_schema_errors_name_the_line(old, new, fragment, words):
    assert old in SOURCE
    bad = SOURCE.replace(old, new, 1)
    nth = 1 if fragment == 'id = "danger"' else 0
    with pytest.raises(TemplateError) as info:
        load(bad)
    assert words in info.value.message
    assert info.value.line == line_of(bad, fragment, nth)
    assert str(info.value).startswith(f"line {info.value.line}: ")


def test_a_case_field_is_filled_by_one_item_only():
    bad = SOURCE.replace('fills = "accused_relation"', 'fills = "behaviour"')
    with pytest.raises(TemplateError) as info:
        load(bad, vocabs=None)
    assert "already filled by item 'behaviour'" in info.value.message
    assert info.value.line == line_of(bad, 'fills = "behaviour"', 1)


def test_missing_text_points_at_the_items_header():
    bad = SOURCE.replace('text.nl = "Cijfer"\ntext.en = "Mark"\n', "")
    with pytest.raises(TemplateError) as info:
        load(bad)
    assert "text is missing" in info.value.message
    # the item with the missing key starts at its [[items]] header, just above id = "mark"
    assert info.value.line == line_of(bad, 'id = "mark"') - 1


def test_key_not_for_this_kind_is_refused():
    bad = SOURCE.replace('id = "next"\nkind = "date"', 'id = "next"\nkind = "date"\nmax_length = 4')
    with pytest.raises(TemplateError) as info:
        load(bad)
    assert "does not apply to a date item" in info.value.message
    assert info.value.line == line_of(bad, "max_length = 4")


def test_unknown_contact_kind_and_vocabulary_are_refused():
    with pytest.raises(TemplateError, match="not a contact kind"):
        load(SOURCE.replace('["intake"]', '["koffie"]'))
    with pytest.raises(TemplateError, match="no vocabulary 'gedrag'"):
        load(SOURCE.replace('vocabulary = "behaviour"', 'vocabulary = "gedrag"'))


def test_error_without_source_has_no_line():
    data = tomllib.loads(SOURCE)
    data["items"][0]["kind"] = "radio"
    with pytest.raises(TemplateError) as info:
        parse_template(data)
    assert info.value.line is None
    assert str(info.value) == info.value.message


def test_show_if_on_check_needs_a_boolean():
    bad = SOURCE.replace('show_if = { item = "escalate", equals = true }',
                         'show_if = { item = "escalate", equals = "ja" }')
    with pytest.raises(TemplateError, match="true or false"):
        load(bad)


# ---------------------------------------------------------------------------------- evaluation

def ids(items):
    return [it.id for it in items]


def test_conditions_show_and_hide_items(tpl):
    assert "escalate" not in ids(visible_items(tpl, {}))
    assert "escalate" not in ids(visible_items(tpl, {"danger": "nee"}))
    assert "escalate" in ids(visible_items(tpl, {"danger": "ja"}))
    # a chain: consent depends on escalate, which depends on danger
    assert "consent" in ids(visible_items(tpl, {"danger": "ja", "escalate": True}))
    assert "consent" not in ids(visible_items(tpl, {"danger": "nee", "escalate": True}))


def test_in_condition_on_multi_answer(tpl):
    assert "topic_b_done" not in ids(visible_items(tpl, {"topics": ["a"]}))
    assert "topic_b_done" in ids(visible_items(tpl, {"topics": ["a", "c"]}))


def test_invalid_answer_does_not_open_a_condition(tpl):
    assert "escalate" not in ids(visible_items(tpl, {"danger": True}))


def test_required_and_optional(tpl):
    missing = ids(missing_required(tpl, {}))
    assert missing == ["explained", "danger", "behaviour"]
    answers = {"explained": True, "danger": "ja", "behaviour": "pesten"}
    assert ids(missing_required(tpl, answers)) == ["escalate"]
    answers["escalate"] = True
    assert missing_required(tpl, answers) == []
    # an unticked check does not count as done
    assert ids(missing_required(tpl, {**answers, "explained": False})) == ["explained"]


def test_progress_counts_visible_items(tpl):
    assert progress(tpl, {}) == (0, 8)
    assert progress(tpl, {"danger": "ja"}) == (1, 9)
    assert progress(tpl, {"danger": "ja", "escalate": True}) == (2, 10)
    # answers to hidden items do not count
    assert progress(tpl, {"danger": "nee", "escalate": True}) == (1, 8)
    # invalid values do not count either
    assert progress(tpl, {"mark": 11, "other": "x" * 21}) == (0, 8)
    assert progress(tpl, {"mark": 10, "other": "vakbond"}) == (2, 8)


def test_progress_accepts_the_stored_envelope(tpl):
    envelope = make_answers(tpl, {"danger": "ja"})
    assert envelope == {"template": "demo", "version": 2, "answers": {"danger": "ja"}}
    assert progress(tpl, envelope) == (1, 9)


def test_validate_answers(tpl):
    good = {"explained": True, "danger": "ja", "topics": ["a"], "next": "2026-04-01", "mark": 8,
            "other": "vakbond"}
    assert validate_answers(tpl, make_answers(tpl, good)) == []
    problems = validate_answers(tpl, {"danger": "misschien", "topics": ["a", "a"], "next": "1-4-2026",
                                      "mark": 8.5, "explained": "yes"})
    assert {p.item_id for p in problems} == {"danger", "topics", "next", "mark", "explained"}
    wrong = validate_answers(tpl, {"template": "other", "version": 1, "answers": {}})
    assert wrong and wrong[0].item_id == "" and "other" in wrong[0].message


def test_fills_case_fields_only_from_visible_valid_items(tpl):
    assert case_fields(tpl, {"behaviour": "pesten", "relation": "collega"}) == {
        "behaviour": "pesten", "accused_relation": "collega"}
    assert case_fields(tpl, {"behaviour": "onzin"}) == {}


def test_next_contact_date(tpl):
    assert next_contact_date(tpl, {"next": "2026-05-04"}) == date(2026, 5, 4)
    assert next_contact_date(tpl, {}) is None
    assert next_contact_date(tpl, {"next": "not a date"}) is None


def test_version_change_keeps_old_answers_readable(tpl):
    old_answers = {"template": "demo", "version": 1,
                   "answers": {"explained": True, "old_question": "ja", "old_list": ["x", "y"],
                               "danger": "vervallen_code"}}
    # the old item is not an error and is not dropped
    assert validate_answers(tpl, {**old_answers, "answers": {"old_question": "ja"}}) == []
    assert unknown_answers(tpl, old_answers) == {"old_question": "ja", "old_list": ["x", "y"]}
    rows = readable_answers(tpl, old_answers, "nl")
    assert ("Uitgelegd", "ja") in rows
    assert ("old_question", "ja") in rows
    assert ("old_list", "x, y") in rows
    # a code that the new version no longer offers is shown as stored
    assert ("Gevaar?", "vervallen_code") in rows


def test_readable_answers_use_labels_in_the_language(tpl):
    answers = {"danger": "ja", "escalate": True, "topics": ["a", "c"], "next": "2026-03-09", "mark": 7,
               "behaviour": "intimidatie"}
    en = dict(readable_answers(tpl, answers, "en"))
    assert en["Danger?"] == "Yes"
    assert en["Safety arranged"] == "yes"
    assert en["Topics"] == "A, C"
    assert en["Next time"] == "09/03/2026"
    assert en["Behaviour"] == "Intimidation"
    nl = dict(readable_answers(tpl, answers, "nl"))
    assert nl["Volgende keer"] == "09-03-2026"
    assert nl["Gedrag"] == "Intimidatie"


def test_hidden_answers_are_kept_but_not_shown(tpl):
    answers = {"danger": "nee", "escalate": True}
    assert [q for q, _ in readable_answers(tpl, answers, "en")] == ["Danger?"]


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(
    st.sampled_from(["explained", "danger", "escalate", "consent", "behaviour", "topics", "mark", "zz"]),
    st.one_of(st.booleans(), st.sampled_from(["ja", "nee", "pesten", "x"]), st.integers(-3, 12),
              st.lists(st.sampled_from(["a", "b", "c"]), max_size=3, unique=True)),
))
def test_evaluation_invariants(answers):
    tpl = load()
    done, total = progress(tpl, answers)
    assert 0 <= done <= total <= len(tpl.items)
    visible = ids(visible_items(tpl, answers))
    assert set(ids(missing_required(tpl, answers))) <= set(visible)
    # every answer is either readable under its question or listed as an unknown id
    assert len(readable_answers(tpl, answers, "en")) <= len(answers)
    assert set(unknown_answers(tpl, answers)) <= {"zz"}
