"""app.casework against a real vault: each use case is one transaction, stored entirely or not at all."""
from __future__ import annotations

from datetime import date

import pytest
import sqlcipher3

from app import casework
from app.errors import UserError, ValidationError
from app.guidance import checklists
from app.privacy import guard
from app.store.repository import Repository
from models import checklist as CL
from models.entities import Case, Contact

PHONE_NOTE = "Gesprek gevoerd; zij is bereikbaar op 06-12345678 voor vervolg."


def _case(code="2026-001", **kw) -> Case:
    base = dict(code=code, organisation="Org A", opened=date(2026, 3, 2), reporter_role="betrokkene",
                behaviour="pesten", accused_relation="collega", follow_up="lopend")
    base.update(kw)
    return Case(**base)


def _contact(notes="Verhaal aangehoord.", **kw) -> Contact:
    base = dict(date=date(2026, 3, 2), minutes=45, channel="persoonlijk", kind="intake", notes=notes)
    base.update(kw)
    return Contact(**base)


def _snapshot(repo: Repository) -> tuple:
    tables = ["cases", "case_extra_behaviours", "case_extra_follow_ups", "contacts", "reminders", "decisions",
              "drafts", "audit_log"]
    return tuple(tuple(repo.conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()) for t in tables)


def _intake(**values) -> dict:
    return CL.make_answers(checklists.get_template("intake"), values)


@pytest.fixture
def case_id(repo: Repository) -> int:
    repo.add_organisation("Org A", ["ICT"])
    return repo.add_case(_case())


@pytest.fixture
def store_dir(tmp_path):
    return tmp_path / "templates"


def _save(repo, case_id, contact, store_dir, **kw):
    return casework.save_conversation(repo, case_id, contact, store_dir=store_dir, **kw)


# -- saving a conversation ----------------------------------------------------------------------
def test_replaced_identifiers_become_placeholders_and_the_contact_is_not_marked(repo, case_id, store_dir):
    found = casework.scan_note(PHONE_NOTE)
    assert found
    saved = _save(repo, case_id, _contact(PHONE_NOTE), store_dir, findings=found, replace=found)
    stored = repo.get_case(case_id).contacts[0]
    assert "06-12345678" not in stored.notes and stored.notes == saved.contact.notes
    assert not stored.flagged and saved.kept == ()


def test_kept_identifiers_mark_the_contact(repo, case_id, store_dir):
    found = casework.scan_note(PHONE_NOTE)
    saved = _save(repo, case_id, _contact(PHONE_NOTE), store_dir, findings=found, replace=[])
    stored = repo.get_case(case_id).contacts[0]
    assert stored.notes == PHONE_NOTE and stored.flagged and saved.kept == tuple(found)


def test_the_note_is_scanned_once(repo, case_id, store_dir, monkeypatch):
    calls = []
    real = guard.scan
    monkeypatch.setattr(guard, "scan", lambda text: calls.append(text) or real(text))
    _save(repo, case_id, _contact(PHONE_NOTE), store_dir)           # no findings given: scanned here
    assert len(calls) == 1
    found = real(PHONE_NOTE)
    _save(repo, case_id, _contact(PHONE_NOTE), store_dir, findings=found, replace=found)  # shown already
    assert len(calls) == 1
    assert [c.flagged for c in repo.get_case(case_id).contacts] == [True, False]


def test_findings_that_no_longer_match_the_text_are_not_trusted(repo, case_id, store_dir):
    stale = casework.scan_note("Bel 06-87654321.")
    saved = _save(repo, case_id, _contact(PHONE_NOTE), store_dir, findings=stale, replace=[])
    assert saved.contact.flagged and saved.kept and saved.kept[0].text in PHONE_NOTE


def test_answers_fill_the_case_set_the_reminder_and_the_draft_goes(repo, case_id, store_dir):
    repo.save_draft(f"contact:{case_id}:new", {"case_id": case_id, "notes": "half"})
    answers = _intake(behaviour="intimidatie", accused_relation="leidinggevende", next_contact="2026-03-20")
    saved = _save(repo, case_id, _contact(checklist=answers), store_dir, draft_key=f"contact:{case_id}:new")
    case = repo.get_case(case_id)
    assert (case.behaviour, case.accused_relation) == ("intimidatie", "leidinggevende")
    assert saved.case_fields == {"behaviour": "intimidatie", "accused_relation": "leidinggevende"}
    assert [(r.due, r.kind, r.source) for r in repo.reminders(case_id=case_id)] == [
        (date(2026, 3, 20), "volgend_contact", f"contact:{saved.contact.id}")]
    assert repo.drafts() == {}
    # editing the conversation replaces its reminder; removing the date removes it
    edited = Contact(**{**saved.contact.__dict__, "checklist": _intake(next_contact="2026-04-01")})
    _save(repo, case_id, edited, store_dir)
    assert [r.due for r in repo.reminders(case_id=case_id)] == [date(2026, 4, 1)]
    _save(repo, case_id, Contact(**{**edited.__dict__, "checklist": None}), store_dir)
    assert repo.reminders(case_id=case_id) == []
    assert len(repo.get_case(case_id).contacts) == 1


