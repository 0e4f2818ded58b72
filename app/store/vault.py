"""The encrypted vault: one SQLCipher 4 file per adviser.

Files beside the vault (none holds content):
  <vault>.key.json       Argon2id salt and parameters, and a short key check value
  <vault>.attempts.json  count and time of failed unlock attempts (for the growing delay)
  <vault>.pre-vN.bak     a copy of the (encrypted) vault made before migrating to schema N
  <vault>.lock, <vault>.unlock.lock   empty files the OS locks (see vaultlock.py)

The database key is a raw 256-bit key (`PRAGMA key = "x'...'"`), so SQLCipher's own PBKDF2 is not
used; Argon2id does the stretching. Temporary storage is kept in memory and freed pages are zeroed.
"""
from __future__ import annotations

import json
import math
import os
import shutil
import stat
import struct
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from app import fsutil, texts
from app.errors import LockedOut, UserError, VaultError, WrongPassphrase
from app.store import kdf, migrations, vaultlock
from app.store.files import attempts_path, key_path, pending_key_path  # noqa: F401 (re-exported)
from app.store.vaultlock import VaultBusy, VaultLock
from app.texts import Phrase

__all__ = ["Vault", "VaultBusy", "KeyFile", "Throttle", "PassphraseChangeIncomplete"]

KEYFILE_FORMAT = "vertrouwd-key/1"
BACKUP_MAGIC = b"VERTROUWD-BACKUP\x00v1\n"
FREE_ATTEMPTS = 3
MAX_DELAY = 300.0
MAX_FAILURES = 1000          # a count read from the record is clamped to this
PAGE = 4096                  # SQLCipher's page: a vault is never shorter than one page
KEYFILE_MAX_BYTES = 64 * 1024
DIR_MODE = 0o700

Clock = Callable[[], float]


class PassphraseChangeIncomplete(VaultError, OSError):
    """The file was re-keyed but the change could not be verified or recorded; the Vault is closed.

    An OSError as well, because it is in the end a file-system step that failed."""


