"""Every figure of the README's table in one run, printed as that table (Markdown).

    QT_QPA_PLATFORM=offscreen python benchmarks/run_all.py [--sizes 1000,20000,100000] [--rounds 5]

CPU time is the steadier figure on a shared machine; wall time is given where a person waits on it.
Where a figure is a ratio, the two sides run interleaved (A, B, A, B, ...) and the ratio is of medians.
Everything is synthetic and lives in a temporary folder that is removed at the end.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import bench_vault  # noqa: E402

from app import demo  # noqa: E402
from app.reporting import report  # noqa: E402
from app.store import kdf  # noqa: E402
from app.store.repository import Repository  # noqa: E402
from app.store.vault import Vault  # noqa: E402

PASS = "benchmark passphrase, synthetic data only"
TODAY = date(2026, 6, 30)
ROWS: list[tuple[str, str]] = []


def row(what: str, figure: str) -> None:
    ROWS.append((what, figure))
    print(f"  {what}: {figure}", file=sys.stderr, flush=True)


def mm(values: list[float], unit: float = 1000, fmt: str = "{:.0f}") -> str:
    """'min X, median Y' in ms (unit=1000) or s (unit=1)."""
    return f"min {fmt.format(min(values) * unit)}, median {fmt.format(statistics.median(values) * unit)}"


def cpu_runs(fn, rounds: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(rounds):
        t0 = time.process_time()
        result = fn()
        times.append(time.process_time() - t0)
    return times, result


def cheap_vault(path: Path) -> Vault:
    params = kdf.KdfParams(salt=os.urandom(16), memory_kib=8 * 1024, iterations=1, lanes=1)
    return Vault.create(path, PASS, params=params, allow_weak=True)


def unlock(folder: Path) -> kdf.KdfParams:
    params = kdf.calibrate()
    path = folder / "kdf.vault"
    Vault.create(path, PASS, params=params).close()
    cpu, wall = [], []
    for _ in range(3):
        c0, w0 = time.process_time(), time.perf_counter()
        Vault.open(path, PASS).close()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    row(f"unlock (Argon2id {params.memory_kib // 1024} MiB, {params.iterations} iterations calibrated here)",
        f"CPU {mm(cpu, 1, '{:.2f}')} s; wall {mm(wall, 1, '{:.2f}')} s (x3)")
    return params


def scaling(folder: Path, sizes: list[int], rounds: int) -> None:
    """Case list and report at each size (4 years, about one organisation per 1,700 cases)."""
    for n in sizes:
        path = folder / f"s{n}.vault"
        v = cheap_vault(path)
        t0 = time.perf_counter()
        counts = demo.generate(Repository(v), n, orgs=max(2, n // 1700), years=4, seed=7, today=TODAY)
        gen = time.perf_counter() - t0
        v.close()
        row(f"`demo` {n:,} cases ({counts['contacts']:,} contacts)",
            f"{gen:.2f} s wall, vault {path.stat().st_size / 1e6:.1f} MB")
        v = Vault.open(path, PASS)   # as the adviser opens it: the page cache sized for this vault
        try:
            one_size(folder, Repository(v), n, rounds)
        finally:
            v.close()


def one_size(folder: Path, repo: Repository, n: int, rounds: int) -> None:
    year = TODAY.year - 1
    whole, rows = cpu_runs(repo.list_cases, rounds)
    one, yrows = cpu_runs(lambda: repo.list_cases(year=year), rounds)
    row(f"case list, {n:,} cases: all ({len(rows):,} rows) / one year ({len(yrows):,})",
        f"CPU {mm(whole)} ms / {mm(one)} ms")
    org = repo.list_organisations()[0].name
    for label, name in ((f"one organisation ({org})", org), ("all organisations", None)):
        request = report.resolve(repo, name, year)
        t, prep = cpu_runs(lambda r=request: report.prepare(repo, r), max(3, rounds // 2))
        row(f"report {year}, {n:,}-case vault, {label}: prepare (aggregate, protect, audit; "
            f"{prep.aggregation.totals['cases']:,} cases)", f"CPU {mm(t)} ms")
    if n == 20000:
        for r in bench_vault.encryption_cost(repo.vault, folder, year, rounds * 2):
            row(f"vault vs plain SQLite, same library, interleaved: {r['query']} ({r['rows']:,} rows)",
                f"{statistics.median(r['vault']) * 1000:.1f} vs {statistics.median(r['plain']) * 1000:.1f} "
                f"ms CPU median: {r['ratio_median']:.2f}x (min {r['ratio_min']:.2f}x)")


def child_cpu(cmd: list[str], env: dict) -> tuple[float, float]:
    """(CPU, wall) seconds of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    w0 = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    wall = time.perf_counter() - w0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, wall


