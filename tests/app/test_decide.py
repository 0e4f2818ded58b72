"""app.guidance.decide: the command line's JSON shape, strict facts, and every file error as a UserError."""
from __future__ import annotations

import json
import os

import pytest

from app.errors import UserError, ValidationError
from app.guidance import decide as decide_mod
from app.guidance.decide import decide, decide_from_file, decision_record, load_tree, result_in_language, tree

CLI_KEYS = {"route", "also", "warnings", "requirements", "terms_days", "reasons", "tree_version", "needs"}

KLACHT = {
    "subject": "ongewenst_gedrag", "acute_danger": False, "possible_crime": False, "needs_care": False,
    "role_in_case": "zelf", "behaviour_kind": "overig", "accused": "collega", "person_position": "medewerker",
    "wants_anonymity": False, "wants_formal_investigation": True,
    "willing_to_be_named_in_writing": True, "months_since_last_incident": 4,
}
WBK = {
    "subject": "misstand", "acute_danger": False, "possible_crime": False, "needs_care": False,
    "role_in_case": "zelf", "wbk_scope": "eu_recht", "work_relation": True, "employer_size": 120, "wants_anonymity": False,
    "wants_formal_investigation": True,
}


def write(tmp_path, content, name="facts.json") -> str:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return str(path)


def test_tree_is_cached():
    assert tree() is tree()
    assert tree().version == "2026.3"


def test_shape_of_the_result():
    out = decide(KLACHT, "en")
    assert CLI_KEYS <= set(out)
    assert out["route"] == "klacht"
    assert isinstance(out["also"], list) and isinstance(out["warnings"], list)
    assert all(isinstance(r, str) for r in out["requirements"] + out["reasons"])
    assert out["terms_days"] == {"ontvankelijkheid": 14, "advies_klachtencommissie": 70}
    assert out["tree_version"] == "2026.3"
    text = json.dumps(out, ensure_ascii=False)
    assert json.loads(text) == out


def test_wbk_terms_in_days_and_calendar_months():
    out = decide(WBK)
    assert out["route"] == "melding_misstand"
    assert out["terms_days"] == {"ontvangstbevestiging": 7}
    assert [(t["code"], t.get("days"), t.get("months")) for t in out["terms"]] == [
        ("ontvangstbevestiging", 7, None), ("terugkoppeling", None, 3)]
    assert out["lang"] == "nl"


def test_default_language_is_dutch_and_english_differs():
    nl, en = decide(KLACHT), decide(KLACHT, "en")
    assert nl["route"] == en["route"]
    assert nl["route_label"] != en["route_label"]
    assert nl["requirements"] != en["requirements"]


def test_file_round_trip(tmp_path):
    path = write(tmp_path, WBK)
    assert decide_from_file(path, "en") == decide(WBK, "en")


def test_utf8_bom_is_accepted(tmp_path):
    path = write(tmp_path, "\ufeff" + json.dumps({"subject": "arbeidsconflict"}))
    assert decide_from_file(path)["needs"][0] == "acute_danger"


def test_missing_facts_are_listed_as_needs(tmp_path):
    out = decide_from_file(write(tmp_path, {"subject": "ongewenst_gedrag", "acute_danger": False}))
    assert out["route"] is None
    assert "role_in_case" in out["needs"] and "possible_crime" in out["needs"]
    assert out["complete"] is False


@pytest.mark.parametrize("facts, key", [
    ({"subject": "anders", "onbekend": True}, "onbekend"),
    ({"subject": "anders", "acute_danger": "ja"}, "acute_danger"),
    ({"subject": "anders", "employer_size": "veel"}, "employer_size"),
    ({"acute_danger": False}, "subject"),
    ({"subject": "klacht"}, "subject"),
])
def test_bad_facts_are_a_user_error_naming_the_key(tmp_path, facts, key):
    with pytest.raises(ValidationError) as info:
        decide_from_file(write(tmp_path, facts))
    assert info.value.field == key
    assert key in info.value.message


@pytest.mark.parametrize("content, fragment", [
    ("", "is empty"),
    ("{\"subject\": ", "not valid JSON"),
    ("[1, 2]", "one JSON object"),
    ("{\"subject\": \"anders\", \"subject\": \"misstand\"}", "more than once"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
])
def test_broken_files_give_clear_messages(tmp_path, content, fragment):
    with pytest.raises(UserError) as info:
        decide_from_file(write(tmp_path, content))
    assert fragment in info.value.message


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        decide_from_file(str(tmp_path / "nope.json"))
    with pytest.raises(UserError, match="is a folder"):
        decide_from_file(str(tmp_path))


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path):
    path = write(tmp_path, KLACHT)
    os.chmod(path, 0)
    with pytest.raises(UserError, match="permission denied"):
        decide_from_file(path)


def test_too_large_file(tmp_path, monkeypatch):
    monkeypatch.setattr(decide_mod, "MAX_FACTS_FILE_BYTES", 10)
    with pytest.raises(UserError, match="too large"):
        decide_from_file(write(tmp_path, KLACHT))


def test_unknown_language():
    with pytest.raises(UserError, match="nl, en"):
        decide(KLACHT, "de")


def test_decision_record_is_the_saved_form():
    rec = decision_record(KLACHT, "nl")
    assert set(rec) == {"tree_version", "lang", "facts", "result"}
    assert rec["facts"] == KLACHT and rec["result"]["route"] == "klacht"
    assert json.loads(json.dumps(rec)) == rec


def test_result_in_language_keeps_an_old_advice_as_it_was():
    old = decide(KLACHT, "nl")
    old["tree_version"] = "2025.9"
    old["explanation"] = "Tekst van toen."
    assert result_in_language(old, "nl") is old
    with pytest.raises(UserError, match="2025.9"):
        result_in_language(old, "en")
    current = decide(KLACHT, "nl")
    assert result_in_language(current, "en") == decide(KLACHT, "en")


def test_a_damaged_tree_file_is_a_user_error(tmp_path):
    path = tmp_path / "tree.json"
    data = json.loads((decide_mod.RESOURCES / decide_mod.TREE_FILE).read_text(encoding="utf-8"))
    del data["routes"]["informeel"]["label"]["en"]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(UserError, match="damaged.*informeel"):
        load_tree(path)
    with pytest.raises(UserError, match="missing"):
        load_tree(tmp_path / "none.json")


def test_result_carries_the_handout_wording_and_survives_a_language_switch():
    facts = {"subject": "ongewenst_gedrag", "acute_danger": False, "possible_crime": False, "needs_care": False,
             "role_in_case": "omstander", "behaviour_kind": "overig", "colleague_needs_care": False,
             "accused": "collega", "wants_formal_investigation": True}
    nl = decide(facts, "nl")
    assert nl["handout"]["reasons"][0].startswith("U hebt het gedrag niet zelf ondervonden")
    assert "Als omstander kunt u geen klacht indienen" in nl["handout"]["warnings"][0]
    en = result_in_language(nl, "en")
    assert en["handout"]["reasons"][0].startswith("You did not experience the behaviour yourself")
    assert json.loads(json.dumps(decision_record(facts, "nl")))["result"]["handout"] == nl["handout"]
