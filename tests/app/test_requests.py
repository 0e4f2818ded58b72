"""Requests for information or advice (issue 13): stored apart from cases, without free text."""
from __future__ import annotations

import dataclasses
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from app import casework, texts
from app.errors import UserError, ValidationError
from app.resources import vocabularies
from app.store import migrations
from app.store.repository import Repository
from app.store.vault import Vault, key_path
from models import vocab as V
from models.entities import Request, validate_request

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _req(**kw) -> Request:
    base = dict(organisation="Gemeente Zuid", date=date(2026, 3, 2), kind="advies_leidinggevende",
                asker="leidinggevende", minutes=5)
    base.update(kw)
    return Request(**base)


@pytest.fixture
def org_repo(repo):
    repo.add_organisation("Gemeente Zuid")
    repo.add_organisation("Zorg Noord")
    return repo


def test_a_request_has_no_field_for_free_text():
    names = {f.name for f in dataclasses.fields(Request)}
    assert names == {"organisation", "date", "kind", "asker", "minutes", "topic", "id"}


def test_vocabularies_of_requests_are_their_own():
    vocabs = vocabularies()
    assert {"informatie_procedure", "advies_leidinggevende", "advies_medewerker", "voorlichting_vraag",
            "overig"} == set(vocabs[V.REQUEST_KIND].codes)
    assert {"medewerker", "leidinggevende", "hr", "directie", "ondernemingsraad",
            "overig"} == set(vocabs[V.REQUEST_ASKER].codes)
    assert vocabs.label(V.REQUEST_ASKER, "ondernemingsraad", "nl") == "Ondernemingsraad"
    assert vocabs.label(V.REQUEST_KIND, "informatie_procedure", "en").startswith("Information")


@pytest.mark.parametrize(("change", "field", "code"), [
    ({"kind": "klacht"}, "kind", "unknown_code"),
    ({"asker": "buurman"}, "asker", "unknown_code"),
    ({"topic": "roddel"}, "topic", "unknown_code"),
    ({"minutes": -5}, "minutes", "negative"),
    ({"minutes": 2.5}, "minutes", "not_a_number"),
    ({"minutes": 24 * 60 + 1}, "minutes", "too_large"),
    ({"date": date(2026, 3, 3)}, "date", "in_future"),
    ({"date": "2026-03-01"}, "date", "required"),
])
def test_validation_names_the_field_and_the_problem(change, field, code):
    problems = validate_request(_req(**change), vocabularies(), today=date(2026, 3, 2))
    assert [(p.field, p.code) for p in problems] == [(field, code)]


def test_add_list_update_delete(org_repo):
    today = date.today()
    first = casework.record_request(org_repo, _req(organisation="  gemeente   ZUID ", date=today,
                                                   topic="pesten"))
    assert first.id is not None and first.organisation == "Gemeente Zuid"
    casework.record_request(org_repo, _req(organisation="Zorg Noord", date=today, kind="informatie_procedure",
                                           asker="medewerker", minutes=10))
    rows = org_repo.list_requests(organisation="Gemeente Zuid")
    assert [(r.kind, r.asker, r.topic, r.minutes) for r in rows] == [
        ("advies_leidinggevende", "leidinggevende", "pesten", 5)]
    changed = dataclasses.replace(first, minutes=15, topic=None, asker="hr")
    casework.change_request(org_repo, changed)
    assert org_repo.list_requests(organisation="Gemeente Zuid")[0].minutes == 15
    assert org_repo.list_requests(organisation="Gemeente Zuid")[0].topic is None
    assert casework.request_summary(org_repo, "Zorg Noord", today.year) == casework.RequestSummary(1, 10)
    casework.remove_request(org_repo, first.id)
    assert org_repo.list_requests(organisation="Gemeente Zuid") == []
    with pytest.raises(UserError) as info:
        casework.remove_request(org_repo, first.id)
    assert info.value.code == "repo.request_gone"
    assert "vertrouwd request list" in info.value.text("nl")
    actions = [a for _, a, _ in org_repo.audit_log()]
    assert {"vraag_toegevoegd", "vraag_gewijzigd", "vraag_verwijderd"} <= set(actions)


def test_requests_do_not_count_as_cases(org_repo):
    casework.record_request(org_repo, _req(date=date.today()))
    assert org_repo.request_count() == 1
    assert org_repo.counts()["cases"] == 0
    assert org_repo.list_cases() == []


def test_rejected_request_writes_nothing_and_says_what_to_do(org_repo):
    future = date.today() + timedelta(days=1)
    with pytest.raises(ValidationError) as info:
        casework.record_request(org_repo, _req(date=future))
    assert info.value.code == "problem.in_future"
    assert "toekomst" in info.value.text("nl") and "vandaag of eerder" in info.value.text("nl")
    assert "future" in info.value.text("en")
    with pytest.raises(ValidationError) as info:
        casework.record_request(org_repo, _req(date=date.today(), minutes=-1))
    assert info.value.code == "problem.negative"
    with pytest.raises(ValidationError) as info:
        casework.record_request(org_repo, _req(date=date.today(), kind="melding"))
    assert info.value.code == "problem.unknown_code" and info.value.field == "kind"
    with pytest.raises(UserError) as info:
        casework.record_request(org_repo, _req(organisation="Onbekend BV", date=date.today()))
    assert info.value.code == "repo.unknown_organisation"
    assert org_repo.request_count() == 0


def test_an_organisation_with_requests_is_not_deleted_silently(org_repo):
    casework.record_request(org_repo, _req(date=date.today()))
    org = org_repo.organisation("Gemeente Zuid")
    with pytest.raises(UserError) as info:
        org_repo.delete_organisation(org.id)
    assert info.value.code == "repo.organisation_has_requests"
    assert texts.message("repo.organisation_has_requests", "nl", n=1).startswith("Deze organisatie")
    assert org_repo.list_requests()


