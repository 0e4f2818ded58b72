"""app.guidance.handout: a one-page PDF in the person's language, no identities, written atomically (0600)."""
from __future__ import annotations

import io
import os
import stat
from datetime import date

import pytest
from pypdf import PdfReader

from app.errors import UserError
from app.guidance.decide import decide, decision_record, tree
from app.guidance.handout import render_handout, render_handout_bytes

KLACHT = {
    "subject": "ongewenst_gedrag", "acute_danger": False, "possible_crime": False, "needs_care": False,
    "role_in_case": "zelf", "behaviour_kind": "overig", "accused": "collega", "person_position": "medewerker",
    "wants_anonymity": False, "wants_formal_investigation": True,
    "willing_to_be_named_in_writing": True, "months_since_last_incident": 4,
}
# the longest advice the tree gives: acute danger with a klacht, aangifte and care behind it
LONGEST = {**KLACHT, "acute_danger": True, "possible_crime": True, "needs_care": True}


def text_of(path) -> tuple[int, str]:
    reader = PdfReader(str(path))
    return len(reader.pages), " ".join((p.extract_text() or "") for p in reader.pages)


def squash(s: str) -> str:
    return " ".join(s.split())


def test_dutch_handout_has_route_terms_and_know(tmp_path):
    out = tmp_path / "handout.pdf"
    render_handout(decide(KLACHT, "nl"), "nl", str(out))
    pages, text = text_of(out)
    text = squash(text)
    assert pages == 1
    assert tree().routes["klacht"]["label"]["nl"] in text
    assert "14 dagen" in text and "70 dagen" in text
    assert "Goed om te weten" in text
    assert "2026.3" in text and "30 november 2026" in text  # tree version and when its law was checked
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600


def test_english_handout_from_a_dutch_result_and_saved_form(tmp_path):
    out = tmp_path / "en.pdf"
    render_handout(decision_record(KLACHT, "nl"), "en", str(out))
    pages, text = text_of(out)
    assert pages == 1
    assert "Complaint to the complaints committee" in squash(text)
    assert "klachtencommissie" not in text.lower().replace("complaints committee", "")


def test_longest_advice_still_fits_one_page(tmp_path):
    out = tmp_path / "long.pdf"
    render_handout(decide(LONGEST, "nl"), "nl", str(out), case_code="2026-014")
    pages, text = text_of(out)
    text = squash(text)
    assert pages == 1
    assert "Eerst de veiligheid" in text and "2026-014" in text
    assert "Aangifte bij de politie" in text


def test_wbk_feedback_term_reads_as_three_months(tmp_path):
    facts = {"subject": "misstand", "acute_danger": False, "possible_crime": False, "needs_care": False,
             "role_in_case": "zelf", "wbk_scope": "maatschappelijk", "work_relation": True, "employer_size": 20, "wants_anonymity": False,
             "wants_formal_investigation": True}
    out = tmp_path / "wbk.pdf"
    render_handout(decide(facts, "en"), "en", str(out))
    _, text = text_of(out)
    text = squash(text)
    assert "Feedback on the follow-up: 3 months" in text
    assert "7 days" in text and "fewer than 50 employees" in text


def test_no_case_code_unless_passed_and_no_facts(tmp_path):
    data = render_handout_bytes(decide(KLACHT, "en"), "en", today=date(2026, 3, 1))
    out = tmp_path / "x.pdf"
    out.write_bytes(data)
    _, text = text_of(out)
    assert "Case:" not in text
    assert "1 March 2026" in squash(text)
    assert "willing_to_be_named_in_writing" not in text and "ongewenst_gedrag" not in text


def test_undetermined_advice_lists_what_is_still_needed(tmp_path):
    out = tmp_path / "needs.pdf"
    render_handout(decide({"subject": "misstand"}, "en"), "en", str(out))
    pages, text = text_of(out)
    text = squash(text)
    assert pages == 1
    assert "Still to discuss" in text and "Kind of wrongdoing" in text


def test_atomic_write_replaces_and_leaves_no_temp_files(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "h.pdf"
    out.write_bytes(b"old")
    render_handout(decide(KLACHT, "nl"), "nl", str(out))
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in folder.iterdir()] == ["h.pdf"]


def test_errors_are_user_errors(tmp_path):
    with pytest.raises(UserError, match="no advice"):
        render_handout_bytes(None, "nl")  # type: ignore[arg-type]
    with pytest.raises(UserError, match="incomplete"):
        render_handout_bytes({"foo": 1}, "nl")
    with pytest.raises(UserError, match="nl, en"):
        render_handout_bytes(decide(KLACHT), "fr")
    with pytest.raises(UserError, match="too long"):
        render_handout_bytes(decide(KLACHT), "nl", case_code="x" * 41)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(UserError, match="Cannot write the handout"):
        render_handout(decide(KLACHT), "nl", str(blocker / "h.pdf"))


