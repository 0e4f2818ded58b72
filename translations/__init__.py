"""Vertrouwd's compiled translations (.qm), installed as the package vertrouwd_translations (found by app.resources)."""
