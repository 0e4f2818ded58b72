"""Combining verified statistics files (`app.exchange.vstat.VStat`) per group, with the final audit.

`merge()` adds files per group (organisation, adviser, year, or all). A cell hidden in any part stays
hidden in the sum unless the attacker's linear program (app.reporting.disclosure.attack_intervals) over
all the parts' published figures plus the combined figures still leaves every hidden part's value an
interval at least k wide (k = the largest threshold among the parts). See `merge` for the row-set rule.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from app import texts
from app.errors import VStatError
from app.exchange.vstat import COUNT_UNITS, OPTIONAL_TOTAL_KEYS, TOTAL_KEYS, Table, VStat, _close

MERGE_BY = ("organisation", "adviser", "year", "all")


PUBLISHED, HIDDEN, UNKNOWN = "published", "hidden", "unknown"

# The notes a combination can carry: their codes. The sentences (Dutch and English) are note.<code> in
# resources/messages.json; app.exchange.render.note_text says them with the group's and table's own names.
NOTES = ("same_file_twice", "two_versions", "table_missing", "units_other_orgs", "table_shapes",
         "parts_inconsistent", "halves_joined", "years_added", "whole_left_out")


class Note(str):
    """One note about a combination: the English text, plus `code` (one of NOTES) and `values`."""

    code: str
    values: dict[str, Any]

    def __new__(cls, code: str, **values: Any) -> Note:
        if code not in NOTES:
            raise ValueError(f"unknown note {code!r}")
        obj = super().__new__(cls, texts.message(f"note.{code}", "en", **values))
        obj.code = code
        obj.values = dict(values)
        return obj

    @property
    def params(self) -> dict[str, Any]:
        return self.values


@dataclass(frozen=True)
class Source:
    """One file that went into a combination (for the provenance lines of an export)."""

    organisation: str
    year: int
    fingerprint: str
    created: datetime
    program_version: str
    threshold: int
    sha256: str


@dataclass
class CombinedTable:
    """The sum of one table over the parts of a group.

    Each figure has a status: "published" (the value), "hidden" (value None: it cannot be given
    without risk, or the parts' published figures do not determine it) or "unknown" (value None: a
    part does not list the code and its table does not cover its whole population).
    """

    id: str
    unit: str
    rows: list[str]
    cols: list[str] | None
    cells: list[list[float | int | None]]
    cell_status: list[list[str]]
    row_totals: list[float | int | None]
    row_status: list[str]
    col_totals: list[float | int | None]
    col_status: list[str]
    total: float | int | None
    total_status: str
    k: int

    def to_dict(self) -> dict:
        return {"id": self.id, "unit": self.unit, "rows": self.rows, "cols": self.cols, "cells": self.cells,
                "cell_status": self.cell_status, "row_totals": self.row_totals, "row_status": self.row_status,
                "col_totals": self.col_totals, "col_status": self.col_status, "total": self.total,
                "total_status": self.total_status, "k": self.k}


@dataclass
class Group:
    key: str
    label: str
    sources: list[int]                  # indices into Combined.sources
    totals: dict[str, float | int]
    tables: list[CombinedTable]
    k: int
    notes: list[Note] = field(default_factory=list)   # warnings about this group's figures as a whole

    def to_dict(self) -> dict:
        return {"key": self.key, "label": self.label, "sources": self.sources, "totals": self.totals,
                "k": self.k, "tables": [t.to_dict() for t in self.tables]}


@dataclass(frozen=True)
class TrendRow:
    year: int
    files: int
    cases: float | int
    contacts: float | int
    hours: float | int


@dataclass
class Combined:
    by: str
    sources: list[Source]
    groups: list[Group]
    trends: list[TrendRow]
    notes: list[Note] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "format": "vertrouwd-combined/1", "by": self.by,
            "sources": [{"organisation": s.organisation, "year": s.year, "fingerprint": s.fingerprint,
                         "created": s.created.strftime("%Y-%m-%dT%H:%M:%SZ"), "threshold": s.threshold,
                         "program_version": s.program_version, "sha256": s.sha256} for s in self.sources],
            "groups": [g.to_dict() for g in self.groups],
            "trends": [{"year": t.year, "files": t.files, "cases": t.cases, "contacts": t.contacts,
                        "hours": t.hours} for t in self.trends],
            "notes": self.notes,
        }


def _dedupe(vstats: list[VStat], notes: list[Note]) -> list[VStat]:
    """One file per adviser, organisation and year: an identical copy is dropped, and of two
    different versions the most recently created one is kept (a corrected export)."""
    chosen: dict[tuple, VStat] = {}
    order: list[tuple] = []
    for v in vstats:
        key = (v.adviser_key, v.organisation, v.year)
        old = chosen.get(key)
        if old is None:
            chosen[key] = v
            order.append(key)
        elif old.raw == v.raw:
            notes.append(Note("same_file_twice", organisation=v.organisation, year=v.year))
        else:
            newer = v if v.created > old.created else old
            chosen[key] = newer
            notes.append(Note("two_versions", organisation=v.organisation, year=v.year, fingerprint=v.fingerprint,
                              created=f"{newer.created:%Y-%m-%d %H:%M}"))
    return [chosen[k] for k in order]


def _whole_scopes(vstats: list[VStat], notes: list[Note]) -> list[VStat]:
    """An all-organisations file beside the same adviser's organisation files of that year holds
    their cases again. When those organisation files hold all of its cases, it is left out (with a
    note naming the files); when it holds more, the overlap cannot be undone and the merge is refused."""
    from app.reporting.report import report_texts  # the name an all-organisations report carries
    names = {report_texts()[lang]["all_organisations"].casefold() for lang in ("nl", "en")}
    wholes = [v for v in vstats if v.organisation.casefold().strip() in names]
    keep = list(vstats)
    for w in wholes:
        parts = [v for v in vstats if v not in wholes and v.adviser_key == w.adviser_key and v.year == w.year]
        if not parts:
            continue
        listed = ", ".join(sorted(v.organisation for v in parts))
        covered = all(_close(sum(v.totals[n] for v in parts), w.totals[n], n) for n in ("cases", "contacts"))
        if not covered:
            raise VStatError("combine.overlap", whole=w.organisation, year=w.year, parts=listed,
                             fingerprint=w.fingerprint)
        keep.remove(w)
        notes.append(Note("whole_left_out", organisation=w.organisation, year=w.year, parts=listed,
                          fingerprint=w.fingerprint))
    return keep


def _group_key(v: VStat, by: str) -> tuple[str, str]:
    if by == "organisation":
        return v.organisation.casefold().strip(), v.organisation
    if by == "adviser":
        return v.fingerprint, v.fingerprint
    if by == "year":
        return f"{v.year:04d}", str(v.year)
    return "all", "all"


def _add(a: float | int, b: float | int) -> float | int:
    s = a + b
    return round(s, 6) if isinstance(s, float) else s


def _full_code_set(table_id: str, axis: int, codes: tuple[str, ...] | None) -> frozenset[str] | None:
    """The vocabulary codes a table's rows (axis 0) or columns (axis 1) are drawn from, if known. Codes
    of one sector only (leerling, client, ...) are left out: a report lists them only where its
    organisation's sector has them or a case ever used them (app.reporting.aggregate._sector_codes), so
    a part that does not list one had none of its cases there."""
    if codes is None:
        return None
    from app.reporting.aggregate import TABLE_VOCABS
    from app.resources import vocabularies

    vocabs = vocabularies()
    name = TABLE_VOCABS.get(table_id, (None, None))[axis]
    if name is not None and name in vocabs.by_name:
        return frozenset(c for c in vocabs[name].codes if c not in vocabs[name].sectors)
    for vocab in vocabs.by_name.values():
        if all(c in vocab for c in codes):
            return frozenset(c for c in vocab.codes if c not in vocab.sectors)
    return None


def _lists_code_set(t: Table, axis: int) -> bool:
    """Does the part's table list every code of its vocabulary on this axis? Then a code it does not
    list lies outside that vocabulary, none of its cases can be there, and it counts as 0. A part that
    lists fewer codes (categories merged into "overig", an older vocabulary, a table without a
    vocabulary) leaves other parts' extra codes unknown."""
    codes = t.rows if axis == 0 else t.cols
    if codes is None:
        return True
    full = _full_code_set(t.id, axis, codes)
    return full is not None and full <= set(codes)