def delay_after(failures: int) -> float:
    """Seconds to wait after `failures` wrong passphrases in a row: 0, 0, 0, 2, 4, 8, ... 300."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return min(MAX_DELAY, 2.0 ** (failures - FREE_ATTEMPTS + 1))


def _no_constants(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def _parse_json(raw: bytes, limit: int) -> object:
    """Strict JSON from a file we wrote: UTF-8, no NaN/Infinity, not too long (ValueError otherwise)."""
    if len(raw) > limit:
        raise ValueError("the file is too large")
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_no_constants)
    except RecursionError:
        raise ValueError("nested too deeply") from None


class Throttle:
    """Failed unlock attempts, persisted beside the vault so a restart does not reset them.

    An attempt is recorded BEFORE the key is derived and cleared after a success, so a killed or
    parallel attempt still counts (the caller holds `vaultlock.unlock_turn`). A record that cannot be
    read counts as the maximum delay; one that cannot be written refuses the attempt."""

    def __init__(self, vault: Path, clock: Clock = time.time):
        self.vault = vault
        self.path = attempts_path(vault)
        self.clock = clock
        self.note: Phrase | str = ""  # why the record was not usable, for the message

    def _read(self) -> tuple[int, float]:
        self.note = ""
        try:
            if stat.S_ISDIR(os.stat(self.path).st_mode):
                return self._folder_in_the_way()
            data = _parse_json(self.path.read_bytes(), 4096)
            failures, not_before = data["failures"], data["not_before"]
            if isinstance(failures, bool) or not isinstance(failures, int) or failures < 0 \
                    or isinstance(not_before, bool) or not isinstance(not_before, int | float) \
                    or not math.isfinite(not_before):
                raise ValueError("values out of range")
        except FileNotFoundError:
            return 0, 0.0
        except (OSError, ValueError, TypeError, KeyError) as exc:
            return self._damaged(getattr(exc, "strerror", None) or Phrase("vault.unreadable"))
        now = self.clock()
        if failures > MAX_FAILURES or not_before > now + MAX_DELAY:  # bounded, and written anew
            failures, not_before = min(failures, MAX_FAILURES), min(not_before, now + MAX_DELAY)
            self._write(failures, not_before, quiet=True)
        return failures, float(not_before)

    def _damaged(self, reason: Phrase | str) -> tuple[int, float]:
        """A damaged record counts as the maximum delay, never as a fresh start. It is written anew,
        so the wait ends; if even that fails the message says how to get out."""
        self.note = Phrase("vault.note.attempts_damaged", name=self.path.name, reason=reason)
        not_before = self.clock() + MAX_DELAY
        if not self._write(MAX_FAILURES, not_before, quiet=True):
            self.note = Phrase("vault.note.attempts_damaged_unwritable", name=self.path.name, reason=reason,
                               path=self.path)
        return MAX_FAILURES, not_before

    def _folder_in_the_way(self) -> tuple[int, float]:
        try:
            os.rmdir(self.path)  # an empty folder holds nothing: out of the way
        except OSError:
            raise VaultError("vault.attempts_folder", path=self.path) from None
        return 0, 0.0

    def _write(self, failures: int, not_before: float, *, quiet: bool = False) -> bool:
        try:
            fsutil.write_text_atomic(self.path, json.dumps({"failures": failures, "not_before": not_before}))
        except OSError:
            if quiet:
                return False
            raise
        return True

    def wait_seconds(self) -> float:
        _, not_before = self._read()
        return max(0.0, not_before - self.clock())

    def check(self) -> None:
        wait = self.wait_seconds()
        if wait > 0:
            raise LockedOut("vault.locked_out", wait=int(wait + 0.999), note=self.note)

    def record_attempt(self) -> int:
        """Count this attempt as failed until it succeeds; returns the count. Refuses the attempt when
        the record cannot be written: a full disk is not a free guess."""
        failures = min(self._read()[0] + 1, MAX_FAILURES)
        try:
            self._write(failures, self.clock() + delay_after(failures))
        except OSError as exc:
            raise LockedOut("vault.attempts_unsaved", reason=exc.strerror or exc) from None
        return failures

    @staticmethod
    def delay_note(failures: int) -> Phrase | str:
        """The message for a wrong passphrase after `failures` (already recorded)."""
        delay = delay_after(failures)
        if not delay:
            return ""
        return Phrase("vault.note.wait", wait=int(delay))

    def succeeded(self) -> None:
        with suppress(OSError):  # a full disk must not keep the right passphrase from working
            fsutil.secure_unlink(self.path)

    @contextmanager
    def attempt(self) -> Iterator[int]:
        """One unlock attempt, in turn with every other one on this vault: checked, then recorded."""
        with vaultlock.unlock_turn(self.vault):
            self.check()
            yield self.record_attempt()


@dataclass
class KeyFile:
    params: kdf.KdfParams
    check: str

    def dumps(self) -> str:
        return json.dumps({"format": KEYFILE_FORMAT, "kdf": self.params.to_json(), "check": self.check},
                          indent=1)

    @classmethod
    def from_data(cls, data: object, where: Path) -> KeyFile:
        """A key file's content, checked in full (format, bounded parameters) before any use."""
        try:
            if not isinstance(data, dict) or data.get("format") != KEYFILE_FORMAT:
                raise ValueError("unknown format")
            check = data.get("check")
            if not isinstance(check, str) or len(check) != 32:
                raise ValueError("no key check value")
            return cls(params=kdf.KdfParams.from_json(data.get("kdf")), check=check)
        except (ValueError, TypeError) as exc:
            raise VaultError("vault.key_file_damaged", where=where, exc=exc) from None

    @classmethod
    def loads(cls, text: str | bytes, where: Path) -> KeyFile:
        raw = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
        try:
            data = _parse_json(raw, KEYFILE_MAX_BYTES)
        except ValueError as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
            reason = Phrase("vault.not_utf8") if isinstance(exc, UnicodeDecodeError) else str(exc)[:80]
            raise VaultError("vault.key_file_damaged", where=where, exc=reason) from None
        return cls.from_data(data, where)

    @classmethod
    def read(cls, path: Path) -> KeyFile:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise VaultError("vault.key_file_unreadable", path=path, reason=exc.strerror or exc) from None
        return cls.loads(raw, path)


