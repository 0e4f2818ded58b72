"""Keys of the exchange: the adviser's Ed25519 signing key, the supervisor's X25519 encryption key,
their fingerprints and the key files a supervisor keeps.

A fingerprint is the first 16 bytes of SHA-256 over the raw public key, written as 8 groups of 4
hex digits, short enough to read out over the phone. The supervisor's key pair lives in a folder:
`supervisor.key` (PKCS#8 PEM, encrypted when a passphrase is given, mode 0600) and `supervisor.pub`
(one line "vertrouwd-supervisor-x25519:<base64>").
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import os
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.errors import UserError, VStatError, WrongPassphrase
from app.fsutil import write_bytes_atomic, write_text_atomic
from app.texts import Phrase

SUPERVISOR_PUB_PREFIX = "vertrouwd-supervisor-x25519:"
_HKDF_INFO = b"vertrouwd-stats-encrypted/1 key"


def generate_signing_key() -> bytes:
    """A new Ed25519 private key as its raw 32 bytes (the adviser keeps it inside the vault)."""
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())


def signer(priv: bytes) -> Ed25519PrivateKey:
    if not isinstance(priv, bytes | bytearray) or len(priv) != 32:
        raise VStatError("keys.signing_key_length")
    return Ed25519PrivateKey.from_private_bytes(bytes(priv))


def public_key(priv: bytes) -> bytes:
    """The raw 32-byte Ed25519 public key that belongs to a raw private key."""
    return signer(priv).public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(pub: bytes) -> str:
    """SHA-256 of the raw public key, first 16 bytes as 8 groups of 4 upper-case hex digits.

    Short enough to read out over the phone: "3F2A 9C01 ...".
    """
    if not isinstance(pub, bytes | bytearray) or len(pub) != 32:
        raise VStatError("keys.public_key_length")
    digest = hashlib.sha256(bytes(pub)).hexdigest().upper()[:32]
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))


def normalise_fingerprint(text: str) -> str:
    """Upper-case hex without spaces, for comparing what a person typed with a fingerprint."""
    return "".join(ch for ch in str(text) if not ch.isspace() and ch not in "-:").upper()


def same_fingerprint(a: str, b: str) -> bool:
    return normalise_fingerprint(a) == normalise_fingerprint(b)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: Any, what: str, length: int | None = None) -> bytes:
    """Strict base64: only the canonical encoding is accepted (no spare bits, no line breaks)."""
    if not isinstance(text, str):
        raise VStatError("keys.not_text", what=what)
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raise VStatError("keys.not_base64", what=what) from None
    if b64(raw) != text:
        raise VStatError("keys.not_canonical_base64", what=what)
    if length is not None and len(raw) != length:
        raise VStatError("keys.wrong_length", what=what, size=len(raw), length=length)
    return raw


def envelope_key(shared: bytes, eph_pub: bytes, recipient_pub: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=eph_pub + recipient_pub,
                info=_HKDF_INFO).derive(shared)


# --------------------------------------------------------------------------------------------------
# supervisor keys


def generate_supervisor_keypair(out_dir: str | os.PathLike[str], passphrase: str | None = None) -> bytes:
    """Write `supervisor.key` (PKCS#8 PEM, mode 0600, encrypted when a passphrase is given) and
    `supervisor.pub` (one line "vertrouwd-supervisor-x25519:<base64>"). Returns the raw public key.

    Refuses to overwrite an existing key: losing it would make every file sent to it unreadable.
    """
    folder = Path(out_dir)
    key_path, pub_path = folder / "supervisor.key", folder / "supervisor.pub"
    if key_path.exists() or pub_path.exists():
        raise UserError("keys.key_exists", key_path=key_path, pub_path=pub_path)
    priv = X25519PrivateKey.generate()
    enc = (serialization.BestAvailableEncryption(passphrase.encode("utf-8")) if passphrase
           else serialization.NoEncryption())
    pem = priv.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, enc)
    pub = priv.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    try:
        write_bytes_atomic(key_path, pem)
        write_text_atomic(pub_path, format_supervisor_pub(pub) + "\n")
    except OSError as exc:
        raise UserError("keys.cannot_write", folder=folder, strerror=exc.strerror or exc) from None
    return pub


def format_supervisor_pub(pub: bytes) -> str:
    return SUPERVISOR_PUB_PREFIX + b64(pub)


def parse_supervisor_pub(text: str) -> bytes:
    """The raw X25519 key from a `supervisor.pub` line."""
    line = text.strip() if isinstance(text, str) else ""
    if not line.startswith(SUPERVISOR_PUB_PREFIX):
        raise UserError("keys.not_a_public_key", prefix=SUPERVISOR_PUB_PREFIX)
    try:
        return unb64(line[len(SUPERVISOR_PUB_PREFIX):], Phrase("keys.what.supervisor_public_key"), 32)
    except VStatError as exc:
        raise UserError(exc.code, params=exc.params) from None


def load_supervisor_key(path: str | os.PathLike[str], passphrase: str | None = None) -> bytes:
    """Read `supervisor.key`; returns the raw 32-byte X25519 private key."""
    try:
        pem = Path(path).read_bytes()
    except OSError as exc:
        raise UserError("keys.key_unreadable", path=path, strerror=exc.strerror or exc) from None
    pw = passphrase.encode("utf-8") if passphrase else None
    try:
        key = serialization.load_pem_private_key(pem, password=pw)
    except TypeError:
        if pw is None:
            raise UserError("keys.key_needs_passphrase") from None
        raise UserError("keys.key_not_protected") from None
    except ValueError:
        if pw is not None:
            raise WrongPassphrase("keys.wrong_passphrase") from None
        raise UserError("keys.not_a_key_file", path=path) from None
    if not isinstance(key, X25519PrivateKey):
        raise UserError("keys.other_kind_of_key", path=path)
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def supervisor_public_key(priv: bytes) -> bytes:
    return X25519PrivateKey.from_private_bytes(priv).public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)

