"""The adviser's "signals and recommendations" text of one organisation and year: edited beside the
tables, checked by the privacy guard as it is typed, saved in the vault a moment after the last key
press (and whenever the choice changes, the page hides or the vault locks)."""
from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from app.privacy import guard as privacy
from app.reporting import report as R
from ui import theme
from ui.privacy_highlighter import PrivacyHighlighter

SAVE_DELAY_MS = 1200


class NarrativePanel(QWidget):
    """The text panel. ``key`` is (organisation id, year) of the text shown; None when there is no
    text of its own (all organisations, or no year)."""

    autosaved = Signal()

    def __init__(self, session, vault: Callable[[], AbstractContextManager], lang: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.vault = vault       # the repository with the vault's lock held
        self.lang = lang
        self.key: tuple[int, int] | None = None
        self.dirty = False       # edited since loaded or stored
        rl = QVBoxLayout(self)
        rl.setContentsMargins(8, 0, 0, 0)
        head = QLabel(self.tr("Signals and recommendations"))
        theme.style(head, "heading", extra="font-size: 14px; font-weight: 600;")
        rl.addWidget(head)
        hint = QLabel(self.tr("Describe patterns and advice for the organisation, never single incidents or "
                              "people. Saved in the vault for this organisation and year."))
        hint.setWordWrap(True)
        theme.style(hint, "muted")
        rl.addWidget(hint)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(self.tr("Signals and recommendations"))
        self.editor.setTabChangesFocus(True)
        self.highlighter = PrivacyHighlighter(self.editor.document(), lang=lang)
        self.editor.textChanged.connect(self._edited)
        rl.addWidget(self.editor, 1)
        self.flag_label = QLabel()
        self.flag_label.setWordWrap(True)
        theme.style(self.flag_label, "warn")
        self.flag_label.hide()
        rl.addWidget(self.flag_label)
        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(SAVE_DELAY_MS)
        self.save_timer.timeout.connect(self._autosave)

    def text(self) -> str:
        """The text shown ("" when there is no text of its own)."""
        return self.editor.toPlainText() if self.key is not None else ""

    def load(self, org_id: int | None, year: int | None) -> None:
        """Show the stored text of this organisation and year (an empty undo history)."""
        self.save_timer.stop()
        key = (org_id, year) if org_id is not None and year is not None else None
        with self.vault() as repo:
            text = repo.report_text(*key) if key else ""
        self.key = key
        self._set_text(text)
        self.editor.setEnabled(key is not None)
        if key is None:
            self.editor.setPlaceholderText(self.tr(
                "An overview of all organisations has no text of its own. Choose one organisation to write "
                "its signals and recommendations."))
        else:
            self.editor.setPlaceholderText(self.tr(
                "For example: several people mentioned the tone in team meetings; advice: make the code of "
                "conduct part of the introduction of new staff."))
        self.show_flags()

    def _set_text(self, text: str) -> None:
        self.dirty = False
        self.editor.blockSignals(True)
        self.editor.setPlainText(text)   # also empties the undo history
        self.editor.blockSignals(False)
        self.editor.document().setModified(False)

    def _edited(self) -> None:
        if self.key is not None:
            self.dirty = True
            self.save_timer.start()

    def _autosave(self) -> None:
        self.save()
        self.show_flags()
        self.autosaved.emit()

    def save(self) -> bool:
        """Store the text of the shown organisation and year when it changed. True when stored."""
        self.save_timer.stop()
        key = self.key
        if key is None or not self.dirty or not self.session.is_open:
            return False
        with self.vault() as repo:
            repo.set_report_text(key[0], key[1], self.editor.toPlainText())
        self.dirty = False
        self.editor.document().setModified(False)
        return True

    def flagged_kinds(self) -> list[str]:
        """Readable kinds of identifiers the privacy guard finds in the text, in the page's language."""
        text = self.text()
        kinds = R.check_narrative(text)
        if not kinds or self.lang == "en":
            return kinds
        out: list[str] = []
        for f in privacy.scan(text):
            label = privacy.kind_label(f.kind, self.lang)
            if label not in out:
                out.append(label)
        return out or kinds

    def show_flags(self) -> None:
        kinds = self.flagged_kinds()
        self.flag_label.setVisible(bool(kinds))
        if kinds:
            self.flag_label.setText(self.tr("The privacy check marks possible identifiers: {kinds}. Write about "
                                            "patterns, not about people.").format(kinds=", ".join(kinds)))

    def clear(self) -> None:
        """Forget the text (after it was stored)."""
        self.key = None
        self.save_timer.stop()
        self._set_text("")
        self.flag_label.hide()