@dataclass
class CheckResult:
    ok: bool
    cipher_errors: list[str]
    integrity: list[str]
    schema_version: int

    def describe(self, lang: str | None = "en") -> str:
        """The result in `lang` ('nl' or 'en'); the database's own findings stay as it gave them."""
        if self.ok:
            return texts.message("vault.check.intact", lang, schema_version=self.schema_version)
        lines = [texts.message("vault.check.damaged", lang)]
        lines += [texts.message("vault.check.cipher", lang, detail=e) for e in self.cipher_errors]
        lines += [texts.message("vault.check.structure", lang, detail=e) for e in self.integrity if e != "ok"]
        lines.append(texts.message("vault.check.restore", lang))
        return "\n".join(lines)


def _cause(exc: BaseException) -> Phrase | str:
    """A database or file error in words: a full disk is named as such."""
    text = getattr(exc, "strerror", None) or str(exc)
    if "full" in text.lower() or getattr(exc, "errno", None) == 28:
        return Phrase("vault.disk_full")
    return text


def private_dir(folder: Path) -> None:
    """Create `folder` and any missing parent with mode 0700 (where the platform has modes)."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for f in reversed(missing):
        with suppress(FileExistsError):
            os.mkdir(f, DIR_MODE)


CACHE_MIN_KIB, CACHE_MAX_KIB = 8 * 1024, 256 * 1024


def cache_kib(db: Path) -> int:
    """The page cache for a vault: the whole file and a quarter to grow, between 8 and 256 MiB."""
    try:
        size = db.stat().st_size
    except OSError:
        size = 0
    return max(CACHE_MIN_KIB, min(CACHE_MAX_KIB, size * 5 // 4 // 1024))


def _connect(db: Path, key: bytes) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(db), check_same_thread=False, isolation_level=None)
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
        if not row or not row[0]:
            raise VaultError("vault.no_encryption")
        conn.execute("PRAGMA cipher_log_level = NONE")  # no "hmac check failed" lines on stderr
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA cache_size = -{cache_kib(db)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def _require_vault_file(path: Path) -> None:
    """A vault is a regular file of at least one page; anything else is reported, never rebuilt."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise VaultError("vault.missing", path=path) from None
    if not stat.S_ISREG(st.st_mode):
        raise VaultError("vault.not_a_file", path=path)
    if st.st_size < PAGE:
        raise VaultError("vault.too_short", path=path, size=st.st_size)


def _key_candidates(path: Path) -> list[tuple[Path, KeyFile]]:
    kp, pk = key_path(path), pending_key_path(path)
    if not kp.exists() and not pk.exists():
        raise VaultError("vault.key_file_missing", path=kp)
    candidates = [(kp, KeyFile.read(kp))] if kp.exists() else []
    if pk.exists():  # an interrupted passphrase change or restore: try its key as well
        with suppress(VaultError):
            candidates.insert(0, (pk, KeyFile.read(pk)))
    return candidates


def _leftovers(path: Path) -> list[Path]:
    """Files an interrupted create, restore or backup of this vault left beside it."""
    n = path.name
    patterns = (f".{n}.creating", f".{n}.restoring", f".{n}.export-*", f".{n}.*.tmp", f"..{n}.*.tmp")
    return sorted({f for pat in patterns for f in path.parent.glob(pat) if f.is_file()})


