"""The encrypted vault, tested the way an attacker and an unlucky adviser would use it.

Covers: wrong passphrase and the growing delay (with a fake clock), nothing readable on disk, file
modes, passphrase change (also interrupted), damage detection, backup and restore, and the checks
made when a connection is opened.
"""
from __future__ import annotations

import json
import os
import sqlite3
import stat
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

import pytest

from app import demo, fsutil
from app.errors import LockedOut, UserError, VaultError, WrongPassphrase
from app.store import migrations
from app.store import vault as vault_mod
from app.store.repository import Repository
from app.store.vault import Vault, attempts_path, delay_after, key_path, pending_key_path
from models.entities import Case, Contact
from tests.conftest import PASSPHRASE

NEW_PASSPHRASE = "a different sentence entirely"
PAGE = 4096


class FakeClock:
    def __init__(self, start: float = 1_000_000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def _case(code: str = "2026-001", notes: str = "", org: str = "Org A") -> Case:
    return Case(code=code, organisation=org, opened=date(2026, 1, 5), reporter_role="betrokkene",
                behaviour="pesten", accused_relation="collega", follow_up="opvang_advies",
                contacts=[Contact(date=date(2026, 1, 5), minutes=45, channel="persoonlijk", kind="intake",
                                  notes=notes)])


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


# -- wrong passphrase and the growing delay ----------------------------------------------------------
def test_wrong_passphrase_fails_cleanly(vault_path):
    Vault.create(vault_path, PASSPHRASE).close()
    with pytest.raises(WrongPassphrase) as info:
        Vault.open(vault_path, "not the passphrase", clock=FakeClock())
    exc = info.value
    assert type(exc) is WrongPassphrase
    assert "Wrong passphrase" in exc.message
    assert "Traceback" not in str(exc)
    assert exc.__cause__ is None and exc.__context__ is None  # no chained low-level error
    assert exc.exit_code == 3


def test_delay_grows_after_three_failures_and_survives_restarts(vault_path):
    Vault.create(vault_path, PASSPHRASE).close()
    clock = FakeClock()
    for _ in range(2):  # the first failures cost nothing
        with pytest.raises(WrongPassphrase) as info:
            Vault.open(vault_path, "wrong guess 1", clock=clock)
        assert type(info.value) is WrongPassphrase
    with pytest.raises(WrongPassphrase) as info:  # third failure: a delay starts
        Vault.open(vault_path, "wrong guess 3", clock=clock)
    assert "wait 2 seconds" in info.value.message
    # during the delay even the right passphrase is refused (a new Vault.open = a restart)
    with pytest.raises(LockedOut) as info:
        Vault.open(vault_path, PASSPHRASE, clock=clock)
    assert "Wait 2 seconds" in info.value.message
    clock.advance(1.5)
    with pytest.raises(LockedOut):
        Vault.open(vault_path, PASSPHRASE, clock=clock)
    clock.advance(0.6)
    with pytest.raises(WrongPassphrase) as info:  # fourth failure: the delay doubles
        Vault.open(vault_path, "wrong guess 4", clock=clock)
    assert type(info.value) is WrongPassphrase
    assert json.loads(attempts_path(vault_path).read_text())["failures"] == 4
    clock.advance(3.9)
    with pytest.raises(LockedOut):
        Vault.open(vault_path, PASSPHRASE, clock=clock)
    clock.advance(0.2)
    Vault.open(vault_path, PASSPHRASE, clock=clock).close()
    # success resets the count: the next two failures carry no delay again
    assert not attempts_path(vault_path).exists()
    for _ in range(2):
        with pytest.raises(WrongPassphrase) as info:
            Vault.open(vault_path, "wrong again", clock=clock)
        assert type(info.value) is WrongPassphrase
    Vault.open(vault_path, PASSPHRASE, clock=clock).close()


def test_delay_schedule_is_capped():
    assert [delay_after(n) for n in range(1, 7)] == [0, 0, 2, 4, 8, 16]
    assert delay_after(1000) == vault_mod.MAX_DELAY


@pytest.mark.parametrize("garbage", [b"{not json", b"\xff\xfe", b"[]", b'{"failures": "3", "not_before": 0}',
                                     b'{"failures": -1, "not_before": 0}', b'{"failures": 1, "not_before": NaN}'])
def test_damaged_attempts_file_counts_as_the_maximum_delay_then_lets_go(vault_path, garbage):
    """Corrupting the record of failed attempts must not reset the delay: it counts as the maximum."""
    Vault.create(vault_path, PASSPHRASE).close()
    attempts_path(vault_path).write_bytes(garbage)
    clock = FakeClock()
    with pytest.raises(LockedOut) as info:
        Vault.open(vault_path, PASSPHRASE, clock=clock)
    assert f"Wait {int(vault_mod.MAX_DELAY)} seconds" in info.value.message
    assert "damaged" in info.value.message
    clock.advance(vault_mod.MAX_DELAY - 1)
    with pytest.raises(LockedOut):
        Vault.open(vault_path, PASSPHRASE, clock=clock)
    clock.advance(1)
    Vault.open(vault_path, PASSPHRASE, clock=clock).close()  # the wait ends: no lockout for good
    assert not attempts_path(vault_path).exists()


@pytest.mark.parametrize("not_before", ["Infinity", "1e308", "-Infinity", "1e999"])
def test_huge_or_infinite_waits_are_clamped(vault_path, not_before):
    Vault.create(vault_path, PASSPHRASE).close()
    attempts_path(vault_path).write_text(f'{{"failures": 99999999999999999999, "not_before": {not_before}}}')
    clock = FakeClock()
    try:
        Vault.open(vault_path, PASSPHRASE, clock=clock).close()
    except LockedOut as exc:
        assert "Traceback" not in exc.message
    clock.advance(vault_mod.MAX_DELAY)
    Vault.open(vault_path, PASSPHRASE, clock=clock).close()


def test_a_folder_in_place_of_the_attempts_record(vault_path):
    Vault.create(vault_path, PASSPHRASE).close()
    attempts_path(vault_path).mkdir()  # empty: removed, and the right passphrase opens
    Vault.open(vault_path, PASSPHRASE, clock=FakeClock()).close()
    assert not attempts_path(vault_path).exists()
    attempts_path(vault_path).mkdir()
    (attempts_path(vault_path) / "something").write_text("x")
    with pytest.raises(VaultError, match="is a folder") as info:
        Vault.open(vault_path, PASSPHRASE, clock=FakeClock())
    assert "Move or remove that folder" in info.value.message
    (attempts_path(vault_path) / "something").unlink()
    Vault.open(vault_path, PASSPHRASE, clock=FakeClock()).close()  # no lockout for good


def test_an_attempt_is_recorded_before_the_key_is_derived(vault_path, monkeypatch):
    """A process killed during the derivation has still used up its guess."""
    Vault.create(vault_path, PASSPHRASE).close()
    seen = []

    def derive(passphrase, params):
        seen.append(json.loads(attempts_path(vault_path).read_text())["failures"])
        raise KeyboardInterrupt  # killed while deriving
    monkeypatch.setattr(vault_mod.kdf, "derive_key", derive)
    for _ in range(3):
        with pytest.raises(KeyboardInterrupt):
            Vault.open(vault_path, "a wrong guess", clock=FakeClock())
    assert seen == [1, 2, 3]
    monkeypatch.undo()
    with pytest.raises(LockedOut):
        Vault.open(vault_path, PASSPHRASE, clock=FakeClock())


def test_an_attempt_that_cannot_be_recorded_is_not_tried(vault_path, monkeypatch):
    """A full disk is not a free guess: exit code 3 and a note, and the key is never derived."""
    Vault.create(vault_path, PASSPHRASE).close()
    derived = []
    monkeypatch.setattr(vault_mod.kdf, "derive_key", lambda *a: derived.append(a))

    def full(*a, **k):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(vault_mod.fsutil, "write_text_atomic", full)
    with pytest.raises(WrongPassphrase) as info:
        Vault.open(vault_path, "a wrong guess", clock=FakeClock())
    assert info.value.exit_code == 3
    assert "No space left on device" in info.value.message and "not tried" in info.value.message
    assert derived == []


# -- what is on disk ----------------------------------------------------------------------------------
def test_header_is_not_plain_sqlite(vault, repo, vault_path):
    repo.add_organisation("Org A")
    vault.close()
    head = vault_path.read_bytes()[:16]
    assert head != b"SQLite format 3\x00"
    assert b"SQLite" not in vault_path.read_bytes()[:4096]
    with pytest.raises(sqlite3.DatabaseError):  # plain SQLite cannot read it
        sqlite3.connect(vault_path).execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_files_are_private(vault, repo, vault_path, tmp_path):
    repo.add_organisation("Org A")
    backup = vault.backup(tmp_path / "backups" / "b.vbak")
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, "a wrong passphrase", clock=FakeClock())
    for p in (vault_path, key_path(vault_path), backup, attempts_path(vault_path)):
        assert p.exists(), p
        assert _mode(p) == 0o600, (p, oct(_mode(p)))


