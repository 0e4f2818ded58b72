"""The annual report: protected figures as JSON, CSV and PDF, and the signed .vstat export.

Flow: what the adviser or the command line gave becomes one ``ReportRequest`` (``resolve``: the
organisation's name matched once, by the one rule of ``models.entities.organisation_key``, the year
checked against the program's one range, the threshold taken from the settings when not given) ->
``app.reporting.aggregate`` computes the true figures of the year -> ``disclosure.protect`` hides what
could point at a person, over ALL tables of the report at once -> the audit must pass -> the same
published figures go into every output (JSON, CSV, PDF, .vstat) and are recorded in the vault with
``save_published_report`` so next year's report can compare with them.

Report JSON (format ``vertrouwd-report/1``)::

    {"format": "vertrouwd-report/1", "organisation": str, "year": int, "threshold": int,
     "method": str, "totals": {"cases": int, "contacts": int, "hours": number},
     "tables": [{"id", "unit", "rows", "cols", "cells", "row_totals", "col_totals", "total"}]}

``unit`` is cases | contacts | activities | requests | hours. Requests for information or advice are
not cases: a year with requests has ``totals.requests`` and the tables ``request_kind`` and
``request_asker`` (unit requests), and their hours are the row ``vragen`` of the hours table. One-way tables have ``cols: null`` and one cell
per row. A hidden figure is ``null``. Tables of one unit share one population and total: every
case table counts the cases of the year (see ``app.reporting.aggregate``) and totals to ``totals.cases``;
the channel table totals to ``totals.contacts``; the hours table (case work + each kind of
activity) totals to ``totals.hours``. When a unit has fewer than k items (but more than 0), its
tables are left out and only the total is given: a table whose total is below k cannot hide a
small cell.

CSV: one long table, UTF-8 **with** a byte-order mark so that Excel (also the Dutch one) shows
accented labels correctly; comma-separated; values use a dot as decimal sign (machine-readable,
the same in both languages); an empty value means "not shown". Columns:
``table,unit,row,col,value,row_label,col_label``. ``col`` is empty in one-way tables; a row total
has an empty ``col``, a column total an empty ``row``, the table total both empty. Lines of table
``levels`` say per variable at which level it is shown (``row``: the vocabulary, ``value``: detailed or
coarse, ``row_label``: the sentence; see app.reporting.recode). The last lines (table ``totals``)
repeat the report's totals.

``levels`` in the JSON: {vocabulary: "detailed" | "coarse"} for every variable with a coarse level.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from app import fsutil
from app.errors import UserError
from app.privacy.guard import kind_phrases as privacy_kinds
from app.reporting import disclosure, ledger, recode
from app.reporting.aggregate import (
    CASE_WORK,
    ORIGIN_CARRIED,
    REQUEST_WORK,
    STATUS_OPEN,
    TABLE_ORDER,
    Aggregation,
    aggregate_year,
    check_year,
    same_figures,
    slug,
    upgrade_release,
)
from app.reporting.content import (  # noqa: F401 (part of this module's interface)
    CSV_HEADER,
    LANGS,
    Prepared,
    code_label,
    report_csv,
    report_json,
    report_texts,
    table_title,
    texts,
)
from app.texts import Phrase

if TYPE_CHECKING:
    from app.store.repository import Repository

REPORT_FORMAT = "vertrouwd-report/1"
DEFAULT_THRESHOLD = 5
FORMATS = ("pdf", "csv", "json", "xlsx", "csv-excel")   # xlsx, csv-excel: app.reporting.excel
TREND_YEARS = 5
PREVENTION = "preventie"   # hours table without its activities twin: all preventive work together


# -- what a report is about ---------------------------------------------------------------------
@dataclass(frozen=True)
class ReportRequest:
    """One report: the organisation (its id; None for all), the calendar year, the threshold k and
    the language. Made once from what the adviser or the command line gave (see ``resolve``); the
    values are checked here, so every request that exists is a valid one."""

    organisation_id: int | None
    year: int
    threshold: int
    language: str = "nl"
    recode: bool = True   # False: every variable at its detailed level (app.reporting.recode)

    def __post_init__(self) -> None:
        texts(self.language)
        check_year(self.year)
        check_threshold(self.threshold)


def resolve(repo: Repository, organisation: str | None, year: int, threshold: int | None = None,
            lang: str = "nl", *, recode: bool = True) -> ReportRequest:
    """The request for what was typed or chosen: the organisation's name (None: all organisations)
    matched by the one rule (``models.entities.organisation_key``), the threshold from the vault's
    settings when none is given."""
    texts(lang)   # an unknown language fails before any work
    check_year(year)
    k = resolve_threshold(repo, threshold)
    org_id = None if organisation is None else repo.organisation(organisation).id
    return ReportRequest(org_id, year, k, lang, recode)


def organisation_name(repo: Repository, org_id: int | None) -> str | None:
    """The stored name of the organisation ``org_id`` (None for all organisations)."""
    if org_id is None:
        return None
    for o in repo.list_organisations():
        if o.id == org_id:
            return o.name
    raise UserError("report.organisation_gone")


# -- building ---------------------------------------------------------------------------------
def resolve_threshold(repo: Repository, threshold: int | None) -> int:
    """The threshold k: the argument, else the vault setting ``report_threshold``, else 5."""
    if threshold is None:
        raw = repo.get_setting("report_threshold")
        try:
            threshold = int(raw) if raw not in (None, "") else DEFAULT_THRESHOLD
        except ValueError:
            raise UserError("report.stored_threshold_not_whole", raw=raw) from None
    return check_threshold(threshold)


def check_threshold(threshold: object) -> int:
    """``threshold`` when it is a whole number from 3 to 50, else a UserError saying why."""
    if isinstance(threshold, bool) or not isinstance(threshold, int):
        raise UserError("report.threshold_not_whole")
    if threshold < disclosure.MIN_K:
        raise UserError("report.threshold_too_low", threshold=threshold, min_k=disclosure.MIN_K,
                        default_threshold=DEFAULT_THRESHOLD)
    if threshold > 50:
        raise UserError("report.threshold_too_high", threshold=threshold)
    return threshold


def _year_link(prev_tables: list[dict] | None, tables: list) -> tuple[set, tuple | None]:
    """Last year's cases still open at its end are this year's carried-over cases: the same number.

    When last year hid that figure, this year must hide it too (else last year's hidden cell is
    worked back from it). Returns the positions to force hidden and the link for the joint audit.
    """
    if not prev_tables:
        return set(), None
    status = next((t for t in prev_tables if t.get("id") == "status"), None)
    origin = next((t for t in tables if t.id == "origin"), None)
    if status is None or origin is None or STATUS_OPEN not in status.get("rows", []) \
            or ORIGIN_CARRIED not in origin.rows:
        return set(), None
    r_open = status["rows"].index(STATUS_OPEN)
    r_over = origin.rows.index(ORIGIN_CARRIED)
    force = {("origin", r_over, 0)} if status["cells"][r_open][0] is None else set()
    return force, (r_open, r_over)


def _joint_audit(protection, prev_tables: list[dict], link: tuple[int, int], k: int) -> None:
    """Attack this year's and last year's published tables together, with the carried-over link.

    Problems that last year's tables had on their own are not new; any other problem refuses export.
    """
    renamed = _apart(prev_tables, "vorig_jaar")
    r_open, r_over = link
    eq = ({("vorig_jaar/status", r_open, 0): 1.0, ("origin", r_over, 0): -1.0}, 0.0)
    try:
        joint = disclosure.audit(protection.tables + renamed, protection.k, extra_equations=[eq])
        alone = disclosure.audit(renamed, protection.k)
    except ValueError:
        return  # last year's figures contradict this year's (data changed since): no joint system
    new = [p for p in joint.problems if p not in set(alone.problems)]
    if new:
        protection.audit = disclosure.AuditResult(ok=False, intervals=joint.intervals, problems=new,
                                                  warnings=joint.warnings)


def _apart(tables: list[dict], prefix: str) -> list[dict]:
    """Another publication's tables renamed for a joint audit. Their unit is renamed too, so the
    audit does not take a table of the other publication to be the same figures as one of this
    report just because the totals happen to match; links between them are stated explicitly."""
    return [dict(t, id=f"{prefix}/{t['id']}", unit=f"{t['unit']}@{prefix}") for t in tables]


def _protect(tables, k: int, prev_tables, force: set) -> disclosure.Protection:
    """Protect with last year's link (and extra forced figures); the joint audit with last year.

    Two figures that are one number (aggregate.SAME_FIGURES) are hidden together: when protection hides one,
    it runs again with the other forced hidden; the result is audited with their equations.
    No category is merged into "overig": only categories of 1..k-1 cases were ever merged, so a
    merged category (named or missing from the printed rows) was known to be small and not zero,
    and "overig = 8" beside two merged ones pinned both at 4 (issue 12, item 3)."""
    year_force, link = _year_link(prev_tables, tables)
    same = same_figures([{"id": t.id, "rows": t.rows, "cols": t.cols} for t in tables])
    pairs = [[(tid, r, c) for tid, r, c in eq if r >= 0] for eq, _rhs in same]
    forced = set(force) | year_force
    for _round in range(len(same) + 2):
        protection = (disclosure.protect(tables, k, previous=prev_tables, force_hidden=forced, merge=False)
                      if tables else _empty(k))
        hidden = {(t["id"], r, c) for t in protection.tables for r, row in enumerate(t["cells"])
                  for c, v in enumerate(row) if v is None}
        more = {pos for pair in pairs if any(p in hidden for p in pair) for pos in pair if pos not in hidden}
        if not more - forced:
            break
        forced |= more
    if same and protection.audit.ok:
        _audit_same(protection, same, k)
    if link is not None and protection.audit.ok:
        _joint_audit(protection, prev_tables, link, k)
    return protection


def _audit_same(protection, equations: list, k: int) -> None:
    """The report's tables attacked with the same-figure equations too; any problem refuses export."""
    linked = disclosure.audit(protection.tables, k, extra_equations=equations,
                              required=protection.required or None)
    if not linked.ok:
        protection.audit = linked


