"""The checklist panel: one template's items as form widgets, with live conditions and progress.

The panel holds no data of its own beyond the answers being edited. The contact editor gives it
a template (app.guidance.checklists) and stored answers, listens to `answersChanged`, and stores
`answers()` in the vault. Answers the template does not know (made with an older version) are
kept unchanged and listed read-only at the bottom.
"""
from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QDoubleValidator, QIntValidator
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from models.checklist import (
    Item,
    Template,
    answer_values,
    items_by_section,
    make_answers,
    missing_required,
    progress,
    readable_answers,
    unknown_answers,
    visible_items,
)
from ui import theme

COMBO_MIN_CHARS = 20  # a choice box is at least this many characters wide, and grows with the panel


def _tooltip(text: str) -> str:
    # Rich text with escaped content: wraps long hints and never renders markup from a template.
    return f"<p>{html.escape(text)}</p>" if text else ""


class _NoWheelComboBox(QComboBox):
    """A combo box that ignores the mouse wheel unless focused, so scrolling the form is safe."""

    def wheelEvent(self, event):  # noqa: N802 (Qt naming)
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class _WrappingCheck(QWidget):
    """A check box whose text wraps: an untitled QCheckBox beside a word-wrapped label.

    A QCheckBox never wraps its own text, so a long item or option would make the whole form wider
    than the panel. Clicking the label toggles the box, as clicking a check box's own text does.
    """

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.box = QCheckBox(self)
        self.box.setAccessibleName(text)
        self.text_label = _ClickLabel(text, self.box, self)
        row.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text_label, 1)


class _ClickLabel(QLabel):
    """A wrapped plain-text label that toggles its check box when clicked."""

    def __init__(self, text: str, box: QCheckBox, parent: QWidget | None = None):
        super().__init__(text, parent)
        self._box = box
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setBuddy(box)

    def mouseReleaseEvent(self, event):  # noqa: N802 (Qt naming)
        if event.button() == Qt.MouseButton.LeftButton and self._box.isEnabled() \
                and self.rect().contains(event.position().toPoint()):
            self._box.click()
            self._box.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mouseReleaseEvent(event)


