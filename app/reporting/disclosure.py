"""Statistical disclosure control for the annual report's tables.

Small organisations make small counts, and a count of 1 or 2 can point at a person. This module
protects the report's tables the way statistics offices do (tau-ARGUS, sdcTable):

1. Primary suppression: a cell with 1 <= n < k is hidden (k defaults to 5, never below 3; a
   category may carry a stricter k). Zeros are published.
2. Group disclosure, in every line of every table (a one-way table, each row and column of a
   two-way table and its margins): when one category holds all of a line's cases or all but fewer
   than k, that cell is hidden too ("all 14 were about a manager"); and a line never shows its
   only non-zero cell hidden beside published zeros (the zeros say the same). See _line_rules;
   ``Table.group=False`` switches the first rule off for tables that say nothing about a person.
3. Merging: small categories may be merged into ``overig`` when that loses fewer figures than
   hiding them (information loss = figures that can no longer be read, then hidden value). The
   annual report does not use it: only categories of 1..k-1 cases were merged, so a merged
   category was known to be small and non-zero, which the audit cannot allow for.
4. Secondary suppression over ALL tables of a report at once. The tables are one linked system:
   every table's total is published, tables of one unit with equal totals share that population
   total, and a two-way table's margins are the same figures as the one-way table of the same
   variable (same unit, same codes, same values): they are one unknown, hidden or published
   together. Which extra cells to hide is chosen by a mixed-integer program (HiGHS, via
   ``highspy``) that minimises the number of hidden figures (then their value),
   with protection constraints generated from the attacker's own LP duals (Fischetti-Salazar
   style Benders cuts) until every hidden figure is safe.
5. Audit: for every hidden figure the attacker's LP (``attack_intervals``) finds its min and max
   given every published figure, total and linkage and non-negativity. A hidden figure is safe
   when max - min >= k (its own stricter k for sensitive categories). Export must be refused
   unless the audit passes. If the optimiser cannot finish, a greedy fallback hides the
   neighbours of unsafe figures until safe or until everything except the totals is hidden.

Hours tables (unit "hours") hold floats. They get no threshold of their own: a Table may name its
case-count twin (``twin``, the id of a count table with the same columns whose rows are all rows
of the hours table; the hours table may have extra rows, like case work). An hours cell is hidden
whenever the twin's cell is hidden, and the hours table merges its rows into "overig" exactly as
its twin does, so the hours never show what the counts hid or combined. Hidden hours figures must
be at least k hours wide under the attack, and hours tables are linked among themselves like counts.

Previous year: last year's published tables describe another period, so they constrain nothing
about this year's unknowns and share no variables with them. ``audit(previous=...)`` still checks
last year's hidden cells against last year's own published figures and reports weaknesses as
warnings (they cannot be repaired this year, so they do not block this year's export).

Keys of audit intervals: ``(table id, row, col)``; ``col == -1`` is a row total and ``row == -1``
a column total of a two-way table. A linked figure appears under each of its positions.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import highspy
import numpy as np

from app import texts


def _new_highs() -> highspy._Highs:
    """A quiet HiGHS model (the core class: the wrapper class prints a banner when made)."""
    h = highspy._Highs()
    h.setOptionValue("output_flag", False)
    return h


def _csc(n_rows: int, n_cols: int, rows, cols, vals) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Column-wise (start, index, value) arrays of a sparse matrix given as coordinates."""
    r = np.asarray(rows, dtype=np.int32)
    c = np.asarray(cols, dtype=np.int32)
    v = np.asarray(vals, dtype=float)
    order = np.lexsort((r, c))
    start = np.zeros(n_cols + 1, dtype=np.int32)
    np.add.at(start, c + 1, 1)
    return np.cumsum(start, dtype=np.int32), r[order], v[order]


class _LPBlock:
    """One system ``A x = b, lower <= x <= upper`` solved for many objectives ``min sign * x_j``.

    The matrix comes as coordinates (rows, cols, vals) of shape (n_rows, n_cols). The HiGHS model is
    built once and re-solved warm for every objective (only one cost changes between solves)."""

    def __init__(self, shape: tuple[int, int], coords, b_eq, lower, upper):
        n_rows, self.n = shape
        start, index, value = _csc(n_rows, self.n, *coords)
        lp = highspy.HighsLp()
        lp.num_col_, lp.num_row_ = self.n, n_rows
        lp.col_cost_ = np.zeros(self.n)
        lp.col_lower_ = np.asarray(lower, dtype=float)
        lp.col_upper_ = np.array([highspy.kHighsInf if u is None or math.isinf(u) else float(u) for u in upper])
        lp.row_lower_ = lp.row_upper_ = np.asarray(b_eq, dtype=float)
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_, lp.a_matrix_.index_, lp.a_matrix_.value_ = start, index, value
        lp.a_matrix_.num_col_, lp.a_matrix_.num_row_ = self.n, n_rows
        self.h = _new_highs()
        self.h.passModel(lp)
        self.last: int | None = None

    def solve(self, j: int, sign: float) -> tuple[str, float, np.ndarray, np.ndarray]:
        """(status, optimum, reduced costs, row duals); status optimal|unbounded|infeasible|error."""
        h = self.h
        if self.last is not None and self.last != j:
            h.changeColCost(self.last, 0.0)
        h.changeColCost(j, sign)
        self.last = j
        h.run()
        st = h.getModelStatus()
        if st == highspy.HighsModelStatus.kOptimal:
            sol = h.getSolution()
            return ("optimal", h.getInfo().objective_function_value, np.array(sol.col_dual),
                    np.array(sol.row_dual))
        if st == highspy.HighsModelStatus.kInfeasible:
            return "infeasible", 0.0, np.zeros(0), np.zeros(0)
        if st in (highspy.HighsModelStatus.kUnbounded, highspy.HighsModelStatus.kUnboundedOrInfeasible):
            return "unbounded", -math.inf, np.zeros(0), np.zeros(0)
        return "error", 0.0, np.zeros(0), np.zeros(0)


def _clean(v: float) -> float:
    """Round away solver noise: 2.9999999996 -> 3.0, -0.0 -> 0.0."""
    if math.isinf(v):
        return v
    r = round(v)
    if abs(v - r) < 1e-6:
        v = float(r)
    return v + 0.0


