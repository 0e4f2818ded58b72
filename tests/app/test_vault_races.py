"""Two processes at one vault: passphrase change against passphrase change, import, restore and an open
window. The interleavings are forced with pipes (a process stops at a chosen step until told to go
on), never with sleeps. Every test runs twice: with this system's locks, and with Windows' lock scheme
(byte ranges, tests/winlocks.py) in every process.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.errors import WrongPassphrase
from app.store import vaultlock
from app.store.repository import Repository
from app.store.vault import Vault, pending_key_path
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
NEW_A = "the passphrase of process A"
NEW_B = "the passphrase of process B"

# Runs the command line in a child process. With PAUSE_AT set, the child stops after writing a file
# whose name ends in PAUSE_AT (e.g. the pending key file), prints "paused" and waits for a line on stdin.
DRIVER = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, os.environ["ROOT"])
    from app import fsutil
    from app.store import kdf
    from app.store import vault as vault_mod
    try:
        from app.store import vaultlock
        vaultlock.SHARED_WAIT = 0.0
    except ImportError:  # the code before the lock existed (to show the test failing there)
        pass
    if os.environ.get("WINDOWS_LOCKS"):
        from tests import winlocks
        winlocks.install()
    kdf.calibrate = lambda *a, **k: kdf.KdfParams(salt=os.urandom(16), memory_kib=8192, iterations=1)
    pause_at = os.environ.get("PAUSE_AT")
    real = fsutil.write_text_atomic
    def write(path, text):
        real(path, text)
        if pause_at and str(path).endswith(pause_at):
            print("paused", flush=True)
            sys.stdin.readline()
    fsutil.write_text_atomic = write
    vault_mod.fsutil.write_text_atomic = write
    from app import cli
    sys.exit(cli.main(sys.argv[1:]))
""")


def _child(vault: Path, *args: str, pause_at: str = "", passphrase: str = PASSPHRASE, new: str = "",
           cwd: Path | None = None) -> subprocess.Popen:
    env = {**os.environ, "ROOT": str(ROOT), "PAUSE_AT": pause_at, "VERTROUWD_PASSPHRASE": passphrase,
           "VERTROUWD_NEW_PASSPHRASE": new, "WINDOWS_LOCKS": "1" if vaultlock.RANGES else ""}
    return subprocess.Popen([sys.executable, "-c", DRIVER, "--vault", str(vault), *args], env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=cwd or ROOT)


def _wait_paused(proc: subprocess.Popen) -> None:
    line = proc.stdout.readline()
    assert line.strip() == "paused", (line, proc.stderr.read() if proc.poll() is not None else "")


def _finish(proc: subprocess.Popen) -> tuple[int, str, str]:
    out, err = proc.communicate("go\n", timeout=120)
    return proc.returncode, out, err


def _opens_with(vault: Path) -> list[str]:
    works = []
    for p in (PASSPHRASE, NEW_A, NEW_B):
        try:
            v = Vault.open(vault, p)
        except WrongPassphrase:
            continue
        assert Repository(v).counts()["organisations"] == 1
        v.close()
        works.append(p)
    return works


@pytest.fixture(autouse=True, params=["os-locks", "windows-locks"])
def lock_scheme(request, monkeypatch):
    if request.param == "windows-locks":
        from tests import winlocks
        winlocks.install(monkeypatch)
    return request.param


@pytest.fixture
def shared_vault(vault_path):
    v = Vault.create(vault_path, PASSPHRASE)
    Repository(v).add_organisation("Org A")
    v.close()
    return vault_path


@pytest.mark.parametrize("b_pauses", [True, False])
def test_two_passphrase_changes_at_once_never_destroy_the_vault(shared_vault, b_pauses):
    """A stops with its pending key written (the step where the second change used to overwrite it);
    B runs meanwhile. B is told plainly that another Vertrouwd is at work, and A's change stands."""
    a = _child(shared_vault, "passwd", pause_at=".pending", new=NEW_A)
    _wait_paused(a)
    b = _child(shared_vault, "passwd", pause_at=".pending" if b_pauses else "", new=NEW_B)
    b_out, b_err = b.communicate("go\n", timeout=120)  # B finishes (or would pause, and is let go)
    code_a, _, err_a = _finish(a)
    assert code_a == 0, err_a
    assert b.returncode == 1, (b_out, b_err)
    assert "Another Vertrouwd is changing this vault" in b_err and b_err.count("\n") == 1
    assert _opens_with(shared_vault) == [NEW_A]
    assert not pending_key_path(shared_vault).exists()