class _ItemRow(QFrame):
    """One item: its question, hint, editor and (when it applies) its guidance box."""

    edited = Signal(str, object)  # item id, new value (None = no answer)

    def __init__(self, item: Item, lang: str, parent: QWidget | None = None,
                 offered: Callable[[str | None, str], bool] | None = None):
        super().__init__(parent)
        self.item = item
        self.lang = lang
        self.offered = offered   # (vocabulary, code) -> shown in the list; None: every code
        self.setObjectName(f"checklistItem_{item.id}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        question = item.text_in(lang) + (" *" if item.required else "")
        hint = item.hint_in(lang)
        self.label: QLabel | None = None
        if item.kind != "check":
            self.label = QLabel(question, self)
            self.label.setTextFormat(Qt.TextFormat.PlainText)
            self.label.setWordWrap(True)
            self.label.setToolTip(_tooltip(hint))
            layout.addWidget(self.label)
        self._frame: QWidget | None = None  # what goes into the layout when it is not the editor itself
        self.editor = self._make_editor(question)
        self.editor.setToolTip(_tooltip(hint))
        self.editor.setAccessibleName(item.text_in(lang))
        if hint:
            self.editor.setAccessibleDescription(hint)
        if self.label is not None:
            self.label.setBuddy(self._focus_widget())
        if self._frame is not None:
            self._frame.setToolTip(_tooltip(hint))
        layout.addWidget(self._frame or self.editor)
        self.hint_label: QLabel | None = None
        if hint:
            self.hint_label = QLabel(hint, self)
            self.hint_label.setTextFormat(Qt.TextFormat.PlainText)
            self.hint_label.setWordWrap(True)
            theme.style(self.hint_label, "muted")  # 4.5:1, unlike the placeholder colour
            font = self.hint_label.font()
            font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
            self.hint_label.setFont(font)
            layout.addWidget(self.hint_label)
        self.guidance_label: QLabel | None = None
        guidance = item.guidance_in(lang)
        if guidance:
            self.guidance_label = QLabel(guidance, self)
            self.guidance_label.setObjectName("checklistGuidance")
            self.guidance_label.setTextFormat(Qt.TextFormat.PlainText)
            self.guidance_label.setWordWrap(True)
            theme.style(self.guidance_label, "guidance", "QLabel#checklistGuidance")
            self.guidance_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.guidance_label.setAccessibleName(self.tr("Guidance"))
            layout.addWidget(self.guidance_label)

    # -- editors ------------------------------------------------------------------------------

    def _make_editor(self, question: str) -> QWidget:
        item = self.item
        kind = item.kind
        if kind == "check":
            check = _WrappingCheck(question, self)
            check.box.toggled.connect(lambda on: self.edited.emit(item.id, True if on else None))
            self._check = check.box
            self._frame = check
            return check.box
        if kind in ("choice", "vocab"):
            combo = _NoWheelComboBox(self)
            combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            combo.addItem(self.tr("(choose)"), None)
            for opt in item.options:
                if kind == "choice" or self.offered is None or self.offered(item.vocabulary, opt.code):
                    combo.addItem(opt.label_in(self.lang), opt.code)
            # Size to a modest minimum, not to the widest choice: a long choice must never push the
            # form wider than the panel (the popup list still shows the choices in full).
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(COMBO_MIN_CHARS)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
            combo.currentIndexChanged.connect(lambda _i: self.edited.emit(item.id, combo.currentData()))
            self._combo = combo
            return combo
        if kind == "multi":
            box = QWidget(self)
            col = QVBoxLayout(box)
            col.setContentsMargins(12, 0, 0, 0)
            col.setSpacing(3)
            self._multi: list[tuple[str, QCheckBox]] = []
            for opt in item.options:
                option = _WrappingCheck(opt.label_in(self.lang), box)
                option.box.toggled.connect(self._multi_toggled)
                col.addWidget(option)
                self._multi.append((opt.code, option.box))
            return box
        if kind == "date":
            box = QWidget(self)
            row = QHBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            self._date_set = QCheckBox(self.tr("Date set"), box)
            self._date = QDateEdit(box)
            self._date.setCalendarPopup(True)
            self._date.setDisplayFormat("dd-MM-yyyy" if self.lang == "nl" else "dd/MM/yyyy")
            self._date.setDate(QDate.currentDate())
            self._date.setEnabled(False)
            self._date.setAccessibleName(item.text_in(self.lang))
            self._date_set.toggled.connect(self._date_toggled)
            self._date.dateChanged.connect(lambda _d: self._emit_date())
            row.addWidget(self._date_set)
            row.addWidget(self._date)
            row.addStretch(1)
            return box
        if kind == "number":
            edit = QLineEdit(self)
            if item.integer:
                low = int(item.minimum) if item.minimum is not None else -(2**31)
                high = int(item.maximum) if item.maximum is not None else 2**31 - 1
                edit.setValidator(QIntValidator(low, high, edit))
            else:
                validator = QDoubleValidator(edit)
                validator.setNotation(QDoubleValidator.Notation.StandardNotation)
                validator.setLocale(QLocale.c())
                edit.setValidator(validator)
            edit.setMaximumWidth(120)
            edit.textEdited.connect(lambda _t: self.edited.emit(item.id, self._number_value()))
            self._line = edit
            return edit
        # short
        edit = QLineEdit(self)
        edit.setMaxLength(item.max_length or 40)
        edit.setPlaceholderText(self.tr("A few words; never a name"))
        edit.textEdited.connect(lambda text: self.edited.emit(item.id, text.strip() or None))
        self._line = edit
        return edit

    def _focus_widget(self) -> QWidget:
        if self.item.kind == "date":
            return self._date_set
        if self.item.kind == "multi":
            return self._multi[0][1] if self._multi else self.editor
        return self.editor

    def focus_editor(self) -> None:
        self._focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)

    def _multi_toggled(self, _on: bool) -> None:
        chosen = [code for code, cb in self._multi if cb.isChecked()]
        self.edited.emit(self.item.id, chosen or None)

    def _date_toggled(self, on: bool) -> None:
        self._date.setEnabled(on)
        self._emit_date()

    def _emit_date(self) -> None:
        value = self._date.date().toString(Qt.DateFormat.ISODate) if self._date_set.isChecked() else None
        self.edited.emit(self.item.id, value)

    def _number_value(self) -> float | int | None:
        text = self._line.text().strip().replace(",", ".")
        if not text:
            return None
        try:
            value: float | int = int(text) if self.item.integer else float(text)
        except ValueError:
            return None
        if isinstance(value, float) and value.is_integer() and "." not in text:
            value = int(value)
        return value if self.item.problem(value) is None else None

    # -- showing a stored value ---------------------------------------------------------------

    def show_value(self, value: Any) -> None:
        """Put a stored value into the editor without emitting `edited`."""
        self.blockSignals(True)
        try:
            valid = value is not None and self.item.problem(value) is None
            kind = self.item.kind
            if kind == "check":
                self._check.setChecked(value is True)
            elif kind in ("choice", "vocab"):
                index = self._combo.findData(value) if valid else -1
                if valid and index < 0:   # a stored answer of another sector stays shown
                    opt = next(o for o in self.item.options if o.code == value)
                    self._combo.addItem(opt.label_in(self.lang), opt.code)
                    index = self._combo.count() - 1
                self._combo.setCurrentIndex(max(index, 0))
            elif kind == "multi":
                chosen = set(value) if valid else set()
                for code, cb in self._multi:
                    cb.setChecked(code in chosen)
            elif kind == "date":
                self._date_set.setChecked(valid)
                self._date.setEnabled(valid)
                self._date.setDate(QDate.fromString(value, Qt.DateFormat.ISODate) if valid
                                   else QDate.currentDate())
            elif kind == "number":
                self._line.setText(self.item.format_value(value, "en") if valid else "")
            else:
                self._line.setText(value if valid else "")
        finally:
            self.blockSignals(False)


