"""Guards against a Qt binding that loses references to None (PySide6 6.12.0 on Python 3.11 does:
each call of a method returning nothing drops one, and the program aborts after a few thousand)."""
from __future__ import annotations

import sys

from PySide6.QtGui import QTextDocument


def test_void_calls_keep_none_alive(qapp):
    doc = QTextDocument()
    before = sys.getrefcount(None)
    for _ in range(500):
        doc.setModified(False)
    after = sys.getrefcount(None)
    assert after >= before - 50, (
        f"the installed PySide6 leaks references to None ({before} -> {after}); "
        "install a version pinned in pyproject.toml")