ARBEIDSCONFLICT = {"subject": "arbeidsconflict", "acute_danger": False, "role_in_case": "zelf", "possible_crime": False,
                   "needs_care": False}


def handout_text(result: dict, lang: str) -> str:
    reader = PdfReader(io.BytesIO(render_handout_bytes(result, lang, today=date(2026, 3, 1))))
    return squash(" ".join((p.extract_text() or "") for p in reader.pages))


def test_the_handout_addresses_the_reader_and_leaves_out_adviser_notes():
    text = handout_text(decide(ARBEIDSCONFLICT, "nl"), "nl")
    adviser_note = tree().warnings["geen_ongewenst_gedrag"]["nl"]
    assert adviser_note.split(",")[0] in decide(ARBEIDSCONFLICT, "nl")["warning_texts"]["geen_ongewenst_gedrag"]
    assert "kies dan" not in text and "Let op" not in text  # the only warning is for the adviser
    assert "De persoon" not in text and "de persoon" not in text and "melder" not in text.lower()
    assert "U wordt gehoord" in text and "Een formele stap kan later alsnog" in text  # informal route, "u" form
    en = handout_text(decide(ARBEIDSCONFLICT, "en"), "en")
    assert "choose" not in en.lower().replace("you choose", "") and "Please note" not in en
    assert "the person" not in en.lower() and "A formal step remains possible later" in en


def test_the_klacht_handout_says_once_that_the_accused_gets_a_copy():
    text = handout_text(decide(KLACHT, "nl"), "nl")
    assert text.count("afschrift") == 1
    assert "U hebt het gedrag zelf ondervonden" in text
    assert "Bij een klacht wordt de beklaagde ingelicht" in text
    en = handout_text(decide(KLACHT, "en"), "en")
    assert en.count("copy") == 1 and "You experienced the behaviour yourself" in en


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_handout_text_of_any_path_speaks_of_the_person(lang):
    t = tree()
    person = "de melder" if lang == "nl" else "the person"
    seen = 0
    for path in t.all_paths():
        handout = t.render(path.outcome, lang).result["handout"]
        texts = [handout["explanation"], *handout["requirements"], *handout["reasons"], *handout["warnings"],
                 *(a["explanation"] for a in handout["also"])]
        for text in texts:
            assert person not in text.lower(), text
        assert not any(t.warnings[w][lang] in handout["warnings"] for w in path.outcome.warnings if t.adviser_only(w))
        seen += 1
    assert seen > 50


def test_advice_of_an_older_tree_is_worked_out_again_before_it_is_printed():
    """A handout is read today: old texts (here a promise the tree no longer makes) never reach it."""
    saved = decision_record(ARBEIDSCONFLICT, "nl")
    saved["tree_version"] = saved["result"]["tree_version"] = "2026.1"
    saved["result"]["handout"]["route"] = "U bent altijd beschermd en u houdt de regie."
    text = handout_text(saved, "nl")
    assert "altijd beschermd" not in text
    assert tree().routes["arbeidsconflict"]["label"]["nl"] in text
    assert "opnieuw bepaald met versie " + tree().version in text
    assert "versie 2026.1" in text
    assert "kies dan" not in text  # the adviser-only warning is still left out
    current = handout_text(decision_record(ARBEIDSCONFLICT, "nl"), "nl")
    assert "opnieuw bepaald" not in current  # advice of the current tree prints as it is


def test_old_advice_without_its_answers_is_not_printed():
    old = decide(ARBEIDSCONFLICT, "nl")
    old.pop("handout")  # as saved by tree 2026.1, without the facts beside it
    old["tree_version"] = "2026.1"
    with pytest.raises(UserError) as err:
        render_handout_bytes(old, "nl")
    assert err.value.code == "decide.advice_outdated"
    assert "opnieuw door" in err.value.text("nl")


def test_old_advice_the_current_tree_cannot_decide_from_its_answers_is_not_printed():
    saved = decision_record(ARBEIDSCONFLICT, "nl")
    saved["tree_version"] = saved["result"]["tree_version"] = "2026.1"
    del saved["facts"]["acute_danger"]  # a question the old tree did not ask
    with pytest.raises(UserError) as err:
        render_handout_bytes(saved, "nl")
    assert err.value.code == "decide.advice_outdated"
