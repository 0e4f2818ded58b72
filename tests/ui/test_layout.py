"""Every page at 1024×700 and 1280×800: the window fits, no label text is cut off, and every control a
screen reader meets has a name. Walks all widgets of all pages (and the case and conversation dialogs)."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from app import demo
from app.store.session import Session
from tests.conftest import PASSPHRASE
from tests.ui.jobs import finish
from ui.main_window import PAGES
from ui.seams import ScriptedDialogs

TODAY = date(2026, 11, 22)
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QPlainTextEdit, QTextEdit)


def _visible(w: QWidget) -> bool:
    return w.isVisible() and w.width() > 0 and w.height() > 0


def clipped_labels(root: QWidget) -> list[str]:
    """Labels (no word wrap, plain one-line text) whose text is wider than the room they have."""
    out = []
    for lbl in root.findChildren(QLabel):
        text = lbl.text()
        if not _visible(lbl) or lbl.wordWrap() or not text or "\n" in text or lbl.textFormat() == Qt.TextFormat.RichText \
                or (lbl.textFormat() == Qt.TextFormat.AutoText and "<" in text) or lbl.pixmap() is not None and not lbl.pixmap().isNull():
            continue
        room = lbl.contentsRect().width() - 2 * lbl.margin() - 2 * lbl.indent() if lbl.indent() > 0 else \
            lbl.contentsRect().width() - 2 * lbl.margin()
        need = lbl.fontMetrics().horizontalAdvance(text.replace("&", "", 1) if lbl.buddy() else text)
        if need > room + 1:
            out.append(f"{type(lbl.parent()).__name__}: {text!r} needs {need}px, has {room}px")
    return out


def unnamed_controls(root: QWidget) -> list[str]:
    """Controls with no name a screen reader can say: no accessible name, no text, no label buddy."""
    buddies = {id(lbl.buddy()) for lbl in root.findChildren(QLabel) if lbl.buddy() is not None}
    out = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, CONTROLS) or not _visible(w) or w.accessibleName():
            continue
        if isinstance(w, QAbstractButton) and w.text().replace("&", "").strip():
            continue
        if id(w) in buddies or isinstance(w, QHeaderView) or w.objectName().startswith("qt_"):
            continue
        if isinstance(w, QAbstractButton) and w.parent() is not None and isinstance(w.parent(), (QAbstractSpinBox, QComboBox)):
            continue
        out.append(f"{type(w).__name__} in {type(w.parent()).__name__} ({w.toolTip()[:40]!r})")
    return out


@pytest.fixture(params=["nl", "en"])
def demo_window(qtbot, vault_path, request):
    from app.store import settings as S
    from ui import i18n
    from ui.application import configure_app
    from ui.main_window import MainWindow
    configure_app()
    i18n.install(request.param)
    s = Session(vault_path)
    s.create(PASSPHRASE)
    demo.generate(s.repo, 120, orgs=4, years=2, seed=3, today=TODAY)
    s.settings.set(S.LANGUAGE, request.param)
    s.lock()
    w = MainWindow(Session(vault_path), dialogs=ScriptedDialogs(confirm=False), today=lambda: TODAY)
    qtbot.addWidget(w)
    w.show()
    finish(qtbot, w.unlock(PASSPHRASE))
    yield w
    w.lock()
    i18n.install("nl")


def _each_page(qtbot, w):
    ws = w.workspace
    for i in range(ws.nav.count()):
        ws.nav.setCurrentRow(i)
        if i == 1:
            ws.cases.table.selectRow(0)
        if i == PAGES.index("report"):
            with qtbot.waitSignal(ws.report.refreshed, timeout=30_000):
                pass
        QApplication.processEvents()
        yield ws.nav.item(i).text(), w


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800)])
def test_every_page_fits_without_clipped_labels_or_unnamed_controls(demo_window, qtbot, size):
    w = demo_window
    w.resize(*size)
    problems = []
    for name, root in _each_page(qtbot, w):
        assert w.width() == size[0] and w.height() == size[1], f"{name}: the window cannot be {size}"
        problems += [f"{name}: {p}" for p in clipped_labels(root) + unnamed_controls(root)]
    ws = w.workspace
    ws.nav.setCurrentRow(1)
    ws.cases.table.selectRow(0)
    for dialog in (ws.edit_contact(None), _new_case(ws)):
        dialog.resize(dialog.sizeHint())
        QApplication.processEvents()
        problems += [f"{dialog.windowTitle()}: {p}" for p in clipped_labels(dialog) + unnamed_controls(dialog)]
        dialog.reject()
    assert not problems, "\n".join(problems)


def _new_case(ws):
    ws.new_case()
    return ws.case_dialog


def test_the_checks_can_fail(qtbot):
    box = QWidget()
    qtbot.addWidget(box)
    cut = QLabel("Relatie tot degene over wie het gaat", box)
    cut.setFixedWidth(60)
    QLineEdit(box).move(0, 30)
    box.show()
    assert clipped_labels(box) and unnamed_controls(box)
