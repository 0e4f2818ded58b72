"""The window builds the case list at unlock and every other page when it is first opened."""
from __future__ import annotations

from datetime import date

import pytest

from app import demo
from app.privacy import retention
from tests.conftest import PASSPHRASE
from tests.ui.jobs import finish
from tests.ui.test_main_window import create
from ui.main_window import PAGES

TODAY = date(2026, 11, 22)
LAZY = [p for p in PAGES if p != "cases"]


@pytest.fixture
def due_calls(monkeypatch):
    calls = []
    real = retention.due

    def counting(repo, today):
        calls.append(today)
        return real(repo, today)

    monkeypatch.setattr(retention, "due", counting)
    return calls


@pytest.fixture
def filled(window, qtbot):
    """A window unlocked on a vault with 80 demo cases, some of them closed long enough to fall due."""
    window.today = lambda: TODAY
    create(window, qtbot)
    demo.generate(window.session.repo, 80, orgs=2, years=4, seed=4, today=TODAY)
    window.lock()
    finish(qtbot, window.unlock(PASSPHRASE))
    return window


def test_unlock_shows_the_filled_case_list_and_builds_nothing_else(filled, due_calls):
    ws = filled.workspace
    assert ws.nav.currentRow() == PAGES.index("cases")
    assert ws.stack.currentWidget() is ws.cases
    assert ws.cases.model.rowCount() == 80
    assert [p for p in LAZY if ws.built(p) is not None] == []
    assert due_calls == []          # no retention query before a page that shows it is opened


def test_every_page_works_when_first_opened(filled, qtbot, due_calls):
    ws = filled.workspace
    ws.nav.setCurrentRow(PAGES.index("overview"))
    assert ws.built("overview") is ws.stack.currentWidget() is ws.dashboard
    assert int(ws.dashboard.open_tile.value.text()) == ws.repo.open_case_count()
    shown_due = int(ws.dashboard.retention_tile.value.text())
    assert shown_due > 0
    ws.nav.setCurrentRow(PAGES.index("organisations"))
    assert ws.organisations.model.rowCount() == 2
    ws.nav.setCurrentRow(PAGES.index("activities"))
    assert ws.built("activities") is ws.activities
    ws.nav.setCurrentRow(PAGES.index("requests"))
    assert ws.built("requests") is ws.requests and ws.requests.model.rowCount() > 0
    ws.nav.setCurrentRow(PAGES.index("settings"))
    assert ws.settings.kdf.text()
    assert ws.retention.due_model.rowCount() == shown_due
    assert len(due_calls) == 1      # the dashboard and the retention panel share one query
    with qtbot.waitSignal(ws.report.refreshed, timeout=30_000):
        ws.nav.setCurrentRow(PAGES.index("report"))
    assert ws.report.tables.views
    assert ws.stack.count() == len(PAGES)
    assert [ws.stack.indexOf(ws.built(p)) for p in ("overview", "cases", "organisations", "activities",
                                                     "requests", "report")] == [0, 1, 2, 3, 4, 5]


def test_a_purge_asks_the_vault_again(filled, due_calls):
    ws = filled.workspace
    ws.nav.setCurrentRow(PAGES.index("overview"))
    assert int(ws.dashboard.retention_tile.value.text()) > 0
    ws.nav.setCurrentRow(PAGES.index("settings"))
    ws.retention.purge_now()        # the scripted dialogs confirm
    assert ws.retention.due_model.rowCount() == 0
    ws.nav.setCurrentRow(PAGES.index("overview"))
    assert ws.dashboard.retention_tile.value.text() == "0"


def test_pages_are_built_again_after_lock_and_unlock(filled, qtbot):
    ws = filled.workspace
    ws.nav.setCurrentRow(PAGES.index("organisations"))
    assert ws.built("organisations") is not None
    filled.lock()
    finish(qtbot, filled.unlock(PASSPHRASE))
    ws = filled.workspace
    assert ws.built("organisations") is None and ws.cases.model.rowCount() == 80
    ws.nav.setCurrentRow(PAGES.index("organisations"))
    assert ws.organisations.model.rowCount() == 2
    ws.nav.setCurrentRow(PAGES.index("settings"))
    assert ws.retention.repo is filled.session.repo


def test_locking_does_not_build_the_report_page(filled):
    ws = filled.workspace
    filled.lock()
    assert ws.built("report") is None


def test_case_list_columns_fit_their_header_and_first_rows(filled):
    from PySide6.QtCore import Qt

    from ui.cases_page import MAX_COLUMN_WIDTH
    cases = filled.workspace.cases
    header, model = cases.table.horizontalHeader(), cases.model
    for col in range(model.columnCount()):
        title = model.headerData(col, Qt.Orientation.Horizontal)
        widest = max(cases.table.fontMetrics().horizontalAdvance(str(model.data(model.index(r, col))))
                     for r in range(50))
        wanted = max(widest, header.fontMetrics().horizontalAdvance(title))
        if col < model.columnCount() - 1:  # long labels are cut with "…" at MAX_COLUMN_WIDTH (tooltip: all)
            wanted = min(wanted, MAX_COLUMN_WIDTH)
        assert header.sectionSize(col) >= wanted, title


def test_ticking_off_a_reminder_in_a_case_does_not_build_the_overview(filled):
    ws = filled.workspace
    reminder = ws.repo.reminders()[0]      # open reminders only
    ws.goto_case(reminder.case_id)
    ws.complete_reminder(reminder.id)
    assert ws.built("overview") is None
    assert reminder.id not in [r.id for r in ws.repo.reminders()]
