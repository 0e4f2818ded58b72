"""Schema versions and ordered migrations.

Each step moves the schema one version up inside one transaction. Before the first step runs on an
existing vault, a copy of the (still encrypted) file is kept beside it as <vault>.pre-vN.bak.
A vault file of every released version lives in tests/fixtures and is upgraded by the tests.
"""
from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app import fsutil
from app.errors import VaultError
from app.store.files import key_path
from models.entities import LEGACY_ROLES

V1 = """
CREATE TABLE schema_version (version INTEGER NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created TEXT NOT NULL
);
CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    UNIQUE (organisation_id, name)
);
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    opened TEXT NOT NULL,
    closed TEXT,
    reporter_role TEXT NOT NULL,
    behaviour TEXT NOT NULL,
    accused_relation TEXT NOT NULL,
    follow_up TEXT NOT NULL,
    unit_id INTEGER REFERENCES units(id),
    CHECK (closed IS NULL OR closed >= opened)
);
CREATE INDEX cases_org_opened ON cases(organisation_id, opened);
CREATE TABLE case_extra_behaviours (
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    PRIMARY KEY (case_id, code)
);
CREATE TABLE case_extra_follow_ups (
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    PRIMARY KEY (case_id, code)
);
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes >= 0),
    channel TEXT NOT NULL,
    kind TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contacts_case ON contacts(case_id, date);
CREATE TABLE activities (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    date TEXT NOT NULL,
    kind TEXT NOT NULL,
    hours REAL NOT NULL CHECK (hours >= 0)
);
CREATE INDEX activities_org_date ON activities(organisation_id, date);
"""

V2 = """
ALTER TABLE contacts ADD COLUMN checklist TEXT;
ALTER TABLE contacts ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN details_purged TEXT;
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    created TEXT NOT NULL,
    tree_version TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE reminders (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    due TEXT NOT NULL,
    kind TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    done INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX reminders_due ON reminders(done, due);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    object TEXT NOT NULL DEFAULT ''
);
CREATE TABLE drafts (key TEXT PRIMARY KEY, data TEXT NOT NULL, saved TEXT NOT NULL);
CREATE TABLE report_texts (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (organisation_id, year)
);
CREATE TABLE published_reports (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    created TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (organisation_id, year)
);
"""


# The publication ledger: every release of figures (organisation or all organisations, each version,
# each file format, .vstat too), with the published figures only. organisation_id is NULL for the
# all-organisations report and has no foreign key: figures given out stay recorded when their
# organisation is deleted, because they are still out there.
V3 = """
CREATE TABLE publications (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER,
    organisation TEXT NOT NULL,
    year INTEGER NOT NULL,
    kind TEXT NOT NULL,
    created TEXT NOT NULL,
    figures TEXT NOT NULL
);
CREATE INDEX publications_year ON publications(year, organisation_id);
"""


def _v3(conn) -> None:
    """The ledger, seeded with every report version recorded so far (latest and superseded)."""
    import json

    _script(V3)(conn)
    rows = conn.execute("SELECT p.organisation_id, o.name, p.year, p.created, p.data FROM published_reports p "
                        "JOIN organisations o ON o.id = p.organisation_id").fetchall()
    for org_id, name, year, created, data in rows:
        try:
            rep = json.loads(data)
        except ValueError:
            continue
        versions = [v for v in reversed(rep.get("superseded") or []) if isinstance(v, dict)] + [rep]
        for v in versions:
            figures = {"threshold": v.get("threshold"), "totals": v.get("totals"), "tables": v.get("tables")}
            conn.execute("INSERT INTO publications(organisation_id, organisation, year, kind, created, figures) "
                         "VALUES (?,?,?,?,?,?)", (org_id, name, year, "report", created,
                                                  json.dumps(figures, ensure_ascii=False)))


# A covering index for the per-case sums of the case list and the reports: count, minutes and the last
# date of a case's contacts are read from the index alone. It replaces contacts_case (its prefix).
# cases_opened: a year of the case list is a range of it, already in the list's order.
V4 = """
CREATE INDEX contacts_case_date_minutes ON contacts(case_id, date, minutes);
DROP INDEX contacts_case;
CREATE INDEX cases_opened ON cases(opened, code);
"""


