"""Annual report timings: aggregation, suppression + audit, and the PDF.

Two situations: one organisation with about 2,000 cases in three years, and all organisations of a
20,000-case demo vault reported together (org=None). Prints a table of seconds per step.

    /work/venv/bin/python benchmarks/bench_report.py [--cases 20000] [--keep DIR]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import demo  # noqa: E402
from app.reporting import disclosure, report
from app.reporting import pdf as report_pdf
from app.reporting.aggregate import aggregate_year  # noqa: E402
from app.store import kdf
from app.store.repository import Repository  # noqa: E402
from app.store.vault import Vault  # noqa: E402

PASSPHRASE = "benchmark passphrase only"


def _vault(folder: Path, name: str) -> tuple[Vault, Repository]:
    params = kdf.KdfParams(salt=os.urandom(16), memory_kib=8 * 1024, iterations=1, lanes=1)
    v = Vault.create(folder / f"{name}.vault", PASSPHRASE, params=params, allow_weak=True)
    return v, Repository(v)


def _timed(fn):
    t = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t


def measure(repo: Repository, org: str | None, year: int, label: str) -> dict:
    request = report.resolve(repo, org, year)
    agg, t_agg = _timed(lambda: aggregate_year(repo, request.organisation_id, year))
    prot, t_prot = _timed(lambda: disclosure.protect(agg.tables, 5))
    prep, t_prep = _timed(lambda: report.prepare(repo, request))
    pdf, t_pdf = _timed(lambda: report_pdf.render(prep, narrative="", practice="Benchmark"))
    cells = sum(len(r) for t in agg.tables for r in t.cells)
    return {"label": label, "cases": agg.totals["cases"], "contacts": agg.totals["contacts"], "cells": cells,
            "hidden": prep.protection.hidden_cells, "audit": prep.protection.audit.ok,
            "raw_audit": prot.audit.ok, "aggregate": t_agg, "protect": t_prot,
            "prepare": t_prep, "pdf": t_pdf, "pdf_kb": len(pdf) / 1024}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=20000)
    ap.add_argument("--single", type=int, default=2000)
    args = ap.parse_args()
    year = date.today().year - 1
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        v, repo = _vault(folder, "single")
        _c, t_fill = _timed(lambda: demo.generate(repo, args.single, orgs=1, years=3, seed=11))
        print(f"demo vault with {args.single} cases in 1 organisation: {t_fill:.1f} s")
        org = repo.list_organisations()[0].name
        rows.append(measure(repo, org, year, f"1 org, {args.single} cases"))
        v.close()
        v, repo = _vault(folder, "big")
        _c, t_fill = _timed(lambda: demo.generate(repo, args.cases, orgs=16, years=3, seed=12))
        print(f"demo vault with {args.cases} cases in 16 organisations: {t_fill:.1f} s")
        rows.append(measure(repo, None, year, f"all orgs, {args.cases} cases"))
        per_org = []
        for o in repo.list_organisations():
            per_org.append(measure(repo, o.name, year, o.name))
        v.close()
        v, repo = _vault(folder, "small")
        demo.generate(repo, 600, orgs=8, years=3, seed=13)
        small = [measure(repo, o.name, year, o.name) for o in repo.list_organisations()]
        v.close()
    print(f"\nreport year {year}; seconds per step (protect = disclosure.protect alone; prepare = "
          "aggregate + protect + audit as the export runs it)")
    head = f"{'situation':<34}{'cases':>7}{'contacts':>9}{'cells':>6}{'hidden':>7}{'audit':>6}" \
           f"{'aggr':>7}{'protect':>8}{'prepare':>8}{'pdf':>7}{'pdf kB':>8}"
    print(head)
    for r in rows:
        print(f"{r['label']:<34}{r['cases']:>7}{r['contacts']:>9}{r['cells']:>6}{r['hidden']:>7}"
              f"{'ok' if r['audit'] else 'FAIL':>6}{r['aggregate']:>7.3f}{r['protect']:>8.2f}{r['prepare']:>8.2f}"
              f"{r['pdf']:>7.2f}{r['pdf_kb']:>8.0f}")
    prep_times = sorted(r["prepare"] for r in per_org)
    fails = sum(1 for r in per_org if not r["audit"])
    raw_fails = sum(1 for r in per_org if not r["raw_audit"])
    print(f"\neach of the 16 organisations of the big vault: prepare median {prep_times[len(prep_times) // 2]:.2f} s, "
          f"max {prep_times[-1]:.2f} s; audits failing: {fails} (protect on the raw tables, before tables "
          f"whose total is below k are left out: {raw_fails})")
    small.sort(key=lambda r: r["cases"])
    print("\nsmall organisations (600 demo cases over 8 organisations and 3 years): the hard case for "
          "suppression")
    print(head)
    for r in small:
        print(f"{r['label'][:33]:<34}{r['cases']:>7}{r['contacts']:>9}{r['cells']:>6}{r['hidden']:>7}"
              f"{'ok' if r['audit'] else 'FAIL':>6}{r['aggregate']:>7.3f}{r['protect']:>8.2f}{r['prepare']:>8.2f}"
              f"{r['pdf']:>7.2f}{r['pdf_kb']:>8.0f}")


if __name__ == "__main__":
    main()