def test_the_caller_s_contact_is_not_changed(repo, case_id, store_dir):
    contact = _contact(PHONE_NOTE)
    found = casework.scan_note(PHONE_NOTE)
    saved = _save(repo, case_id, contact, store_dir, findings=found, replace=found)
    assert contact.id is None and contact.notes == PHONE_NOTE and saved.contact.id is not None


@pytest.mark.parametrize("step", ["replace_reminders", "update_case", "delete_draft"])
def test_a_fault_half_way_leaves_nothing_half_written(repo, case_id, store_dir, monkeypatch, step):
    """The contact is written first; a failure in any later step undoes it (and everything else)."""
    repo.save_draft(f"contact:{case_id}:new", {"case_id": case_id})
    before = _snapshot(repo)

    def disk_full(self, *a, **k):
        raise sqlcipher3.OperationalError("database or disk is full")
    monkeypatch.setattr(Repository, step, disk_full)
    contact = _contact(PHONE_NOTE, checklist=_intake(behaviour="intimidatie", next_contact="2026-03-20"))
    with pytest.raises(sqlcipher3.OperationalError):
        _save(repo, case_id, contact, store_dir, replace=casework.scan_note(PHONE_NOTE),
              draft_key=f"contact:{case_id}:new")
    assert _snapshot(repo) == before
    assert contact.id is None
    monkeypatch.undo()
    saved = _save(repo, case_id, contact, store_dir, draft_key=f"contact:{case_id}:new")  # the retry
    assert [k.id for k in repo.get_case(case_id).contacts] == [saved.contact.id]


def test_bad_answers_are_refused_before_anything_is_written(repo, case_id, store_dir):
    before = _snapshot(repo)
    with pytest.raises(ValidationError):
        _save(repo, case_id, _contact(checklist=_intake(next_contact="not a date")), store_dir)
    assert _snapshot(repo) == before


def test_a_removed_case_gets_no_orphan_contact(repo, case_id, store_dir):
    repo.delete_case(case_id)
    before = _snapshot(repo)
    with pytest.raises(UserError):
        _save(repo, case_id, _contact(), store_dir)
    assert _snapshot(repo) == before


def test_deleting_a_conversation_takes_its_reminder_and_draft(repo, case_id, store_dir):
    saved = _save(repo, case_id, _contact(checklist=_intake(next_contact="2026-03-20")), store_dir)
    key = f"contact:{case_id}:{saved.contact.id}"
    repo.save_draft(key, {"case_id": case_id})
    casework.delete_conversation(repo, saved.contact.id, key)
    assert repo.get_case(case_id).contacts == [] and repo.reminders(case_id=case_id) == []
    assert repo.drafts() == {}


# -- open required items ------------------------------------------------------------------------
def test_open_required_lists_unanswered_items_and_skips_unknown_templates(repo, case_id, store_dir):
    _save(repo, case_id, _contact(checklist=_intake(role_explained=True)), store_dir)
    repo.add_contact(case_id, _contact(checklist={"template": "gone", "version": 1, "answers": {}}))
    items = casework.open_required(repo.get_case(case_id), "en", store_dir)
    expected = [i.id for i in CL.missing_required(checklists.get_template("intake"), {"role_explained": True})]
    assert "role_explained" not in expected and "behaviour" in expected
    assert [i.item_id for i in items] == expected   # the conversation with an unknown template adds none
    assert all(i.contact_date == date(2026, 3, 2) and i.text for i in items)
    behaviour = next(i for i in items if i.item_id == "behaviour")
    assert behaviour.text == "What kind of behaviour is it mainly about?"
    assert casework.open_required(repo.get_case(case_id), "nl", store_dir)[0].text != items[0].text


# -- decisions ----------------------------------------------------------------------------------
KLACHT = {"tree_version": "1", "result": {"route": "klacht", "terms_days": {"termijn_ontvangst": 14,
                                                                           "termijn_advies": 70}}}


