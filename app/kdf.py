"""Key derivation: passphrase -> raw 256-bit SQLCipher key with Argon2id.

The parameters and salt are stored beside the vault (they are not secret) so that a later version can
raise them without breaking old vaults. A short key check value lets us tell "wrong passphrase" apart
from "damaged file" without a second costly derivation.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import time
from dataclasses import asdict, dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

MIN_MEMORY_KIB = 64 * 1024
TARGET_SECONDS = (0.5, 1.0)
KEY_CHECK_LABEL = b"vertrouwd key check v1"


@dataclass(frozen=True)
class KdfParams:
    salt: bytes
    memory_kib: int = MIN_MEMORY_KIB
    iterations: int = 3
    lanes: int = 1
    algorithm: str = "argon2id"

    def to_json(self) -> dict:
        d = asdict(self)
        d["salt"] = base64.b64encode(self.salt).decode("ascii")
        return d

    @classmethod
    def from_json(cls, d: dict) -> KdfParams:
        if d.get("algorithm") != "argon2id":
            raise ValueError(f"unknown key derivation {d.get('algorithm')!r}")
        salt = base64.b64decode(d["salt"], validate=True)
        mem, it, lanes = int(d["memory_kib"]), int(d["iterations"]), int(d["lanes"])
        if len(salt) < 16 or it < 1 or lanes < 1 or mem < 8 * lanes:
            raise ValueError("key derivation parameters out of range")
        return cls(salt=salt, memory_kib=mem, iterations=it, lanes=lanes)

    def with_new_salt(self) -> KdfParams:
        return KdfParams(salt=os.urandom(16), memory_kib=self.memory_kib, iterations=self.iterations,
                         lanes=self.lanes)


def derive_key(passphrase: str, params: KdfParams) -> bytes:
    kdf = Argon2id(salt=params.salt, length=32, iterations=params.iterations, lanes=params.lanes,
                   memory_cost=params.memory_kib)
    return kdf.derive(passphrase.encode("utf-8"))


def key_check(key: bytes) -> str:
    return hmac.new(key, KEY_CHECK_LABEL, hashlib.sha256).hexdigest()[:32]


def check_matches(key: bytes, stored: str) -> bool:
    return hmac.compare_digest(key_check(key), stored)


def calibrate(target: tuple[float, float] = TARGET_SECONDS, memory_kib: int = MIN_MEMORY_KIB,
              clock=time.perf_counter) -> KdfParams:
    """Choose iterations so one derivation takes about target seconds on this machine (>= 64 MiB)."""
    if memory_kib < MIN_MEMORY_KIB:
        raise ValueError("Argon2id memory must be at least 64 MiB")
    probe = KdfParams(salt=os.urandom(16), memory_kib=memory_kib, iterations=1, lanes=1)
    start = clock()
    derive_key("calibration", probe)
    one = max(clock() - start, 1e-3)
    goal = (target[0] + target[1]) / 2
    iterations = max(1, min(64, round(goal / one)))
    return KdfParams(salt=os.urandom(16), memory_kib=memory_kib, iterations=iterations, lanes=1)
