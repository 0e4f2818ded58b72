"""The publication ledger: every release of figures, and what a new release is audited with.

Every release of published figures - an organisation's report, the all-organisations report, each
version of either, each file format and each .vstat - is recorded in the vault (table
``publications``, through the repository) with exactly the published tables: never the true counts.

An attacker holds everything that was ever published. So a new release is attacked together with
the releases that share its cases:

* **the same year's other scopes**: the all-organisations table is the sum of the organisation
  tables (plus the organisations whose report was not released, an unknown non-negative remainder);
* **earlier versions of the same scope** (``versions``; the report's own version audit uses them);
* **the neighbouring years** (``year_links``): the cases carried over into a year are the cases of
  the year before that were still open, category by category. The carried-over cases of a category
  are at most that category's count in either year.
* **levels** (global recoding, app.reporting.recode): releases that show a variable at other levels
  are linked per coarse group (a group's figure is the sum of its members'); the same scope's release
  at another level is linked by ``other_levels``, and of a scope released at several levels the most
  detailed one is the part of a sum (``latest``), the others linked to it.

Equations between releases are the attacker's guesses "nothing changed in between". A group of
guesses that contradicts the published figures (the data did change) is dropped, as an attacker
would drop it; see ``joint_audit``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from app.reporting import disclosure
from app.reporting.aggregate import same_figures, upgrade_release

ALL = None  # the scope of the all-organisations report


@dataclass
class Release:
    org_id: int | None
    organisation: str
    year: int
    kind: str
    created: str
    figures: dict  # {"threshold", "totals", "tables"}


def figures_of(report: dict) -> dict:
    """What a release gives out, as recorded: the threshold, the totals and the published tables."""
    return {"threshold": report.get("threshold"), "totals": report.get("totals"), "tables": report.get("tables"),
            "levels": report.get("levels")}


def record(repo, org_id: int | None, report: dict, kind: str) -> None:
    """Record one release (kind: pdf, csv, json, vstat) of a report's published figures."""
    repo.record_publication(org_id, str(report.get("organisation", "")), int(report["year"]), kind,
                            figures_of(report))


def releases(repo, years: list[int]) -> list[Release]:
    """Every recorded release of the given years, oldest first."""
    return [Release(*row[:-1], upgrade_release(row[-1])) for row in repo.publications(years)]


def _key(figures: dict) -> str:
    return json.dumps([figures.get("tables"), figures.get("totals")], sort_keys=True)


def versions(rels: list[Release], org_id: int | None, year: int) -> list[dict]:
    """The distinct versions of one scope and year that were released, newest first."""
    out: list[dict] = []
    seen: set[str] = set()
    for r in reversed(rels):
        if r.org_id == org_id and r.year == year and isinstance(r.figures.get("tables"), list):
            k = _key(r.figures)
            if k not in seen:
                seen.add(k)
                out.append(dict(r.figures, organisation=r.organisation, year=r.year))
    return out


def by_level(rels: list[Release], year: int) -> dict[int | None, list[Release]]:
    """The newest release of each scope and level of a year (a report and the supervisor's file in
    groups are two levels of one scope), the most detailed first."""
    out: dict[int | None, list[Release]] = {}
    for r in rels:
        if r.year == year and isinstance(r.figures.get("tables"), list):
            lst = out.setdefault(r.org_id, [])
            lv = levels_of(r.figures["tables"])
            at = next((i for i, o in enumerate(lst) if same_level(levels_of(o.figures["tables"]), lv)), None)
            if at is None:
                lst.append(r)
            else:
                lst[at] = r
    for lst in out.values():
        lst.sort(key=lambda r: -sum(1 for lv in levels_of(r.figures["tables"]).values() if lv == "detailed"))
    return out


def latest(rels: list[Release], year: int) -> dict[int | None, Release]:
    """The newest release of each scope of a year; of a scope released at several levels, the newest
    at its most detailed level (the other levels are linked to it: ``same_year``, ``other_levels``)."""
    return {oid: lst[0] for oid, lst in by_level(rels, year).items()}


