"""The encrypted vault: one SQLCipher 4 file per adviser.

Files beside the vault (none holds content):
  <vault>.key.json       Argon2id salt and parameters, and a short key check value
  <vault>.attempts.json  count and time of failed unlock attempts (for the growing delay)
  <vault>.pre-vN.bak     a copy of the (encrypted) vault made before migrating to schema N

The database key is a raw 256-bit key (`PRAGMA key = "x'...'"`), so SQLCipher's own PBKDF2 is not
used; Argon2id does the stretching. Temporary storage is kept in memory and freed pages are zeroed.
"""
from __future__ import annotations

import json
import os
import shutil
import struct
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from app import fsutil
from app.errors import LockedOut, UserError, VaultError, WrongPassphrase
from app.store import kdf, migrations
from app.texts import Phrase

KEYFILE_FORMAT = "vertrouwd-key/1"
BACKUP_MAGIC = b"VERTROUWD-BACKUP\x00v1\n"
FREE_ATTEMPTS = 3
MAX_DELAY = 300.0

Clock = Callable[[], float]


class PassphraseChangeIncomplete(VaultError, OSError):
    """The file was re-keyed but the change could not be verified or recorded; the Vault is closed.

    An OSError as well, because it is in the end a file-system step that failed."""


def key_path(vault: Path) -> Path:
    return vault.with_name(vault.name + ".key.json")


def pending_key_path(vault: Path) -> Path:
    return vault.with_name(vault.name + ".key.json.pending")


def attempts_path(vault: Path) -> Path:
    return vault.with_name(vault.name + ".attempts.json")


