"""Vault figures: unlock time, bulk insert, the case list, and the cost of encryption on queries.

Run from the repository root:  python benchmarks/bench_vault.py [--cases 20000] [--repeat 7]

Prints:
  - the spread of the key derivation calibration (--calibrations runs): iterations chosen, and the CPU
    and wall time of one derivation with each result (--kdf-only stops after this and the unlock);
  - unlock time with the real, calibrated Argon2id parameters (what the adviser waits for), CPU and wall;
  - the time to add N synthetic cases with app.demo.generate (one transaction);
  - six queries (the case list of one year and whole, grouped counts) on the vault and on the same data
    exported to a plain SQLite file, opened with the same library (sqlcipher3 without a key) and the
    same page cache. The two sides run interleaved, vault, plain, vault, plain ..., so that a change in
    the machine's load hits both alike; CPU time, min and median, and the ratio of each.
Everything is synthetic and lives in a temporary folder that is removed at the end.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import sqlcipher3  # noqa: E402

from app import demo  # noqa: E402
from app.store import kdf  # noqa: E402
from app.store.repository import Repository, case_list_query  # noqa: E402
from app.store.vault import Vault  # noqa: E402

PASSPHRASE = "benchmark passphrase, synthetic data only"
GROUPED = ("SELECT k.channel, count(*), sum(k.minutes) FROM contacts k JOIN cases c ON c.id = k.case_id "
           "GROUP BY k.channel ORDER BY k.channel")


def queries(year: int) -> dict[str, tuple[str, list]]:
    return {
        "case list, one year": case_list_query(year=year),
        "case list, all cases": case_list_query(),
        "case list, one organisation": case_list_query(organisation=demo.ORG_NAMES[2]),
        "grouped count over contacts": (GROUPED, []),
        "cases per organisation and year": (
            "SELECT organisation_id, substr(opened, 1, 4), count(*) FROM cases GROUP BY 1, 2", []),
        "contact minutes per month": (
            "SELECT substr(date, 1, 7), count(*), sum(minutes) FROM contacts GROUP BY 1", []),
    }


def paired(a, b, rounds: int) -> tuple[list[float], list[float]]:
    """CPU seconds of a() and b(), run interleaved: a, b, a, b, ... (`rounds` of each)."""
    ta, tb = [], []
    for _ in range(rounds):
        for fn, out in ((a, ta), (b, tb)):
            t0 = time.process_time()
            fn()
            out.append(time.process_time() - t0)
    return ta, tb


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def spread(values: list[float]) -> str:
    return f"min {min(values):.3f}, median {statistics.median(values):.3f}, max {max(values):.3f}"


def calibration_spread(runs: int) -> kdf.KdfParams:
    """Calibrate `runs` times; print the counts chosen and what one derivation with each costs."""
    chosen, cpu, wall, took = [], [], [], []
    params = None
    for _ in range(max(1, runs)):
        t0 = time.perf_counter()
        params = kdf.calibrate()
        took.append(time.perf_counter() - t0)
        chosen.append(params.iterations)
        c0, w0 = time.process_time(), time.perf_counter()
        kdf.derive_key(PASSPHRASE, params)
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    print(f"KDF calibration x{len(chosen)}: Argon2id {params.memory_kib // 1024} MiB, iterations chosen "
          f"{sorted(chosen)} (floor {kdf.MIN_ITERATIONS}); calibration took {spread(took)} s wall")
    print(f"  one derivation with the chosen count: CPU {spread(cpu)} s; wall {spread(wall)} s "
          f"(target {kdf.TARGET_SECONDS[0]}-{kdf.TARGET_SECONDS[1]} s CPU)")
    return params


def encryption_cost(vault: Vault, folder: Path, year: int, rounds: int) -> list[dict]:
    """Each query on the vault and on a plain copy of it, interleaved; one dict per query."""
    plain = folder / "plain.sqlite"
    vault.conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
    vault.conn.execute("SELECT sqlcipher_export('plain')")
    vault.conn.execute("DETACH DATABASE plain")
    pc = sqlcipher3.connect(str(plain))
    cache = vault.conn.execute("PRAGMA cache_size").fetchone()[0]
    pc.execute(f"PRAGMA cache_size = {cache}")
    results = []
    try:
        for name, (sql, args) in queries(year).items():
            rv = vault.conn.execute(sql, args).fetchall()        # both warm, and the same answer
            rp = pc.execute(sql, args).fetchall()
            assert [tuple(r) for r in rv] == [tuple(r) for r in rp], f"vault and plain copy disagree: {name}"
            tv, tp = paired(lambda s=sql, a=args: vault.conn.execute(s, a).fetchall(),
                            lambda s=sql, a=args: pc.execute(s, a).fetchall(), rounds)
            results.append({"query": name, "rows": len(rv), "vault": tv, "plain": tp,
                            "ratio_median": statistics.median(tv) / statistics.median(tp),
                            "ratio_min": min(tv) / min(tp)})
    finally:
        pc.close()
        plain.unlink()
    return results


def print_encryption_cost(results: list[dict]) -> None:
    print("vault (SQLCipher) vs plain SQLite, same library and page cache, interleaved, CPU:")
    for r in results:
        tv, tp = r["vault"], r["plain"]
        print(f"  {r['query']:<32}{r['rows']:>7} rows  vault min {ms(min(tv))} median {ms(statistics.median(tv))}"
              f"  plain min {ms(min(tp))} median {ms(statistics.median(tp))}  ratio {r['ratio_median']:.2f}x "
              f"(min {r['ratio_min']:.2f}x)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--calibrations", type=int, default=5)
    ap.add_argument("--kdf-only", action="store_true", help="only the calibration spread and the unlock")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="vertrouwd-bench-") as tmp:
        path = Path(tmp) / "bench.vault"
        params = calibration_spread(args.calibrations)
        Vault.create(path, PASSPHRASE, params=params).close()

        cpu, wall = [], []
        for _ in range(3):
            c0, w0 = time.process_time(), time.perf_counter()
            v = Vault.open(path, PASSPHRASE)
            cpu.append(time.process_time() - c0)
            wall.append(time.perf_counter() - w0)
            v.close()
        print(f"unlock (Vault.open, real parameters) x3: CPU {spread(cpu)} s; wall {spread(wall)} s")
        if args.kdf_only:
            return 0

        v = Vault.open(path, PASSPHRASE)
        repo = Repository(v)
        today = date(2026, 6, 30)
        t0 = time.perf_counter()
        counts = demo.generate(repo, args.cases, orgs=8, years=3, seed=11, today=today)
        gen = time.perf_counter() - t0
        print(f"demo.generate {counts['cases']} cases, {counts['contacts']} contacts, "
              f"{counts['activities']} activities: {gen:.2f} s")
        print(f"vault size: {path.stat().st_size / 1e6:.1f} MB")
        v.close()
        v = Vault.open(path, PASSPHRASE)   # as the adviser opens it: the page cache sized for this vault
        print_encryption_cost(encryption_cost(v, Path(tmp), today.year - 1, args.repeat))
        v.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
