"""The privacy guard: find likely identifiers in free text before it is saved.

The vault must not hold identities, also not hidden in a note, a checklist answer or a report
narrative. `scan()` returns the spans that look like identifiers (e-mail, phone, BSN, IBAN,
postcode, street address, date of birth, age, URL, social-media handle, licence plate, personnel
number, person name); the caller shows them, and `redact()` replaces them with a placeholder.

Structured identifiers are found with patterns plus checksums (BSN 11-proef, IBAN mod-97).
Person names come from the lists in `resources/names/`: common first names and surnames, with
honorifics, initials and tussenvoegsels as cues. Names that are also ordinary words ("Roos", "Bos",
"Mark") are listed in `stopwords.txt` and count only with a cue: an honorific, a neighbouring name,
a tussenvoegsel, or a place inside a sentence (a capital there marks a proper noun in Dutch).

Pure Python: no Qt, no database. The name lists are read once and cached.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app import texts
from app.errors import UserError
from app.resources import RESOURCES

__all__ = [
    "KINDS",
    "STRUCTURED_KINDS",
    "Finding",
    "NameLists",
    "is_valid_bsn",
    "is_valid_iban",
    "kind_label",
    "kind_phrase",
    "kind_phrases",
    "load_name_lists",
    "redact",
    "scan",
]

KINDS: tuple[str, ...] = (
    "email",
    "telefoon",
    "bsn",
    "iban",
    "postcode",
    "adres",
    "geboortedatum",
    "leeftijd",
    "url",
    "handle",
    "kenteken",
    "personeelsnummer",
    "kenmerk",
    "naam",
)
STRUCTURED_KINDS: tuple[str, ...] = tuple(k for k in KINDS if k != "naam")

_PLACEHOLDERS = {
    "email": "[e-mail]",
    "telefoon": "[telefoon]",
    "bsn": "[bsn]",
    "iban": "[iban]",
    "postcode": "[postcode]",
    "adres": "[adres]",
    "geboortedatum": "[geboortedatum]",
    "leeftijd": "[leeftijd]",
    "url": "[url]",
    "handle": "[account]",
    "kenteken": "[kenteken]",
    "personeelsnummer": "[personeelsnummer]",
    "kenmerk": "[kenmerk]",
    "naam": "[naam]",
}

@dataclass(frozen=True)
class Finding:
    """One likely identifier: `text[start:end]` of the scanned text, of kind `kind`."""

    start: int
    end: int
    kind: str
    text: str

    @property
    def placeholder(self) -> str:
        return _PLACEHOLDERS[self.kind]


def kind_label(kind: str, lang: str = "nl") -> str:
    """Readable name of a kind, in Dutch ("nl") or English ("en"; also for other languages).

    The names live with the program's other sentences (resources/messages.json, codes privacy.kind.*)."""
    if kind not in _PLACEHOLDERS:
        raise ValueError(f"Unknown identifier kind {kind!r}; expected one of {', '.join(KINDS)}.")
    return texts.message(kind_phrase(kind), lang)


def kind_phrase(kind: str) -> texts.Phrase:
    """The name of a kind as a Phrase, said in the language of the message that holds it."""
    return texts.Phrase(f"privacy.kind.{kind}")


def kind_phrases(text: str) -> list[texts.Phrase]:
    """The kinds of identifier found in `text`, each once, in the order found (for a message)."""
    kinds: list[str] = []
    for f in scan(text):
        if f.kind not in kinds:
            kinds.append(f.kind)
    return [kind_phrase(k) for k in kinds]


# --------------------------------------------------------------------------------------------
# Validators


def is_valid_bsn(s: str) -> bool:
    """True if `s` is a BSN that passes the 11-proef.

    Nine digits, or eight when a leading zero was dropped; spaces and dots between digits are
    allowed. All zeros is not a number anyone has.
    """
    if not isinstance(s, str):
        return False
    compact = re.sub(r"[ .]", "", s.strip())
    if not compact.isascii() or not compact.isdigit() or len(compact) not in (8, 9):
        return False
    if len(compact) == 8:
        compact = "0" + compact
    digits = [int(c) for c in compact]
    if not any(digits):
        return False
    total = sum((9 - i) * d for i, d in enumerate(digits[:8])) - digits[8]
    return total % 11 == 0


# Lengths of the IBANs of countries a Dutch adviser meets most (ISO 13616 registry).
_IBAN_LENGTHS = {
    "NL": 18, "BE": 16, "DE": 22, "GB": 22, "FR": 27, "ES": 24, "IT": 27, "PL": 28, "TR": 26,
    "LU": 20, "AT": 20, "CH": 21, "IE": 22, "PT": 25, "DK": 18, "SE": 24, "NO": 15, "FI": 18,
    "CZ": 24, "SK": 24, "HU": 28, "RO": 24, "BG": 22, "GR": 27, "HR": 21, "SI": 19, "LT": 20,
    "LV": 21, "EE": 20, "CY": 28, "MT": 31, "IS": 26, "LI": 21, "MC": 27, "SM": 27,
}


def is_valid_iban(s: str) -> bool:
    """True if `s` is an IBAN whose mod-97 check holds (spaces allowed, any letter case)."""
    if not isinstance(s, str):
        return False
    compact = re.sub(r"\s", "", s).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", compact):
        return False
    expected = _IBAN_LENGTHS.get(compact[:2])
    if expected is not None and len(compact) != expected:
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(c, 36)) for c in rearranged)
    return int(number) % 97 == 1


# --------------------------------------------------------------------------------------------
# Name lists