def test_pre_migration_copies_are_private(vault_path):
    v = Vault.create(vault_path, PASSPHRASE, schema_version=1)
    v.close()
    Vault.open(vault_path, PASSPHRASE).close()
    last = f"pre-v{migrations.LATEST}"  # the copy is named after the newest schema it upgrades to
    copies = sorted(vault_path.parent.glob(f"*.{last}.bak*"))
    assert [c.name for c in copies] == [vault_path.name + f".{last}.bak", vault_path.name + f".{last}.bak.key.json"]
    for c in copies:
        assert _mode(c) == 0o600, (c, oct(_mode(c)))


def _forms(marker: str) -> list[bytes]:
    return [marker.encode("utf-8"), marker.encode("utf-16-le"), marker.encode("utf-16-be")]


def _leaks(files, forms: list[bytes]) -> list[str]:
    found = []
    for p in files:
        try:
            if not p.is_file() or p.stat().st_size > 64 * 1024 * 1024:
                continue
            data = p.read_bytes()
        except OSError:
            continue
        if any(f in data for f in forms):
            found.append(str(p))
    return found


def test_notes_never_reach_the_disk_in_plain_text(vault_path, tmp_path):
    started = time.time() - 1
    marker = f"geheim-ëi-{uuid.uuid4().hex}"
    forms = _forms(marker)
    # a schema-1 vault with the marker, then the upgrade (which copies the file) and more writes
    v = Vault.create(vault_path, PASSPHRASE, schema_version=1)
    with v.transaction() as conn:
        conn.execute("INSERT INTO organisations(name, created) VALUES ('Org A', '2025-01-01')")
        conn.execute("INSERT INTO cases(code, organisation_id, opened, reporter_role, behaviour, "
                     "accused_relation, follow_up) VALUES ('2025-001', 1, '2025-02-01', 'medewerker', "
                     "'pesten', 'collega', 'lopend')")
        conn.execute("INSERT INTO contacts(case_id, date, minutes, channel, kind, notes) "
                     "VALUES (1, '2025-02-01', 30, 'video', 'intake', ?)", (marker,))
    v.close()
    v = Vault.open(vault_path, PASSPHRASE)
    repo = Repository(v)
    cid = repo.add_case(_case(notes=f"Eerste gesprek. {marker} Tweede deel."))
    repo.add_contact(cid, Contact(date=date(2026, 2, 1), minutes=30, channel="video", kind="vervolg",
                                  notes=marker * 3))
    repo.save_draft("contact", {"notes": marker})
    v.backup(vault_path.parent / "backups" / "vault.vbak")
    folder_files = list(vault_path.parent.rglob("*"))
    assert any(p.name.endswith(f".pre-v{migrations.LATEST}.bak") for p in folder_files)
    assert _leaks(folder_files, forms) == []  # while the vault is open
    # deleting a case must not leave its text in freed pages either (it is all encrypted anyway)
    repo.delete_case(cid)
    v.close()
    folder_files = list(vault_path.parent.rglob("*"))
    assert _leaks(folder_files, forms) == []
    # nothing written to the temporary folder during the test holds the marker
    temp_files = []
    for root, dirs, files in os.walk(tempfile.gettempdir()):
        dirs[:] = [d for d in dirs if not d.startswith("bash_jobs")]
        for name in files:
            p = Path(root, name)
            try:
                if p.stat().st_mtime >= started:
                    temp_files.append(p)
            except OSError:
                continue
    assert _leaks(temp_files, forms) == []
    # the test itself must be able to see the marker when it is there (the search works)
    probe = tmp_path / "probe.txt"
    probe.write_text(marker, encoding="utf-16")
    assert _leaks([probe], forms) == [str(probe)]


