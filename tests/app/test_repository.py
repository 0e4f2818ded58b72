"""The repository: every write validated, all or nothing, and the queries the window relies on."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.errors import UserError, ValidationError
from app.store.repository import Repository
from models.entities import Activity, Case, Contact


def _case(code="2026-001", org="Org A", opened=date(2026, 3, 2), **kw) -> Case:
    base = dict(code=code, organisation=org, opened=opened, reporter_role="betrokkene", behaviour="pesten",
                accused_relation="collega", follow_up="lopend")
    base.update(kw)
    return Case(**base)


def _contact(d=date(2026, 3, 2), **kw) -> Contact:
    base = dict(date=d, minutes=45, channel="persoonlijk", kind="intake", notes="")
    base.update(kw)
    return Contact(**base)


def _snapshot(repo: Repository) -> tuple:
    """Every table's full content: proof that a rejected write changed nothing."""
    tables = ["organisations", "units", "cases", "case_extra_behaviours", "case_extra_follow_ups", "contacts",
              "activities", "reminders", "audit_log", "settings"]
    return tuple(tuple(repo.conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()) for t in tables)


@pytest.fixture
def filled(repo):
    repo.add_organisation("Org A", ["ICT", "Zorg"])
    repo.add_organisation("Org B")
    return repo


# -- organisations and units --------------------------------------------------------------------------
def test_organisation_crud(repo):
    oid = repo.add_organisation("  Gemeente Voorbeeld ", ["Publiekszaken", "ICT"])
    org = repo.organisation("gemeente voorbeeld")
    assert (org.id, org.name, org.units) == (oid, "Gemeente Voorbeeld", ["ICT", "Publiekszaken"])
    repo.update_organisation(oid, "Gemeente Nieuw", ["ICT", "Burgerzaken"])
    org = repo.organisation("Gemeente Nieuw")
    assert org.units == ["Burgerzaken", "ICT"]
    assert [o.name for o in repo.list_organisations()] == ["Gemeente Nieuw"]
    repo.delete_organisation(oid)
    assert repo.list_organisations() == []
    actions = [a for _, a, _ in repo.audit_log()]
    assert actions[:3] == ["organisatie_verwijderd", "organisatie_gewijzigd", "organisatie_toegevoegd"]
    with pytest.raises(UserError) as info:
        repo.organisation("Gemeente Nieuw")
    assert "org list" in info.value.message


def test_organisations_are_sorted_without_regard_to_case(repo):
    for n in ["beta", "Alfa", "gamma"]:
        repo.add_organisation(n)
    assert [o.name for o in repo.list_organisations()] == ["Alfa", "beta", "gamma"]


@pytest.mark.parametrize("name, units, field", [
    ("", [], "name"),
    ("   ", [], "name"),
    ("x" * 121, [], "name"),
    ("Org C", ["ICT", "ict"], "units"),
    ("Org C", [" "], "units"),
    ("Org A", [], "name"),       # duplicate
    ("org a", [], "name"),       # duplicate, other case
])
def test_bad_organisation_is_rejected_and_nothing_written(filled, name, units, field):
    before = _snapshot(filled)
    with pytest.raises(ValidationError) as info:
        filled.add_organisation(name, units)
    assert info.value.field == field
    assert info.value.message
    assert _snapshot(filled) == before


def test_update_organisation_validates(filled):
    b = filled.organisation("Org B").id
    a = filled.organisation("Org A")
    before = _snapshot(filled)
    with pytest.raises(ValidationError) as info:
        filled.update_organisation(b, "ORG A", [])
    assert info.value.field == "name"
    with pytest.raises(ValidationError) as info:
        filled.update_organisation(b, "", [])
    assert info.value.field == "name"
    filled.add_case(_case(unit="ICT"))
    before = _snapshot(filled)
    with pytest.raises(ValidationError) as info:  # a unit in use cannot go
        filled.update_organisation(a.id, "Org A renamed", ["Zorg"])
    assert info.value.field == "units" and "ICT" in info.value.message
    assert _snapshot(filled) == before