def _fold(s: str) -> str:
    """Case- and accent-insensitive key: 'Özdemir' and 'ozdemir' meet."""
    decomposed = unicodedata.normalize("NFKD", s.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class NameLists:
    first: frozenset[str]  # folded first names
    surnames: frozenset[str]  # folded one-word surnames
    compound: frozenset[str]  # folded surnames with tussenvoegsel(s): "van den berg", "el amrani"
    ambiguous: frozenset[str]  # folded names that are also ordinary words
    phrases: tuple[str, ...]  # folded multi-word phrases that contain a name but point at no person

    @classmethod
    def from_lines(cls, first: list[str], surnames: list[str], stopwords: list[str]) -> NameLists:
        single, compound = set(), set()
        for name in surnames:
            key = " ".join(_fold(name).split())
            if " " in key:
                compound.add(key)
            else:
                single.add(key)
        ambiguous, phrases = set(), []
        for word in stopwords:
            key = " ".join(_fold(word).split())
            if " " in key:
                phrases.append(key)
            else:
                ambiguous.add(key)
        return cls(
            first=frozenset(_fold(n) for n in first),
            surnames=frozenset(single),
            compound=frozenset(compound),
            ambiguous=frozenset(ambiguous),
            phrases=tuple(sorted(phrases, key=len, reverse=True)),
        )


def _read_list(path: Path) -> list[str]:
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except OSError as exc:
        raise UserError(
            "privacy.name_list_unreadable", path=path, strerror=exc.strerror or exc
        ) from exc
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=4)
def load_name_lists(directory: Path | None = None) -> NameLists:
    """Read first_names.txt, surnames.txt and stopwords.txt once (cached per directory)."""
    folder = Path(directory) if directory is not None else RESOURCES / "names"
    return NameLists.from_lines(
        _read_list(folder / "first_names.txt"),
        _read_list(folder / "surnames.txt"),
        _read_list(folder / "stopwords.txt"),
    )


# --------------------------------------------------------------------------------------------
# Structured patterns

_MONTHS_NL = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
_MONTHS_EN = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)

_EMAIL = re.compile(r"(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_URL = re.compile(
    r"(?:\b(?:https?://|www\.)[^\s<>\"']+)"
    r"|(?:(?<![\w@./-])(?:[a-z0-9-]+\.)+[a-z]{2,6}/[^\s<>\"']*[A-Za-z0-9_/=-])",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"(?<![\w@./])@(?=[A-Za-z0-9_.]*[A-Za-z])[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")

_PHONE_INTL = re.compile(r"(?<![\w+])(?:\+|00)[1-9]\d{0,2}(?:[ .-]?\(0\))?(?:[ .-]?\d){6,13}(?!\d)")
_PHONE_NL = re.compile(
    r"(?<![\w+/.,-])(?:\(0\d{1,3}\)\s?|0\d{1,3}(?:\s?[-/]\s?|[ .])?)\d(?:[ .-]?\d){4,9}(?![\w-]|[.,]\d)"
)
_DATE_SHAPE = re.compile(r"\(?\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}(?!\d)")

_BSN_CANDIDATE = re.compile(
    r"(?<![\w.,/+-])(\d{9}|\d{8}|\d{4}[ .]\d{2}[ .]\d{3}|\d{3}[ .]\d{3}[ .]\d{3})(?![\w/-]|[.,]\d)"
)
_BSN_CUE = re.compile(r"(?:\bbsn|burgerservicenummer|sofi-?nummer|citizen service number)", re.IGNORECASE)

_IBAN_START = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}[ ]?[A-Za-z0-9]{4}")
_IBAN_CUE = re.compile(r"(?:iban|rekeningnummer|rekening|bankrekening|account)\W{0,3}\s*$", re.IGNORECASE)

_POSTCODE = re.compile(
    r"(?<![\w-])([1-9]\d{3})( ?)(?!SA|SD|SS)([A-Z]{2})(?![\w-])"
    r"(?:[ ,]\s*(\d{1,5}(?:[a-zA-Z](?!\w)|-\d{1,3})?)(?=[\s.,;:)]|$))?"
)
_ACRONYMS = frozenset(
    "HR OR MT EU VS UK NL IT BV NV AI PR QA CV KW MR DR VP ZZ BHV GGD CAO PSA ICT".split()
)

_STREET_SUFFIXES = (
    "straatweg", "straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk", "hof",
    "steeg", "dreef", "plantsoen", "markt", "wal", "boulevard", "burgwal", "dwarsstraat",
)
_STREET_TYPES = frozenset(
    ["laan", "plein", "weg", "kade", "singel", "dijk", "straat", "gracht", "hof", "dreef", "markt",
     "wal", "park", "boulevard", "steeg"]
)
_STREET_PREFIXES = frozenset(
    ["oude", "nieuwe", "korte", "lange", "eerste", "tweede", "derde", "vierde", "hoge", "lage",
     "binnen", "buiten", "burgemeester", "prins", "prinses", "koning", "koningin", "sint", "st",
     "noord", "zuid", "oost", "west", "grote", "kleine", "dokter", "dr", "generaal", "president",
     "wethouder", "pastoor", "professor", "prof", "graaf", "gravin", "hertog", "keizer", "van", "de"]
)
_PARTICLES = frozenset(["van", "de", "der", "den", "het", "op", "aan", "ter", "ten", "te", "'t", "in"])
_NOT_STREETS = frozenset(["onderweg", "halfweg", "halverwege", "midweg", "ommeweg", "zijweg", "dwarsweg"])
_COUNTED = re.compile(
    r"\s*(?:%|procent|percent|minuten|minuut|min|uur|uren|seconden|dagen|dag|weken|week|maanden|maand|"
    r"jaar|jaren|keer|km|kilometer|meter|m|euro|mensen|medewerkers|personen|collega's|stuks|x)\b",
    re.IGNORECASE,
)
_HOUSE_NUMBER = r"\d{1,4}(?:[a-zA-Z](?![\w])| [A-Z](?![\w])|-\d{1,3}(?!\d)| (?:bis|hs|huis)\b)?"
_ADDRESS_WORD = re.compile(
    r"(?<![\w-])([A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*)\s(" + _HOUSE_NUMBER + r")(?![\w]|[.,:]\d)"
)
_ADDRESS_EN = re.compile(
    r"(?<![\w-])\d{1,4}[a-z]?\s(?:[A-Z][a-z]+\s){1,3}(?:Street|Road|Avenue|Lane|Drive|Close|Square)\b"
)

