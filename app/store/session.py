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
        return Throttle(self.path, self.clock).wait_seconds()

    def _attach(self, vault: Vault) -> None:
        self.vault = vault
        self.repo = Repository(vault)
        self.settings = VaultSettings(self.repo)

    def create(self, passphrase: str) -> None:
        self._attach(Vault.create(self.path, passphrase))
        self.repo.log("kluis_aangemaakt")

    def unlock(self, passphrase: str) -> None:
        self._attach(Vault.open(self.path, passphrase, clock=self.clock))

    def lock(self) -> None:
        if self.vault is not None:
            self.vault.close()
        self.vault = self.repo = self.settings = None

    def require(self) -> Repository:
        if self.repo is None:
            raise VaultError("session.locked")
        return self.repo