# -- the same year's scopes: the all-organisations table is the sum of the organisation tables ---

def _cells(t: dict) -> list[tuple[int, int]]:
    return [(r, c) for r in range(len(t["rows"])) for c in range(len(t["cells"][r]))]


def _index(t: dict) -> dict[tuple[str, str | None], tuple[int, int]]:
    cols = t.get("cols")
    return {(t["rows"][r], None if cols is None else cols[c]): (r, c) for r, c in _cells(t)}


def _coarse_axes(tables: list[dict]) -> tuple[bool, bool]:
    """Is any of these (same) tables shown at the coarse level on its rows, on its columns?"""
    from app.reporting import recode
    from app.reporting.aggregate import TABLE_VOCABS
    rv, cv = TABLE_VOCABS.get(tables[0]["id"], (None, None))
    levels = [recode.level_of(t) for t in tables]
    return (any(lv.get(rv) == recode.COARSE for lv in levels),
            any(lv.get(cv) == recode.COARSE for lv in levels) and cv is not None)


def _projected(t: dict, axes: tuple[bool, bool]) -> dict[tuple[str, str | None], list[tuple[int, int]]]:
    """The table's cells by their category at the level ``axes`` (True: the coarse groups on that
    axis; a detailed table's cells then add up into their group's)."""
    from app.reporting import recode
    from app.reporting.aggregate import TABLE_VOCABS
    rv, cv = TABLE_VOCABS.get(t["id"], (None, None))
    cols = t.get("cols")
    rmap = recode.group_map(t["rows"], rv) if axes[0] else {c: c for c in t["rows"]}
    cmap = recode.group_map(cols, cv) if axes[1] and cols else {c: c for c in cols or []}
    out: dict[tuple[str, str | None], list[tuple[int, int]]] = {}
    for r, c in _cells(t):
        out.setdefault((rmap[t["rows"][r]], None if cols is None else cmap[cols[c]]), []).append((r, c))
    return out


def _unknown_table(tid: str, unit: str, keys: list[tuple[str, str | None]], total: float, two_way: bool
                   ) -> tuple[dict, dict[tuple[str, str | None], tuple[int, int]]]:
    """A table of unknowns laid out on these category keys, and where each key sits in it."""
    rows = list(dict.fromkeys(r for r, _c in keys))
    cols = list(dict.fromkeys(c for _r, c in keys)) if two_way else None
    table = {"id": tid, "unit": unit, "rows": rows, "cols": cols, "cells": [[None] * len(cols or [0]) for _ in rows],
             "row_totals": [None] * len(rows), "col_totals": [None] * len(cols or [0]), "total": total}
    return table, {(r, c): (rows.index(r), 0 if cols is None else cols.index(c)) for r, c in keys}


