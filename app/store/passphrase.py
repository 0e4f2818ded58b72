"""Passphrase strength (0-4) with zxcvbn, which knows common passwords, keyboard patterns, dates,
l33t substitutions and repeats. Dutch words people pick, the first names and surnames of the privacy
guard's lists and the caller's own words (organisation names) count as guessable too.

0 very weak, 1 weak, 2 fair, 3 strong, 4 very strong; the window asks for at least 2.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from zxcvbn import zxcvbn

from app.resources import RESOURCES

# Words Dutch users often build passwords from, which zxcvbn's (English) lists do not hold.
DUTCH_WORDS = (
    "welkom wachtwoord geheim vertrouwd vertrouwen vertrouwenspersoon wachtwoordzin inloggen "
    "amsterdam rotterdam utrecht denhaag eindhoven groningen tilburg almere breda nijmegen "
    "apeldoorn haarlem arnhem zaandam amersfoort zwolle leiden maastricht dordrecht nederland "
    "holland oranje ajax feyenoord psv zomer winter lente herfst maandag dinsdag woensdag "
    "donderdag vrijdag zaterdag zondag januari februari maart april mei juni juli augustus "
    "september oktober november december liefde schatje lieverd poes hond kat konijn voetbal "
    "gemeente kantoor werk organisatie stichting kluis sleutel"
).split()
_MAX_LENGTH = 72  # zxcvbn refuses longer input; a passphrase this long is judged on its first 72


@lru_cache(maxsize=1)
def _name_words() -> tuple[str, ...]:
    words: list[str] = []
    for name in ("first_names.txt", "surnames.txt"):
        path = RESOURCES / "names" / name
        if path.exists():
            for line in path.read_text("utf-8").splitlines():
                line = line.strip().lower()
                if line and not line.startswith("#"):
                    words.append(line.replace(" ", ""))
    return tuple(words)


_known: list[str] = []


def set_known_words(words: Iterable[str]) -> None:
    """Words of this adviser an attacker could know (organisation names, the practice name); every
    later `strength` call counts them as guessable. The window sets them while the vault is open and
    empties them when it locks."""
    _known[:] = [w for w in words if w]


def strength(p: str, user_inputs: Iterable[str] = ()) -> int:
    """0 very weak .. 4 very strong. `user_inputs`: more words of this adviser (see set_known_words)."""
    if len(p) < 8:
        return 0
    own = [w.lower() for text in [*user_inputs, *_known] for w in [text.replace(" ", ""), *text.split()]
           if len(w) >= 3]
    inputs = [*own, *DUTCH_WORDS, *_name_words()]
    scores = [zxcvbn(p[:_MAX_LENGTH], user_inputs=inputs)["score"]]
    joined = "".join(p.split())
    if joined != p and len(joined) >= 8:  # "Jan de Vries 1985" is as guessable as "JandeVries1985"
        scores.append(zxcvbn(joined[:_MAX_LENGTH], user_inputs=inputs)["score"])
    return int(min(scores))
