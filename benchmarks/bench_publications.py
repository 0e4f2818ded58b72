"""An attacker who holds every release: what can be worked out, and what the protection costs.

Run (after):  PYTHONPATH=. .venv/bin/python benchmarks/bench_publications.py
Run (before, the program of another checkout, same attacker):
              .venv/bin/python benchmarks/bench_publications.py --program /path/to/other/checkout

Generated vaults (fast key derivation) with organisations of 5-60 cases, long-running cases over
2024-2026, one organisation with a single sexual-harassment case and one with a unit of one person.
Per vault, through the program's own export functions: every organisation report of 2024, 2025 and
2026, the all-organisations report of each year, a .vstat of each, then one late case in 2025 and
both 2025 reports published again (``republish``). A refused export is counted, not retried.

The attacker (app/reporting/ledger.py of THIS checkout, whatever program made the releases) runs the
linear program over: each year's all-organisations table as the sum of the organisation tables (plus
an unknown remainder), consecutive years linked category by category through the carried-over cases,
each report beside the supervisor's file of the same scope and year (a coarse figure is the sum of its
detailed ones), and the two versions of 2025 with "one case added". It prints:

* cells narrowed below k: hidden figures of any release the joint system pins to fewer than k values
  (that the release did not already give away on its own) - must be 0;
* attributes of the changed case revealed: categories that the two versions show the late case to
  have - must be 0;
* information loss for single organisations of 10/20/40/100/2,000 cases: the share of case-table
  cells with n >= k that are printed, and the non-zero cells of behaviour x relation printed, at the
  level the report chose (app/reporting/recode.py);
* the supervisor's merge by adviser of the organisation files: count cells published of all.

Every vault and every size is run twice in one process, interleaved: recoding off (every variable
detailed, the merge at each file's own level) and on (the program's choice).
"""
from __future__ import annotations

import argparse
import importlib.util
import io
import json
import os
import random
import sys
import tempfile
import time
from contextlib import redirect_stdout
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
K = 5
BEH = ["pesten", "intimidatie", "werkdruk", "arbeidsconflict", "agressie_geweld", "discriminatie",
       "seksuele_intimidatie", "integriteit"]
REL = ["collega", "leidinggevende", "derde", "ondergeschikte", "onbekend"]
ROLE = ["medewerker", "omstander", "flexkracht", "leidinggevende"]
FU = ["opvang_advies", "doorverwijzing", "klacht", "informele_oplossing", "lopend"]


def _setup(program: Path):
    sys.path.insert(0, str(program))
    from app.store import kdf
    from app.store.repository import Repository
    from app.store.vault import Vault
    attacker = _load("attacker_ledger", "ledger.py")
    attacker.disclosure = _load("attacker_disclosure", "disclosure.py")  # this checkout's attacker LP
    return kdf, Vault, Repository, attacker


def _load(name: str, file: str):
    """A module of THIS checkout's app/reporting, whatever program is on the path."""
    spec = importlib.util.spec_from_file_location(name, HERE / "app" / "reporting" / file)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _pick(rnd, codes, skew):
    return rnd.choices(codes, weights=[skew ** i for i in range(len(codes))])[0]


def _case(n, org, opened, closed, rnd, behaviour=None, unit=None):
    from models.entities import Case, Contact
    return Case(code=f"{opened.year}-{n:03d}", organisation=org, opened=opened, closed=closed,
                reporter_role=_pick(rnd, ROLE, 0.35), behaviour=behaviour or _pick(rnd, BEH, 0.6),
                accused_relation=_pick(rnd, REL, 0.5), follow_up=_pick(rnd, FU, 0.55), unit=unit,
                contacts=[Contact(opened, 45, rnd.choice(["persoonlijk", "telefonisch", "video"]), "intake")])


