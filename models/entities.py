"""Domain records. None of them has a field for a name, e-mail, phone, address, birth date or
personnel number: a case is known by a pseudonymous code only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from models import vocab as V
from models.vocab import Vocabularies

CASE_CODE_RE = re.compile(r"^[0-9]{4}-[0-9]{3,5}$")
ISO_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
MAX_MINUTES = 24 * 60
MAX_HOURS = 24 * 7
MAX_NAME = 120
# The one range of years the program accepts for a report, a case list or a .vstat (command line,
# report and the .vstat reader all use it).
FIRST_YEAR, LAST_YEAR = 1900, 2999


def is_year(value: object) -> bool:
    """True for a whole number (not a bool) from FIRST_YEAR to LAST_YEAR."""
    return isinstance(value, int) and not isinstance(value, bool) and FIRST_YEAR <= value <= LAST_YEAR


def organisation_key(name: str) -> str:
    """The one rule by which a typed organisation name matches a stored one: case and runs of white
    space do not count ("  gemeente   VOORBEELD " matches "Gemeente Voorbeeld")."""
    return " ".join(name.split()).casefold()


# Schema 4 and vertrouwd-data/1 kept the person's position and their role in the case in one field,
# reporter_role. Each old code -> (position, role in the case); the one mapping that the migration,
# the interchange reader and the spreadsheet import use.
LEGACY_ROLES: dict[str, tuple[str, str]] = {
    "medewerker": ("medewerker", "betrokkene"),
    "leidinggevende": ("leidinggevende", "betrokkene"),
    "stagiair": ("stagiair", "betrokkene"),
    "flexkracht": ("uitzend_flexkracht", "betrokkene"),
    "vrijwilliger": ("vrijwilliger", "betrokkene"),
    "oud_medewerker": ("oud_medewerker", "betrokkene"),
    "omstander": ("onbekend", "omstander"),
    "overig": ("overig", "betrokkene"),
}
UNKNOWN_POSITION = "onbekend"
INTEGRITY = "integriteit"


def split_role(code: str, vocabs: Vocabularies | None = None, *, legacy: bool = True) -> tuple[str | None, str]:
    """(position, role in the case) for a role code that may be old. ``legacy``: read the code as the old
    mixed field (schema 4, vertrouwd-data/1). Without ``legacy`` a role code of today stays what it is
    and a position code (given ``vocabs``) becomes that position with the role "betrokkene". The position
    is None when the code says nothing about it; an unknown code comes back as the role, to be refused."""
    if not isinstance(code, str):
        return None, code
    if legacy and code in LEGACY_ROLES:
        return LEGACY_ROLES[code]
    if vocabs is not None and code in vocabs[V.REPORTER_ROLE]:
        return None, code
    if vocabs is not None and code in vocabs[V.POSITION]:
        return code, "betrokkene"
    if code in LEGACY_ROLES:
        return LEGACY_ROLES[code]
    return None, code


@dataclass
class Organisation:
    name: str
    units: list[str] = field(default_factory=list)
    id: int | None = None
    sector: str = V.DEFAULT_SECTOR


@dataclass
class Contact:
    date: date
    minutes: int
    channel: str
    kind: str
    notes: str = ""
    checklist: dict | None = None
    flagged: bool = False
    id: int | None = None
    case_id: int | None = None


@dataclass
class Case:
    code: str
    organisation: str
    opened: date
    reporter_role: str
    behaviour: str
    accused_relation: str
    follow_up: str
    closed: date | None = None
    extra_behaviours: list[str] = field(default_factory=list)
    extra_follow_ups: list[str] = field(default_factory=list)
    unit: str | None = None
    contacts: list[Contact] = field(default_factory=list)
    details_purged: date | None = None
    id: int | None = None
    position: str = UNKNOWN_POSITION
    integrity_kind: str | None = None      # only when behaviour or an extra behaviour is integriteit
    outcome: str | None = None             # the afloop: set when the case closes (or by the closing checklist)

    @property
    def status(self) -> str:
        return "gesloten" if self.closed else "open"

    @property
    def is_integrity(self) -> bool:
        return self.behaviour == INTEGRITY or INTEGRITY in self.extra_behaviours


@dataclass
class Activity:
    organisation: str
    date: date
    kind: str
    hours: float
    id: int | None = None


@dataclass
class Request:
    """A request for information or advice (a manager asking how to handle a situation, an employee
    asking about the procedure). Not a case: it is counted apart. It has no free text at all, so no
    name or detail of a person can be stored with it."""

    organisation: str
    date: date
    kind: str
    asker: str
    minutes: int
    topic: str | None = None          # a behaviour code, when the question was about one
    id: int | None = None


@dataclass(frozen=True)
class Problem:
    """One validation problem: which field, a stable code the window translates, and an English text."""

    field: str
    code: str
    message: str


def _code(problems: list[Problem], vocabs: Vocabularies, name: str, fieldname: str, value) -> None:
    if not isinstance(value, str) or value not in vocabs[name]:
        allowed = ", ".join(vocabs[name].codes)
        problems.append(Problem(fieldname, "unknown_code",
                                f"{fieldname}: unknown code {value!r} (allowed: {allowed})"))


def validate_organisation(org: Organisation, vocabs: Vocabularies | None = None) -> list[Problem]:
    problems = []
    if vocabs is not None:
        _code(problems, vocabs, V.SECTOR, "sector", org.sector)
    name = (org.name or "").strip()
    if not name:
        problems.append(Problem("name", "required", "name: the organisation needs a name"))
    elif len(name) > MAX_NAME:
        problems.append(Problem("name", "too_long", f"name: at most {MAX_NAME} characters"))
    seen = set()
    for u in org.units:
        if not u.strip():
            problems.append(Problem("units", "required", "units: a unit needs a name"))
        elif u.strip().lower() in seen:
            problems.append(Problem("units", "duplicate", f"units: {u!r} appears twice"))
        seen.add(u.strip().lower())
    return problems


def validate_case(case: Case, vocabs: Vocabularies, units: list[str] | None = None) -> list[Problem]:
    problems: list[Problem] = []
    if not isinstance(case.code, str) or not CASE_CODE_RE.match(case.code):
        problems.append(Problem("code", "bad_code",
                                f"code: {case.code!r} is not a case code like 2026-014 (year, dash, number)"))
    if not isinstance(case.opened, date):
        problems.append(Problem("opened", "required", "opened: a valid date is needed (YYYY-MM-DD)"))
    if case.closed is not None:
        if not isinstance(case.closed, date):
            problems.append(Problem("closed", "bad_date", "closed: a valid date is needed (YYYY-MM-DD)"))
        elif isinstance(case.opened, date) and case.closed < case.opened:
            problems.append(Problem("closed", "closed_before_opened",
                                    "closed: the closing date lies before the opening date"))
    _code(problems, vocabs, V.REPORTER_ROLE, "reporter_role", case.reporter_role)
    _code(problems, vocabs, V.POSITION, "position", case.position)
    _code(problems, vocabs, V.BEHAVIOUR, "behaviour", case.behaviour)
    _code(problems, vocabs, V.ACCUSED_RELATION, "accused_relation", case.accused_relation)
    _code(problems, vocabs, V.FOLLOW_UP, "follow_up", case.follow_up)
    for code in case.extra_behaviours:
        _code(problems, vocabs, V.BEHAVIOUR, "extra_behaviours", code)
    for code in case.extra_follow_ups:
        _code(problems, vocabs, V.FOLLOW_UP, "extra_follow_ups", code)
    _new_fields(problems, case, vocabs)
    if case.unit is not None and units is not None and case.unit not in units:
        problems.append(Problem("unit", "unknown_unit",
                                f"unit: {case.unit!r} is not a unit of {case.organisation}"))
    return problems


def _new_fields(problems: list[Problem], case: Case, vocabs: Vocabularies) -> None:
    """The integrity subtype (only for an integrity case) and the outcome (the report counts it for
    closed cases only; the closing checklist may fill it in before the case closes)."""
    if case.integrity_kind is not None:
        _code(problems, vocabs, V.INTEGRITY_KIND, "integrity_kind", case.integrity_kind)
        if not case.is_integrity:
            problems.append(Problem("integrity_kind", "integrity_kind_without_integrity",
                                    "integrity_kind: only for a case about an integrity violation "
                                    "(behaviour or extra behaviour integriteit)"))
    if case.outcome is not None:
        _code(problems, vocabs, V.OUTCOME, "outcome", case.outcome)


def sector_problems(case: Case, vocabs: Vocabularies, sector: str, kept: Case | None = None) -> list[Problem]:
    """Codes that belong to other sectors than the organisation's. A code the stored case (``kept``)
    already has stays valid, so changing an organisation's sector never makes its cases invalid."""
    problems: list[Problem] = []
    for name, fieldname in ((V.ACCUSED_RELATION, "accused_relation"), (V.POSITION, "position"),
                            (V.REPORTER_ROLE, "reporter_role"), (V.BEHAVIOUR, "behaviour")):
        code = getattr(case, fieldname)
        keep = getattr(kept, fieldname) if kept is not None else None
        if code in vocabs[name] and code not in vocabs[name].offered(sector, keep):
            problems.append(Problem(fieldname, "code_of_other_sector",
                                    f"{fieldname}: {code!r} is only offered to organisations of the sector(s) "
                                    f"{', '.join(sorted(vocabs[name].sectors[code]))}"))
    return problems


