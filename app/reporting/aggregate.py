"""Read-only aggregation queries for the annual report (the repository's SQL for reports).

Definitions (every case table of a report uses the same population, so all share one total):

* The period is half-open: ``start <= date < end`` (a calendar year is Jan 1 .. Jan 1 next year).
* **The cases of the period** are the cases *active* during it: opened before the period ends and
  not closed before it starts (``opened < end AND (closed IS NULL OR closed >= start)``). They are
  exactly the **new** cases (opened inside the period) plus the **carried-over** cases (opened
  before the period and still open at its start). Every case table (behaviour, relation, role,
  follow-up, behaviour x relation, origin, status at the end, unit) counts these cases.
* **Closed** cases are the cases of the period whose closing date lies inside it; the others are
  still open at its end. Together they partition the cases of the period.
* Schema 5 (issue 13) adds three case tables, each over all cases of the period with one row for the
  cases it does not describe, so that no table total is a small count of its own: the person's
  **position**; **integrity cases by kind** (plus "kind not recorded" and "not an integrity case"); the
  **outcome** of the closed cases (plus "not closed yet").
* Codes of one sector (leerling, client, sporter, ...) are rows only where the organisation's sector
  has them or one of its cases ever used them, never because of the period's count.
* **Contacts** are the contacts dated inside the period (whatever the case's dates); the channel
  table counts them.
* **Hours** are contact minutes of the period / 60 (case work) plus the hours of the preventive
  activities dated inside the period; one hours table splits them by kind of work.
* **Activities** are preventive activities dated inside the period, counted by kind.
* **Requests** for information or advice (a manager asking how to handle a situation, an employee
  asking about the procedure) are NOT cases: they are counted apart, by kind and by who asked, when
  the period has any (tables ``request_kind`` and ``request_asker``, unit "requests", and
  ``totals.requests``). Their minutes are one row of the hours table (``vragen``) and part of the
  hours total. A period without requests has none of these, so reports made before requests
  existed keep exactly their figures.

Only one two-way table is made (behaviour x relation); three-way tables never are. A breakdown by
organisational unit is only made for one organisation, and only when every unit cell is 0 or at
least the threshold; otherwise it is left out and a note says so.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from app.errors import UserError
from app.reporting.disclosure import Table
from app.resources import vocabularies
from app.store import queries
from models import vocab as V
from models.entities import FIRST_YEAR, LAST_YEAR, LEGACY_ROLES, is_year

CASE_WORK = "casuswerk"        # hours table: time spent in contacts with people
REQUEST_WORK = "vragen"        # hours table: time spent answering requests for information or advice
NO_UNIT = "geen_afdeling"      # unit table: cases recorded without a unit
ORIGIN_NEW = "nieuw"
ORIGIN_NEW_H1 = "nieuw_h1"
ORIGIN_NEW_H2 = "nieuw_h2"
ORIGIN_CARRIED = "overgenomen"
STATUS_CLOSED = "gesloten"
STATUS_OPEN = "open"
NOT_INTEGRITY = "geen_integriteit"     # integrity table: the cases whose main behaviour is not integrity
INTEGRITY_CODE = "integriteit"         # the behaviour code of an integrity violation
KIND_NOT_RECORDED = "soort_onbekend"   # integrity table: an integrity case without its kind
STILL_OPEN = "nog_open"                # outcome table: cases not closed in the period (no outcome yet)
UNKNOWN = "onbekend"                   # position / outcome not recorded
SENSITIVE_EXTRA = 2            # sensitive behaviour codes need a threshold k + this

# table id -> (vocabulary of the rows, vocabulary of the columns or None)
TABLE_VOCABS: dict[str, tuple[str | None, str | None]] = {
    "origin": (None, None),
    "status": (V.STATUS, None),
    "behaviour": (V.BEHAVIOUR, None),
    "relation": (V.ACCUSED_RELATION, None),
    "role": (V.REPORTER_ROLE, None),
    "follow_up": (V.FOLLOW_UP, None),
    "behaviour_relation": (V.BEHAVIOUR, V.ACCUSED_RELATION),
    "position": (V.POSITION, None),              # schema 5 (issue 13): new tables come after the old ones
    "integrity_kind": (V.INTEGRITY_KIND, None),
    "outcome": (V.OUTCOME, None),
    "unit": (None, None),
    "channel": (V.CHANNEL, None),
    "activities": (V.ACTIVITY_KIND, None),
    "request_kind": (V.REQUEST_KIND, None),
    "request_asker": (V.REQUEST_ASKER, None),
    "hours": (V.ACTIVITY_KIND, None),
}
TABLE_ORDER = list(TABLE_VOCABS)


@dataclass
class Aggregation:
    """True (unprotected) figures of one period. Never show these: publish via disclosure.protect."""

    organisation_id: int | None       # None: all organisations
    start: date
    end: date
    tables: list[Table]
    totals: dict[str, float]          # cases, contacts, hours (all work); requests when there were any
    new: int
    carried_over: int
    closed: int
    contact_hours: float
    activity_hours: float
    request_hours: float = 0.0
    units: dict[str, str] = field(default_factory=dict)   # unit table code -> unit name
    notes: list[str] = field(default_factory=list)        # note codes, see report texts

    def table(self, table_id: str) -> Table | None:
        for t in self.tables:
            if t.id == table_id:
                return t
        return None


def slug(name: str) -> str:
    """A lower-case ASCII code for a free name (a unit): 'Financiën & ICT' -> 'financien_ict'."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    code = re.sub(r"[^a-z0-9]+", "_", ascii_).strip("_")[:60]
    return code or "afdeling"


