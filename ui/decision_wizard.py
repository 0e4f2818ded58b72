"""The decision aid as a step-by-step dialog: one question per page, back and forward, reasons visible.

The dialog only talks to app.guidance.decide (the tree) and to the two callbacks it is given: `on_save(record)`
stores the advice on a case, `on_handout(record)` prints it (the caller chooses the file). `record` is
the saved form {"tree_version", "lang", "facts", "result"}. Open it with `open()` or `show()`, never
`exec()`.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.guidance.decide import tree as default_tree
from app.guidance.decide import version_line
from models.decision import DecisionResult, DecisionTree
from ui.i18n import error_text

Callback = Callable[[dict], "bool | None"]   # False: not done (e.g. the save dialog was cancelled)


def _label(text: str = "", *, bold: bool = False, size: int | None = None) -> QLabel:
    lbl = QLabel(text)
    lbl.setWordWrap(True)
    lbl.setTextFormat(Qt.TextFormat.PlainText)
    lbl.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = lbl.font()
    if bold:
        font.setBold(True)
    if size:
        font.setPointSize(size)
    lbl.setFont(font)
    return lbl


class DecisionWizard(QDialog):
    """Guides the adviser through the decision tree and shows the advice."""

    saved = Signal(dict)  # the record passed to on_save, after it succeeded

    def __init__(self, lang: str = "nl", on_save: Callback | None = None, on_handout: Callback | None = None,
                 parent: QWidget | None = None, *, decision_tree: DecisionTree | None = None,
                 prefill: dict[str, Any] | None = None):
        super().__init__(parent)
        self._tree = decision_tree or default_tree()
        self._lang = lang if lang in ("nl", "en") else "nl"
        self._on_save = on_save
        self._on_handout = on_handout
        # every answer given, also off the current path (to prefill); `prefill`: what the case records
        self._answers: dict[str, Any] = dict(prefill or {})
        self._history: list[str] = []  # the facts answered on the current path, in order
        self._current: str | None = None
        self._result: DecisionResult | None = None
        self.setWindowTitle(self.tr("Decision aid: which route fits?"))
        self.setObjectName("DecisionWizard")
        self.resize(1000, 580)
        self._build()
        self._go_to(self._tree.next_question({}))

    # ---- layout ----------------------------------------------------------------------------------

    def _build(self) -> None:
        self.stack = QStackedWidget()

        # question page
        qpage = QWidget()
        q = QVBoxLayout(qpage)
        self.step_label = _label()
        self.step_label.setObjectName("stepLabel")
        self.question_label = _label(bold=True, size=13)
        self.question_label.setObjectName("questionLabel")
        self.help_label = _label()
        self.help_label.setObjectName("helpLabel")
        self.answers_box = QVBoxLayout()
        self.answer_group = QButtonGroup(self)
        self.answer_group.setExclusive(True)
        self.answer_group.buttonToggled.connect(self._update_buttons)
        self.number_input = QSpinBox()
        self.number_input.setObjectName("numberInput")
        self.number_input.setMaximumWidth(260)
        # -1 shows as "Enter a number": Next stays disabled until a value is given (no silent default)
        self.number_input.setSpecialValueText(self.tr("Enter a number"))
        self.number_input.valueChanged.connect(self._update_buttons)
        q.addWidget(self.step_label)
        q.addWidget(self.question_label)
        q.addWidget(self.help_label)
        q.addSpacing(8)
        q.addLayout(self.answers_box)
        q.addWidget(self.number_input)
        q.addStretch(1)
        self.stack.addWidget(qpage)

        # result page
        rpage = QWidget()
        r = QVBoxLayout(rpage)
        self.route_caption = _label(self.tr("Advice"))
        self.route_label = _label(bold=True, size=14)
        self.route_label.setObjectName("routeLabel")
        self.explanation_label = _label()
        self.result_list = QListWidget()
        self.result_list.setObjectName("resultList")
        self.result_list.setWordWrap(True)
        self.status_label = _label()
        self.status_label.setObjectName("statusLabel")
        self.route_caption.setText(self.tr("A route to discuss (the person decides)"))
        r.addWidget(self.route_caption)
        r.addWidget(self.route_label)
        r.addWidget(self.explanation_label)
        r.addWidget(self.result_list, 1)
        r.addWidget(self.status_label)
        self.stack.addWidget(rpage)

        # side panel: answers and reasons so far
        side = QWidget()
        s = QVBoxLayout(side)
        self.answers_heading = _label(self.tr("Answers so far"), bold=True)
        self.answers_heading.setObjectName("answersHeading")
        s.addWidget(self.answers_heading)
        self.answers_list = QListWidget()
        self.answers_list.setObjectName("answersList")
        self.answers_list.setWordWrap(True)
        s.addWidget(self.answers_list, 1)
        self.reasons_heading = _label(self.tr("Reasons so far"), bold=True)
        self.reasons_heading.setObjectName("reasonsHeading")
        s.addWidget(self.reasons_heading)
        self.reasons_list = QListWidget()
        self.reasons_list.setObjectName("reasonsList")
        self.reasons_list.setWordWrap(True)
        # equal room: the answers grow with every question, the reasons only now and then
        s.addWidget(self.reasons_list, 1)

        splitter = QSplitter()
        splitter.addWidget(self.stack)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([660, 320])

        self.back_button = QPushButton(self.tr("< Back"))
        self.next_button = QPushButton(self.tr("Next >"))
        self.next_button.setDefault(True)
        self.save_button = QPushButton(self.tr("Save with case"))
        self.handout_button = QPushButton(self.tr("Save handout as PDF…"))
        self.close_button = QPushButton(self.tr("Close"))
        for name, button in (("backButton", self.back_button), ("nextButton", self.next_button),
                             ("saveButton", self.save_button), ("handoutButton", self.handout_button),
                             ("closeButton", self.close_button)):
            button.setObjectName(name)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.save_button.clicked.connect(self._save)
        self.handout_button.clicked.connect(self._handout)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.handout_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.close_button)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        # which tree and when its legal content was last checked: on every page, and on the handout
        self.version_label = _label(version_line(self._lang, self._tree))
        self.version_label.setObjectName("versionLabel")
        main = QVBoxLayout(self)
        main.addWidget(splitter, 1)
        main.addWidget(self.version_label)
        main.addWidget(line)
        main.addLayout(buttons)

    # ---- state -----------------------------------------------------------------------------------

    @property
    def facts(self) -> dict[str, Any]:
        """The answers on the current path."""
        return {f: self._answers[f] for f in self._history}

    @property
    def current_fact(self) -> str | None:
        return self._current

    @property
    def result(self) -> DecisionResult | None:
        return self._result

    def answer_buttons(self) -> dict[str, QRadioButton]:
        return {b.objectName().removeprefix("answer_"): b for b in self.answer_group.buttons()}

    def _go_to(self, fact: str | None) -> None:
        self._current = fact
        if fact is None:
            self._show_result()
        else:
            self._show_question(fact)
        self._refresh_side()
        self._update_buttons()

    def _show_question(self, fact: str) -> None:
        view = self._tree.question(fact, self._lang)
        self._result = None
        self.stack.setCurrentIndex(0)
        self.step_label.setText(self.tr("Question %n", "", len(self._history) + 1))
        self.question_label.setText(view.text)
        self.help_label.setText(view.help)
        for button in self.answer_group.buttons():
            self.answer_group.removeButton(button)
            self.answers_box.removeWidget(button)
            button.hide()
            button.setParent(None)
            button.deleteLater()
        previous = self._answers.get(fact)
        if view.type == "number":
            self.number_input.setVisible(True)
            self.number_input.setRange(-1, int(view.max))
            self.number_input.setSuffix(f" {view.unit}")
            self.number_input.setValue(int(previous) if isinstance(previous, int | float) else -1)
            self.number_input.setFocus()
            self.number_input.selectAll()
            return
        self.number_input.setVisible(False)
        for value, text in view.choices:
            button = QRadioButton(text)
            code = ("yes" if value else "no") if isinstance(value, bool) else str(value)
            button.setObjectName(f"answer_{code}")
            button.setProperty("answerValue", value)
            button.setToolTip(text)
            self.answer_group.addButton(button)
            self.answers_box.addWidget(button)
            button.show()  # a child added to a visible dialog is otherwise shown only later
            if previous is not None and previous == value and type(previous) is type(value):
                button.setChecked(True)

    def _chosen_value(self) -> tuple[bool, Any]:
        if self._current is None:
            return False, None
        if self._tree.fact_type(self._current) == "number":
            value = self.number_input.value()
            return value >= 0, value
        button = self.answer_group.checkedButton()
        if button is None:
            return False, None
        return True, button.property("answerValue")

    def _show_result(self) -> None:
        self._result = self._tree.render(self._tree.evaluate(self.facts), self._lang, self.facts)
        res = self._result.result
        self.stack.setCurrentIndex(1)
        self.route_label.setText(res["route_label"])
        self.explanation_label.setText(res["explanation"])
        self.status_label.clear()
        self.result_list.clear()

        def section(title: str, items: list[str]) -> None:
            if not items:
                return
            self.result_list.addItem(title)
            font = self.result_list.item(self.result_list.count() - 1).font()
            font.setBold(True)
            self.result_list.item(self.result_list.count() - 1).setFont(font)
            for item in items:
                self.result_list.addItem(f"• {item}")

        t = self._tree
        adviser = [text for code, text in res["warning_texts"].items() if t.adviser_only(code)]
        shared = [text for code, text in res["warning_texts"].items() if not t.adviser_only(code)]
        section(t.texts["adviser_only_heading"][self._lang], adviser)
        section(self.tr("Other routes that also apply"), [a["label"] for a in res["also_details"]])
        section(self.tr("Warnings"), shared)
        section(self.tr("Help lines"), [f"{h['name']}: {h['contact']} ({h['when']})" for h in res.get("helplines", [])])
        section(self.tr("What this route asks"), res["requirements"])
        section(self.tr("Terms"), [f"{x['label']}: {x['display']}" for x in res["terms"]])
        section(self.tr("Rules that apply"), res["legal_references"])
        section(self.tr("Still needed"), res["needs_labels"])

    def _refresh_side(self) -> None:
        t = self._tree
        on_result = self._current is None
        # on the result page the lists are complete, no longer "so far"
        self.answers_heading.setText(self.tr("Answers") if on_result else self.tr("Answers so far"))
        self.reasons_heading.setText(self.tr("Reasons") if on_result else self.tr("Reasons so far"))
        self.answers_list.clear()
        for fact in self._history:
            view_short = t.questions[fact]["short"][self._lang]
            self.answers_list.addItem(f"{view_short}: {t.answer_label(fact, self._answers[fact], self._lang)}")
        self.reasons_list.clear()
        if self._history:
            partial = t.render(t.evaluate(self.facts), self._lang)
            for detail in partial.result["reasons_detail"]:
                self.reasons_list.addItem(detail["text"])

    def _update_buttons(self, *_args: Any) -> None:
        on_result = self._current is None
        self.back_button.setEnabled(bool(self._history))
        self.next_button.setVisible(not on_result)
        self.next_button.setEnabled(not on_result and self._chosen_value()[0])
        self.save_button.setVisible(on_result and self._on_save is not None)
        self.save_button.setEnabled(on_result)
        self.handout_button.setVisible(on_result and self._on_handout is not None)

    # ---- navigation ------------------------------------------------------------------------------

    def go_next(self) -> None:
        ok, value = self._chosen_value()
        if not ok or self._current is None:
            return
        self._answers[self._current] = value
        self._history.append(self._current)
        self._go_to(self._tree.next_question(self.facts))

    def go_back(self) -> None:
        if not self._history:
            return
        self._go_to(self._history.pop())

    def record(self) -> dict:
        """The saved form of the advice shown on the result page."""
        if self._result is None:
            raise UserError("wizard.no_advice_yet")
        return self._result.to_dict()

    def _call(self, callback: Callback | None, done: str) -> bool:
        if callback is None:
            return False
        try:
            outcome = callback(self.record())
        except UserError as exc:
            self.status_label.setText(error_text(exc, self._lang))
            return False
        if outcome is False:          # cancelled or failed (the callback said why): claim nothing
            self.status_label.setText("")
            return False
        self.status_label.setText(done)
        return True

    def _save(self) -> None:
        if self._call(self._on_save, self.tr("The advice is saved with the case.")):
            self.save_button.setEnabled(False)
            self.saved.emit(self.record())

    def _handout(self) -> None:
        self._call(self._on_handout, self.tr("The handout is ready."))
