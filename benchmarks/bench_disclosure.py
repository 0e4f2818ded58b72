"""Compare app.reporting.disclosure with tau-ARGUS (pytauargus, optimal method) on the same tables.

Run: PYTHONPATH=. /work/venv/bin/python benchmarks/bench_disclosure.py

For each scenario the figures are: hidden cells (inner cells + margins, each figure counted once),
hidden value (sum of hidden counts), wall time, and whether the result passes OUR audit (every
hidden figure at least k wide under the attacker's LP). tau-ARGUS gets one two-way table with its
margins (which covers behaviour, relation and behaviour x relation: the same linked system).
Differences in rules: tau-ARGUS's frequency rule has no group-disclosure rule, treats zero cells as
empty (never hidden) and protects by its own protection levels, not by an interval width of k.
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.reporting.disclosure import Table, audit, protect  # noqa: E402

K = 5
BEH = ["pesten", "seksuele_intimidatie", "agressie_geweld", "discriminatie", "intimidatie",
       "werkdruk", "integriteit", "overig"]
REL = ["collega", "leidinggevende", "ondergeschikte", "derde", "onbekend"]
ROLE = ["melder", "omstander", "leidinggevende", "overig"]
FOLLOW = ["geen", "informeel", "melding", "klacht", "doorverwijzing", "aangifte"]


def cases(n: int, rng: random.Random) -> list[dict]:
    """n cases with skewed category frequencies, like a real organisation."""
    def pick(codes, skew):
        return rng.choices(codes, weights=[skew ** i for i in range(len(codes))])[0]
    return [{"beh": pick(BEH, 0.6), "rel": pick(REL, 0.5), "role": pick(ROLE, 0.4),
             "fol": pick(FOLLOW, 0.55)} for _ in range(n)]


def one(tid, var, codes, data):
    return Table(tid, "cases", codes, None, [[sum(1 for d in data if d[var] == c)] for c in codes])


def two(tid, rv, rc, cv, cc, data):
    return Table(tid, "cases", rc, cc, [[sum(1 for d in data if d[rv] == r and d[cv] == c) for c in cc]
                                        for r in rc])


def linked_three(data):
    return [one("behaviour", "beh", BEH, data), one("relation", "rel", REL, data),
            two("behaviour_x_relation", "beh", BEH, "rel", REL, data)]


def full_report(data):
    return linked_three(data) + [
        one("role", "role", ROLE, data), one("follow_up", "fol", FOLLOW, data),
        two("behaviour_x_role", "beh", BEH, "role", ROLE, data),
        two("behaviour_x_follow_up", "beh", BEH, "fol", FOLLOW, data)]


def run_ours(tables, merge=False):
    t0 = time.perf_counter()
    p = protect(tables, K, merge=merge)
    return p, time.perf_counter() - t0


def run_tau(data, rule: str):
    """tau-ARGUS OPT on behaviour x relation (with margins); returns (hidden, value, seconds, ok)."""
    import tempfile

    import pytauargus as pta

    micro = {"beh": [d["beh"] for d in data], "rel": [d["rel"] for d in data], "n": [1] * len(data)}
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as wd:
        res = pta.protect(micro, [["beh", "rel"]], "n", safety_rules=rule, suppress="OPT(1)", workdir=wd)
        rows = res.tables[0].rows
        rows = list(rows() if callable(rows) else rows)
    dt = time.perf_counter() - t0
    hidden = {(r["beh"], r["rel"]) for r in rows if r["status"] in ("U", "M")}
    value = sum(r["n"] for r in rows if r["status"] in ("U", "M"))
    # rebuild the published form and run OUR audit on it
    val = {(r["beh"], r["rel"]): r["n"] for r in rows}

    def get(b, r):
        return None if (b, r) in hidden else int(val.get((b, r), 0))
    total = len(data)
    pub = [
        {"id": "behaviour", "unit": "cases", "rows": BEH, "cols": None,
         "cells": [[get(b, "Total")] for b in BEH], "row_totals": [get(b, "Total") for b in BEH],
         "col_totals": [total], "total": total},
        {"id": "relation", "unit": "cases", "rows": REL, "cols": None,
         "cells": [[get("Total", r)] for r in REL], "row_totals": [get("Total", r) for r in REL],
         "col_totals": [total], "total": total},
        {"id": "behaviour_x_relation", "unit": "cases", "rows": BEH, "cols": REL,
         "cells": [[get(b, r) for r in REL] for b in BEH], "row_totals": [get(b, "Total") for b in BEH],
         "col_totals": [get("Total", r) for r in REL], "total": total},
    ]
    res_audit = audit(pub, K)
    primaries = sum(1 for r in rows if r["status"] == "U")
    return len(hidden), value, dt, f"{res_audit.ok} ({len(res_audit.problems)} unsafe; {primaries} primary)"


def main() -> None:
    rng = random.Random(2026)
    print(f"k = {K}; 'audit' = passes our LP audit (every hidden figure >= k wide)\n")
    header = f"{'scenario':<34}{'method':<26}{'hidden':>7}{'value':>8}{'seconds':>9}  audit"
    print(header)
    print("-" * len(header))
    tau_note = None
    for n in (25, 40, 60, 120, 2000):
        data = cases(n, rng)
        p, dt = run_ours(linked_three(data))
        print(f"{'behaviour x relation, ' + str(n) + ' cases':<34}{'ours (MILP + LP cuts)':<26}"
              f"{p.hidden_cells:>7}{p.hidden_value:>8.0f}{dt:>9.3f}  {p.audit.ok} ({p.primary} primary incl. group)")
        pm, dtm = run_ours(linked_three(data), merge=True)
        print(f"{'':<34}{'ours, with merging':<26}{pm.hidden_cells:>7}{pm.hidden_value:>8.0f}{dtm:>9.3f}"
              f"  {pm.audit.ok}  (figures lost {pm.loss} vs {p.loss})")
        for rule in (f"FREQ({K},0)", f"FREQ({K},30)"):
            try:
                h, v, t, ok = run_tau(data, rule)
                print(f"{'':<34}{'tau-ARGUS OPT ' + rule:<26}{h:>7}{v:>8.0f}{t:>9.3f}  {ok}")
            except Exception as exc:  # report exactly why tau-ARGUS could not run here
                tau_note = f"tau-ARGUS could not run: {type(exc).__name__}: {exc}"
                print(f"{'':<34}{'tau-ARGUS':<26}  {tau_note}")
    print()
    for n in (40, 150, 2000):
        data = cases(n, rng)
        tabs = full_report(data)
        p, dt = run_ours(tabs, merge=True)
        print(f"{'full report (7 tables), ' + str(n) + ' cases':<34}{'ours, with merging':<26}"
              f"{p.hidden_cells:>7}{p.hidden_value:>8.0f}{dt:>9.3f}  {p.audit.ok}")
    if tau_note:
        print("\n" + tau_note)


if __name__ == "__main__":
    main()
