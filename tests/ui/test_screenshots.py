"""Renders the main screens to PNG (folder screenshots/, not committed) on a demo vault, in Dutch,
so a person can look at them. Asserts each image is a real, non-empty picture."""
from __future__ import annotations

from datetime import date

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from app import demo
from app.store.session import Session
from tests.conftest import PASSPHRASE, ROOT
from tests.ui.jobs import finish
from ui.seams import ScriptedDialogs

OUT = ROOT / "screenshots"


def _save(widget, name: str) -> None:
    OUT.mkdir(exist_ok=True)
    path = OUT / f"{name}.png"
    QApplication.processEvents()
    assert widget.grab().save(str(path))
    img = QImage(str(path))
    assert img.width() > 200 and img.height() > 150
    colours = {img.pixel(x, y) for x in range(0, img.width(), 17) for y in range(0, img.height(), 17)}
    assert len(colours) > 3, f"{name} looks blank"


def test_render_main_screens(qtbot, vault_path):
    from ui.application import configure_app
    from ui.main_window import MainWindow
    configure_app()
    from ui import i18n
    i18n.install("nl")  # as the program does at start (the vault's language is known after unlock)
    s = Session(vault_path)
    s.create(PASSPHRASE)
    demo.generate(s.repo, 400, orgs=4, years=3, seed=3, today=date(2026, 11, 22))
    s.lock()
    w = MainWindow(Session(vault_path), dialogs=ScriptedDialogs(), today=lambda: date(2026, 11, 22))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    _save(w, "01_unlock")
    finish(qtbot, w.unlock(PASSPHRASE))
    ws = w.workspace
    names = ["02_overzicht", "03_casussen", "04_organisaties", "05_activiteiten", "06_jaarverslag",
             "07_instellingen"]
    for i, name in enumerate(names):
        ws.nav.setCurrentRow(i)
        if name == "03_casussen":
            ws.cases.table.selectRow(0)
        if name == "06_jaarverslag":
            with qtbot.waitSignal(ws.report.refreshed, timeout=30_000):
                pass
        _save(w, name)
    ws.nav.setCurrentRow(1)
    ws.cases.table.selectRow(0)
    editor = ws.edit_contact(None)
    editor.notes.setPlainText("Gesprek met medewerker over pesten door leidinggevende. Contact via "
                              "06-12345678 afgesproken.")
    _save(editor, "08_gesprek")
    editor.reject()
    ws.new_case()
    _save(ws.case_dialog, "09_nieuwe_casus")
    ws.case_dialog.reject()
    w.lock()
    w.session.lock()
    s2 = Session(vault_path.with_name("new.vault"))
    w2 = MainWindow(s2, dialogs=ScriptedDialogs())
    qtbot.addWidget(w2)
    w2.resize(1280, 800)
    w2.show()
    _save(w2, "00_welkom")