def test_temp_store_is_memory_and_secure_delete_on(vault):
    assert vault.conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # 2 = MEMORY
    assert vault.conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert vault.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert vault.conn.execute("PRAGMA cipher_version").fetchone()[0]


def test_plain_sqlite_library_is_refused(vault_path, monkeypatch):
    Vault.create(vault_path, PASSPHRASE).close()
    # plain SQLite answers PRAGMA cipher_version with nothing
    monkeypatch.setattr(vault_mod.sqlcipher3, "connect", sqlite3.connect)
    with pytest.raises(VaultError) as info:
        Vault.open(vault_path, PASSPHRASE, clock=FakeClock())
    assert "no encryption" in info.value.message


def test_empty_cipher_version_is_refused(vault_path, monkeypatch):
    Vault.create(vault_path, PASSPHRASE).close()
    real_connect = vault_mod.sqlcipher3.connect

    class Conn:
        def __init__(self, *a, **k):
            self._c = real_connect(*a, **k)
            self.closed = False

        def execute(self, sql, *args):
            if sql.strip().upper() == "PRAGMA CIPHER_VERSION":
                return self._c.execute("SELECT ''")
            return self._c.execute(sql, *args)

        def close(self):
            self.closed = True
            self._c.close()

    made: list[Conn] = []
    monkeypatch.setattr(vault_mod.sqlcipher3, "connect", lambda *a, **k: made.append(Conn(*a, **k)) or made[-1])
    with pytest.raises(VaultError):
        Vault.open(vault_path, PASSPHRASE, clock=FakeClock())
    assert made and all(c.closed for c in made)


