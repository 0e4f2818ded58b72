#!/usr/bin/env python3
"""Smoke test of an installed or frozen Vertrouwd, run from outside the source tree.

    python packaging/smoke_test.py CLI [--gui GUI] [--gui-silent]

CLI is the command-line program (`.venv/bin/vertrouwd`, `dist/Vertrouwd/vertrouwd-cli`,
`vertrouwd-cli.exe`); GUI the windowed one (default: CLI, which opens the window without a command).
Everything happens in a fresh temporary folder that also stands in for the user's home, data and settings
folders, so the test never reads or writes a real adviser's files. Uses only the standard library.
Steps: --version, init, demo, report as PDF/CSV/JSON, stats export + verify, check, and the window started
offscreen for a few seconds, then closed by the program itself. Exit code 0 only when every step passed.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSPHRASE = "smoke test: correct horse battery staple 42"
YEAR = str(time.localtime().tm_year - 1)  # demo data spans this year and the years before
STEP_TIMEOUT = 240  # seconds; `init` derives an Argon2id key (about 1 s), the first frozen start unpacks


class SmokeFailure(Exception):
    pass


class Runner:
    def __init__(self, cli: list[str], gui: list[str], work: Path):
        self.cli, self.gui, self.work = cli, gui, work
        self.vault = work / "data" / "vertrouwd.vault"
        self.env = _isolated_env(work)
        self.timings: list[tuple[str, float]] = []

    def run(self, label: str, args: list[str], *, gui: bool = False, expect: int = 0,
            timeout: float = STEP_TIMEOUT) -> subprocess.CompletedProcess:
        cmd = (self.gui if gui else self.cli) + args
        start = time.monotonic()
        try:
            done = subprocess.run(cmd, cwd=self.work, env=self.env, capture_output=True, text=True,
                                  encoding="utf-8", errors="replace", timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            raise SmokeFailure(f"{label}: no answer within {timeout:.0f} s") from exc
        self.timings.append((label, time.monotonic() - start))
        if done.returncode != expect:
            raise SmokeFailure(f"{label}: exit code {done.returncode}, expected {expect}\n"
                               f"  command: {cmd}\n  stdout: {done.stdout.strip()}\n  stderr: {done.stderr.strip()}")
        print(f"ok   {label:<30} {self.timings[-1][1]:6.2f} s", flush=True)
        return done

    def vault_cmd(self, label: str, *args: str, expect: int = 0) -> subprocess.CompletedProcess:
        return self.run(label, ["--vault", str(self.vault), *args], expect=expect)


def _isolated_env(work: Path) -> dict[str, str]:
    env = dict(os.environ)
    home = work / "home"
    for sub in ("", "AppData/Roaming", "AppData/Local", ".config", ".local/share", ".cache"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    env.update(HOME=str(home), USERPROFILE=str(home), APPDATA=str(home / "AppData/Roaming"),
               LOCALAPPDATA=str(home / "AppData/Local"), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local/share"), XDG_CACHE_HOME=str(home / ".cache"),
               VERTROUWD_PASSPHRASE=PASSPHRASE, PYTHONIOENCODING="utf-8")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONPATH", None)  # the program must find everything it needs by itself
    return env


def _check_reports(r: Runner, org: str) -> None:
    for fmt in ("pdf", "csv", "json"):
        out = r.work / f"jaarverslag.{fmt}"
        r.vault_cmd(f"report --format {fmt}", "report", "--org", org, "--year", YEAR, "--format", fmt,
                    "--out", str(out))
        data = out.read_bytes()
        if fmt == "pdf" and not (data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:] and b"/FontFile2" in data):
            raise SmokeFailure("report --format pdf: not a complete PDF with embedded fonts")
        if fmt == "pdf":  # English too: dates and numbers through babel's en_GB data
            r.vault_cmd("report --format pdf --lang en", "report", "--org", org, "--year", YEAR, "--format",
                        "pdf", "--lang", "en", "--out", str(r.work / "annual-report.pdf"))
        if fmt == "csv" and len(list(csv.reader(data.decode("utf-8-sig").splitlines()))) < 5:
            raise SmokeFailure("report --format csv: fewer than 5 rows")
        if fmt == "json":
            json.loads(data)


def _check_stats(r: Runner, org: str) -> None:
    vstat = r.work / "gemeente.vstat"
    r.vault_cmd("stats export", "stats", "export", "--org", org, "--year", YEAR, "--out", str(vstat))
    untrusted = r.run("stats verify (untrusted)", ["stats", "verify", str(vstat)], expect=1)
    found = re.search(r"((?:[0-9A-F]{4} ){7}[0-9A-F]{4})", untrusted.stderr + untrusted.stdout)
    if not found:
        raise SmokeFailure(f"stats verify: no fingerprint in {untrusted.stderr!r}")
    ok = r.run("stats verify --trust", ["stats", "verify", "--trust", found.group(1), str(vstat)])
    if not ok.stdout.startswith("OK "):
        raise SmokeFailure(f"stats verify: {ok.stdout!r}")


def _check_window(r: Runner, silent: bool) -> None:
    shown = r.run("window (offscreen, 3 s)", ["--vault", str(r.vault), "--smoke-test", "3"], gui=True)
    if "smoke: window shown, screen UnlockPage" not in shown.stdout and not silent:
        raise SmokeFailure(f"window: the unlock screen was not reported; stdout {shown.stdout!r}, "
                           f"stderr {shown.stderr!r}")


def smoke(cli: list[str], gui: list[str], *, gui_silent: bool = False) -> float:
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="vertrouwd-smoke-") as tmp:
        r = Runner(cli, gui, Path(tmp))
        version = r.run("--version", ["--version"])
        if not version.stdout.startswith("vertrouwd "):
            raise SmokeFailure(f"--version printed {version.stdout!r}")
        r.vault_cmd("init", "init")
        r.vault_cmd("demo", "demo", "--cases", "80", "--orgs", "3", "--years", "3")
        orgs = json.loads(r.vault_cmd("org list --json", "org", "list", "--json").stdout)
        org = orgs[0]["name"]
        _check_reports(r, org)
        _check_stats(r, org)
        r.vault_cmd("check", "check")
        _check_window(r, gui_silent)
    return time.monotonic() - started


def _command(text: str) -> list[str]:
    path = Path(text)
    if path.suffix == ".py":  # a source run: python main.py
        return [sys.executable, str(path.resolve())]
    return [str(path.resolve()) if path.exists() else text]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("cli", help="the command-line executable (or main.py for a source run)")
    p.add_argument("--gui", help="the windowed executable (default: CLI)")
    p.add_argument("--gui-silent", action="store_true",
                   help="the windowed program has no stdout (Windows): only its exit code counts")
    args = p.parse_args(argv)
    try:
        total = smoke(_command(args.cli), _command(args.gui or args.cli), gui_silent=args.gui_silent)
    except SmokeFailure as exc:
        print(f"SMOKE TEST FAILED: {exc}", file=sys.stderr)
        return 1
    print(f"smoke test passed in {total:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
