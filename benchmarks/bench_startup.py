"""Start-to-unlock-screen time: the source run beside an installed and a frozen program, in one run.

    python benchmarks/bench_startup.py [--frozen dist/Vertrouwd/Vertrouwd] [--installed venv/bin/vertrouwd]
                                       [--runs 5]

Each program is started offscreen on the same vault (made once with the source's `init`) with the hidden
`--smoke-test 0` hook; the time counted is from starting the process until it prints that the window shows
the unlock screen. One untimed start per program first (disk cache), then --runs timed starts each,
interleaved so a busy machine slows every variant alike. Prints median and min per program.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSPHRASE = "benchmark: correct horse battery staple 42"
SHOWN = "smoke: window shown, screen UnlockPage"


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local/share"), APPDATA=str(home), LOCALAPPDATA=str(home),
               VERTROUWD_PASSPHRASE=PASSPHRASE)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONPATH", None)
    return env


def time_to_unlock_screen(cmd: list[str], vault: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen([*cmd, "--vault", str(vault), "--smoke-test", "0"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env)
    assert proc.stdout is not None
    for line in proc.stdout:
        if SHOWN in line:
            elapsed = time.perf_counter() - start
            break
    else:
        proc.wait()
        raise SystemExit(f"{cmd[-1]}: the unlock screen was never reported (exit code {proc.returncode})")
    proc.stdout.close()
    proc.wait(timeout=60)
    return elapsed


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--frozen", help="the frozen windowed program (dist/Vertrouwd/Vertrouwd)")
    p.add_argument("--installed", help="`vertrouwd` of a venv with the wheel installed")
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()
    programs = {"source (python main.py)": [sys.executable, str(ROOT / "main.py")]}
    if args.installed:
        programs["installed wheel"] = [str(Path(args.installed).resolve())]
    if args.frozen:
        programs["frozen (PyInstaller)"] = [str(Path(args.frozen).resolve())]
    with tempfile.TemporaryDirectory(prefix="vertrouwd-bench-") as tmp:
        env, vault = _env(Path(tmp)), Path(tmp) / "v.vault"
        subprocess.run([sys.executable, str(ROOT / "main.py"), "--vault", str(vault), "init"], env=env,
                       check=True, capture_output=True)
        times: dict[str, list[float]] = {name: [] for name in programs}
        for cmd in programs.values():
            time_to_unlock_screen(cmd, vault, env)  # warm-up, not counted
        for _ in range(args.runs):
            for name, cmd in programs.items():
                times[name].append(time_to_unlock_screen(cmd, vault, env))
    print(f"start to unlock screen, {args.runs} runs each (offscreen):")
    for name, values in times.items():
        print(f"  {name:<26} median {statistics.median(values):5.2f} s   min {min(values):5.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
