"""The supervisor's own small encrypted store: trusted adviser keys and received statistics files.

One file, written atomically (temporary file, fsync, os.replace; mode 0600):

    {"format": "vertrouwd-supervisor/1",
     "kdf": {"algorithm": "argon2id", "salt": b64, "memory_kib": int, "iterations": int, "lanes": int},
     "nonce": b64(12), "ciphertext": b64(ChaCha20-Poly1305(JSON content, aad=canonical(format + kdf)))}

The key is derived from the passphrase with Argon2id (at least 64 MiB of memory). The content holds
the trusted keys (raw key, fingerprint, the label the supervisor chose, when it was trusted), the
received files (the exact signed bytes and when they were imported) and, optionally, the supervisor's
own X25519 private key for opening encrypted files.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from app.errors import UserError, VaultError, VStatError, WrongPassphrase
from app.exchange.combine import Combined, merge
from app.exchange.vstat import VStat, canonical, read_vstat, read_vstat_file
from app.fsutil import write_bytes_atomic
from app.keys import fingerprint, normalise_fingerprint

STORE_FORMAT = "vertrouwd-supervisor/1"
MIN_MEMORY_KIB = 64 * 1024
DEFAULT_MEMORY_KIB = 128 * 1024
DEFAULT_ITERATIONS = 3
DEFAULT_LANES = 4
MAX_STORE_SIZE = 500_000_000

ACCEPTED, REFUSED, UNKNOWN_KEY, DUPLICATE = "accepted", "refused", "unknown_key", "duplicate"


@dataclass(frozen=True)
class TrustedKey:
    pub: bytes
    fingerprint: str
    label: str
    trusted_at: datetime


@dataclass(frozen=True)
class StoredFile:
    data: bytes
    imported_at: datetime

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class ImportOutcome:
    """What happened to one file: accepted, refused (with the reason), unknown_key (signed by a key not
    trusted yet: not imported until trusted) or duplicate (already in the store)."""

    path: str
    status: str
    reason: str = ""
    fingerprint: str | None = None
    pub: bytes | None = None
    organisation: str | None = None
    year: int | None = None
    code: str | None = None          # for a refused file: the reason's message code (vstat.*) ...
    values: dict | None = None       # ... and its parameters, so the window can say it in its own language


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _from_iso(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def _derive(passphrase: str, kdf: dict) -> bytes:
    return Argon2id(salt=_unb64(kdf["salt"]), length=32, iterations=kdf["iterations"], lanes=kdf["lanes"],
                    memory_cost=kdf["memory_kib"]).derive(passphrase.encode("utf-8"))


class SupervisorStore:
    """Open with `SupervisorStore.create(path, passphrase)` or `SupervisorStore.open(path, passphrase)`."""

    def __init__(self, path: Path, header: dict, key: bytes, content: dict):
        self.path = path
        self._header = header
        self._key = key
        self._trusted: dict[str, TrustedKey] = {}
        self._files: list[StoredFile] = []
        self._supervisor_key: bytes | None = None
        self._pending: dict[str, list[tuple[str, bytes]]] = {}   # unknown key -> files waiting (not saved)
        self._load_content(content)

    # ------------------------------------------------------------------ create / open / save

    @classmethod
    def create(cls, path: str | os.PathLike[str], passphrase: str, *, memory_kib: int = DEFAULT_MEMORY_KIB,
               iterations: int = DEFAULT_ITERATIONS, lanes: int = DEFAULT_LANES) -> SupervisorStore:
        target = Path(path)
        if target.exists():
            raise UserError("supervisor.store_exists", target=target)
        if not passphrase or len(passphrase) < 8:
            raise UserError("supervisor.passphrase_too_short")
        if memory_kib < MIN_MEMORY_KIB or iterations < 1 or lanes < 1:
            raise UserError("supervisor.weak_kdf", min_memory_kib=MIN_MEMORY_KIB)
        header = {"format": STORE_FORMAT, "kdf": {"algorithm": "argon2id", "salt": _b64(os.urandom(16)),
                                                  "memory_kib": memory_kib, "iterations": iterations,
                                                  "lanes": lanes}}
        store = cls(target, header, _derive(passphrase, header["kdf"]), {})
        store.save()
        return store

    @classmethod
    def open(cls, path: str | os.PathLike[str], passphrase: str) -> SupervisorStore:
        target = Path(path)
        try:
            if target.stat().st_size > MAX_STORE_SIZE:
                raise VaultError("supervisor.store_too_large", target=target)
            raw = target.read_bytes()
        except FileNotFoundError:
            raise VaultError("supervisor.store_missing", target=target) from None
        except OSError as exc:
            raise VaultError("supervisor.unreadable", target=target, strerror=exc.strerror or exc) from None
        try:
            doc = json.loads(raw.decode("utf-8"))
            kdf = doc["kdf"]
            header = {"format": doc["format"], "kdf": {
                "algorithm": kdf["algorithm"], "salt": kdf["salt"], "memory_kib": int(kdf["memory_kib"]),
                "iterations": int(kdf["iterations"]), "lanes": int(kdf["lanes"])}}
            nonce, ciphertext = _unb64(doc["nonce"]), _unb64(doc["ciphertext"])
        except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError, binascii.Error):
            raise VaultError("supervisor.not_a_store", target=target) from None
        k = header["kdf"]
        if header["format"] != STORE_FORMAT or k["algorithm"] != "argon2id" or len(nonce) != 12:
            raise VaultError("supervisor.not_a_store", target=target)
        if not (8 <= k["memory_kib"] <= 4 * 1024 * 1024 and 1 <= k["iterations"] <= 64 and 1 <= k["lanes"] <= 64):
            raise VaultError("supervisor.not_a_store", target=target)
        key = _derive(passphrase, header["kdf"])
        try:
            plain = ChaCha20Poly1305(key).decrypt(nonce, ciphertext, canonical(header))
        except InvalidTag:
            raise WrongPassphrase("supervisor.wrong_passphrase") from None
        try:
            content = json.loads(plain.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise VaultError("supervisor.not_a_store", target=target) from None
        return cls(target, header, key, content)

    def _load_content(self, content: dict) -> None:
        try:
            for t in content.get("trusted", []):
                pub = _unb64(t["pub"])
                self._trusted[fingerprint(pub)] = TrustedKey(pub, fingerprint(pub), str(t["label"]),
                                                             _from_iso(t["trusted_at"]))
            for f in content.get("files", []):
                self._files.append(StoredFile(_unb64(f["data"]), _from_iso(f["imported_at"])))
            sk = content.get("supervisor_key")
            self._supervisor_key = _unb64(sk) if sk else None
        except (KeyError, TypeError, ValueError, binascii.Error, VStatError):
            raise VaultError("supervisor.content_damaged", path=self.path) from None

    def save(self) -> None:
        content = {
            "trusted": [{"pub": _b64(t.pub), "label": t.label, "trusted_at": _iso(t.trusted_at)}
                        for t in self._trusted.values()],
            "files": [{"data": _b64(f.data), "imported_at": _iso(f.imported_at)} for f in self._files],
            "supervisor_key": _b64(self._supervisor_key) if self._supervisor_key else None,
        }
        nonce = os.urandom(12)
        ct = ChaCha20Poly1305(self._key).encrypt(nonce, json.dumps(content).encode("utf-8"),
                                                 canonical(self._header))
        blob = canonical({**self._header, "nonce": _b64(nonce), "ciphertext": _b64(ct)})
        try:
            write_bytes_atomic(self.path, blob)
        except OSError as exc:
            raise UserError("supervisor.cannot_save", path=self.path, strerror=exc.strerror or exc) from None

    # ------------------------------------------------------------------ keys

    @property
    def trusted(self) -> list[TrustedKey]:
        return sorted(self._trusted.values(), key=lambda t: t.label.casefold())

    def labels(self) -> dict[str, str]:
        return {fp: t.label for fp, t in self._trusted.items()}

    def trust(self, pub: bytes, label: str, *, when: datetime | None = None) -> list[ImportOutcome]:
        """Trust an adviser key under a label of the supervisor's choosing (after comparing the
        fingerprint with the adviser, e.g. by phone). Files from that key that were waiting are
        imported now; their outcomes are returned."""
        label = (label or "").strip()
        if not label:
            raise UserError("supervisor.label_needed")
        if len(label) > 200:
            raise UserError("supervisor.label_too_long")
        fp = fingerprint(pub)
        self._trusted[fp] = TrustedKey(bytes(pub), fp, label, when or datetime.now(UTC))
        waiting = self._pending.pop(fp, [])
        outcomes = [self._accept(path, data) for path, data in waiting]
        self.save()
        return outcomes

    def untrust(self, fp: str) -> None:
        """Stop trusting a key. Its files stay in the store but are left out of combinations."""
        for k in list(self._trusted):
            if normalise_fingerprint(k) == normalise_fingerprint(fp):
                del self._trusted[k]
        self.save()

    def set_supervisor_key(self, priv: bytes | None) -> None:
        """Keep the supervisor's X25519 private key (raw 32 bytes) inside the store for encrypted files."""
        if priv is not None and len(priv) != 32:
            raise UserError("supervisor.key_length")
        self._supervisor_key = priv
        self.save()

    @property
    def pending(self) -> dict[str, list[str]]:
        """Files waiting for a key to be trusted: fingerprint -> paths (not saved)."""
        return {fp: [p for p, _d in items] for fp, items in self._pending.items()}

    # ------------------------------------------------------------------ files

    def import_files(self, paths: Iterable[str | os.PathLike[str]], *,
                     supervisor_key: bytes | None = None) -> list[ImportOutcome]:
        """Verify and import files one by one. A bad file is refused with its reason and never affects
        the others or what was imported before; a file signed by an unknown key waits for `trust`."""
        outcomes = []
        changed = False
        for path in paths:
            name = str(path)
            try:
                v = read_vstat_file(name, supervisor_key=supervisor_key or self._supervisor_key)
            except VStatError as exc:
                outcomes.append(ImportOutcome(name, REFUSED, exc.message, code=exc.code, values=dict(exc.params)))
                continue
            if v.fingerprint not in self._trusted:
                self._pending.setdefault(v.fingerprint, [])
                if all(d != v.raw for _p, d in self._pending[v.fingerprint]):
                    self._pending[v.fingerprint].append((name, v.raw))
                outcomes.append(ImportOutcome(
                    name, UNKNOWN_KEY, f"signed by a key you have not trusted yet ({v.fingerprint}); compare the "
                    "fingerprint with the adviser before trusting it", v.fingerprint, v.adviser_key,
                    v.organisation, v.year))
                continue
            outcome = self._accept(name, v.raw, v)
            changed = changed or outcome.status == ACCEPTED
            outcomes.append(outcome)
        if changed:
            self.save()
        return outcomes

    def _accept(self, name: str, raw: bytes, v: VStat | None = None) -> ImportOutcome:
        v = v or read_vstat(raw)
        sha = hashlib.sha256(raw).hexdigest()
        if any(f.sha256 == sha for f in self._files):
            return ImportOutcome(name, DUPLICATE, "this file was imported before", v.fingerprint, v.adviser_key,
                                 v.organisation, v.year)
        self._files.append(StoredFile(raw, datetime.now(UTC)))
        return ImportOutcome(name, ACCEPTED, "", v.fingerprint, v.adviser_key, v.organisation, v.year)

    @property
    def files(self) -> list[StoredFile]:
        return list(self._files)

    def verified_files(self) -> list[tuple[StoredFile, VStat]]:
        """Every stored file, verified again, in import order."""
        out = []
        for f in self._files:
            try:
                out.append((f, read_vstat(f.data)))
            except VStatError:   # cannot happen for files this store accepted; never hide it silently
                raise VaultError("supervisor.stored_file_damaged") from None
        return out

    def combined(self, by: str = "all") -> Combined:
        """Combine every stored file whose key is still trusted."""
        vstats = [v for _f, v in self.verified_files() if v.fingerprint in self._trusted]
        if not vstats:
            raise UserError("supervisor.no_trusted_files")
        return merge(vstats, by)