def _without_twin(tb):
    """An hours table whose count twin is left out: only case work, all prevention together (and
    requests), since hours per kind of activity would show the kinds the dropped counts hid."""
    own = {code: r[0] for r, code in zip(tb.cells, tb.rows, strict=True) if code in (CASE_WORK, REQUEST_WORK)}
    rest = round(sum(r[0] for r, code in zip(tb.cells, tb.rows, strict=True) if code not in own), 2)
    rows = [CASE_WORK, PREVENTION] + ([REQUEST_WORK] if REQUEST_WORK in own else [])
    cells = [[own.get(CASE_WORK, 0.0)], [rest]] + ([[own[REQUEST_WORK]]] if REQUEST_WORK in own else [])
    return replace(tb, rows=rows, cells=cells, twin=None)


def _drop_unsafe(tables: list, protection, k: int, prev_tables) -> tuple[list, disclosure.Protection, list[str]]:
    """Leave out the breakdowns that cannot be protected (a 5-case organisation cannot show a
    sensitive category that needs 7), one round at a time, until the rest passes the audit. The
    totals always stay; the report says which tables were left out and why (issue 12, item 6)."""
    dropped: list[str] = []
    while not protection.audit.ok:
        bad = _named_tables(protection.audit, tables)
        if not bad:
            break
        dropped += bad
        tables = [tb for tb in tables if tb.id not in bad]
        ids = {tb.id for tb in tables}
        tables = [_without_twin(tb) if tb.twin is not None and tb.twin not in ids else tb for tb in tables]
        protection = _protect(tables, k, prev_tables, set())
    return tables, protection, dropped


