"""The window says app/'s errors in its own language (resources/messages.json via ui.i18n.error_text)."""
from __future__ import annotations

from app.errors import UserError
from tests.ui.test_main_window import add_org, create
from ui import i18n
from ui.main_window import PAGES


def _add_again(ws, name="Gemeente Voorbeeld"):
    ws.organisations.add_button.click()
    dlg = ws.organisations.dialog
    dlg.name.setText(name)
    dlg.save()
    return dlg


def test_dutch_window_shows_a_dutch_error(window, qtbot):
    ws = create(window, qtbot)   # unlocking installs the vault's language: Dutch
    assert i18n.language() == "nl" and ws.nav.item(0).text() == "Overzicht"
    add_org(ws, qtbot)
    dlg = _add_again(ws)
    assert dlg.isVisible()
    assert dlg.name_error.text() == "Er bestaat al een organisatie met de naam 'Gemeente Voorbeeld'; kies een andere naam."
    dlg.reject()
    ws.nav.setCurrentRow(PAGES.index("settings"))
    ws.settings.language.setCurrentIndex(ws.settings.language.findData("en"))
    ws.settings.save()
    ws = window.workspace
    ws.nav.setCurrentRow(2)
    dlg = _add_again(ws)
    assert dlg.name_error.text() == "name: an organisation called 'Gemeente Voorbeeld' already exists"
    dlg.reject()
    ws.nav.setCurrentRow(PAGES.index("settings"))
    ws.settings.language.setCurrentIndex(ws.settings.language.findData("nl"))
    ws.settings.save()


def test_error_text_follows_the_language_it_is_given():
    err = UserError("vault.locked")
    assert i18n.error_text(err, "nl") == "De kluis is vergrendeld. Ontgrendel haar eerst."
    assert i18n.error_text(err, "en") == "The vault is locked. Unlock it first."
    assert i18n.error_text(FileNotFoundError(2, "No such file or directory")) == "No such file or directory"
    assert i18n.error_text(ValueError("plain")) == "plain"


def test_error_text_says_a_coded_file_system_reason_in_the_language():
    from app import fsutil, texts
    held = fsutil.FileInUse(13, texts.Sentence("fsutil.file_in_use", path="/tmp/x.vbak"), "/tmp/x.vbak")
    assert i18n.error_text(held, "nl").startswith("/tmp/x.vbak kon niet worden vervangen: een ander programma")
    assert i18n.error_text(held, "en").startswith("Could not replace /tmp/x.vbak: another program keeps it open")