def _minutes(problems: list[Problem], minutes: object, what: str) -> None:
    """Whole minutes from 0 to MAX_MINUTES (one contact or request)."""
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        problems.append(Problem("minutes", "not_a_number", "minutes: a whole number of minutes is needed"))
    elif minutes < 0:
        problems.append(Problem("minutes", "negative", "minutes: cannot be negative"))
    elif minutes > MAX_MINUTES:
        problems.append(Problem("minutes", "too_large", f"minutes: at most {MAX_MINUTES} for one {what}"))


def validate_contact(contact: Contact, vocabs: Vocabularies, opened: date | None = None) -> list[Problem]:
    problems: list[Problem] = []
    if not isinstance(contact.date, date):
        problems.append(Problem("date", "required", "date: a valid date is needed (YYYY-MM-DD)"))
    elif opened is not None and contact.date < opened:
        problems.append(Problem("date", "before_opened", "date: the contact lies before the case was opened"))
    _minutes(problems, contact.minutes, "contact")
    _code(problems, vocabs, V.CHANNEL, "channel", contact.channel)
    _code(problems, vocabs, V.CONTACT_KIND, "kind", contact.kind)
    if not isinstance(contact.notes, str):
        problems.append(Problem("notes", "not_text", "notes: must be text"))
    return problems