def test_an_import_waits_for_no_one_and_changes_nothing_during_a_passphrase_change(shared_vault, tmp_path):
    data = tmp_path / "data.json"
    data.write_text('{"format": "vertrouwd-data/1", "organisations": [{"name": "Org B"}]}')
    a = _child(shared_vault, "passwd", pause_at=".pending", new=NEW_A)
    _wait_paused(a)
    b = _child(shared_vault, "import", str(data))
    _, b_err = b.communicate(timeout=120)
    assert b.returncode == 1 and "Another Vertrouwd is changing this vault" in b_err
    assert _finish(a)[0] == 0
    assert _opens_with(shared_vault) == [NEW_A]


def test_a_passphrase_change_while_the_window_has_the_vault_open_is_refused(shared_vault):
    window = Vault.open(shared_vault, PASSPHRASE)  # the window (this process) holds the vault open
    try:
        b = _child(shared_vault, "passwd", new=NEW_B)
        _, b_err = b.communicate(timeout=120)
        assert b.returncode == 1 and "open in another Vertrouwd" in b_err, b_err
        assert Repository(window).counts()["organisations"] == 1  # the window goes on working
        Repository(window).add_organisation("Org B")
    finally:
        window.close()
    v = Vault.open(shared_vault, PASSPHRASE)
    assert Repository(v).counts()["organisations"] == 2
    v.close()


def test_a_backup_works_beside_the_window_but_a_restore_is_refused(shared_vault, tmp_path):
    window = Vault.open(shared_vault, PASSPHRASE)
    b = _child(shared_vault, "backup", str(tmp_path / "b.vbak"))  # a backup beside the window is fine
    assert b.communicate(timeout=120) and b.returncode == 0
    # a restore in another process is refused while the window has the vault open
    r = _child(shared_vault, "restore", str(tmp_path / "b.vbak"), "--force")
    _, r_err = r.communicate(timeout=120)
    assert r.returncode == 1 and "open in another Vertrouwd" in r_err, r_err
    window.close()
    assert _opens_with(shared_vault) == [PASSPHRASE]


def test_a_restore_and_a_passphrase_change_at_once(shared_vault, tmp_path):
    v = Vault.open(shared_vault, PASSPHRASE)
    backup = v.backup(tmp_path / "b.vbak")
    v.close()
    a = _child(shared_vault, "passwd", pause_at=".pending", new=NEW_A)
    _wait_paused(a)
    r = _child(shared_vault, "restore", str(backup), "--force")
    _, r_err = r.communicate(timeout=120)
    assert r.returncode == 1 and "Vertrouwd" in r_err
    assert _finish(a)[0] == 0
    assert _opens_with(shared_vault) == [NEW_A]


def test_a_killed_passphrase_change_leaves_no_lock_and_the_old_passphrase(shared_vault):
    """The lock dies with the process: after a kill in the middle of a change, the next change works."""
    a = _child(shared_vault, "passwd", pause_at=".pending", new=NEW_A)
    _wait_paused(a)
    a.kill()
    a.communicate(timeout=60)
    assert pending_key_path(shared_vault).exists()  # the kill left its pending key behind
    assert _opens_with(shared_vault) == [PASSPHRASE]  # ... which the next open clears away
    assert not pending_key_path(shared_vault).exists()
    b = _child(shared_vault, "passwd", new=NEW_B)
    _, b_err = b.communicate(timeout=120)
    assert b.returncode == 0, b_err
    assert _opens_with(shared_vault) == [NEW_B]


def test_parallel_wrong_attempts_each_count_and_take_turns(shared_vault):
    """A stops while holding its turn (its attempt already recorded); B can only go after A."""
    import json

    from app.store.vault import attempts_path
    a = _child(shared_vault, "org", "list", pause_at=".attempts.json", passphrase="wrong guess one")
    _wait_paused(a)
    assert json.loads(attempts_path(shared_vault).read_text())["failures"] == 1
    b = _child(shared_vault, "org", "list", passphrase="wrong guess two")
    code_a, _, err_a = _finish(a)
    _, b_err = b.communicate(timeout=120)
    assert code_a == 3 and b.returncode == 3, (err_a, b_err)
    assert json.loads(attempts_path(shared_vault).read_text())["failures"] == 2
