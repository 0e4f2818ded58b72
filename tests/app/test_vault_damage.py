"""Damage is reported, never papered over: truncated and foreign files, leftovers of killed runs,
private folders, one-line errors, full disks and no core dumps."""
from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from app import cli
from app.errors import UserError, VaultError
from app.store import kdf
from app.store import vault as vault_mod
from app.store.repository import Repository
from app.store.vault import KeyFile, Vault, key_path
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())
            if p.is_file() and not p.name.endswith(".lock")}


@pytest.fixture
def made(vault_path):
    v = Vault.create(vault_path, PASSPHRASE)
    Repository(v).add_organisation("Org A")
    v.close()
    return vault_path


@pytest.mark.parametrize("size", [0, 1, 100, 4095])
def test_a_truncated_vault_is_reported_and_never_rebuilt(made, size, monkeypatch):
    with open(made, "r+b") as fh:
        fh.truncate(size)
    before = _snapshot(made.parent)
    with pytest.raises(VaultError, match="damaged") as info:
        Vault.open(made, PASSPHRASE)
    assert f"only {size} bytes" in info.value.message
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", PASSPHRASE)
    code, out, err = _run("--vault", str(made), "check")
    assert code == 1 and "damaged" in err and "intact" not in out and err.count("\n") == 1
    assert _snapshot(made.parent) == before  # nothing rewritten, no new schema, no new key


def test_a_foreign_file_of_vault_size_is_damaged_not_rebuilt(made):
    made.write_bytes(os.urandom(8192))
    before = _snapshot(made.parent)
    with pytest.raises(VaultError, match="damaged"):
        Vault.open(made, PASSPHRASE)
    assert _snapshot(made.parent) == before


def test_an_emptied_database_with_the_right_key_is_not_filled_with_a_new_schema(made):
    key = kdf.derive_key(PASSPHRASE, KeyFile.read(key_path(made)).params)
    made.unlink()
    conn = vault_mod._connect(made, key)
    conn.execute("PRAGMA user_version = 7")  # a valid, encrypted, but empty database
    conn.close()
    assert made.stat().st_size >= vault_mod.PAGE
    before = _snapshot(made.parent)
    with pytest.raises(VaultError, match="holds no data"):
        Vault.open(made, PASSPHRASE)
    assert _snapshot(made.parent) == before


def test_a_folder_where_the_vault_should_be(vault_path):
    vault_path.mkdir(parents=True)
    with pytest.raises(VaultError, match="not a vault file"):
        Vault.open(vault_path, PASSPHRASE)


@pytest.mark.parametrize("content", [b"", b"x", b"anything at all"])
def test_init_never_overwrites_an_existing_file(vault_path, content, monkeypatch):
    vault_path.parent.mkdir(parents=True)
    vault_path.write_bytes(content)
    with pytest.raises(UserError, match="already exists"):
        Vault.create(vault_path, PASSPHRASE)
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", PASSPHRASE)
    code, _, err = _run("--vault", str(vault_path), "init")
    assert code == 1 and "already exists" in err
    assert vault_path.read_bytes() == content and not key_path(vault_path).exists()


def test_a_missing_key_file_is_a_clear_message(made):
    key_path(made).unlink()
    with pytest.raises(VaultError, match="key file .* is missing"):
        Vault.open(made, PASSPHRASE)


# -- folders and leftovers ---------------------------------------------------------------------------
def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_folders_the_program_creates_are_private(tmp_path):
    path = tmp_path / "new" / "deeper" / "v.vault"
    v = Vault.create(path, PASSPHRASE)
    backup = v.backup(tmp_path / "backups" / "inner" / "b.vbak")
    v.close()
    for folder in (tmp_path / "new", tmp_path / "new" / "deeper", backup.parent, backup.parent.parent):
        assert _mode(folder) == 0o700, (folder, oct(_mode(folder)))
    restored = tmp_path / "elsewhere" / "r.vault"
    Vault.restore(backup, restored, PASSPHRASE).close()
    assert _mode(restored.parent) == 0o700


def test_leftovers_of_killed_runs_are_removed_on_the_next_open(made, tmp_path):
    folder, name = made.parent, made.name
    leftovers = [folder / f".{name}.restoring", folder / f".{name}.creating", folder / f".{name}.export-x1y2",
                 folder / f".{name}.key.json.abcd.tmp"]
    for f in leftovers:
        f.write_bytes(b"encrypted copy")
    keep = folder / f"{name}.pre-v2.bak"  # a copy the adviser is told about: not a leftover
    keep.write_bytes(b"kept")
    v = Vault.open(made, PASSPHRASE)
    assert not any(f.exists() for f in leftovers) and keep.exists()
    backup = v.backup(tmp_path / "out" / "b.vbak")  # a backup leaves nothing behind either
    v.close()
    assert sorted(p.name for p in backup.parent.iterdir()) == ["b.vbak"]
    assert not list(folder.glob(f".{name}.export-*"))


