"""Services of Vertrouwd: vault, repository, reporting, exchange, privacy guard, command line.

Nothing in this package imports PySide6.
"""
from pathlib import Path

__version__ = "0.1.0"

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
