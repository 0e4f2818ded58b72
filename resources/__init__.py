"""Vertrouwd's data files, installed as the package vertrouwd_resources (found by app.resources)."""