def check_year(year: object) -> int:
    """``year`` when it lies in the program's one year range (models.entities), else a UserError."""
    if not is_year(year):
        raise UserError("aggregate.implausible_year", year=year, first=FIRST_YEAR, last=LAST_YEAR)
    return year


def _one_way(tid: str, unit: str, codes: list[str], counts: dict[str, float], group: bool | None = None,
             no_group: frozenset[str] = frozenset()) -> Table:
    """``group=False``: the table says nothing about a person (where a case came from, whether it is
    closed), so "everyone is in one category" is no disclosure (see disclosure._line_rules);
    ``no_group``: the codes of which that holds (not recorded, not closed yet)."""
    return Table(id=tid, unit=unit, rows=list(codes), cols=None, cells=[[counts.get(c, 0)] for c in codes],
                 group=group, no_group=no_group)


def _codes(name: str, seen, listed_sector_codes: set[str] | None = None) -> list[str]:
    """Vocabulary codes in their order, plus any unknown code found in the data (kept, not lost).
    A code of one sector only is left out unless it is in ``listed_sector_codes`` (see _sector_codes)."""
    vocab = vocabularies()[name]
    codes = [c for c in vocab.codes if c not in vocab.sectors or c in (listed_sector_codes or set())]
    codes += sorted(c for c in seen if c not in codes and c not in vocab)
    return codes


def _sector_codes(repo, org: int | None, name: str, column: str) -> set[str]:
    """The sector codes a table of ``name`` lists: those of the organisation's sector (every sector of
    the organisations for all) and those ever stored by one of its cases, in any year. Never this
    period's count: a row shown only when it is not zero would tell that it is not zero."""
    vocab = vocabularies()[name]
    sectors = queries.sectors(repo, org)
    used = queries.sector_codes_used(repo, org, column)
    return {c for c, only in vocab.sectors.items() if only & sectors or c in used}


def _registration_tables(repo, org: int | None, rows: list, end: str) -> list[Table]:
    """Position of the person, integrity cases by kind, and closed cases by outcome. Each counts every
    case of the period (one more row for the cases it does not describe), so that all case tables
    keep one total and no table total is a small count of its own."""
    pos = _count(rows, lambda r: r.position)
    listed = _sector_codes(repo, org, V.POSITION, "position")
    # integrity as the main behaviour only: then the integrity cases here are exactly the behaviour
    # table's "integriteit", a link the report's protection states (report.SAME_FIGURES)
    integrity = _count(rows, lambda r: (r.integrity_kind or KIND_NOT_RECORDED) if r.behaviour == INTEGRITY_CODE
                       else NOT_INTEGRITY)
    closed_by = _count(rows, lambda r: (r.outcome or UNKNOWN) if r.closed is not None and r.closed < end
                       else STILL_OPEN)
    kinds = _codes(V.INTEGRITY_KIND, integrity.keys() - {KIND_NOT_RECORDED, NOT_INTEGRITY})
    outcomes = _codes(V.OUTCOME, closed_by.keys() - {STILL_OPEN})
    return [_one_way("position", "cases", _codes(V.POSITION, pos, listed), pos, no_group=frozenset({UNKNOWN})),
            _one_way("integrity_kind", "cases", [*kinds, KIND_NOT_RECORDED, NOT_INTEGRITY], integrity,
                     no_group=frozenset({KIND_NOT_RECORDED, NOT_INTEGRITY})),
            _one_way("outcome", "cases", [*outcomes, STILL_OPEN], closed_by,
                     no_group=frozenset({UNKNOWN, STILL_OPEN}))]