_DATE_VALUE = (
    r"(?:\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})(?!\d)"
    r"|\d{1,2}\s+(?:" + _MONTHS_NL + r"|" + _MONTHS_EN + r")\.?(?:\s+\d{4})?(?!\d)"
    r"|(?:" + _MONTHS_EN + r")\s+\d{1,2},?\s+\d{4}(?!\d)"
    r"|(?:19|20)\d{2}(?!\d))"
)
_BIRTH = re.compile(
    r"(?:\bgeboren|\bgeb\.|\bgeboortedatum|\bgeboortejaar|\bgeboorte|\bdate of birth|\bborn|\bdob\b|"
    r"\bd\.o\.b\.|\bverjaardag|\bjarig|\bbirthday)"
    r"[^\d.!?\n]{0,22}?(" + _DATE_VALUE + r")",
    re.IGNORECASE,
)

_AGE_JARIG = re.compile(
    r"(?<![\w-])(\d{1,3}-jarige?)\b(?!\s+(?:jubileum|dienstjubileum|bestaan|dienstverband|contract|"
    r"huwelijk|periode|samenwerking|ervaring|traject|project|plan)\b)",
    re.IGNORECASE,
)
_AGE_YEAR_OLD = re.compile(r"(?<![\w-])(\d{1,3}[- ]years?[- ]old)\b", re.IGNORECASE)
_AGE_OUD = re.compile(r"(?<![\w.,])(\d{1,3}\s?jaar\s+oud)\b", re.IGNORECASE)
_AGE_SUBJECT = (
    r"(?:\b(?:zij|hij|ze|ik|je|jij|u|die|melder|melders|medewerker|medewerkster|collega|klager|"
    r"she|he|i)\b|\b[A-Z][^\W\d_]+)"
)
_AGE_VERB = r"(?:is|ben|bent|was|wordt|werd|am|is)"
_AGE_FILL = r"(?:\s+(?:nu|pas|al|bijna|ongeveer|ruim|net|toen|inmiddels|now|just|almost|about))?"
_AGE_END = r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:en|and|toen|when|oud|old)\b)"
_AGE_IS = re.compile(
    _AGE_SUBJECT + r"\s+" + _AGE_VERB + _AGE_FILL
    + r"\s+((?:\d{1,2}\s?(?:jaar|years)(?:\s+(?:oud|old))?)|(?:1[5-9]|[2-9]\d)(?![\d%]|[.,:]\d))" + _AGE_END
)
_AGE_INV = re.compile(
    r"\b(?:is|was|wordt|werd)\s+(?:zij|hij|ze)" + _AGE_FILL + r"\s+(\d{1,2}\s?jaar(?:\s+oud)?)" + _AGE_END,
    re.IGNORECASE,
)
_AGE_LABEL = re.compile(r"\b(?:leeftijd|age|aged)\s*(?::|van|is|of)?\s*(\d{1,3})(?:\s?jaar)?\b", re.IGNORECASE)
_AGE_DESCRIBED = re.compile(
    r"(?:\((?:vrouw|man|m|v|f|female|male)\s?[,/]\s?(\d{1,2})(?:\s?(?:jaar|jr\.?))?\)"
    r"|\b(?:vrouw|man|meisje|jongen|jongeman|dame|heer)\s+van\s+(\d{1,2})(?:\s+jaar)?\b)",
    re.IGNORECASE,
)
# A bare age "34 jaar" ("Melder (34 jaar) ...", "vrouw, 34 jaar, ...") where the sentence goes on
# after it; a span of time ("al 12 jaar", "bestaat 40 jaar", "3 jaar geleden") is not an age.
_AGE_BARE = re.compile(r"(?<![\w.,/-])((?:1[5-9]|[2-9]\d)\s?(?:jaar|jr\.?))" + _AGE_END, re.IGNORECASE)
_DURATION_BEFORE = frozenset(
    (
        "al ruim sinds na over binnen gedurende afgelopen voor bestaat bestond bestaan hier daar er per "
        "om elke iedere laatste eerste komende vorige volgende dan tot van tussen lang werkt werkte "
        "gewerkt getrouwd samen lid dienst duurt duurde zit zat woont woonde bijna maximaal minimaal "
        "hooguit ten minste pakweg circa ca zo'n for"
    ).split()
)
_DURATION_VERBS = frozenset(
    "bestaat bestond bestaan werkt werkte gewerkt duurt duurde woont woonde getrouwd dienst".split()
)
_AGE_PERSONS = frozenset(
    "melder melders medewerker medewerkster collega klager klaagster stagiair stagiaire werknemer persoon "
    "leidinggevende teamleider vrijwilliger".split()
)
_AGE_PAREN = re.compile(r"\s?\((\d{1,2})\)")

_PLATE_SHAPES = (
    "LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL", "DD-LLL-D",
    "D-LLL-DD", "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "L-DD-LLL", "D-LL-DDD", "DDD-LL-D",
)


def _shape_regex(shape: str) -> str:
    out = []
    for group in shape.split("-"):
        kind = "[A-Z]" if group[0] == "L" else r"\d"
        out.append(f"{kind}{{{len(group)}}}")
    return "-".join(out)


