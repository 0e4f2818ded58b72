"""Storage: the vault (SQLCipher + Argon2id), migrations, settings and the repository, which owns all SQL."""