def _components(n_vars: int, equations: list[tuple[dict[int, float], float]]) -> list[list[int]]:
    """Group variables that share equations; each group is an independent attacker LP."""
    parent = list(range(n_vars))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for coefs, _rhs in equations:
        idx = [i for i, c in coefs.items() if c != 0]
        for j in idx[1:]:
            a, b = find(idx[0]), find(j)
            if a != b:
                parent[b] = a
    groups: dict[int, list[int]] = {}
    for i in range(n_vars):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def attack_intervals(n_vars: int, equations: list[tuple[dict[int, float], float]],
                     upper: list[float | None] | None = None, wanted: set[int] | None = None
                     ) -> list[tuple[float, float]]:
    """The smallest and largest value each unknown can take, as an attacker would compute it.

    Variables ``x_0 .. x_{n_vars-1}`` are non-negative (and at most ``upper[i]`` when that is not
    None); every equation ``(coefs, rhs)`` means ``sum(coefs[i] * x_i) == rhs``. For every variable
    the minimum and maximum are found with HiGHS (continuous LP, as tau-ARGUS and sdcTable audit).
    A variable in no equation and without an upper bound gets ``(0, inf)``.

    ``wanted``: only these variables are attacked (the others keep ``(0, inf)``); a group of
    variables with none wanted is not solved at all.

    Raises ValueError when the equations cannot all hold (the published figures contradict each
    other), or when an equation names a variable outside ``0 .. n_vars-1``.
    """
    if n_vars < 0:
        raise ValueError("n_vars must be zero or more")
    if upper is not None and len(upper) != n_vars:
        raise ValueError(f"upper has {len(upper)} entries but there are {n_vars} variables")
    for coefs, _rhs in equations:
        for i in coefs:
            if not 0 <= int(i) < n_vars:
                raise ValueError(f"equation names variable {i}, outside 0..{n_vars - 1}")
    ub_all = [None if upper is None else upper[i] for i in range(n_vars)]
    result: list[tuple[float, float]] = [(0.0, math.inf)] * n_vars
    for comp in _components(n_vars, equations):
        if wanted is not None and not any(g in wanted for g in comp):
            continue
        local = {g: j for j, g in enumerate(comp)}
        eqs = [(c, r) for c, r in equations if any(i in local for i in c)]
        bounds = [(0.0, None if ub_all[g] is None else float(ub_all[g])) for g in comp]
        if not eqs:
            for g in comp:
                result[g] = (0.0, math.inf if ub_all[g] is None else float(ub_all[g]))
            continue
        rows, cols, vals, rhs = [], [], [], []
        for e, (coefs, r) in enumerate(eqs):
            for i, c in coefs.items():
                if c != 0:
                    rows.append(e)
                    cols.append(local[int(i)])
                    vals.append(float(c))
            rhs.append(float(r))
        block = _LPBlock((len(eqs), len(comp)), (rows, cols, vals), rhs,
                         [lo for lo, _up in bounds], [up for _lo, up in bounds])
        for j, g in enumerate(comp):
            if wanted is not None and g not in wanted:
                continue
            ends = []
            for sign in (1.0, -1.0):
                status, fun, _r, _y = block.solve(j, sign)
                if status == "infeasible":
                    raise ValueError("the published figures contradict each other (no values fit all "
                                     "equations); check that totals equal the sum of their cells")
                if status == "unbounded":  # only possible for the maximum
                    ends.append(math.inf if sign < 0 else 0.0)
                    continue
                if status != "optimal":
                    raise ValueError("the attacker's linear program failed; please report this")
                ends.append(sign * fun)
            result[g] = (max(_clean(ends[0]), 0.0), _clean(ends[1]))
    return result


# --------------------------------------------------------------------------------------------
# Public data types
# --------------------------------------------------------------------------------------------

MIN_K = 3
MERGED_CODE = "overig"
_REASON_PRIMARY = "primair"
_REASON_SECONDARY = "secundair"
_REASON_GROUP = "groep"

def method_text(lang: str, k: int) -> str:
    """The method in plain words for the report, in ``lang`` ("nl" or "en"), threshold filled in
    (resources/messages.json, code disclosure.method)."""
    return texts.message("disclosure.method", lang, k=k)


@dataclass
class Table:
    """One table of the report with its TRUE values (before protection)."""

    id: str
    unit: str
    rows: list[str]
    cols: list[str] | None
    cells: list[list[float]]
    sensitive_rows: dict[str, int] = field(default_factory=dict)
    twin: str | None = None  # hours tables: id of the count table with the same rows and columns
    group: bool | None = None  # group rule (see _line_rules); None: on for tables that count cases
    # one-way tables: codes that say nothing about a person (not recorded, not closed yet), so that
    # "everyone is in it" is no disclosure and the group rule leaves them alone
    no_group: frozenset[str] = frozenset()


@dataclass
class AuditResult:
    ok: bool
    intervals: dict[tuple[str, int, int], tuple[float, float]]
    problems: list[str]
    warnings: list[str] = field(default_factory=list)  # previous-year weaknesses (do not block)


@dataclass
class Protection:
    tables: list[dict]
    k: int
    hidden_cells: int
    hidden_value: float
    primary: int
    secondary: int
    merged: dict[str, list[str]]
    audit: AuditResult
    reasons: dict[str, list[list[str | None]]]
    loss: int = 0  # original figures no longer readable (merged away or hidden)
    # stricter widths of hidden figures (sensitive categories), for audits with more knowledge later
    required: dict[tuple[str, int, int], float] = field(default_factory=dict)


# --------------------------------------------------------------------------------------------
# The linked model: one unknown per distinct figure, equations from tables and linkage
# --------------------------------------------------------------------------------------------

@dataclass
class _Var:
    positions: list[tuple[str, int, int]]  # (table id, row, col); col -1 row total, row -1 col total
    label: str
    value: float | None  # None when unknown (auditing published tables)
    unit: str
    bound: float  # largest value possible (its table's total)
    codes: set[str] = field(default_factory=set)


@dataclass
class _Model:
    vars: list[_Var]
    equations: list[tuple[dict[int, float], float]]  # sum(coef * var) == rhs (totals are constants)
    where: dict[tuple[str, int, int], int]  # position -> var index
    totals: dict[str, float]  # table id -> published total
    links: list[tuple[int, int]] = field(default_factory=list)


def _num(v: float) -> str:
    if math.isinf(v):
        return "infinity"
    return str(int(round(v))) if abs(v - round(v)) < 1e-9 else f"{v:.2f}"


def _matrix_of(t: dict) -> tuple[list[list[float | None]], list[float | None], list[float | None]]:
    """cells, row totals, column totals of a table dict; one-way tables have one column."""
    cells = t["cells"]
    if t.get("cols") is None:
        rows = [r[0] for r in cells]
        return [[v] for v in rows], list(rows), [t["total"]]
    rt = t.get("row_totals")
    ct = t.get("col_totals")
    if rt is None:
        rt = [None if any(v is None for v in r) else float(sum(r)) for r in cells]
    if ct is None:
        ct = [None if any(r[c] is None for r in cells) else float(sum(r[c] for r in cells))
              for c in range(len(t["cols"]))]
    return cells, list(rt), list(ct)


