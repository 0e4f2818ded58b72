"""Services of Vertrouwd: the rooms are described in docs/ARCHITECTURE.md.

Nothing in this package imports PySide6. The program's data files are found by app.resources.
"""
__version__ = "0.1.0"
