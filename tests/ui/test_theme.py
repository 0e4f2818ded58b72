"""Readable in the light and the dark theme: contrast of every colour pair, and restyling on a switch."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

from ui import theme


@pytest.fixture
def light_then_dark(qapp):
    light = QPalette(qapp.palette())
    yield light
    qapp.setPalette(light)


def _backgrounds(dark: bool) -> list[QColor]:
    return [QColor("#202124"), QColor("#2b2c2f")] if dark else [QColor("#ffffff"), QColor("#efefef")]


@pytest.mark.parametrize("dark", [False, True])
def test_every_colour_pair_has_enough_contrast(qapp, light_then_dark, dark):
    qapp.setPalette(theme.dark_palette() if dark else light_then_dark)
    assert theme.is_dark() == dark
    for kind in theme._TEXT:
        for bg in _backgrounds(dark):
            assert theme.contrast(theme.text_colour(kind), bg) >= 4.5, (kind, dark)
    for kind in theme._CELLS:
        fg, bg = theme.cell_colours(kind)
        assert theme.contrast(fg, bg) >= 4.5, (kind, dark)
    for kind, pairs in theme._BOXES.items():
        fg, bg, _border = pairs[1 if dark else 0]
        assert theme.contrast(QColor(fg), QColor(bg)) >= 4.5, (kind, dark)


def test_styled_widgets_follow_a_theme_switch(qapp, qtbot, light_then_dark):
    label = QLabel("Fout")
    qtbot.addWidget(label)
    theme.style(label, "error")
    assert "#b00020" in label.styleSheet()
    qapp.setPalette(theme.dark_palette())
    theme.restyle_all()   # what colorSchemeChanged / the palette change does
    assert "#ff8a80" in label.styleSheet()
    qapp.setPalette(light_then_dark)
    theme.restyle_all()
    assert "#b00020" in label.styleSheet()


def test_palette_change_restyles_by_itself(qapp, qtbot, light_then_dark):
    from ui.application import configure_app
    configure_app()
    label = QLabel("Let op")
    qtbot.addWidget(label)
    theme.style(label, "warn")
    qapp.setPalette(theme.dark_palette())
    qtbot.waitUntil(lambda: theme._TEXT["warn"][1] in label.styleSheet())
