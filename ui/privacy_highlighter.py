"""Marks likely identifiers in a text editor while the adviser types.

A thin Qt adapter on the privacy guard (`app.privacy.guard.scan`): Qt calls `highlightBlock` only for
the paragraph (block) that changed, so typing in a long note rescans one paragraph, not the note.
The block state is never changed, which keeps Qt from cascading into the following blocks.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtGui import QSyntaxHighlighter, QTextBlock, QTextCharFormat, QTextDocument

from app.privacy.guard import Finding, kind_label, scan

Scanner = Callable[[str], list[Finding]]

_CACHE_SIZE = 4096


def _utf16_offsets(text: str) -> list[int] | None:
    """Qt counts UTF-16 code units; Python counts code points. None when both agree."""
    if all(ord(c) <= 0xFFFF for c in text):
        return None
    offsets, pos = [], 0
    for c in text:
        offsets.append(pos)
        pos += 2 if ord(c) > 0xFFFF else 1
    offsets.append(pos)
    return offsets


class PrivacyHighlighter(QSyntaxHighlighter):
    """Underlines what the privacy guard flags in `document` (a QTextDocument).

    Attach it with `PrivacyHighlighter(edit.document())`. `findings_at(position)` and
    `tooltip_at(position)` tell a widget what lies under the mouse or the cursor.
    """

    def __init__(
        self,
        document: QTextDocument,
        *,
        enabled: bool = True,
        lang: str = "nl",
        scanner: Scanner | None = None,
    ):
        super().__init__(document)
        self._enabled = enabled
        self._lang = lang
        self._scanner: Scanner = scanner or scan
        self._cache: OrderedDict[str, tuple[Finding, ...]] = OrderedDict()
        self._format = QTextCharFormat()
        self._set_colours()
        from ui import theme
        theme.register(self)
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self._format.setProperty(QTextCharFormat.Property.UserProperty, "privacy")

    def _set_colours(self) -> None:
        """Text and background together (readable in the light and the dark theme), red underline."""
        from ui import theme
        fg, bg = theme.cell_colours("privacy")
        self._format.setForeground(fg)
        self._format.setBackground(bg)
        self._format.setUnderlineColor(theme.text_colour("error"))

    def theme_changed(self) -> None:
        self._set_colours()
        self.rehighlight()

    # -- settings -----------------------------------------------------------------------------
    def is_enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        if enabled != self._enabled:
            self._enabled = enabled
            self.rehighlight()

    def set_language(self, lang: str) -> None:
        self._lang = lang

    def highlight_format(self) -> QTextCharFormat:
        return QTextCharFormat(self._format)

    # -- lookups ------------------------------------------------------------------------------
    def block_findings(self, block: QTextBlock) -> tuple[Finding, ...]:
        """The findings in one paragraph, offsets relative to the paragraph (code points)."""
        return self._scan(block.text())

    def findings_at(self, position: int) -> list[Finding]:
        """Findings under the document position `position` (offsets relative to their block)."""
        document = self.document()
        if document is None:
            return []
        block = document.findBlock(position)
        if not block.isValid():
            return []
        text = block.text()
        rel = position - block.position()
        offsets = _utf16_offsets(text)
        out = []
        for f in self._scan(text):
            start, end = (f.start, f.end) if offsets is None else (offsets[f.start], offsets[f.end])
            if start <= rel < end:
                out.append(f)
        return out

    def tooltip_at(self, position: int) -> str | None:
        """A short explanation for the finding under `position`, or None."""
        found = self.findings_at(position)
        if not found:
            return None
        label = kind_label(found[0].kind, self._lang)
        if self._lang.startswith("nl"):
            return f"Mogelijk een {label}: sla geen identiteit op, vervang het door {found[0].placeholder}."
        return f"Possibly a {label}: store no identity, replace it with {found[0].placeholder}."

    def count_in_document(self) -> int:
        """How many findings the whole document holds (cached per paragraph)."""
        document = self.document()
        if document is None:
            return 0
        total, block = 0, document.begin()
        while block.isValid():
            total += len(self._scan(block.text()))
            block = block.next()
        return total

    # -- Qt -----------------------------------------------------------------------------------
    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if not self._enabled or not text:
            return
        findings = self._scan(text)
        if not findings:
            return
        offsets = _utf16_offsets(text)
        for f in findings:
            start, end = (f.start, f.end) if offsets is None else (offsets[f.start], offsets[f.end])
            self.setFormat(start, end - start, self._format)

    def _scan(self, text: str) -> tuple[Finding, ...]:
        cached = self._cache.get(text)
        if cached is not None:
            self._cache.move_to_end(text)
            return cached
        result = tuple(self._scanner(text))
        self._cache[text] = result
        if len(self._cache) > _CACHE_SIZE:
            self._cache.popitem(last=False)
        return result


def highlighted_ranges(block: QTextBlock) -> list[tuple[int, int]]:
    """(start, length) of the privacy formats a highlighter put on `block`; for tests and views."""
    layout = block.layout()
    if layout is None:
        return []
    return [
        (r.start, r.length)
        for r in layout.formats()
        if r.format.property(QTextCharFormat.Property.UserProperty) == "privacy"
    ]


__all__ = ["PrivacyHighlighter", "highlighted_ranges"]