def prepare(repo: Repository, request: ReportRequest, *, republish: bool = False) -> Prepared:
    """Aggregate, protect and audit one year's report. Does not check the audit (see
    ``require_publishable``).

    When this organisation's year was published before with other figures, the result is marked
    ``republish_needed`` (export refuses), unless ``republish``: then every figure hidden in an
    earlier version stays hidden and the new version is audited together with the earlier ones.
    """
    org_id, year, k, lang = request.organisation_id, request.year, request.threshold, request.language
    name = organisation_name(repo, org_id)
    agg = aggregate_year(repo, org_id, year, k=k)
    notes, tables = _publishable(agg, k)
    history = _history(repo, org_id, year)
    prev = history.get(year - 1)
    prev_tables = prev["tables"] if prev and prev.get("tables") else None
    earlier, levels = _versions_and_levels(repo, request, tables, prev_tables)
    agg = replace(agg, tables=recode.recode(agg.tables, levels))
    tables = recode.recode(tables, levels)
    try:
        protection = _protect(tables, k, prev_tables, set())
    except ValueError:
        if prev_tables is None:
            raise
        # last year's stored figures are unreadable for the audit: protect without them
        notes.append("previous_unusable")
        prev_tables = None
        protection = disclosure.protect(tables, k, merge=False)
    tables, protection, unsafe = _drop_unsafe(tables, protection, k, prev_tables)
    if unsafe:
        notes.append("breakdown_unsafe")
    tables, protection, scope = _other_scopes(repo, tables, protection, k, prev_tables, set(), org_id, year)
    report = _report_dict(protection, agg, name, year, k, lang, levels)
    republish_needed = republished = False
    if earlier and _figures(report) != _figures(earlier[0]):
        if not republish:
            republish_needed = True
        else:
            republished = True
            force = _hidden_keys(earlier) | _next_year_force(repo, org_id, year) | scope.force
            tables, protection, scope = _republish_with_scopes(tables, k, prev_tables, force, earlier, agg, repo,
                                                               org_id, year)
            report = _report_dict(protection, agg, name, year, k, lang, levels)
            notes.append("republished")
    if scope.dropped and "breakdown_unsafe" not in notes:
        notes.append("breakdown_unsafe")
    return Prepared(report=report, protection=protection, aggregation=agg, organisation=name,
                    org_id=org_id, lang=lang, notes=notes, history=history, earlier=earlier,
                    republish_needed=republish_needed, republished=republished,
                    constrained_by=scope.names)


def _versions_and_levels(repo, request: ReportRequest, tables: list, prev_tables
                         ) -> tuple[list[dict], dict[str, str]]:
    """The versions of this release given out before (newest first) and the levels to show."""
    org_id, year = request.organisation_id, request.year
    earlier = _earlier_versions(repo, org_id, year)
    if not request.recode and not earlier:
        return earlier, recode.all_at(recode.DETAILED)
    return earlier, _levels(tables, request.threshold, prev_tables, org_id, earlier)


def _levels(tables: list, k: int, prev_tables, org_id: int | None, earlier: list[dict]) -> dict[str, str]:
    """The level of every variable with a coarse level (app.reporting.recode): an earlier version's
    levels when this scope and year was released before (one level in every release), the coarse
    level for the all-organisations report, else the level that publishes most."""
    if earlier:
        shown: dict[str, str] = {}
        for t in earlier[0]["tables"]:
            shown.update(recode.level_of(t))
        stored = earlier[0].get("levels")
        shown.update(stored if isinstance(stored, dict) else {})
        return {n: shown.get(n, lvl) for n, lvl in recode.all_at(recode.DETAILED).items()}
    if org_id is None:
        return recode.all_at(recode.COARSE)

    def published(levels: dict[str, str]) -> list[dict]:
        trial = recode.recode(tables, levels)
        try:
            protection = _protect(trial, k, prev_tables, set())
        except ValueError:
            protection = disclosure.protect(trial, k, merge=False)
        return _drop_unsafe(trial, protection, k, prev_tables)[1].tables

    return recode.choose(published)


def _publishable(agg: Aggregation, k: int) -> tuple[list[str], list]:
    """The notes and the tables that may be published: a unit with fewer than k items (but more
    than 0) keeps only its total."""
    notes = list(agg.notes)
    act = agg.table("activities")
    unit_totals = {"cases": agg.totals["cases"], "contacts": agg.totals["contacts"],
                   "activities": sum(r[0] for r in act.cells) if act else 0,
                   "requests": agg.totals.get("requests", 0)}
    for unit, total in unit_totals.items():
        if 0 < total < k:
            notes.append(f"too_few_{unit}")
    dropped = {n[len("too_few_"):] for n in notes if n.startswith("too_few_")}
    tables = [tb for tb in agg.tables if tb.unit not in dropped]
    ids = {tb.id for tb in tables}
    tables = [_without_twin(tb) if tb.twin is not None and tb.twin not in ids else tb for tb in tables]
    if "cases" in dropped:
        notes = [n for n in notes if n not in ("unit_omitted", "half_year_omitted")]
    return notes, tables


