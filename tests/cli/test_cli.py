"""The command line, run in-process through app.cli.main(argv, out, err), plus two real subprocess runs.

Exit codes: 0 ok, 1 user error, 2 usage error, 3 wrong passphrase / locked out.
(decide, report, stats and retention are tested by their own modules.)
"""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli
from app.store.repository import Repository
from app.store.vault import Vault, key_path
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parent.parent.parent


class Run:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def run(tmp_path, monkeypatch):
    vault = tmp_path / "cli" / "v.vault"
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", PASSPHRASE)

    def _run(*argv: str, vault_path: Path | None = vault) -> Run:
        out, err = io.StringIO(), io.StringIO()
        args = (["--vault", str(vault_path)] if vault_path else []) + list(argv)
        code = cli.main(args, out, err)
        return Run(code, out.getvalue(), err.getvalue())

    _run.vault = vault
    return _run


@pytest.fixture
def ready(run):
    """An initialised vault with one organisation."""
    assert run("init").code == 0
    assert run("org", "add", "Gemeente Voorbeeld", "--unit", "ICT", "--unit", "Zorg").code == 0
    return run


def _one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


def _import_file(tmp_path: Path, cases: list[dict]) -> Path:
    p = tmp_path / "import.json"
    p.write_text(json.dumps({"format": "vertrouwd-data/1", "cases": cases}), encoding="utf-8")
    return p


def _case(code: str, opened: str = "2026-02-01", **kw) -> dict:
    d = {"code": code, "organisation": "Gemeente Voorbeeld", "opened": opened, "reporter_role": "medewerker",
         "behaviour": "pesten", "accused_relation": "collega", "follow_up": "lopend",
         "contacts": [{"date": opened, "minutes": 30, "channel": "video", "kind": "intake"}]}
    d.update(kw)
    return d


# -- init ---------------------------------------------------------------------------------------------
def test_init_and_init_twice(run):
    r = run("init")
    assert r.code == 0 and "Vault created" in r.out
    assert run.vault.exists() and key_path(run.vault).exists()
    before = run.vault.read_bytes()
    r = run("init")
    assert r.code == 1
    assert "already exists" in _one_line(r.err)
    assert run.vault.read_bytes() == before


def test_init_with_short_passphrase(run, monkeypatch):
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", "kort")
    r = run("init")
    assert r.code == 1 and "too short" in _one_line(r.err)
    assert not run.vault.exists()


def test_default_vault_location_is_the_user_data_folder(run, tmp_path):
    r = run("init", vault_path=None)
    assert r.code == 0
    path = cli.default_vault_path()
    assert path.exists()
    assert str(path).startswith(str(tmp_path / "home"))  # the isolated HOME / XDG folders


# -- passphrases --------------------------------------------------------------------------------------
def test_no_passphrase_and_no_terminal(run, monkeypatch):
    assert run("init").code == 0
    monkeypatch.delenv("VERTROUWD_PASSPHRASE")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    r = run("org", "list")
    assert r.code == 1
    assert "VERTROUWD_PASSPHRASE" in _one_line(r.err) and "--passphrase-file" in r.err


def test_passphrase_file(run, monkeypatch, tmp_path):
    assert run("init").code == 0
    monkeypatch.delenv("VERTROUWD_PASSPHRASE")
    good = tmp_path / "pass.txt"
    good.write_text(PASSPHRASE + "\n", encoding="utf-8")
    r = run("--passphrase-file", str(good), "org", "list")
    assert r.code == 0, r.err
    bad = tmp_path / "wrong.txt"
    bad.write_text("not the passphrase\n", encoding="utf-8")
    r = run("--passphrase-file", str(bad), "org", "list")
    assert r.code == 3 and "Wrong passphrase" in _one_line(r.err)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    r = run("--passphrase-file", str(empty), "org", "list")
    assert r.code == 1 and "empty" in _one_line(r.err)
    r = run("--passphrase-file", str(tmp_path / "missing.txt"), "org", "list")
    assert r.code == 1 and "Cannot read the passphrase file" in _one_line(r.err)


