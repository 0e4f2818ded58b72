"""main.py sends every command of the command line to the command line, not to the window."""
from __future__ import annotations

import main as entry
from app import cli


def test_every_cli_command_reaches_the_command_line(monkeypatch):
    seen: list[list[str]] = []
    monkeypatch.setattr(cli, "main", lambda argv: seen.append(argv) or 0)
    for word in cli.COMMANDS:
        assert entry.main([word]) == 0, word
    assert [a[0] for a in seen] == list(cli.COMMANDS)