def _check_shape(t: dict, where: str) -> None:
    for key in ("id", "unit", "rows", "cells", "total"):
        if key not in t:
            raise ValueError(f"{where}: table has no '{key}'")
    rows, cols, cells = t["rows"], t.get("cols"), t["cells"]
    if len(cells) != len(rows):
        raise ValueError(f"{where} '{t['id']}': {len(rows)} rows but {len(cells)} rows of cells")
    width = 1 if cols is None else len(cols)
    for i, r in enumerate(cells):
        if len(r) != width:
            raise ValueError(f"{where} '{t['id']}': row {rows[i]} has {len(r)} cells, expected {width}")
        for v in r:
            if v is not None and (not isinstance(v, int | float) or v < 0 or math.isnan(v)):
                raise ValueError(f"{where} '{t['id']}': cell value {v!r} in row {rows[i]} is not a "
                                 "number of zero or more")
    if t["total"] is None:
        raise ValueError(f"{where} '{t['id']}': the total must always be published")


def _compatible(a: list[float | None], b: list[float | None]) -> bool:
    """Could two margin vectors be the same figures? Where both are published they must agree.

    A figure hidden in one table but printed in the other is still the same figure: the attacker
    reads it from where it is printed, so the audit links them and finds it.
    """
    if len(a) != len(b):
        return False
    return all(x is None or y is None or abs(x - y) <= 1e-6 for x, y in zip(a, b, strict=True))


def _build(tables: list[dict], *, link: bool, prefix: str = "") -> _Model:
    """Turn table dicts (true or published values; None = unknown) into the linked equation system."""
    vars_: list[_Var] = []
    where: dict[tuple[str, int, int], int] = {}
    eqs: list[tuple[dict[int, float], float]] = []
    totals: dict[str, float] = {}
    axes: dict[tuple[str, tuple[str, ...], float], list[tuple[list[float | None], list[int]]]] = {}
    ids = set()
    for t in tables:
        if t["id"] in ids:
            raise ValueError(f"two tables have the id '{t['id']}'; every table needs its own id")
        ids.add(t["id"])

    def new_var(pos: tuple[str, int, int], label: str, value, unit: str, bound: float,
                codes: set[str]) -> int:
        vars_.append(_Var([pos], label, value, unit, bound, set(codes)))
        where[pos] = len(vars_) - 1
        return len(vars_) - 1

    def axis_vars(t: dict, kind: str, codes: list[str], values: list[float | None]) -> list[int]:
        tid = prefix + t["id"]
        key = (t["unit"], tuple(codes), float(t["total"]))
        if link:
            for vals, idx in axes.get(key, []):
                if _compatible(vals, values):
                    for i, v in enumerate(idx):
                        if vars_[v].value is None and values[i] is not None:
                            vars_[v].value = float(values[i])
                            vals[i] = values[i]
                        pos = (tid, i, 0) if kind == "one" else ((tid, i, -1) if kind == "row" else (tid, -1, i))
                        vars_[v].positions.append(pos)
                        where[pos] = v
                    return idx
        idx = []
        for i, code in enumerate(codes):
            if kind == "one":
                pos, label = (tid, i, 0), f"{tid}/{code}"
            elif kind == "row":
                pos, label = (tid, i, -1), f"{tid}/{code} (row total)"
            else:
                pos, label = (tid, -1, i), f"{tid}/{code} (column total)"
            v = values[i]
            idx.append(new_var(pos, label, None if v is None else float(v), t["unit"],
                               float(t["total"]), {code}))
        axes.setdefault(key, []).append((list(values), idx))
        return idx

    # one-way tables first, so a linked figure is named after its one-way table
    ordered = [t for t in tables if t.get("cols") is None] + [t for t in tables if t.get("cols") is not None]
    for t in ordered:
        tid = prefix + t["id"]
        total = float(t["total"])
        totals[tid] = total
        cells, rt, ct = _matrix_of(t)
        if t.get("cols") is None:
            idx = axis_vars(t, "one", t["rows"], [r[0] for r in cells])
            eqs.append(({v: 1.0 for v in idx}, total))
            continue
        ridx = axis_vars(t, "row", t["rows"], rt)
        cidx = axis_vars(t, "col", t["cols"], ct)
        inner = [[new_var((tid, r, c), f"{tid}/{t['rows'][r]}×{t['cols'][c]}",
                          None if cells[r][c] is None else float(cells[r][c]), t["unit"], total,
                          {t["rows"][r], t["cols"][c]})
                  for c in range(len(t["cols"]))] for r in range(len(t["rows"]))]
        for r, row in enumerate(inner):
            e = {v: 1.0 for v in row}
            e[ridx[r]] = e.get(ridx[r], 0.0) - 1.0
            eqs.append((e, 0.0))
        for c in range(len(t["cols"])):
            e = {inner[r][c]: 1.0 for r in range(len(inner))}
            e[cidx[c]] = e.get(cidx[c], 0.0) - 1.0
            eqs.append((e, 0.0))
        eqs.append(({v: 1.0 for v in ridx}, total))
        eqs.append(({v: 1.0 for v in cidx}, total))
    return _Model(vars_, eqs, where, totals)


def _reduced(model: _Model, hidden: set[int]) -> tuple[list[int], list[tuple[dict[int, float], float]],
                                                          list[str]]:
    """The attacker's system over the hidden figures; also lists equations that do not add up."""
    order = sorted(hidden)
    local = {v: i for i, v in enumerate(order)}
    out, broken = [], []
    for coefs, rhs in model.equations:
        rest = rhs
        e: dict[int, float] = {}
        for v, c in coefs.items():
            if v in local:
                e[local[v]] = e.get(local[v], 0.0) + c
            else:
                val = model.vars[v].value
                if val is None:
                    raise ValueError(f"{model.vars[v].label} is unknown but not hidden")
                rest -= c * val
        e = {i: c for i, c in e.items() if c != 0}
        if e:
            out.append((e, rest))
        elif abs(rest) > 1e-6:
            names = ", ".join(sorted({model.vars[v].label for v in coefs}))
            broken.append(f"figures do not add up: {names} (off by {_num(abs(rest))})")
    return order, out, broken


# --------------------------------------------------------------------------------------------
# Audit
# --------------------------------------------------------------------------------------------

def _attack_model(model: _Model, hidden: set[int], extra: list[tuple[dict[int, float], float]] = (),
                  ignore: tuple[str, ...] = (), only: tuple[str, ...] = ()
                  ) -> tuple[dict[int, tuple[float, float]], list[str]]:
    order, eqs, broken = _reduced(model, hidden)
    local = {v: i for i, v in enumerate(order)}
    for coefs, rhs in extra:
        e, rest = {}, rhs
        for v, c in coefs.items():
            if v in local:
                e[local[v]] = e.get(local[v], 0.0) + c
            elif model.vars[v].value is not None:
                rest -= c * model.vars[v].value
        if e:
            eqs.append((e, rest))
    if broken:
        return {}, broken
    def attacked(v: int) -> bool:
        ids = [pos[0] for pos in model.vars[v].positions]
        if only:
            return any(i.startswith(only) for i in ids)
        return not ignore or any(not i.startswith(ignore) for i in ids)

    wanted = {local[v] for v in order if attacked(v)}
    try:
        iv = attack_intervals(len(order), eqs, wanted=None if not (ignore or only) else wanted)
    except ValueError as exc:
        return {}, [str(exc)]
    return {v: iv[local[v]] for v in order if local[v] in wanted}, []