def _history(repo, org_id: int | None, year: int) -> dict[int, dict]:
    """The reports published for the TREND_YEARS years before ``year`` (none for all organisations)."""
    history: dict[int, dict] = {}
    if org_id is not None:
        for y in range(year - TREND_YEARS, year):
            rep = repo.published_report(org_id, y)
            if rep and rep.get("format") == REPORT_FORMAT:
                history[y] = upgrade_release(rep)
    return history


def _republish(tables: list, k: int, prev_tables, force: set, earlier: list[dict], agg: Aggregation, repo,
               org_id: int | None, year: int) -> tuple[disclosure.Protection, set]:
    """A new version: hides what the earlier versions hid, is audited with them and with next year,
    and hides more until the change between the versions no longer shows what a changed case was
    about. When that cannot be reached, the audit fails with the attributes that would show.
    Returns the protection and every figure it had to hide (to keep them hidden in later rounds)."""
    revealed: list = []
    for _round in range(6):
        protection = _protect(tables, k, prev_tables, force)
        if not protection.audit.ok:
            return protection, force
        _versions_audit(protection, earlier, agg, k)
        _next_year_audit(protection, repo, org_id, year, k)
        if not protection.audit.ok:
            more = _printed_nonzero(protection.tables, _linked_ids(_named_tables(protection.audit, tables)))
            if more <= force:
                return protection, force
            force = force | more   # the versions side by side narrow a figure: hide its table's figures
            continue
        revealed = _changed_case_shows(protection, earlier, agg.totals)
        if not revealed or set(revealed) <= force:
            break
        force = force | set(revealed)
    if revealed:
        what = ", ".join(f"{tid} {row}" + (f" x {col}" if col else "") for tid, row, col in revealed)
        protection.audit = disclosure.AuditResult(
            False, protection.audit.intervals,
            [f"the difference with the version given out before shows what a changed case was about ({what})"])
    return protection, force


def _linked_ids(ids: list[str]) -> list[str]:
    """The tables that share a variable with these (a two-way table's margins are one-way tables)."""
    from app.reporting.aggregate import TABLE_VOCABS
    names = {n for tid in ids for n in TABLE_VOCABS.get(tid, ()) if n}
    return sorted(set(ids) | {tid for tid, vs in TABLE_VOCABS.items() if names & {v for v in vs if v}})


def _republish_with_scopes(tables: list, k: int, prev_tables, force: set, earlier: list[dict], agg: Aggregation,
                           repo, org_id: int | None, year: int) -> tuple[list, disclosure.Protection, _Scopes]:
    """A new version that is safe beside the earlier versions AND the same year's other releases:
    when those make it hide more or leave tables out, the version check runs again on what is left
    (a table left out beside the earlier version must not let the change show the changed case)."""
    for _round in range(4):
        protection, force = _republish(tables, k, prev_tables, force, earlier, agg, repo, org_id, year)
        kept, protection, scope = _other_scopes(repo, tables, protection, k, prev_tables, force, org_id, year)
        if not protection.audit.ok or (len(kept) == len(tables) and scope.force <= force):
            return kept, protection, scope
        revealed = _changed_case_shows(protection, earlier, agg.totals)
        if not revealed:
            return kept, protection, scope
        tables, force = kept, force | scope.force
    what = ", ".join(f"{tid} {row}" + (f" x {col}" if col else "") for tid, row, col in revealed)
    protection.audit = disclosure.AuditResult(
        False, protection.audit.intervals,
        [f"the difference with the version given out before shows what a changed case was about ({what})"])
    return kept, protection, scope


def _printed_nonzero(tables: list[dict], ids: list[str]) -> set[tuple]:
    """Code keys of the non-zero figures these tables print (to hide them in the next round)."""
    keys = set()
    for t in tables:
        if t["id"] in ids:
            cols = t.get("cols")
            keys.update((t["id"], t["rows"][r], None if cols is None else cols[c])
                        for r, line in enumerate(t["cells"]) for c, v in enumerate(line) if v)
    return keys


def _changed_case_shows(protection, earlier: list[dict], totals: dict) -> list[tuple]:
    """Attributes of a changed case (or contact, or request) that this version beside any earlier one
    pins down."""
    out: set[tuple] = set()
    for v in earlier:
        before = v.get("totals") or {}
        for unit in ("cases", "contacts", "requests"):
            # a report without a requests total had none (the total is left out when it is 0)
            default = 0 if unit == "requests" else totals[unit]
            now, then = int(totals.get(unit, default)), int(before.get(unit, default))
            out.update(ledger.changed_case_revealed(protection.tables, v["tables"], max(now - then, 0),
                                                    max(then - now, 0), unit))
    return sorted(out)


@dataclass
class _Scopes:
    """What the same year's other releases did to this one (see ``_other_scopes``)."""

    names: list[str] = field(default_factory=list)   # the releases it was audited with (shown to the adviser)
    force: set = field(default_factory=set)          # figures hidden because they hide them
    dropped: list[str] = field(default_factory=list)  # tables left out to stay safe beside them