def _fill(repo, rnd) -> list[str]:
    """Four organisations of 5-60 cases over 2024-2026, many running over the turn of the year."""
    orgs, n = [], {2024: 0, 2025: 0, 2026: 0}
    for o in range(4):
        name = f"Org{o}"
        units = ["Klein", "Groot"] if o == 3 else []
        repo.add_organisation(name, units)
        orgs.append(name)
        size = rnd.choice([5, 8, 12, 20, 30, 45, 60])
        for i in range(size):
            y = rnd.choice([2024, 2025, 2026])
            opened = date(y, rnd.randint(1, 12), rnd.randint(1, 28))
            span = rnd.choice([None, 0, 0, 1, 1, 2])  # still open, closed this year, next, the year after
            closed = None if span is None or y + span > 2026 else date(y + span, 12, 31)
            n[y] += 1
            beh = "seksuele_intimidatie" if (o == 1 and i == 0) else None
            beh = beh if beh else (None if o != 1 else rnd.choice(["pesten", "werkdruk", "intimidatie"]))
            unit = ("Klein" if i == 0 else "Groot") if units else None
            repo.add_case(_case(n[y] + 100 * o, name, opened, closed, rnd, beh, unit))
    return orgs


def _request(report, repo, org, year, recode: bool):
    """The report request with recoding on or off (a program from before recoding has no switch)."""
    try:
        return report.resolve(repo, org, year, recode=recode)
    except TypeError:
        return report.resolve(repo, org, year)


def _release(report, repo, org, year, folder, republish=False, recode=True):
    from app.errors import UserError
    from app.exchange import publish as vstat_publish
    tag = f"{org or 'alle'}-{year}-{'b' if republish else 'a'}"
    try:
        request = _request(report, repo, org, year, recode)
        p = report.export_report(repo, request, fmt="json", out=folder / f"{tag}.json", republish=republish)
        v = vstat_publish.export_vstat(repo, request, out=folder / f"{tag}.vstat", republish=republish)
    except UserError as exc:
        print(f"  refused {tag}: {exc.message[:150]}", file=sys.stderr)
        return None
    from app.exchange.vstat import read_vstat_file
    rep = json.loads(p.read_text(encoding="utf-8"))
    rep["vstat_tables"] = [t.to_dict() for t in read_vstat_file(v).tables]
    return rep


def _problems(attacker, tables, others, groups) -> int:
    try:
        return len(attacker.joint_audit(tables, others, groups, K).problems)
    except ValueError:
        return 0


def _attack(attacker, rel: dict, orgs: list[str]) -> tuple[int, int]:
    """(cells narrowed below k, attributes of the changed case revealed) over every release."""
    narrowed = revealed = 0
    for year in (2024, 2025, 2026):
        whole = rel.get((None, year, "a"))
        parts = [(f"o{i}/", rel[(o, year, "a")]["tables"]) for i, o in enumerate(orgs) if rel.get((o, year, "a"))]
        if whole and parts:
            rest, groups = attacker.sum_link(whole["tables"], "", parts)
            others = [attacker.apart(t, p) for p, t in parts] + ([rest] if rest else [])
            narrowed += _problems(attacker, whole["tables"], others, groups)
    for r in rel.values():   # the supervisor's file beside the report of the same scope
        if r and r["vstat_tables"] != r["tables"]:
            rest, groups = attacker.sum_link(r["vstat_tables"], "v/", [("", r["tables"])])
            others = [attacker.apart(r["vstat_tables"], "v/")] + ([rest] if rest else [])
            narrowed += _problems(attacker, r["tables"], others, groups)
    for o in orgs:
        for y in (2024, 2025):
            a, b = rel.get((o, y, "a")), rel.get((o, y + 1, "a"))
            if a and b:
                pseudo, groups = attacker.year_link(a["tables"], "prev/", b["tables"], "", "link/")
                narrowed += _problems(attacker, b["tables"], [attacker.apart(a["tables"], "prev/"), pseudo], groups)
    for o in orgs + [None]:
        a, b = rel.get((o, 2025, "a")), rel.get((o, 2025, "b"))
        if a and b and a["tables"] != b["tables"]:
            for unit in ("cases", "contacts"):
                n1, n0 = b["totals"][unit], a["totals"][unit]
                revealed += len(attacker.changed_case_revealed(b["tables"], a["tables"], max(n1 - n0, 0),
                                                               max(n0 - n1, 0), unit))
    return narrowed, revealed


