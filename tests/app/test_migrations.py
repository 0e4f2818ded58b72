"""Upgrading vault files written by every earlier schema version (kept in tests/fixtures)."""
from __future__ import annotations

import importlib.util
import json
import re
import shutil
import stat
from datetime import date
from pathlib import Path

import pytest

from app.errors import VaultError
from app.store import migrations
from app.store.repository import Repository
from app.store.vault import Vault, key_path
from models.entities import LEGACY_ROLES, Case, Contact, split_role

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
VAULT_FILES = sorted(FIXTURES.glob("vault_v*.vault"))


def _fixture_module():
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MF = _fixture_module()


# How schema 5 splits the old mixed reporter_role of the fixtures: (position, role in the case).
OLD_ROLES_NOW = {"medewerker": ("medewerker", "betrokkene"), "omstander": ("onbekend", "omstander"),
                 "flexkracht": ("uitzend_flexkracht", "betrokkene")}


def _version(path: Path) -> int:
    return int(re.fullmatch(r"vault_v(\d+)\.vault", path.name).group(1))


def _copy(fixture: Path, tmp_path: Path) -> Path:
    target = tmp_path / "vault" / fixture.name
    target.parent.mkdir()
    shutil.copyfile(fixture, target)
    shutil.copyfile(key_path(fixture), key_path(target))
    return target


def test_there_is_a_fixture_for_every_earlier_version():
    versions = {_version(p) for p in VAULT_FILES}
    earlier = {v for v, _ in migrations.MIGRATIONS if v < migrations.LATEST}
    assert versions == earlier, "add tests/fixtures/vault_vN.vault for old schemas"
    for p in VAULT_FILES:
        assert key_path(p).exists()
        assert _version(p) in MF.EXPECTED


@pytest.mark.parametrize("fixture", VAULT_FILES, ids=lambda p: p.name)
def test_old_vault_upgrades_and_keeps_data(fixture, tmp_path):
    version = _version(fixture)
    exp = MF.EXPECTED[version]
    path = _copy(fixture, tmp_path)
    original_bytes = path.read_bytes()
    v = Vault.open(path, MF.PASSPHRASE)
    try:
        assert v.schema_version == migrations.LATEST
        repo = Repository(v)
        # data kept
        orgs = {o.name: o.units for o in repo.list_organisations()}
        assert orgs == {name: sorted(units) for name, units in exp["organisations"].items()}
        assert {o.sector for o in repo.list_organisations()} == {"algemeen"}
        rows = {r.code: r for r in repo.list_cases()}
        assert set(rows) == set(exp["cases"])
        for code, (org, opened, closed, role, beh, rel, fol, unit, n) in exp["cases"].items():
            case = repo.get_case(rows[code].id)
            position, role_now = OLD_ROLES_NOW[role]
            assert (case.organisation, case.opened.isoformat(), case.closed and case.closed.isoformat(),
                    case.position, case.reporter_role, case.behaviour, case.accused_relation, case.follow_up,
                    case.unit, len(case.contacts)) == (org, opened, closed, position, role_now, beh, rel, fol,
                                                       unit, n)
            assert case.integrity_kind is None and case.outcome is None
            assert case.extra_behaviours == exp["extra_behaviours"].get(code, [])
            assert all(k.checklist is None and k.flagged is False for k in case.contacts)
        assert sum(r.minutes for r in rows.values()) == exp["contact_minutes"]
        notes = [k.notes for k in repo.get_case(rows["2024-001"].id).contacts]
        assert exp["notes"] in notes
        assert repo.counts()["activities"] == exp["activities"]
        for k, val in exp["settings"].items():
            assert repo.get_setting(k) == val
        # new tables exist and work
        tables = {r[0] for r in v.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"decisions", "reminders", "audit_log", "drafts", "report_texts",
                "published_reports"} <= tables
        cid = rows["2024-002"].id
        repo.add_reminder(cid, date(2024, 6, 1), "terugkoppeling")
        assert [r.case_code for r in repo.reminders()] == ["2024-002"]
        repo.save_decision(cid, {"tree_version": "1", "route": "informeel"})
        assert repo.decisions(cid)[0][2]["route"] == "informeel"
        repo.add_contact(cid, Contact(date=date(2024, 6, 2), minutes=15, channel="video", kind="vervolg",
                                      checklist={"uitleg_rol": True}, flagged=True))
        assert repo.flagged_contacts() == 1
        # the migration is in the audit log and the signing key was made
        assert any(a == "migratie" and o == f"schema {migrations.LATEST}" for _, a, o in repo.audit_log())
        key = repo.signing_key()
        assert len(key) == 32
        assert v.check().ok
    finally:
        v.close()
    # a copy of the old file was kept, encrypted (it is the old bytes, not a plain dump)
    keep = path.with_name(f"{path.name}.pre-v{migrations.LATEST}.bak")
    assert keep.exists()
    assert keep.read_bytes() == original_bytes
    assert not keep.read_bytes().startswith(b"SQLite format 3")
    assert exp["notes"].encode("utf-8") not in keep.read_bytes()
    assert stat.S_IMODE(keep.stat().st_mode) == 0o600
    assert key_path(keep).exists()
    # the kept copy still opens (without migrating) with the old schema: the way back exists
    old = Vault.open(keep, MF.PASSPHRASE, migrate=False)
    try:
        assert old.schema_version == version
    finally:
        old.close()
    # opening again migrates nothing and makes no new copy; the signing key stays the same
    keep.unlink()
    v = Vault.open(path, MF.PASSPHRASE)
    try:
        assert Repository(v).signing_key() == key
    finally:
        v.close()
    assert not keep.exists()