class Vault:
    """An open vault. Use `Vault.create` or `Vault.open`; `close()` (or `lock()`) when done."""

    def __init__(self, path: Path, conn: sqlcipher3.Connection, key: bytes, keyfile: KeyFile,
                 oslock: VaultLock | None = None, clock: Clock = time.time):
        self.path = path
        self._conn: sqlcipher3.Connection | None = conn
        self._key = bytearray(key)
        self._keyfile = keyfile
        self._oslock = oslock
        self._clock = clock
        self.lock_ = threading.RLock()

    # -- life cycle -------------------------------------------------------------------------
    @classmethod
    def create(cls, path: str | os.PathLike[str], passphrase: str, *,
               params: kdf.KdfParams | None = None, allow_weak: bool = False,
               schema_version: int | None = None) -> Vault:
        path = Path(path)
        if os.path.lexists(path) or key_path(path).exists():
            raise UserError("vault.exists", path=path)
        if len(passphrase) < 8:
            raise UserError("vault.passphrase_too_short")
        params = params or kdf.calibrate()
        if params.memory_kib < kdf.MIN_MEMORY_KIB and not allow_weak:
            raise ValueError("Argon2id memory must be at least 64 MiB")
        private_dir(path.parent)
        key = kdf.derive_key(passphrase, params)
        keyfile = KeyFile(params=params, check=kdf.key_check(key))
        with vaultlock.exclusive(path):
            if os.path.lexists(path) or key_path(path).exists():  # made meanwhile by another process
                raise UserError("vault.exists", path=path)
            cls._build(path, key, keyfile, schema_version)
        return cls.open(path, passphrase, migrate=False)

    @staticmethod
    def _build(path: Path, key: bytes, keyfile: KeyFile, schema_version: int | None) -> None:
        """Create the database under a temporary name; only a finished vault gets the real name."""
        tmp = path.with_name(f".{path.name}.creating")
        fsutil.secure_unlink(tmp)
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_EXCL, fsutil.FILE_MODE)
        os.close(fd)
        try:
            conn = _connect(tmp, key)
            try:
                migrations.migrate(conn, None, target=schema_version)
            finally:
                conn.close()
            # key file as "pending" first: a stop before the last rename leaves either nothing in the
            # way of a new `init`, or a vault whose next open finishes the job
            fsutil.write_text_atomic(pending_key_path(path), keyfile.dumps())
            fsutil.replace_file(tmp, path)
            os.replace(pending_key_path(path), key_path(path))
        except BaseException:
            fsutil.secure_unlink(tmp)
            if not path.exists():
                fsutil.secure_unlink(pending_key_path(path))
            raise

    @classmethod
    def open(cls, path: str | os.PathLike[str], passphrase: str, *, clock: Clock = time.time,
             migrate: bool = True) -> Vault:
        """Open with `passphrase`. A damaged or missing file is reported, never rebuilt."""
        path = Path(path)
        _require_vault_file(path)
        oslock = VaultLock(path)
        oslock.hold_shared()
        try:
            vault = cls._unlock(path, passphrase, clock, oslock)
        except BaseException:
            oslock.release()
            raise
        try:
            vault._tidy()
            if migrate:
                vault._migrate()
        except BaseException:
            vault.close()
            raise
        return vault

    @classmethod
    def _unlock(cls, path: Path, passphrase: str, clock: Clock, oslock: VaultLock) -> Vault:
        candidates = _key_candidates(path)
        throttle = Throttle(path, clock)
        matched = False
        with throttle.attempt() as failures:
            for source, keyfile in candidates:
                key = kdf.derive_key(passphrase, keyfile.params)
                if not kdf.check_matches(key, keyfile.check):
                    continue
                matched = True
                try:
                    conn = _connect(path, key)
                except sqlcipher3.DatabaseError:
                    continue
                throttle.succeeded()
                if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
                    conn.close()  # a vault always holds tables: this one was emptied
                    raise VaultError("vault.empty", path=path)
                if source == pending_key_path(path):
                    with suppress(FileNotFoundError):  # another process may have finished it first
                        os.replace(source, key_path(path))
                fsutil.secure_unlink(pending_key_path(path))
                return cls(path, conn, key, keyfile, oslock, clock)
        if matched:
            throttle.succeeded()  # the passphrase was right: not a failed attempt
        if matched and len(candidates) > 1:  # the file is fine: it was re-keyed with the other key
            raise VaultError("vault.rekey_interrupted")
        if matched:
            raise VaultError("vault.damaged", path=path)
        raise WrongPassphrase("vault.wrong_passphrase", note=Throttle.delay_note(failures))

    def _tidy(self) -> None:
        """Remove what an interrupted create, restore or backup left, when no other process has the vault."""
        if self._oslock is None or not self._oslock.try_exclusive():
            return
        try:
            for leftover in _leftovers(self.path):
                fsutil.secure_unlink(leftover)
        finally:
            self._oslock.downgrade()

    def _migrate(self) -> None:
        if migrations.current_version(self.conn) >= migrations.LATEST or self._oslock is None:
            migrations.migrate(self.conn, self.path)  # nothing to do (or refuses a newer vault)
            return
        with self._oslock.exclusive("vault.convert_open_elsewhere"):
            migrations.migrate(self.conn, self.path)

    @contextmanager
    def exclusive(self, message: str = vaultlock.OPEN_ELSEWHERE) -> Iterator[None]:
        """No other process has this vault open during the block (VaultBusy otherwise)."""
        if self._oslock is None:
            yield
            return
        with self._oslock.exclusive(message):
            yield

    @property
    def conn(self) -> sqlcipher3.Connection:
        if self._conn is None:
            raise VaultError("vault.locked")
        return self._conn

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def _close_db(self) -> None:
        with self.lock_:
            if self._conn is not None:
                with suppress(Exception):
                    self._conn.close()
                self._conn = None
            for i in range(len(self._key)):
                self._key[i] = 0

    def close(self) -> None:
        with self.lock_:
            self._close_db()
            if self._oslock is not None:
                self._oslock.release()

    lock = close

    @contextmanager
    def transaction(self) -> Iterator[sqlcipher3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error: all or nothing."""
        with self.lock_:
            conn = self.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                # SQLite may have rolled back already (a full disk): the real cause must not be hidden
                # behind "cannot rollback - no transaction is active"
                if conn.in_transaction:
                    with suppress(sqlcipher3.Error):
                        conn.execute("ROLLBACK")
                raise

    @property
    def schema_version(self) -> int:
        return migrations.current_version(self.conn)

    @property
    def kdf_params(self) -> kdf.KdfParams:
        return self._keyfile.params

    # -- passphrase change ------------------------------------------------------------------
    def change_passphrase(self, current_passphrase: str, new_passphrase: str, *,
                          params: kdf.KdfParams | None = None) -> None:
        """Re-encrypt with a key from the new passphrase; verified by reopening before it counts.

        The current passphrase must be given (someone at an unlocked laptop must not lock the adviser
        out); a wrong one counts as a failed unlock attempt. The key derivation is calibrated anew for
        this machine. No other process may have the vault open meanwhile."""
        if len(new_passphrase) < 8:
            raise UserError("vault.new_passphrase_too_short")
        with self.lock_, self.exclusive():
            self._verify_current(current_passphrase)
            self._still_our_key()
            self._room_to_rekey()
            params = params.with_new_salt() if params else kdf.calibrate()
            new_key = kdf.derive_key(new_passphrase, params)
            self._rekey(new_key, KeyFile(params=params, check=kdf.key_check(new_key)))

    def _verify_current(self, passphrase: str) -> None:
        throttle = Throttle(self.path, self._clock)
        with throttle.attempt() as failures:
            if not kdf.check_matches(kdf.derive_key(passphrase, self._keyfile.params), self._keyfile.check):
                raise WrongPassphrase("vault.wrong_current_passphrase", note=Throttle.delay_note(failures))
            throttle.succeeded()

    def _still_our_key(self) -> None:
        """The key file on disk must still be the one this vault was opened with (else: changed elsewhere)."""
        kp = key_path(self.path)
        on_disk = KeyFile.read(kp) if kp.exists() else None
        if on_disk is None or on_disk.check != self._keyfile.check or pending_key_path(self.path).exists():
            raise VaultError("vault.changed_elsewhere")

    def _room_to_rekey(self) -> None:
        """Re-encrypting writes a journal about as large as the vault: refuse early on a full disk (SQLCipher
        would only say "PRAGMA rekey can only be run on an existing encrypted database")."""
        need = self.path.stat().st_size + (1 << 20)
        free = shutil.disk_usage(self.path.parent).free
        if free < need:
            raise UserError("vault.no_room_to_rekey", need=need // (1 << 20) + 1, free=free // (1 << 20))

    def _rekey(self, new_key: bytes, new_keyfile: KeyFile) -> None:
        pk = pending_key_path(self.path)
        # The pending key file goes first: if we stop between rekey and the final rename, the
        # next open finds the new key there.
        fsutil.write_text_atomic(pk, new_keyfile.dumps())
        try:
            self.conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
        except BaseException as exc:
            fsutil.secure_unlink(pk)
            if not isinstance(exc, sqlcipher3.Error):
                raise
            self.close()  # SQLite rolled the re-encryption back; start afresh from the file
            raise UserError("vault.rekey_failed", reason=_cause(exc)) from None
        # From here on the file is encrypted with the new key. Whatever fails now, this object
        # ends up closed (never half open) and the pending key file stays for the next open.
        self._close_db()
        probe: sqlcipher3.Connection | None = None
        step = Phrase("vault.step.reopen")
        try:
            probe = _connect(self.path, new_key)  # verify before the new key file becomes the key file
            step = Phrase("vault.step.save_key")
            os.replace(pk, key_path(self.path))
        except BaseException as exc:
            if probe is not None:
                with suppress(Exception):
                    probe.close()
            self.close()
            if not isinstance(exc, Exception):  # KeyboardInterrupt and the like pass unchanged
                raise
            reason = getattr(exc, "strerror", None) or getattr(exc, "message", None) or str(exc)
            raise PassphraseChangeIncomplete("vault.rekey_unfinished", step=step, reason=reason) from exc
        with self.lock_:
            self._conn = probe
            self._key = bytearray(new_key)
            self._keyfile = new_keyfile

    # -- check ------------------------------------------------------------------------------
    def check(self) -> CheckResult:
        with self.lock_:
            try:
                cipher = [str(r[0]) for r in self.conn.execute("PRAGMA cipher_integrity_check")]
            except sqlcipher3.DatabaseError as exc:
                cipher = [str(exc)]
            try:
                integrity = [str(r[0]) for r in self.conn.execute("PRAGMA integrity_check")]
            except sqlcipher3.DatabaseError as exc:
                integrity = [str(exc)]
            try:
                version = self.schema_version
            except sqlcipher3.DatabaseError:
                version = -1
        ok = not cipher and integrity == ["ok"]
        return CheckResult(ok=ok, cipher_errors=cipher, integrity=integrity, schema_version=version)

    # -- backup and restore -----------------------------------------------------------------
    def backup(self, out: str | os.PathLike[str]) -> Path:
        """Write an encrypted backup file: a small header (key parameters) and the encrypted database."""
        out = Path(out)
        own = (self.path, key_path(self.path), pending_key_path(self.path), attempts_path(self.path),
               vaultlock.lock_path(self.path), vaultlock.unlock_lock_path(self.path))
        if out.resolve() in {p.resolve() for p in own}:
            raise UserError("vault.backup_over_vault")
        private_dir(out.parent)
        # staged beside the vault, so a killed backup leaves nothing in the backup folder and the next
        # open of the vault removes it
        fd, name = tempfile.mkstemp(prefix=f".{self.path.name}.export-", dir=self.path.parent)
        os.close(fd)
        export = Path(name)
        try:  # the shared lock this open vault holds already keeps re-keys and restores out
            with self.lock_:
                self._export(export, out)
        finally:
            fsutil.secure_unlink(export)
        return out

    def _export(self, export: Path, out: Path) -> None:
        self.conn.execute(f"ATTACH DATABASE ? AS bak KEY \"x'{bytes(self._key).hex()}'\"", (str(export),))
        try:
            self.conn.execute("SELECT sqlcipher_export('bak')")
            ver = self.schema_version
            self.conn.execute(f"PRAGMA bak.user_version = {ver}")
        finally:
            self.conn.execute("DETACH DATABASE bak")
        header = json.dumps({"format": "vertrouwd-backup/1", "schema": ver,
                             "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                             "key": json.loads(self._keyfile.dumps())}).encode("utf-8")
        with fsutil.atomic_writer(out) as fh, open(export, "rb") as src:
            fh.write(BACKUP_MAGIC)
            fh.write(struct.pack(">I", len(header)))
            fh.write(header)
            shutil.copyfileobj(src, fh, 1 << 20)

    @staticmethod
    def read_backup_header(backup: str | os.PathLike[str]) -> tuple[dict, int]:
        """The header of a backup file, checked (an object with a valid key record), and where the data
        starts."""
        backup = Path(backup)
        try:
            with open(backup, "rb") as fh:
                magic = fh.read(len(BACKUP_MAGIC))
                if magic != BACKUP_MAGIC:
                    raise UserError("vault.not_a_backup", backup=backup)
                (n,) = struct.unpack(">I", fh.read(4))
                if n > 1 << 20:
                    raise UserError("vault.backup_header_too_large", backup=backup)
                header = _parse_json(fh.read(n), 1 << 20)
        except (OSError, struct.error, ValueError) as exc:
            if isinstance(exc, FileNotFoundError):
                raise UserError("vault.backup_missing", backup=backup) from None
            raise UserError("vault.backup_unreadable", backup=backup, name=exc.__class__.__name__) from None
        if not isinstance(header, dict) or not isinstance(header.get("key"), dict):
            raise UserError("vault.backup_no_key", backup=backup)
        return header, len(BACKUP_MAGIC) + 4 + n

    @classmethod
    def restore(cls, backup: str | os.PathLike[str], path: str | os.PathLike[str], passphrase: str, *,
                force: bool = False, clock: Clock = time.time) -> Vault:
        """Restore `backup` to `path`. Verified in full before the vault is replaced; no other process may
        have the vault open meanwhile."""
        backup, path = Path(backup), Path(path)
        if os.path.lexists(path) and not force:
            raise UserError("vault.restore_over_vault", path=path)
        header, offset = cls.read_backup_header(backup)
        keyfile = KeyFile.from_data(header["key"], backup)
        private_dir(path.parent)
        with vaultlock.exclusive(path, vaultlock.OPEN_ELSEWHERE):
            throttle = Throttle(path, clock)
            with throttle.attempt() as failures:
                key = kdf.derive_key(passphrase, keyfile.params)
                if not kdf.check_matches(key, keyfile.check):
                    raise WrongPassphrase("vault.wrong_backup_passphrase", note=Throttle.delay_note(failures))
                throttle.succeeded()
            cls._put_in_place(backup, offset, path, key, keyfile)
        return cls.open(path, passphrase, clock=clock)

    @classmethod
    def _put_in_place(cls, backup: Path, offset: int, path: Path, key: bytes, keyfile: KeyFile) -> None:
        staged = path.with_name(f".{path.name}.restoring")
        fsutil.secure_unlink(staged)
        try:
            with fsutil.atomic_writer(staged) as fh, open(backup, "rb") as src:
                src.seek(offset)
                shutil.copyfileobj(src, fh, 1 << 20)
            try:
                _require_vault_file(staged)
                conn = _connect(staged, key)
            except (sqlcipher3.DatabaseError, VaultError):
                raise UserError("vault.backup_damaged", backup=backup) from None
            try:
                result = Vault(staged, conn, key, keyfile).check()
                empty = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
            finally:
                conn.close()
            if not result.ok or empty:
                raise UserError("vault.backup_damaged", backup=backup)
            if path.exists():
                cls._keep_before_restore(path)
            fsutil.write_text_atomic(pending_key_path(path), keyfile.dumps())
            fsutil.replace_file(staged, path)
            os.replace(pending_key_path(path), key_path(path))
        finally:
            fsutil.secure_unlink(staged)

    @staticmethod
    def _keep_before_restore(path: Path) -> None:
        """Keep what a restore replaces, encrypted as it is, until the adviser removes it."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        keep = path.with_name(f"{path.name}.before-restore-{stamp}")
        shutil.copyfile(path, keep)
        os.chmod(keep, fsutil.FILE_MODE)
        if key_path(path).exists():
            shutil.copyfile(key_path(path), key_path(keep))
            os.chmod(key_path(keep), fsutil.FILE_MODE)
