"""PySide6 widgets. They call app/ services only; no SQL here."""
