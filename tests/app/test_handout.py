"""app.handout: a one-page PDF in the person's language, no identities, written atomically (0600)."""
from __future__ import annotations

import os
import stat
from datetime import date

import pytest
from pypdf import PdfReader

from app.decide import decide, decision_record, tree
from app.errors import UserError
from app.handout import render_handout, render_handout_bytes

KLACHT = {
    "subject": "ongewenst_gedrag", "acute_danger": False, "possible_crime": False, "needs_care": False,
    "experienced_self": True, "wants_anonymity": False, "wants_formal_investigation": True,
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
    assert "2026.1" in text
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
             "public_interest": True, "work_relation": True, "employer_size": 20, "wants_anonymity": False,
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
    assert "Still to discuss" in text and "Public interest" in text


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
