"""Statistical disclosure control for the annual report's tables.

Small organisations make small counts, and a count of 1 or 2 can point at a person. This module
protects the report's tables the way statistics offices do (tau-ARGUS, sdcTable):

1. Primary suppression: a cell with 1 <= n < k is hidden (k defaults to 5, never below 3; a
   category may carry a stricter k). Zeros are published.
2. Group disclosure: when all cases of a row or column of a two-way table sit in one cell, that
   cell is hidden too ("all 6 cases were by a manager").
3. Merging: small categories may be merged into ``overig`` when that loses fewer figures than
   hiding them (information loss = figures that can no longer be read, then hidden value).
4. Secondary suppression over ALL tables of a report at once. The tables are one linked system:
   every table's total is published, tables of one unit with equal totals share that population
   total, and a two-way table's margins are the same figures as the one-way table of the same
   variable (same unit, same codes, same values): they are one unknown, hidden or published
   together. Which extra cells to hide is chosen by a mixed-integer program (HiGHS, via
   ``scipy.optimize.milp``) that minimises the number of hidden figures (then their value),
   with protection constraints generated from the attacker's own LP duals (Fischetti-Salazar
   style Benders cuts) until every hidden figure is safe.
5. Audit: for every hidden figure the attacker's LP (``attack_intervals``) finds its min and max
   given every published figure, total and linkage and non-negativity. A hidden figure is safe
   when max - min >= k (its own stricter k for sensitive categories). Export must be refused
   unless the audit passes. If the optimiser cannot finish, a greedy fallback hides the
   neighbours of unsafe figures until safe or until everything except the totals is hidden.

Hours tables (unit "hours") hold floats. They get no threshold of their own: a Table may name its
case-count twin (``twin``, the id of a count table with the same rows and columns); an hours cell
is hidden when the twin's cell is primary or group suppressed. Hidden hours figures must then be
at least k hours wide under the attack, and hours tables are linked among themselves like counts.

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

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csr_matrix




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
                     upper: list[float | None] | None = None) -> list[tuple[float, float]]:
    """The smallest and largest value each unknown can take, as an attacker would compute it.

    Variables ``x_0 .. x_{n_vars-1}`` are non-negative (and at most ``upper[i]`` when that is not
    None); every equation ``(coefs, rhs)`` means ``sum(coefs[i] * x_i) == rhs``. For every variable
    the minimum and maximum are found with HiGHS (continuous LP, as tau-ARGUS and sdcTable audit).
    A variable in no equation and without an upper bound gets ``(0, inf)``.

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
        a_eq = csr_matrix((vals, (rows, cols)), shape=(len(eqs), len(comp)))
        b_eq = np.array(rhs)
        for j, g in enumerate(comp):
            ends = []
            for sign in (1.0, -1.0):
                cost = np.zeros(len(comp))
                cost[j] = sign
                res = linprog(cost, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
                if res.status == 2:
                    raise ValueError("the published figures contradict each other (no values fit all "
                                     "equations); check that totals equal the sum of their cells")
                if res.status == 3:  # unbounded: only possible for the maximum
                    ends.append(math.inf if sign < 0 else 0.0)
                    continue
                if res.status != 0:
                    raise ValueError(f"the attacker's linear program failed: {res.message}")
                ends.append(sign * res.fun)
            lo = _clean(ends[0])
            hi = _clean(ends[1])
            result[g] = (max(lo, 0.0), hi)
    return result


# --------------------------------------------------------------------------------------------
# Public data types
# --------------------------------------------------------------------------------------------

MIN_K = 3
MERGED_CODE = "overig"
_REASON_PRIMARY = "primair"
_REASON_SECONDARY = "secundair"
_REASON_GROUP = "groep"

METHOD_TEXT: dict[str, str] = {
    "nl": (
        "Om te voorkomen dat iemand herkenbaar wordt, zijn aantallen van 1 tot en met {k_minus} niet "
        "getoond. Ook een rij of kolom waarin alle gevallen in één vak vallen, is afgeschermd. Waar "
        "nodig zijn daarnaast andere vakken verborgen, zodat een verborgen getal niet uit de totalen "
        "of uit andere tabellen terug te rekenen is; dat is voor elk verborgen getal gecontroleerd "
        "(het kan steeds minstens {k} verschillende waarden hebben). Kleine categorieën zijn soms "
        "samengevoegd onder 'overig'. Totalen zijn altijd vermeld. Een leeg vak betekent dus "
        "'niet getoond', niet 'nul'."
    ),
    "en": (
        "To keep people from being recognisable, counts from 1 to {k_minus} are not shown. A row or "
        "column in which all cases fall in a single cell is shielded as well. Where needed, other "
        "cells are hidden too, so that no hidden number can be worked out from the totals or from "
        "other tables; this was checked for every hidden number (each could still take a range of "
        "at least {k} values). Small categories are sometimes combined under 'other'. Totals are "
        "always shown. An empty cell therefore means 'not shown', not 'zero'."
    ),
}
"""Plain-words description for the report. Format with ``text.format(k=k, k_minus=k - 1)``;
``{k}`` alone also works through ``method_text(lang, k)``."""


def method_text(lang: str, k: int) -> str:
    """METHOD_TEXT in ``lang`` ("nl" or "en") with the threshold filled in."""
    return METHOD_TEXT[lang].format(k=k, k_minus=k - 1)


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
    """Could two margin vectors be the same figures? Hidden positions must agree too."""
    if len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=True):
        if (x is None) != (y is None):
            return False
        if x is not None and abs(x - y) > 1e-6:
            return False
    return True


