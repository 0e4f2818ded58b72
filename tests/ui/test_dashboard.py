"""The overview leads somewhere: tiles open what they count, an empty vault shows the first step."""
from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_main_window import add_org, create, new_case
from ui.main_window import PAGES


def test_empty_vault_shows_the_first_step(window, qtbot):
    ws = create(window, qtbot)
    assert ws.dashboard.first_step.isVisible()
    qtbot.mouseClick(ws.dashboard.first_button, Qt.MouseButton.LeftButton)
    assert ws.stack.currentWidget() is ws.organisations and ws.organisations.dialog.isVisible()
    ws.organisations.dialog.reject()
    add_org(ws, qtbot)
    ws.nav.setCurrentRow(0)
    assert not ws.dashboard.first_step.isVisible()


def test_tiles_lead_to_what_they_count(window, qtbot):
    ws = create(window, qtbot)
    add_org(ws, qtbot)
    case = new_case(ws)
    editor = ws.edit_contact(None)
    editor.template_combo.setCurrentIndex(0)
    editor.notes.setPlainText("Bereikbaar op 06-12345678.")
    assert editor.save(replace=[])          # kept deliberately: the conversation is marked
    ws.nav.setCurrentRow(0)
    dash = ws.dashboard
    assert dash.flag_tile.value.text() == "1" and not dash.flagged.isVisible()
    qtbot.mouseClick(dash.flag_tile, Qt.MouseButton.LeftButton)
    assert dash.flagged.isVisible() and dash.flagged.count() == 1
    dash.flagged.itemActivated.emit(dash.flagged.item(0))
    assert ws.stack.currentWidget() is ws.cases and ws.cases.view.case.id == case.id
    ws.nav.setCurrentRow(0)
    dash.open_tile.setFocus()
    qtbot.keyClick(dash.open_tile, Qt.Key.Key_Return)
    assert ws.stack.currentWidget() is ws.cases and ws.cases.status.currentData() == "open"
    ws.nav.setCurrentRow(0)
    qtbot.mouseClick(dash.retention_tile, Qt.MouseButton.LeftButton)
    assert ws.nav.currentRow() == PAGES.index("settings")
