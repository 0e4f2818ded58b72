"""Vertrouwd's entry point: no command -> the window; a command -> the command line."""
from __future__ import annotations

import sys

CLI_WORDS = {"init", "org", "import", "import-sheet", "export", "case", "backup", "restore", "passwd", "check", "demo",
             "decide", "report", "stats", "retention", "checklist", "request", "-h", "--help", "--version"}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from app.hardening import disable_core_dumps
    disable_core_dumps()
    if any(a in CLI_WORDS for a in argv):
        from app.cli import main as cli_main
        return cli_main(argv)
    from ui.application import run
    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