# Figures that two tables of one report hold by definition, so every reader knows the link: the
# outcome table's "not closed yet" is the status table's "open" (sign 1); the integrity table's "other
# behaviour" is the total minus the behaviour table's "integriteit" (sign -1). The report hides such
# figures together and every audit (the report's own, the ledger's joint one) states the equations.
SAME_FIGURES = ((("outcome", STILL_OPEN), ("status", STATUS_OPEN), 1),
                (("integrity_kind", NOT_INTEGRITY), ("behaviour", INTEGRITY_CODE), -1))


def same_figures(tables: list[dict]) -> list[tuple[dict, float]]:
    """The SAME_FIGURES equations among these tables (dicts with id, rows, cols), as the audit's extra
    equations ``({(table id, row, col): coef}, rhs)``. Ids may carry a release's prefix ("x/status"):
    the links hold within each release."""
    releases: dict[str, dict[str, dict]] = {}
    for t in tables:
        if t.get("cols") is None:
            pre, slash, name = t["id"].rpartition("/")
            releases.setdefault(pre + slash, {})[name] = t
    eqs = []
    for pre, named in releases.items():
        for (ta, ra), (tb, rb), sign in SAME_FIGURES:
            a, b = named.get(ta), named.get(tb)
            if a is None or b is None or ra not in a["rows"] or rb not in b["rows"]:
                continue
            pa, pb = (pre + ta, list(a["rows"]).index(ra), 0), (pre + tb, list(b["rows"]).index(rb), 0)
            coef = {pa: 1.0, pb: -1.0} if sign > 0 else {pa: 1.0, pb: 1.0, (pre + tb, -1, -1): -1.0}
            eqs.append((coef, 0.0))
    return eqs


def upgrade_tables(tables: list[dict] | None) -> list[dict] | None:
    """Published tables of a release made before schema 5, in today's terms. Its "role" table counted
    the person's position (a bystander aside): those figures are today's "position" table, row for row
    (models.entities.LEGACY_ROLES; a bystander's position is unknown). So a new version or a neighbouring
    year is audited against them, and a figure hidden there stays hidden in the position table."""
    if not isinstance(tables, list):
        return tables
    ids = {t.get("id") for t in tables if isinstance(t, dict)}
    current = set(vocabularies()[V.REPORTER_ROLE].codes)
    out = []
    for t in tables:
        rows = t.get("rows") if isinstance(t, dict) else None
        if (isinstance(t, dict) and t.get("id") == "role" and "position" not in ids and isinstance(rows, list)
                and t.get("cols") is None and any(r in LEGACY_ROLES and r not in current for r in rows)):
            t = dict(t, id="position", rows=[LEGACY_ROLES[r][0] if r in LEGACY_ROLES else r for r in rows])
        out.append(t)
    return out


def upgrade_release(figures: dict) -> dict:
    """A recorded release (or stored report) with upgrade_tables applied to its tables."""
    if isinstance(figures, dict) and isinstance(figures.get("tables"), list):
        return dict(figures, tables=upgrade_tables(figures["tables"]))
    return figures


def _count(rows: list, key) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in rows:
        out[key(r)] = out.get(key(r), 0) + 1
    return out


def aggregate(repo, org: int | None, start: date, end: date, *, k: int = 5,
              split_half: bool = True) -> Aggregation:
    """The true figures of the period ``start <= date < end`` for one organisation (its id) or all (None).

    ``k`` is only used to decide whether optional breakdowns (unit, half-year origin) are made:
    they are made when every one of their cells is 0 or at least k.
    """
    if end <= start:
        raise ValueError("the period must end after it starts")
    if org is not None and (isinstance(org, bool) or not isinstance(org, int)):
        raise TypeError("aggregate takes an organisation id (see report.resolve), not a name")
    with repo.vault.lock_:
        return _aggregate(repo, org, start, end, k, split_half)


