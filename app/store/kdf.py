"""Key derivation: passphrase -> raw 256-bit SQLCipher key with Argon2id.

The parameters and salt are stored beside the vault (they are not secret) so that a later version can
raise them without breaking old vaults. A short key check value lets us tell "wrong passphrase" apart
from "damaged file" without a second costly derivation.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import math
import os
import time
from dataclasses import asdict, dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

MIN_MEMORY_KIB = 64 * 1024   # the floor for a new key: 64 MiB ...
MIN_ITERATIONS = 3           # ... and at least 3 passes, however slow the machine
TARGET_SECONDS = (0.5, 1.0)  # CPU seconds for one derivation on the machine that makes the key
KEY_CHECK_LABEL = b"vertrouwd key check v1"
MAX_ITERATIONS = 64
# What a key file or backup may ask for. Below the floor for new keys, because older vaults (and the
# tests) were made with less; weaker parameters there only yield another key, never a weaker vault.
# The ceiling keeps one derivation at a few seconds, so a hostile file cannot make unlocking hang.
ACCEPT_MEMORY_KIB = (8 * 1024, 256 * 1024)
ACCEPT_ITERATIONS = (1, MAX_ITERATIONS)
ACCEPT_LANES = (1, 8)
MAX_WORK_KIB = 64 * 1024 * MAX_ITERATIONS  # memory x passes: 64 MiB x 64 at most
SALT_BYTES = (16, 64)
CALIBRATE_MAX_CHECKS = 3
_MIN_SECONDS = 1e-4


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
    def from_json(cls, d: object) -> KdfParams:
        """Parameters read from a file, checked before any derivation (ValueError names the field)."""
        if not isinstance(d, dict):
            raise ValueError("the key derivation parameters are not an object")
        if d.get("algorithm") != "argon2id":
            raise ValueError(f"unknown key derivation {str(d.get('algorithm'))[:40]!r}")
        if not isinstance(d.get("salt"), str) or len(d["salt"]) > 200:
            raise ValueError("salt is missing or not text")
        salt = base64.b64decode(d["salt"], validate=True)
        if not SALT_BYTES[0] <= len(salt) <= SALT_BYTES[1]:
            raise ValueError(f"salt must be {SALT_BYTES[0]} to {SALT_BYTES[1]} bytes")
        mem = _bounded(d, "memory_kib", ACCEPT_MEMORY_KIB)
        it = _bounded(d, "iterations", ACCEPT_ITERATIONS)
        lanes = _bounded(d, "lanes", ACCEPT_LANES)
        if mem < 8 * lanes:
            raise ValueError("memory_kib must be at least 8 x lanes")
        if mem * it > MAX_WORK_KIB:
            raise ValueError(f"memory_kib x iterations is {mem * it}, more than {MAX_WORK_KIB} "
                             "(unlocking would take too long)")
        return cls(salt=salt, memory_kib=mem, iterations=it, lanes=lanes)

    def with_new_salt(self) -> KdfParams:
        return KdfParams(salt=os.urandom(16), memory_kib=self.memory_kib, iterations=self.iterations,
                         lanes=self.lanes)


def _bounded(d: dict, name: str, limits: tuple[int, int]) -> int:
    value = d.get(name)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{name} must be a whole number")
    low, high = limits
    if not low <= value <= high:
        raise ValueError(f"{name} must lie between {low} and {high}")
    return value


def derive_key(passphrase: str, params: KdfParams) -> bytes:
    kdf = Argon2id(salt=params.salt, length=32, iterations=params.iterations, lanes=params.lanes,
                   memory_cost=params.memory_kib)
    return kdf.derive(passphrase.encode("utf-8"))


def key_check(key: bytes) -> str:
    return hmac.new(key, KEY_CHECK_LABEL, hashlib.sha256).hexdigest()[:32]


def check_matches(key: bytes, stored: str) -> bool:
    return hmac.compare_digest(key_check(key), stored)


def calibrate(target: tuple[float, float] = TARGET_SECONDS, memory_kib: int = MIN_MEMORY_KIB,
              clock=time.process_time, *, derive=None, samples: int = 2,
              max_checks: int = CALIBRATE_MAX_CHECKS) -> KdfParams:
    """Choose iterations so one derivation takes about target CPU seconds on this machine (>= 64 MiB).

    Timed on the CPU time of this process, not the wall clock: other programs keeping the machine busy
    at the moment of creation must not make the key weaker. Never fewer than MIN_ITERATIONS passes.

    One derivation costs a fixed part (allocating and filling `memory_kib` once) plus a part per
    iteration. Timing 1 and 2 iterations (the fastest of `samples` runs each) separates the two: the
    difference is the cost of one iteration. The count aimed at the middle of `target` is then timed
    once more and corrected, at most `max_checks` times, until it lands in the middle half of `target`.
    `clock` and `derive` can be replaced (tests).
    """
    if memory_kib < MIN_MEMORY_KIB:
        raise ValueError("Argon2id memory must be at least 64 MiB")
    low, high = target
    if not 0 < low <= high:
        raise ValueError("the calibration target must be 0 < low <= high seconds")
    derive = derive or derive_key

    def timed(iterations: int, runs: int) -> float:
        best = math.inf
        for _ in range(max(1, runs)):
            probe = KdfParams(salt=os.urandom(16), memory_kib=memory_kib, iterations=iterations, lanes=1)
            start = clock()
            derive("calibration", probe)
            best = min(best, clock() - start)
        return max(best, _MIN_SECONDS)

    one, two = timed(1, samples), timed(2, samples)
    per_iteration = two - one
    if per_iteration < one * 0.05:  # noise swallowed the difference: assume no fixed cost at all
        per_iteration = two / 2
    fixed = max(0.0, one - per_iteration)
    goal = (low + high) / 2

    def count_for(per: float) -> int:
        return max(MIN_ITERATIONS, min(MAX_ITERATIONS, round((goal - fixed) / per)))

    iterations = count_for(per_iteration)
    slack = (high - low) / 4  # accept the middle half of the target, so a busy moment later stays inside
    for _ in range(max(0, max_checks)):
        took = timed(iterations, 1)
        if abs(took - goal) <= slack:
            break
        # the machine's real cost per iteration at this count (the fixed part stays as measured)
        per_iteration = max((took - fixed) / iterations, _MIN_SECONDS)
        better = count_for(per_iteration)
        if better == iterations:  # the same count again (or a bound, MIN_/MAX_ITERATIONS): stop
            break
        iterations = better
    return KdfParams(salt=os.urandom(16), memory_kib=memory_kib, iterations=iterations, lanes=1)