class ChecklistPanel(QWidget):
    """Shows a checklist template and collects its answers.

    Signal `answersChanged(dict)` carries `answers()` after every edit by the person (not after
    `set_answers`). `answers()` returns ``{"template": id, "version": n, "answers": {...}}``, or
    an empty dict when no template is set.
    """

    answersChanged = Signal(dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._template: Template | None = None
        self._lang = "nl"
        self._offered: Callable[[str | None, str], bool] | None = None
        self._values: dict[str, Any] = {}
        self._rows: dict[str, _ItemRow] = {}
        self._headings: list[tuple[QLabel, list[str]]] = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)

        self.title_label = QLabel(self)
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title_label.setFont(font)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)
        outer.addWidget(self.title_label)

        self.description_label = QLabel(self)
        self.description_label.setTextFormat(Qt.TextFormat.PlainText)
        self.description_label.setWordWrap(True)
        outer.addWidget(self.description_label)

        self.progress_bar = QProgressBar(self)
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setAccessibleName(self.tr("Checklist progress"))
        outer.addWidget(self.progress_bar)

        self.open_label = QLabel(self)
        self.open_label.setWordWrap(True)
        outer.addWidget(self.open_label)
        self.open_list = QListWidget(self)
        self.open_list.setAccessibleName(self.tr("Required items still open"))
        self.open_list.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.open_list.setMaximumHeight(110)
        self.open_list.setWordWrap(True)  # long questions wrap instead of scrolling sideways
        self.open_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.open_list.itemActivated.connect(self._go_to_item)
        self.open_list.itemClicked.connect(self._go_to_item)
        outer.addWidget(self.open_list)

        self.alert_bar = QFrame(self)
        self.alert_bar.setObjectName("checklistAlert")
        theme.style(self.alert_bar, "alert", "QFrame#checklistAlert")
        bar = QHBoxLayout(self.alert_bar)
        bar.setContentsMargins(4, 2, 4, 2)
        self.alert_label = QLabel(self.alert_bar)
        self.alert_label.setWordWrap(True)
        self.alert_label.setTextFormat(Qt.TextFormat.PlainText)
        self.alert_label.setStyleSheet("border: none; padding: 0; font-weight: 600;")
        self.alert_button = QPushButton(self.tr("Show"), self.alert_bar)
        self.alert_button.setAccessibleName(self.tr("Show the guidance that applies"))
        self.alert_button.clicked.connect(self._show_alerted)
        bar.addWidget(self.alert_label, 1)
        bar.addWidget(self.alert_button)
        self.alert_bar.hide()
        self._alerted: str | None = None
        outer.addWidget(self.alert_bar)

        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        # The form follows the panel's width and wraps its texts; it never scrolls sideways.
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll, 1)

        self.earlier_label = QLabel(self)
        self.earlier_label.setTextFormat(Qt.TextFormat.PlainText)
        self.earlier_label.setWordWrap(True)
        theme.style(self.earlier_label, "muted")
        outer.addWidget(self.earlier_label)

        self._build_body()
        self._refresh()

    # -- public API ---------------------------------------------------------------------------

    def set_template(self, template: Template, lang: str = "nl") -> None:
        """Show `template` in language `lang` ("nl" or "en") with no answers yet."""
        self._template = template
        self._lang = lang
        self._values = {}
        self._build_body()
        self._refresh()
        self._alerted = None
        self.alert_bar.hide()

    def template(self) -> Template | None:
        return self._template

    def set_offered(self, offered: Callable[[str | None, str], bool] | None) -> None:
        """Which codes of a vocabulary the lists offer, e.g. only the organisation's sector's (set before
        ``set_template``); a stored answer outside them is still shown."""
        self._offered = offered

    def set_answers(self, answers: dict | None) -> None:
        """Load stored answers (the envelope or a bare mapping). Unknown item ids are kept."""
        self._values = answer_values(answers)
        for item_id, row in self._rows.items():
            row.show_value(self._values.get(item_id))
        self._refresh()
        self._alerted = None
        self._alert_new_guidance(self._always_shown())

    def answers(self) -> dict:
        """The answers in the stored format, including answers to items the template lacks."""
        if self._template is None:
            return {}
        return make_answers(self._template, self._values)

    def clear(self) -> None:
        """Forget the template and every answer (used when the vault locks)."""
        self._template = None
        self._values = {}
        self._build_body()
        self._refresh()
        self._alerted = None
        self.alert_bar.hide()

    def row(self, item_id: str) -> _ItemRow | None:
        """The row widget of an item (for the contact editor and tests)."""
        return self._rows.get(item_id)

    def is_item_shown(self, item_id: str) -> bool:
        row = self._rows.get(item_id)
        return row is not None and not row.isHidden()

    # -- building -----------------------------------------------------------------------------

    def _build_body(self) -> None:
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self._rows = {}
        self._headings = []
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(4, 4, 4, 4)
        template = self._template
        if template is not None:
            for heading_text, items in items_by_section(template.items, self._lang):
                if heading_text:
                    heading = QLabel(heading_text, body)
                    heading.setTextFormat(Qt.TextFormat.PlainText)
                    font = heading.font()
                    font.setBold(True)
                    heading.setFont(font)
                    heading.setContentsMargins(0, 8, 0, 0)
                    column.addWidget(heading)
                    self._headings.append((heading, [it.id for it in items]))
                for item in items:
                    row = _ItemRow(item, self._lang, body, self._offered)
                    row.edited.connect(self._on_edited)
                    column.addWidget(row)
                    self._rows[item.id] = row
        column.addStretch(1)
        self.scroll.setWidget(body)

    # -- live updates -------------------------------------------------------------------------

    def _on_edited(self, item_id: str, value: Any) -> None:
        before = self._shown_ids()
        if value is None:
            self._values.pop(item_id, None)
        else:
            self._values[item_id] = value
        self._refresh()
        self._alert_new_guidance(before, item_id)
        self.answersChanged.emit(self.answers())

    def _always_shown(self) -> set[str]:
        """The items shown with no answers at all: guidance beyond these was brought up by answers."""
        return {it.id for it in visible_items(self._template, {})} if self._template else set()

    def _shown_ids(self) -> set[str]:
        return {it.id for it in visible_items(self._template, self._values)} if self._template else set()

    def _alert_new_guidance(self, before: set[str], cause: str | None = None) -> None:
        """Guidance that an answer brings up (acute danger: call 112 ...) is brought into view, with a
        bar above the form that stays while it applies and the window asking for attention."""
        shown = self._shown_ids()
        new = [i for i in self._rows if i in shown - before and self._rows[i].guidance_label is not None]
        if new:
            self._alerted = new[0]
            row = self._rows.get(cause or "") or self._rows[new[0]]
            self.alert_label.setText("⚠ " + self.tr("Guidance applies after the answer to: %1").replace(
                "%1", row.item.text_in(self._lang)))
            self._show_alerted()
            QApplication.alert(self.window())
        elif self._alerted is not None and self._alerted not in shown:
            self._alerted = None
        self.alert_bar.setVisible(self._alerted is not None)

    def _show_alerted(self) -> None:
        row = self._rows.get(self._alerted or "")
        if row is not None:
            self.scroll.widget().layout().activate()
            self.scroll.ensureWidgetVisible(row.guidance_label or row, 0, 40)

    def _refresh(self) -> None:
        template = self._template
        if template is None:
            self.title_label.setText("")
            self.description_label.setText("")
            self.description_label.hide()
            self.progress_bar.setRange(0, 1)
            self.progress_bar.setValue(0)
            self.progress_bar.setFormat("")
            self.open_label.setText(self.tr("No checklist selected."))
            self.open_list.clear()
            self.open_list.hide()
            self.earlier_label.hide()
            return
        self.title_label.setText(template.title_in(self._lang))
        description = template.description_in(self._lang)
        self.description_label.setText(description)
        self.description_label.setVisible(bool(description))

        shown = {it.id for it in visible_items(template, self._values)}
        for item_id, row in self._rows.items():
            row.setHidden(item_id not in shown)
        for heading, ids in self._headings:
            heading.setHidden(not any(i in shown for i in ids))

        done, total = progress(template, self._values)
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self.progress_bar.setFormat(self.tr("%1 of %2").replace("%1", str(done)).replace("%2", str(total)))

        missing = missing_required(template, self._values)
        self.open_list.clear()
        for item in missing:
            entry = QListWidgetItem(item.text_in(self._lang))
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.open_list.addItem(entry)
        self.open_list.setVisible(bool(missing))
        if missing:
            self.open_label.setText(self.tr("Still open (required): %1").replace("%1", str(len(missing))))
        else:
            self.open_label.setText(self.tr("All required items are done."))

        earlier = unknown_answers(template, self._values)
        if earlier:
            lines = [f"{q}: {a}" for q, a in readable_answers(template, earlier, self._lang)]
            self.earlier_label.setText(self.tr("Answers from an earlier version of this checklist:")
                                       + "\n" + "\n".join(lines))
        self.earlier_label.setVisible(bool(earlier))

    def _go_to_item(self, entry: QListWidgetItem) -> None:
        row = self._rows.get(entry.data(Qt.ItemDataRole.UserRole))
        if row is None:
            return
        self.scroll.ensureWidgetVisible(row)
        row.focus_editor()
