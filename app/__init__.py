"""Services of Vertrouwd: vault, repository, reporting, exchange, privacy guard, command line.

Nothing in this package imports PySide6. The program's data files are found by app.resources.
"""
__version__ = "0.1.0"


def __getattr__(name: str):
    # `from app import RESOURCES` kept working for code written before app.resources found the folder.
    if name == "RESOURCES":
        from app.resources import RESOURCES
        return RESOURCES
    raise AttributeError(f"module 'app' has no attribute {name!r}")
