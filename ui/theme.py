"""Colours that stay readable in the light and the dark theme.

Every colour the program sets itself comes from here, always as a pair (text and background) or as
a text colour chosen for the current background, with at least 4.5:1 contrast. Widgets styled with
`style(widget, kind)` are styled again when the system switches between light and dark
(`QStyleHints.colorSchemeChanged`) or the palette changes.
"""
from __future__ import annotations

import contextlib
import weakref

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

# kind -> (light, dark): text colour, and background where the kind has one
_TEXT = {
    "error": ("#b00020", "#ff8a80"),
    "warn": ("#7a4200", "#ffcc80"),
    "muted": ("#4f5d6b", "#b4c0cc"),
    "heading": ("#1f3a5f", "#a8c7fa"),
}
_BOXES = {  # (text, background, border) per theme
    "note": (("#5c3b00", "#fff4e5", "#e8c48a"), ("#ffe0b2", "#3d2e14", "#8a6a2a")),
    "guidance": (("#3d2e00", "#fff4d6", "#d08a00"), ("#ffe9b0", "#3a2f10", "#d08a00")),
    "alert": (("#6b0010", "#fde7ea", "#c41e3a"), ("#ffd6dc", "#4a1820", "#ff6b81")),
    "summary": (("#1b2733", "#eef3f7", "#d5dee7"), ("#e8eef4", "#2f3a45", "#46525e")),
}
_CELLS = {  # report tables: (text, background) per theme
    "total": (("#1b2733", "#eef3f7"), ("#e8eef4", "#2f3a45")),
    "hidden": (("#6b4a00", "#f3d98b"), ("#ffe6a6", "#5a4510")),
    "privacy": (("#6b0010", "#ffecb3"), ("#ffe0e6", "#6a3a10")),
}
_PROPERTY = "vertrouwdTheme"


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window background is dark (the system's dark mode, or a dark palette)."""
    pal = palette or QApplication.palette()
    return pal.color(QPalette.ColorRole.Window).lightness() < 128


def text_colour(kind: str) -> QColor:
    return QColor(_TEXT[kind][1 if is_dark() else 0])


def cell_colours(kind: str) -> tuple[QColor, QColor]:
    """(text, background) for a highlighted cell or text span: always both, never one alone."""
    fg, bg = _CELLS[kind][1 if is_dark() else 0]
    return QColor(fg), QColor(bg)


def stylesheet(kind: str, selector: str = "", extra: str = "") -> str:
    if kind in _TEXT:
        body = f"color: {text_colour(kind).name()};"
    else:
        fg, bg, border = _BOXES[kind][1 if is_dark() else 0]
        left = "4px" if kind in ("guidance", "alert") else "1px"
        body = (f"color: {fg}; background: {bg}; border: 1px solid {border}; border-left: {left} solid {border};"
                " border-radius: 3px; padding: 6px;")
    body += f" {extra}" if extra else ""
    return f"{selector} {{ {body} }}" if selector else body


def style(widget: QWidget, kind: str, selector: str = "", extra: str = "") -> None:
    """Give the widget the colours of `kind` (plus the `extra` style), now and after every theme change."""
    widget.setProperty(_PROPERTY, f"{kind}|{selector}|{extra}")
    widget.setStyleSheet(stylesheet(kind, selector, extra))


_LISTENERS: weakref.WeakSet = weakref.WeakSet()


def register(obj) -> None:
    """`obj.theme_changed()` is called after every theme change (for objects that are no widgets)."""
    _LISTENERS.add(obj)


def restyle_all() -> None:
    for obj in list(_LISTENERS):
        with contextlib.suppress(RuntimeError):  # its Qt object is gone already
            obj.theme_changed()
    for w in QApplication.allWidgets():
        value = w.property(_PROPERTY)
        if value:
            kind, selector, extra = str(value).split("|", 2)
            w.setStyleSheet(stylesheet(kind, selector, extra))
        if hasattr(w, "theme_changed"):   # widgets that write colours into their texts
            w.theme_changed()


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours."""
    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def dark_palette() -> QPalette:
    """A dark palette like the one Qt uses in Windows' dark mode (for screenshots and tests)."""
    p = QPalette()
    roles = {QPalette.ColorRole.Window: "#202124", QPalette.ColorRole.WindowText: "#e8eaed",
             QPalette.ColorRole.Base: "#2b2c2f", QPalette.ColorRole.AlternateBase: "#323438",
             QPalette.ColorRole.Text: "#e8eaed", QPalette.ColorRole.Button: "#303134",
             QPalette.ColorRole.ButtonText: "#e8eaed", QPalette.ColorRole.Highlight: "#3d6fb4",
             QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#303134",
             QPalette.ColorRole.ToolTipText: "#e8eaed", QPalette.ColorRole.PlaceholderText: "#a0a4a8",
             QPalette.ColorRole.Link: "#8ab4f8", QPalette.ColorRole.Mid: "#5f6368"}
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#80868b"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#80868b"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#80868b"))
    return p


class _Follower(QWidget):
    """Never shown; Qt tells every widget when the application palette changes."""

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            QTimer.singleShot(0, restyle_all)   # after Qt has told every widget
        return super().event(event)


def follow_system() -> None:
    """Restyle when the system switches between light and dark (call once, after the QApplication)."""
    app = QApplication.instance()
    if app is None or app.property("vertrouwdThemeFollow"):
        return
    app.setProperty("vertrouwdThemeFollow", True)
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "colorSchemeChanged"):
        hints.colorSchemeChanged.connect(lambda _scheme: restyle_all())
    global _FOLLOWER
    _FOLLOWER = _Follower()


_FOLLOWER: _Follower | None = None