def test_schema_4_vault_gets_the_requests_table(tmp_path):
    target = tmp_path / "v" / "vault_v4.vault"
    target.parent.mkdir()
    shutil.copyfile(FIXTURES / "vault_v4.vault", target)
    shutil.copyfile(key_path(FIXTURES / "vault_v4.vault"), key_path(target))
    v = Vault.open(target, "fixture passphrase for old schemas")
    try:
        assert v.schema_version == migrations.LATEST
        cols = [r[1] for r in v.conn.execute("PRAGMA table_info(requests)")]
        assert cols == ["id", "organisation_id", "date", "kind", "asker", "topic", "minutes"]
        indexes = {r[0] for r in v.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "requests_org_date" in indexes
        repo = Repository(v)
        org = repo.list_organisations()[0].name
        casework.record_request(repo, _req(organisation=org, date=date(2024, 5, 1)))
        assert [r.date for r in repo.list_requests(year=2024)] == [date(2024, 5, 1)]
        assert repo.counts()["cases"] == 3
    finally:
        v.close()


def test_the_requests_table_is_part_of_schema_5():
    assert "CREATE TABLE requests" in migrations.REQUESTS
    assert migrations.LATEST == 5


# -- interchange: requests in vertrouwd-data/2, files of version 1 still read ------------------------
def _file(**extra) -> dict:
    data = {"format": "vertrouwd-data/2", "organisations": [{"name": "Gemeente Zuid"}],
            "requests": [{"organisation": "Gemeente Zuid", "date": "2025-04-01", "kind": "informatie_procedure",
                          "asker": "medewerker", "minutes": 5},
                         {"organisation": "Gemeente Zuid", "date": "2025-04-02", "kind": "advies_leidinggevende",
                          "asker": "leidinggevende", "topic": "pesten", "minutes": 20}]}
    data.update(extra)
    return data


def test_export_and_import_carry_the_requests(org_repo, tmp_path):
    from app import interchange
    counts = interchange.import_data(org_repo, _file())
    assert counts["requests"] == 2
    out = tmp_path / "all.json"
    interchange.export_data(org_repo, out)
    data = interchange.load_file(out)
    assert data["format"] == "vertrouwd-data/2"
    assert [(r["kind"], r["topic"], r["minutes"]) for r in data["requests"]] == [
        ("informatie_procedure", None, 5), ("advies_leidinggevende", "pesten", 20)]
    other = Repository(Vault.create(tmp_path / "o" / "o.vault", "another passphrase"))
    try:
        interchange.import_data(other, data)
        strip = lambda rows: [dataclasses.replace(r, id=None) for r in rows]  # noqa: E731
        assert strip(other.list_requests()) == strip(org_repo.list_requests())
    finally:
        other.vault.close()


def test_a_version_1_file_still_imports_and_cannot_carry_requests(org_repo):
    from app import interchange
    old = {"format": "vertrouwd-data/1", "organisations": [{"name": "Oud BV"}],
           "activities": [{"organisation": "Oud BV", "date": "2024-03-01", "kind": "training", "hours": 2}]}
    assert interchange.import_data(org_repo, old)["activities"] == 1
    with pytest.raises(UserError) as info:
        interchange.import_data(org_repo, dict(old, requests=[]))
    assert info.value.code == "interchange.unknown_top_level_field"


@pytest.mark.parametrize(("change", "code", "field"), [
    ({"kind": "klacht"}, "problem.unknown_code", "kind"),
    ({"minutes": "5"}, "interchange.not_whole_number", "minutes"),
    ({"notes": "mevrouw Jansen belde"}, "interchange.unknown_field", "notes"),
    ({"date": "2999-01-01"}, "problem.in_future", "date"),
])
def test_a_bad_request_in_a_file_names_it_and_writes_nothing(org_repo, change, code, field):
    from app import interchange
    data = _file()
    data["requests"][1].update(change)
    with pytest.raises(ValidationError) as info:
        interchange.import_data(org_repo, data)
    assert (info.value.code, info.value.field, info.value.record) == (code, field, "requests[1]")
    assert org_repo.request_count() == 0


def test_demo_data_has_requests(repo):
    from app import demo
    counts = demo.generate(repo, 30, orgs=2, years=2, seed=3, today=date(2026, 6, 1))
    assert counts["requests"] > 0 and repo.request_count() == counts["requests"]
    rows = repo.list_requests()
    assert all(r.date <= date(2026, 6, 1) and r.minutes > 0 for r in rows)
    assert {r.kind for r in rows} <= set(vocabularies()[V.REQUEST_KIND].codes)


def test_retention_keeps_requests_they_hold_no_details(org_repo):
    """Decision (app/privacy/retention.py): requests are figures only, so retention keeps them."""
    from app.privacy import retention
    from models.entities import Case, Contact
    org_repo.add_case(Case(code="2020-001", organisation="Gemeente Zuid", opened=date(2020, 1, 6),
                           closed=date(2020, 2, 1), reporter_role="betrokkene", behaviour="pesten",
                           accused_relation="collega", follow_up="opvang_advies",
                           contacts=[Contact(date(2020, 1, 6), 45, "persoonlijk", "intake", notes="lang verhaal")]))
    casework.record_request(org_repo, _req(date=date(2020, 1, 7)))
    due = retention.due(org_repo, date(2026, 3, 1))
    assert [d.code for d in due] == ["2020-001"]
    result = retention.purge(org_repo, [d.case_id for d in due], date(2026, 3, 1))
    assert result.cases == 1
    assert [(r.date, r.kind, r.minutes) for r in org_repo.list_requests()] == [
        (date(2020, 1, 7), "advies_leidinggevende", 5)]