# Requests for information or advice, counted apart from cases (issue 13, part of schema 5). No free text: kind, who
# asked (a position, never a person), an optional behaviour code as topic, and the minutes spent.
REQUESTS = """
CREATE TABLE requests (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    date TEXT NOT NULL,
    kind TEXT NOT NULL,
    asker TEXT NOT NULL,
    topic TEXT,
    minutes INTEGER NOT NULL CHECK (minutes >= 0)
);
CREATE INDEX requests_org_date ON requests(organisation_id, date);
"""


# Schema 5 (issue 13): the person's position apart from their role in the case, the integrity subtype,
# the outcome (afloop) and the organisation's sector. Old reporter_role values are split by the one
# mapping in models.entities (LEGACY_ROLES), which the interchange reader and the spreadsheet import use too.
V5 = """
ALTER TABLE cases ADD COLUMN position TEXT NOT NULL DEFAULT 'onbekend';
ALTER TABLE cases ADD COLUMN integrity_kind TEXT;
ALTER TABLE cases ADD COLUMN outcome TEXT;
ALTER TABLE organisations ADD COLUMN sector TEXT NOT NULL DEFAULT 'algemeen'
"""


def _v5(conn) -> None:
    import json

    _script(V5)(conn)
    _script(REQUESTS)(conn)
    for old, (position, role) in LEGACY_ROLES.items():
        conn.execute("UPDATE cases SET position = ?, reporter_role = ? WHERE reporter_role = ?",
                     (position, role, old))
    # the intake's one item "reporter_role" became two: "position" and "case_role" (same mapping)
    rows = conn.execute("SELECT id, checklist FROM contacts WHERE checklist LIKE '%\"reporter_role\"%'").fetchall()
    for cid, text in rows:
        try:
            stored = json.loads(text)
        except ValueError:
            continue
        if _split_intake_role(stored):
            conn.execute("UPDATE contacts SET checklist = ? WHERE id = ?",
                         (json.dumps(stored, ensure_ascii=False), cid))


def _split_intake_role(stored: object) -> bool:
    """Rewrite an intake answer of the old mixed role as the position and the role; True if changed."""
    if not isinstance(stored, dict) or stored.get("template") != "intake" or \
            not isinstance(stored.get("answers"), dict):
        return False
    answers = stored["answers"]
    old = answers.get("reporter_role")
    if old not in LEGACY_ROLES:
        return False
    position, role = LEGACY_ROLES[old]
    answers.setdefault("position", position)
    answers.setdefault("case_role", role)
    del answers["reporter_role"]
    return True


def _script(sql: str) -> Callable:
    def step(conn) -> None:
        for stmt in sql.split(";"):
            if stmt.strip():
                conn.execute(stmt)
    return step


def _v2(conn) -> None:
    _script(V2)(conn)
    key = Ed25519PrivateKey.generate().private_bytes_raw()
    conn.execute("INSERT OR REPLACE INTO settings(key, value) VALUES ('signing_key', ?)", (key.hex(),))


MIGRATIONS: list[tuple[int, Callable]] = [
    (1, _script(V1)),
    (2, _v2),
    (3, _v3),
    (4, _script(V4)),
    (5, _v5),   # position, integrity kind, outcome, sector, requests
]
LATEST = MIGRATIONS[-1][0]


def current_version(conn) -> int:
    row = conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name='schema_version'").fetchone()
    if not row:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn, db_path: Path | None, target: int | None = None) -> list[int]:
    """Bring the schema up to `target` (default: latest). Returns the versions applied."""
    target = LATEST if target is None else target
    version = current_version(conn)
    if version > LATEST:
        raise VaultError("migrate.newer_schema", version=version)
    steps = [(v, fn) for v, fn in MIGRATIONS if version < v <= target]
    if not steps:
        return []
    if db_path is not None and version > 0:
        keep = db_path.with_name(f"{db_path.name}.pre-v{steps[-1][0]}.bak")
        tmp = keep.with_name(keep.name + ".tmp")
        shutil.copyfile(db_path, tmp)
        fsutil.replace_file(tmp, keep)
        if key_path(db_path).exists():
            fsutil.write_bytes_atomic(key_path(keep), key_path(db_path).read_bytes())  # 0600
    applied = []
    for v, fn in steps:
        conn.execute("BEGIN IMMEDIATE")
        try:
            fn(conn)
            conn.execute("DELETE FROM schema_version")
            conn.execute("INSERT INTO schema_version(version) VALUES (?)", (v,))
            if v >= 2:
                conn.execute("INSERT INTO audit_log(at, action, object) VALUES (?, 'migratie', ?)",
                             (datetime.now(UTC).isoformat(timespec="seconds"), f"schema {v}"))
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        applied.append(v)
    return applied
