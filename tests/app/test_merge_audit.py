"""Combining files must never let anyone recover a cell an adviser hid.

Parts are protected by app.reporting.disclosure.protect (the real suppression), signed, read back and merged.
Then an attacker who holds every part's published figures (with the links between a part's one-way
and two-way tables) plus every combined figure runs the LP: no hidden part cell may become narrower
than k (or than its own file already left it), and every published combined figure must be the true
sum.
"""
from __future__ import annotations

import random

import pytest

from app import keys as exkeys
from app.exchange import combine
from app.exchange import vstat as ex
from app.reporting.disclosure import Table, attack_intervals, protect

K = 5
BEHAVIOUR = ["pesten", "intimidatie", "discriminatie", "werkdruk"]
RELATION = ["collega", "leidinggevende", "derde"]


def make_part(rnd: random.Random, org: str, year: int, key: bytes):
    two = [[rnd.choice([0, 0, 1, 2, 3, 4, 6, 8, 11]) for _ in RELATION] for _ in BEHAVIOUR]
    one = [[sum(r)] for r in two]
    prot = protect([Table("behaviour", "cases", BEHAVIOUR, None, one),
                    Table("behaviour_relation", "cases", BEHAVIOUR, RELATION, two)], K)
    assert prot.audit.ok
    total = sum(r[0] for r in one)
    report = {"format": "vertrouwd-report/1", "organisation": org, "year": year, "threshold": K,
              "method": "protected", "totals": {"cases": total, "contacts": total * 2, "hours": 10.0},
              "tables": prot.tables}
    vstat = ex.read_vstat(ex.make_vstat(report, key, program_version="test"))
    truth = {"behaviour": one, "behaviour_relation": two}
    return vstat, truth


class Attacker:
    """Variables: every hidden cell of every part; equations: everything that was published."""

    def __init__(self):
        self.n = 0
        self.eqs: list[tuple[dict[int, float], float]] = []
        self.where: dict[tuple[int, str, str, str], int] = {}
        self.truth: list[float] = []

    def cell(self, p: int, t: ex.Table, i: int, j: int, true_value):
        value = t.cells[i][j]
        if value is not None:
            return {}, value
        key = (p, t.id, t.rows[i], t.col_codes[j])
        if key not in self.where:
            self.where[key] = self.n
            self.truth.append(true_value)
            self.n += 1
        return {self.where[key]: 1.0}, 0

    def equation(self, exprs, rhs):
        coefs, const = {}, 0
        for c, k in exprs:
            for i, v in c.items():
                coefs[i] = coefs.get(i, 0) + v
            const += k
        if coefs:
            self.eqs.append((coefs, rhs - const))

    def add_part(self, p: int, v: ex.VStat, truth: dict):
        for t in v.tables:
            true = truth[t.id]
            cells = [[self.cell(p, t, i, j, true[i][j]) for j in range(len(t.col_codes))] for i in range(len(t.rows))]
            for i, row in enumerate(cells):
                if t.row_totals[i] is not None:
                    self.equation(row, t.row_totals[i])
            for j in range(len(t.col_codes)):
                if t.col_totals[j] is not None:
                    self.equation([row[j] for row in cells], t.col_totals[j])
            self.equation([c for row in cells for c in row], t.total)
        one, two = v.table("behaviour"), v.table("behaviour_relation")
        for i in range(len(BEHAVIOUR)):   # the link: a two-way row sums to the one-way cell
            one_cell = self.cell(p, one, i, 0, truth["behaviour"][i][0])
            row = [self.cell(p, two, i, j, truth["behaviour_relation"][i][j]) for j in range(len(RELATION))]
            self.equation(row + [({k: -c for k, c in one_cell[0].items()}, -one_cell[1])], 0)

    def intervals(self):
        return attack_intervals(self.n, self.eqs)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_merged_hidden_cells_cannot_be_recovered(seed):
    rnd = random.Random(seed)
    keys = [exkeys.generate_signing_key() for _ in range(3)]
    parts = [make_part(rnd, f"Organisatie {n}", 2026, keys[n]) for n in range(3)]
    attacker = Attacker()
    for p, (v, truth) in enumerate(parts):
        attacker.add_part(p, v, truth)
    base = attacker.intervals()
    for (lo, hi), true in zip(base, attacker.truth, strict=True):
        assert lo - 1e-6 <= true <= hi + 1e-6

    combined = combine.merge([v for v, _t in parts], "all")
    group = combined.groups[0]
    assert group.k == K
    published = margins = 0
    for ct in group.tables:
        for i, r in enumerate(ct.rows):
            for j, c in enumerate(ct.cols or [""]):
                pieces = []
                true_sum = 0
                for p, (v, truth) in enumerate(parts):
                    t = v.table(ct.id)
                    ii, jj = t.rows.index(r), t.col_codes.index(c)
                    pieces.append(attacker.cell(p, t, ii, jj, truth[ct.id][ii][jj]))
                    true_sum += truth[ct.id][ii][jj]
                if ct.cell_status[i][j] == combine.PUBLISHED:
                    published += 1
                    assert ct.cells[i][j] == true_sum          # a published sum is the true sum
                    attacker.equation(pieces, ct.cells[i][j])
                else:
                    assert ct.cells[i][j] is None and ct.cell_status[i][j] == combine.HIDDEN
                    assert any(c for c, _k in pieces)          # hidden only when a part hid it
        if ct.cols is not None:   # published margins of the sum are true and go to the attacker too
            for i, r in enumerate(ct.rows):
                pieces, true_sum = [], 0
                for p, (v, truth) in enumerate(parts):
                    t = v.table(ct.id)
                    ii = t.rows.index(r)
                    pieces += [attacker.cell(p, t, ii, jj, truth[ct.id][ii][jj]) for jj in range(len(t.col_codes))]
                    true_sum += sum(truth[ct.id][ii])
                if ct.row_status[i] == combine.PUBLISHED:
                    assert ct.row_totals[i] == true_sum
                    attacker.equation(pieces, ct.row_totals[i])
                    margins += 1
        assert ct.total == sum(v.table(ct.id).total for v, _t in parts)
    assert published > 0 and margins > 0
    after = attacker.intervals()
    for (lo0, hi0), (lo, hi), true in zip(base, after, attacker.truth, strict=True):
        assert lo - 1e-6 <= true <= hi + 1e-6
        assert hi - lo >= min(K, hi0 - lo0) - 1e-6


