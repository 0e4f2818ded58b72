"""Waiting for work the window runs on a worker thread (creating and unlocking the vault, backups …)."""
from __future__ import annotations


def finish(qtbot, job, timeout: int = 20_000) -> None:
    """Wait until `job` (a ui.worker.Job) delivered its result. Its signals are queued to the GUI thread,
    so it cannot have finished before this starts waiting."""
    with qtbot.waitSignal(job.finished, timeout=timeout):
        pass