def cli_report(folder: Path, params: kdf.KdfParams, rounds: int) -> None:
    """`report` of a 40-case organisation against `org list` on the same vault, whole process, interleaved."""
    path = folder / "cli.vault"
    v = Vault.create(path, PASS, params=params)
    demo.generate(Repository(v), 40, orgs=1, years=1, seed=3, today=TODAY)
    org = Repository(v).list_organisations()[0].name
    v.close()
    env = dict(os.environ, VERTROUWD_PASSPHRASE=PASS)
    base = [sys.executable, str(ROOT / "main.py"), "--vault", str(path)]
    rep = base + ["report", "--org", org, "--year", str(TODAY.year), "--format", "pdf",
                  "--out", str(folder / "r.pdf")]
    lst = base + ["org", "list"]
    a, b = [], []
    for _ in range(rounds):
        a.append(child_cpu(rep, env))
        b.append(child_cpu(lst, env))
    ra, rb = statistics.median(x[0] for x in a), statistics.median(x[0] for x in b)
    row("`report` (PDF) of a 40-case organisation vs `org list`, whole process, same vault, interleaved",
        f"CPU median {ra:.2f} vs {rb:.2f} s ({ra / rb:.1f}x); wall median "
        f"{statistics.median(x[1] for x in a):.2f} vs {statistics.median(x[1] for x in b):.2f} s "
        f"(both derive the key: {params.iterations} iterations)")


def gui(rounds: int) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BENCH_ROUNDS=str(rounds))
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_gui.py")], env=env, check=True,
                         capture_output=True, text=True, cwd=ROOT).stdout
    cases = re.search(r"demo vault: (\d+) cases", out).group(1)
    for pattern, what in ((r"start to unlock screen:\s+(.*)", "window: start to unlock screen"),
                          (r"GUI thread CPU \(no key derivation\): (.*)",
                           f"window: unlock to filled case list, {int(cases):,} cases, GUI thread CPU "
                           "(the key is derived on a worker thread)"),
                          (r"wall \(with key derivation\): (.*)", "window: unlock to filled case list, wall, "
                                                                   "with key derivation"),
                          (r"filter change: (.*)", "window: a filter change on the case list")):
        m = re.search(pattern, out)
        row(what, m.group(1).strip() if m else "(not printed)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,20000,100000")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--skip", default="", help="comma list of parts to leave out: unlock,scaling,cli,gui")
    args = ap.parse_args()
    skip = set(args.skip.split(","))
    with tempfile.TemporaryDirectory(prefix="vertrouwd-bench-") as tmp:
        folder = Path(tmp)
        params = unlock(folder) if "unlock" not in skip else kdf.calibrate()
        if "scaling" not in skip:
            scaling(folder, [int(s) for s in args.sizes.split(",")], args.rounds)
        if "cli" not in skip:
            cli_report(folder, params, args.rounds)
    if "gui" not in skip:
        gui(args.rounds)
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")
    print("| what | figure |\n|---|---|")
    for what, figure in ROWS:
        print(f"| {what} | {figure} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
