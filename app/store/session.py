"""The adviser's working session: which vault, whether it is open, and the services on it.

The window holds one Session; locking closes the database and forgets every service.
"""
from __future__ import annotations

import time
from pathlib import Path

from app.errors import VaultError
from app.store.repository import Repository
from app.store.settings import VaultSettings
from app.store.vault import Throttle, Vault


class Session:
    def __init__(self, path: str | Path, clock=time.time):
        self.path = Path(path)
        self.clock = clock
        self.vault: Vault | None = None
        self.repo: Repository | None = None
        self.settings: VaultSettings | None = None

    @property
    def exists(self) -> bool:
        return self.path.exists()

    @property
    def is_open(self) -> bool:
        return self.vault is not None and self.vault.is_open

    def wait_seconds(self) -> float:
        """Seconds before the next unlock attempt may be made (0 when the record cannot be read: the
        attempt itself then says why)."""
        try:
            return Throttle(self.path, self.clock).wait_seconds()
        except VaultError:
            return 0.0

    def attach(self, vault: Vault) -> None:
        """Work on an opened vault (from `create_vault` or `open_vault`)."""
        self.vault = vault
        self.repo = Repository(vault)
        self.settings = VaultSettings(self.repo)

    def create_vault(self, passphrase: str) -> Vault:
        """Make a new vault at `path` and return it open, without attaching it. This derives the key
        (seconds), so the window runs it on a worker thread; the session itself is not touched."""
        vault = Vault.create(self.path, passphrase)
        Repository(vault).log("kluis_aangemaakt")
        return vault

    def open_vault(self, passphrase: str) -> Vault:
        """Derive the key and open the vault without attaching it (safe on a worker thread)."""
        return Vault.open(self.path, passphrase, clock=self.clock)

    def create(self, passphrase: str) -> None:
        self.attach(self.create_vault(passphrase))

    def unlock(self, passphrase: str) -> None:
        self.attach(self.open_vault(passphrase))

    def change_passphrase(self, current: str, new: str) -> None:
        """Re-encrypt the open vault; `current` must be the passphrase it was opened with."""
        if self.vault is None or not self.vault.is_open:
            raise VaultError("session.locked")
        self.vault.change_passphrase(current, new)

    def lock(self) -> None:
        if self.vault is not None:
            self.vault.close()
        self.vault = self.repo = self.settings = None

    def require(self) -> Repository:
        if self.repo is None:
            raise VaultError("session.locked")
        return self.repo