def validate_activity(act: Activity, vocabs: Vocabularies) -> list[Problem]:
    problems: list[Problem] = []
    if not isinstance(act.date, date):
        problems.append(Problem("date", "required", "date: a valid date is needed (YYYY-MM-DD)"))
    if isinstance(act.hours, bool) or not isinstance(act.hours, int | float):
        problems.append(Problem("hours", "not_a_number", "hours: a number is needed"))
    elif act.hours < 0:
        problems.append(Problem("hours", "negative", "hours: cannot be negative"))
    elif act.hours > MAX_HOURS:
        problems.append(Problem("hours", "too_large", f"hours: at most {MAX_HOURS} for one activity"))
    _code(problems, vocabs, V.ACTIVITY_KIND, "kind", act.kind)
    return problems


def validate_request(req: Request, vocabs: Vocabularies, today: date | None = None) -> list[Problem]:
    """Problems of a request: a real date not after ``today`` (default: the computer's date), known
    codes, whole non-negative minutes (at most a day's)."""
    problems: list[Problem] = []
    if not isinstance(req.date, date):
        problems.append(Problem("date", "required", "date: a valid date is needed (YYYY-MM-DD)"))
    elif req.date > (today or date.today()):
        problems.append(Problem("date", "in_future", "date: the date lies in the future; a request is "
                                "recorded once it was asked"))
    _minutes(problems, req.minutes, "request")
    _code(problems, vocabs, V.REQUEST_KIND, "kind", req.kind)
    _code(problems, vocabs, V.REQUEST_ASKER, "asker", req.asker)
    if req.topic is not None:
        _code(problems, vocabs, V.BEHAVIOUR, "topic", req.topic)
    return problems


def parse_date(value, fieldname: str) -> tuple[date | None, Problem | None]:
    """Date text written exactly as YYYY-MM-DD -> date, or a problem naming the field.

    Only that one form is accepted: date.fromisoformat alone would also take week dates
    ("2026-W05-1") and the basic form ("20260202"), which a person hardly ever means."""
    if isinstance(value, date):
        return value, None
    if not isinstance(value, str):
        return None, Problem(fieldname, "bad_date", f"{fieldname}: expected a date like 2026-03-01")
    if not ISO_DATE_RE.fullmatch(value):
        return None, Problem(fieldname, "bad_date",
                             f"{fieldname}: {value!r} is not written as YYYY-MM-DD (like 2026-03-01)")
    try:
        return date.fromisoformat(value), None
    except ValueError:
        return None, Problem(fieldname, "bad_date", f"{fieldname}: {value!r} is not an existing date "
                             "(write it as YYYY-MM-DD, like 2026-03-01)")