def _build(tables: list[dict], *, link: bool, prefix: str = "") -> _Model:
    """Turn table dicts (true or published values; None = unknown) into the linked equation system."""
    vars_: list[_Var] = []
    where: dict[tuple[str, int, int], int] = {}
    eqs: list[tuple[dict[int, float], float]] = []
    totals: dict[str, float] = {}
    axes: dict[tuple[str, tuple[str, ...]], list[tuple[list[float | None], list[int]]]] = {}
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
        key = (t["unit"], tuple(codes))
        if link:
            for vals, idx in axes.get(key, []):
                if _compatible(vals, values):
                    for i, v in enumerate(idx):
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

def _attack_model(model: _Model, hidden: set[int], extra: list[tuple[dict[int, float], float]] = ()
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
    try:
        iv = attack_intervals(len(order), eqs)
    except ValueError as exc:
        return {}, [str(exc)]
    return {v: iv[local[v]] for v in order}, []


def audit(tables: list[dict], k: int, *, extra_equations: list[tuple[dict, float]] | None = None,
          previous: list[dict] | None = None,
          required: dict[tuple[str, int, int], float] | None = None) -> AuditResult:
    """Attack published tables (hidden value = None) and report every figure that is not safe.

    ``extra_equations``: more knowledge of the attacker, as ``({(table id, row, col): coef}, rhs)``
    (use ``(table id, -1, -1)`` for a table's total). ``previous``: last year's published tables
    (checked on their own; weaknesses go to ``warnings``). ``required``: a stricter width per
    position (sensitive categories); otherwise every hidden figure needs a width of at least k.
    """
    if k < MIN_K:
        raise ValueError(f"k must be at least {MIN_K} (got {k})")
    for t in tables:
        _check_shape(t, "table")
    model = _build(tables, link=True)
    hidden = {i for i, v in enumerate(model.vars) if v.value is None}
    extra = [_map_equation(model, e) for e in (extra_equations or [])]
    iv, problems = _attack_model(model, hidden, extra)
    intervals: dict[tuple[str, int, int], tuple[float, float]] = {}
    for v, (lo, hi) in iv.items():
        var = model.vars[v]
        need = float(k)
        for pos in var.positions:
            intervals[pos] = (lo, hi)
            if required and pos in required:
                need = max(need, float(required[pos]))
        if hi - lo < need - 1e-6:
            problems.append(f"{var.label}: can be narrowed to [{_num(lo)}, {_num(hi)}] "
                            f"(needs a range of at least {_num(need)}; hide more cells)")
    for i, var in enumerate(model.vars):
        if i not in hidden and var.unit != "hours" and 0 < var.value < k:
            problems.append(f"{var.label}: published value {_num(var.value)} is below {k}; hide it")
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
    return out, float(rhs)