def _aggregate(repo, org: int | None, start: date, end: date, k: int, split_half: bool) -> Aggregation:
    s, e = start.isoformat(), end.isoformat()
    org_id = org
    rows = queries.active_cases(repo, start, end, org_id)
    notes: list[str] = []
    new = sum(1 for r in rows if r[0] >= s)
    carried = len(rows) - new
    closed = sum(1 for r in rows if r[1] is not None and r[1] < e)

    def count(idx: int) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in rows:
            out[r[idx]] = out.get(r[idx], 0) + 1
        return out

    tables: list[Table] = []
    vocabs = vocabularies()
    # origin: carried over + new (split into halves of the period when every cell passes)
    mid = _midpoint(start, end)
    origin = {ORIGIN_CARRIED: carried, ORIGIN_NEW: new}
    origin_codes = [ORIGIN_CARRIED, ORIGIN_NEW]
    if split_half and mid is not None:
        h1 = sum(1 for r in rows if s <= r[0] < mid.isoformat())
        h2 = new - h1
        if all(v == 0 or v >= k for v in (carried, h1, h2)):
            origin = {ORIGIN_CARRIED: carried, ORIGIN_NEW_H1: h1, ORIGIN_NEW_H2: h2}
            origin_codes = [ORIGIN_CARRIED, ORIGIN_NEW_H1, ORIGIN_NEW_H2]
        else:
            notes.append("half_year_omitted")
    tables.append(_one_way("origin", "cases", origin_codes, origin, group=False))
    tables.append(_one_way("status", "cases", [STATUS_CLOSED, STATUS_OPEN],
                           {STATUS_CLOSED: closed, STATUS_OPEN: len(rows) - closed}, group=False))
    beh, rel = count(2), count(3)
    beh_codes = _codes(V.BEHAVIOUR, beh, _sector_codes(repo, org, V.BEHAVIOUR, "behaviour"))
    rel_codes = _codes(V.ACCUSED_RELATION, rel, _sector_codes(repo, org, V.ACCUSED_RELATION, "accused_relation"))
    sensitive = {c: k + SENSITIVE_EXTRA for c in vocabs[V.BEHAVIOUR].sensitive}
    t = _one_way("behaviour", "cases", beh_codes, beh)
    t.sensitive_rows = dict(sensitive)
    tables.append(t)
    tables.append(_one_way("relation", "cases", rel_codes, rel))
    role = count(4)
    tables.append(_one_way("role", "cases", _codes(V.REPORTER_ROLE, role,
                                                  _sector_codes(repo, org, V.REPORTER_ROLE, "reporter_role")), role))
    fu = count(5)
    tables.append(_one_way("follow_up", "cases", _codes(V.FOLLOW_UP, fu), fu))
    cross = [[0] * len(rel_codes) for _ in beh_codes]
    for r in rows:
        cross[beh_codes.index(r[2])][rel_codes.index(r[3])] += 1
    tables.append(Table(id="behaviour_relation", unit="cases", rows=beh_codes, cols=rel_codes,
                        cells=cross, sensitive_rows=dict(sensitive)))
    tables += _registration_tables(repo, org, rows, e)
    units: dict[str, str] = {}
    if org is None:
        notes.append("unit_not_for_all")
    else:
        unit_names = queries.unit_names(repo, org_id)
        if unit_names:
            per: dict[str, int] = {}
            for uid, name in unit_names.items():
                code = slug(name)
                while code in units and units[code] != name:
                    code = (code + "_x")[:64]
                units[code] = name
                per[code] = sum(1 for r in rows if r[6] == uid)
            per[NO_UNIT] = sum(1 for r in rows if r[6] is None)
            codes = list(units) + [NO_UNIT]
            if rows and all(v == 0 or v >= k for v in per.values()) and sum(1 for v in per.values() if v) > 1:
                tables.append(_one_way("unit", "cases", codes, per))
            else:
                notes.append("unit_omitted")
                units = {}
    # contacts dated inside the period
    crow = queries.contacts_by_channel(repo, start, end, org_id)
    channel = {r[0]: int(r[1]) for r in crow}
    minutes = sum(int(r[2]) for r in crow)
    tables.append(_one_way("channel", "contacts", _codes(V.CHANNEL, channel), channel))
    # preventive activities
    arow = queries.activities_by_kind(repo, start, end, org_id)
    act_n = {r[0]: int(r[1]) for r in arow}
    act_h = {r[0]: round(float(r[2]), 2) for r in arow}
    act_codes = _codes(V.ACTIVITY_KIND, act_n)
    tables.append(_one_way("activities", "activities", act_codes, act_n))
    n_requests, request_hours = _requests(tables, repo, start, end, org_id)
    contact_hours = round(minutes / 60.0, 2)
    hours = {CASE_WORK: contact_hours, **act_h, REQUEST_WORK: request_hours}
    # the hours of each kind of activity follow the activities table (twin): hidden where its count
    # is hidden, merged into "overig" where its categories are merged. The hours of requests are one
    # row, like case work: it follows the requests' total, which is always published.
    hour_rows = [CASE_WORK, *act_codes] + ([REQUEST_WORK] if n_requests else [])
    tables.append(Table(id="hours", unit="hours", rows=hour_rows, cols=None,
                        cells=[[hours.get(c, 0.0)] for c in hour_rows], twin="activities"))
    activity_hours = round(sum(act_h.values()), 2)
    totals = {"cases": len(rows), "contacts": sum(channel.values()),
              "hours": round(contact_hours + activity_hours + request_hours, 2)}
    if n_requests:
        totals["requests"] = n_requests
    return Aggregation(organisation_id=org, start=start, end=end, tables=tables, totals=totals, new=new,
                       carried_over=carried, closed=closed, contact_hours=contact_hours,
                       activity_hours=activity_hours, request_hours=request_hours, units=units, notes=notes)


