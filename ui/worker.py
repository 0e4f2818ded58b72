"""Long work off the GUI thread, one job at a time, with progress shown in a bar or a dialog.

    job = run_in_thread(page, compute, repo, 2025, on_done=show, on_error=complain, progress=bar)

``compute`` runs on a worker thread as ``compute(report, repo, 2025)``; it may call
``report(fraction, text)`` (fraction 0..1, or below 0 for "busy, amount unknown") as often as it
likes. Its result goes to ``on_done`` and
an exception it raises goes to ``on_error``, both called on the GUI thread through queued signals;
then the job's ``finished`` signal fires (tests wait on it with ``qtbot.waitSignal``).

Jobs started for the same ``parent`` run one after another on one private thread (a QThreadPool
with a single thread, a child of ``parent``), so two reads of the vault never run at once. Pass
``lock`` (the vault's ``lock_``) to hold it while the callable runs, which also keeps the GUI
thread's own transactions from interleaving. Deleting ``parent`` waits for the running job to end
(QThreadPool's destructor does that); results that arrive after that are dropped, because Qt
breaks the connections of a deleted receiver. Locking the window cancels the jobs first
(``cancel_for_lock``) and turns their outcome into a message for after the unlock (``job.after_lock``,
``settled_after_lock``).
"""
from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from contextlib import nullcontext
from typing import Any

from PySide6.QtCore import QDeadlineTimer, QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressBar, QProgressDialog

Report = Callable[..., None]
ProgressWidget = QProgressBar | QProgressDialog


class Job(QObject):
    """One piece of work. Signals arrive in the GUI thread; ``finished`` comes last, always once."""

    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)      # the exception the callable raised
    finished = Signal()
    # emitted from the worker thread; queued into the GUI thread. They carry no Python objects: the
    # outcome is stored on the job first and read in the GUI thread (no objects made or freed there)
    _ping_progress = Signal(float, str)
    _ping_done = Signal()

    def __init__(self, parent: QObject | None, on_done: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException], None] | None, progress: ProgressWidget | None):
        super().__init__(parent)
        self.on_done = on_done
        self.on_error = on_error
        self.progress = progress
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.fraction = 0.0
        self.text = ""
        self._cancel = threading.Event()
        # what to tell the adviser after unlocking when a lock overtook this job: called with
        # ("ok", result) or ("error", exception); None for work that wrote nothing (a read)
        self.after_lock: Callable[[str, Any], tuple[str, str] | None] | None = None
        self._shown_progress = False
        self._outcome: tuple[str, Any] | None = None
        queued = Qt.ConnectionType.QueuedConnection
        self._ping_progress.connect(self._on_progress, queued)
        self._ping_done.connect(self._deliver, queued)

    @Slot()
    def _deliver(self) -> None:
        outcome, self._outcome = self._outcome, None
        if outcome is None:
            return
        kind, value = outcome
        if kind == "ok":
            self._on_success(value)
        else:
            self._on_failure(value)

    # -- cancelling (cooperative) -----------------------------------------------------------------
    def cancel(self) -> None:
        """Ask the work to stop: its next ``report(...)`` raises ``Cancelled``."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    # -- progress widget ---------------------------------------------------------------------------
    def _start_progress(self, text: str) -> None:
        w = self.progress
        if w is None:
            return
        if isinstance(w, QProgressDialog):
            w.setRange(0, 0)
            w.setLabelText(text)
            w.setValue(0)
            w.show()
        else:
            self._shown_progress = w.isHidden()
            w.setRange(0, 0)          # busy until the first report
            w.setFormat(_escape(text))
            w.setTextVisible(bool(text))
            w.show()

    def _end_progress(self) -> None:
        w = self.progress
        if w is None:
            return
        try:
            w.reset()
            if isinstance(w, QProgressDialog):
                w.hide()
            elif self._shown_progress:
                w.hide()
        except RuntimeError:  # the widget was deleted meanwhile
            pass

    @Slot(float, str)
    def _on_progress(self, fraction: float, text: str) -> None:
        if self.done:
            return
        self.fraction, self.text = fraction, text
        w = self.progress
        if w is not None:
            try:
                self._show_fraction(w, fraction, text)
            except RuntimeError:  # the widget was deleted meanwhile
                pass
        self.progressed.emit(fraction, text)

    @staticmethod
    def _show_fraction(w: ProgressWidget, fraction: float, text: str) -> None:
        """A fraction below 0 means "busy, amount unknown"; 0..1 fills the bar."""
        if fraction < 0:
            w.setRange(0, 0)
        else:
            w.setRange(0, 100)
            w.setValue(round(min(1.0, fraction) * 100))
        if isinstance(w, QProgressDialog):
            if text:
                w.setLabelText(text)
            return
        if fraction < 0:
            w.setFormat(_escape(text))
            w.setTextVisible(bool(text))
        else:
            w.setFormat(f"{_escape(text)}  %p%" if text else "%p%")
            w.setTextVisible(True)

    @Slot(object)
    def _on_success(self, result: Any) -> None:
        self.done, self.result = True, result
        self._end_progress()
        try:
            if self.on_done is not None:
                self.on_done(result)
            self.succeeded.emit(result)
        finally:
            self._release()
            self.finished.emit()

    @Slot(object)
    def _on_failure(self, exc: BaseException) -> None:
        self.done, self.error = True, exc
        self._end_progress()
        try:
            if self.on_error is not None:
                self.on_error(exc)
            self.failed.emit(exc)
        finally:
            self._release()
            self.finished.emit()

    def _release(self) -> None:
        self.on_done = self.on_error = None


class Cancelled(Exception):
    """Raised inside the work by ``report(...)`` once the job was cancelled."""


def _escape(text: str) -> str:
    return text.replace("%", "%%")


class Runner(QObject):
    """Runs callables one at a time on one worker thread; a child of the widget that uses it."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.pool.setExpiryTimeout(30_000)
        self.jobs: list[Job] = []

    @property
    def busy(self) -> bool:
        return any(not j.done for j in self.jobs)

    def wait(self, msecs: int = -1) -> bool:
        """Block until every started job has run (the results still arrive through the event loop)."""
        return self.pool.waitForDone(msecs)

    def run(self, fn: Callable[..., Any], *args, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None, progress: ProgressWidget | None = None,
            text: str = "", lock=None, **kwargs) -> Job:
        job = Job(self, on_done, on_error, progress)
        self.jobs = [j for j in self.jobs if not j.done] + [job]
        job.finished.connect(lambda j=job: self._forget(j))
        cancel = job._cancel

        def task() -> None:
            def report(fraction: float, text: str = "") -> None:
                if cancel.is_set():
                    raise Cancelled()
                with contextlib.suppress(RuntimeError):  # the job's window went away meanwhile
                    job._ping_progress.emit(float(fraction), str(text))

            try:
                if cancel.is_set():
                    raise Cancelled()
                with lock if lock is not None else nullcontext():
                    if cancel.is_set():   # cancelled while it waited for the lock
                        raise Cancelled()
                    result = fn(report, *args, **kwargs)
            except Exception as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
                job._outcome = ("error", exc)
            else:
                job._outcome = ("ok", result)
            with contextlib.suppress(RuntimeError):
                job._ping_done.emit()

        job._start_progress(text)
        self.pool.start(task)
        return job

    def _forget(self, job: Job) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        job.deleteLater()