def test_delete_organisation_with_cases_or_activities_is_refused(filled):
    filled.add_case(_case(org="Org A"))
    filled.add_activity(Activity(organisation="Org B", date=date(2026, 1, 1), kind="training", hours=1))
    before = _snapshot(filled)
    for name in ("Org A", "Org B"):
        with pytest.raises(UserError) as info:
            filled.delete_organisation(filled.organisation(name).id)
        assert "remove those first" in info.value.message
    assert _snapshot(filled) == before


# -- cases --------------------------------------------------------------------------------------------
def test_case_crud(filled):
    case = _case(unit="Zorg", extra_behaviours=["intimidatie", "pesten"], extra_follow_ups=["doorverwijzing"],
                 contacts=[_contact(notes="eerste gesprek"), _contact(d=date(2026, 3, 9), kind="vervolg",
                                                                      minutes=30, channel="video")])
    cid = filled.add_case(case)
    assert case.id == cid
    got = filled.get_case(cid)
    assert got.unit == "Zorg" and got.status == "open"
    assert got.extra_behaviours == ["intimidatie"]  # the primary code is not repeated as an extra
    assert got.extra_follow_ups == ["doorverwijzing"]
    assert [(k.date, k.minutes, k.channel, k.notes) for k in got.contacts] == [
        (date(2026, 3, 2), 45, "persoonlijk", "eerste gesprek"), (date(2026, 3, 9), 30, "video", "")]
    got.behaviour = "intimidatie"
    got.extra_behaviours = []
    got.unit = None
    filled.update_case(got)
    again = filled.get_case(cid)
    assert (again.behaviour, again.extra_behaviours, again.unit) == ("intimidatie", [], None)
    filled.close_case(cid, date(2026, 4, 1), "informele_oplossing")
    closed = filled.get_case(cid)
    assert (closed.closed, closed.follow_up, closed.status) == (date(2026, 4, 1), "informele_oplossing",
                                                                "gesloten")
    filled.reopen_case(cid)
    assert filled.get_case(cid).closed is None
    assert filled.case_id_by_code("2026-001") == cid
    filled.delete_case(cid)
    assert filled.counts() == {"organisations": 2, "cases": 0, "contacts": 0, "activities": 0}
    assert filled.conn.execute("SELECT count(*) FROM case_extra_follow_ups").fetchone()[0] == 0
    with pytest.raises(UserError):
        filled.get_case(cid)
    with pytest.raises(UserError):
        filled.case_id_by_code("2026-001")


BAD_CASES = [
    (dict(behaviour="geroddel"), "behaviour"),
    (dict(reporter_role="baas"), "reporter_role"),
    (dict(accused_relation="buurman"), "accused_relation"),
    (dict(follow_up="niets"), "follow_up"),
    (dict(extra_behaviours=["pesten", "onzin"]), "extra_behaviours"),
    (dict(extra_follow_ups=["x"]), "extra_follow_ups"),
    (dict(closed=date(2026, 3, 1)), "closed"),          # closed before opened
    (dict(code="14"), "code"),
    (dict(code="2026-1"), "code"),
    (dict(org="Org Z"), "organisation"),                # unknown organisation
    (dict(unit="Keuken"), "unit"),                      # unknown unit
    (dict(org="Org B", unit="ICT"), "unit"),            # a unit of another organisation
    (dict(code="2026-900"), "code"),                    # duplicate (made below)
    (dict(contacts=[_contact(minutes=-5)]), "minutes"),
    (dict(contacts=[_contact(minutes=24 * 60 + 1)]), "minutes"),
    (dict(contacts=[_contact(minutes="45")]), "minutes"),
    (dict(contacts=[_contact(channel="duif")]), "channel"),
    (dict(contacts=[_contact(kind="praatje")]), "kind"),
    (dict(contacts=[_contact(d=date(2026, 3, 1))]), "date"),   # before the case was opened
    (dict(contacts=[_contact(), _contact(notes=None)]), "notes"),  # second contact bad: first not kept
]