_PLATE = re.compile(r"(?<![\w-])(?:" + "|".join(_shape_regex(s) for s in _PLATE_SHAPES) + r")(?![\w-])")
_PLATE_CUE = re.compile(
    r"\b(?i:kenteken|kentekenplaat|nummerbord|licen[cs]e plate|plate)\W{0,3}\s*(?:is\s+|was\s+)?"
    r"((?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6})(?![\w-])"
)

_STAFF_CUE = re.compile(
    r"\b(?:personeelsnummer|personeelsnr\.?|pers\.?\s?nr\.?|medewerkersnummer|medewerkernummer|"
    r"werknemersnummer|registratienummer|pasnummer|salarisnummer|employee\s+(?:number|id|no\.?)|"
    r"staff\s+(?:number|id)|personnel\s+number|payroll\s+number)"
    r"\W{0,3}\s*(?:is\s+|was\s+|nr\.?\s+)?([A-Za-z]{0,3}-?\d{3,10})(?![\w-])",
    re.IGNORECASE,
)
_STAFF_CODE = re.compile(r"(?<![\w-])[A-Z]{1,2}\d{5,8}(?![\w-])")

# Higher number wins when two findings overlap.
_PRIORITY = {
    "email": 100,
    "url": 95,
    "iban": 90,
    "bsn_cue": 85,
    "telefoon": 80,
    "kenteken": 75,
    "postcode": 70,
    "adres": 65,
    "geboortedatum": 60,
    "personeelsnummer": 55,
    "leeftijd": 50,
    "handle": 45,
    "bsn": 40,
    "kenmerk": 20,
    "naam": 10,
}


def _digits(s: str) -> int:
    return sum(c.isdigit() for c in s)


def _find_emails(text: str):
    for m in _EMAIL.finditer(text):
        yield m.start(), m.end(), "email"


def _find_urls(text: str):
    for m in _URL.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in ".,;:!?)]}'\"":
            end -= 1
        if end - m.start() > 4:
            yield m.start(), end, "url"


def _find_handles(text: str):
    for m in _HANDLE.finditer(text):
        if m.end() - m.start() >= 3:
            yield m.start(), m.end(), "handle"


def _find_phones(text: str):
    for m in _PHONE_INTL.finditer(text):
        n = _digits(m.group())
        if 9 <= n <= 15:
            yield m.start(), m.end(), "telefoon"
    for m in _PHONE_NL.finditer(text):
        value = m.group()
        n = _digits(value)
        compact = re.sub(r"\D", "", value)
        # 0800/090x numbers belong to services, never to a person.
        service = compact.startswith(("0800", "0900", "0906", "0909"))
        if n == 10 and not service and not _DATE_SHAPE.match(value):
            yield m.start(), m.end(), "telefoon"


def _find_bsn(text: str):
    for m in _BSN_CANDIDATE.finditer(text):
        value = m.group(1)
        before = text[max(0, m.start() - 40) : m.start()]
        if _BSN_CUE.search(before) and len(re.sub(r"\D", "", value)) in (8, 9):
            yield m.start(), m.end(), "bsn_cue"
        elif len(re.sub(r"\D", "", value)) == 9 and is_valid_bsn(value):
            yield m.start(), m.end(), "bsn"


def _find_ibans(text: str):
    for m in _IBAN_START.finditer(text):
        start = m.start()
        country = text[start : start + 2].upper()
        # Walk forward over alphanumerics, allowing single spaces, up to 34 characters.
        compact, ends = [], []
        i = start
        while i < len(text) and len(compact) < 34:
            c = text[i]
            if c.isascii() and c.isalnum():
                compact.append(c.upper())
                ends.append(i + 1)
                i += 1
            elif c == " " and i + 1 < len(text) and text[i + 1].isascii() and text[i + 1].isalnum():
                i += 1
            else:
                break
        lengths = [_IBAN_LENGTHS[country]] if country in _IBAN_LENGTHS else range(len(compact), 14, -1)
        for length in lengths:
            if length > len(compact):
                continue
            end = ends[length - 1]
            # The match must not stop in the middle of a word.
            if end < len(text) and text[end].isalnum() and not text[end - 1].isspace():
                if text[end - 1].isdigit() == text[end].isdigit() or text[end].isalpha():
                    continue
            candidate = "".join(compact[:length])
            if is_valid_iban(candidate):
                yield start, end, "iban"
                break
            if country == "NL" and re.fullmatch(r"NL\d{2}[A-Z]{4}\d{10}", candidate):
                if _IBAN_CUE.search(text[max(0, start - 30) : start]):
                    yield start, end, "iban"
                    break


def _find_postcodes(text: str):
    for m in _POSTCODE.finditer(text):
        number, space, letters = m.group(1), m.group(2), m.group(3)
        if space and letters in _ACRONYMS and 1900 <= int(number) <= 2099:
            continue
        yield m.start(), m.end(), "postcode"


def _street_start(text: str, word_start: int) -> int:
    """Walk back from a street word over prefixes like 'Oude', 'Burgemeester de', 'Jan van'."""
    lists = load_name_lists()
    start = pos = word_start
    for _ in range(4):
        m = re.search(r"([^\W\d_]+|'t)\s$", text[max(0, pos - 40) : pos])
        if not m:
            break
        word = m.group(1)
        wstart = pos - len(m.group(0))
        key = _fold(word)
        if key in _PARTICLES and word.islower():
            pos = wstart  # a particle counts only if a prefix word comes before it
            continue
        if word[:1].isupper() and (key in _STREET_PREFIXES or key in lists.first or key in lists.surnames):
            start = pos = wstart
            continue
        break
    return start