def test_leftovers_stay_while_another_process_may_still_be_writing_them(made):
    other = Vault.open(made, PASSPHRASE)  # stands for the other process (its own lock)
    staged = made.parent / f".{made.name}.export-busy"
    staged.write_bytes(b"a backup in progress")
    try:
        Vault.open(made, PASSPHRASE).close()
        assert staged.exists()
    finally:
        other.close()


# -- one line, the real cause -------------------------------------------------------------------------
def test_sqlcipher_log_lines_do_not_reach_stderr(made):
    with open(made, "r+b") as fh:  # damage a page in the middle
        fh.seek(vault_mod.PAGE + 100)
        fh.write(b"\xff" * 64)
    env = {**os.environ, "VERTROUWD_PASSPHRASE": PASSPHRASE}
    proc = subprocess.run([sys.executable, "-m", "app.cli", "--vault", str(made), "check"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert "ERROR CORE" not in proc.stderr and "hmac" not in proc.stderr
    assert proc.stderr.count("\n") <= 3 and "Traceback" not in proc.stderr  # the damage report


def test_a_full_disk_during_a_write_names_the_disk_not_damage(vault, repo, monkeypatch):
    class Full:
        def __init__(self, conn):
            self._c = conn
            self.in_transaction = False

        def execute(self, sql, *args):
            if sql == "COMMIT":
                self._c.execute("ROLLBACK")  # what SQLite does itself when the disk is full
                raise sqlcipher.OperationalError("database or disk is full")
            return self._c.execute(sql, *args)

        def __getattr__(self, name):
            return getattr(self._c, name)

    vault._conn = Full(vault._conn)
    with pytest.raises(sqlcipher.OperationalError, match="disk is full"):  # not "cannot rollback"
        repo.add_organisation("Org B")
    vault._conn = vault._conn._c


def test_the_command_line_says_the_disk_is_full(made, monkeypatch):
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", PASSPHRASE)

    def full(*a, **k):
        raise sqlcipher.OperationalError("database or disk is full")
    monkeypatch.setattr(Repository, "add_organisation", full)
    code, _, err = _run("--vault", str(made), "org", "add", "Org B")
    assert code == 1 and "disk is full" in err and "backup" not in err and "damaged" not in err


# -- no core dumps -------------------------------------------------------------------------------------
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux: rlimit and prctl")
def test_core_dumps_are_switched_off_at_start():
    script = ("import ctypes, resource, main\n"
              "main.main(['--version'])\n"
              "print(resource.getrlimit(resource.RLIMIT_CORE), ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))")
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip().splitlines()[-1] == "(0, 0) 0", proc.stdout + proc.stderr


def test_a_refused_value_is_not_called_damage(made, monkeypatch):
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", PASSPHRASE)

    def refused(*a, **k):
        raise sqlcipher.IntegrityError("CHECK constraint failed: hours >= 0")
    monkeypatch.setattr(Repository, "add_organisation", refused)
    code, _, err = _run("--vault", str(made), "org", "add", "Org B")
    assert code == 1 and "hours >= 0" in err and "backup" not in err and "damaged" not in err


def test_passwd_on_a_full_disk_says_so_and_changes_nothing(made, monkeypatch):
    """Measured on a 1 MB tmpfs: SQLCipher only said "PRAGMA rekey can only be run on an existing
    encrypted database". The space a re-encryption needs is checked first."""
    import shutil
    real = shutil.disk_usage
    monkeypatch.setattr(vault_mod.shutil, "disk_usage", lambda p: real(p)._replace(free=4096))
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("VERTROUWD_NEW_PASSPHRASE", "a new passphrase here")
    code, _, err = _run("--vault", str(made), "passwd")
    assert code == 1 and "too full to change the passphrase" in err and "Nothing was changed" in err
    monkeypatch.undo()
    Vault.open(made, PASSPHRASE).close()


def test_a_disk_write_error_is_not_called_damage(made, monkeypatch):
    """A file-size limit (FAT32, quota) gives "disk I/O error" on growth: say the write failed."""
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", PASSPHRASE)

    def failed(*a, **k):
        raise sqlcipher.OperationalError("disk I/O error")
    monkeypatch.setattr(Repository, "add_organisation", failed)
    code, _, err = _run("--vault", str(made), "org", "add", "Org B")
    assert code == 1 and "disk I/O error" in err and "restore" not in err
