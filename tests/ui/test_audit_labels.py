"""Every action the vault writes to the log has a sentence in the settings page's log, never its code."""
from __future__ import annotations

import re
from pathlib import Path

from ui import retention_panel

ROOT = Path(__file__).resolve().parents[2]
WRITES = re.compile(r"""(?:_audit\(conn,|uow\.audit\(|\.log\()\s*"([a-z_]+)\"""")


def test_every_logged_action_has_a_label():
    actions = {m for p in (ROOT / "app").rglob("*.py") for m in WRITES.findall(p.read_text(encoding="utf-8"))}
    assert {"casus_gesloten", "backup", "demo"} <= actions      # the pattern finds the writes
    missing = sorted(a for a in actions if retention_panel.action_label(a) == a)
    assert missing == []
