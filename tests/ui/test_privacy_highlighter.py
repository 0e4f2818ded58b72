"""The editor highlight: flagged spans get the privacy format, and only changed blocks rescan."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from app.privacy.guard import scan
from ui.privacy_highlighter import PrivacyHighlighter, highlighted_ranges


@pytest.fixture
def editor(qtbot):
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    highlighter = PrivacyHighlighter(edit.document())
    edit._highlighter = highlighter  # keep it alive as long as the widget
    return edit, highlighter


def test_typed_phone_number_is_marked_exactly(qtbot, editor):
    edit, _ = editor
    edit.setFocus()
    qtbot.keyClicks(edit, "Bel haar op 06-12345678 morgen")
    block = edit.document().firstBlock()
    start = block.text().index("06-12345678")
    assert highlighted_ranges(block) == [(start, len("06-12345678"))]
    ranges = block.layout().formats()
    fmt = QTextCharFormat(ranges[0].format)
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline


def test_plain_text_gets_no_format(qtbot, editor):
    edit, _ = editor
    qtbot.keyClicks(edit, "Gesprek op 12 maart over zaak 2026-014")
    assert highlighted_ranges(edit.document().firstBlock()) == []


def test_every_finding_in_a_paragraph_is_marked(editor):
    edit, _ = editor
    text = "Mevrouw Yilmaz mailde vanaf m.yilmaz@example.nl over Kerkstraat 12."
    edit.setPlainText(text)
    block = edit.document().firstBlock()
    expected = [(f.start, f.end - f.start) for f in scan(text)]
    assert len(expected) == 3
    assert highlighted_ranges(block) == expected


def test_editing_removes_the_mark(qtbot, editor):
    edit, _ = editor
    edit.setPlainText("Bel 0612345678")
    block = edit.document().firstBlock()
    assert highlighted_ranges(block) == [(4, 10)]
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.deletePreviousChar()  # nine digits left: no longer a phone number
    assert highlighted_ranges(edit.document().firstBlock()) == []


def test_disable_and_enable(editor):
    edit, highlighter = editor
    edit.setPlainText("Sanne belde")
    assert highlighted_ranges(edit.document().firstBlock()) == [(0, 5)]
    highlighter.set_enabled(False)
    assert not highlighter.is_enabled()
    assert highlighted_ranges(edit.document().firstBlock()) == []
    highlighter.set_enabled(True)
    assert highlighted_ranges(edit.document().firstBlock()) == [(0, 5)]


def test_offsets_after_characters_outside_the_bmp(editor):
    edit, highlighter = editor
    edit.setPlainText("\U0001F600 bel 06-12345678")
    block = edit.document().firstBlock()
    # Qt counts the emoji as two UTF-16 units, so the number starts at 7, not 6.
    assert highlighted_ranges(block) == [(7, 11)]
    assert highlighter.findings_at(block.position() + 8)[0].kind == "telefoon"
    assert highlighter.findings_at(block.position() + 2) == []


def test_tooltip_and_count(editor):
    edit, highlighter = editor
    edit.setPlainText("Ik sprak Sanne.\nGeen details.\nBel 06-12345678.")
    assert highlighter.count_in_document() == 2
    position = edit.document().toPlainText().index("Sanne") + 1
    assert "naam" in highlighter.tooltip_at(position)
    assert "[naam]" in highlighter.tooltip_at(position)
    highlighter.set_language("en")
    assert "name" in highlighter.tooltip_at(position)
    assert highlighter.tooltip_at(0) is None


def test_typing_rescans_only_the_changed_block(qtbot):
    calls = []

    def spy(text):
        calls.append(text)
        return scan(text)

    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    paragraph = "Melder vertelde over de werkdruk op de afdeling en de sfeer in het team. " * 10
    edit.setPlainText("\n".join([paragraph] * 150))  # about 10,000 words
    highlighter = PrivacyHighlighter(edit.document(), scanner=spy)
    QCoreApplication.processEvents()  # Qt highlights a newly attached document in a queued call
    assert len(calls) == 1  # 150 equal paragraphs: scanned once, then served from the cache
    calls.clear()

    block = edit.document().findBlockByNumber(75)
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    typed = " Bel 0612345678"
    for ch in typed:
        cursor.insertText(ch)
    # One scan per keystroke, each of the changed paragraph only.
    assert calls == [paragraph + typed[: k + 1] for k in range(len(typed))]
    changed = edit.document().findBlockByNumber(75)
    assert highlighted_ranges(changed) == [(len(changed.text()) - 10, 10)]
    assert highlighted_ranges(edit.document().findBlockByNumber(76)) == []
    assert highlighter.document() is edit.document()
