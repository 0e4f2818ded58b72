"""Bestand -> Importeren uit spreadsheet, through the window: the proposed mapping, a changed choice,
the privacy findings, and the import off the GUI thread. Also rendered to PNG in Dutch."""
from __future__ import annotations

from PySide6.QtCore import Qt

from tests import sheet_samples as S
from tests.conftest import ROOT
from tests.ui.test_main_window import create


def _open(window, qtbot, dialogs, path):
    dialogs.paths = [str(path)]
    window.import_sheet()
    dlg = window.sheet_dialog
    qtbot.waitUntil(lambda: dlg.plan is not None and not dlg.progress.isVisible(), timeout=20_000)
    return dlg


def _row(dlg, title: str) -> int:
    return dlg.sheet.headers.index(title)


def test_messy_sheet_through_the_window(window, qtbot, dialogs, tmp_path):
    ws = create(window, qtbot)
    assert window.act_import_sheet in window.menuBar().actions()[0].menu().actions()
    dlg = _open(window, qtbot, dialogs, S.messy_xlsx(tmp_path / "messy.xlsx"))
    names_box = dlg.columns.cellWidget(_row(dlg, "Naam melder"), 2)
    assert not names_box.isEnabled() and names_box.currentData() == "ignore"
    assert dlg.sheet_box.findData("Namenlijst") == 1 and dlg.sheet_box.currentData() == "Meldingen 2019-2025"
    assert dlg.findings.count() == 2          # the phone number and "Kees" in the remarks
    # the adviser: one row per case, and "Vage klachten" counts as intimidatie
    dlg.rows_box.setCurrentIndex(dlg.rows_box.findData("case"))
    with qtbot.waitSignal(dlg.analysed, timeout=20_000):
        dlg.rows_box.activated.emit(dlg.rows_box.currentIndex())
    assert len(dlg.plan.cases) == 5 and dlg.plan.contacts == 5
    box = dlg.values.cellWidget(0, 3)
    assert box.property("value") == "Vage klachten"
    box.setCurrentIndex(box.findData("intimidatie"))
    with qtbot.waitSignal(dlg.analysed, timeout=20_000):
        box.activated.emit(box.currentIndex())
    # keep one finding for review: that conversation is marked
    kees = next(i for i in range(dlg.findings.count()) if "Kees" in dlg.findings.item(i).text())
    dlg.findings.item(kees).setCheckState(Qt.CheckState.Unchecked)
    with qtbot.waitSignal(dlg.imported, timeout=20_000) as got:
        dlg.import_button.click()
    assert got.args[0]["cases"] == 5
    repo = ws.repo
    cases = [repo.get_case(r.id) for r in repo.list_cases()]
    assert {c.behaviour for c in cases if c.opened.year == 2022} == {"intimidatie"}
    notes = " ".join(k.notes for c in cases for k in c.contacts)
    assert S.PHONE not in notes and "Jan de Vries" not in notes and "Kees belde later" in notes
    assert repo.flagged_contacts() == 1


def test_a_hostile_file_shows_why_and_imports_nothing(window, qtbot, dialogs, tmp_path):
    ws = create(window, qtbot)
    good = S.tidy_xlsx(tmp_path / "good.xlsx")
    dialogs.paths = [str(S.xml_bomb_xlsx(tmp_path / "evil.xlsx", good))]
    window.import_sheet()
    dlg = window.sheet_dialog
    qtbot.waitUntil(lambda: dlg.error is not None, timeout=20_000)
    assert "XML-bom" in dlg.summary.text() and not dlg.import_button.isEnabled()  # said in the window's Dutch
    assert ws.repo.counts()["cases"] == 0


def test_render_the_dialog_in_dutch(window, qtbot, dialogs, tmp_path):
    from ui import i18n
    create(window, qtbot)
    i18n.install("nl")
    try:
        dlg = _open(window, qtbot, dialogs, S.messy_xlsx(tmp_path / "messy.xlsx"))
        assert dlg.windowTitle() == "Importeren uit spreadsheet"
        out = ROOT / "screenshots"
        out.mkdir(exist_ok=True)
        dlg.resize(960, 700)
        assert dlg.grab().save(str(out / "20_spreadsheet_kolommen.png"))
        dlg.tabs.setCurrentIndex(2)
        assert dlg.grab().save(str(out / "21_spreadsheet_privacy.png"))
        dlg.reject()
    finally:
        i18n.install("en")


def test_a_second_import_leaves_out_what_is_there_unless_ticked(window, qtbot, dialogs, tmp_path):
    ws = create(window, qtbot)
    path = S.tidy_xlsx(tmp_path / "tidy.xlsx")
    dlg = _open(window, qtbot, dialogs, path)
    assert dlg.plan.duplicate_rows == [] and not dlg.allow_duplicates.isChecked()
    with qtbot.waitSignal(dlg.imported, timeout=20_000):
        dlg.import_button.click()
    dlg = _open(window, qtbot, dialogs, path)
    assert dlg.plan.cases == [] and len(dlg.plan.duplicate_rows) == 4 and not dlg.import_button.isEnabled()
    assert "4 casussen lijken al in de kluis te staan (rijen 2, 3, 4, 5, 6, 7); ze worden niet geïmporteerd." \
        in dlg.summary.text()                                      # the window speaks Dutch
    with qtbot.waitSignal(dlg.analysed, timeout=20_000):
        dlg.allow_duplicates.setChecked(True)
    assert len(dlg.plan.cases) == 4 and dlg.import_button.isEnabled() and "toch geïmporteerd" in dlg.summary.text()
    with qtbot.waitSignal(dlg.imported, timeout=20_000) as got:
        dlg.import_button.click()
    assert got.args[0]["cases"] == 4 and ws.repo.counts()["cases"] == 8