def audit(tables: list[dict], k: int, *, extra_equations: list[tuple[dict, float]] | None = None,
          previous: list[dict] | None = None,
          required: dict[tuple[str, int, int], float] | None = None,
          ignore: tuple[str, ...] = (), only: tuple[str, ...] = ()) -> AuditResult:
    """Attack published tables (hidden value = None) and report every figure that is not safe.

    ``extra_equations``: more knowledge of the attacker, as ``({(table id, row, col): coef}, rhs)``
    (use ``(table id, -1, -1)`` for a table's total). ``previous``: last year's published tables
    (checked on their own; weaknesses go to ``warnings``). ``required``: a stricter width per
    position (sensitive categories); otherwise every hidden figure needs a width of at least k.
    ``ignore``: prefixes of table ids that are the attacker's own unknowns (in a joint audit), not
    published figures: they are not attacked and not reported. ``only``: attack only the figures of
    tables whose id starts with one of these prefixes.
    """
    if k < MIN_K:
        raise ValueError(f"k must be at least {MIN_K} (got {k})")
    for t in tables:
        _check_shape(t, "table")
    model = _build(tables, link=True)
    hidden = {i for i, v in enumerate(model.vars) if v.value is None}
    extra = [_map_equation(model, e) for e in (extra_equations or [])]
    iv, problems = _attack_model(model, hidden, extra, ignore, only)
    intervals: dict[tuple[str, int, int], tuple[float, float]] = {}
    for v, (lo, hi) in iv.items():
        var = model.vars[v]
        need = float(k)
        for pos in var.positions:
            intervals[pos] = (lo, hi)
            if required and pos in required:
                need = max(need, float(required[pos]))
        if hi - lo < need - 1e-6:
            advice = ("hide more cells" if var.bound >= need else
                      f"the table total {_num(var.bound)} is itself below {_num(need)}: leave this "
                      "table out of the report or combine it with other periods")
            problems.append(f"{var.label}: can be narrowed to [{_num(lo)}, {_num(hi)}] "
                            f"(needs a range of at least {_num(need)}; {advice})")
    for i, var in enumerate(model.vars):
        if i not in hidden and var.unit != "hours" and 0 < var.value < k:
            problems.append(f"{var.label}: published value {_num(var.value)} is below {k}; hide it")
    for t in tables:
        if t["unit"] != "hours":
            problems.extend(_lone_hidden(t, model))
    warnings: list[str] = []
    if previous:
        for t in previous:
            _check_shape(t, "previous-year table")
        pm = _build(previous, link=True, prefix="previous/")
        ph = {i for i, v in enumerate(pm.vars) if v.value is None}
        piv, pprob = _attack_model(pm, ph)
        warnings.extend(pprob)
        for v, (lo, hi) in piv.items():
            for pos in pm.vars[v].positions:
                intervals[pos] = (lo, hi)
            if hi - lo < k - 1e-6:
                warnings.append(f"{pm.vars[v].label}: can be narrowed to [{_num(lo)}, {_num(hi)}]")
    return AuditResult(ok=not problems, intervals=intervals, problems=problems, warnings=warnings)


def _lone_hidden(t: dict, model: _Model) -> list[str]:
    """Lines of a published table whose only hidden figure stands beside published zeros (and whose
    total is not a published zero): everyone in that line shares that figure's category."""
    cells, rt, ct = _matrix_of(t)
    tid = t["id"]
    if t.get("cols") is None:
        lines = [([(tid, r, 0) for r in range(len(cells))], [r[0] for r in cells], t["total"])]
    else:
        nr, nc = len(cells), len(t["cols"])
        lines = [([(tid, r, c) for c in range(nc)], cells[r], rt[r]) for r in range(nr)]
        lines += [([(tid, r, c) for r in range(nr)], [cells[r][c] for r in range(nr)], ct[c]) for c in range(nc)]
        lines.append(([(tid, r, -1) for r in range(nr)], rt, t["total"]))
        lines.append(([(tid, -1, c) for c in range(nc)], ct, t["total"]))
    out = []
    for pos, values, total in lines:
        hidden = [i for i, v in enumerate(values) if v is None]
        if len(values) > 1 and len(hidden) == 1 and total != 0 and all(v in (None, 0) for v in values):
            label = model.vars[model.where[pos[hidden[0]]]].label
            out.append(f"{label}: the only figure not shown beside published zeros, so everyone in "
                       "that line is in this category (hide another figure of the line)")
    return out


def _map_equation(model: _Model, eq: tuple[dict, float]) -> tuple[dict[int, float], float]:
    coefs, rhs = eq
    out: dict[int, float] = {}
    for pos, c in coefs.items():
        pos = (str(pos[0]), int(pos[1]), int(pos[2]))
        if pos[1] == -1 and pos[2] == -1:
            if pos[0] not in model.totals:
                raise ValueError(f"extra equation names unknown table '{pos[0]}'")
            rhs -= c * model.totals[pos[0]]
            continue
        if pos not in model.where:
            raise ValueError(f"extra equation names unknown cell {pos}")
        v = model.where[pos]
        out[v] = out.get(v, 0.0) + float(c)
    return {v: c for v, c in out.items() if abs(c) > 1e-12}, float(rhs)


# --------------------------------------------------------------------------------------------
# Protection
# --------------------------------------------------------------------------------------------

_MILP_ROUNDS = 80       # cut rounds before the greedy fallback takes over
_TIME_BUDGET = 20.0     # seconds for one optimisation before the greedy fallback takes over


def _true_dict(t: Table) -> dict:
    if t.cols is None:
        vals = [float(r[0]) for r in t.cells]
        total = float(sum(vals))
        return {"id": t.id, "unit": t.unit, "rows": list(t.rows), "cols": None,
                "cells": [[v] for v in vals], "row_totals": list(vals), "col_totals": [total],
                "total": total}
    cells = [[float(v) for v in r] for r in t.cells]
    rt = [float(sum(r)) for r in cells]
    ct = [float(sum(r[c] for r in cells)) for c in range(len(t.cols))]
    return {"id": t.id, "unit": t.unit, "rows": list(t.rows), "cols": list(t.cols), "cells": cells,
            "row_totals": rt, "col_totals": ct, "total": float(sum(rt))}