Expr = tuple[dict[int, float], float] | None   # (variables with coefficient 1, constant), None = unknown


def _sum_exprs(exprs: Iterable[Expr]) -> Expr:
    coefs: dict[int, float] = {}
    const: float = 0
    for e in exprs:
        if e is None:
            return None
        for i, c in e[0].items():
            coefs[i] = coefs.get(i, 0) + c
        const = _add(const, e[1])
    return coefs, const


# Row codes that are the sum of finer row codes: a report splits new cases into half-years (app.reporting.aggregate)
# only when it can, so one file may list "nieuw" where another lists "nieuw_h1" and "nieuw_h2".
JOINED_ROWS: dict[str, dict[str, tuple[str, ...]]] = {"origin": {"nieuw": ("nieuw_h1", "nieuw_h2")}}


def _joined_rows(tid: str, parts: list[tuple[VStat, Table]]) -> dict[str, tuple[str, ...]]:
    """The coarse codes whose finer codes must be added up, because some part lists only the coarse one."""
    out = {}
    for coarse, fine in JOINED_ROWS.get(tid, {}).items():
        if any(coarse in t.rows for _v, t in parts) and \
                any(coarse not in t.rows and all(f in t.rows for f in fine) for _v, t in parts):
            out[coarse] = fine
    return out


