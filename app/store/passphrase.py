"""A simple passphrase strength estimate (0-4), without any dictionary download."""
from __future__ import annotations

import math
import string

COMMON = {"welkom01", "wachtwoord", "password", "12345678", "qwertyui", "vertrouwd", "welkom123",
          "password1", "wachtwoord1", "00000000", "11111111", "iloveyou"}


def entropy_bits(p: str) -> float:
    if not p:
        return 0.0
    pool = 0
    if any(c in string.ascii_lowercase for c in p):
        pool += 26
    if any(c in string.ascii_uppercase for c in p):
        pool += 26
    if any(c in string.digits for c in p):
        pool += 10
    if any(c in string.punctuation or c == " " for c in p):
        pool += 33
    if any(ord(c) > 127 for c in p):
        pool += 40
    distinct = len(set(p))
    effective = min(len(p), distinct * 2)
    return effective * math.log2(max(pool, 2))


def strength(p: str) -> int:
    """0 very weak, 1 weak, 2 fair, 3 strong, 4 very strong."""
    if p.lower() in COMMON or len(p) < 8:
        return 0
    bits = entropy_bits(p)
    words = len([w for w in p.split() if len(w) >= 3])
    if words >= 4:
        bits = max(bits, 70)
    for level, limit in ((4, 80), (3, 60), (2, 40), (1, 28)):
        if bits >= limit:
            return level
    return 0