def test_fixtures_themselves_are_untouched_by_the_tests():
    for p in VAULT_FILES:
        assert not p.with_name(p.name + f".pre-v{migrations.LATEST}.bak").exists()


def test_new_vault_is_at_latest_version(vault):
    assert vault.schema_version == migrations.LATEST
    assert migrations.migrate(vault.conn, vault.path) == []


def test_vault_from_a_newer_program_is_refused(vault, vault_path):
    with vault.transaction() as conn:
        conn.execute("UPDATE schema_version SET version = ?", (migrations.LATEST + 1,))
    vault.close()
    with pytest.raises(VaultError) as info:
        Vault.open(vault_path, "correct horse battery")
    assert "newer version" in info.value.message


def test_failed_migration_step_rolls_back_and_keeps_the_copy(vault_path, monkeypatch):
    v = Vault.create(vault_path, "correct horse battery", schema_version=1)
    v.close()

    def broken(conn):
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("step failed")

    monkeypatch.setattr(migrations, "MIGRATIONS", [migrations.MIGRATIONS[0], (2, broken)])
    with pytest.raises(RuntimeError):
        Vault.open(vault_path, "correct horse battery")
    monkeypatch.undo()
    assert vault_path.with_name(vault_path.name + ".pre-v2.bak").exists()
    v = Vault.open(vault_path, "correct horse battery", migrate=False)
    try:
        assert v.schema_version == 1
        assert not v.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'half_done'").fetchone()
    finally:
        v.close()
    v = Vault.open(vault_path, "correct horse battery")  # the real migration still works afterwards
    try:
        assert v.schema_version == migrations.LATEST
        repo = Repository(v)
        repo.add_organisation("Org A")
        repo.add_case(Case(code="2026-001", organisation="Org A", opened=date(2026, 1, 1),
                           reporter_role="betrokkene", behaviour="pesten", accused_relation="collega",
                           follow_up="lopend"))
    finally:
        v.close()


def test_schema_3_vault_gets_the_covering_index_and_keeps_its_ledger(tmp_path):
    path = _copy(FIXTURES / "vault_v3.vault", tmp_path)
    v = Vault.open(path, MF.PASSPHRASE)
    try:
        indexes = {r[0] for r in v.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"contacts_case_date_minutes", "cases_opened"} <= indexes
        assert "contacts_case" not in indexes
        ledger = v.conn.execute("SELECT organisation, year, kind FROM publications").fetchall()
        assert [tuple(r) for r in ledger] == [("Gemeente Oud", 2024, "report")]
        rows = {r.code: (r.contacts, r.minutes) for r in Repository(v).list_cases(year=2024)}
        assert rows == {"2024-001": (2, 75), "2024-002": (1, 60), "2024-003": (3, 150)}
    finally:
        v.close()


@pytest.mark.parametrize("old", sorted(LEGACY_ROLES))
def test_schema_4_roles_are_split_into_position_and_role(old, tmp_path):
    """Every old reporter_role code, written by a schema-4 program, comes out as the one mapping says."""
    path = tmp_path / "v4.vault"
    v = Vault.create(path, "correct horse battery", schema_version=4)
    try:
        with v.transaction() as conn:
            oid = conn.execute("INSERT INTO organisations(name, created) VALUES ('Org', '2024-01-01')").lastrowid
            cid = conn.execute("INSERT INTO cases(code, organisation_id, opened, reporter_role, behaviour, "
                               "accused_relation, follow_up) VALUES ('2024-001', ?, '2024-01-02', ?, 'pesten', "
                               "'collega', 'lopend')", (oid, old)).lastrowid
            intake = {"template": "intake", "version": 1, "answers": {"reporter_role": old, "behaviour": "pesten"}}
            conn.execute("INSERT INTO contacts(case_id, date, minutes, channel, kind, checklist) VALUES "
                         "(?, '2024-01-02', 30, 'video', 'intake', ?)", (cid, json.dumps(intake)))
    finally:
        v.close()
    v = Vault.open(path, "correct horse battery")
    try:
        repo = Repository(v)
        case = repo.get_case(repo.case_id_by_code("2024-001"))
        assert (case.position, case.reporter_role) == LEGACY_ROLES[old]
        assert split_role(old) == LEGACY_ROLES[old]
        # the old intake answer is now the intake's two items, so they are not asked again as open
        assert case.contacts[0].checklist["answers"] == {"position": LEGACY_ROLES[old][0],
                                                        "case_role": LEGACY_ROLES[old][1], "behaviour": "pesten"}
        case.behaviour = "integriteit"
        case.integrity_kind = "fraude_diefstal"
        repo.update_case(case)   # the mapped case is valid under today's vocabularies
    finally:
        v.close()