def _validate(tables: list[Table], k: int) -> None:
    if isinstance(k, bool) or not isinstance(k, int):
        raise ValueError(f"k must be a whole number of at least {MIN_K}")
    if k < MIN_K:
        raise ValueError(f"k must be at least {MIN_K} (got {k}); smaller thresholds do not protect")
    for t in tables:
        if not t.rows:
            raise ValueError(f"table '{t.id}' has no rows")
        if len(set(t.rows)) != len(t.rows) or (t.cols and len(set(t.cols)) != len(t.cols)):
            raise ValueError(f"table '{t.id}' repeats a category code")
        if t.cols is not None and not t.cols:
            raise ValueError(f"table '{t.id}' has an empty column list; use cols=None for one-way")
        for code, kk in t.sensitive_rows.items():
            if int(kk) < MIN_K:
                raise ValueError(f"table '{t.id}': the threshold for '{code}' must be at least {MIN_K}")
        _check_shape(_true_dict(t) | {"cells": t.cells}, "table")
        if t.unit != "hours":
            for r in t.cells:
                for v in r:
                    if abs(v - round(v)) > 1e-9:
                        raise ValueError(f"table '{t.id}' counts {t.unit} but holds {v}; counts are "
                                         "whole numbers (only unit 'hours' may hold fractions)")
    ids = [t.id for t in tables]
    for t in tables:
        if t.twin is not None:
            if t.twin not in ids:
                raise ValueError(f"table '{t.id}' names twin '{t.twin}', which is not in the report")
            tw = tables[ids.index(t.twin)]
            if tw.unit == "hours":
                raise ValueError(f"table '{t.id}': its twin '{t.twin}' must count cases, not hours")
            if not set(tw.rows) <= set(t.rows) or sorted(tw.cols or []) != sorted(t.cols or []):
                raise ValueError(f"table '{t.id}' needs every row and the same columns as its twin "
                                 f"'{t.twin}' (it may have extra rows of its own)")


def _sensitivity(tables: list[Table], k: int) -> dict[str, int]:
    sens: dict[str, int] = {}
    for t in tables:
        for code, kk in t.sensitive_rows.items():
            sens[code] = max(sens.get(code, k), int(kk), k)
    return sens


@dataclass
class _Run:
    tables: list[dict]  # published
    hidden: set[int]
    reason: dict[int, str]
    model: _Model
    required: dict[tuple[str, int, int], float]
    merged: dict[str, list[str]]
    loss: int = 0
    hidden_value: float = 0.0
    audit: AuditResult | None = None
    lines: list[tuple[dict[int, float], float]] = field(default_factory=list)


class _Solver:
    """Secondary suppression: MILP over which figures to hide, with cuts from the attacker's LP."""

    def __init__(self, model: _Model, fixed: set[int], need: dict[int, float], k: int,
                 lines: list[tuple[dict[int, float], float]] = ()):
        self.m = model
        self.fixed = fixed
        self.need = need  # width required when hidden (primary: own k; others: k)
        self.k = k
        self.n = len(model.vars)
        self.var_eqs: list[list[int]] = [[] for _ in range(self.n)]
        for e, (coefs, _rhs) in enumerate(model.equations):
            for v in coefs:
                self.var_eqs[v].append(e)
        self.lines = lines  # more rows "sum(coef * s) >= lower" (the group rules)
        self.cap: dict[int, float] = {}
        self._all_cache: dict | None = None
        self._blocks: dict[frozenset, tuple] = {}
        self._widths: dict[tuple[int, int], tuple[float, dict[int, float]]] = {}

    # -- the attacker's LP in displacement form, with the dual certificate as a cut ------------
    def width_cut(self, hidden: set[int], p: int, cache: dict | None = None
                  ) -> tuple[float, dict[int, float]]:
        """Width of p's attacker interval under ``hidden`` and a cut: sum(coef_u * s_u) >= width.

        Displacement form: d = x - true value, A d = 0, -value <= d_u <= bound - value for hidden
        u, d_u = 0 otherwise. The LP duals bound max d_p for EVERY suppression pattern s by
        sum_u s_u * (value_u * lambda_lower_u - (bound_u - value_u) * lambda_upper_u).
        """
        m = self.m
        if cache is not None and p in cache:
            block, comp, local, eq_ids, outside, ups = cache[p]
        else:
            comp, seen = [p], {p}
            i = 0
            while i < len(comp):
                for e in self.var_eqs[comp[i]]:
                    for u in m.equations[e][0]:
                        if u in hidden and u not in seen:
                            seen.add(u)
                            comp.append(u)
                i += 1
            built = self._blocks.get(frozenset(comp))
            if built is not None:  # the same component in an earlier round: reuse its model
                if cache is not None:
                    for u in built[1]:
                        cache[u] = built
                return self._width(built, p)
            eq_ids = sorted({e for v in comp for e in self.var_eqs[v]})
            local = {v: j for j, v in enumerate(comp)}
            rows, cols, vals = [], [], []
            outside: dict[int, list[tuple[int, float]]] = {}
            for r, e in enumerate(eq_ids):
                for u, c in m.equations[e][0].items():
                    if u in local:
                        rows.append(r)
                        cols.append(local[u])
                        vals.append(c)
                    else:
                        outside.setdefault(u, []).append((r, c))
            ups = [m.vars[u].bound - m.vars[u].value for u in comp]
            block = _LPBlock((len(eq_ids), len(comp)), (rows, cols, vals),
                             np.zeros(len(eq_ids)), [-m.vars[u].value for u in comp], ups)
            self._blocks[frozenset(comp)] = (block, comp, local, eq_ids, outside, ups)
            if cache is not None:
                for u in comp:
                    cache[u] = (block, comp, local, eq_ids, outside, ups)
        return self._width((block, comp, local, eq_ids, outside, ups), p)

    def _width(self, built: tuple, p: int) -> tuple[float, dict[int, float]]:
        key = (id(built[0]), p)
        if key in self._widths:
            return self._widths[key]
        m = self.m
        block, _comp, local, _eq_ids, outside, ups = built
        width = 0.0
        coefs: dict[int, float] = {}
        for sign in (-1.0, 1.0):
            status, fun, red_in, y = block.solve(local[p], sign)
            if status != "optimal":
                raise RuntimeError(f"the attacker's LP ended as {status}")
            width += -fun
            for u, j in local.items():
                r = red_in[j]
                c = m.vars[u].value * max(r, 0.0) - ups[j] * min(r, 0.0)
                if c > 0:
                    coefs[u] = coefs.get(u, 0.0) + c
            for u, entries in outside.items():
                r = -sum(y[row] * c for row, c in entries)
                c = m.vars[u].value * max(r, 0.0) - (m.vars[u].bound - m.vars[u].value) * min(r, 0.0)
                if c > 0:
                    coefs[u] = coefs.get(u, 0.0) + c
        self._widths[key] = (width, coefs)
        return width, coefs

    def capacity(self, p: int) -> float:
        if p not in self.cap:
            if self._all_cache is None:
                self._all_cache = {}
            self.cap[p] = self.width_cut(set(range(self.n)), p, self._all_cache)[0]
        return self.cap[p]

    def failing(self, hidden: set[int]) -> list[tuple[int, float, dict[int, float]]]:
        out = []
        cache: dict = {}
        for p in sorted(hidden, key=lambda v: (v not in self.fixed, v)):
            w, coefs = self.width_cut(hidden, p, cache)
            need = min(self.need[p], self.capacity(p)) if w < self.need[p] - 1e-6 else self.need[p]
            if w < need - 1e-6:
                out.append((p, need, coefs))
        return out

    def _milp(self, cuts: list[dict[int, float]]) -> highspy._Highs:
        """The covering MILP: hide as few (then as small) figures as possible, fixed ones hidden,
        no figure alone in an equation, and the line rules (see ``_line_rules``)."""
        n, m = self.n, self.m
        total_value = sum(v.value for v in m.vars) + 1.0
        h = _new_highs()
        lb = np.zeros(n)
        lb[list(self.fixed)] = 1.0
        h.addVars(n, lb, np.ones(n))
        # fewest figures, then least value, then (a tie-break that keeps the result independent of
        # the solver's version) the latest figures: the last two terms together stay below 1
        h.changeColsCost(n, np.arange(n, dtype=np.int32),
                         np.array([1.0 + (0.5 * v.value + 0.25 * (n - i) / n) / total_value
                                   for i, v in enumerate(m.vars)]))
        h.changeColsIntegrality(n, np.arange(n, dtype=np.int32),
                                np.array([highspy.HighsVarType.kInteger] * n))
        for coefs, _rhs in m.equations:
            members = [u for u, c in coefs.items() if c != 0]
            if len(members) < 2:
                continue
            for v in members:
                self._add_row(h, {u: (1.0 if u != v else -1.0) for u in members}, 0.0)
        for row, lower in self.lines:
            self._add_row(h, row, lower)
        for row in cuts:
            self._add_row(h, row, 0.0)
        h.setOptionValue("mip_rel_gap", 0.0)
        return h

    @staticmethod
    def _add_row(h: highspy._Highs, row: dict[int, float], lower: float) -> None:
        idx = np.array(list(row), dtype=np.int32)
        h.addRow(lower, highspy.kHighsInf, len(idx), idx, np.array(list(row.values()), dtype=float))

    def solve(self) -> tuple[set[int], str]:
        """Hidden set and how it was found ("milp" or "greedy"). Each round solves the MILP again
        with the cuts found so far (a fresh model: the same optimum whatever was solved before)."""
        start = time.perf_counter()
        cuts: list[dict[int, float]] = []
        hidden: set[int] | None = None
        for _round in range(_MILP_ROUNDS):
            left = _TIME_BUDGET - (time.perf_counter() - start)
            if left <= 0:
                break
            h = self._milp(cuts)
            h.setOptionValue("time_limit", left)
            h.run()
            if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
                break
            x = np.array(h.getSolution().col_value)
            hidden = {i for i in range(self.n) if x[i] > 0.5}
            bad = self.failing(hidden)
            if not bad:
                return hidden, "milp"
            for p, need, coefs in bad:
                row = {u: min(c, need) for u, c in coefs.items() if c > 1e-9 and u != p}
                row[p] = min(coefs.get(p, 0.0), need) - need
                cuts.append(row)
        return self.greedy(hidden or set(self.fixed)), "greedy"

    def greedy(self, hidden: set[int]) -> set[int]:
        hidden = set(hidden)
        while True:
            bad = self.failing(hidden)
            if not bad:
                more = self.line_repair(hidden)
                if not more:
                    return hidden
                hidden |= more
                continue
            grow = set()
            for p, _need, _coefs in bad:
                for e in self.var_eqs[p]:
                    grow.update(self.m.equations[e][0])
            grow -= hidden
            if not grow:
                if len(hidden) < self.n:
                    grow = set(range(self.n)) - hidden
                else:
                    return hidden  # everything but the totals is hidden: nothing more to do
            # hide the cheapest neighbour of each unsafe figure first, everything only if needed
            pick = set()
            for p, _need, _coefs in bad:
                near = sorted((u for e in self.var_eqs[p] for u in self.m.equations[e][0] if u in grow),
                              key=lambda u: (self.m.vars[u].value, u))
                if near:
                    pick.add(near[0])
            hidden |= pick or grow


    def line_repair(self, hidden: set[int]) -> set[int]:
        """For every line rule that ``hidden`` breaks, the cheapest figure that mends it."""
        more: set[int] = set()
        for row, lower in self.lines:
            if sum(c for u, c in row.items() if u in hidden) >= lower - 1e-9:
                continue
            options = sorted((u for u, c in row.items() if c > 0 and u not in hidden),
                             key=lambda u: (self.m.vars[u].value, u))
            if options:
                more.add(options[0])
        return more


