"""The repository: the only place with SQL. Every write is validated first and runs in one
transaction, so a rejected record writes nothing.

Several writes that belong together run in one unit of work (one SQLCipher transaction):

    with repo.unit_of_work() as uow:
        cid = uow.add_contact(case_id, contact)
        uow.replace_reminders(case_id, f"contact:{cid}", [])

Inside it every public write of the repository (called on `uow` or on the repository itself, from
the same thread) joins the open transaction under a savepoint: a write that fails leaves the others
of the unit of work as they were, and an error that leaves the `with` block undoes them all.
Objects that a write filled in (a new contact's id) are only valid once the block has ended
without an error.
"""
from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime

import sqlcipher3

from app.errors import UserError, ValidationError
from app.resources import vocabularies
from app.store.vault import Vault
from models import entities as E
from models import vocab as V
from models.entities import Activity, Case, Contact, Organisation, Problem, Request


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _raise(problems: list[Problem], record: str | None = None) -> None:
    if problems:
        p = problems[0]
        err = ValidationError(f"problem.{p.code}", field=p.field, record=record,
                              where=f"{record}: " if record else "", detail=p.message)
        err.problems = problems  # type: ignore[attr-defined]
        raise err


@dataclass(frozen=True)
class CaseRow:
    """A light row for lists: enough to show, sort and filter without loading contacts."""

    id: int
    code: str
    organisation: str
    opened: date
    closed: date | None
    reporter_role: str
    behaviour: str
    accused_relation: str
    follow_up: str
    contacts: int
    minutes: int
    last_contact: date | None
    position: str = E.UNKNOWN_POSITION

    @property
    def status(self) -> str:
        return "gesloten" if self.closed else "open"


@dataclass(frozen=True)
class Reminder:
    id: int
    case_id: int
    case_code: str
    organisation: str
    due: date
    kind: str
    source: str