def test_a_decision_with_the_route_taken_sets_its_term_reminders(repo, case_id):
    did = casework.record_decision(repo, case_id, KLACHT, route_taken_on=date(2026, 4, 1))
    assert [d[0] for d in repo.decisions(case_id)] == [did]
    assert [(r.due, r.kind, r.source) for r in repo.reminders(case_id=case_id)] == [
        (date(2026, 4, 15), "termijn_ontvangst", "route:klacht"),
        (date(2026, 6, 10), "termijn_advies", "route:klacht")]


def test_a_decision_without_the_route_taken_or_without_terms_sets_none(repo, case_id):
    casework.record_decision(repo, case_id, KLACHT)
    casework.record_decision(repo, case_id, {"result": {"route": "informeel"}}, route_taken_on=date(2026, 4, 1))
    assert len(repo.decisions(case_id)) == 2 and repo.reminders(case_id=case_id) == []
    assert casework.route_terms(KLACHT, date(2026, 4, 1)) == (
        "klacht", [(date(2026, 4, 15), "termijn_ontvangst"), (date(2026, 6, 10), "termijn_advies")])
    assert casework.route_terms({"result": {"route": "klacht"}}, date(2026, 4, 1)) is None
    assert casework.route_terms({"result": {"route": "informeel", "terms_days": {"x": 1}}}, date(2026, 4, 1)) is None


def test_a_wbk_melding_counts_its_feedback_term_in_calendar_months(repo, case_id):
    from app.guidance import decide
    saved = {"result": {"route": "melding_misstand", "terms": [
        {"code": "ontvangstbevestiging", "days": 7},
        {"code": "terugkoppeling", "months": 3, "after": "ontvangstbevestiging"}]}}
    expected = decide.term_dates(saved, date(2026, 11, 24))
    assert (date(2027, 3, 1), "terugkoppeling") in expected
    casework.record_decision(repo, case_id, saved, route_taken_on=date(2026, 11, 24))
    assert [(r.due, r.kind) for r in repo.reminders(case_id=case_id)] == sorted(expected)


def test_a_decision_whose_reminders_fail_is_not_stored(repo, case_id, monkeypatch):
    before = _snapshot(repo)

    def disk_full(self, *a, **k):
        raise sqlcipher3.OperationalError("database or disk is full")
    monkeypatch.setattr(Repository, "replace_reminders", disk_full)
    with pytest.raises(sqlcipher3.OperationalError):
        casework.record_decision(repo, case_id, KLACHT, route_taken_on=date(2026, 4, 1))
    assert _snapshot(repo) == before


# -- closing, reopening, reminders --------------------------------------------------------------
def test_closing_ends_an_ongoing_follow_up_and_its_reminders(repo, case_id):
    rid = repo.add_reminder(case_id, date(2026, 3, 9), "volgend_contact")
    case = casework.close_case(repo, case_id, date(2026, 5, 1))
    assert case.closed == date(2026, 5, 1) and case.follow_up == "opvang_advies"
    assert repo.reminders(case_id=case_id) == []
    assert not casework.complete_reminder(repo, rid)          # closing did it already
    again = casework.close_case(repo, case_id, date(2026, 6, 1))  # a closed case stays as it is
    assert again.closed == date(2026, 5, 1)


def test_closing_keeps_a_chosen_follow_up_and_never_closes_before_opening(repo, case_id):
    cid = repo.add_case(_case("2026-002", opened=date(2026, 6, 1), follow_up="bemiddeling"))
    case = casework.close_case(repo, cid, date(2026, 5, 1))
    assert case.closed == date(2026, 6, 1) and case.follow_up == "bemiddeling"


def test_reopening_a_case_clears_its_closing_date(repo, case_id):
    casework.close_case(repo, case_id, date(2026, 5, 1))
    case = casework.reopen_case(repo, case_id)
    assert case.closed is None and case.details_purged is None
    assert [a for _at, a, _o in repo.audit_log(3)][:2] == ["casus_heropend", "casus_gesloten"]
    assert casework.reopen_case(repo, case_id).closed is None   # an open case: nothing happens
    assert [a for _at, a, _o in repo.audit_log(1)] == ["casus_heropend"]


def test_completing_a_reminder(repo, case_id):
    rid = repo.add_reminder(case_id, date(2026, 3, 9), "volgend_contact")
    assert casework.complete_reminder(repo, rid)
    assert repo.reminders(case_id=case_id) == []
    assert not casework.complete_reminder(repo, rid) and not casework.complete_reminder(repo, 9999)
    with pytest.raises(UserError):
        casework.close_case(repo, 9999, date(2026, 5, 1))