def _publish(truth: list[dict], model: _Model, hidden: set[int]) -> list[dict]:
    out = []
    for t in truth:
        p = {"id": t["id"], "unit": t["unit"], "rows": list(t["rows"]),
             "cols": None if t["cols"] is None else list(t["cols"]),
             "cells": [list(r) for r in t["cells"]], "row_totals": list(t["row_totals"]),
             "col_totals": list(t["col_totals"]), "total": t["total"]}
        for r in range(len(p["rows"])):
            for c in range(len(p["cells"][r])):
                if model.where[(t["id"], r, c)] in hidden:
                    p["cells"][r][c] = None
            key = (t["id"], r, 0 if t["cols"] is None else -1)
            if model.where[key] in hidden:
                p["row_totals"][r] = None
        if t["cols"] is not None:
            for c in range(len(p["cols"])):
                if model.where[(t["id"], -1, c)] in hidden:
                    p["col_totals"][c] = None
        for key in ("cells", "row_totals", "col_totals"):
            p[key] = _tidy(p[key], t["unit"])
        p["total"] = _tidy_num(p["total"], t["unit"])
        out.append(p)
    return out


def _tidy_num(v, unit: str):
    if v is None:
        return None
    return int(round(v)) if unit != "hours" else float(v)


def _tidy(values, unit):
    if isinstance(values, list):
        return [_tidy(v, unit) for v in values]
    return _tidy_num(values, unit)


def _force_positions(tables: list[Table], merged: dict[str, list[str]], force) -> set[tuple[str, int, int]]:
    """Positions (table id, row, col) of forced cells given as positions or as category codes.

    A code key is ``(table id, row code or None, col code or None)``: one-way cell ``(t, r, None)``,
    two-way cell ``(t, r, c)``, row total ``(t, r, None)``, column total ``(t, None, c)``. A code that
    was merged into "overig" forces the "overig" figure that now holds it; an unknown code is skipped.
    """
    by_id = {t.id: t for t in tables}
    out: set[tuple[str, int, int]] = set()
    for key in force:
        tid, a, b = key
        if isinstance(a, int) and isinstance(b, int):
            out.add((tid, a, b))
            continue
        t = by_id.get(tid)
        if t is None:
            continue
        gone = set(merged.get(tid, ()))

        def index(codes, code, gone=gone):
            code = MERGED_CODE if code in gone else code
            return codes.index(code) if code in codes else None

        r = None if a is None else index(t.rows, a)
        if a is not None and r is None:
            continue
        if t.cols is None:
            if r is not None and b is None:
                out.add((tid, r, 0))
            continue
        c = None if b is None else index(t.cols, b)
        if b is not None and c is None:
            continue
        if r is not None and c is not None:
            out.add((tid, r, c))
        elif r is not None:
            out.add((tid, r, -1))
        elif c is not None:
            out.add((tid, -1, c))
    return out