@dataclass
class _System:
    """The attacker's view of one table: a variable per hidden part cell, the equations the parts'
    published totals give, and an upper bound per variable (the part's own total)."""

    n_vars: int = 0
    equations: list[tuple[dict[int, float], float]] = field(default_factory=list)
    upper: list[float | None] = field(default_factory=list)

    def variable(self, bound: float | None) -> Expr:
        self.upper.append(bound)
        self.n_vars += 1
        return {self.n_vars - 1: 1.0}, 0

    def published(self, line: Expr, value: float | int | None) -> Expr:
        """A line's expression: its published value (which then constrains the line's hidden cells)
        or, when the value is hidden, the sum of the line's cells."""
        if value is None:
            return line
        if line and line[0]:
            self.equations.append((line[0], value - line[1]))
        return {}, value


@dataclass
class _PartExprs:
    """Every figure of one part's table as an expression over the hidden cells of all parts."""

    cells: dict[tuple[str, str], Expr]
    rows: dict[str, Expr]
    cols: dict[str, Expr]
    total: Expr
    rows_listed: bool
    cols_listed: bool


def _joined_part_rows(t: Table, joins: dict[str, tuple[str, ...]]) -> list[str]:
    """A part's row codes, with finer codes replaced by their coarse code where the table is joined."""
    prow = list(t.rows)
    for coarse, fine in joins.items():
        if coarse not in prow and all(f in prow for f in fine):
            at = min(prow.index(f) for f in fine)
            prow = [r for r in prow if r not in fine]
            prow.insert(at, coarse)
    return prow


def _part_exprs(v: VStat, t: Table, system: _System, joins: dict[str, tuple[str, ...]]) -> _PartExprs:
    bound = t.total if t.total is not None else v.totals.get(t.unit)
    cells: dict[tuple[str, str], Expr] = {}
    for i, r in enumerate(t.rows):
        for j, c in enumerate(t.col_codes):
            value = t.cells[i][j]
            cells[(r, c)] = system.variable(bound) if value is None else ({}, value)
    rows = {r: system.published(_sum_exprs(cells[(r, c)] for c in t.col_codes), t.row_totals[i])
            for i, r in enumerate(t.rows)}
    cols = {c: system.published(_sum_exprs(cells[(r, c)] for r in t.rows), t.col_totals[j])
            for j, c in enumerate(t.col_codes)}
    total = system.published(_sum_exprs(cells.values()), t.total)
    for coarse, fine in joins.items():   # the finer cells become one cell: the sum of their expressions
        if coarse not in t.rows and all(f in t.rows for f in fine):
            for c in t.col_codes:
                cells[(coarse, c)] = _sum_exprs([cells.pop((f, c)) for f in fine])
            rows[coarse] = _sum_exprs([rows.pop(f) for f in fine])
    return _PartExprs(cells, rows, cols, total, _lists_code_set(t, 0), _lists_code_set(t, 1))