def _other_scopes(repo, tables: list, protection, k: int, prev_tables, force: set, org_id: int | None,
                  year: int) -> tuple[list, disclosure.Protection, _Scopes]:
    """Audit this report with the releases it shares cases with (``ledger.linked``: the same year's
    other scopes - the all-organisations report is the sum of the organisation reports - and the
    neighbouring years, linked by the carried-over cases). When they narrow a hidden figure, first
    hide what they hide; when that is not enough, leave out breakdowns until it is (the totals
    always stay)."""
    scope = _Scopes()
    if not protection.audit.ok:
        return tables, protection, scope
    rels = ledger.releases(repo, [year - 1, year, year + 1])
    others, groups, scope.names, figures = ledger.linked(rels, org_id, year, protection.tables)
    if not others:
        return tables, protection, scope
    joint = ledger.joint_audit(protection.tables, others, groups, k)
    if not joint.ok:
        scope.force = _hidden_keys(figures) | _hidden_at_my_level(figures, tables)
        protection = _protect(tables, k, prev_tables, force | scope.force)
    while protection.audit.ok:
        others, groups, _names, _figures = ledger.linked(rels, org_id, year, protection.tables)
        joint = ledger.joint_audit(protection.tables, others, groups, k)
        if joint.ok:
            break
        bad = _named_tables(joint, tables)
        if not bad:
            protection.audit = joint
            break
        scope.dropped += bad
        tables = [tb for tb in tables if tb.id not in bad]
        ids = {tb.id for tb in tables}
        tables = [_without_twin(tb) if tb.twin is not None and tb.twin not in ids else tb for tb in tables]
        protection = _protect(tables, k, prev_tables, force | scope.force)
    return tables, protection, scope


def _hidden_at_my_level(figures: list[dict], tables: list) -> set[tuple]:
    """Code keys, at this report's levels, of the figures other releases hid: a hidden detailed
    figure hides its group here, a hidden group hides its members (a release at another level)."""
    from app.reporting.aggregate import TABLE_VOCABS
    mine = {t.id: t for t in tables}
    out: set[tuple] = set()
    for f in figures:
        for t in f.get("tables") or []:
            me = mine.get(t.get("id"))
            if me is None:
                continue
            rv, cv = TABLE_VOCABS.get(me.id, (None, None))
            for tid, r, c in _hidden_keys([{"tables": [t]}]):
                out.update((tid, a, b) for a in _codes_at(r, t["rows"], me.rows, rv)
                           for b in _codes_at(c, t.get("cols"), me.cols, cv))
    return out


def _codes_at(code: str | None, theirs: list[str] | None, mine: list[str] | None, vocab: str | None) -> list:
    """The codes of ``mine`` that hold what ``code`` of another release's axis ``theirs`` holds."""
    if code is None or not mine or not theirs or code in mine:
        return [code]
    group = recode.group_map(theirs, vocab).get(code, code)
    mapped = recode.group_map(mine, vocab)
    return [m for m in mine if mapped[m] == group]


def _named_tables(result: disclosure.AuditResult, tables: list) -> list[str]:
    """This report's tables that an audit's problems name (other releases' names carry a prefix)."""
    ids = {tb.id for tb in tables}
    out: list[str] = []
    for problem in result.problems:
        parts = problem.split("/", 2)
        tid = next((p for p in parts[:2] if p in ids), None)  # "behaviour/..." or "org3/behaviour/..."
        if tid is not None and tid not in out:
            out.append(tid)
    return out


def _report_dict(protection, agg: Aggregation, name: str | None, year: int, k: int, lang: str,
                 levels: dict[str, str]) -> dict:
    t = texts(lang)
    published = {p["id"]: p for p in protection.tables}
    ordered = [published[tid] for tid in TABLE_ORDER if tid in published]
    ordered += [p for tid, p in published.items() if tid not in TABLE_ORDER]
    totals = {"cases": int(agg.totals["cases"]), "contacts": int(agg.totals["contacts"]),
              "hours": _hours(agg.totals["hours"])}
    if agg.totals.get("requests"):   # counted apart from cases; absent in a year without requests
        totals["requests"] = int(agg.totals["requests"])
    return {"format": REPORT_FORMAT,
            "organisation": name if name is not None else t["all_organisations"],
            "year": year, "threshold": k, "method": disclosure.method_text(lang, k),
            "totals": totals, "levels": dict(levels),
            "tables": [_clean_table(p) for p in ordered]}


# -- publishing a year again --------------------------------------------------------------------
# Two versions of one year (another threshold, a late case, a case removed) can be laid side by
# side: a figure hidden in one but printed in the other is simply read there, and differences
# between the versions narrow hidden figures. So a second version is refused unless asked for
# (republish), and then it hides everything any earlier version hid and is audited together with
# every earlier version. The vault keeps the earlier versions' published figures ("superseded").

def _figures(rep: dict) -> str:
    """What a reader can compare between two versions: the tables and the totals."""
    return json.dumps([rep.get("tables"), rep.get("totals")], sort_keys=True)


def _earlier_versions(repo, org_id: int | None, year: int) -> list[dict]:
    """Versions of this year given out before, newest first ([] when never). The all-organisations
    report's versions come from the publication ledger."""
    if org_id is None:
        return ledger.versions(ledger.releases(repo, [year]), ledger.ALL, year)
    stored = repo.published_report(org_id, year)
    if not stored or stored.get("format") != REPORT_FORMAT or not isinstance(stored.get("tables"), list):
        return []
    out = [stored] + [v for v in stored.get("superseded", []) if isinstance(v.get("tables"), list)]
    return [upgrade_release(v) for v in out]


def _stored_version(prep: Prepared) -> dict:
    """The report as recorded in the vault: with the earlier versions' figures when it replaces them."""
    if not prep.earlier or _figures(prep.report) == _figures(prep.earlier[0]):
        if prep.earlier and prep.earlier[0].get("superseded"):
            return dict(prep.report, superseded=prep.earlier[0]["superseded"])
        return prep.report
    older = [{"threshold": v.get("threshold"), "totals": v.get("totals"), "tables": v["tables"]}
             for v in prep.earlier]
    return dict(prep.report, superseded=older)