def test_sum_with_one_hidden_part_stays_hidden():
    """A hidden 2 plus a published 7 would give 9 away: the combined cell stays hidden."""
    def report(org, cells, total):
        return {"format": "vertrouwd-report/1", "organisation": org, "year": 2026, "threshold": K, "method": "m",
                "totals": {"cases": total, "contacts": 0, "hours": 0},
                "tables": [{"id": "behaviour", "unit": "cases", "rows": ["pesten", "intimidatie", "werkdruk"],
                            "cols": None, "cells": [[c] for c in cells], "row_totals": list(cells),
                            "col_totals": [total], "total": total}]}
    k1, k2 = exkeys.generate_signing_key(), exkeys.generate_signing_key()
    a = ex.read_vstat(ex.make_vstat(report("A", [None, None, 20], 25), k1, program_version="t"))
    b = ex.read_vstat(ex.make_vstat(report("B", [7, 0, 9], 16), k2, program_version="t"))
    t = combine.merge([a, b], "all").groups[0].tables[0]
    assert t.cell_status == [["hidden"], ["hidden"], ["published"]]
    assert t.cells[2] == [29] and t.total == 41


def test_audit_guard_refuses_a_revealing_figure():
    """The final LP check keeps back a figure that would pin a hidden value (x0 + x1 = 10 published;
    a figure x0 = 3 would reveal both)."""
    equations = [({0: 1.0, 1: 1.0}, 10.0)]
    base = attack_intervals(2, equations)
    quantities = [("cell", ("a", ""), ({0: 1.0}, 0)), ("cell", ("b", ""), ({0: 1.0, 1: 1.0}, 0))]
    accepted = combine._audit(attack_intervals, 2, equations, [None, None], base, quantities, [(0, 3.0), (1, 10.0)], K)
    assert accepted == [(1, 10.0)]


def test_k_is_largest_threshold_of_the_parts():
    def report(org, thr):
        return {"format": "vertrouwd-report/1", "organisation": org, "year": 2026, "threshold": thr, "method": "m",
                "totals": {"cases": 30, "contacts": 0, "hours": 0},
                "tables": [{"id": "behaviour", "unit": "cases", "rows": ["pesten", "werkdruk"], "cols": None,
                            "cells": [[None], [None]], "row_totals": [None, None], "col_totals": [30],
                            "total": 30}]}
    key = exkeys.generate_signing_key()
    vs = [ex.read_vstat(ex.make_vstat(report(o, thr), key, program_version="t")) for o, thr in (("A", 3), ("B", 10))]
    g = combine.merge(vs, "all").groups[0]
    assert g.k == 10 and g.tables[0].k == 10
    assert g.tables[0].cell_status == [["hidden"], ["hidden"]] and g.tables[0].total == 60
