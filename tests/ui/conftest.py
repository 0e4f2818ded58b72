"""Fixtures of the window tests: a fake clock, scripted dialogs, and a window on a fresh vault."""
from __future__ import annotations

import pytest

from app.store.session import Session
from ui.seams import ScriptedDialogs


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def dialogs():
    return ScriptedDialogs(confirm=True)


@pytest.fixture
def window(qtbot, vault_path, clock, dialogs):
    from ui.application import configure_app
    from ui.main_window import MainWindow
    configure_app()
    w = MainWindow(Session(vault_path, clock=lambda: 0.0), dialogs=dialogs, clock=clock)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.session.lock()