def delay_after(failures: int) -> float:
    """Seconds to wait after `failures` wrong passphrases in a row: 0, 0, 0, 2, 4, 8, ... 300."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return min(MAX_DELAY, 2.0 ** (failures - FREE_ATTEMPTS + 1))


class Throttle:
    """Failed unlock attempts, persisted beside the vault so a restart does not reset them."""

    def __init__(self, vault: Path, clock: Clock = time.time):
        self.path = attempts_path(vault)
        self.clock = clock

    def _read(self) -> tuple[int, float]:
        try:
            data = json.loads(self.path.read_text("utf-8"))
            return int(data.get("failures", 0)), float(data.get("not_before", 0.0))
        except FileNotFoundError:
            return 0, 0.0
        except (OSError, ValueError, TypeError, AttributeError):
            # a damaged record counts as repeated failures, not as a fresh start; it is written
            # anew once, so the short wait it causes also ends
            not_before = self.clock() + delay_after(FREE_ATTEMPTS)
            with suppress(OSError):
                fsutil.write_text_atomic(self.path, json.dumps(
                    {"failures": FREE_ATTEMPTS, "not_before": not_before}))
            return FREE_ATTEMPTS, not_before

    def wait_seconds(self) -> float:
        _, not_before = self._read()
        return max(0.0, not_before - self.clock())

    def check(self) -> None:
        wait = self.wait_seconds()
        if wait > 0:
            raise LockedOut(
                "vault.locked_out", wait=int(wait + 0.999))

    def failed(self) -> float:
        failures, _ = self._read()
        failures += 1
        delay = delay_after(failures)
        fsutil.write_text_atomic(self.path, json.dumps(
            {"failures": failures, "not_before": self.clock() + delay}))
        return delay

    def succeeded(self) -> None:
        fsutil.secure_unlink(self.path)


@dataclass
class KeyFile:
    params: kdf.KdfParams
    check: str

    def dumps(self) -> str:
        return json.dumps({"format": KEYFILE_FORMAT, "kdf": self.params.to_json(), "check": self.check},
                          indent=1)

    @classmethod
    def loads(cls, text: str, where: Path) -> KeyFile:
        try:
            data = json.loads(text)
            if data.get("format") != KEYFILE_FORMAT:
                raise ValueError("unknown format")
            return cls(params=kdf.KdfParams.from_json(data["kdf"]), check=str(data["check"]))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise VaultError("vault.key_file_damaged", where=where, exc=exc) \
                from None


@dataclass
class CheckResult:
    ok: bool
    cipher_errors: list[str]
    integrity: list[str]
    schema_version: int

    def describe(self) -> str:
        if self.ok:
            return f"Vault is intact (encryption and structure checked, schema version {self.schema_version})."
        lines = ["The vault is damaged:"]
        lines += [f"  encryption check: {e}" for e in self.cipher_errors]
        lines += [f"  structure check: {e}" for e in self.integrity if e != "ok"]
        lines.append("Restore the vault from your latest backup (vertrouwd restore BACKUP --force).")
        return "\n".join(lines)


def _connect(db: Path, key: bytes) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(db), check_same_thread=False, isolation_level=None)
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
        if not row or not row[0]:
            raise VaultError("vault.no_encryption")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


class Vault:
    """An open vault. Use `Vault.create` or `Vault.open`; `close()` (or `lock()`) when done."""

    def __init__(self, path: Path, conn: sqlcipher3.Connection, key: bytes, keyfile: KeyFile):
        self.path = path
        self._conn: sqlcipher3.Connection | None = conn
        self._key = bytearray(key)
        self._keyfile = keyfile
        self.lock_ = threading.RLock()

    # -- life cycle -------------------------------------------------------------------------
    @classmethod
    def create(cls, path: str | os.PathLike[str], passphrase: str, *,
               params: kdf.KdfParams | None = None, allow_weak: bool = False,
               schema_version: int | None = None) -> Vault:
        path = Path(path)
        if path.exists() or key_path(path).exists():
            raise UserError("vault.exists", path=path)
        if len(passphrase) < 8:
            raise UserError("vault.passphrase_too_short")
        params = params or kdf.calibrate()
        if params.memory_kib < kdf.MIN_MEMORY_KIB and not allow_weak:
            raise ValueError("Argon2id memory must be at least 64 MiB")
        path.parent.mkdir(parents=True, exist_ok=True)
        key = kdf.derive_key(passphrase, params)
        keyfile = KeyFile(params=params, check=kdf.key_check(key))
        # Create the database under a temporary name; only a finished vault gets the real name.
        tmp = path.with_name(f".{path.name}.creating")
        fsutil.secure_unlink(tmp)
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_EXCL, fsutil.FILE_MODE)
        os.close(fd)
        try:
            conn = _connect(tmp, key)
            migrations.migrate(conn, None, target=schema_version)
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
        return cls.open(path, passphrase, migrate=False)

    @classmethod
    def open(cls, path: str | os.PathLike[str], passphrase: str, *, clock: Clock = time.time,
             migrate: bool = True) -> Vault:
        path = Path(path)
        if not path.exists():
            raise VaultError("vault.missing", path=path)
        kp = key_path(path)
        pk = pending_key_path(path)
        if not kp.exists() and not pk.exists():
            raise VaultError("vault.key_file_missing", path=kp)
        throttle = Throttle(path, clock)
        throttle.check()
        candidates = [(kp, KeyFile.loads(kp.read_text("utf-8"), kp))] if kp.exists() else []
        if pk.exists():  # an interrupted passphrase change or restore: try its key as well
            with suppress(VaultError):
                candidates.insert(0, (pk, KeyFile.loads(pk.read_text("utf-8"), pk)))
        matched = False
        for source, keyfile in candidates:
            key = kdf.derive_key(passphrase, keyfile.params)
            if not kdf.check_matches(key, keyfile.check):
                continue
            matched = True
            try:
                conn = _connect(path, key)
            except sqlcipher3.DatabaseError:
                continue
            if source == pk:
                os.replace(pk, kp)
            fsutil.secure_unlink(pk)
            throttle.succeeded()
            vault = cls(path, conn, key, keyfile)
            if migrate:
                try:
                    migrations.migrate(conn, path)
                except BaseException:
                    vault.close()
                    raise
            return vault
        if matched and len(candidates) > 1:  # the file is fine: it was re-keyed with the other key
            raise VaultError("vault.rekey_interrupted")
        if matched:
            raise VaultError("vault.damaged", path=path)
        delay = throttle.failed()
        if delay:
            raise WrongPassphrase("vault.wrong_passphrase_wait", wait=int(delay))
        raise WrongPassphrase("vault.wrong_passphrase")

    @property
    def conn(self) -> sqlcipher3.Connection:
        if self._conn is None:
            raise VaultError("vault.locked")
        return self._conn

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def close(self) -> None:
        with self.lock_:
            if self._conn is not None:
                with suppress(Exception):
                    self._conn.close()
                self._conn = None
            for i in range(len(self._key)):
                self._key[i] = 0

    lock = close

    @contextmanager
    def transaction(self) -> Iterator[sqlcipher3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error: all or nothing."""
        with self.lock_:
            conn = self.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        return migrations.current_version(self.conn)

    @property
    def kdf_params(self) -> kdf.KdfParams:
        return self._keyfile.params

    # -- passphrase change ------------------------------------------------------------------
    def change_passphrase(self, new_passphrase: str, *, params: kdf.KdfParams | None = None) -> None:
        """Re-encrypt with a key from the new passphrase; verified by reopening before it counts."""
        if len(new_passphrase) < 8:
            raise UserError("vault.new_passphrase_too_short")
        params = (params or self._keyfile.params).with_new_salt()
        new_key = kdf.derive_key(new_passphrase, params)
        new_keyfile = KeyFile(params=params, check=kdf.key_check(new_key))
        pk = pending_key_path(self.path)
        with self.lock_:
            # The pending key file goes first: if we stop between rekey and the final rename, the
            # next open finds the new key there.
            fsutil.write_text_atomic(pk, new_keyfile.dumps())
            try:
                self.conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
            except BaseException:
                fsutil.secure_unlink(pk)
                raise
            # From here on the file is encrypted with the new key. Whatever fails now, this object
            # ends up closed (never half open) and the pending key file stays for the next open.
            self.close()
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
                if not isinstance(exc, Exception):  # KeyboardInterrupt and the like pass unchanged
                    raise
                reason = getattr(exc, "strerror", None) or getattr(exc, "message", None) or str(exc)
                raise PassphraseChangeIncomplete("vault.rekey_unfinished", step=step, reason=reason) from exc
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
        own = (self.path, key_path(self.path), pending_key_path(self.path), attempts_path(self.path))
        if out.resolve() in {p.resolve() for p in own}:
            raise UserError("vault.backup_over_vault")
        out.parent.mkdir(parents=True, exist_ok=True)
        export = out.with_name(f".{out.name}.export")
        fsutil.secure_unlink(export)
        with self.lock_:
            try:
                self.conn.execute(f"ATTACH DATABASE ? AS bak KEY \"x'{bytes(self._key).hex()}'\"",
                                  (str(export),))
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
            finally:
                fsutil.secure_unlink(export)
        return out

    @staticmethod
    def read_backup_header(backup: str | os.PathLike[str]) -> tuple[dict, int]:
        backup = Path(backup)
        try:
            with open(backup, "rb") as fh:
                magic = fh.read(len(BACKUP_MAGIC))
                if magic != BACKUP_MAGIC:
                    raise UserError("vault.not_a_backup", backup=backup)
                (n,) = struct.unpack(">I", fh.read(4))
                if n > 1 << 20:
                    raise UserError("vault.backup_header_too_large", backup=backup)
                header = json.loads(fh.read(n).decode("utf-8"))
                return header, len(BACKUP_MAGIC) + 4 + n
        except (OSError, struct.error, ValueError, UnicodeDecodeError) as exc:
            if isinstance(exc, FileNotFoundError):
                raise UserError("vault.backup_missing", backup=backup) from None
            raise UserError("vault.backup_unreadable", backup=backup, name=exc.__class__.__name__) \
                from None

    @classmethod
    def restore(cls, backup: str | os.PathLike[str], path: str | os.PathLike[str], passphrase: str, *,
                force: bool = False, clock: Clock = time.time) -> Vault:
        """Restore `backup` to `path`. Verified in full before the vault is replaced."""
        backup, path = Path(backup), Path(path)
        if path.exists() and not force:
            raise UserError("vault.restore_over_vault", path=path)
        header, offset = cls.read_backup_header(backup)
        keyfile = KeyFile.loads(json.dumps(header.get("key")), backup)
        throttle = Throttle(path, clock)
        throttle.check()
        key = kdf.derive_key(passphrase, keyfile.params)
        if not kdf.check_matches(key, keyfile.check):
            throttle.failed()
            raise WrongPassphrase("vault.wrong_backup_passphrase")
        path.parent.mkdir(parents=True, exist_ok=True)
        staged = path.with_name(f".{path.name}.restoring")
        fsutil.secure_unlink(staged)
        try:
            with fsutil.atomic_writer(staged) as fh, open(backup, "rb") as src:
                src.seek(offset)
                shutil.copyfileobj(src, fh, 1 << 20)
            try:
                conn = _connect(staged, key)
            except sqlcipher3.DatabaseError:
                raise UserError("vault.backup_damaged", backup=backup) from None
            try:
                probe = Vault(staged, conn, key, keyfile)
                result = probe.check()
            finally:
                conn.close()
            if not result.ok:
                raise UserError("vault.backup_damaged", backup=backup)
            if path.exists():
                # keep what we replace, encrypted as it is, until the adviser removes it
                stamp = time.strftime("%Y%m%d-%H%M%S")
                keep = path.with_name(f"{path.name}.before-restore-{stamp}")
                shutil.copyfile(path, keep)
                os.chmod(keep, fsutil.FILE_MODE)
                if key_path(path).exists():
                    shutil.copyfile(key_path(path), key_path(keep))
                    os.chmod(key_path(keep), fsutil.FILE_MODE)
            fsutil.write_text_atomic(pending_key_path(path), keyfile.dumps())
            fsutil.replace_file(staged, path)
            os.replace(pending_key_path(path), key_path(path))
        finally:
            fsutil.secure_unlink(staged)
        throttle.succeeded()
        return cls.open(path, passphrase, clock=clock)