def case_list_query(*, organisation: str | None = None, year: int | None = None, status: str | None = None,
                    behaviour: str | None = None) -> tuple[str, list]:
    """The SQL of Repository.list_cases and its arguments (tests read its plan)."""
    where: list[str] = []
    args: list = []
    if organisation:
        where.append("o.name = ?")
        args.append(organisation)
    if year:
        where.append("c.opened >= ? AND c.opened < ?")
        args += [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"]
    if status == "open":
        where.append("c.closed IS NULL")
    elif status == "gesloten":
        where.append("c.closed IS NOT NULL")
    if behaviour:
        where.append("c.behaviour = ?")
        args.append(behaviour)
    if where:  # only the contacts of the cases returned, each a look-up in the covering index
        sums = ", ".join(f"(SELECT {f} FROM contacts k WHERE k.case_id = c.id)"
                         for f in ("count(*)", "coalesce(sum(k.minutes), 0)", "max(k.date)"))
        source = ""
    else:      # every case is returned: one pass over all contacts is cheaper
        sums = "coalesce(k.n, 0), coalesce(k.m, 0), k.last"
        source = (" LEFT JOIN (SELECT case_id, count(*) n, sum(minutes) m, max(date) last FROM contacts "
                  "GROUP BY case_id) k ON k.case_id = c.id")
    sql = ("SELECT c.id, c.code, o.name, c.opened, c.closed, c.reporter_role, c.behaviour, "
           f"c.accused_relation, c.follow_up, {sums}, c.position "
           f"FROM cases c JOIN organisations o ON o.id = c.organisation_id{source}")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY c.opened DESC, c.code DESC"
    return sql, args


class Repository:
    def __init__(self, vault: Vault):
        self.vault = vault
        self.vocabs = vocabularies()
        self._active: UnitOfWork | None = None

    # -- helpers ----------------------------------------------------------------------------
    @property
    def conn(self) -> sqlcipher3.Connection:
        return self.vault.conn

    def changes(self) -> int:
        """Rows written through this connection so far: a changed number means the data may have changed."""
        return self.conn.total_changes

    @contextmanager
    def unit_of_work(self) -> Iterator[UnitOfWork]:
        """One transaction for several writes: all of them are stored, or none (see the module doc)."""
        if self._joinable() is not None:
            raise RuntimeError("a unit of work is already open on this thread; use that one")
        with self.vault.transaction() as conn:
            uow = UnitOfWork(self, conn)
            self._active = uow
            try:
                yield uow
            finally:
                self._active = None
                uow.closed = True

    def _joinable(self) -> UnitOfWork | None:
        uow = self._active
        return uow if uow is not None and uow.owner == threading.get_ident() else None

    @contextmanager
    def _tx(self) -> Iterator[sqlcipher3.Connection]:
        """The connection for one write: inside the open unit of work (under a savepoint), else a
        transaction of its own."""
        uow = self._joinable()
        if uow is None:
            with self.vault.transaction() as conn:
                yield conn
            return
        with uow.savepoint() as conn:
            yield conn

    def _audit(self, conn: sqlcipher3.Connection, action: str, obj: str = "") -> None:
        conn.execute("INSERT INTO audit_log(at, action, object) VALUES (?, ?, ?)", (_now(), action, obj))

    def audit_log(self, limit: int = 200) -> list[tuple[str, str, str]]:
        return [tuple(r) for r in self.conn.execute(
            "SELECT at, action, object FROM audit_log ORDER BY id DESC LIMIT ?", (limit,))]

    def log(self, action: str, obj: str = "") -> None:
        with self._tx() as conn:
            self._audit(conn, action, obj)

    # -- settings ---------------------------------------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self._tx() as conn:
            conn.execute("INSERT INTO settings(key, value) VALUES (?, ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    def signing_key(self) -> bytes:
        value = self.get_setting("signing_key")
        if not value:
            raise UserError("repo.no_signing_key")
        return bytes.fromhex(value)

    # -- organisations ----------------------------------------------------------------------
    def _org_id(self, conn: sqlcipher3.Connection, name: str, record: str | None = None) -> int:
        row = conn.execute("SELECT id FROM organisations WHERE name = ?", (name,)).fetchone()
        if not row:
            where = f"{record}: " if record else ""
            raise ValidationError("repo.case_organisation_unknown", where=where, name=name,
                                  field="organisation", record=record)
        return int(row[0])

    def _insert_org(self, conn: sqlcipher3.Connection, org: Organisation) -> int:
        _raise(E.validate_organisation(org, self.vocabs))
        name = org.name.strip()
        if self._name_taken(conn, name):
            raise ValidationError("repo.organisation_exists", name=name, field="name")
        cur = conn.execute("INSERT INTO organisations(name, created, sector) VALUES (?, ?, ?)",
                           (name, _now(), org.sector))
        oid = int(cur.lastrowid)
        for u in org.units:
            conn.execute("INSERT INTO units(organisation_id, name) VALUES (?, ?)", (oid, u.strip()))
        return oid

    @staticmethod
    def _name_taken(conn, name: str, other_than: int | None = None) -> bool:
        """True when another organisation's name matches ``name`` by the one rule (E.organisation_key)."""
        key = E.organisation_key(name)
        return any(E.organisation_key(n) == key and i != other_than
                   for i, n in conn.execute("SELECT id, name FROM organisations"))

    def add_organisation(self, name: str, units: list[str] | None = None, sector: str = V.DEFAULT_SECTOR) -> int:
        with self._tx() as conn:
            oid = self._insert_org(conn, Organisation(name=name, units=list(units or []), sector=sector))
            self._audit(conn, "organisatie_toegevoegd", f"organisatie {oid}")
            return oid

    def update_organisation(self, org_id: int, name: str, units: list[str], sector: str | None = None) -> None:
        """Rename, change units and (unless None) the sector. Cases keep codes of an earlier sector."""
        org = Organisation(name=name, units=units, id=org_id, sector=sector or V.DEFAULT_SECTOR)
        _raise(E.validate_organisation(org, self.vocabs))
        with self._tx() as conn:
            if self._name_taken(conn, name, org_id):
                raise ValidationError("repo.organisation_exists", name=name.strip(),
                                      field="name")
            cur = conn.execute("UPDATE organisations SET name = ?, sector = coalesce(?, sector) WHERE id = ?",
                               (name.strip(), sector, org_id))
            if cur.rowcount != 1:
                raise UserError("repo.organisation_gone", name=name.strip())
            existing = {r[1]: r[0] for r in conn.execute(
                "SELECT id, name FROM units WHERE organisation_id = ?", (org_id,))}
            wanted = [u.strip() for u in units]
            for uname, uid in existing.items():
                if uname not in wanted:
                    used = conn.execute("SELECT count(*) FROM cases WHERE unit_id = ?", (uid,)).fetchone()[0]
                    if used:
                        raise ValidationError("repo.unit_in_use", unit=uname, used=used, field="units")
                    conn.execute("DELETE FROM units WHERE id = ?", (uid,))
            for u in wanted:
                if u not in existing:
                    conn.execute("INSERT INTO units(organisation_id, name) VALUES (?, ?)", (org_id, u))
            self._audit(conn, "organisatie_gewijzigd", f"organisatie {org_id}")

    def delete_organisation(self, org_id: int) -> None:
        with self._tx() as conn:
            n = conn.execute("SELECT count(*) FROM cases WHERE organisation_id = ?", (org_id,)).fetchone()[0]
            m = conn.execute("SELECT count(*) FROM activities WHERE organisation_id = ?",
                             (org_id,)).fetchone()[0]
            if n or m:
                raise UserError("repo.organisation_in_use", n=n, m=m)
            r = conn.execute("SELECT count(*) FROM requests WHERE organisation_id = ?", (org_id,)).fetchone()[0]
            if r:
                raise UserError("repo.organisation_has_requests", n=r)
            conn.execute("DELETE FROM organisations WHERE id = ?", (org_id,))
            self._audit(conn, "organisatie_verwijderd", f"organisatie {org_id}")

    def list_organisations(self) -> list[Organisation]:
        units: dict[int, list[str]] = {}
        for oid, uname in self.conn.execute("SELECT organisation_id, name FROM units ORDER BY name"):
            units.setdefault(oid, []).append(uname)
        return [Organisation(name=n, units=units.get(i, []), id=i, sector=sec) for i, n, sec in self.conn.execute(
            "SELECT id, name, sector FROM organisations ORDER BY name COLLATE NOCASE")]

    def organisation(self, name: str) -> Organisation:
        """The organisation whose name matches ``name`` by the one rule (``E.organisation_key``)."""
        key = E.organisation_key(name)
        found = [o for o in self.list_organisations() if E.organisation_key(o.name) == key]
        if len(found) > 1:   # only in vaults made before names were unique by this rule
            raise UserError("repo.ambiguous_organisation", name=name, n=len(found),
                            names=", ".join(o.name for o in found))
        if not found:
            raise UserError("repo.unknown_organisation", name=name)
        return found[0]

    # -- cases ------------------------------------------------------------------------------
    def next_case_code(self, year: int) -> str:
        rows = self.conn.execute("SELECT code FROM cases WHERE code LIKE ?", (f"{year}-%",)).fetchall()
        n = max((int(c.split("-", 1)[1]) for (c,) in rows if c.split("-", 1)[1].isdigit()), default=0)
        return f"{year}-{n + 1:03d}"

    def _unit_id(self, conn: sqlcipher3.Connection, org_id: int, unit: str | None, record: str | None) -> int | None:
        if unit is None:
            return None
        row = conn.execute("SELECT id FROM units WHERE organisation_id = ? AND name = ?",
                           (org_id, unit)).fetchone()
        if not row:
            raise ValidationError("repo.unit_not_of_organisation",
                                  where=record + ': ' if record else '', unit=unit, field="unit",
                                  record=record)
        return int(row[0])

    def _write_case(self, conn: sqlcipher3.Connection, case: Case, record: str | None) -> int:
        _raise(E.validate_case(case, self.vocabs), record)
        org_id = self._org_id(conn, case.organisation, record)
        sector = conn.execute("SELECT sector FROM organisations WHERE id = ?", (org_id,)).fetchone()[0]
        kept = self._stored_codes(conn, case.id)
        _raise(E.sector_problems(case, self.vocabs, sector, kept), record)
        unit_id = self._unit_id(conn, org_id, case.unit, record)
        clash = conn.execute("SELECT id FROM cases WHERE code = ?", (case.code,)).fetchone()
        if clash and clash[0] != case.id:
            raise ValidationError("repo.case_exists", where=record + ': ' if record else '', case=case.code,
                                  field="code", record=record)
        values = (case.code, org_id, case.opened.isoformat(),
                  case.closed.isoformat() if case.closed else None, case.reporter_role, case.behaviour,
                  case.accused_relation, case.follow_up, unit_id, case.position, case.integrity_kind, case.outcome)
        if case.id is None:
            cur = conn.execute(
                "INSERT INTO cases(code, organisation_id, opened, closed, reporter_role, behaviour, "
                "accused_relation, follow_up, unit_id, position, integrity_kind, outcome) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", values)
            cid = int(cur.lastrowid)
        else:
            first = conn.execute("SELECT min(date) FROM contacts WHERE case_id = ?", (case.id,)).fetchone()[0]
            if first and first < case.opened.isoformat():
                raise ValidationError("repo.contact_before_opening",
                                      field="opened", record=record)
            cur = conn.execute(
                "UPDATE cases SET code=?, organisation_id=?, opened=?, closed=?, reporter_role=?, "
                "behaviour=?, accused_relation=?, follow_up=?, unit_id=?, position=?, integrity_kind=?, "
                "outcome=? WHERE id = ?", (*values, case.id))
            if cur.rowcount != 1:
                raise UserError("repo.case_gone", case=case.code)
            cid = case.id
            conn.execute("DELETE FROM case_extra_behaviours WHERE case_id = ?", (cid,))
            conn.execute("DELETE FROM case_extra_follow_ups WHERE case_id = ?", (cid,))
        conn.executemany("INSERT OR IGNORE INTO case_extra_behaviours(case_id, code) VALUES (?, ?)",
                         [(cid, c) for c in case.extra_behaviours if c != case.behaviour])
        conn.executemany("INSERT OR IGNORE INTO case_extra_follow_ups(case_id, code) VALUES (?, ?)",
                         [(cid, c) for c in case.extra_follow_ups if c != case.follow_up])
        return cid

    @staticmethod
    def _stored_codes(conn: sqlcipher3.Connection, case_id: int | None) -> Case | None:
        """The coded fields the stored case has now (those stay valid whatever the sector), or None."""
        if case_id is None:
            return None
        row = conn.execute("SELECT reporter_role, behaviour, accused_relation, position FROM cases WHERE id = ?",
                           (case_id,)).fetchone()
        if not row:
            return None
        return Case(code="", organisation="", opened=date.min, reporter_role=row[0], behaviour=row[1],
                    accused_relation=row[2], follow_up="", position=row[3])

    @staticmethod
    def _possible_identifier(c: Contact) -> bool:
        """The privacy guard's verdict on a contact's free text, whatever path it came in by."""
        from app.privacy import guard as privacy
        return bool(privacy.scan(c.notes)) if c.notes else False

    def _insert_contact(self, conn: sqlcipher3.Connection, case_id: int, opened: date, c: Contact,
                        record: str | None, screened: bool = False) -> int:
        _raise(E.validate_contact(c, self.vocabs, opened), record)
        c.flagged = bool(c.flagged) or (not screened and self._possible_identifier(c))
        cur = conn.execute(
            "INSERT INTO contacts(case_id, date, minutes, channel, kind, notes, checklist, flagged) "
            "VALUES (?,?,?,?,?,?,?,?)",
            (case_id, c.date.isoformat(), c.minutes, c.channel, c.kind, c.notes,
             json.dumps(c.checklist, ensure_ascii=False) if c.checklist else None, int(c.flagged)))
        return int(cur.lastrowid)

    def add_case(self, case: Case) -> int:
        case.id = None
        with self._tx() as conn:
            cid = self._write_case(conn, case, None)
            for c in case.contacts:
                self._insert_contact(conn, cid, case.opened, c, None)
            self._audit(conn, "casus_aangemaakt", f"casus {cid}")
        case.id = cid
        return cid

    def update_case(self, case: Case) -> None:
        if case.id is None:
            raise ValueError("update_case needs a case with an id")
        with self._tx() as conn:
            self._write_case(conn, case, None)
            self._audit(conn, "casus_gewijzigd", f"casus {case.id}")

    def close_case(self, case_id: int, closed: date, follow_up: str | None = None,
                   outcome: str | None = None) -> None:
        case = self.get_case(case_id)
        case.closed = closed
        if follow_up:
            case.follow_up = follow_up
        if outcome:
            case.outcome = outcome
        with self._tx() as conn:
            self._write_case(conn, case, None)
            conn.execute("UPDATE reminders SET done = 1 WHERE case_id = ?", (case_id,))
            self._audit(conn, "casus_gesloten", f"casus {case_id}")

    def reopen_case(self, case_id: int) -> None:
        with self._tx() as conn:
            # a reopened case gets new details again, so its retention clock starts anew
            conn.execute("UPDATE cases SET closed = NULL, details_purged = NULL WHERE id = ?", (case_id,))
            self._audit(conn, "casus_heropend", f"casus {case_id}")

    def forget_case_history(self, conn: sqlcipher3.Connection, case_id: int) -> None:
        """Blank the audit entries that name a removed case, so a later case with the same number
        inherits no history and no timeline of the removed one remains."""
        conn.execute("UPDATE audit_log SET object = '' WHERE object = ?", (f"casus {case_id}",))

    def delete_case(self, case_id: int) -> None:
        """Remove a case with everything that belongs to it (e.g. consent withdrawn)."""
        with self._tx() as conn:
            conn.execute("DELETE FROM cases WHERE id = ?", (case_id,))
            self.forget_case_history(conn, case_id)
            self._audit(conn, "casus_verwijderd", f"casus {case_id}")

    def _contacts(self, case_id: int) -> list[Contact]:
        out = []
        for row in self.conn.execute(
                "SELECT id, date, minutes, channel, kind, notes, checklist, flagged FROM contacts "
                "WHERE case_id = ? ORDER BY date, id", (case_id,)):
            out.append(Contact(id=row[0], case_id=case_id, date=date.fromisoformat(row[1]), minutes=row[2],
                               channel=row[3], kind=row[4], notes=row[5],
                               checklist=json.loads(row[6]) if row[6] else None, flagged=bool(row[7])))
        return out

    def get_case(self, case_id: int) -> Case:
        row = self.conn.execute(
            "SELECT c.id, c.code, o.name, c.opened, c.closed, c.reporter_role, c.behaviour, "
            "c.accused_relation, c.follow_up, u.name, c.details_purged, c.position, c.integrity_kind, "
            "c.outcome FROM cases c "
            "JOIN organisations o ON o.id = c.organisation_id LEFT JOIN units u ON u.id = c.unit_id "
            "WHERE c.id = ?", (case_id,)).fetchone()
        if not row:
            raise UserError("repo.case_not_found", case_id=case_id)
        extra_b = [r[0] for r in self.conn.execute(
            "SELECT code FROM case_extra_behaviours WHERE case_id = ? ORDER BY code", (case_id,))]
        extra_f = [r[0] for r in self.conn.execute(
            "SELECT code FROM case_extra_follow_ups WHERE case_id = ? ORDER BY code", (case_id,))]
        return Case(id=row[0], code=row[1], organisation=row[2], opened=date.fromisoformat(row[3]),
                    closed=date.fromisoformat(row[4]) if row[4] else None, reporter_role=row[5],
                    behaviour=row[6], accused_relation=row[7], follow_up=row[8], unit=row[9],
                    details_purged=date.fromisoformat(row[10]) if row[10] else None,
                    position=row[11], integrity_kind=row[12], outcome=row[13], extra_behaviours=extra_b, extra_follow_ups=extra_f, contacts=self._contacts(case_id))

    def case_id_by_code(self, code: str) -> int:
        row = self.conn.execute("SELECT id FROM cases WHERE code = ?", (code,)).fetchone()
        if not row:
            raise UserError("repo.no_case_with_code", case=code)
        return int(row[0])

    def list_cases(self, *, organisation: str | None = None, year: int | None = None,
                   status: str | None = None, behaviour: str | None = None) -> list[CaseRow]:
        """Cases, newest first. `year` selects the cases opened in that year."""
        sql, args = case_list_query(organisation=organisation, year=year, status=status, behaviour=behaviour)
        fromiso = date.fromisoformat
        return [CaseRow(r[0], r[1], r[2], fromiso(r[3]), fromiso(r[4]) if r[4] else None, r[5], r[6], r[7],
                        r[8], r[9], r[10], fromiso(r[11]) if r[11] else None, r[12])
                for r in self.conn.execute(sql, args)]

    def case_code_map(self) -> dict[int, str]:
        """Every case's code by its id (one cheap query; for naming cases in the audit log)."""
        return {int(r[0]): r[1] for r in self.conn.execute("SELECT id, code FROM cases")}

    def case_years(self) -> list[int]:
        return [int(r[0]) for r in self.conn.execute(
            "SELECT DISTINCT substr(opened, 1, 4) FROM cases ORDER BY 1 DESC")]

    # -- contacts ---------------------------------------------------------------------------
    def add_contact(self, case_id: int, contact: Contact, *, screened: bool = False) -> int:
        """Store a new contact. `screened`: the caller ran the privacy guard on the notes and set
        `flagged` from what was kept, so the guard does not run again."""
        with self._tx() as conn:
            row = conn.execute("SELECT opened FROM cases WHERE id = ?", (case_id,)).fetchone()
            if not row:
                raise UserError("repo.contact_case_gone")
            cid = self._insert_contact(conn, case_id, date.fromisoformat(row[0]), contact, None, screened)
            self._audit(conn, "contact_toegevoegd", f"casus {case_id}")
        contact.id, contact.case_id = cid, case_id
        return cid

    def update_contact(self, contact: Contact, *, screened: bool = False) -> None:
        if contact.id is None:
            raise ValueError("update_contact needs a contact with an id")
        with self._tx() as conn:
            row = conn.execute("SELECT c.opened, k.case_id FROM contacts k JOIN cases c ON c.id = k.case_id "
                               "WHERE k.id = ?", (contact.id,)).fetchone()
            if not row:
                raise UserError("repo.contact_gone")
            _raise(E.validate_contact(contact, self.vocabs, date.fromisoformat(row[0])))
            contact.flagged = bool(contact.flagged) or (not screened and self._possible_identifier(contact))
            conn.execute(
                "UPDATE contacts SET date=?, minutes=?, channel=?, kind=?, notes=?, checklist=?, flagged=? "
                "WHERE id = ?",
                (contact.date.isoformat(), contact.minutes, contact.channel, contact.kind, contact.notes,
                 json.dumps(contact.checklist, ensure_ascii=False) if contact.checklist else None,
                 int(contact.flagged), contact.id))
            self._audit(conn, "contact_gewijzigd", f"casus {row[1]}")

    def delete_contact(self, contact_id: int) -> None:
        """Remove a contact with the open reminders its checklist set."""
        with self._tx() as conn:
            conn.execute("DELETE FROM contacts WHERE id = ?", (contact_id,))
            conn.execute("DELETE FROM reminders WHERE source = ? AND done = 0", (f"contact:{contact_id}",))
            self._audit(conn, "contact_verwijderd", f"contact {contact_id}")

    def flagged_contacts(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM contacts WHERE flagged = 1").fetchone()[0])

    def flagged_contact_list(self) -> list[tuple[int, str, date, int]]:
        """(case id, case code, conversation date, contact id) of the conversations marked as holding
        a possible identifier, newest first."""
        sql = ("SELECT c.id, c.code, k.date, k.id FROM contacts k JOIN cases c ON c.id = k.case_id "
               "WHERE k.flagged = 1 ORDER BY k.date DESC, c.code")
        return [(r[0], r[1], date.fromisoformat(r[2]), r[3]) for r in self.conn.execute(sql)]

    # -- activities -------------------------------------------------------------------------
    def _insert_activity(self, conn: sqlcipher3.Connection, act: Activity, record: str | None) -> int:
        _raise(E.validate_activity(act, self.vocabs), record)
        oid = self._org_id(conn, act.organisation, record)
        cur = conn.execute("INSERT INTO activities(organisation_id, date, kind, hours) VALUES (?,?,?,?)",
                           (oid, act.date.isoformat(), act.kind, float(act.hours)))
        return int(cur.lastrowid)

    def add_activity(self, act: Activity) -> int:
        with self._tx() as conn:
            aid = self._insert_activity(conn, act, None)
            self._audit(conn, "activiteit_toegevoegd", f"activiteit {aid}")
        act.id = aid
        return aid

    def update_activity(self, act: Activity) -> None:
        if act.id is None:
            raise ValueError("update_activity needs an activity with an id")
        _raise(E.validate_activity(act, self.vocabs))
        with self._tx() as conn:
            oid = self._org_id(conn, act.organisation)
            cur = conn.execute("UPDATE activities SET organisation_id=?, date=?, kind=?, hours=? WHERE id=?",
                               (oid, act.date.isoformat(), act.kind, float(act.hours), act.id))
            if cur.rowcount != 1:
                raise UserError("repo.activity_gone")
            self._audit(conn, "activiteit_gewijzigd", f"activiteit {act.id}")

    def delete_activity(self, act_id: int) -> None:
        with self._tx() as conn:
            conn.execute("DELETE FROM activities WHERE id = ?", (act_id,))
            self._audit(conn, "activiteit_verwijderd", f"activiteit {act_id}")

    def list_activities(self, organisation: str | None = None, year: int | None = None) -> list[Activity]:
        where, args = [], []
        if organisation:
            where.append("o.name = ?")
            args.append(organisation)
        if year:
            where.append("a.date >= ? AND a.date < ?")
            args += [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"]
        sql = ("SELECT a.id, o.name, a.date, a.kind, a.hours FROM activities a "
               "JOIN organisations o ON o.id = a.organisation_id")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.date DESC, a.id DESC"
        return [Activity(id=r[0], organisation=r[1], date=date.fromisoformat(r[2]), kind=r[3], hours=r[4])
                for r in self.conn.execute(sql, args)]

    # -- requests for information or advice (counted apart from cases) ------------------------
    def _insert_request(self, conn: sqlcipher3.Connection, req: Request, record: str | None) -> int:
        _raise(E.validate_request(req, self.vocabs), record)
        oid = self._org_id(conn, req.organisation, record)
        cur = conn.execute("INSERT INTO requests(organisation_id, date, kind, asker, topic, minutes) "
                           "VALUES (?,?,?,?,?,?)",
                           (oid, req.date.isoformat(), req.kind, req.asker, req.topic, req.minutes))
        return int(cur.lastrowid)

    def add_request(self, req: Request) -> int:
        with self._tx() as conn:
            rid = self._insert_request(conn, req, None)
            self._audit(conn, "vraag_toegevoegd", f"vraag {rid}")
        req.id = rid
        return rid

    def update_request(self, req: Request) -> None:
        if req.id is None:
            raise ValueError("update_request needs a request with an id")
        _raise(E.validate_request(req, self.vocabs))
        with self._tx() as conn:
            oid = self._org_id(conn, req.organisation)
            cur = conn.execute("UPDATE requests SET organisation_id=?, date=?, kind=?, asker=?, topic=?, "
                               "minutes=? WHERE id=?", (oid, req.date.isoformat(), req.kind, req.asker,
                                                        req.topic, req.minutes, req.id))
            if cur.rowcount != 1:
                raise UserError("repo.request_gone", request=req.id)
            self._audit(conn, "vraag_gewijzigd", f"vraag {req.id}")

    def delete_request(self, req_id: int) -> None:
        with self._tx() as conn:
            cur = conn.execute("DELETE FROM requests WHERE id = ?", (req_id,))
            if cur.rowcount != 1:
                raise UserError("repo.request_gone", request=req_id)
            self._audit(conn, "vraag_verwijderd", f"vraag {req_id}")

    def list_requests(self, organisation: str | None = None, year: int | None = None) -> list[Request]:
        """Requests, newest first; of one organisation (its stored name) and one year when given."""
        where, args = [], []
        if organisation:
            where.append("o.name = ?")
            args.append(organisation)
        if year:
            where.append("r.date >= ? AND r.date < ?")
            args += [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"]
        sql = ("SELECT r.id, o.name, r.date, r.kind, r.asker, r.topic, r.minutes FROM requests r "
               "JOIN organisations o ON o.id = r.organisation_id")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY r.date DESC, r.id DESC"
        return [Request(id=r[0], organisation=r[1], date=date.fromisoformat(r[2]), kind=r[3], asker=r[4],
                        topic=r[5], minutes=int(r[6])) for r in self.conn.execute(sql, args)]

    # -- reminders --------------------------------------------------------------------------
    def add_reminder(self, case_id: int, due: date, kind: str, source: str = "") -> int:
        with self._tx() as conn:
            cur = conn.execute("INSERT INTO reminders(case_id, due, kind, source) VALUES (?,?,?,?)",
                               (case_id, due.isoformat(), kind, source))
            return int(cur.lastrowid)

    def replace_reminders(self, case_id: int, source: str, items: list[tuple[date, str]]) -> None:
        """Set the open reminders that come from one source (e.g. a contact's checklist)."""
        with self._tx() as conn:
            conn.execute("DELETE FROM reminders WHERE case_id = ? AND source = ? AND done = 0",
                         (case_id, source))
            conn.executemany("INSERT INTO reminders(case_id, due, kind, source) VALUES (?,?,?,?)",
                             [(case_id, d.isoformat(), k, source) for d, k in items])

    def complete_reminder(self, reminder_id: int) -> bool:
        """Mark a reminder done; False when there is no open reminder with that id."""
        with self._tx() as conn:
            return conn.execute("UPDATE reminders SET done = 1 WHERE id = ? AND done = 0",
                                (reminder_id,)).rowcount == 1

    def reminders(self, until: date | None = None, case_id: int | None = None) -> list[Reminder]:
        where, args = ["r.done = 0"], []
        if until:
            where.append("r.due <= ?")
            args.append(until.isoformat())
        if case_id:
            where.append("r.case_id = ?")
            args.append(case_id)
        sql = ("SELECT r.id, r.case_id, c.code, o.name, r.due, r.kind, r.source FROM reminders r "
               "JOIN cases c ON c.id = r.case_id JOIN organisations o ON o.id = c.organisation_id WHERE "
               + " AND ".join(where) + " ORDER BY r.due, c.code")
        return [Reminder(r[0], r[1], r[2], r[3], date.fromisoformat(r[4]), r[5], r[6])
                for r in self.conn.execute(sql, args)]

    # -- decisions --------------------------------------------------------------------------
    def save_decision(self, case_id: int, saved: dict) -> int:
        with self._tx() as conn:
            cur = conn.execute("INSERT INTO decisions(case_id, created, tree_version, data) VALUES (?,?,?,?)",
                               (case_id, _now(), str(saved.get("tree_version", "")),
                                json.dumps(saved, ensure_ascii=False)))
            self._audit(conn, "beslishulp_opgeslagen", f"casus {case_id}")
            return int(cur.lastrowid)

    def decisions(self, case_id: int) -> list[tuple[int, str, dict]]:
        return [(r[0], r[1], json.loads(r[2])) for r in self.conn.execute(
            "SELECT id, created, data FROM decisions WHERE case_id = ? ORDER BY id", (case_id,))]

    # -- drafts -----------------------------------------------------------------------------
    def save_draft(self, key: str, data: dict) -> None:
        with self._tx() as conn:
            conn.execute("INSERT OR REPLACE INTO drafts(key, data, saved) VALUES (?,?,?)",
                         (key, json.dumps(data, ensure_ascii=False), _now()))

    def drafts(self) -> dict[str, dict]:
        return {r[0]: json.loads(r[1]) for r in self.conn.execute("SELECT key, data FROM drafts")}

    def delete_draft(self, key: str) -> None:
        with self._tx() as conn:
            conn.execute("DELETE FROM drafts WHERE key = ?", (key,))

    # -- report texts and published figures -------------------------------------------------
    def report_text(self, org_id: int, year: int) -> str:
        row = self.conn.execute("SELECT text FROM report_texts WHERE organisation_id = ? AND year = ?",
                                (org_id, year)).fetchone()
        return row[0] if row else ""

    def set_report_text(self, org_id: int, year: int, text: str) -> None:
        with self._tx() as conn:
            conn.execute("INSERT OR REPLACE INTO report_texts(organisation_id, year, text) VALUES (?,?,?)",
                         (org_id, year, text))

    def published_report(self, org_id: int, year: int) -> dict | None:
        row = self.conn.execute("SELECT data FROM published_reports WHERE organisation_id = ? AND year = ?",
                                (org_id, year)).fetchone()
        return json.loads(row[0]) if row else None

    def save_published_report(self, org_id: int, year: int, data: dict) -> None:
        with self._tx() as conn:
            conn.execute("INSERT OR REPLACE INTO published_reports(organisation_id, year, created, data) "
                         "VALUES (?,?,?,?)", (org_id, year, _now(), json.dumps(data, ensure_ascii=False)))
            self._audit(conn, "jaarverslag_vastgelegd", f"organisatie {org_id} {year}")

    # -- dashboard --------------------------------------------------------------------------
    def open_case_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM cases WHERE closed IS NULL").fetchone()[0])

    def cases_per_organisation(self, year: int) -> list[tuple[str, int]]:
        return [(r[0], r[1]) for r in self.conn.execute(
            "SELECT o.name, count(c.id) FROM organisations o LEFT JOIN cases c ON c.organisation_id = o.id "
            "AND c.opened >= ? AND c.opened < ? GROUP BY o.id ORDER BY o.name COLLATE NOCASE",
            (f"{year:04d}-01-01", f"{year + 1:04d}-01-01"))]

    def counts(self) -> dict[str, int]:
        q = self.conn.execute
        return {"organisations": q("SELECT count(*) FROM organisations").fetchone()[0],
                "cases": q("SELECT count(*) FROM cases").fetchone()[0],
                "contacts": q("SELECT count(*) FROM contacts").fetchone()[0],
                "activities": q("SELECT count(*) FROM activities").fetchone()[0]}

    def request_count(self) -> int:
        """All requests for information or advice in the vault (they are no cases: apart from counts())."""
        return int(self.conn.execute("SELECT count(*) FROM requests").fetchone()[0])

    # -- the publication ledger (app/reporting/ledger.py) ---------------------------------------
    def record_publication(self, org_id: int | None, organisation: str, year: int, kind: str,
                           figures: dict) -> None:
        with self._tx() as conn:
            conn.execute("INSERT INTO publications(organisation_id, organisation, year, kind, created, figures) "
                         "VALUES (?,?,?,?,?,?)", (org_id, organisation, int(year), kind, _now(),
                                                  json.dumps(figures, ensure_ascii=False)))
            self._audit(conn, "cijfers_uitgebracht", f"{kind} {year}")

    def publications(self, years: list[int]) -> list[tuple[int | None, str, int, str, str, dict]]:
        """(organisation id or None, name, year, kind, created, figures) of the given years, oldest first."""
        marks = ",".join("?" * len(years))
        rows = self.conn.execute(
            "SELECT organisation_id, organisation, year, kind, created, figures FROM publications "
            f"WHERE year IN ({marks}) ORDER BY id", [int(y) for y in years]).fetchall()
        return [(r[0], r[1], int(r[2]), r[3], r[4], json.loads(r[5])) for r in rows]

    # -- maintenance ------------------------------------------------------------------------
    def compact(self) -> int:
        """VACUUM the vault (temporary storage in memory) and truncate a WAL log; returns the free
        pages left (0 when the file holds only live data). sqlcipher3.OperationalError when another
        connection keeps the file busy."""
        vault = self.vault
        with vault.lock_:
            conn = vault.conn
            if conn.in_transaction:
                raise RuntimeError("compact() must run outside a transaction")
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("VACUUM")
            mode = str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()
            if mode == "wal":
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            return int(conn.execute("PRAGMA freelist_count").fetchone()[0])


@dataclass(frozen=True)
class PurgedDetails:
    """What removing one case's details touched."""

    contacts: int
    decisions: int
    reminders: int


class UnitOfWork:
    """The writes of one transaction (made by `Repository.unit_of_work()`; never by hand).

    The everyday writes are the repository's own (they join this transaction); the bulk and
    low-level writes for import, demo data and retention live only here.
    """

    def __init__(self, repo: Repository, conn: sqlcipher3.Connection):
        self.repo = repo
        self.conn = conn
        self.owner = threading.get_ident()
        self.closed = False
        self._savepoints = 0

    @contextmanager
    def savepoint(self) -> Iterator[sqlcipher3.Connection]:
        """A part of the unit of work that is undone on its own when it fails."""
        if self.closed:
            raise RuntimeError("this unit of work has ended")
        self._savepoints += 1
        name = f"uow_{self._savepoints}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute(f"ROLLBACK TO {name}")
            self.conn.execute(f"RELEASE {name}")
            raise
        self.conn.execute(f"RELEASE {name}")

    # -- everyday writes (the repository's, in this transaction) ------------------------------
    def audit(self, action: str, obj: str = "") -> None:
        self.repo._audit(self.conn, action, obj)

    def set_setting(self, key: str, value: str) -> None:
        self.repo.set_setting(key, value)

    def add_contact(self, case_id: int, contact: Contact, *, screened: bool = False) -> int:
        return self.repo.add_contact(case_id, contact, screened=screened)

    def update_contact(self, contact: Contact, *, screened: bool = False) -> None:
        self.repo.update_contact(contact, screened=screened)

    def delete_contact(self, contact_id: int) -> None:
        self.repo.delete_contact(contact_id)

    def update_case(self, case: Case) -> None:
        self.repo.update_case(case)

    def close_case(self, case_id: int, closed: date, follow_up: str | None = None,
                   outcome: str | None = None) -> None:
        self.repo.close_case(case_id, closed, follow_up, outcome)

    def reopen_case(self, case_id: int) -> None:
        self.repo.reopen_case(case_id)

    def replace_reminders(self, case_id: int, source: str, items: list[tuple[date, str]]) -> None:
        self.repo.replace_reminders(case_id, source, items)

    def complete_reminder(self, reminder_id: int) -> bool:
        return self.repo.complete_reminder(reminder_id)

    def save_decision(self, case_id: int, saved: dict) -> int:
        return self.repo.save_decision(case_id, saved)

    def delete_draft(self, key: str) -> None:
        self.repo.delete_draft(key)

    # -- import: validated records -------------------------------------------------------------
    def insert_organisation(self, org: Organisation) -> int:
        """A new organisation with its units (ValidationError when the name is taken)."""
        with self.savepoint() as conn:
            return self.repo._insert_org(conn, org)

    def add_units(self, org_id: int, names: Iterable[str]) -> dict[str, int]:
        """Add units to an organisation; returns every unit of it by name."""
        with self.savepoint() as conn:
            conn.executemany("INSERT INTO units(organisation_id, name) VALUES (?, ?)",
                             [(org_id, n) for n in names])
            return {r[1]: int(r[0]) for r in conn.execute(
                "SELECT id, name FROM units WHERE organisation_id = ?", (org_id,))}

    def write_case(self, case: Case, record: str | None = None) -> int:
        """Insert (case.id None) or update a validated case; `record` names it in errors."""
        with self.savepoint() as conn:
            return self.repo._write_case(conn, case, record)

    def insert_contact(self, case_id: int, opened: date, contact: Contact, record: str | None = None) -> int:
        with self.savepoint() as conn:
            return self.repo._insert_contact(conn, case_id, opened, contact, record)

    def insert_activity(self, act: Activity, record: str | None = None) -> int:
        with self.savepoint() as conn:
            return self.repo._insert_activity(conn, act, record)

    def insert_request(self, req: Request, record: str | None = None) -> int:
        with self.savepoint() as conn:
            return self.repo._insert_request(conn, req, record)

    # -- demo data: generated rows, not validated (fast) ----------------------------------------
    def case_codes(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT code FROM cases")]

    def insert_case_row(self, row: tuple[str, int, str, str | None, str, str, str, str, int | None, str,
                                         str | None, str | None]) -> int:
        """(code, organisation id, opened, closed, role, behaviour, relation, follow-up, unit id, position,
        integrity kind, outcome)."""
        return int(self.conn.execute(
            "INSERT INTO cases(code, organisation_id, opened, closed, reporter_role, behaviour, "
            "accused_relation, follow_up, unit_id, position, integrity_kind, outcome) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", row).lastrowid)

    def insert_contact_rows(self, rows: Sequence[tuple[int, str, int, str, str, str]]) -> None:
        """(case id, date, minutes, channel, kind, notes) each."""
        self.conn.executemany("INSERT INTO contacts(case_id, date, minutes, channel, kind, notes) "
                              "VALUES (?,?,?,?,?,?)", rows)

    def insert_reminder_rows(self, rows: Sequence[tuple[int, str, str, str]]) -> None:
        """(case id, due, kind, source) each."""
        self.conn.executemany("INSERT INTO reminders(case_id, due, kind, source) VALUES (?,?,?,?)", rows)

    def insert_activity_rows(self, rows: Sequence[tuple[int, str, str, float]]) -> None:
        """(organisation id, date, kind, hours) each."""
        self.conn.executemany("INSERT INTO activities(organisation_id, date, kind, hours) VALUES (?,?,?,?)",
                              rows)

    def insert_request_rows(self, rows: Sequence[tuple[int, str, str, str, str | None, int]]) -> None:
        """(organisation id, date, kind, asker, topic, minutes) each."""
        self.conn.executemany("INSERT INTO requests(organisation_id, date, kind, asker, topic, minutes) "
                              "VALUES (?,?,?,?,?,?)", rows)

    # -- retention --------------------------------------------------------------------------------
    def case_states(self, case_ids: Iterable[int]) -> dict[int, tuple[str, str | None, str | None]]:
        """(code, closed, details_purged) of each case that exists."""
        out = {}
        for cid in case_ids:
            row = self.conn.execute("SELECT code, closed, details_purged FROM cases WHERE id = ?",
                                    (cid,)).fetchone()
            if row is not None:
                out[int(cid)] = (row[0], row[1], row[2])
        return out

    def draft_rows(self) -> list[tuple[str, str]]:
        """Every draft as (key, JSON text), unparsed (a damaged draft is still listed)."""
        return [(r[0], r[1]) for r in self.conn.execute("SELECT key, data FROM drafts")]

    def delete_drafts(self, keys: Iterable[str]) -> int:
        return sum(self.conn.execute("DELETE FROM drafts WHERE key = ?", (k,)).rowcount for k in keys)

    def purge_case_details(self, case_id: int, today: date,
                           reduce_decision: Callable[[str], str]) -> PurgedDetails:
        """Blank notes, answers and flags, reduce saved advice with `reduce_decision`, drop the
        reminders, and mark the case purged (the first time) as of `today`."""
        conn = self.conn
        conn.execute("PRAGMA secure_delete = ON")
        where = "case_id = ? AND (notes != '' OR checklist IS NOT NULL OR flagged != 0)"
        contacts = conn.execute(f"SELECT count(*) FROM contacts WHERE {where}", (case_id,)).fetchone()[0]
        conn.execute(f"UPDATE contacts SET notes = '', checklist = NULL, flagged = 0 WHERE {where}",
                     (case_id,))
        decisions = 0
        for did, data in conn.execute("SELECT id, data FROM decisions WHERE case_id = ?", (case_id,)).fetchall():
            new = reduce_decision(data)
            if new != data:
                conn.execute("UPDATE decisions SET data = ? WHERE id = ?", (new, did))
                decisions += 1
        reminders = conn.execute("DELETE FROM reminders WHERE case_id = ?", (case_id,)).rowcount
        conn.execute("UPDATE cases SET details_purged = ? WHERE id = ? AND details_purged IS NULL",
                     (today.isoformat(), case_id))
        return PurgedDetails(int(contacts), decisions, int(reminders))

    def delete_case_rows(self, case_id: int) -> int | None:
        """Remove a case and everything of it, and blank its audit history; returns how many
        contacts it had, or None when there is no such case."""
        conn = self.conn
        conn.execute("PRAGMA secure_delete = ON")
        if conn.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone() is None:
            return None
        contacts = conn.execute("SELECT count(*) FROM contacts WHERE case_id = ?", (case_id,)).fetchone()[0]
        # contacts, decisions, reminders and extra codes go with the case (ON DELETE CASCADE);
        # deleted explicitly as well so that a vault opened without foreign keys cannot keep them.
        for table in ("contacts", "decisions", "reminders", "case_extra_behaviours", "case_extra_follow_ups"):
            conn.execute(f"DELETE FROM {table} WHERE case_id = ?", (case_id,))
        conn.execute("DELETE FROM cases WHERE id = ?", (case_id,))
        self.repo.forget_case_history(conn, case_id)
        return int(contacts)
