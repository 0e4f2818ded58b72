"""The adviser's data changes only when she knows: no pre-chosen labels, closing asks the date and
shows what changes, a closed case can be reopened, reminders are ticked off in the window."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from app import casework
from tests.ui.test_main_window import add_org, create, new_case


def test_new_case_starts_with_nothing_chosen_and_requires_a_choice(window, qtbot):
    ws = create(window, qtbot)
    add_org(ws, qtbot)
    ws.new_case()
    dlg = ws.case_dialog
    assert dlg.role.code() is None and dlg.behaviour.code() is None and dlg.relation.code() is None
    assert dlg.position.code() is None
    dlg.save()
    assert dlg.isVisible() and ws.repo.counts()["cases"] == 0
    for field in ("position", "reporter_role", "behaviour", "accused_relation"):
        assert dlg.errors[field].isVisible() and dlg.errors[field].text()
    dlg.role.set_code("omstander")
    dlg.position.set_code("onbekend")
    dlg.behaviour.set_code("werkdruk")
    dlg.relation.set_code("onbekend")
    dlg.save()
    assert not dlg.isVisible()
    case = ws.repo.get_case(ws.cases.view.case.id)
    assert (case.reporter_role, case.behaviour, case.accused_relation) == ("omstander", "werkdruk", "onbekend")


def _with_reminder(ws, case_id: int, due: date) -> None:
    casework.record_decision(ws.repo, case_id, {"result": {"route": "klacht", "terms_days": {"advies": 5}}},
                             route_taken_on=due - timedelta(days=5))


def test_closing_asks_date_shows_changes_and_can_be_reopened(window, qtbot, dialogs):
    ws = create(window, qtbot)
    add_org(ws, qtbot)
    case = new_case(ws)
    opened = case.opened
    _with_reminder(ws, case.id, opened + timedelta(days=3))
    ws.show_case(case.id)
    closed_on = opened + timedelta(days=1)

    def fill(dlg):
        assert dlg.date.minimumDate().toPython() == opened      # never before the case opened
        text = dlg.changes.text()
        assert "→" in text and dlg.follow is not None            # "Nog lopend" -> the chosen follow-up
        assert opened.__add__(timedelta(days=3)).strftime("%d-%m-%Y") in text  # the reminder that goes
        dlg.follow.set_code("doorverwijzing")
        dlg.date.set_date(closed_on)

    dialogs.on_dialog = fill
    ws.close_case()
    stored = ws.repo.get_case(case.id)
    assert stored.closed == closed_on and stored.follow_up == "doorverwijzing"
    assert ws.repo.reminders(case_id=case.id) == []
    view = ws.cases.view
    assert view.reopen.isVisible() and not view.close_case.isVisible()
    view.reopen.click()
    assert ws.repo.get_case(case.id).closed is None
    assert view.close_case.isVisible()


def test_cancelled_close_changes_nothing(window, qtbot, dialogs):
    ws = create(window, qtbot)
    add_org(ws, qtbot)
    case = new_case(ws)
    dialogs.confirm_answer = False
    ws.close_case()
    stored = ws.repo.get_case(case.id)
    assert stored.closed is None and stored.follow_up == "lopend"


def test_reminders_ticked_off_in_case_view_and_on_dashboard(window, qtbot, dialogs):
    today = date.today()
    ws = create(window, qtbot)
    add_org(ws, qtbot)
    case = new_case(ws)
    casework.record_decision(ws.repo, case.id, {"result": {"route": "klacht", "terms_days": {
        "ontvangstbevestiging": 0, "advies": 0}}}, route_taken_on=today)
    ws.show_case(case.id)
    lst = ws.cases.view.reminder_list
    assert ws.cases.view.reminder_box.isVisible() and lst.count() == 2
    lst.item(0).setCheckState(Qt.CheckState.Checked)
    assert len(ws.repo.reminders(case_id=case.id)) == 1
    assert ws.cases.view.reminder_list.count() == 1
    ws.nav.setCurrentRow(0)
    dash = ws.dashboard.reminders
    assert dash.count() == 1 and case.code in dash.item(0).text()
    dash.item(0).setCheckState(Qt.CheckState.Checked)
    assert ws.repo.reminders(case_id=case.id) == []
    assert ws.dashboard.due_tile.value.text() == "0"


def test_identifier_in_a_free_text_answer_is_asked_about(window, qtbot, dialogs):
    from app.guidance.checklists import get_template
    ws = create(window, qtbot)
    add_org(ws, qtbot)
    case = new_case(ws)
    editor = ws.edit_contact(None)
    t = get_template("vervolg")
    i = editor.template_combo.findData("vervolg")
    editor.template_combo.setCurrentIndex(i)
    editor.panel.set_answers({"template": "vervolg", "version": t.version,
                              "answers": {"referral": "anders", "referral_other": "teamleider Pietersen"}})
    editor.notes.setPlainText("Vervolggesprek.")
    asked = []
    dialogs.on_confirm = lambda text: asked.append(text) or False
    assert not editor.save(replace=[])
    assert "Pietersen" in asked[-1] and ws.repo.get_case(case.id).contacts == []
    dialogs.on_confirm = lambda text: True
    assert editor.save(replace=[])
    [contact] = ws.repo.get_case(case.id).contacts
    assert contact.flagged


def test_a_reminder_is_ticked_off_with_the_keyboard(window, qtbot):
    today = date.today()
    ws = create(window, qtbot)
    add_org(ws, qtbot)
    case = new_case(ws)
    casework.record_decision(ws.repo, case.id, {"result": {"route": "klacht", "terms_days": {"advies": 0}}},
                             route_taken_on=today)
    ws.show_case(case.id)
    lst = ws.cases.view.reminder_list
    lst.setFocus()
    lst.setCurrentRow(0)
    qtbot.keyClick(lst, Qt.Key.Key_Space)
    assert ws.repo.reminders(case_id=case.id) == []
