"""`vertrouwd case close|reopen|reminders|done`: the window's case work (app.casework) on the command line."""
from __future__ import annotations

import json
from datetime import date

from app.store.repository import Repository
from app.store.vault import Vault
from tests.cli.test_cli import _case, _import_file
from tests.conftest import PASSPHRASE


def _add_reminder(tmp_path, code: str) -> int:
    vault = Vault.open(tmp_path / "cli" / "v.vault", PASSPHRASE)
    try:
        repo = Repository(vault)
        return repo.add_reminder(repo.case_id_by_code(code), date(2026, 3, 1), "volgend_contact")
    finally:
        vault.close()


def _status(vt, code: str) -> dict:
    return next(r for r in json.loads(vt("case", "list", "--json").out) if r["code"] == code)


def test_close_reopen_and_reminders(vt, tmp_path):
    assert vt("import", str(_import_file(tmp_path, [_case("2026-001")]))).code == 0
    rid = _add_reminder(tmp_path, "2026-001")
    r = vt("case", "reminders")
    assert r.code == 0 and r.out == f"{rid}\t2026-03-01\t2026-001\tvolgend_contact\n"
    r = vt("case", "close", "2026-001")
    assert r.code == 0 and "closed on" in r.out and "opvang_advies" in r.out
    row = _status(vt, "2026-001")
    assert row["status"] == "gesloten" and row["follow_up"] == "opvang_advies"
    assert vt("case", "reminders", "2026-001").out == ""           # closing completed them
    r = vt("case", "reopen", "2026-001")
    assert r.code == 0 and _status(vt, "2026-001")["closed"] is None


def test_done_and_unknown_codes(vt, tmp_path):
    assert vt("import", str(_import_file(tmp_path, [_case("2026-001")]))).code == 0
    rid = _add_reminder(tmp_path, "2026-001")
    assert vt("case", "done", str(rid)).code == 0
    assert vt("case", "reminders").out == ""
    r = vt("case", "done", str(rid))
    assert r.code == 1 and "was not open" in r.err
    r = vt("case", "close", "2099-001")
    assert r.code == 1 and "2099-001" in r.err and "Traceback" not in r.err
