"""GUI figures on a demo vault of 20,000 cases and about 60,000 contacts.

Prints: time from start to the unlock screen, from unlock to the filled case list, and for a filter
change (organisation, year, status, text). Run: QT_QPA_PLATFORM=offscreen python benchmarks/bench_gui.py
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CASES = int(os.environ.get("BENCH_CASES", "20000"))
PASS = "benchmark passphrase"


def main() -> None:
    from app import demo
    from app.store.repository import Repository
    from app.store.vault import Vault
    tmp = Path(tempfile.mkdtemp())
    path = tmp / "bench.vault"
    v = Vault.create(path, PASS)
    counts = demo.generate(Repository(v), CASES, orgs=12, years=4, seed=7)
    v.close()
    print(f"demo vault: {counts['cases']} cases, {counts['contacts']} contacts, "
          f"{counts['activities']} activities")
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
    t1 = time.perf_counter()
    longest_gap = _unlock_and_watch_the_event_loop(w)
    ws = w.workspace
    t_kdf = time.perf_counter()
    ws.nav.setCurrentRow(1)
    QApplication.processEvents()
    t_list = time.perf_counter() - t1
    assert ws.cases.model.rowCount() == counts["cases"]
    cases = ws.cases
    timings = []
    orgs = [cases.org.itemData(i) for i in range(cases.org.count())]
    years = [cases.year.itemData(i) for i in range(cases.year.count())]
    for i in range(12):
        t = time.perf_counter()
        cases.org.setCurrentIndex(i % len(orgs))
        QApplication.processEvents()
        timings.append(time.perf_counter() - t)
        t = time.perf_counter()
        cases.year.setCurrentIndex(i % len(years))
        QApplication.processEvents()
        timings.append(time.perf_counter() - t)
    t = time.perf_counter()
    cases.search.setText("2025-01")
    QApplication.processEvents()
    timings.append(time.perf_counter() - t)
    print(f"start to unlock screen:      {t_start * 1000:8.0f} ms")
    print(f"unlock to filled case list:  {t_list * 1000:8.0f} ms  (of which key derivation "
          f"{(t_kdf - t1) * 1000:.0f} ms)")
    print(f"longest pause of the event loop while unlocking: {longest_gap * 1000:.0f} ms "
          "(the key is derived on a worker thread)")
    print(f"filter change: median {statistics.median(timings) * 1000:.1f} ms, "
          f"max {max(timings) * 1000:.1f} ms over {len(timings)} changes")
    w.session.lock()


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