def test_wrong_passphrase_exit_3_then_locked_out(ready, monkeypatch):
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", "not the passphrase")
    for _ in range(3):
        r = ready("org", "list")
        assert r.code == 3 and _one_line(r.err).startswith("vertrouwd: Wrong passphrase")
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", PASSPHRASE)
    r = ready("org", "list")  # the delay applies to the right passphrase too
    assert r.code == 3 and "Wait" in _one_line(r.err)


def test_passwd(ready, monkeypatch):
    monkeypatch.setenv("VERTROUWD_NEW_PASSPHRASE", "the new passphrase here")
    r = ready("passwd")
    assert r.code == 0 and "Passphrase changed" in r.out
    monkeypatch.delenv("VERTROUWD_NEW_PASSPHRASE")
    r = ready("org", "list")
    assert r.code == 3
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", "the new passphrase here")
    r = ready("org", "list")
    assert r.code == 0 and "Gemeente Voorbeeld" in r.out


def test_passwd_without_new_passphrase_changes_nothing(ready, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    r = ready("passwd")
    assert r.code == 1 and "VERTROUWD_NEW_PASSPHRASE" in _one_line(r.err)
    monkeypatch.setenv("VERTROUWD_NEW_PASSPHRASE", "kort")
    r = ready("passwd")
    assert r.code == 1 and "too short" in _one_line(r.err)
    assert ready("org", "list").code == 0  # the old passphrase still works


# -- organisations and cases --------------------------------------------------------------------------
def test_org_add_and_list(ready):
    r = ready("org", "add", "  Zorggroep  ")
    assert r.code == 0 and "Zorggroep" in r.out
    r = ready("org", "list")
    assert r.out.splitlines() == ["Gemeente Voorbeeld  (ICT, Zorg)", "Zorggroep"]
    r = ready("org", "list", "--json")
    assert r.code == 0
    assert json.loads(r.out) == [{"name": "Gemeente Voorbeeld", "units": ["ICT", "Zorg"], "sector": "algemeen"},
                                 {"name": "Zorggroep", "units": [], "sector": "algemeen"}]
    r = ready("org", "add", "gemeente voorbeeld")
    assert r.code == 1 and "already exists" in _one_line(r.err)


def test_case_list_json_shape_and_filters(ready, tmp_path):
    f = _import_file(tmp_path, [_case("2025-001", "2025-03-01", closed="2025-04-01", follow_up="klacht"),
                                _case("2026-001"), _case("2026-002", "2026-05-05", behaviour="werkdruk")])
    assert ready("import", str(f)).code == 0
    r = ready("case", "list", "--json")
    assert r.code == 0
    rows = json.loads(r.out)
    assert [x["code"] for x in rows] == ["2026-002", "2026-001", "2025-001"]
    assert set(rows[0]) == {"code", "organisation", "opened", "closed", "status", "position", "reporter_role",
                            "behaviour", "accused_relation", "follow_up", "contacts", "minutes"}
    assert rows[2] | {} == {"code": "2025-001", "organisation": "Gemeente Voorbeeld", "opened": "2025-03-01",
                            "closed": "2025-04-01", "status": "gesloten", "position": "medewerker",
                            "reporter_role": "betrokkene",
                            "behaviour": "pesten", "accused_relation": "collega", "follow_up": "klacht",
                            "contacts": 1, "minutes": 30}
    assert [x["code"] for x in json.loads(ready("case", "list", "--json", "--year", "2026").out)] == \
           ["2026-002", "2026-001"]
    assert [x["code"] for x in json.loads(ready("case", "list", "--json", "--status", "gesloten").out)] == \
           ["2025-001"]
    r = ready("case", "list", "--org", "gemeente voorbeeld", "--year", "2025")
    assert r.code == 0 and r.out.startswith("2025-001\tGemeente Voorbeeld\t2025-03-01\tgesloten")
    assert r.err.strip() == "1 case(s)"


def test_case_list_unknown_org(ready):
    r = ready("case", "list", "--org", "Bestaat Niet")
    assert r.code == 1 and "Unknown organisation" in _one_line(r.err)


# -- import and export --------------------------------------------------------------------------------
def test_import_ok_and_bad_import_changes_nothing(ready, tmp_path):
    r = ready("import", str(_import_file(tmp_path, [_case("2026-001"), _case("2026-002")])))
    assert r.code == 0 and "2 cases" in r.out
    before = ready("case", "list", "--json").out
    bad = _import_file(tmp_path, [_case("2026-003"), _case("2026-004"), _case("2026-005", behaviour="roddel")])
    r = ready("import", str(bad))
    assert r.code == 1
    line = _one_line(r.err)
    assert "cases[2] (2026-005)" in line and "behaviour" in line
    unknown_org = _import_file(tmp_path, [_case("2026-006", organisation="Onbekend")])
    r = ready("import", str(unknown_org))
    assert r.code == 1 and "organisation" in _one_line(r.err)
    broken = tmp_path / "broken.json"
    broken.write_text('{\n "format": "vertrouwd-data/1",\n "cases": [,]\n}', encoding="utf-8")
    r = ready("import", str(broken))
    assert r.code == 1 and "line 3" in _one_line(r.err)
    r = ready("import", str(tmp_path / "missing.json"))
    assert r.code == 1 and "does not exist" in _one_line(r.err)
    assert ready("case", "list", "--json").out == before


def test_export(ready, tmp_path):
    f = _import_file(tmp_path, [_case("2026-001", contacts=[{"date": "2026-02-01", "minutes": 30,
                                                            "channel": "video", "kind": "intake",
                                                            "notes": "vertrouwelijke notitie"}])])
    assert ready("import", str(f)).code == 0
    out = tmp_path / "export.json"
    r = ready("export", str(out), "--with-notes")
    assert r.code == 0 and "NOT encrypted" in r.err
    data = json.loads(out.read_text("utf-8"))
    assert data["cases"][0]["contacts"][0]["notes"] == "vertrouwelijke notitie"
    assert (out.stat().st_mode & 0o777) == 0o600
    r = ready("export", str(tmp_path / "bare.json"))  # notes are left out unless asked for
    assert r.code == 0 and "--with-notes" in r.err
    assert "vertrouwelijke" not in (tmp_path / "bare.json").read_text("utf-8")


# -- backup, restore, check ---------------------------------------------------------------------------
def test_backup_restore_and_force(ready, tmp_path):
    backup = tmp_path / "b.vbak"
    r = ready("backup", str(backup))
    assert r.code == 0 and backup.exists()
    assert ready("org", "add", "Later Toegevoegd").code == 0
    r = ready("restore", str(backup))
    assert r.code == 1 and "--force" in _one_line(r.err)
    assert "Later Toegevoegd" in ready("org", "list").out
    r = ready("restore", str(backup), "--force")
    assert r.code == 0 and "restored" in r.out
    assert ready("org", "list").out.splitlines() == ["Gemeente Voorbeeld  (ICT, Zorg)"]
    # to a new place, no --force needed
    r = ready("restore", str(backup), vault_path=tmp_path / "elsewhere" / "n.vault")
    assert r.code == 0


def test_restore_errors(ready, tmp_path, monkeypatch):
    backup = tmp_path / "b.vbak"
    assert ready("backup", str(backup)).code == 0
    r = ready("restore", str(tmp_path / "nope.vbak"), "--force")
    assert r.code == 1 and "does not exist" in _one_line(r.err)
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", "not the passphrase")
    r = ready("restore", str(backup), "--force")
    assert r.code == 3 and "Wrong passphrase" in _one_line(r.err)


def test_check_ok_and_damaged(ready, tmp_path):
    assert ready("demo", "--cases", "80", "--orgs", "1").code == 0
    r = ready("check")
    assert r.code == 0 and "intact" in r.out
    path = ready.vault
    pages = path.stat().st_size // 4096
    with open(path, "r+b") as fh:
        fh.seek((pages // 2) * 4096 + 1000)
        fh.write(os.urandom(64))
    r = ready("check")
    assert r.code == 1
    assert "damaged" in r.err and "backup" in r.err and "Traceback" not in r.err


def test_missing_vault(run):
    r = run("org", "list")
    assert r.code == 1 and "vertrouwd init" in _one_line(r.err)


# -- demo ---------------------------------------------------------------------------------------------
def test_demo(ready):
    r = ready("demo", "--cases", "25", "--orgs", "3", "--years", "2", "--seed", "7")
    assert r.code == 0 and "25 cases" in r.out
    v = Vault.open(ready.vault, PASSPHRASE)
    try:
        repo = Repository(v)
        assert repo.counts()["cases"] == 25 and repo.counts()["organisations"] == 4
        rows = repo.list_cases()
        assert all(row.contacts >= 1 for row in rows)
    finally:
        v.close()
    r = ready("demo", "--cases", "-1")
    assert r.code == 1 and "--cases" in _one_line(r.err)


# -- usage errors -------------------------------------------------------------------------------------
@pytest.mark.parametrize("argv", [["frobnicate"], ["org"], ["org", "add"], ["case", "list", "--year", "x"],
                                  ["demo"], ["restore"], ["case", "list", "--status", "dicht"]])
def test_usage_errors_exit_2(run, capsys, argv):
    r = run(*argv)
    assert r.code == 2
    captured = capsys.readouterr()
    text = r.err + captured.err
    assert "error" in _one_line(text)


def test_no_command_prints_help_and_exits_2(run):
    r = run(vault_path=None)
    assert r.code == 2 and "COMMAND" in r.out


def test_version(run):
    r = run("--version", vault_path=None)
    assert r.code == 0 and "vertrouwd" in r.out


# -- the real entry point -----------------------------------------------------------------------------
def _main(tmp_path: Path, *argv: str, passphrase: str = PASSPHRASE) -> subprocess.CompletedProcess:
    env = dict(os.environ, VERTROUWD_PASSPHRASE=passphrase, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--vault", str(tmp_path / "s" / "v.vault"),
                           *argv], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL)


@pytest.mark.real_kdf
def test_entry_point_end_to_end(tmp_path):
    p = _main(tmp_path, "init")
    assert p.returncode == 0, p.stderr
    assert "Vault created" in p.stdout
    params = json.loads(key_path(tmp_path / "s" / "v.vault").read_text())["kdf"]
    assert params["memory_kib"] >= 64 * 1024  # the real, calibrated derivation was used
    p = _main(tmp_path, "org", "add", "Gemeente Voorbeeld")
    assert p.returncode == 0, p.stderr
    p = _main(tmp_path, "org", "list", "--json")
    assert p.returncode == 0 and json.loads(p.stdout) == [{"name": "Gemeente Voorbeeld", "units": [],
                                                                 "sector": "algemeen"}]


@pytest.mark.real_kdf
def test_entry_point_errors_are_one_line(tmp_path):
    assert _main(tmp_path, "init").returncode == 0
    p = _main(tmp_path, "init")
    assert p.returncode == 1
    assert "already exists" in _one_line(p.stderr)
    p = _main(tmp_path, "check", passphrase="not the passphrase")
    assert p.returncode == 3
    assert "Wrong passphrase" in _one_line(p.stderr)
    p = _main(tmp_path, "case", "lijst")
    assert p.returncode == 2
    assert "invalid choice" in _one_line(p.stderr)
