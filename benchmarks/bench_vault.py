"""Vault figures: unlock time, bulk insert, a year's case list, and the cost of encryption on a query.

Run from the repository root:  python benchmarks/bench_vault.py [--cases 20000] [--repeat 5]

Prints:
  - the spread of the key derivation calibration (--calibrations runs): iterations chosen, and the CPU
    and wall time of one derivation with each result (--kdf-only stops after this and the unlock);
  - unlock time with the real, calibrated Argon2id parameters (what the adviser waits for), CPU and wall;
  - the time to add N synthetic cases with app.demo.generate (one transaction);
  - the time of repo.list_cases(year=...) for one year;
  - a grouped count over all contacts (channel x count, joined with cases) on the vault, and on the
    same data copied into a plain SQLite file in the same run, with the ratio (encryption overhead).
Everything is synthetic and lives in a temporary folder that is removed at the end.
"""
from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app import demo  # noqa: E402
from app.store import kdf  # noqa: E402
from app.store.repository import Repository  # noqa: E402
from app.store.vault import Vault  # noqa: E402

PASSPHRASE = "benchmark passphrase, synthetic data only"
GROUPED = ("SELECT k.channel, count(*), sum(k.minutes) FROM contacts k JOIN cases c ON c.id = k.case_id "
           "GROUP BY k.channel ORDER BY k.channel")


def timed(fn, repeat: int) -> tuple[float, float, object]:
    """(first run, median of the following runs, result) in seconds."""
    t0 = time.perf_counter()
    result = fn()
    first = time.perf_counter() - t0
    rest = []
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        fn()
        rest.append(time.perf_counter() - t0)
    return first, statistics.median(rest), result


def ms(seconds: float) -> str:
    return f"{seconds * 1000:9.1f} ms"


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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=5)
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
        size = path.stat().st_size
        print(f"vault size: {size / 1e6:.1f} MB")

        year = today.year - 1
        first, median, rows = timed(lambda: repo.list_cases(year=year), args.repeat)
        print(f"list_cases(year={year}) -> {len(rows)} rows: first {ms(first)}, median {ms(median)}")

        first_v, med_v, res_v = timed(lambda: v.conn.execute(GROUPED).fetchall(), args.repeat)
        print(f"grouped count over contacts, vault:        first {ms(first_v)}, median {ms(med_v)}")

        # the same data as plain SQLite (sqlcipher_export into an unencrypted file), same run
        plain = Path(tmp) / "plain.sqlite"
        v.conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
        v.conn.execute("SELECT sqlcipher_export('plain')")
        v.conn.execute("DETACH DATABASE plain")
        v.close()
        pc = sqlite3.connect(plain)
        try:
            first_p, med_p, res_p = timed(lambda: pc.execute(GROUPED).fetchall(), args.repeat)
        finally:
            pc.close()
        assert [tuple(r) for r in res_v] == [tuple(r) for r in res_p], "vault and plain copy disagree"
        print(f"grouped count over contacts, plain SQLite: first {ms(first_p)}, median {ms(med_p)}")
        print(f"ratio vault / plain (median): {med_v / med_p:.2f}x; first run: {first_v / first_p:.2f}x")
        plain.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