def _coarse_axes(tid: str, parts: list[tuple[VStat, Table]], coarse: bool | None) -> set[str]:
    """The vocabularies (axes) of a table to combine at the coarse level: those that any part shows in
    groups (``coarse`` None), every one with a coarse level (True) or none (False)."""
    from app.reporting import recode
    from app.reporting.aggregate import TABLE_VOCABS
    names = {n for n in TABLE_VOCABS.get(tid, ()) if n in recode.variables()}
    if coarse is not None:
        return names if coarse else set()
    return {n for _v, t in parts for n, lv in recode.level_of(t.to_dict()).items() if lv == recode.COARSE}


def _coarse_exprs(tid: str, t: Table, e: _PartExprs, prow: list[str], axes: set[str]
                  ) -> tuple[_PartExprs, list[str], list[str]]:
    """A part's figures with the axes ``axes`` at the coarse level (app.reporting.recode), so that files
    of organisations and years shown at other levels add up (a group is the sum of its members'
    expressions). Returns the expressions, the part's row codes and its column codes."""
    from app.reporting import recode
    from app.reporting.aggregate import TABLE_VOCABS
    rv, cv = (n if n in axes else None for n in TABLE_VOCABS.get(tid, (None, None)))
    rmap = recode.group_map(prow, rv) if rv else {r: r for r in prow}
    cmap = recode.group_map(list(t.col_codes), cv) if cv and t.cols is not None else {c: c for c in t.col_codes}
    cells: dict[tuple[str, str], list[Expr]] = {}
    for (r, c), x in e.cells.items():
        cells.setdefault((rmap[r], cmap[c]), []).append(x)
    rows: dict[str, list[Expr]] = {}
    for r, x in e.rows.items():
        rows.setdefault(rmap[r], []).append(x)
    cols: dict[str, list[Expr]] = {}
    for c, x in e.cols.items():
        cols.setdefault(cmap[c], []).append(x)
    # a detailed part that does not list every code (small ones merged into "overig" before recoding
    # existed) cannot be put into groups: its figures on that axis are unknown at the coarse level
    r_ok = rv is None or e.rows_listed or recode.is_coarse(prow, rv)
    c_ok = cv is None or e.cols_listed or recode.is_coarse(list(t.col_codes), cv)

    def summed(groups: dict, ok: bool) -> dict:
        return {key: _sum_exprs(xs) if ok else None for key, xs in groups.items()}

    out = _PartExprs(summed(cells, r_ok and c_ok), summed(rows, r_ok), summed(cols, c_ok), e.total,
                     e.rows_listed if rv is None else r_ok, e.cols_listed if cv is None else c_ok)
    return out, list(dict.fromkeys(rmap[r] for r in prow)), list(dict.fromkeys(cmap[c] for c in t.col_codes))


def _quantities(rows: list[str], cols: list[str], parts: list[tuple[VStat, Table]], part_rows: list[list[str]],
                exprs: list[_PartExprs]) -> list[tuple[str, Any, Expr]]:
    """Every combined figure (kind, key, expression over the parts' hidden cells); None = unknown."""
    zero: Expr = ({}, 0)

    def part_sum(get, row: str | None, col: str | None) -> Expr:
        out = []
        for p, (_v, t) in enumerate(parts):
            e = get(exprs[p])
            if e is None:
                missing_row = row is not None and row not in part_rows[p]
                missing_col = col is not None and col not in t.col_codes
                if not ((missing_row and exprs[p].rows_listed) or (missing_col and exprs[p].cols_listed)):
                    return None
                e = zero
            out.append(e)
        return _sum_exprs(out)

    quantities: list[tuple[str, Any, Expr]] = []
    for r in rows:
        for c in cols:
            quantities.append(("cell", (r, c), part_sum(lambda x, r=r, c=c: x.cells.get((r, c)), r, c)))
        quantities.append(("row", r, part_sum(lambda x, r=r: x.rows.get(r), r, None)))
    for c in cols:
        quantities.append(("col", c, part_sum(lambda x, c=c: x.cols.get(c), None, c)))
    quantities.append(("total", None, _sum_exprs(x.total for x in exprs)))
    return quantities


