"""Findings of the security review, each with the test that failed before its fix."""
from __future__ import annotations

from datetime import date

from app import interchange
from app.privacy import retention
from models.entities import Case, Contact


def _case(code="2026-001", notes=""):
    return Case(code=code, organisation="Org", opened=date(2026, 2, 1), reporter_role="betrokkene",
                behaviour="pesten", accused_relation="collega", follow_up="lopend",
                contacts=[Contact(date=date(2026, 2, 1), minutes=30, channel="persoonlijk", kind="intake",
                                  notes=notes)])


def test_imported_notes_pass_the_privacy_guard(repo):
    data = {"format": "vertrouwd-data/1", "organisations": [{"name": "Org"}],
            "cases": [{"code": "2026-001", "organisation": "Org", "opened": "2026-02-01",
                       "reporter_role": "medewerker", "behaviour": "pesten", "accused_relation": "collega",
                       "follow_up": "lopend",
                       "contacts": [{"date": "2026-02-01", "minutes": 30, "channel": "persoonlijk",
                                     "kind": "intake", "notes": "Gesprek met Jan de Vries, tel 06-12345678."}]}]}
    interchange.import_data(repo, data)
    assert repo.flagged_contacts() == 1


def test_contacts_written_by_any_path_are_marked(repo):
    repo.add_organisation("Org")
    cid = repo.add_case(_case(notes="Mail j.devries@example.nl"))
    case = repo.get_case(cid)
    assert case.contacts[0].flagged
    contact = case.contacts[0]
    contact.notes = "Niets herleidbaars meer."
    contact.flagged = False
    repo.update_contact(contact)
    assert repo.flagged_contacts() == 0


def test_removed_case_leaves_no_history_for_a_reused_number(repo):
    repo.add_organisation("Org")
    cid = repo.add_case(_case())
    repo.add_contact(cid, Contact(date=date(2026, 3, 1), minutes=30, channel="video", kind="vervolg"))
    assert any(obj == f"casus {cid}" for _at, _a, obj in repo.audit_log())
    retention.delete_case_entirely(repo, cid, consent_withdrawn=True)
    assert not any(obj == f"casus {cid}" for _at, _a, obj in repo.audit_log())


def test_interrupted_create_leaves_nothing_in_the_way(tmp_path, monkeypatch):
    import os

    import pytest

    from app import fsutil
    from app.store.vault import Vault, key_path, pending_key_path
    from tests.conftest import PASSPHRASE
    path = tmp_path / "v.vault"

    def fail(src, dst):
        raise OSError("disk full")
    monkeypatch.setattr(fsutil, "replace_file", fail)
    with pytest.raises(OSError):
        Vault.create(path, PASSPHRASE)
    monkeypatch.undo()
    assert not path.exists() and not key_path(path).exists() and not pending_key_path(path).exists()
    # a stop after the vault got its name but before the key file did: the next open finishes it
    real_replace = os.replace
    calls = []

    def stop_on_key(src, dst):
        calls.append(dst)
        if str(dst).endswith(".key.json"):
            raise OSError("power cut")
        return real_replace(src, dst)
    monkeypatch.setattr(os, "replace", stop_on_key)
    with pytest.raises(OSError):
        Vault.create(path, PASSPHRASE)
    monkeypatch.undo()
    assert path.exists() and pending_key_path(path).exists() and not key_path(path).exists()
    v = Vault.open(path, PASSPHRASE)
    v.close()
    assert key_path(path).exists() and not pending_key_path(path).exists()
