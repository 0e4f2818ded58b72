"""Read-only queries for the annual figures and for retention: SQL stays in app/store.

Each function takes the repository and returns plain rows; callers that need one consistent view
over several queries hold `repo.vault.lock_` around them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from app.store.repository import Repository


class CaseFacts(NamedTuple):
    """The counted fields of one case (dates as ISO text, as stored)."""

    opened: str
    closed: str | None
    behaviour: str
    accused_relation: str
    reporter_role: str
    follow_up: str
    unit_id: int | None
    position: str
    integrity_kind: str | None
    outcome: str | None
    integrity: int      # 1: integriteit is the main or an extra behaviour


# the coded case columns whose vocabularies may hold codes of one sector (see sector_codes_used)
SECTOR_COLUMNS = ("behaviour", "accused_relation", "reporter_role", "position")


def _org(column: str, org_id: int | None) -> tuple[str, list[int]]:
    return ("", []) if org_id is None else (f" AND {column} = ?", [org_id])


def active_cases(repo: Repository, start: date, end: date, org_id: int | None) -> list[CaseFacts]:
    """Cases open at some time in ``start <= date < end`` (opened before the end, not closed before
    the start), of one organisation or all (None)."""
    where, args = _org("c.organisation_id", org_id)
    rows = repo.conn.execute(
        "SELECT c.opened, c.closed, c.behaviour, c.accused_relation, c.reporter_role, c.follow_up, "
        "c.unit_id, c.position, c.integrity_kind, c.outcome, (c.behaviour = 'integriteit' OR EXISTS ("
        "SELECT 1 FROM case_extra_behaviours x WHERE x.case_id = c.id AND x.code = 'integriteit')) FROM cases c "
        "WHERE c.opened < ? AND (c.closed IS NULL OR c.closed >= ?)" + where,
        [end.isoformat(), start.isoformat(), *args]).fetchall()
    return [CaseFacts(*r) for r in rows]


def sectors(repo: Repository, org_id: int | None) -> set[str]:
    """The sector of the organisation, or of every organisation (None)."""
    where, args = _org("o.id", org_id)
    return {r[0] for r in repo.conn.execute("SELECT DISTINCT o.sector FROM organisations o WHERE 1=1" + where,
                                            args)}


def sector_codes_used(repo: Repository, org_id: int | None, column: str) -> set[str]:
    """Every code ever stored in a coded column by a case of the organisation (or any: None), whatever
    the year: a report lists a sector's code when the sector is set or the code was ever used, never
    because of this period's count (a row that appears only when non-zero would tell it is)."""
    if column not in SECTOR_COLUMNS:
        raise ValueError(f"not a coded case column: {column}")
    where, args = _org("c.organisation_id", org_id)
    return {r[0] for r in repo.conn.execute(f"SELECT DISTINCT c.{column} FROM cases c WHERE 1=1" + where, args)}


def unit_names(repo: Repository, org_id: int) -> dict[int, str]:
    """The organisation's units by id, in name order."""
    return {int(i): n for i, n in repo.conn.execute(
        "SELECT id, name FROM units WHERE organisation_id = ? ORDER BY name", (org_id,))}


def contacts_by_channel(repo: Repository, start: date, end: date,
                        org_id: int | None) -> list[tuple[str, int, int]]:
    """(channel, contacts, minutes) of the contacts dated in the period."""
    where, args = _org("c.organisation_id", org_id)
    return [(r[0], int(r[1]), int(r[2])) for r in repo.conn.execute(
        "SELECT k.channel, count(*), coalesce(sum(k.minutes), 0) FROM contacts k JOIN cases c "
        "ON c.id = k.case_id WHERE k.date >= ? AND k.date < ?" + where + " GROUP BY k.channel",
        [start.isoformat(), end.isoformat(), *args])]


def activities_by_kind(repo: Repository, start: date, end: date,
                       org_id: int | None) -> list[tuple[str, int, float]]:
    """(kind, activities, hours) of the preventive activities dated in the period."""
    where, args = _org("a.organisation_id", org_id)
    return [(r[0], int(r[1]), float(r[2])) for r in repo.conn.execute(
        "SELECT a.kind, count(*), coalesce(sum(a.hours), 0) FROM activities a WHERE a.date >= ? "
        "AND a.date < ?" + where + " GROUP BY a.kind", [start.isoformat(), end.isoformat(), *args])]


def requests_by_kind_asker(repo: Repository, start: date, end: date,
                           org_id: int | None) -> list[tuple[str, str, int, int]]:
    """(kind, asker, requests, minutes) of the requests for information or advice dated in the period."""
    where, args = _org("r.organisation_id", org_id)
    return [(r[0], r[1], int(r[2]), int(r[3])) for r in repo.conn.execute(
        "SELECT r.kind, r.asker, count(*), coalesce(sum(r.minutes), 0) FROM requests r WHERE r.date >= ? "
        "AND r.date < ?" + where + " GROUP BY r.kind, r.asker", [start.isoformat(), end.isoformat(), *args])]


def case_years(repo: Repository, org_id: int | None) -> list[int]:
    """Calendar years in which a case of the organisation (or any: None) was opened, newest first."""
    where, args = _org("c.organisation_id", org_id)
    rows = repo.conn.execute("SELECT DISTINCT substr(c.opened, 1, 4) FROM cases c WHERE 1=1" + where,
                             args).fetchall()
    return sorted((int(r[0]) for r in rows), reverse=True)


@dataclass(frozen=True)
class ClosedCase:
    """A closed case whose details are still there (retention)."""

    case_id: int
    code: str
    organisation: str
    closed: date
    contacts: int
    contacts_with_notes: int


def closed_cases_with_details(repo: Repository) -> list[ClosedCase]:
    rows = repo.conn.execute(
        "SELECT c.id, c.code, o.name, c.closed, "
        "(SELECT count(*) FROM contacts k WHERE k.case_id = c.id), "
        "(SELECT count(*) FROM contacts k WHERE k.case_id = c.id AND k.notes != '') "
        "FROM cases c JOIN organisations o ON o.id = c.organisation_id "
        "WHERE c.closed IS NOT NULL AND c.details_purged IS NULL").fetchall()
    return [ClosedCase(int(r[0]), r[1], r[2], date.fromisoformat(r[3]), int(r[4]), int(r[5])) for r in rows]


def case_fingerprints(repo: Repository) -> list[tuple[str, str, str, str, str, tuple[tuple[str, int], ...]]]:
    """Of every case: (organisation name, opened, behaviour, accused_relation, reporter_role, and its
    contacts' (date, minutes) in order) - what tells whether a planned import is already in the vault."""
    rows = repo.conn.execute(
        "SELECT c.id, o.name, c.opened, c.behaviour, c.accused_relation, c.reporter_role, k.date, k.minutes "
        "FROM cases c JOIN organisations o ON o.id = c.organisation_id "
        "LEFT JOIN contacts k ON k.case_id = c.id ORDER BY c.id, k.date, k.minutes").fetchall()
    cases: dict[int, tuple] = {}
    talks: dict[int, list[tuple[str, int]]] = {}
    for cid, org, opened, behaviour, relation, role, day, minutes in rows:
        cases.setdefault(cid, (org, opened, behaviour, relation, role))
        talks.setdefault(cid, [])
        if day is not None:
            talks[cid].append((day, int(minutes)))
    return [(*cases[cid], tuple(talks[cid])) for cid in cases]
