"""Storage: the vault (SQLCipher + Argon2id), migrations, settings, the repository with its unit of work,
and queries.py (the read-only queries of the annual figures and retention). All SQL lives here."""