def _resolve(quantities: list[tuple[str, Any, Expr]], system: _System, k: int, unit: str,
             inconsistent: Callable[[str], None]) -> tuple[list[float | int | None], list[str]]:
    """The value and status of every combined figure.

    One LP run: the parts' own hidden cells and, as extra variables y = sum(x), every combined figure
    that involves hidden cells. A figure whose interval has zero width is determined by what the
    parts published; any other cannot be computed by anyone and stays hidden. The determined ones
    still pass the final audit (`_audit`) before they are published.
    """
    from app.reporting.disclosure import attack_intervals  # imported late: the LP pulls in scipy

    status = [UNKNOWN if e is None else PUBLISHED if not e[0] else HIDDEN for (_k, _key, e) in quantities]
    values: list[float | int | None] = [None if e is None or e[0] else e[1] for (_k, _key, e) in quantities]
    probe: list[tuple[int, int]] = []        # (quantity index, y variable)
    probe_eqs = list(system.equations)
    n_all = system.n_vars
    for qi, (_kind, _key, e) in enumerate(quantities):
        if e is not None and e[0]:
            coefs = {i: -c for i, c in e[0].items()}
            coefs[n_all] = 1.0
            probe_eqs.append((coefs, 0.0))
            probe.append((qi, n_all))
            n_all += 1
    if not probe:
        return values, status
    try:
        iv = attack_intervals(n_all, probe_eqs, system.upper + [None] * (n_all - system.n_vars))
    except ValueError as exc:
        inconsistent(str(exc))
        return values, status
    candidates = [(qi, iv[y][0]) for qi, y in probe
                  if math.isfinite(iv[y][1]) and iv[y][1] - iv[y][0] <= 1e-6]
    accepted = _audit(attack_intervals, system.n_vars, system.equations, system.upper, iv[:system.n_vars],
                      quantities, candidates, k)
    for qi, lo in accepted:
        total = quantities[qi][2][1] + lo
        values[qi] = int(round(total)) if unit in COUNT_UNITS else round(total, 6)
        status[qi] = PUBLISHED
    return values, status


def _lay_out(tid: str, unit: str, rows: list[str], cols: list[str], two_way: bool, k: int,
             quantities: list[tuple[str, Any, Expr]], values: list, status: list[str]) -> CombinedTable:
    """Put the resolved figures in their places in a table."""
    cells: list[list] = [[None] * len(cols) for _ in rows]
    cell_status = [[HIDDEN] * len(cols) for _ in rows]
    row_totals: list = [None] * len(rows)
    row_status = [HIDDEN] * len(rows)
    col_totals: list = [None] * len(cols)
    col_status = [HIDDEN] * len(cols)
    total, total_status = None, HIDDEN
    for qi, (kind, key, _e) in enumerate(quantities):
        if kind == "cell":
            i, j = rows.index(key[0]), cols.index(key[1])
            cells[i][j], cell_status[i][j] = values[qi], status[qi]
        elif kind == "row":
            i = rows.index(key)
            row_totals[i], row_status[i] = values[qi], status[qi]
        elif kind == "col":
            j = cols.index(key)
            col_totals[j], col_status[j] = values[qi], status[qi]
        else:
            total, total_status = values[qi], status[qi]
    return CombinedTable(tid, unit, rows, cols if two_way else None, cells, cell_status, row_totals,
                         row_status, col_totals, col_status, total, total_status, k)