def sum_link(all_tables: list[dict], all_prefix: str, parts: list[tuple[str, list[dict]]]
             ) -> tuple[list[dict], list[list[tuple[dict, float]]]]:
    """The attacker's equations "all = sum of the organisations (+ the rest)", one group per table.

    All tables come with their own ids; in the joint audit the all-organisations tables are named
    ``all_prefix + id`` ("" for the report under audit) and each part's ``prefix + id``. Returns the
    remainder tables (every cell unknown; their total is what the released organisations do not
    cover) and the equation groups. When a table is at the coarse level in any of them (global
    recoding), the equations are stated per coarse group: a detailed table's cells add up into their
    group (exact when the all-organisations table is the coarse one, as the report makes it; a
    detailed all-organisations table beside a coarse part - only from before recoding - is linked
    by its group sums). A part that lacks the table (it left it out: too few cases) or whose
    categories do not line up with it counts in the unknown remainder, so the other parts stay linked.
    """
    extra_tables, groups = [], []
    for t in all_tables:
        mine = [(prefix, o) for prefix, tables in parts
                for o in tables if o["id"] == t["id"] and o["unit"] == t["unit"]
                and (o.get("cols") is None) == (t.get("cols") is None)]
        if not mine:
            continue
        axes = _coarse_axes([t] + [o for _p, o in mine])
        keys = _projected(t, axes)
        projected = [(prefix, o, pk) for prefix, o in mine if set(pk := _projected(o, axes)) <= set(keys)]
        rest = float(t["total"]) - sum(float(o["total"]) for _p, o, _pk in projected)
        if rest < -1e-6:
            continue  # the organisations released more than the whole: the data changed since
        rest_id = f"rest/{all_prefix}{t['id']}"
        rest_table, rest_at = _unknown_table(rest_id, f"{t['unit']}@rest", list(keys), rest, t.get("cols") is not None)
        if rest > 1e-6:
            extra_tables.append(rest_table)
        eqs = []
        for key, cells in keys.items():
            eq = {(all_prefix + t["id"], r, c): 1.0 for r, c in cells}
            if rest > 1e-6:
                eq[(rest_id, *rest_at[key])] = -1.0
            for prefix, o, pk in projected:
                for r, c in pk.get(key, []):
                    eq[(prefix + o["id"], r, c)] = -1.0
            eqs.append((eq, 0.0))
        groups.append(eqs)
    return extra_tables, groups


def apart(tables: list[dict], prefix: str) -> list[dict]:
    """Another release's tables renamed for a joint audit (also their unit, so that the audit does
    not link them to this report's tables by equal totals; links are stated as equations)."""
    return [dict(t, id=f"{prefix}{t['id']}", unit=f"{t['unit']}@{prefix}") for t in tables]


def joint_audit(tables: list[dict], others: list[list[dict]], groups: list[list[tuple[dict, float]]],
                k: int) -> disclosure.AuditResult:
    """Attack ``tables`` together with other releases' (renamed) tables and the linking equation
    groups. Problems that a release had on its own, and problems of the unknown remainders (no one
    publishes those), are not this release's. A group of equations that contradicts the published
    figures is dropped, as an attacker would drop it."""
    alone: set[str] = set()
    for o in others:
        alone.update(_alone([t for t in o if not t["id"].startswith(_UNKNOWNS)], k))
    every = tables + [t for o in others for t in o]
    same = same_figures(every)   # figures two tables of one release hold by definition

    def run(eqs):
        try:
            res = disclosure.audit(every, k, extra_equations=same + eqs, ignore=_UNKNOWNS)
        except ValueError:
            return None
        return None if _contradicts(res) else res

    result = run([e for g in groups for e in g])
    if result is None:
        kept: list = []
        for g in groups:
            if run(kept + g) is not None:
                kept += g
        result = run(kept) or disclosure.audit(every, k, extra_equations=same, ignore=_UNKNOWNS)
    problems = [p for p in result.problems if p not in alone and not p.startswith(_UNKNOWNS)]
    return disclosure.AuditResult(ok=not problems, intervals=result.intervals, problems=problems,
                                  warnings=result.warnings)


_ALONE: dict[str, list[str]] = {}


def _alone(tables: list[dict], k: int) -> list[str]:
    """A release's own audit problems (what it gave away by itself), remembered per release."""
    if not tables:
        return []
    key = json.dumps([k, tables], sort_keys=True)
    if key not in _ALONE:
        try:
            _ALONE[key] = disclosure.audit(tables, k).problems
        except ValueError:
            _ALONE[key] = []
        if len(_ALONE) > 256:
            _ALONE.pop(next(iter(_ALONE)))
    return _ALONE[key]


_UNKNOWNS = ("rest/", "link")  # the attacker's own unknowns (remainders, carried-over cases): never published


def _contradicts(result: disclosure.AuditResult) -> bool:
    return any("contradict each other" in p or "do not add up" in p for p in result.problems)


