"""The privacy guard in the conversation editor: highlight, replace with placeholders, or keep (marked)."""
from __future__ import annotations

from tests.ui.test_main_window import add_org, create, new_case
from ui.privacy_dialog import FindingsDialog


def test_replace_or_keep_identifiers(window, qtbot):
    ws = create(window, qtbot)
    add_org(ws, qtbot)
    case = new_case(ws)
    editor = ws.edit_contact(None)
    editor.template_combo.setCurrentIndex(0)
    editor.notes.setPlainText("Bel haar terug op 06-12345678 over het gesprek met mevrouw Jansen.")
    found = editor.findings()
    assert {f.kind for f in found} >= {"telefoon", "naam"}
    assert editor.highlighter is not None and editor.highlighter.count_in_document() >= 2
    dlg = FindingsDialog(found, "nl", editor)
    assert dlg.list.count() == len(found)
    # untick the name: only the phone number is replaced; the kept name marks the conversation
    for i, f in enumerate(found):
        if f.kind == "naam":
            from PySide6.QtCore import Qt
            dlg.list.item(i).setCheckState(Qt.CheckState.Unchecked)
    chosen = dlg.to_replace()
    assert [f.kind for f in chosen] == ["telefoon"]
    assert editor.save(replace=chosen)
    saved = ws.repo.get_case(case.id).contacts[0]
    assert "06-12345678" not in saved.notes and "[telefoon]" in saved.notes
    assert saved.flagged
    assert ws.repo.flagged_contacts() == 1
    # cleaning it later removes the mark
    again = ws.edit_contact(saved)
    assert again.save(replace=again.findings())
    cleaned = ws.repo.get_case(case.id).contacts[0]
    assert not cleaned.flagged and "Jansen" not in cleaned.notes
    assert ws.repo.flagged_contacts() == 0


def test_going_back_saves_nothing(window, qtbot, monkeypatch):
    ws = create(window, qtbot)
    add_org(ws, qtbot)
    case = new_case(ws)
    editor = ws.edit_contact(None)
    editor.template_combo.setCurrentIndex(0)
    editor.notes.setPlainText("Mail naar j.devries@example.nl gestuurd.")
    monkeypatch.setattr(editor, "ask_about_findings", lambda found: None)
    assert not editor.save()
    assert editor.isVisible() or editor.result() == 0
    assert ws.repo.get_case(case.id).contacts == []
    assert "j.devries@example.nl" in editor.notes.toPlainText()