def _merge_table(tid: str, parts: list[tuple[VStat, Table]], k: int, notes: list[Note],
                 label: str, coarse: bool | None = None) -> CombinedTable:
    """One table summed over the parts of a group; figures that would reveal a hidden cell stay hidden."""
    unit = parts[0][1].unit
    joins = _joined_rows(tid, parts)
    part_rows = [_joined_part_rows(t, joins) for _v, t in parts]
    for joined in joins:
        v = next(v for v, t in parts if joined in t.rows)
        notes.append(Note("halves_joined", group=label, table=tid, organisation=v.organisation, year=v.year))
    system = _System()
    exprs = [_part_exprs(v, t, system, joins) for v, t in parts]
    axes = _coarse_axes(tid, parts, coarse)
    if axes:
        levelled = [_coarse_exprs(tid, t, e, prow, axes)
                    for (_v, t), e, prow in zip(parts, exprs, part_rows, strict=True)]
        exprs = [e for e, _r, _c in levelled]
        part_rows = [r for _e, r, _c in levelled]
        parts = [(v, replace(t, rows=tuple(r), cols=None if t.cols is None else tuple(c)))
                 for (v, t), (_e, r, c) in zip(parts, levelled, strict=True)]
    rows = list(dict.fromkeys(r for prow in part_rows for r in prow))
    cols = list(dict.fromkeys(c for _v, t in parts for c in t.col_codes))
    if axes:  # groups in the vocabulary's order, whatever order the parts' detailed codes gave them
        from app.reporting.aggregate import TABLE_VOCABS
        rows, cols = (_in_group_order(codes, name, axes) for codes, name in
                      zip((rows, cols), TABLE_VOCABS.get(tid, (None, None)), strict=True))
    quantities = _quantities(rows, cols, parts, part_rows, exprs)

    def inconsistent(detail: str) -> None:
        notes.append(Note("parts_inconsistent", group=label, table=tid, detail=detail))

    values, status = _resolve(quantities, system, k, unit, inconsistent)
    return _lay_out(tid, unit, rows, cols, parts[0][1].cols is not None, k, quantities, values, status)


def _in_group_order(codes: list[str], vocab_name: str | None, axes: set[str]) -> list[str]:
    """Codes of an axis combined at the coarse level, in the order of the vocabulary's groups."""
    if vocab_name is None or vocab_name not in axes:
        return codes
    from app.resources import vocabularies
    order = {g: i for i, g in enumerate(vocabularies()[vocab_name].group_codes())}
    return sorted(codes, key=lambda c: order.get(c, len(order)))


def _audit(attack_intervals, n_vars: int, equations: list, upper: list, base: list, quantities: list,
           candidates: list[tuple[int, float]], k: int) -> list[tuple[int, float]]:
    """The final check: with the combined figures added to everything the parts published, every
    hidden part value must keep an interval at least k wide (a value whose own file already left it
    narrower may not become any narrower). Candidates that break this stay hidden."""
    if not candidates:
        return []

    def equation(qi: int, lo: float) -> tuple[dict[int, float], float]:
        return dict(quantities[qi][2][0]), lo

    def safe(extra: list) -> bool:
        try:
            iv = attack_intervals(n_vars, equations + extra, upper)
        except ValueError:
            return False
        for (lo0, hi0), (lo, hi) in zip(base, iv, strict=True):
            width, width0 = hi - lo, hi0 - lo0
            if width < k - 1e-9 and width < width0 - 1e-6:
                return False
        return True

    all_eqs = [equation(qi, lo) for qi, lo in candidates]
    if safe(all_eqs):
        return candidates
    accepted: list[tuple[int, float]] = []
    extra: list = []
    for qi, lo in candidates:   # greedy, in table order: keep each one only if it is still safe
        eq = equation(qi, lo)
        if safe(extra + [eq]):
            extra.append(eq)
            accepted.append((qi, lo))
    return accepted