def same_year(rels: list[Release], org_id: int | None, year: int, tables: list[dict]
              ) -> tuple[list[list[dict]], list[list[tuple[dict, float]]], list[str]]:
    """The same year's other scopes as (renamed tables per release, equation groups, names).

    For an organisation's report: the all-organisations release and the other organisations'
    releases (together they give this organisation's figures by subtraction). For the
    all-organisations report: every organisation's release."""
    levels = by_level(rels, year)
    newest = {oid: lst[0] for oid, lst in levels.items()}
    orgs = {oid: r for oid, r in newest.items() if oid is not ALL and oid != org_id}
    others, names, parts, extra = [], [], [], []
    for oid, r in sorted(orgs.items()):
        prefix = f"org{oid}/"
        others.append(apart(r.figures["tables"], prefix))
        parts.append((prefix, r.figures["tables"]))
        names.append(f"{r.organisation} {year}")
        for n, coarser in enumerate(levels[oid][1:]):   # its release at another level: sums of these figures
            prefix2 = f"org{oid}n{n}/"
            others.append(apart(coarser.figures["tables"], prefix2))
            rest2, g2 = sum_link(coarser.figures["tables"], prefix2, [(prefix, r.figures["tables"])])
            others += [rest2] if rest2 else []
            extra += g2
    if org_id is ALL:
        rest, groups = sum_link(tables, "", parts)
    else:
        whole = newest.get(ALL)
        if whole is None:
            return [], [], []
        others.append(apart(whole.figures["tables"], "alle/"))
        names.append(f"{whole.organisation} {year}")
        rest, groups = sum_link(whole.figures["tables"], "alle/", parts + [("", tables)])
    if rest:
        others.append(rest)
    return others, groups + extra, names


# -- two versions of one scope: the change between them must not single out a case -------------

def _unit_tables(tables: list[dict], unit: str) -> dict[str, dict]:
    return {t["id"]: t for t in tables if t["unit"] == unit}


def _change_model(new: list[dict], old: list[dict], added: int, removed: int, unit: str
                  ) -> tuple[list[dict], list[tuple[dict, float]], list[tuple[str, str, tuple]]]:
    """The attacker's model of a correction: for every table of the unit, new = old + added - removed,
    where "added" and "removed" are unknown tables of the changed cases with known totals.

    Returns the (renamed) old tables and the change tables, the equations, and for every cell of a
    change table its (position id, row, col) and code key (table id, row code, col code)."""
    new_by, old_by = _unit_tables(new, unit), _unit_tables(old, unit)
    tables, eqs, cells = [], [], []
    for tid, t in new_by.items():
        o = old_by.get(tid)
        if o is None or o.get("cols") != t.get("cols") or o["rows"] != t["rows"]:
            continue
        tables.append(dict(o, id=f"vorige/{tid}", unit=f"{unit}@vorige"))
        change = {}
        for name, n in (("bij", added), ("af", removed)):
            if n:
                change[name] = dict(t, id=f"{name}/{tid}", unit=f"{unit}@{name}", total=n,
                                    cells=[[None] * len(r) for r in t["cells"]],
                                    row_totals=[None] * len(t["rows"]),
                                    col_totals=[None] * len(t["col_totals"]))
                tables.append(change[name])
        for code, (r, c) in _index(t).items():
            eq = {(tid, r, c): 1.0, (f"vorige/{tid}", r, c): -1.0}
            if "bij" in change:
                eq[(f"bij/{tid}", r, c)] = -1.0
                cells.append((f"bij/{tid}", r, c, (tid, *code)))
            if "af" in change:
                eq[(f"af/{tid}", r, c)] = 1.0
                cells.append((f"af/{tid}", r, c, (tid, *code)))
            eqs.append((eq, 0.0))
    return tables, eqs, cells


