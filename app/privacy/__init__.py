"""Privacy: the guard that flags identifiers in free text, and retention (removing case details)."""