def _merged_cells(folder: Path, recode: bool, by: str = "adviser") -> tuple[int, int, int]:
    """(published, all, published non-zero) count cells of the supervisor's merge (by adviser or by
    organisation) of the organisation files (first versions) that have case tables (a year of fewer than k cases has only
    totals, and the merge leaves out a table that one file lacks); with recoding the merge combines
    at the coarse level where files are coarse."""
    from app.exchange import combine
    from app.exchange.vstat import COUNT_UNITS, read_vstat_file
    files = [read_vstat_file(p) for p in sorted(folder.glob("*-a.vstat")) if not p.name.startswith("alle-")]
    files = [f for f in files if f.table("behaviour") is not None]
    if not files:
        return 0, 0, 0
    try:
        merged = combine.merge(files, by, coarse=None if recode else False)
    except TypeError:   # a program from before recoding
        merged = combine.merge(files, by)
    shown = total = nonzero = 0
    for g in merged.groups:
        for t in g.tables:
            if t.unit in COUNT_UNITS:
                for row, status in zip(t.cells, t.cell_status, strict=True):
                    total += len(row)
                    shown += sum(1 for st in status if st == combine.PUBLISHED)
                    nonzero += sum(1 for v, st in zip(row, status, strict=True) if st == combine.PUBLISHED and v)
    return shown, total, nonzero


def run_vault(mods, seed: int, recode: bool = True) -> dict:
    kdf, Vault, Repository, attacker = mods
    from app.reporting import report
    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        params = kdf.KdfParams(salt=os.urandom(16), memory_kib=8 * 1024, iterations=1, lanes=1)
        v = Vault.create(folder / "v.vault", "benchmark passphrase", params=params, allow_weak=True)
        try:
            repo = Repository(v)
            orgs = _fill(repo, rnd)
            rel = {}
            for year in (2024, 2025, 2026):
                for o in orgs + [None]:
                    rel[(o, year, "a")] = _release(report, repo, o, year, folder, recode=recode)
            merged, cells, merged_nonzero = _merged_cells(folder, recode)
            by_org = _merged_cells(folder, recode, "organisation")
            late = orgs[rnd.randrange(len(orgs))]
            repo.add_case(_case(999, late, date(2025, 11, 20), None, rnd))
            for o in (late, None):
                rel[(o, 2025, "b")] = _release(report, repo, o, 2025, folder, republish=True, recode=recode)
            narrowed, revealed = _attack(attacker, rel, orgs)
            refused = sum(1 for r in rel.values() if r is None)
            return {"narrowed": narrowed, "revealed": revealed, "refused": refused, "releases": len(rel),
                    "merged": merged, "cells": cells, "merged_nonzero": merged_nonzero,
                    "org_merged": by_org[0], "org_cells": by_org[1], "org_nonzero": by_org[2]}
        finally:
            v.close()