def merge(vstats: list[VStat], by: str = "all", *, coarse: bool | None = None) -> Combined:
    """Add verified files together per group.

    `by` is "organisation", "adviser", "year" or "all". Totals add up. Tables are matched by id; a table
    that a part lacks, or whose unit differs, is left out of that group (with a note). Row and column
    codes are the union over the parts. A code a part does not list counts as 0 only when that part's
    table lists the whole code set of its vocabulary (as every report does unless it merged small
    categories into "overig"); otherwise the combined figure is "unknown". The table of organisational
    units is only combined within one organisation. Where a table lists a coarse code in one part and
    its finer codes in another (JOINED_ROWS: new cases per half-year), the finer codes are added up.
    Tables whose categories have a coarse level (behaviour, relation, role, follow-up; see
    app.reporting.recode) are combined at that level as soon as one part shows the table in groups
    (levels are never mixed): each part's figures are added up into their groups first, so files of
    organisations and years shown at other levels combine, and a group that a part published (or
    whose members it published) is a figure of the combination. ``coarse=True`` combines such tables
    in groups always, ``coarse=False`` never (each part's own codes, as before recoding existed).
    A group that holds several years of one organisation gets a note: carried-over cases count in
    each year. A figure that involves a part's hidden cell is published only when the parts' published figures
    determine it exactly and the attacker's linear program, run over all parts' published figures
    plus the combined ones, leaves every hidden part value at least k wide (k = the largest threshold
    among the parts of the group). Two versions of one adviser's file for the same organisation and
    year are not added: the newest counts.
    """
    if by not in MERGE_BY:
        raise VStatError("combine.unknown_grouping", by=by, merge_by=', '.join(MERGE_BY))
    if not vstats:
        raise VStatError("combine.no_files")
    notes: list[Note] = []
    parts = sorted(_whole_scopes(_dedupe(list(vstats), notes), notes),
                   key=lambda v: (v.year, v.organisation.casefold(), v.fingerprint))
    sources = [Source(v.organisation, v.year, v.fingerprint, v.created, v.program_version, v.threshold, v.sha256)
               for v in parts]
    grouped: dict[str, tuple[str, list[int]]] = {}
    for idx, v in enumerate(parts):
        key, label = _group_key(v, by)
        grouped.setdefault(key, (label, []))[1].append(idx)
    groups = [_merge_group(key, *grouped[key], parts, notes, coarse) for key in sorted(grouped)]
    by_year: dict[int, list[VStat]] = {}
    for v in parts:
        by_year.setdefault(v.year, []).append(v)
    trends = []
    for year in sorted(by_year):
        sums = _totals(by_year[year])
        trends.append(TrendRow(year, len(by_year[year]), sums["cases"], sums["contacts"], sums["hours"]))
    return Combined(by, sources, groups, trends, notes)


def _totals(members: list[VStat]) -> dict[str, float | int]:
    """The members' totals added up; an optional total (requests) when any member has it, a member
    without it counting 0 (its year had none)."""
    totals: dict[str, float | int] = {}
    for name in TOTAL_KEYS + tuple(n for n in OPTIONAL_TOTAL_KEYS if any(n in v.totals for v in members)):
        s: float | int = 0
        for v in members:
            s = _add(s, v.totals.get(name, 0))
        totals[name] = s
    return totals


REQUEST_TABLES = ("request_kind", "request_asker")


def _table_of(v: VStat, tid: str) -> Table | None:
    """The part's table; for a part whose year had no requests (no total of them), its request
    tables are all zero: it lists every code, so the other parts' figures add up with it."""
    t = v.table(tid)
    if t is not None or tid not in REQUEST_TABLES or "requests" in v.totals:
        return t
    rows = tuple(sorted(_full_code_set(tid, 0, ()) or ()))
    return Table(tid, "requests", rows, None, tuple((0,) for _ in rows), tuple(0 for _ in rows), (0,), 0)


def _merge_group(key: str, label: str, members: list[int], parts: list[VStat], notes: list[Note],
                 coarse: bool | None = None) -> Group:
    """One group of a combination: its totals and every table its members can be added up in."""
    members_v = [parts[i] for i in members]
    k = max(v.threshold for v in members_v)
    group_notes: list[Note] = []
    years_of: dict[str, set[int]] = {}
    for v in members_v:
        years_of.setdefault(v.organisation.casefold().strip(), set()).add(v.year)
    repeated = sorted({y for ys in years_of.values() if len(ys) > 1 for y in ys})
    if repeated:
        group_notes.append(Note("years_added", group=label, years=", ".join(str(y) for y in repeated)))
        notes.extend(group_notes)
    ids: list[str] = []
    for v in members_v:
        ids.extend(t.id for t in v.tables if t.id not in ids)
    tables = []
    for tid in ids:
        pieces = [(v, _table_of(v, tid)) for v in members_v]
        lacking = [v for v, t in pieces if t is None]
        if lacking:
            notes.append(Note("table_missing", group=label, table=tid, organisation=lacking[0].organisation,
                              year=lacking[0].year))
        elif tid == "unit" and len({v.organisation.casefold() for v in members_v}) > 1:
            notes.append(Note("units_other_orgs", group=label))
        elif len({(t.unit, t.cols is None) for _v, t in pieces}) > 1:
            notes.append(Note("table_shapes", group=label, table=tid))
        else:
            tables.append(_merge_table(tid, pieces, k, notes, label, coarse))
    return Group(key, label, members, _totals(members_v), tables, k, group_notes)