def _hidden_keys(versions: list[dict]) -> set[tuple]:
    """Code keys (table, row code, col code) of every figure hidden in any of the versions."""
    keys: set[tuple] = set()
    for v in versions:
        for t in v["tables"]:
            rows, cols = t["rows"], t.get("cols")
            for r, row in enumerate(t["cells"]):
                for c, val in enumerate(row):
                    if val is None:
                        keys.add((t["id"], rows[r], None if cols is None else cols[c]))
            if cols is not None:
                for r, val in enumerate(t.get("row_totals") or []):
                    if val is None:
                        keys.add((t["id"], rows[r], None))
                for c, val in enumerate(t.get("col_totals") or []):
                    if val is None:
                        keys.add((t["id"], None, cols[c]))
    return keys


def _blocks(codes: list[str], full: list[str]) -> dict[str, set[str]] | None:
    """Which true categories each printed row holds ("overig" also holds the merged-away ones);
    None when the rows do not fit today's categories (another vocabulary: no link is made)."""
    if not set(codes) - {disclosure.MERGED_CODE} <= set(full):
        return None
    missing = set(full) - set(codes)
    if missing and disclosure.MERGED_CODE not in codes:
        return None
    return {c: ({c} | missing if c == disclosure.MERGED_CODE else {c}) for c in codes}


def _components(a: dict[str, set[str]], b: dict[str, set[str]]) -> list[tuple[list[int], list[int]]]:
    """Groups of rows of version a and of version b that hold the same true categories."""
    ia, ib = list(a), list(b)
    groups: list[tuple[set[str], set[int], set[int]]] = []
    for side, names in ((0, ia), (1, ib)):
        for i, name in enumerate(names):
            cats = (a if side == 0 else b)[name]
            hit = [g for g in groups if g[0] & cats]
            merged = (set(cats), {i} if side == 0 else set(), {i} if side == 1 else set())
            for g in hit:
                merged[0].update(g[0])
                merged[1].update(g[1])
                merged[2].update(g[2])
                groups.remove(g)
            groups.append(merged)
    return [(sorted(g[1]), sorted(g[2])) for g in groups if g[1] and g[2]]


def _version_equations(new: list[dict], old: list[dict], prefix: str, agg: Aggregation
                       ) -> list[tuple[dict, float, bool]]:
    """The attacker's guess "nothing changed": for every group of categories, the old version's
    figures add up to the new one's. Returns (coefficients, rhs, verified): verified when the old
    figures were all printed and equal the new true sum (a guess known to hold); groups whose
    printed figures show a change are left out."""
    out = []
    old_by_id = {t["id"]: t for t in old}
    for t in new:
        o, truth = old_by_id.get(t["id"]), agg.table(t["id"])
        if o is None or truth is None or (o.get("cols") is None) != (t.get("cols") is None):
            continue
        rb_new, rb_old = _blocks(t["rows"], truth.rows), _blocks(o["rows"], truth.rows)
        if rb_new is None or rb_old is None:
            continue
        row_groups = _components(rb_new, rb_old)
        if t.get("cols") is None:
            col_groups = [([0], [0])]
        else:
            cb_new, cb_old = _blocks(t["cols"], truth.cols), _blocks(o["cols"], truth.cols)
            if cb_new is None or cb_old is None:
                continue
            col_groups = _components(cb_new, cb_old)
        for nr, orr in row_groups:
            for nc, oc in col_groups:
                eq: dict = {}
                for r in nr:
                    for c in nc:
                        eq[(t["id"], r, c)] = 1.0
                old_vals = []
                for r in orr:
                    for c in oc:
                        eq[(f"{prefix}/{o['id']}", r, c)] = -1.0
                        old_vals.append(o["cells"][r][c])
                cats_r = set().union(*(rb_new[t["rows"][r]] for r in nr))
                rows_true = [i for i, code in enumerate(truth.rows) if code in cats_r]
                if t.get("cols") is None:
                    true_sum = sum(truth.cells[i][0] for i in rows_true)
                else:
                    cats_c = set().union(*(cb_new[t["cols"][c]] for c in nc))
                    cols_true = [j for j, code in enumerate(truth.cols) if code in cats_c]
                    true_sum = sum(truth.cells[i][j] for i in rows_true for j in cols_true)
                if None not in old_vals:
                    if abs(sum(old_vals) - true_sum) > 1e-6:
                        continue  # visibly changed: the attacker cannot equate these
                    out.append((eq, 0.0, True))
                else:
                    out.append((eq, 0.0, False))
    return out


def _audit_with(protection, others: list[dict], equations: list[tuple[dict, float, bool]],
                k: int) -> disclosure.AuditResult:
    """Joint audit of this report with other publications' tables. Guesses that contradict the
    published figures (the data did change there) are dropped one by one, as an attacker would."""
    sure = [(e, r) for e, r, ok in equations if ok]
    guesses = [(e, r) for e, r, ok in equations if not ok]
    tables = protection.tables + others

    def run(eqs):
        result = disclosure.audit(tables, k, extra_equations=eqs)
        return None if _contradicts(result) else result

    result = run(sure + guesses)
    if result is not None:
        return result
    kept = list(sure)
    for g in guesses:
        if run(kept + [g]) is not None:
            kept.append(g)
    return disclosure.audit(tables, k, extra_equations=kept)


def _contradicts(result: disclosure.AuditResult) -> bool:
    """The attacker's system has no solution: a guess "unchanged" was wrong (the data changed)."""
    return any("contradict each other" in p or "do not add up" in p for p in result.problems)


def _fail(protection, joint: disclosure.AuditResult, alone: set[str]) -> None:
    new = [p for p in joint.problems if p not in alone and p.split(": ", 1)[0] not in alone]
    if new:
        protection.audit = disclosure.AuditResult(ok=False, intervals=joint.intervals, problems=new,
                                                  warnings=joint.warnings)


