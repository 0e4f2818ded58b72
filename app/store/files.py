"""The files that live beside a vault, named in one place (the vault and the migrations both use them)."""
from __future__ import annotations

from pathlib import Path


def key_path(vault: Path) -> Path:
    """Salt and key-derivation parameters of the vault (no secret in it)."""
    return vault.with_name(vault.name + ".key.json")


def pending_key_path(vault: Path) -> Path:
    """The new key file while a passphrase change is under way (finished on the next unlock)."""
    return vault.with_name(vault.name + ".key.json.pending")


def attempts_path(vault: Path) -> Path:
    """The record of wrong passphrases in a row (the growing delay survives a restart)."""
    return vault.with_name(vault.name + ".attempts.json")
