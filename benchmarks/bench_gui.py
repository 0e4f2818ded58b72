"""GUI figures on a demo vault of 20,000 cases and about 60,000 contacts.

Prints: time from start to the unlock screen; from unlock to the filled case list (CPU time of the GUI
thread, so without the key derivation, which runs on a worker thread; and wall time, with it), over
several lock/unlock rounds (min and median); and a filter change (organisation, year, text).
Run: QT_QPA_PLATFORM=offscreen python benchmarks/bench_gui.py
BENCH_CASES sets the number of cases; BENCH_VAULT names a vault file to reuse (made when missing).
"""
from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CASES = int(os.environ.get("BENCH_CASES", "20000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
PASS = "benchmark passphrase"


def demo_vault(cases: int) -> Path:
    """A fresh copy of a demo vault with `cases` cases (kept in BENCH_VAULT when that is set)."""
    from app import demo
    from app.store.repository import Repository
    from app.store.vault import Vault, key_path
    keep = os.environ.get("BENCH_VAULT")
    tmp = Path(tempfile.mkdtemp())
    path = tmp / "bench.vault"
    if keep and Path(keep).exists():
        shutil.copyfile(keep, path)
        shutil.copyfile(key_path(Path(keep)), key_path(path))
        Vault.open(path, PASS).close()   # an upgrade of its schema is done here, not in the first unlock
        return path
    v = Vault.create(path, PASS)
    demo.generate(Repository(v), cases, orgs=12, years=4, seed=7)
    v.close()
    if keep:
        shutil.copyfile(path, keep)
        shutil.copyfile(key_path(path), key_path(Path(keep)))
    return path


def main() -> None:
    path = demo_vault(CASES)
    t0 = time.perf_counter()
    from PySide6.QtWidgets import QApplication

    from app.store.session import Session
    from ui.application import configure_app
    from ui.main_window import MainWindow
    configure_app()
    w = MainWindow(Session(path))
    w.show()
    QApplication.processEvents()
    t_start = time.perf_counter() - t0
    cpu, wall, gaps = [], [], []
    for _ in range(ROUNDS):
        c0, t1 = time.thread_time(), time.perf_counter()
        gaps.append(_unlock_and_watch_the_event_loop(w))
        ws = w.workspace
        ws.nav.setCurrentRow(1)
        QApplication.processEvents()
        cpu.append(time.thread_time() - c0)
        wall.append(time.perf_counter() - t1)
        rows = ws.cases.model.rowCount()
        w.lock()
        QApplication.processEvents()
    print(f"demo vault: {rows} cases")
    print(f"start to unlock screen:      {t_start * 1000:8.0f} ms")
    print(f"unlock to filled case list, GUI thread CPU (no key derivation): min {min(cpu) * 1000:.0f} ms, "
          f"median {statistics.median(cpu) * 1000:.0f} ms over {ROUNDS} unlocks")
    print(f"unlock to filled case list, wall (with key derivation): min {min(wall) * 1000:.0f} ms, "
          f"median {statistics.median(wall) * 1000:.0f} ms")
    print(f"longest pause of the event loop while unlocking: {max(gaps) * 1000:.0f} ms "
          "(the key is derived on a worker thread)")
    _filters(w)


def _filters(w) -> None:
    from PySide6.QtWidgets import QApplication
    _unlock_and_watch_the_event_loop(w)
    cases = w.workspace.cases
    w.workspace.nav.setCurrentRow(1)
    timings = []
    for i in range(12):
        for combo in (cases.org, cases.year):
            t = time.perf_counter()
            combo.setCurrentIndex(i % combo.count())
            QApplication.processEvents()
            timings.append(time.perf_counter() - t)
    t = time.perf_counter()
    cases.search.setText("2025-01")
    QApplication.processEvents()
    timings.append(time.perf_counter() - t)
    print(f"filter change: median {statistics.median(timings) * 1000:.1f} ms, "
          f"max {max(timings) * 1000:.1f} ms over {len(timings)} changes")
    w.lock()


def _unlock_and_watch_the_event_loop(window) -> float:
    """Unlock (on the worker thread) while a 10 ms timer notes the longest gap between event-loop turns."""
    from PySide6.QtCore import QEventLoop, QTimer
    gaps, last = [], [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    loop = QEventLoop()
    job = window.unlock(PASS)
    job.finished.connect(loop.quit)
    loop.exec()
    timer.stop()
    return max(gaps, default=0.0)


if __name__ == "__main__":
    main()