def _versions_audit(protection, earlier: list[dict], agg: Aggregation, k: int) -> None:
    """Attack the new version together with every earlier version of the year."""
    others, equations, alone = [], [], set()
    for n, v in enumerate(earlier, start=1):
        prefix = f"versie_{n}"
        renamed = _apart(v["tables"], prefix)
        try:
            alone.update(disclosure.audit(renamed, k).problems)
        except ValueError:
            continue  # an unreadable stored version: nothing to link with
        others += renamed
        equations += _version_equations(protection.tables, v["tables"], prefix, agg)
    if not others:
        return
    try:
        joint = _audit_with(protection, others, equations, k)
    except ValueError as exc:
        joint = disclosure.AuditResult(False, {}, [f"the earlier version could not be checked together "
                                                   f"with this one ({exc})"])
    _fail(protection, joint, alone | _printed_before(protection.tables, earlier))


def _printed_before(tables: list[dict], earlier: list[dict]) -> set[str]:
    """Audit problems that are no news: a figure one version hides but another version printed is
    public already; narrowing it to that printed value tells nothing. (What the CHANGE between the
    versions shows about a changed case is checked separately: ``_changed_case_shows``.) Its other
    hidden figures are still checked: what the printed value gives away about them is news."""
    versions = [("", tables)] + [(f"versie_{n}/", v["tables"]) for n, v in enumerate(earlier, start=1)]
    printed = [_printed_keys(t) for _p, t in versions]
    out = set()
    for i, (prefix, tabs) in enumerate(versions):
        elsewhere = set().union(*(p for j, p in enumerate(printed) if j != i))
        for tid, row, col in _hidden_keys([{"tables": tabs}]) & elsewhere:
            name = prefix + tid
            if col is None:
                out.update({f"{name}/{row}", f"{name}/{row} (row total)"})
            elif row is None:
                out.add(f"{name}/{col} (column total)")
            else:
                out.add(f"{name}/{row}×{col}")
    return out


def _printed_keys(tables: list[dict]) -> set[tuple]:
    """Code keys (as ``_hidden_keys``) of every figure a version printed."""
    keys = set()
    for t in tables:
        rows, cols = t["rows"], t.get("cols")
        for r, row in enumerate(t["cells"]):
            for c, val in enumerate(row):
                if val is not None:
                    keys.add((t["id"], rows[r], None if cols is None else cols[c]))
        if cols is not None:
            keys.update((t["id"], rows[r], None) for r, v in enumerate(t.get("row_totals") or []) if v is not None)
            keys.update((t["id"], None, cols[c]) for c, v in enumerate(t.get("col_totals") or []) if v is not None)
    return keys


def _next_year_audit(protection, repo, org_id: int | None, year: int, k: int) -> None:
    """Next year's published "carried over" equals this year's "still open at year end"."""
    if org_id is None or not protection.audit.ok:
        return
    nxt = repo.published_report(org_id, year + 1)
    if not nxt or nxt.get("format") != REPORT_FORMAT or not isinstance(nxt.get("tables"), list):
        return
    origin = next((t for t in nxt["tables"] if t.get("id") == "origin"), None)
    status = next((t for t in protection.tables if t["id"] == "status"), None)
    if origin is None or status is None or ORIGIN_CARRIED not in origin["rows"] \
            or STATUS_OPEN not in status["rows"]:
        return
    renamed = _apart(nxt["tables"], "volgend_jaar")
    eq = ({("status", status["rows"].index(STATUS_OPEN), 0): 1.0,
           ("volgend_jaar/origin", origin["rows"].index(ORIGIN_CARRIED), 0): -1.0}, 0.0, False)
    try:
        alone = set(disclosure.audit(renamed, k).problems)
        joint = _audit_with(protection, renamed, [eq], k)
    except ValueError:
        return  # next year's stored figures do not fit this year's: no joint system to attack
    _fail(protection, joint, alone)


def _next_year_force(repo, org_id: int | None, year: int) -> set[tuple]:
    """When next year's report hid "carried over", this year's "still open" must stay hidden."""
    nxt = repo.published_report(org_id, year + 1) if org_id is not None else None
    if not nxt or not isinstance(nxt.get("tables"), list):
        return set()
    origin = next((t for t in nxt["tables"] if t.get("id") == "origin"), None)
    if origin is None or ORIGIN_CARRIED not in origin.get("rows", []):
        return set()
    if origin["cells"][origin["rows"].index(ORIGIN_CARRIED)][0] is None:
        return {("status", STATUS_OPEN, None)}
    return set()


def _empty(k: int) -> disclosure.Protection:
    return disclosure.Protection(tables=[], k=k, hidden_cells=0, hidden_value=0.0, primary=0, secondary=0,
                                 merged={}, audit=disclosure.AuditResult(True, {}, []), reasons={})


def _hours(v: float) -> int | float:
    v = round(float(v), 2)
    return int(v) if v == int(v) else v


def _clean_table(p: dict) -> dict:
    keys = ("id", "unit", "rows", "cols", "cells", "row_totals", "col_totals", "total")
    out = {key: p[key] for key in keys}
    if out["unit"] == "hours":
        def conv(v):
            return None if v is None else _hours(v)

        out["cells"] = [[conv(v) for v in r] for r in out["cells"]]
        out["row_totals"] = [conv(v) for v in out["row_totals"]]
        out["col_totals"] = [conv(v) for v in out["col_totals"]]
        out["total"] = conv(out["total"])
    return out