def runner_for(parent: QObject) -> Runner:
    """The Runner that serialises the jobs of ``parent`` (made on first use, a child of it)."""
    found = parent.findChild(Runner, "vertrouwd_runner", Qt.FindChildOption.FindDirectChildrenOnly)
    if found is None:
        found = Runner(parent)
        found.setObjectName("vertrouwd_runner")
    return found


def cancel_for_lock(root: QObject, msecs: int) -> list[Job]:
    """Cancel every unfinished job of ``root`` and its children and wait (at most ``msecs``) for them.

    A job that had not started yet ends without running; one that is writing runs to its end (or to
    its next ``report(...)``). Returns the jobs; pass them to ``settled_after_lock`` once the vault
    is closed."""
    runners = root.findChildren(Runner)
    jobs = [j for r in runners for j in r.jobs if not j.done]
    for job in jobs:
        job.cancel()
    deadline = QDeadlineTimer(msecs)
    for runner in runners:
        runner.wait(max(0, deadline.remainingTime()))
    return jobs


def settled_after_lock(jobs: list[Job], msecs: int = 1_000) -> list[tuple[str, str, bool]]:
    """What to tell the adviser about ``jobs`` (title, text, failed) after unlocking: ``failed`` when the
    work ended in an error (not when the lock stopped it before it began). Their own callbacks are
    dropped (the views they would update are gone); a job still running keeps them."""
    notes: list[tuple[str, str, bool]] = []
    for job in jobs:
        runner = job.parent()
        if job._outcome is None and isinstance(runner, Runner):
            runner.wait(msecs)   # it released the vault's lock a moment ago
        outcome = job._outcome
        if outcome is None:
            continue
        job.on_done = job.on_error = None
        note = job.after_lock(*outcome) if job.after_lock is not None else None
        if note is not None:
            kind, value = outcome
            notes.append((*note, kind != "ok" and not isinstance(value, Cancelled)))
    return notes


def run_in_thread(parent: QObject, fn: Callable[..., Any], *args, on_done: Callable[[Any], None] | None = None,
                  on_error: Callable[[BaseException], None] | None = None,
                  progress: ProgressWidget | None = None, text: str = "", lock=None, **kwargs) -> Job:
    """Run ``fn(report, *args, **kwargs)`` off the GUI thread, after earlier jobs of ``parent``.

    ``text`` is shown in ``progress`` until the first report; ``lock`` is held while ``fn`` runs.
    Returns the Job; its ``finished`` signal fires after ``on_done`` / ``on_error`` ran.
    """
    return runner_for(parent).run(fn, *args, on_done=on_done, on_error=on_error, progress=progress,
                                  text=text, lock=lock, **kwargs)