@pytest.mark.parametrize("changes, field", BAD_CASES, ids=[f for _, f in BAD_CASES])
def test_bad_case_is_rejected_and_nothing_written(filled, changes, field):
    filled.add_case(_case(code="2026-900"))
    before = _snapshot(filled)
    counts = filled.counts()
    changes = dict(changes)
    org = changes.pop("org", "Org A")
    with pytest.raises(ValidationError) as info:
        filled.add_case(_case(org=org, **changes))
    assert info.value.field == field
    assert field in info.value.message
    assert filled.counts() == counts
    assert _snapshot(filled) == before


def test_bad_update_writes_nothing(filled):
    cid = filled.add_case(_case(contacts=[_contact(d=date(2026, 3, 5))]))
    other = filled.add_case(_case(code="2026-002"))
    before = _snapshot(filled)
    case = filled.get_case(cid)
    for changes, field in [(dict(behaviour="onzin"), "behaviour"), (dict(code="2026-002"), "code"),
                           (dict(opened=date(2026, 3, 6)), "opened"),  # a contact would lie before it
                           (dict(closed=date(2026, 1, 1)), "closed"), (dict(unit="Nergens"), "unit")]:
        with pytest.raises(ValidationError) as info:
            filled.update_case(replace(case, **changes))
        assert info.value.field == field
    with pytest.raises(ValidationError) as info:
        filled.close_case(other, date(2026, 1, 1))
    assert info.value.field == "closed"
    assert _snapshot(filled) == before
    with pytest.raises(UserError):
        filled.update_case(replace(case, id=9999))
    with pytest.raises(ValueError):
        filled.update_case(replace(case, id=None))


def test_next_case_code(filled):
    assert filled.next_case_code(2026) == "2026-001"
    filled.add_case(_case(code="2026-009"))
    filled.add_case(_case(code="2026-1000"))
    filled.add_case(_case(code="2025-004", opened=date(2025, 5, 5)))
    assert filled.next_case_code(2026) == "2026-1001"
    assert filled.next_case_code(2025) == "2025-005"


# -- contacts -----------------------------------------------------------------------------------------
def test_contact_crud(filled):
    cid = filled.add_case(_case())
    k = _contact(d=date(2026, 3, 4), kind="vervolg", checklist={"rol_uitgelegd": True}, flagged=True)
    kid = filled.add_contact(cid, k)
    assert (k.id, k.case_id) == (kid, cid)
    got = filled.get_case(cid).contacts[0]
    assert got.checklist == {"rol_uitgelegd": True} and got.flagged
    assert filled.flagged_contacts() == 1
    got.minutes, got.notes, got.flagged = 60, "bijgewerkt", False
    filled.update_contact(got)
    again = filled.get_case(cid).contacts[0]
    assert (again.minutes, again.notes, again.flagged) == (60, "bijgewerkt", False)
    row = filled.list_cases()[0]
    assert (row.contacts, row.minutes, row.last_contact) == (1, 60, date(2026, 3, 4))
    filled.delete_contact(kid)
    assert filled.get_case(cid).contacts == []


def test_bad_contact_writes_nothing(filled):
    cid = filled.add_case(_case(contacts=[_contact()]))
    before = _snapshot(filled)
    for k, field in [(_contact(minutes=-1), "minutes"), (_contact(channel="fax"), "channel"),
                     (_contact(d=date(2025, 1, 1)), "date"), (_contact(minutes=True), "minutes")]:
        with pytest.raises(ValidationError) as info:
            filled.add_contact(cid, k)
        assert info.value.field == field
    existing = filled.get_case(cid).contacts[0]
    with pytest.raises(ValidationError) as info:
        filled.update_contact(replace(existing, minutes=-30))
    assert info.value.field == "minutes"
    assert _snapshot(filled) == before
    with pytest.raises(UserError):
        filled.add_contact(9999, _contact())
    with pytest.raises(UserError):
        filled.update_contact(replace(existing, id=9999))