def loss(mods, size: int, seed: int = 7, recode: bool = True) -> tuple[float, int, int, str]:
    """(share of case cells with n >= k printed, printed non-zero cells of behaviour x relation,
    true non-zero cells, the levels) for one organisation of ``size`` cases in one year; the cells
    are counted at the level the report chose (the recoded true table is the yardstick)."""
    kdf, Vault, Repository, _attacker = mods
    from app.reporting import report
    rnd = random.Random(seed + size)
    with tempfile.TemporaryDirectory() as tmp:
        params = kdf.KdfParams(salt=os.urandom(16), memory_kib=8 * 1024, iterations=1, lanes=1)
        v = Vault.create(Path(tmp) / "v.vault", "benchmark passphrase", params=params, allow_weak=True)
        try:
            repo = Repository(v)
            repo.add_organisation("O")
            for i in range(size):
                repo.add_case(_case(i + 1, "O", date(2025, 1 + i % 12, 1 + i % 28), date(2025, 12, 31), rnd))
            prep = report.prepare(repo, _request(report, repo, "O", 2025, recode))
            published = {t["id"]: t for t in prep.report["tables"]}
            big = shown = 0
            for t in prep.aggregation.tables:
                if t.unit != "cases":
                    continue
                p = published.get(t.id)
                for r, row in enumerate(t.cells):
                    for c, val in enumerate(row):
                        if val >= K:
                            big += 1
                            shown += bool(p and p["cells"][r][c] is not None)
            truth = prep.aggregation.table("behaviour_relation")
            p = published.get("behaviour_relation")
            nonzero = sum(1 for row in truth.cells for val in row if val > 0)
            printed = sum(1 for r, row in enumerate(truth.cells) for c, val in enumerate(row)
                          if val > 0 and p and p["cells"][r][c] is not None)
            levels = prep.report.get("levels") or {}
            short = "".join(name[0] if lv == "detailed" else name[0].upper() for name, lv in levels.items())
            return (shown / big if big else 1.0), printed, nonzero, short or "-"
        finally:
            v.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--program", type=Path, default=HERE, help="checkout whose program makes the releases")
    ap.add_argument("--vaults", type=int, default=12)
    ap.add_argument("--sizes", default="10,20,40,100,2000")
    args = ap.parse_args()
    mods = _setup(args.program.resolve())
    print(f"program: {args.program.resolve()}")
    start = time.perf_counter()
    keys = ("narrowed", "revealed", "refused", "releases", "merged", "cells", "merged_nonzero", "org_merged",
            "org_cells", "org_nonzero")
    total = {mode: dict.fromkeys(keys, 0) for mode in ("off", "on")}
    for seed in range(args.vaults):
        for mode in ("off", "on"):   # A/B interleaved in one process
            with redirect_stdout(io.StringIO()):
                res = run_vault(mods, seed, recode=mode == "on")
            for key in keys:
                total[mode][key] += res[key]
            print(f"vault {seed:2d} recoding {mode:3s}: releases {res['releases']:2d}, refused {res['refused']}, "
                  f"cells narrowed below k {res['narrowed']}, attributes of the changed case revealed "
                  f"{res['revealed']}, merge by adviser: {res['merged']} of {res['cells']} count cells published "
                  f"({res['merged_nonzero']} non-zero)")
    for mode, tot in total.items():
        print(f"recoding {mode}: all {args.vaults} vaults: {tot['releases']} releases, {tot['refused']} refused; "
              f"cells narrowed below k: {tot['narrowed']}; attributes of the changed case revealed: "
              f"{tot['revealed']}; supervisor merge by adviser: {tot['merged']} of {tot['cells']} count cells "
              f"published ({tot['merged_nonzero']} non-zero); by organisation: {tot['org_merged']} of "
              f"{tot['org_cells']} ({tot['org_nonzero']} non-zero)")
    print(f"({time.perf_counter() - start:.0f} s)")
    print("levels: b/r/r/f = behaviour, relation, role, follow-up; lower case detailed, UPPER CASE coarse")
    for size in (int(s) for s in args.sizes.split(",")):
        for mode in ("off", "on"):
            share, printed, nonzero, levels = loss(mods, size, recode=mode == "on")
            print(f"{size:5d} cases, recoding {mode:3s} (levels {levels}): cells with n >= {K} printed {share:.0%}; "
                  f"behaviour x relation: {printed} of {nonzero} non-zero cells printed")


if __name__ == "__main__":
    main()
