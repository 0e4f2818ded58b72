"""Checklists, the decision aid and template import, driven through the window."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, Qt

from app.guidance.checklists import get_template
from app.paths import templates_dir
from tests.ui.jobs import finish
from tests.ui.test_main_window import add_org, create, new_case
from ui.main_window import PAGES


def choose(panel, item_id, code) -> None:
    box = panel.row(item_id).editor
    i = box.findData(code)
    assert i > 0, code
    box.setCurrentIndex(i)


def test_intake_through_the_window_saved_reopened_and_progress(window, qtbot, dialogs):
    ws = create(window, qtbot)
    add_org(ws, qtbot)
    case = new_case(ws, behaviour="pesten")
    editor = ws.edit_contact(None)
    assert editor.template_combo.currentData() == "intake"  # proposed by the contact kind
    panel = editor.panel
    done0, total0 = panel_progress(editor)
    choose(panel, "behaviour", "discriminatie")
    choose(panel, "accused_relation", "collega")
    choose(panel, "acute_danger", "nee")
    nxt = date.today() + timedelta(days=10)
    row = panel.row("next_contact")
    from PySide6.QtCore import QDate
    row._date_set.setChecked(True)
    row._date.setDate(QDate(nxt.year, nxt.month, nxt.day))
    done1, _ = panel_progress(editor)
    assert done1 > done0
    editor.notes.setPlainText("Intake gehouden.")
    assert editor.save(replace=[])
    # the structured answers filled the case's fields: nothing typed twice
    saved = ws.repo.get_case(case.id)
    assert saved.behaviour == "discriminatie" and saved.accused_relation == "collega"
    stored = saved.contacts[0].checklist
    assert stored["template"] == "intake" and stored["answers"]["acute_danger"] == "nee"
    # the case view names the required items still open
    tree = ws.cases.view.open_items
    assert ws.cases.view.open_box.isVisible() and tree.topLevelItemCount() == 1
    texts = [tree.topLevelItem(0).child(i).text(0) for i in range(tree.topLevelItem(0).childCount())]
    assert any("rol" in t.lower() for t in texts)
    # reopen the conversation: answers and progress come back
    again = ws.edit_contact(saved.contacts[0])
    assert again.template_combo.currentData() == "intake"
    assert again.panel.answers()["answers"]["behaviour"] == "discriminatie"
    assert panel_progress(again) == (done1, total0) or panel_progress(again)[0] == done1
    again.reject()
    # the agreed next contact became a reminder (if the date was recorded)
    reminders = ws.repo.reminders(case_id=case.id)
    assert stored["answers"]["next_contact"] == nxt.isoformat()
    assert [(r.kind, r.due) for r in reminders] == [("volgend_contact", nxt)]
    # closing with open required items shows them grouped per checklist; cancelling changes nothing
    dialogs.confirm_answer = False
    ws.close_case()
    assert ws.repo.get_case(case.id).closed is None
    assert dialogs.asked[-1][0] == "dialog"
    tree = dialogs.dialogs_run[-1].open_tree
    assert tree is not None and tree.topLevelItemCount() == 1 and tree.topLevelItem(0).childCount() > 0


def panel_progress(editor) -> tuple[int, int]:
    from models import checklist as CL
    t = get_template(editor.template_combo.currentData())
    return CL.progress(t, editor.panel.answers())


def test_invalid_template_import_refused_without_change(window, qtbot, dialogs, tmp_path):
    ws = create(window, qtbot)
    ws.nav.setCurrentRow(PAGES.index("settings"))
    before = sorted(p.name for p in templates_dir().glob("*")) if templates_dir().exists() else []
    count = ws.settings.template_combo.count()
    bad = tmp_path / "kapot.toml"
    bad.write_text('id = "intake"\nversion = 99\n[[items]]\nid = "x"\nkind = "nonsense"\n', "utf-8")
    dialogs.paths = [str(bad)]
    ws.settings.import_template()
    assert dialogs.asked[-1][0] == "error"
    assert "kapot.toml" in dialogs.asked[-1][1] or "line" in dialogs.asked[-1][1].lower() \
        or "regel" in dialogs.asked[-1][1].lower()
    after = sorted(p.name for p in templates_dir().glob("*")) if templates_dir().exists() else []
    assert after == before
    assert ws.settings.template_combo.count() == count


def test_template_export_and_import_round_trip(window, qtbot, dialogs, tmp_path):
    ws = create(window, qtbot)
    ws.nav.setCurrentRow(PAGES.index("settings"))
    combo = ws.settings.template_combo
    combo.setCurrentIndex(combo.findData(f"intake@{get_template('intake').version}"))
    out = tmp_path / "intake.toml"
    dialogs.paths = [str(out)]
    ws.settings.export_template()
    assert out.exists(), ws.settings.template_message.text()
    text = out.read_text("utf-8")
    v = get_template("intake").version
    out.write_text(text.replace(f"version = {v}", f"version = {v + 1}", 1), "utf-8")
    dialogs.paths = [str(out)]
    ws.settings.import_template()
    assert get_template("intake", store_dir=templates_dir()).version == v + 1


def test_decision_aid_from_the_case_saved_and_reopened(window, qtbot, dialogs):
    ws = create(window, qtbot)
    add_org(ws, qtbot)
    case = new_case(ws)
    ws.open_decision_aid()
    wiz = ws.wizard
    for value in (False, "ongewenst_gedrag", "zelf", False, False, "overig", "collega", "medewerker", False, True,
                  True):
        code = ("yes" if value else "no") if isinstance(value, bool) else value
        button = wiz.answer_buttons()[code]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))
        qtbot.mouseClick(wiz.next_button, Qt.MouseButton.LeftButton)
    wiz.number_input.setValue(3)
    qtbot.mouseClick(wiz.next_button, Qt.MouseButton.LeftButton)
    assert wiz.current_fact is None
    dialogs.confirm_answer = True
    qtbot.mouseClick(wiz.save_button, Qt.MouseButton.LeftButton)
    saved = ws.repo.decisions(case.id)
    assert len(saved) == 1
    record = saved[0][2]
    assert record["tree_version"] and record["result"]["route"] == "klacht"
    # choosing the klacht route started reminders for its terms
    kinds = {r.kind for r in ws.repo.reminders(case_id=case.id)}
    assert kinds, "reminders for the klacht terms"
    # the advice shows in the timeline after reopening the vault
    window.lock()
    finish(qtbot, window.unlock("correct horse battery"))
    ws = window.workspace
    ws.goto_case(case.id)
    texts = [ws.cases.view.timeline.item(i).text() for i in range(ws.cases.view.timeline.count())]
    assert any("Beslishulp" in t or "Decision aid" in t for t in texts)
