"""Locking while the window writes something on its worker thread (export, backup, import).

The lock happens at once; a job that had not started yet is cancelled before it writes anything,
one that was writing finishes first. After unlocking she is told which of the two it was: never
a silent drop, never a half-written file."""
from __future__ import annotations

import threading

import pytest

from app import demo
from tests.conftest import PASSPHRASE
from tests.ui.jobs import finish
from tests.ui.test_main_window import create
from ui import worker as W
from ui.main_window import PAGES
from ui.report import export as E

WAIT = 30_000


@pytest.fixture
def report_page(window, qtbot):
    ws = create(window, qtbot)
    demo.generate(ws.repo, 40, orgs=1, years=1, seed=3)
    page = ws.report
    ws.nav.setCurrentRow(PAGES.index("report"))
    qtbot.waitUntil(lambda: page.prep is not None and page.prepare_job is None, timeout=WAIT)
    return page


def _block(parent) -> None:
    """A job ahead in `parent`'s queue that runs until it is cancelled (the lock cancels it)."""
    started, known = threading.Event(), threading.Event()
    box: dict[str, W.Job] = {}

    def hold(report):
        started.set()
        known.wait()
        box["job"]._cancel.wait()   # until the lock cancels it
        report(-1, "")              # raises Cancelled
    box["job"] = W.run_in_thread(parent, hold)
    known.set()
    assert started.wait(10)


def _unlock_and_messages(window, qtbot, dialogs):
    before = len(dialogs.asked)
    finish(qtbot, window.unlock(PASSPHRASE))
    return dialogs.asked[before:]


def test_export_not_started_yet_is_cancelled_and_she_is_told_after_unlocking(
        window, qtbot, dialogs, report_page, tmp_path):
    out = tmp_path / "jaarverslag.pdf"
    dialogs.paths = [str(out)]
    _block(report_page)
    assert report_page.exports.export("pdf") is not None
    window.lock(manual=True)
    assert not window.session.is_open
    said = _unlock_and_messages(window, qtbot, dialogs)
    assert not out.exists()
    assert said == [("info", "Het exporteren is afgebroken door het vergrendelen; er is niets geschreven. "
                             "Exporteer opnieuw.")]


def test_export_already_writing_finishes_before_the_lock_and_she_is_told_where(
        window, qtbot, dialogs, report_page, tmp_path, monkeypatch):
    out = tmp_path / "jaarverslag.pdf"
    dialogs.paths = [str(out)]
    started = threading.Event()
    real = E.write_export

    def spy(*a, **kw):
        started.set()
        return real(*a, **kw)
    monkeypatch.setattr(E, "write_export", spy)
    report_page.exports.export("pdf")
    qtbot.waitUntil(started.is_set, timeout=WAIT)
    window.lock(manual=True)
    assert not window.session.is_open
    said = _unlock_and_messages(window, qtbot, dialogs)
    assert out.exists() and out.read_bytes().startswith(b"%PDF") and out.read_bytes().rstrip().endswith(b"%%EOF")
    assert said == [("info", f"Het exporteren is voltooid voordat de kluis werd vergrendeld: {out}")]


def test_export_then_lock_at_once_is_never_silent(window, qtbot, dialogs, report_page, tmp_path):
    """The adviser's case: Export, then Ctrl+L straight away."""
    out = tmp_path / "jaarverslag.pdf"
    dialogs.paths = [str(out)]
    report_page.exports.export("pdf")
    window.lock(manual=True)
    said = _unlock_and_messages(window, qtbot, dialogs)
    assert len(said) == 1
    if out.exists():
        assert str(out) in said[0][1] and out.read_bytes().rstrip().endswith(b"%%EOF")
    else:
        assert "er is niets geschreven" in said[0][1]