# -- passphrase change --------------------------------------------------------------------------------
def test_change_passphrase(vault, repo, vault_path):
    repo.add_organisation("Org A")
    repo.add_case(_case())
    old_salt = vault.kdf_params.salt
    vault.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    assert vault.kdf_params.salt != old_salt
    assert repo.counts()["cases"] == 1  # still usable right away
    vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, PASSPHRASE, clock=FakeClock())
    v = Vault.open(vault_path, NEW_PASSPHRASE, clock=FakeClock())
    assert Repository(v).counts()["cases"] == 1
    v.close()
    assert not pending_key_path(vault_path).exists()
    v = Vault.open(vault_path, NEW_PASSPHRASE)  # and again, a second restart
    v.close()


def test_change_passphrase_too_short_changes_nothing(vault, vault_path):
    with pytest.raises(UserError):
        vault.change_passphrase(PASSPHRASE, "short")
    vault.close()
    Vault.open(vault_path, PASSPHRASE).close()


def test_interrupted_passphrase_change_opens_with_new_passphrase(vault, repo, vault_path, monkeypatch):
    repo.add_organisation("Org A")
    repo.add_case(_case())
    real_replace = os.replace
    pk = pending_key_path(vault_path)

    def failing_replace(src, dst, *a, **k):
        if Path(src) == pk:  # the last step: the pending key file becomes the key file
            raise OSError(5, "simulated crash before the key file was renamed")
        return real_replace(src, dst, *a, **k)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        vault.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    monkeypatch.setattr(os, "replace", real_replace)
    assert pk.exists()
    v = Vault.open(vault_path, NEW_PASSPHRASE, clock=FakeClock())
    r = Repository(v)
    assert r.counts() == {"organisations": 1, "cases": 1, "contacts": 1, "activities": 0}
    v.close()
    assert not pk.exists()  # the pending key became the key file
    Vault.open(vault_path, NEW_PASSPHRASE).close()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, PASSPHRASE, clock=FakeClock())