def build_report(repo: Repository, request: ReportRequest) -> dict:
    """The published report JSON of one organisation (or all) and one calendar year."""
    return prepare(repo, request).report


def require_publishable(prep: Prepared) -> None:
    """Raise a UserError saying why when ``prep`` may not be given out (nothing is written then)."""
    org, year = prep.report["organisation"], prep.report["year"]
    if prep.republish_needed:
        before = prep.earlier[0]
        if before.get("threshold") != prep.report["threshold"]:
            raise UserError("report.published_before_other_threshold", org=org, year=year,
                            then=before.get("threshold"), now=prep.report["threshold"])
        raise UserError("report.published_before", org=org, year=year)
    audit = prep.protection.audit
    if audit.ok:
        return
    first = "; ".join(audit.problems[:3])
    more = Phrase("report.and_more", n=len(audit.problems) - 3) if len(audit.problems) > 3 else ""
    if prep.republished:
        raise UserError("report.republish_unsafe", org=org, year=year, detail=first, more=more)
    if prep.constrained_by:
        raise UserError("report.constrained_by", org=org, year=year, releases=", ".join(prep.constrained_by),
                        detail=first, more=more)
    raise UserError("report.not_protected", org=org, year=year, detail=first, more=more)


# -- exports ----------------------------------------------------------------------------------
def output_path(out, organisation: str, year: int, suffix: str) -> Path:
    path = Path(out)
    if path.is_dir():
        path = path / f"jaarverslag-{slug(organisation)}-{year}.{suffix}"
    if not path.parent.exists():
        raise UserError("report.folder_missing", parent=path.parent)
    return path


def write_output(path: Path, data: bytes) -> None:
    try:
        fsutil.write_bytes_atomic(path, data)
    except OSError as exc:
        raise UserError("report.cannot_write", path=path, strerror=exc.strerror or exc) from None


def check_narrative(text: str) -> list[str]:
    """Readable kinds of identifiers the privacy guard finds in the narrative ([] when none)."""
    if not text.strip():
        return []
    try:
        from app.privacy import guard as privacy
    except ImportError:  # pragma: no cover - the guard ships with the program
        return []
    kinds: list[str] = []
    for f in privacy.scan(text):
        kind = str(getattr(f, "kind", "identifier"))
        try:
            kind = privacy.kind_label(kind, "en")
        except (AttributeError, ValueError):
            pass
        if kind not in kinds:
            kinds.append(kind)
    return kinds


def export_report(repo: Repository, request: ReportRequest, *, fmt: str, out: str | Path,
                  allow_flagged: bool = False, republish: bool = False) -> Path:
    """Write the report as pdf, csv or json; record the published figures. Returns the path written.

    Refuses (UserError, nothing written) when the disclosure audit fails, when the year was published
    before with other figures (unless ``republish``, see ``prepare``), or - for the PDF - when the
    privacy guard finds identifiers in the narrative (unless ``allow_flagged``)."""
    if fmt not in FORMATS:
        raise UserError("report.unknown_format", fmt=fmt, formats=", ".join(FORMATS))
    prep = prepare(repo, request, republish=republish)
    require_publishable(prep)
    path = output_path(out, prep.report["organisation"], prep.report["year"], fmt.split("-")[0])
    if fmt in ("xlsx", "csv-excel"):
        from app.reporting import excel
        data = excel.report_xlsx(prep) if fmt == "xlsx" else excel.report_csv_excel(prep)
    elif fmt == "json":
        data = report_json(prep.report)
    elif fmt == "csv":
        data = report_csv(prep.report, request.language, prep.aggregation.units, set(prep.protection.merged))
    else:
        narrative = repo.report_text(prep.org_id, request.year) if prep.org_id is not None else ""
        kinds = check_narrative(narrative)
        if kinds and not allow_flagged:
            raise UserError("report.narrative_flagged", kinds=privacy_kinds(narrative))
        data = render_pdf(repo, prep, narrative)
    record_release(repo, prep, fmt)   # first: a file that went out is always in the ledger (the safe side)
    write_output(path, data)
    return path


def record_release(repo: Repository, prep: Prepared, kind: str) -> None:
    """Record the release, in one transaction: in the publication ledger, and as the organisation's
    report of the year. Called before the file is written: a release that failed to be written stays
    recorded (later releases are checked against it, which can only hide more), never the other way."""
    with repo.unit_of_work():
        ledger.record(repo, prep.org_id, prep.report, kind)
        if prep.org_id is not None:
            repo.save_published_report(prep.org_id, int(prep.report["year"]), _stored_version(prep))


def render_pdf(repo: Repository, prep: Prepared, narrative: str) -> bytes:
    """The report's PDF with this narrative, the practice's name and the adviser's key fingerprint."""
    from app.reporting import pdf as report_pdf
    return report_pdf.render(prep, narrative=narrative, practice=repo.get_setting("practice_name") or "",
                             fingerprint=signing_fingerprint(repo))


def preview_pdf(repo: Repository, request: ReportRequest, narrative: str, out: str | Path | None = None) -> bytes:
    """The PDF as ``export_report`` would make it, with this (perhaps unsaved) narrative, recording
    nothing; also written to the file ``out`` when given. Refuses like ``export_report``."""
    prep = prepare(repo, request)
    require_publishable(prep)
    data = render_pdf(repo, prep, narrative)
    if out is not None:
        write_output(output_path(out, prep.report["organisation"], request.year, "pdf"), data)
    return data


def signing_fingerprint(repo: Repository) -> str:
    """The fingerprint of the adviser's signing key as printed on the report ("" without a key)."""
    from app import keys
    try:
        return keys.fingerprint(keys.public_key(repo.signing_key()))
    except UserError:
        return ""