def test_backup_queued_behind_other_work_is_cancelled_by_the_lock_and_reported(window, qtbot, dialogs, tmp_path):
    create(window, qtbot)
    out = tmp_path / "b.vbak"
    dialogs.paths = [str(out)]
    _block(window)
    window.backup()
    window.lock(manual=True)
    assert not window.session.is_open
    said = _unlock_and_messages(window, qtbot, dialogs)
    assert not out.exists()
    assert said == [("info", "De back-up is afgebroken door het vergrendelen; er is niets geschreven. "
                             "Maak de back-up opnieuw.")]


def test_backup_running_when_locked_is_finished_and_reported(window, qtbot, dialogs, tmp_path, monkeypatch):
    from app.store.vault import Vault
    create(window, qtbot)
    out = tmp_path / "b.vbak"
    dialogs.paths = [str(out)]
    started = threading.Event()
    real = Vault.backup

    def spy(self, path):
        started.set()
        return real(self, path)
    monkeypatch.setattr(Vault, "backup", spy)
    window.backup()
    qtbot.waitUntil(started.is_set, timeout=WAIT)
    window.lock(manual=True)
    said = _unlock_and_messages(window, qtbot, dialogs)
    assert out.exists() and str(out) in said[-1][1]
    assert len(said) == 1 and said[0][0] == "info"


def test_backup_failing_while_the_lock_waits_is_reported_as_a_failure(window, qtbot, dialogs, tmp_path, monkeypatch):
    from app.store.vault import Vault
    create(window, qtbot)
    out = tmp_path / "b.vbak"
    dialogs.paths = [str(out)]
    started = threading.Event()

    def failing(self, path):
        started.set()
        window.job._cancel.wait(WAIT / 1000)   # the lock has asked it to stop: now the disk fills up
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(Vault, "backup", failing)
    window.backup()
    qtbot.waitUntil(started.is_set, timeout=WAIT)
    window.lock(manual=True)
    said = _unlock_and_messages(window, qtbot, dialogs)
    assert len(said) == 1 and said[0][0] == "error" and "No space left" in said[0][1]
    assert not out.exists()


def test_import_queued_behind_other_work_is_cancelled_by_the_lock_and_reported(window, qtbot, dialogs, tmp_path):
    create(window, qtbot)
    data = tmp_path / "d.json"
    data.write_text("{}", encoding="utf-8")
    dialogs.paths = [str(data)]
    _block(window)
    window.import_data()
    window.lock(manual=True)
    said = _unlock_and_messages(window, qtbot, dialogs)
    assert said == [("info", "Het importeren is afgebroken door het vergrendelen; er is niets geïmporteerd. "
                             "Importeer opnieuw.")]


def test_passphrase_change_queued_behind_other_work_is_cancelled_and_the_old_one_still_opens(
        window, qtbot, dialogs):
    create(window, qtbot)
    _block(window)
    window._rekey(PASSPHRASE, "een heel andere lange wachtwoordzin 42")
    window.lock(manual=True)
    said = _unlock_and_messages(window, qtbot, dialogs)   # with the old passphrase
    assert window.session.is_open
    assert said == [("info", "De wachtwoordzin is niet gewijzigd: de kluis werd eerst vergrendeld. De oude "
                             "wachtwoordzin opent de kluis nog steeds.")]


def test_spreadsheet_import_queued_behind_other_work_is_cancelled_by_the_lock_and_reported(
        window, qtbot, dialogs, tmp_path):
    from tests import sheet_samples as S
    ws = create(window, qtbot)
    dialogs.paths = [str(S.messy_xlsx(tmp_path / "messy.xlsx"))]
    window.import_sheet()
    dlg = window.sheet_dialog
    qtbot.waitUntil(lambda: dlg.plan is not None and not dlg.progress.isVisible(), timeout=WAIT)
    before = len(ws.repo.list_cases())
    _block(dlg)
    dlg.start_import()
    window.lock(manual=True)
    said = _unlock_and_messages(window, qtbot, dialogs)
    assert said == [("info", "Het importeren is afgebroken door het vergrendelen; er is niets geïmporteerd. "
                             "Importeer het spreadsheet opnieuw.")]
    assert len(window.workspace.repo.list_cases()) == before