# -- activities ---------------------------------------------------------------------------------------
def test_activity_crud_and_validation(filled):
    aid = filled.add_activity(Activity(organisation="Org A", date=date(2026, 2, 1), kind="voorlichting",
                                       hours=1.5))
    filled.add_activity(Activity(organisation="Org B", date=date(2025, 2, 1), kind="training", hours=3))
    assert [a.organisation for a in filled.list_activities(year=2026)] == ["Org A"]
    assert [a.date.year for a in filled.list_activities(organisation="Org B")] == [2025]
    act = filled.list_activities(organisation="Org A")[0]
    act.hours, act.organisation = 2.0, "Org B"
    filled.update_activity(act)
    assert [a.hours for a in filled.list_activities(organisation="Org B", year=2026)] == [2.0]
    before = _snapshot(filled)
    for bad, field in [(dict(hours=-1), "hours"), (dict(kind="feest"), "kind"), (dict(hours="2"), "hours"),
                       (dict(hours=24 * 7 + 1), "hours"), (dict(organisation="Org Z"), "organisation")]:
        with pytest.raises(ValidationError) as info:
            filled.add_activity(replace(act, id=None, **bad))
        assert info.value.field == field
        with pytest.raises(ValidationError) as info:
            filled.update_activity(replace(act, **bad))
        assert info.value.field == field
    assert _snapshot(filled) == before
    filled.delete_activity(aid)
    assert filled.counts()["activities"] == 1


# -- lists and filters --------------------------------------------------------------------------------
def test_list_cases_filters(filled):
    filled.add_case(_case(code="2025-001", opened=date(2025, 12, 31), behaviour="werkdruk",
                          contacts=[_contact(d=date(2025, 12, 31), minutes=20)]))
    filled.add_case(_case(code="2026-001", opened=date(2026, 1, 1), closed=date(2026, 2, 1),
                          follow_up="klacht", contacts=[_contact(d=date(2026, 1, 1)), _contact(d=date(2026, 1, 9))]))
    filled.add_case(_case(code="2026-002", org="Org B", opened=date(2026, 6, 1)))
    filled.add_case(_case(code="2027-001", opened=date(2027, 1, 1)))
    codes = lambda **kw: [r.code for r in filled.list_cases(**kw)]  # noqa: E731
    assert codes() == ["2027-001", "2026-002", "2026-001", "2025-001"]  # newest first
    assert codes(year=2026) == ["2026-002", "2026-001"]
    assert codes(year=2025) == ["2025-001"]
    assert codes(organisation="Org B") == ["2026-002"]
    assert codes(organisation="Org A", year=2026) == ["2026-001"]
    assert codes(status="gesloten") == ["2026-001"]
    assert codes(status="open", year=2026) == ["2026-002"]
    assert codes(behaviour="werkdruk") == ["2025-001"]
    assert codes(organisation="Nobody") == []
    row = filled.list_cases(year=2026, organisation="Org A")[0]
    assert (row.contacts, row.minutes, row.last_contact, row.status) == (2, 90, date(2026, 1, 9), "gesloten")
    empty = filled.list_cases(year=2026, organisation="Org B")[0]
    assert (empty.contacts, empty.minutes, empty.last_contact) == (0, 0, None)
    assert filled.case_years() == [2027, 2026, 2025]
    assert filled.open_case_count() == 3
    assert filled.cases_per_organisation(2026) == [("Org A", 1), ("Org B", 1)]
    assert filled.cases_per_organisation(2024) == [("Org A", 0), ("Org B", 0)]


