"""Renders every page to PNG (folder screenshots/, not committed) on a demo vault, in Dutch and
English, light and dark, at 1024×700 and 1280×800, so a person can look at them. Asserts each image
is a real, non-empty picture. screenshots/<lang>-<theme>-<size>/NN_name.png"""
from __future__ import annotations

import shutil
from datetime import date

import pytest
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication

from app import demo
from app.store import settings as S
from app.store.session import Session
from tests.conftest import PASSPHRASE, ROOT
from tests.ui.jobs import finish
from ui import theme
from ui.seams import ScriptedDialogs

OUT = ROOT / "screenshots"
TODAY = date(2026, 11, 22)
_DEMO: dict[str, object] = {}


def _save(widget, folder, name: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    QApplication.processEvents()
    assert widget.grab().save(str(path))
    img = QImage(str(path))
    assert img.width() > 200 and img.height() > 150
    colours = {img.pixel(x, y) for x in range(0, img.width(), 17) for y in range(0, img.height(), 17)}
    assert len(colours) > 3, f"{name} looks blank"


def _demo_vault(tmp_path_factory):
    """One demo vault for all combinations (copied per test)."""
    if "path" not in _DEMO:
        path = tmp_path_factory.mktemp("demo") / "demo.vault"
        s = Session(path)
        s.create(PASSPHRASE)
        demo.generate(s.repo, 400, orgs=4, years=3, seed=3, today=TODAY)
        s.lock()
        _DEMO["path"] = path
    return _DEMO["path"]


@pytest.fixture
def palette(qapp):
    light = QPalette(qapp.palette())
    yield
    qapp.setPalette(light)
    theme.restyle_all()


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800)], ids=["1024x700", "1280x800"])
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_render_every_page(qtbot, tmp_path, tmp_path_factory, palette, lang, dark, size):
    from ui import i18n
    from ui.application import configure_app
    from ui.main_window import MainWindow
    app = configure_app()
    if dark:
        app.setPalette(theme.dark_palette())
        theme.restyle_all()
    i18n.install(lang)
    source = _demo_vault(tmp_path_factory)
    vault_path = tmp_path / "demo.vault"
    for f in source.parent.iterdir():   # the vault with its key file beside it
        shutil.copy(f, tmp_path / f.name)
    s = Session(vault_path)
    s.unlock(PASSPHRASE)
    s.settings.set(S.LANGUAGE, lang)
    s.lock()
    folder = OUT / f"{lang}-{'dark' if dark else 'light'}-{size[0]}x{size[1]}"
    w = MainWindow(Session(vault_path), dialogs=ScriptedDialogs(confirm=False), today=lambda: TODAY)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    _save(w, folder, "01_unlock")
    finish(qtbot, w.unlock(PASSPHRASE))
    try:
        _pages(qtbot, w, folder)
    finally:
        w.lock()
    s2 = Session(tmp_path / "new.vault")
    w2 = MainWindow(s2, dialogs=ScriptedDialogs())
    qtbot.addWidget(w2)
    w2.resize(*size)
    w2.show()
    _save(w2, folder, "00_welkom")
    w2.welcome.pass1.setText(PASSPHRASE)
    w2.welcome.pass2.setText(PASSPHRASE)
    w2.welcome.create_button.click()
    qtbot.waitUntil(lambda: w2.workspace is not None, timeout=30_000)
    _save(w2, folder, "12_lege_kluis")   # the first step on an empty vault
    w2.lock()


def _pages(qtbot, w, folder) -> None:
    ws = w.workspace
    names = ["02_overzicht", "03_casussen", "04_organisaties", "05_activiteiten", "05_vragen", "06_jaarverslag",
             "07_instellingen"]
    for i, name in enumerate(names):
        ws.nav.setCurrentRow(i)
        if name == "03_casussen":
            ws.cases.table.selectRow(0)
        if name == "06_jaarverslag":
            with qtbot.waitSignal(ws.report.refreshed, timeout=30_000):
                pass
        _save(w, folder, name)
    ws.nav.setCurrentRow(1)
    ws.cases.table.selectRow(0)
    editor = ws.edit_contact(None)
    editor.notes.setPlainText("Gesprek met medewerker over pesten door teamleider Pietersen. Contact via "
                              "06-12345678 afgesproken; melder is 34 jaar.")
    _save(editor, folder, "08_gesprek")
    editor.reject()
    ws.new_case()
    _save(ws.case_dialog, folder, "09_nieuwe_casus")
    ws.case_dialog.reject()
    from app import casework
    open_ids = [r.id for r in ws.repo.list_cases() if r.closed is None]
    open_case = next((i for i in open_ids[:80] if casework.open_required(ws.repo.get_case(i), "nl")
                      or ws.repo.reminders(case_id=i)), open_ids[0])
    ws.goto_case(open_case)
    _save(w, folder, "10_casus")
    ws.close_case()      # the scripted dialogs keep the dialog; confirm=False: nothing changes
    dlg = w.dialogs.dialogs_run[-1]
    dlg.show()
    _save(dlg, folder, "11_casus_afsluiten")
    dlg.reject()