def _requests(tables: list[Table], repo, start: date, end: date, org_id: int | None) -> tuple[int, float]:
    """Add the tables of the requests for information or advice (when the period has any); returns
    their number and hours. Who asked is about a person (one director): "everyone in one category"
    counts as a disclosure there, as it does for cases."""
    rows = queries.requests_by_kind_asker(repo, start, end, org_id)
    n = sum(r[2] for r in rows)
    if not n:
        return 0, 0.0
    kind: dict[str, int] = {}
    asker: dict[str, int] = {}
    for k, a, count, _minutes in rows:
        kind[k] = kind.get(k, 0) + count
        asker[a] = asker.get(a, 0) + count
    tables.append(_one_way("request_kind", "requests", _codes(V.REQUEST_KIND, kind), kind))
    tables.append(_one_way("request_asker", "requests", _codes(V.REQUEST_ASKER, asker), asker, group=True))
    return n, round(sum(r[3] for r in rows) / 60.0, 2)


def _midpoint(start: date, end: date) -> date | None:
    """July 1 for a calendar year; None for other periods (no half-year split)."""
    if start.month == 1 and start.day == 1 and end == date(start.year + 1, 1, 1):
        return date(start.year, 7, 1)
    return None


def aggregate_year(repo, org: int | None, year: int, *, k: int = 5) -> Aggregation:
    """The true figures of one calendar year (see the module's definitions)."""
    check_year(year)
    return aggregate(repo, org, date(year, 1, 1), date(year + 1, 1, 1), k=k)


def aggregate_half_year(repo, org: int | None, year: int, half: int, *, k: int = 5) -> Aggregation | None:
    """The figures of one half of a year (half 1: Jan-Jun, 2: Jul-Dec), or None when a case or
    contact table of that half has a cell between 1 and k-1 (half-year figures are only offered
    when every cell passes the threshold on its own)."""
    if half not in (1, 2):
        raise ValueError("half must be 1 or 2")
    start, end = (date(year, 1, 1), date(year, 7, 1)) if half == 1 else (date(year, 7, 1),
                                                                          date(year + 1, 1, 1))
    agg = aggregate(repo, org, start, end, k=k, split_half=False)
    for t in agg.tables:
        if t.unit in ("cases", "contacts") and any(0 < v < k for r in t.cells for v in r):
            return None
    return agg


def years_with_data(repo, org: int | None) -> list[int]:
    """Calendar years in which the organisation (its id; None: any) had a case, newest first."""
    with repo.vault.lock_:
        return queries.case_years(repo, org)
