"""What a cell means: dates in Dutch and Excel forms, minutes or hours, words for vocabulary codes."""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta

from models.vocab import Vocabularies

EXCEL_EPOCH = date(1899, 12, 30)
MONTHS = {
    **{m: i for i, m in enumerate(("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                                   "september", "oktober", "november", "december"), start=1)},
    **{m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                   "september", "october", "november", "december"), start=1)},
    **{m: i for i, m in enumerate(("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt",
                                   "nov", "dec"), start=1)},
    "mar": 3, "may": 5, "oct": 10, "sept": 9, "febr": 2,
}
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_WORD_DATE = re.compile(r"^(?:[a-z]+\s+)?(\d{1,2})\s+([a-z]+)\.?\s+(\d{2}|\d{4})$")
_DURATION = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(min(?:uten|uut|utes?|\.)?|m|u(?:ur|ren)?|h(?:ours?|rs?)?)?$")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::\d{2})?$")

# words advisers write for the codes, beyond the codes and labels themselves (matched after `fold`)
SYNONYMS: dict[str, dict[str, str]] = {
    "behaviour": {
        "si": "seksuele_intimidatie", "ongewenste intimiteiten": "seksuele_intimidatie",
        "ongewenste intimiteit": "seksuele_intimidatie", "seksueel": "seksuele_intimidatie",
        "sexual harassment": "seksuele_intimidatie", "ogi": "seksuele_intimidatie",
        "grensoverschrijdend gedrag": "intimidatie", "bedreiging": "agressie_geweld",
        "agressie": "agressie_geweld", "geweld": "agressie_geweld", "aggression": "agressie_geweld",
        "violence": "agressie_geweld", "bullying": "pesten", "gepest": "pesten", "treiteren": "pesten",
        "racisme": "discriminatie", "discrimination": "discriminatie", "integriteitsschending": "integriteit",
        "fraude": "integriteit", "diefstal": "integriteit", "integrity": "integriteit",
        "werkdruk hoge": "werkdruk", "workload": "werkdruk", "conflict": "arbeidsconflict",
        "arbeidsgeschil": "arbeidsconflict", "harassment": "intimidatie", "anders": "overig", "other": "overig",
    },
    "accused_relation": {
        "leiding": "leidinggevende", "manager": "leidinggevende", "chef": "leidinggevende",
        "baas": "leidinggevende", "collegas": "collega", "colleague": "collega", "klant": "derde",
        "client": "derde", "clint": "derde", "leverancier": "derde", "patient": "derde", "burger": "derde",
        "third party": "derde", "medewerker": "ondergeschikte", "subordinate": "ondergeschikte",
        "onbekend": "onbekend", "unknown": "onbekend", "nvt": "onbekend",
    },
    "reporter_role": {
        "werknemer": "medewerker", "employee": "medewerker", "getuige": "omstander", "witness": "omstander",
        "bystander": "omstander", "uitzendkracht": "uitzend_flexkracht", "flexkracht": "uitzend_flexkracht",
        "oud werknemer": "oud_medewerker", "stagiaire": "stagiair", "intern": "stagiair",
        "manager": "leidinggevende", "slachtoffer": "betrokkene", "victim": "betrokkene", "zelf": "betrokkene",
        "beschuldigd": "beschuldigde", "aangeklaagde": "beschuldigde", "zzper": "zzp", "zelfstandige": "zzp",
    },
    "follow_up": {
        "advies": "opvang_advies", "opvang": "opvang_advies", "gesprek": "opvang_advies",
        "luisterend oor": "opvang_advies", "verwezen": "doorverwijzing", "doorverwezen": "doorverwijzing",
        "bedrijfsarts": "doorverwijzing", "mediation": "bemiddeling", "klacht ingediend": "klacht",
        "formele klacht": "klacht", "complaint": "klacht", "melding": "melding_intern",
        "politie": "aangifte", "geen": "geen_vervolg", "niets": "geen_vervolg", "loopt nog": "lopend",
        "lopend": "lopend", "open": "lopend", "ongoing": "lopend", "referral": "doorverwijzing",
    },
    "channel": {
        "face to face": "persoonlijk", "fysiek": "persoonlijk", "op locatie": "persoonlijk",
        "telefoon": "telefonisch", "tel": "telefonisch", "phone": "telefonisch", "bellen": "telefonisch",
        "teams": "video", "zoom": "video", "beeldbellen": "video", "online": "video", "mail": "schriftelijk",
        "email": "schriftelijk", "brief": "schriftelijk", "letter": "schriftelijk",
    },
    "kind": {
        "eerste gesprek": "intake", "kennismaking": "intake", "first": "intake", "follow up": "vervolg",
        "vervolggesprek": "vervolg", "tweede gesprek": "vervolg", "aftercare": "nazorg", "afsluiting": "nazorg",
    },
}
VOCAB_OF = {"behaviour": "behaviour", "accused_relation": "accused_relation", "reporter_role": "reporter_role",
            "follow_up": "follow_up", "channel": "channel", "kind": "contact_kind"}