def changed_case_revealed(new: list[dict], old: list[dict], added: int, removed: int, unit: str = "cases"
                          ) -> list[tuple[str, str, str | None]]:
    """Code keys (table id, row code, col code) of attributes that two versions show a changed case
    (or, with ``unit="contacts"``, a changed contact) to have: a cell of the changed cases' table whose smallest possible value is above zero.

    ``added``/``removed``: how many cases the attacker believes were added and removed (from the
    totals). When the versions cannot be explained by that few changes, the attacker assumes one
    more case was edited (removed and added again), up to five."""
    k = 3  # only the lower bounds of the change tables are read; k does not matter here
    for _more in range(6):
        tables, eqs, cells = _change_model(new, old, added, removed, unit)
        if not cells:
            return []
        try:
            res = disclosure.audit(new + tables, k, extra_equations=eqs, only=("bij/", "af/"))
        except ValueError:
            res = None
        if res is not None and not _contradicts(res):
            return sorted({key for pid, r, c, key in cells if res.intervals.get((pid, r, c), (0, 0))[0] > 0.5})
        added, removed = added + 1, removed + 1
    return []


# -- neighbouring years: the cases carried over link them category by category ------------------

YEAR_LINKED = ("behaviour", "relation", "role", "behaviour_relation", "unit", "position", "integrity_kind")
"""Tables whose category a carried-over case keeps from one year to the next (its follow-up and
status move on, so those tables are not linked)."""


def _pseudo(pid: str, unit: str, labels: list[str], total: float) -> dict:
    """A table of unknowns (one per label, plus a slack row) whose figures add up to ``total``."""
    rows = labels + ["_rest"]
    return {"id": pid, "unit": unit, "rows": rows, "cols": None, "cells": [[None] for _ in rows],
            "row_totals": [None] * len(rows), "col_totals": [total], "total": total}


def year_link(earlier: list[dict], e_prefix: str, later: list[dict], l_prefix: str, tag: str
              ) -> tuple[list[dict], list[list[tuple[dict, float]]]]:
    """The attacker's model of two consecutive years of one scope: for every linked table and
    category, later = carried + new and earlier = carried + gone (all unknown, non-negative), and
    the carried-over cases add up to the later year's "carried over" figure. One equation group per
    table (a group that contradicts the figures - categories edited since - is dropped)."""
    from app.reporting.aggregate import ORIGIN_CARRIED  # the origin table's code for carried-over cases
    origin = next((t for t in later if t["id"] == "origin"), None)
    if origin is None or ORIGIN_CARRIED not in origin["rows"]:
        return [], []
    carried = (l_prefix + "origin", origin["rows"].index(ORIGIN_CARRIED), 0)
    e_by, l_by = _unit_tables(earlier, "cases"), _unit_tables(later, "cases")
    tables, groups = [], []
    for tid in YEAR_LINKED:
        e, l_ = e_by.get(tid), l_by.get(tid)
        if e is None or l_ is None or (e.get("cols") is None) != (l_.get("cols") is None):
            continue
        axes = _coarse_axes([e, l_])   # years at other levels: linked per coarse group
        e_keys, l_keys = _projected(e, axes), _projected(l_, axes)
        if list(e_keys) != list(l_keys):
            continue
        labels = [r if c is None else f"{r}×{c}" for r, c in l_keys]
        bound = float(min(e["total"], l_["total"]))
        ids = {k: f"{tag}{k}/{tid}" for k in ("over", "nieuw", "weg")}
        tables += [_pseudo(ids["over"], f"cases@{ids['over']}", labels, bound),
                   _pseudo(ids["nieuw"], f"cases@{ids['nieuw']}", labels, float(l_["total"])),
                   _pseudo(ids["weg"], f"cases@{ids['weg']}", labels, float(e["total"]))]
        eqs = []
        for i, key in enumerate(l_keys):
            later_eq = {(l_prefix + tid, r, c): 1.0 for r, c in l_keys[key]}
            earlier_eq = {(e_prefix + tid, r, c): 1.0 for r, c in e_keys[key]}
            eqs.append(({**later_eq, (ids["over"], i, 0): -1.0, (ids["nieuw"], i, 0): -1.0}, 0.0))
            eqs.append(({**earlier_eq, (ids["over"], i, 0): -1.0, (ids["weg"], i, 0): -1.0}, 0.0))
        total = {(ids["over"], i, 0): 1.0 for i in range(len(labels))}
        total[carried] = total.get(carried, 0.0) - 1.0
        eqs.append((total, 0.0))
        groups.append(eqs)
    return tables, groups