def _twin_pairs(tables: list[Table], model: _Model) -> list[tuple[int, int]]:
    """(hours figure, its count twin's figure) for every figure of a table with a twin."""
    by_id = {t.id: t for t in tables}
    pairs = []
    for t in tables:
        if t.twin is None:
            continue
        tw = by_id[t.twin]
        rmap = {i: tw.rows.index(code) for i, code in enumerate(t.rows) if code in tw.rows}
        cmap = {-1: -1} if t.cols is None else {i: tw.cols.index(code) for i, code in enumerate(t.cols)}
        cmap.setdefault(-1, -1)
        for (tid, r, c), v in list(model.where.items()):
            if tid != t.id or (r != -1 and r not in rmap):
                continue
            tr = -1 if r == -1 else rmap[r]
            tc = 0 if t.cols is None else cmap[c]
            tv = model.where.get((tw.id, tr, tc))
            if tv is not None:
                pairs.append((v, tv))
    return pairs


def _lines_of(t: dict, model: _Model) -> list[tuple[list[int], list[float], int | None]]:
    """Every line of a table as (figures, true values, the line total's figure or None when the
    total is a published constant): a one-way table is one line; a two-way table has its rows, its
    columns and its two margins."""
    tid = t["id"]
    if t["cols"] is None:
        return [([model.where[(tid, r, 0)] for r in range(len(t["rows"]))], [r[0] for r in t["cells"]], None)]
    nr, nc = len(t["rows"]), len(t["cols"])
    out = [([model.where[(tid, r, c)] for c in range(nc)], list(t["cells"][r]), model.where[(tid, r, -1)])
           for r in range(nr)]
    out += [([model.where[(tid, r, c)] for r in range(nr)], [t["cells"][r][c] for r in range(nr)],
             model.where[(tid, -1, c)]) for c in range(nc)]
    out.append(([model.where[(tid, r, -1)] for r in range(nr)], list(t["row_totals"]), None))
    out.append(([model.where[(tid, -1, c)] for c in range(nc)], list(t["col_totals"]), None))
    return out


def _line_rules(tables: list[Table], truth: list[dict], model: _Model, k: int
                ) -> tuple[set[int], list[tuple[dict[int, float], float]]]:
    """Group disclosure, in every line of every count table (see ``_lines_of``).

    1. The group rule: where one category holds all of a line's cases or all but fewer than k, that
       figure is hidden ("all 14 were reported about a manager"). Tables with ``group=False`` (and
       tables not counting cases, unless they ask for it) only get rule 2.
    2. Published zeros speak too: a line whose only non-zero figure is hidden must hide at least one
       more of its figures, else the zeros beside it say that everyone in the line shares it. A line
       of zeros whose total is hidden gets the same rule (its hidden figure could be anyone).
    Returns the figures hidden by rule 1 and rule 2 as MILP rows ``sum(coef * s) >= lower``.
    """
    group: set[int] = set()
    rows: list[tuple[dict[int, float], float]] = []
    for tb, t in zip(tables, truth, strict=True):
        if t["unit"] == "hours":
            continue
        rule = tb.group if tb.group is not None else t["unit"] == "cases"
        for figs, values, total_fig in _lines_of(t, model):
            if len(figs) < 2 or len(set(figs)) < len(figs):
                continue
            total = sum(values)
            nonzero = [i for i, v in enumerate(values) if v > 0]
            if rule and total > 0:
                top = max(range(len(values)), key=lambda i: values[i])
                said_nothing = t["cols"] is None and t["rows"][top] in tb.no_group
                if total - values[top] < k and not said_nothing:
                    group.add(figs[top])
            if len(nonzero) == 1:
                c = figs[nonzero[0]]
                rows.append(({c: -1.0, **{u: 1.0 for u in figs if u != c}}, 0.0))
            elif not nonzero and total_fig is not None:
                for c in figs:
                    rows.append(({c: -1.0, total_fig: -1.0, **{u: 1.0 for u in figs if u != c}}, -1.0))
    return group, rows


def _run_once(tables: list[Table], k: int, link: bool, merged: dict[str, list[str]],
              force: frozenset = frozenset()) -> _Run:
    sens = _sensitivity(tables, k)
    truth = [_true_dict(t) for t in tables]
    model = _build(truth, link=link)

    def threshold(var: _Var) -> float:
        return float(max([k] + [sens.get(c, k) for c in var.codes]))

    reason: dict[int, str] = {}
    for i, var in enumerate(model.vars):
        if var.unit != "hours" and 0 < var.value < threshold(var):
            reason[i] = _REASON_PRIMARY
    group, lines = _line_rules(tables, truth, model, k)
    for v in group:
        reason.setdefault(v, _REASON_GROUP)
    pairs = _twin_pairs(tables, model)
    for v, tv in pairs:  # hours figures follow their count twin: hidden when its count is hidden
        if reason.get(tv) in (_REASON_PRIMARY, _REASON_GROUP):
            reason.setdefault(v, _REASON_PRIMARY)
    for pos in _force_positions(tables, merged, force):
        v = model.where.get(pos)  # must stay hidden because an earlier publication links to it
        if v is not None:
            reason.setdefault(v, _REASON_SECONDARY)
    fixed = set(reason)
    need = {i: (threshold(var) if (i in fixed and var.unit != "hours") else float(k))
            for i, var in enumerate(model.vars)}
    for _round in range(6):
        hidden, _how = _Solver(model, fixed, need, k, lines).solve()
        follow = {v for v, tv in pairs if tv in hidden and v not in hidden}
        if not follow:
            break
        fixed |= hidden | follow  # keep the counts' choice; only the hours system grows
        for v in follow:
            reason.setdefault(v, _REASON_SECONDARY)
    for v in hidden:
        reason.setdefault(v, _REASON_SECONDARY)
    required = {pos: need[i] for i in hidden for pos in model.vars[i].positions if need[i] > k}
    run = _Run(_publish(truth, model, hidden), hidden, reason, model, required, merged, lines=lines)
    run.hidden_value = float(sum(model.vars[v].value for v in hidden if model.vars[v].unit != "hours"))
    return run


# --------------------------------------------------------------------------------------------
# Merging small categories into "overig"
# --------------------------------------------------------------------------------------------

def _merge_codes(codes: list[str], merge: set[str]) -> list[str]:
    """Codes after merging: "overig" keeps its place when it existed, else it goes last."""
    out = [c for c in codes if c not in merge or c == MERGED_CODE]
    if MERGED_CODE not in out:
        out.append(MERGED_CODE)
    return out