def fold(text: object) -> str:
    """Lower case, no accents, punctuation as spaces, single spaces: 'Seksuele  Intimidatie!' ->
    'seksuele intimidatie'."""
    s = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().casefold()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", s.replace("_", " ")).split())


def _year(y: int) -> int:
    return y if y >= 100 else (2000 + y if y < 70 else 1900 + y)


def parse_date(value: object) -> date | None:
    """A date from a cell: a date, an Excel serial number, dd-mm-jjjj, d-m-jj, jjjj-mm-dd or
    '3 maart 2025'; None when it is none of these (or no existing date)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return EXCEL_EPOCH + timedelta(days=int(value)) if 1 <= value < 2958466 else None
        text = fold(value).replace(" ", "-") if isinstance(value, str) else ""
        raw = str(value).strip().casefold() if isinstance(value, str) else ""
        if m := _ISO_DATE.match(raw):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _NUMERIC_DATE.match(raw):
            return date(_year(int(m[3])), int(m[2]), int(m[1]))
        if m := _WORD_DATE.match(fold(raw)) if raw else None:
            month = MONTHS.get(m[2])
            return date(_year(int(m[3])), month, int(m[1])) if month else None
        if text.isdigit() and 20000 <= int(text) <= 80000:
            return EXCEL_EPOCH + timedelta(days=int(text))
    except ValueError:
        return None
    return None


def parse_minutes(value: object, unit: str = "minutes") -> int | None:
    """Minutes from a cell holding minutes (or hours when `unit` is "hours"): 45, '45 min', '1,5',
    '1,5 uur', '1:30', an Excel time. None when it is not a duration."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, timedelta):
        return round(value.total_seconds() / 60)
    if isinstance(value, time):
        return value.hour * 60 + value.minute
    if isinstance(value, int | float):
        if unit == "minutes" and 0 < value < 1 and not float(value).is_integer():
            return round(value * 24 * 60)   # an Excel time of day used as a duration
        return round(value * 60) if unit == "hours" else round(value)
    text = str(value).strip().casefold()
    if m := _CLOCK.match(text):
        return int(m[1]) * 60 + int(m[2])
    m = _DURATION.match(text)
    if not m:
        return None
    number = float(m[1].replace(",", "."))
    word = m[2] or ""
    hours = word.startswith(("u", "h")) or (not word and unit == "hours")
    return round(number * 60) if hours else round(number)


def lookup(vocabs: Vocabularies, fieldname: str, value: object) -> str | None:
    """The code a cell's word stands for in the field's vocabulary (code, Dutch or English label, or
    a known synonym), or None."""
    key = fold(value)
    if not key:
        return None
    vocab = vocabs[VOCAB_OF[fieldname]]
    # the role column of older sheets holds positions (medewerker, stagiair): plan.py splits them.
    # A code of one sector (leerling, client) is not guessed: an imported organisation has no sector yet,
    # so such a word is asked about like any unknown word.
    extra = [vocabs["position"]] if fieldname == "reporter_role" else []
    for voc in (vocab, *extra):
        for code in voc.codes:
            if code not in voc.sectors and \
                    key in (fold(code), fold(voc.label_of(code, "nl")), fold(voc.label_of(code, "en"))):
                return code
    syn = SYNONYMS.get(fieldname, {})
    if key in syn:
        return syn[key]
    for code in vocab.codes:   # "Derde (klant, cliënt, leverancier)": its first word(s) will do
        if code not in vocab.sectors and fold(vocab.label_of(code, "nl")).startswith(key + " ") and len(key) > 3:
            return code
    return None