def _find_addresses(text: str):
    for m in _ADDRESS_WORD.finditer(text):
        word = m.group(1)
        key = _fold(word)
        if key in _NOT_STREETS or _COUNTED.match(text, m.end()):
            continue  # "Onderweg 5 minuten": an ordinary word and a count, not an address
        if key.endswith(_STREET_SUFFIXES):
            yield _street_start(text, m.start()), m.end(), "adres"
            continue
        # "Laan van Meerdervoort 5a": a street type, particles, then a name.
        head = text[max(0, m.start() - 60) : m.start()]
        hm = re.search(
            r"(?<![\w-])(Laan|Plein|Weg|Kade|Singel|Dijk|Straat|Gracht|Hof|Dreef|Markt|Wal|Park|Boulevard)"
            r"\s(?:(?:van|der|de|den|het|op|ter|ten|'t|in)\s){1,3}(?:[A-Z][^\W\d_]*\s){0,2}$",
            head,
        )
        if hm:
            yield m.start() - len(head) + hm.start(), m.end(), "adres"
    for m in _ADDRESS_EN.finditer(text):
        yield m.start(), m.end(), "adres"


def _find_birth_dates(text: str):
    for m in _BIRTH.finditer(text):
        yield m.start(1), m.end(1), "geboortedatum"


def _find_ages(text: str):
    for rx in (_AGE_JARIG, _AGE_YEAR_OLD, _AGE_OUD, _AGE_IS, _AGE_INV, _AGE_LABEL):
        for m in rx.finditer(text):
            yield m.start(1), m.end(1), "leeftijd"
    for m in _AGE_BARE.finditer(text):
        before = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text[max(0, m.start() - 30):m.start()])
        words = [w.lower() for w in before[-3:]]
        person_of = len(words) >= 2 and words[-1] == "van" and words[-2] in _AGE_PERSONS  # "melder van 34 jaar"
        lasting = any(w in _DURATION_VERBS for w in words)   # "bestaat dit jaar 75 jaar"
        if person_of or not (words and words[-1] in _DURATION_BEFORE or lasting):
            yield m.start(1), m.end(1), "leeftijd"
    for m in _AGE_DESCRIBED.finditer(text):
        group = 1 if m.group(1) else 2
        yield m.start(group), m.end(group), "leeftijd"


def _find_plates(text: str):
    for m in _PLATE.finditer(text):
        yield m.start(), m.end(), "kenteken"
    for m in _PLATE_CUE.finditer(text):
        yield m.start(1), m.end(1), "kenteken"


# "de enige Poolse collega", "als enige vrouw", "the only woman": a trait that only one person in a
# small group has points at that person as surely as a name. "de enige manier/optie" does not.
_UNIQUE_NOT = ("manier|optie|oplossing|mogelijkheid|reden|keer|vraag|plek|plaats|die|dat|wat|wie|"
               "in|op|van|bij|binnen|met|voor|om|uit|aan|naar|is|was|en|of|way|option|reason|time|"
               "thing|one|who|that|in|on|at|of|with|for|and|or")
_UNIQUE = re.compile(
    r"\b(?:[Dd]e|[Hh]et|[Aa]ls|[Tt]he|[Aa]s\s+the)\s+(?:enige|only)"
    r"((?:\s+(?!(?:" + _UNIQUE_NOT + r")\b)[^\W\d_][\w-]*){1,2})")


def _find_unique_traits(text: str):
    for m in _UNIQUE.finditer(text):
        yield m.start(), m.end(), "kenmerk"


def _find_staff_numbers(text: str):
    for m in _STAFF_CUE.finditer(text):
        yield m.start(1), m.end(1), "personeelsnummer"
    for m in _STAFF_CODE.finditer(text):
        yield m.start(), m.end(), "personeelsnummer"


# --------------------------------------------------------------------------------------------
# Names

_TOKEN = re.compile(r"['’]t\b|[^\W\d_]+(?:['’](?![sS]\b)[^\W\d_]+)*")
_HONORIFICS = frozenset(
    ["mevrouw", "mevr", "mw", "meneer", "mijnheer", "mnr", "dhr", "mr", "mrs", "ms", "miss", "mx",
     "dr", "drs", "ir", "ing", "prof", "juffrouw", "juf", "meester", "dokter", "sir", "madam", "zuster"]
)
# Job titles and forms of address: a capitalised word right after one is a surname even when it is in
# no list ("teamleider Pietersen", "collega Wouters", "beste Verhoeven"); so are compounds ending in
# these ("afdelingsmanager", "ploegleider"). Department names ("teamleider Publiekszaken") are not.
_JOB_TITLES = frozenset(
    (
        "teamleider teamleidster leidinggevende manager directeur directrice hoofd chef baas coördinator "
        "coordinator supervisor voorzitter wethouder burgemeester bestuurder docent leraar lerares "
        "collega uitvoerder opzichter voorman mentor begeleider werkgever eigenaar secretaris griffier "
        "adviseur verpleegkundige arts agent inspecteur rector decaan stagiair stagiaire klant cliënt "
        "client beste geachte beste hoi hallo director colleague boss dear"
    ).split()
)
_JOB_ENDINGS = ("manager", "leider", "leidster", "hoofd", "directeur", "coördinator", "coordinator", "chef")
_DEPARTMENT_ENDINGS = (
    "zaken", "beheer", "dienst", "diensten", "afdeling", "team", "zorg", "beleid", "service", "services",
    "administratie", "financiën", "financien", "ontwikkeling", "ondersteuning", "planning", "logistiek",
    "onderhoud", "inkoop", "verkoop", "communicatie", "personeelszaken", "vergunningen", "techniek",
    "voering", "vesting", "handhaving", "ordening", "begeleiding", "opleiding", "leiding", "control",
    "verlening", "kwaliteit", "veiligheid",
)
_TUSSEN = frozenset(
    ["van", "de", "der", "den", "het", "ten", "ter", "te", "'t", "in", "op", "uit", "la", "le", "du",
     "da", "di", "dos", "del", "della", "el", "al", "bin", "ben", "abou", "ait", "von", "zu", "mac", "o"]
)
_TUSSEN_CAPITAL = frozenset(["el", "al", "ait", "abou", "ben", "bin", "van", "de", "der", "den", "ter", "ten"])
_CALENDAR = frozenset(
    (
        "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei "
        "juni juli augustus september oktober november december monday tuesday wednesday thursday "
        "friday saturday sunday january february march may june july august october pasen pinksteren "
        "kerst kerstmis koningsdag i the a an and or of in on at to for with from by"
    ).split()
)
_SURNAME_ENDINGS = (
    "stra", "sma", "inga", "ema", "oglu", "oğlu", "ski", "ska", "wicz", "czyk", "ssen", "ink", "huis",
)
_PLACE_WORDS = frozenset(["in", "naar", "uit", "te", "vanuit", "richting", "regio", "gemeente", "rond", "from", "to"])
_ARTICLES = frozenset(["de", "het", "een", "the", "a", "an", "ons", "onze", "our"])
# Verbs that only a person does; after a sentence-initial first name that is also a word
# ("Roos vertelde", "Mark zei") they are the cue that it is a name.
_HUMAN_VERBS = frozenset(
    (
        "zei zegt vertelde vertelt belde belt mailde mailt appte appt vroeg vraagt voelt voelde vindt "
        "vond wil wilde durft durfde huilde huilt lachte lacht schreeuwde schreeuwt dreigde dreigt "
        "antwoordde antwoordt denkt dacht meldde meldt klaagde klaagt twijfelt twijfelde overweegt "
        "overwoog kwam komt ging gaat werkt werkte woont woonde sprak spreekt schreef schrijft "
        "said says told asked called feels felt wants wanted thinks thought works worked lives"
    ).split()
)
_SENTENCE_BREAK = re.compile(r"[.!?:;\n•*\"“(\[]|(?:^|\n)\s*-\s")


