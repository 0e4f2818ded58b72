"""Locking when things go wrong, and other findings of the window review."""
from __future__ import annotations

import sqlcipher3
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.store.repository import Repository
from tests.conftest import PASSPHRASE
from tests.ui.jobs import finish
from tests.ui.test_main_window import add_org, create, new_case


def _editing(window, qtbot, text):
    ws = create(window, qtbot)
    add_org(ws, qtbot)
    new_case(ws)
    editor = ws.edit_contact(None)
    editor.template_combo.setCurrentIndex(0)
    editor.notes.setPlainText(text)
    return ws, editor


def test_auto_lock_locks_even_when_a_draft_cannot_be_kept_and_says_so(window, qtbot, clock, dialogs,
                                                                      monkeypatch):
    _editing(window, qtbot, "Half geschreven notitie")

    def full(self, key, data):
        raise sqlcipher3.OperationalError("database or disk is full")
    monkeypatch.setattr(Repository, "save_draft", full)
    clock.now += 6 * 60
    window.idle.check()
    assert not window.session.is_open and window.workspace is None
    kind, text = dialogs.asked[-1]
    assert kind == "error" and "disk is full" in text


def test_manual_lock_is_not_carried_out_when_the_note_cannot_be_kept(window, qtbot, dialogs, monkeypatch):
    ws, editor = _editing(window, qtbot, "Belangrijke notitie NOTE-99")

    def full(self, key, data):
        raise sqlcipher3.OperationalError("database or disk is full")
    monkeypatch.setattr(Repository, "save_draft", full)
    window.act_lock.trigger()
    assert window.session.is_open and editor.isVisible()
    assert "NOTE-99" in editor.notes.toPlainText()
    assert dialogs.asked[-1][0] == "error"
    monkeypatch.undo()
    window.act_lock.trigger()
    assert not window.session.is_open
    finish(qtbot, window.unlock(PASSPHRASE))
    assert "NOTE-99" in window.workspace.editors[0].notes.toPlainText()


def test_ctrl_l_works_while_a_note_has_focus(window, qtbot):
    _ws, editor = _editing(window, qtbot, "tekst")
    editor.activateWindow()
    editor.notes.setFocus()
    QTest.keyClick(editor.notes, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.session.is_open


def test_cancelling_a_restored_draft_forgets_it(window, qtbot):
    _editing(window, qtbot, "Concept dat weg mag")
    window.lock()
    finish(qtbot, window.unlock(PASSPHRASE))
    ws = window.workspace
    assert ws.editors and ws.repo.drafts()
    ws.editors[0].reject()
    assert ws.repo.drafts() == {}
    window.lock()
    finish(qtbot, window.unlock(PASSPHRASE))
    assert window.workspace.editors == []


def test_a_save_that_fails_half_way_writes_nothing_and_can_be_retried(window, qtbot, monkeypatch):
    from app.errors import UserError
    ws, editor = _editing(window, qtbot, "Eén gesprek")
    case_id = ws.cases.view.case.id
    original = Repository.replace_reminders
    calls = []

    def fails_once(self, *a, **k):  # the step after the contact is written
        calls.append(1)
        if len(calls) == 1:
            raise UserError("tijdelijk probleem")
        return original(self, *a, **k)
    monkeypatch.setattr(Repository, "replace_reminders", fails_once)
    assert not editor.save(replace=[])
    assert editor.isVisible() and editor.notes.toPlainText() == "Eén gesprek"
    assert "tijdelijk probleem" in editor.general.text()
    assert ws.repo.get_case(case_id).contacts == []
    assert not any(action == "contact_toegevoegd" for _at, action, _obj in ws.repo.audit_log())
    assert editor.save(replace=[])
    assert len(ws.repo.get_case(case_id).contacts) == 1


def test_backup_reported_as_written_when_only_the_log_line_fails(window, qtbot, dialogs, tmp_path, monkeypatch):
    create(window, qtbot)
    monkeypatch.setattr(Repository, "log", lambda self, *a: (_ for _ in ()).throw(RuntimeError("no log")))
    dialogs.paths = [str(tmp_path / "b.vbak")]
    window.backup()
    with qtbot.waitSignal(window.job.finished, timeout=20_000):
        pass
    assert (tmp_path / "b.vbak").exists() and dialogs.asked[-1][0] == "info"