def _apply_merges(tables: list[Table], plan: dict[tuple[str, ...], set[str]]
                  ) -> tuple[list[Table], dict[str, list[str]]]:
    """Merge the planned categories. A table with a twin (hours) merges its rows like its twin's,
    so the hours table never shows categories that the count table combined."""
    out, merged = [], {}
    by_id = {t.id: t for t in tables}
    for t in tables:
        rows, cols, cells = list(t.rows), None if t.cols is None else list(t.cols), [list(r) for r in t.cells]
        sens = dict(t.sensitive_rows)
        gone: list[str] = []
        twin = by_id.get(t.twin) if t.twin is not None else None
        for axis in ("rows", "cols"):
            codes = rows if axis == "rows" else cols
            if codes is None:
                continue
            twin_codes = None if twin is None else (twin.rows if axis == "rows" else twin.cols)
            if tuple(codes) in plan:
                m = plan[tuple(codes)]
            elif twin_codes is not None and tuple(twin_codes) in plan:
                m = plan[tuple(twin_codes)] & set(codes)
                if not m - {MERGED_CODE}:
                    continue
            else:
                continue
            new = _merge_codes(codes, m)
            index = {c: new.index(MERGED_CODE if c in m else c) for c in codes}
            if axis == "rows":
                width = len(cells[0])
                acc = [[0.0] * width for _ in new]
                for i, c in enumerate(codes):
                    for j in range(width):
                        acc[index[c]][j] += cells[i][j]
                cells, rows = acc, new
            else:
                acc = [[0.0] * len(new) for _ in cells]
                for i in range(len(cells)):
                    for j, c in enumerate(codes):
                        acc[i][index[c]] += cells[i][j]
                cells, cols = acc, new
            strict = [sens[c] for c in m if c in sens]
            if strict:
                sens[MERGED_CODE] = max(strict + [sens.get(MERGED_CODE, 0)])
            gone.extend(c for c in codes if c in m and c != MERGED_CODE)
        if gone:
            merged[t.id] = gone
        out.append(Table(t.id, t.unit, rows, cols, cells, sens, t.twin, t.group, t.no_group))
    return out, merged


def _axis_margins(tables: list[Table]) -> dict[tuple[str, ...], list[list[float]]]:
    """For every category list used as an axis of a count table: the margin vectors seen."""
    seen: dict[tuple[str, ...], list[list[float]]] = {}
    for t in tables:
        if t.unit == "hours":
            continue
        d = _true_dict(t)
        seen.setdefault(tuple(t.rows), []).append(d["row_totals"])
        if t.cols is not None:
            seen.setdefault(tuple(t.cols), []).append(d["col_totals"])
    return seen


def _merge_candidates(tables: list[Table], k: int) -> list[tuple[tuple[str, ...], set[str]]]:
    sens = _sensitivity(tables, k)
    found = []
    for codes, margins in _axis_margins(tables).items():
        thr = {c: sens.get(c, k) for c in codes}
        small = {c for i, c in enumerate(codes) for m in margins if 0 < m[i] < thr[c]}
        if not small:
            continue
        group = set(small) | ({MERGED_CODE} if MERGED_CODE in codes else set())

        # only small categories are merged: a large one keeps its own row even if 'overig' stays small
        if len(group) >= 2 and set(codes) - group:
            found.append((codes, group))
    found.sort(key=lambda item: -len(item[1]))
    return found


def _loss(run: _Run, original: list[Table]) -> int:
    """Figures lost: cells of the original tables minus cells still printed with a number.

    Merging two categories into one loses one row of figures; hiding loses each hidden cell.
    """
    before = sum(len(t.cells) * len(t.cells[0]) for t in original)
    after = sum(1 for t in run.tables for r in t["cells"] for v in r if v is not None)
    return before - after


def protect(tables: list[Table], k: int = 5, *, previous: list[dict] | None = None,
            merge: bool = True, linked_total: bool = True,
            force_hidden: set[tuple] | None = None) -> Protection:
    """Protect all tables of one report together and audit the result.

    ``merge``: try merging small categories into "overig" (kept only when fewer original figures
    are lost). ``linked_total``: treat the report as one linked system (tables of a unit share the
    population total; two-way margins are the one-way tables). With False each table is protected
    on its own - the naive method, kept for comparison; its audit still attacks the linked system
    and will often fail. ``previous``: last year's published tables (see the module docstring).
    ``force_hidden``: figures that must be hidden whatever their value, e.g. a figure hidden in an
    earlier publication (protected like a secondary cell); each is a position ``(table id, row,
    col)`` or a code key ``(table id, row code | None, col code | None)`` (see _force_positions).
    The result's ``audit.ok`` must be True before anything is exported.
    """
    _validate(tables, k)
    force = frozenset(force_hidden or ())
    best = _run_once(tables, k, linked_total, {}, force)
    best.loss = _loss(best, tables)
    plan: dict[tuple[str, ...], set[str]] = {}
    if merge:
        for codes, group in _merge_candidates(tables, k):
            trial_plan = dict(plan)
            trial_plan[codes] = group
            merged_tables, merged = _apply_merges(tables, trial_plan)
            trial = _run_once(merged_tables, k, linked_total, merged, force)
            trial.loss = _loss(trial, tables)
            if (trial.loss, trial.hidden_value) < (best.loss, best.hidden_value):
                best, plan = trial, trial_plan
    best.audit = audit(best.tables, k, previous=previous, required=best.required)
    if not best.audit.ok and linked_total:
        # numerical safety net: the optimiser's own check and the audit disagree; grow greedily
        solver = _Solver(best.model, set(best.reason), {i: float(k) for i in range(len(best.model.vars))}, k,
                         best.lines)
        for pos, w in best.required.items():
            solver.need[best.model.where[pos]] = w
        hidden = solver.greedy(best.hidden)
        for v in hidden - best.hidden:
            best.reason[v] = _REASON_SECONDARY
        truth = [_true_dict(t) for t in (_apply_merges(tables, plan)[0] if plan else tables)]
        best.hidden = hidden
        best.tables = _publish(truth, best.model, hidden)
        best.audit = audit(best.tables, k, previous=previous, required=best.required)
    m = best.model
    reasons = {}
    for p in best.tables:
        reasons[p["id"]] = [[best.reason.get(m.where[(p["id"], r, c)]) if m.where[(p["id"], r, c)] in best.hidden
                             else None for c in range(len(p["cells"][r]))] for r in range(len(p["rows"]))]
    primary = sum(1 for v in best.hidden if best.reason.get(v) in (_REASON_PRIMARY, _REASON_GROUP))
    return Protection(
        tables=best.tables, k=k, hidden_cells=len(best.hidden),
        hidden_value=float(sum(m.vars[v].value for v in best.hidden if m.vars[v].unit != "hours")),
        primary=primary, secondary=len(best.hidden) - primary, merged=best.merged, audit=best.audit,
        reasons=reasons, loss=best.loss, required=dict(best.required))