# -- reminders, decisions, drafts, settings, report texts ---------------------------------------------
def test_reminders(filled):
    a = filled.add_case(_case(code="2026-001"))
    b = filled.add_case(_case(code="2026-002", org="Org B"))
    r1 = filled.add_reminder(a, date(2026, 3, 9), "ontvangstbevestiging", "wbk")
    filled.add_reminder(b, date(2026, 3, 5), "terugbellen")
    filled.add_reminder(a, date(2026, 6, 1), "terugkoppeling", "wbk")
    assert [(r.case_code, r.due) for r in filled.reminders()] == [
        ("2026-002", date(2026, 3, 5)), ("2026-001", date(2026, 3, 9)), ("2026-001", date(2026, 6, 1))]
    assert [r.kind for r in filled.reminders(until=date(2026, 3, 9))] == ["terugbellen", "ontvangstbevestiging"]
    assert [r.id for r in filled.reminders(case_id=a)][0] == r1
    assert filled.reminders(case_id=b)[0].organisation == "Org B"
    filled.complete_reminder(r1)
    assert [r.kind for r in filled.reminders(case_id=a)] == ["terugkoppeling"]
    filled.replace_reminders(a, "wbk", [(date(2026, 4, 1), "nieuw1"), (date(2026, 5, 1), "nieuw2")])
    assert [r.kind for r in filled.reminders(case_id=a)] == ["nieuw1", "nieuw2"]
    filled.replace_reminders(a, "wbk", [])
    assert filled.reminders(case_id=a) == []
    assert len(filled.reminders()) == 1
    filled.close_case(b, date(2026, 3, 3))  # closing a case completes its reminders
    assert filled.reminders() == []


def test_decisions(filled):
    cid = filled.add_case(_case())
    filled.save_decision(cid, {"tree_version": "2", "answers": {"ervaren": True}, "route": "klacht"})
    filled.save_decision(cid, {"tree_version": "2", "route": "melding_intern"})
    got = filled.decisions(cid)
    assert [d[2]["route"] for d in got] == ["klacht", "melding_intern"]
    assert filled.conn.execute("SELECT tree_version FROM decisions").fetchall() == [("2",), ("2",)]
    filled.delete_case(cid)
    assert filled.conn.execute("SELECT count(*) FROM decisions").fetchone()[0] == 0


def test_drafts(repo):
    assert repo.drafts() == {}
    repo.save_draft("intake", {"notes": "half af", "minutes": 20})
    repo.save_draft("intake", {"notes": "verder"})
    repo.save_draft("contact:3", {"x": [1, 2]})
    assert repo.drafts() == {"intake": {"notes": "verder"}, "contact:3": {"x": [1, 2]}}
    repo.delete_draft("intake")
    repo.delete_draft("does-not-exist")
    assert list(repo.drafts()) == ["contact:3"]


def test_settings(repo):
    assert repo.get_setting("language") is None
    assert repo.get_setting("language", "nl") == "nl"
    repo.set_setting("language", "en")
    repo.set_setting("language", "nl")
    assert repo.get_setting("language") == "nl"
    assert len(repo.signing_key()) == 32
    repo.set_setting("signing_key", "")
    with pytest.raises(UserError):
        repo.signing_key()


def test_report_texts_and_published_reports(filled):
    oid = filled.organisation("Org A").id
    assert filled.report_text(oid, 2026) == ""
    filled.set_report_text(oid, 2026, "Signalen: werkdruk.")
    filled.set_report_text(oid, 2026, "Signalen: werkdruk en pesten.")
    assert filled.report_text(oid, 2026) == "Signalen: werkdruk en pesten."
    assert filled.published_report(oid, 2026) is None
    filled.save_published_report(oid, 2026, {"cases": 7})
    assert filled.published_report(oid, 2026) == {"cases": 7}


def test_failed_write_leaves_no_open_transaction(filled):
    with pytest.raises(ValidationError):
        filled.add_case(_case(behaviour="onzin"))
    assert filled.vault.conn.in_transaction is False
    filled.add_case(_case())  # the next write works normally
    assert filled.counts()["cases"] == 1