def neighbours(rels: list[Release], org_id: int | None, year: int, tables: list[dict]
               ) -> tuple[list[list[dict]], list[list[tuple[dict, float]]], list[str]]:
    """The releases of the year before and after (same scope), as for ``same_year``."""
    newest = {y: latest(rels, y).get(org_id) for y in (year - 1, year + 1)}
    others, groups, names = [], [], []
    for y, rel in newest.items():
        if rel is None:
            continue
        prefix = f"jaar{y}/"
        others.append(apart(rel.figures["tables"], prefix))
        names.append(f"{rel.organisation} {y}")
        if y < year:
            pseudo, g = year_link(rel.figures["tables"], prefix, tables, "", f"link{y}/")
        else:
            pseudo, g = year_link(tables, "", rel.figures["tables"], prefix, f"link{year}/")
        if pseudo:
            others.append(pseudo)
        groups += g
    return others, groups, names


def levels_of(tables: list[dict]) -> dict[str, str]:
    """The level of every variable with a coarse level, read from published tables."""
    from app.reporting import recode
    out: dict[str, str] = {}
    for t in tables:
        out.update(recode.level_of(t))
    return out


def same_level(a: dict[str, str], b: dict[str, str]) -> bool:
    """Do two releases show their common variables at the same levels? (A table one of them left
    out says nothing about the level.)"""
    return all(a[name] == b[name] for name in a.keys() & b.keys())


def other_levels(rels: list[Release], org_id: int | None, year: int, tables: list[dict]
                 ) -> tuple[list[list[dict]], list[list[tuple[dict, float]]], list[str], list[dict]]:
    """This scope's releases of the year at other levels (the supervisor's file in groups beside a
    detailed report): the same cases, so every coarse figure is the sum of its detailed figures (a
    remainder when the data changed in between). The newest release of each other level, as for
    ``same_year``, with their figures."""
    mine = levels_of(tables)
    at_other = [r for r in by_level(rels, year).get(org_id, [])
                if not same_level(levels_of(r.figures["tables"]), mine)]
    others, groups, names, figures = [], [], [], []
    for n, r in enumerate(at_other):
        prefix = f"niveau{n}/"
        others.append(apart(r.figures["tables"], prefix))
        rest, g = sum_link(r.figures["tables"], prefix, [("", tables)])
        if rest:
            others.append(rest)
        groups += g
        names.append(f"{r.organisation} {year} ({r.kind})")
        figures.append(r.figures)
    return others, groups, names, figures


def linked(rels: list[Release], org_id: int | None, year: int, tables: list[dict]
           ) -> tuple[list[list[dict]], list[list[tuple[dict, float]]], list[str], list[dict]]:
    """Everything released that shares cases with a new release of (org_id, year): the same year's
    other scopes, the neighbouring years of the same scope and the same scope's releases at another
    level. Also returns those releases' figures (to hide what they hide when the joint audit fails)."""
    o1, g1, n1 = same_year(rels, org_id, year, tables)
    o2, g2, n2 = neighbours(rels, org_id, year, tables)
    o3, g3, n3, f3 = other_levels(rels, org_id, year, tables)
    figures = [r.figures for oid, r in latest(rels, year).items() if oid != org_id]
    figures += [r.figures for y in (year - 1, year + 1) if (r := latest(rels, y).get(org_id)) is not None]
    return o1 + o2 + o3, g1 + g2 + g3, n1 + n2 + n3, figures + f3