@dataclass
class _Tok:
    start: int
    end: int
    text: str
    key: str
    initial: bool  # first word of a sentence (or after a colon, bullet, quote, bracket)
    gap: str  # text between the previous token and this one


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    prev_end = 0
    for m in _TOKEN.finditer(text):
        gap = text[prev_end : m.start()]
        initial = not out or bool(_SENTENCE_BREAK.search(gap))
        out.append(_Tok(m.start(), m.end(), m.group(), _fold(m.group()), initial, gap))
        prev_end = m.end()
    return out


def _is_title(tok: _Tok) -> bool:
    t = tok.text
    return t[:1].isupper() and (len(t) == 1 or not t.isupper()) and tok.key not in _CALENDAR


def _is_initial_letter(toks: list[_Tok], i: int, text: str) -> bool:
    t = toks[i]
    return len(t.text) == 1 and t.text.isupper() and text[t.end : t.end + 1] == "."


def _joined(tok: _Tok) -> bool:
    """The token follows the previous one with one space or a hyphen: parts of one name."""
    return tok.gap in (" ", "-", "\u00a0")


class _NameFinder:
    def __init__(self, text: str, lists: NameLists):
        self.text = text
        self.lists = lists
        self.toks = _tokens(text)

    # -- helpers ---------------------------------------------------------------------------
    def is_first(self, i: int) -> bool:
        return self.toks[i].key in self.lists.first

    def is_sur(self, i: int) -> bool:
        return self.toks[i].key in self.lists.surnames

    def is_amb(self, i: int) -> bool:
        return self.toks[i].key in self.lists.ambiguous

    def has_surname_ending(self, i: int) -> bool:
        key = self.toks[i].key
        return len(key) >= 6 and key.endswith(_SURNAME_ENDINGS)

    def tussen_run(self, i: int) -> int | None:
        """If tokens i.. are tussenvoegsels followed by a capitalised word, the index of that word."""
        toks = self.toks
        j = i
        while j < len(toks) and toks[j].key in _TUSSEN and (j == i or _joined(toks[j])):
            word = toks[j].text
            if not (word.islower() or (word[:1].isupper() and toks[j].key in _TUSSEN_CAPITAL)):
                return None
            j += 1
            if j - i > 3:
                return None
        if j == i or j >= len(toks) or not _joined(toks[j]) or not _is_title(toks[j]):
            return None
        return j

    def compound_at(self, i: int) -> int | None:
        """A listed surname with tussenvoegsel(s) starting at token i: index of its last token."""
        j = self.tussen_run(i)
        if j is None:
            return None
        phrase = " ".join(t.key for t in self.toks[i : j + 1])
        if phrase in self.lists.compound:
            return j
        # "van der Veen" when only "van der veen" is missing: accept a listed, unambiguous core.
        if self.toks[j].key in self.lists.surnames and self.toks[j].key not in self.lists.ambiguous:
            return j
        return None

    def linked(self, j: int) -> bool:
        """Token j continues the name of token j-1 (one space, a hyphen, or after an initial)."""
        t = self.toks[j]
        if _joined(t):
            return True
        return j > 0 and _is_initial_letter(self.toks, j - 1, self.text) and t.gap in (".", ". ")

    def extend(self, i: int, *, strong: bool, need_link: bool = True) -> int:
        """Index after the last name token of the name that continues at token i.

        Consumes initials, first names, surnames, tussenvoegsel runs and (when `strong`, i.e. after
        an honorific, an initial or a first name) unknown capitalised words joined by a space or a
        hyphen. `need_link` asks token i itself to be joined to the token before it. Returns i when
        nothing continues.
        """
        toks, n = self.toks, len(self.toks)
        j = i
        while j < n:
            t = toks[j]
            if (j > i or need_link) and j > 0 and not self.linked(j):
                break
            if _is_initial_letter(toks, j, self.text):
                if j + 1 < n and self.linked(j + 1):
                    nxt = toks[j + 1]
                    if _is_title(nxt) or nxt.key in _TUSSEN or _is_initial_letter(toks, j + 1, self.text):
                        j += 1
                        continue
                break
            if t.key in _TUSSEN and (t.text.islower() or t.key in _TUSSEN_CAPITAL):
                k = self.tussen_run(j)
                if k is None:
                    break
                core_ok = (
                    " ".join(x.key for x in toks[j : k + 1]) in self.lists.compound
                    or toks[k].key in self.lists.surnames
                    or self.has_surname_ending(k)
                    or (strong and [x.key for x in toks[j:k]] != ["van"])
                )
                if not core_ok:
                    break
                j = k + 1
                continue
            if _is_title(t):
                known = t.key in self.lists.surnames or t.key in self.lists.first or self.has_surname_ending(j)
                if known or strong:
                    j += 1
                    continue
            break
        return j

    # -- main ------------------------------------------------------------------------------
    def find(self) -> list[tuple[int, int]]:
        toks, n = self.toks, len(self.toks)
        spans: list[tuple[int, int]] = []
        i = 0
        while i < n:
            t = toks[i]
            nxt_joined = i + 1 < n and toks[i + 1].gap in (" ", ". ", "\u00a0")
            # 1. Honorifics and titles: "mevrouw Yilmaz", "dhr. Jansen", "de heer Ozturk".
            is_honorific = t.key in _HONORIFICS or (
                t.key == "heer" and i > 0 and toks[i - 1].key == "de" and _joined(t)
            )
            if is_honorific and nxt_joined and i + 1 < n:
                nxt = toks[i + 1]
                if _is_title(nxt) or nxt.key in _TUSSEN or _is_initial_letter(toks, i + 1, self.text):
                    j = self.extend(i + 1, strong=True, need_link=False)
                    if j > i + 1 and self._ends_with_word(i + 1, j):
                        spans.append((toks[i + 1].start, toks[j - 1].end))
                        i = j
                        continue
            # 1b. A job title or form of address: "teamleider Pietersen", "collega Wouters".
            if self._is_job_title(i) and nxt_joined and i + 1 < n and self._surname_after_title(i + 1):
                j = self.extend(i + 1, strong=True, need_link=False)
                if j > i + 1 and self._ends_with_word(i + 1, j):
                    spans.append((toks[i + 1].start, toks[j - 1].end))
                    i = j
                    continue
            # 2. Initials: "J. de Vries", "A.B. Meijer".
            if _is_initial_letter(toks, i, self.text) and (i == 0 or toks[i].gap != "-"):
                j = self.extend(i, strong=False, need_link=False)
                if j > i + 1 and self._ends_with_word(i, j) and self._has_known_or_tussen(i, j):
                    spans.append((t.start, toks[j - 1].end))
                    i = j
                    continue
            # 3. Tussenvoegsel + listed surname: "van Leeuwen", "de Wit", "El Amrani".
            if t.key in _TUSSEN and (t.text.islower() or t.key in _TUSSEN_CAPITAL):
                k = self.compound_at(i)
                if k is not None:
                    j = self.extend(k + 1, strong=False)
                    start = self._left_extend(i)
                    spans.append((toks[start].start, toks[max(j, k + 1) - 1].end))
                    i = max(j, k + 1)
                    continue
            # 4. A name typed in lower case, in full: "jan de vries".
            if t.text.islower() and t.key in self.lists.first and not self.is_amb(i):
                k = self._lowercase_compound(i + 1)
                if k is not None:
                    spans.append((t.start, toks[k].end))
                    i = k + 1
                    continue
            if _is_title(t):
                first, sur, amb = self.is_first(i), self.is_sur(i), self.is_amb(i)
                cue_position = not t.initial
                # 5. First names, then whatever surname follows.
                if first or sur:
                    j = self.extend(i + 1, strong=first)
                    confirmed_next = j > i + 1 and self._has_listed(i + 1, j)
                    if amb and not first and cue_position and self._next_is_unknown_title(i):
                        cue_position = False  # "Groot Onderhoud", "Vos Logistics": a department or firm
                    if amb and cue_position and i > 0 and toks[i - 1].key in _PLACE_WORDS:
                        cue_position = False  # "in Hoogeveen", "naar Steenbergen": a place
                    if amb and not first and cue_position and self._prev_is_unknown_title(i):
                        cue_position = False  # "Team Klein", "Afdeling Post": part of a proper noun
                    human_verb = (
                        first and i + 1 < n and toks[i + 1].gap == " " and toks[i + 1].key in _HUMAN_VERBS
                    )
                    if not amb or cue_position or confirmed_next or human_verb:
                        start = self._left_extend(i) if not first else i
                        spans.append((toks[start].start, toks[j - 1].end if j > i + 1 else t.end))
                        i = max(j, i + 1)
                        continue
                # 6. Unknown capitalised word inside a sentence with a typical surname ending
                #    ("Hoekstra", "Kowalczyk"), unless an article shows a thing ("het Stadhuis").
                elif cue_position and self.has_surname_ending(i) and toks[i - 1].key not in _ARTICLES:
                    j = self.extend(i + 1, strong=False)
                    spans.append((t.start, toks[j - 1].end if j > i + 1 else t.end))
                    i = max(j, i + 1)
                    continue
            i += 1
        return self._drop_phrases(spans)

    def _is_job_title(self, i: int) -> bool:
        key = self.toks[i].key
        return key in _JOB_TITLES or (len(key) > 7 and key.endswith(_JOB_ENDINGS))

    def _surname_after_title(self, i: int) -> bool:
        """Token i (right after a job title) looks like a person's name, not a department."""
        tok = self.toks[i]
        if tok.gap != " " or not _is_title(tok) or tok.key.endswith(_DEPARTMENT_ENDINGS):
            return False
        return tok.key not in _HONORIFICS

    def _prev_is_unknown_title(self, i: int) -> bool:
        if i == 0 or not _joined(self.toks[i]):
            return False
        prev = self.toks[i - 1]
        return (
            _is_title(prev)
            and prev.key not in self.lists.first
            and prev.key not in self.lists.surnames
            and prev.key not in _HONORIFICS
        )

    def _next_is_unknown_title(self, i: int) -> bool:
        if i + 1 >= len(self.toks):
            return False
        nxt = self.toks[i + 1]
        return (
            _joined(nxt)
            and _is_title(nxt)
            and nxt.key not in self.lists.first
            and nxt.key not in self.lists.surnames
            and not self.has_surname_ending(i + 1)
        )

    def _lowercase_compound(self, i: int) -> int | None:
        """'de vries' after a lower-case first name: index of the surname's last token."""
        toks = self.toks
        j = i
        while j < len(toks) and j - i < 3 and toks[j].key in _TUSSEN and toks[j].text.islower() and _joined(toks[j]):
            j += 1
        if j == i or j >= len(toks) or not _joined(toks[j]) or not toks[j].text.islower():
            return None
        if " ".join(t.key for t in toks[i : j + 1]) in self.lists.compound:
            return j
        return None

    def _ends_with_word(self, i: int, j: int) -> bool:
        last = self.toks[j - 1]
        return _is_title(last) and not _is_initial_letter(self.toks, j - 1, self.text)

    def _has_known_or_tussen(self, i: int, j: int) -> bool:
        toks = self.toks
        if any(t.key in _TUSSEN for t in toks[i:j]):
            return True
        if sum(_is_initial_letter(toks, k, self.text) for k in range(i, j)) >= 2:
            return True
        return self._has_listed(i, j)

    def _has_listed(self, i: int, j: int) -> bool:
        for k in range(i, j):
            key = self.toks[k].key
            if key in self.lists.surnames or key in self.lists.first or self.has_surname_ending(k):
                return True
        return any(self.compound_at(k) is not None for k in range(i, j))

    def _left_extend(self, i: int) -> int:
        """Include an unknown capitalised first name right before a surname: 'Aylin Kaya'."""
        toks = self.toks
        if i == 0 or not _joined(toks[i]):
            return i
        prev = toks[i - 1]
        if not _is_title(prev) or prev.key in _HONORIFICS or prev.key in self.lists.ambiguous:
            return i
        if prev.initial and prev.key not in self.lists.first:
            return i
        return i - 1

    def _drop_phrases(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        if not spans or not self.lists.phrases:
            return spans
        folded = _fold(self.text)
        if len(folded) != len(self.text):  # folding changed offsets: fall back to a slower path
            blocked = self._phrase_ranges_slow()
        else:
            blocked = []
            for phrase in self.lists.phrases:
                for m in re.finditer(r"(?<!\w)" + re.escape(phrase).replace(r"\ ", r"\s+") + r"(?!\w)", folded):
                    blocked.append((m.start(), m.end()))
        return [s for s in spans if not any(s[0] < b_end and b_start < s[1] for b_start, b_end in blocked)]

    def _phrase_ranges_slow(self) -> list[tuple[int, int]]:
        blocked = []
        for phrase in self.lists.phrases:
            words = phrase.split()
            for k in range(len(self.toks) - len(words) + 1):
                if [t.key for t in self.toks[k : k + len(words)]] == words:
                    blocked.append((self.toks[k].start, self.toks[k + len(words) - 1].end))
        return blocked


def _find_names(text: str, lists: NameLists):
    for start, end in _NameFinder(text, lists).find():
        yield start, end, "naam"


# --------------------------------------------------------------------------------------------
# Public API


def scan(text: str) -> list[Finding]:
    """Likely identifiers in `text`, sorted by position and never overlapping."""
    if not text:
        return []
    lists = load_name_lists()
    raw: list[tuple[int, int, str]] = []
    for finder in (
        _find_emails, _find_urls, _find_ibans, _find_bsn, _find_phones, _find_plates, _find_postcodes,
        _find_addresses, _find_birth_dates, _find_staff_numbers, _find_ages, _find_handles,
        _find_unique_traits,
    ):
        raw.extend(finder(text))
    names = list(_find_names(text, lists))
    raw.extend(names)
    # "Kaya (42)": an age in brackets right after a name.
    for _start, end, _ in names:
        m = _AGE_PAREN.match(text, end)
        if m:
            raw.append((m.start(1), m.end(1), "leeftijd"))

    raw.sort(key=lambda f: (-_PRIORITY[f[2]], -(f[1] - f[0]), f[0]))
    # Keep the strongest of overlapping findings. `starts`/`taken` stay sorted by start, and
    # accepted spans never overlap, so only the neighbours of the insertion point can collide.
    starts: list[int] = []
    taken: list[tuple[int, int, str]] = []
    for start, end, kind in raw:
        if end <= start:
            continue
        pos = bisect.bisect_left(starts, start)
        if pos > 0 and taken[pos - 1][1] > start:
            continue
        if pos < len(taken) and taken[pos][0] < end:
            continue
        starts.insert(pos, start)
        taken.insert(pos, (start, end, kind))
    return [
        Finding(start, end, "bsn" if kind == "bsn_cue" else kind, text[start:end]) for start, end, kind in taken
    ]


def redact(text: str, findings: list[Finding] | None = None) -> str:
    """`text` with every finding replaced by its placeholder ("[naam]", "[telefoon]", ...)."""
    if findings is None:
        findings = scan(text)
    parts: list[str] = []
    pos = 0
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if f.start < pos or f.end > len(text):
            continue  # overlaps one already replaced, or belongs to another text
        parts.append(text[pos : f.start])
        parts.append(f.placeholder)
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts)