def test_rekey_failure_keeps_old_passphrase(vault, repo, vault_path, monkeypatch):
    repo.add_organisation("Org A")

    class Conn:
        def __init__(self, c):
            self._c = c

        def execute(self, sql, *args):
            if "rekey" in sql:
                raise vault_mod.sqlcipher3.OperationalError("disk I/O error")
            return self._c.execute(sql, *args)

        def close(self):
            self._c.close()

    vault._conn = Conn(vault._conn)
    with pytest.raises(UserError, match="not changed .disk I/O error.*OLD passphrase"):
        vault.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    assert not pending_key_path(vault_path).exists()
    assert not vault.is_open
    Vault.open(vault_path, PASSPHRASE).close()


# -- damage -------------------------------------------------------------------------------------------
def test_intact_vault_checks_ok(vault):
    result = vault.check()
    assert result.ok and result.cipher_errors == [] and result.integrity == ["ok"]
    assert "intact" in result.describe()


def test_corrupted_page_is_reported(vault, repo, vault_path):
    schema_pages = vault_path.stat().st_size // PAGE   # written at creation: the schema, read at every open
    demo.generate(repo, 150, orgs=2, years=1, seed=3, today=date(2026, 6, 1))
    vault.close()
    size = vault_path.stat().st_size
    pages = size // PAGE
    assert pages >= schema_pages + 8
    victim = max(schema_pages + 1, pages // 2)   # a page of the cases or contacts
    with open(vault_path, "r+b") as fh:
        fh.seek(victim * PAGE + 1500)
        chunk = bytearray(fh.read(32))
        fh.seek(victim * PAGE + 1500)
        fh.write(bytes(b ^ 0xFF for b in chunk))
    v = Vault.open(vault_path, PASSPHRASE, clock=FakeClock())
    try:
        result = v.check()
    finally:
        v.close()
    assert result.ok is False
    assert result.cipher_errors  # the page's HMAC no longer matches
    text = result.describe()
    assert text.startswith("The vault is damaged")
    assert "backup" in text and "Traceback" not in text


def test_truncated_vault_cannot_be_read(vault, repo, vault_path):
    demo.generate(repo, 50, orgs=1, years=1, seed=2, today=date(2026, 6, 1))
    vault.close()
    data = vault_path.read_bytes()
    vault_path.write_bytes(data[:PAGE // 2])
    with pytest.raises(VaultError) as info:
        Vault.open(vault_path, PASSPHRASE, clock=FakeClock())
    assert "damaged" in info.value.message
    # a damaged file is not a wrong passphrase: no failed attempt was counted
    assert not attempts_path(vault_path).exists()


def test_missing_or_damaged_key_file(vault, vault_path):
    vault.close()
    original = key_path(vault_path).read_text()
    key_path(vault_path).write_text("{\"format\": \"vertrouwd-key/1\", \"kdf\": {}}")
    with pytest.raises(VaultError) as info:
        Vault.open(vault_path, PASSPHRASE)
    assert "key file" in info.value.message and "damaged" in info.value.message
    key_path(vault_path).unlink()
    with pytest.raises(VaultError) as info:
        Vault.open(vault_path, PASSPHRASE)
    assert "missing" in info.value.message
    key_path(vault_path).write_text(original)
    Vault.open(vault_path, PASSPHRASE).close()


def test_open_missing_vault_and_create_twice(vault_path):
    with pytest.raises(VaultError) as info:
        Vault.open(vault_path, PASSPHRASE)
    assert "No vault" in info.value.message
    Vault.create(vault_path, PASSPHRASE).close()
    with pytest.raises(UserError) as info:
        Vault.create(vault_path, PASSPHRASE)
    assert "already exists" in info.value.message
    with pytest.raises(UserError):
        Vault.create(vault_path.with_name("other.vault"), "short")
    assert not vault_path.with_name("other.vault").exists()


def test_locked_vault_refuses_work(vault):
    vault.lock()
    assert not vault.is_open
    with pytest.raises(VaultError) as info:
        vault.conn  # noqa: B018
    assert "locked" in info.value.message
    assert bytes(vault._key) == bytes(32)  # the key was wiped from memory


def test_transaction_rolls_back(vault, repo):
    with pytest.raises(RuntimeError), vault.transaction() as conn:
        conn.execute("INSERT INTO organisations(name, created) VALUES ('X', '2026-01-01')")
        raise RuntimeError("boom")
    assert repo.counts()["organisations"] == 0


# -- backup and restore -------------------------------------------------------------------------------
def _fill(repo: Repository) -> None:
    repo.add_organisation("Org A", ["ICT"])
    repo.add_case(_case(notes="eerste gesprek"))
    repo.add_case(_case(code="2026-002"))


def test_backup_restore_round_trip(vault, repo, vault_path, tmp_path):
    _fill(repo)
    backup = vault.backup(tmp_path / "b.vbak")
    header, offset = Vault.read_backup_header(backup)
    assert header["format"] == "vertrouwd-backup/1" and header["schema"] == vault.schema_version
    assert b"SQLite format 3" not in backup.read_bytes()
    repo.add_organisation("Added after the backup")
    vault.close()
    target = tmp_path / "restored" / "r.vault"
    v = Vault.restore(backup, target, PASSPHRASE, clock=FakeClock())
    r = Repository(v)
    assert r.counts() == {"organisations": 1, "cases": 2, "contacts": 2, "activities": 0}
    assert r.get_case(r.case_id_by_code("2026-001")).contacts[0].notes == "eerste gesprek"
    assert v.check().ok
    v.close()
    assert _mode(target) == 0o600 and _mode(key_path(target)) == 0o600
    # the restored copy opens on its own later
    Vault.open(target, PASSPHRASE).close()
    # and replacing the original with --force brings it back to the backup's state, keeping a copy
    v = Vault.restore(backup, vault_path, PASSPHRASE, force=True, clock=FakeClock())
    assert Repository(v).counts()["organisations"] == 1
    v.close()
    kept_all = [p for p in vault_path.parent.glob(vault_path.name + ".before-restore-*")
                if not p.name.endswith(".json")]
    assert len(kept_all) == 1  # named with the time, so a second restore never overwrites it
    kept = kept_all[0]
    v = Vault.open(kept, PASSPHRASE)
    assert Repository(v).counts()["organisations"] == 2
    v.close()


def test_backup_after_passphrase_change_needs_the_passphrase_at_backup_time(vault, repo, tmp_path):
    _fill(repo)
    old_backup = vault.backup(tmp_path / "old.vbak")
    vault.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    new_backup = vault.backup(tmp_path / "new.vbak")
    with pytest.raises(WrongPassphrase):
        Vault.restore(new_backup, tmp_path / "x" / "a.vault", PASSPHRASE, clock=FakeClock())
    Vault.restore(new_backup, tmp_path / "x" / "a.vault", NEW_PASSPHRASE).close()
    Vault.restore(old_backup, tmp_path / "y" / "b.vault", PASSPHRASE).close()


def test_restore_refuses_to_overwrite_without_force(vault, repo, vault_path, tmp_path):
    _fill(repo)
    backup = vault.backup(tmp_path / "b.vbak")
    repo.add_organisation("Org B")
    vault.close()
    before = vault_path.read_bytes()
    with pytest.raises(UserError) as info:
        Vault.restore(backup, vault_path, PASSPHRASE)
    assert "--force" in info.value.message
    assert vault_path.read_bytes() == before


def test_restore_with_wrong_passphrase(vault, repo, vault_path, tmp_path):
    _fill(repo)
    backup = vault.backup(tmp_path / "b.vbak")
    vault.close()
    before = vault_path.read_bytes()
    with pytest.raises(WrongPassphrase) as info:
        Vault.restore(backup, vault_path, "not the passphrase", force=True, clock=FakeClock())
    assert "backup" in info.value.message
    assert vault_path.read_bytes() == before
    assert not list(vault_path.parent.glob(".*restoring*"))


@pytest.mark.parametrize("damage", ["flip", "truncate", "magic", "header"])
def test_damaged_backup_is_refused_and_vault_untouched(vault, repo, vault_path, tmp_path, damage):
    demo.generate(repo, 60, orgs=1, years=1, seed=4, today=date(2026, 6, 1))
    backup = vault.backup(tmp_path / "b.vbak")
    vault.close()
    _, offset = Vault.read_backup_header(backup)
    data = bytearray(backup.read_bytes())
    if damage == "flip":
        pages = (len(data) - offset) // PAGE
        pos = offset + (pages // 2) * PAGE + 700
        data[pos:pos + 24] = bytes(b ^ 0x5A for b in data[pos:pos + 24])
    elif damage == "truncate":
        data = data[:offset + PAGE * 2 + 100]
    elif damage == "magic":
        data[0:4] = b"XXXX"
    else:
        data[len(vault_mod.BACKUP_MAGIC) + 4] = ord("!")
    backup.write_bytes(bytes(data))
    before = vault_path.read_bytes()
    before_key = key_path(vault_path).read_bytes()
    with pytest.raises(UserError) as info:
        Vault.restore(backup, vault_path, PASSPHRASE, force=True, clock=FakeClock())
    assert not isinstance(info.value, WrongPassphrase)
    assert "Traceback" not in info.value.message
    assert vault_path.read_bytes() == before
    assert key_path(vault_path).read_bytes() == before_key
    assert not pending_key_path(vault_path).exists()
    leftovers = [p.name for p in vault_path.parent.iterdir() if "restoring" in p.name or p.suffix == ".tmp"]
    assert leftovers == []
    Vault.open(vault_path, PASSPHRASE).close()


def test_restore_of_missing_or_foreign_file(tmp_path, vault_path):
    with pytest.raises(UserError) as info:
        Vault.restore(tmp_path / "nope.vbak", vault_path, PASSPHRASE)
    assert "does not exist" in info.value.message
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    with pytest.raises(UserError) as info:
        Vault.restore(other, vault_path, PASSPHRASE)
    assert "not a Vertrouwd backup" in info.value.message
    assert not vault_path.exists()


def test_interrupted_backup_leaves_vault_intact_and_no_partial_file(vault, repo, vault_path, tmp_path,
                                                                    monkeypatch):
    _fill(repo)
    out = tmp_path / "backups" / "b.vbak"

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fsutil.os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        vault.backup(out)
    monkeypatch.undo()
    assert not out.exists()
    assert [p.name for p in out.parent.iterdir()] == []  # no temp file, no export left behind
    assert vault.check().ok
    assert repo.counts()["cases"] == 2
    vault.close()
    v = Vault.open(vault_path, PASSPHRASE)
    assert Repository(v).counts()["cases"] == 2
    v.close()


def test_interrupted_backup_keeps_an_older_backup(vault, repo, tmp_path, monkeypatch):
    _fill(repo)
    out = tmp_path / "b.vbak"
    vault.backup(out)
    first = out.read_bytes()
    repo.add_organisation("Org B")
    monkeypatch.setattr(fsutil.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(5, "I/O error")))
    with pytest.raises(OSError):
        vault.backup(out)
    assert out.read_bytes() == first


@pytest.mark.parametrize("target", ["vault", "key"])
def test_backup_cannot_overwrite_the_vault_or_its_key_file(vault, vault_path, target):
    key_before = key_path(vault_path).read_bytes()
    with pytest.raises(UserError):
        vault.backup(vault_path if target == "vault" else key_path(vault_path))
    assert vault.check().ok
    assert key_path(vault_path).read_bytes() == key_before
    vault.close()
    Vault.open(vault_path, PASSPHRASE).close()


@pytest.mark.real_kdf
def test_calibrated_parameters_meet_the_minimum():
    from app.store import kdf
    params = kdf.calibrate(target=(0.05, 0.1))
    assert params.memory_kib >= 64 * 1024 and params.iterations >= 1 and len(params.salt) == 16
    with pytest.raises(ValueError):
        kdf.calibrate(memory_kib=1024)


def test_old_passphrase_after_interrupted_change_does_not_say_damaged(vault, repo, vault_path, monkeypatch):
    """After a crash between re-key and rename the file is fine: the adviser must not be sent to a backup."""
    repo.add_organisation("Org A")
    real_replace = os.replace
    pk = pending_key_path(vault_path)

    def failing_replace(src, dst, *a, **k):
        if Path(src) == pk:
            raise OSError(5, "simulated crash")
        return real_replace(src, dst, *a, **k)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        vault.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    monkeypatch.setattr(os, "replace", real_replace)
    with pytest.raises(VaultError) as info:
        Vault.open(vault_path, PASSPHRASE, clock=FakeClock())
    assert "interrupted" in info.value.message and "backup" not in info.value.message.lower().replace(
        "restored backup", "")
    assert pk.exists()  # the pending key is kept until the new passphrase is used
    Vault.open(vault_path, NEW_PASSPHRASE, clock=FakeClock()).close()


def test_interrupted_restore_opens_with_the_backup_passphrase(vault, repo, vault_path, tmp_path, monkeypatch):
    _fill(repo)
    backup = vault.backup(tmp_path / "b.vbak")
    vault.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)  # the vault now has another passphrase than the backup
    repo.add_organisation("Org B")
    vault.close()
    real_replace = os.replace
    pk = pending_key_path(vault_path)

    def failing_replace(src, dst, *a, **k):
        if Path(src) == pk:  # crash after the database was replaced, before its key file
            raise OSError(5, "simulated crash")
        return real_replace(src, dst, *a, **k)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        Vault.restore(backup, vault_path, PASSPHRASE, force=True, clock=FakeClock())
    monkeypatch.setattr(os, "replace", real_replace)
    v = Vault.open(vault_path, PASSPHRASE, clock=FakeClock())  # the backup's passphrase
    assert Repository(v).counts()["organisations"] == 1
    v.close()
    assert not pk.exists()
    # what was replaced is kept, with its own key file
    kept = next(p for p in vault_path.parent.glob(vault_path.name + ".before-restore-*")
                if not p.name.endswith(".json"))
    v = Vault.open(kept, NEW_PASSPHRASE, clock=FakeClock())
    assert Repository(v).counts()["organisations"] == 2
    v.close()


def test_the_session_changes_the_passphrase_only_with_the_current_one(vault_path):
    from app.store.session import Session
    s = Session(vault_path, clock=FakeClock())
    s.create(PASSPHRASE)
    with pytest.raises(WrongPassphrase, match="current passphrase is wrong"):
        s.change_passphrase("someone else at the laptop", NEW_PASSPHRASE)
    assert s.is_open
    s.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    s.lock()
    with pytest.raises(VaultError, match="locked"):
        s.change_passphrase(NEW_PASSPHRASE, PASSPHRASE)
    s.unlock(NEW_PASSPHRASE)
    s.lock()
    attempts_path(vault_path).mkdir()
    (attempts_path(vault_path) / "x").write_text("x")
    assert s.wait_seconds() == 0.0  # the unlock attempt itself says what is wrong
