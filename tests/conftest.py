"""Shared fixtures: a fresh vault (with cheap key derivation) and settings folder per test."""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.store import kdf  # noqa: E402

PASSPHRASE = "correct horse battery"


def fast_params() -> kdf.KdfParams:
    """Cheap Argon2id for tests only; production code calibrates (>= 64 MiB, 0.5-1 s)."""
    return kdf.KdfParams(salt=os.urandom(16), memory_kib=8 * 1024, iterations=1, lanes=1)


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch, request):
    """Every vault made in a test uses cheap parameters unless the test opts out (marker real_kdf)."""
    if request.node.get_closest_marker("real_kdf"):
        return
    monkeypatch.setattr(kdf, "calibrate", lambda *a, **k: fast_params())
    from app.store import vault as vault_mod
    original = vault_mod.Vault.create.__func__

    def create(cls, path, passphrase, *, params=None, allow_weak=False, schema_version=None):
        return original(cls, path, passphrase, params=params or fast_params(), allow_weak=True,
                        schema_version=schema_version)
    monkeypatch.setattr(vault_mod.Vault, "create", classmethod(create))


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path, monkeypatch):
    """No test touches the real user data or settings folders."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("VERTROUWD_PASSPHRASE", raising=False)
    monkeypatch.delenv("VERTROUWD_NEW_PASSPHRASE", raising=False)


@pytest.fixture
def vault_path(tmp_path) -> Path:
    return tmp_path / "vault" / "test.vault"


@pytest.fixture
def vault(vault_path):
    from app.store.vault import Vault
    v = Vault.create(vault_path, PASSPHRASE)
    yield v
    v.close()


@pytest.fixture
def repo(vault):
    from app.store.repository import Repository
    return Repository(vault)


def build_template(folder: Path, fill) -> Path:
    """A vault filled once by `fill(repo)` (for a module-scoped fixture); tests get copies (open_copy)."""
    from app.store.repository import Repository
    from app.store.vault import Vault
    path = folder / "template.vault"
    v = Vault.create(path, PASSPHRASE, params=fast_params(), allow_weak=True)
    try:
        fill(Repository(v))
    finally:
        v.close()
    return path


def copy_vault(template: Path, target: Path) -> Path:
    """A fresh copy of a template vault (and its key file) at `target`."""
    import shutil

    from app.store.vault import key_path
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, target)
    shutil.copyfile(key_path(template), key_path(target))
    return target


@contextmanager
def open_copy(template: Path, target: Path):
    """A Repository on a fresh copy of a template vault: the test may write, the template stays as made."""
    from app.store.repository import Repository
    from app.store.vault import Vault
    v = Vault.open(copy_vault(template, target), PASSPHRASE)
    try:
        yield Repository(v)
    finally:
        v.close()


@pytest.fixture(autouse=True)
def _reset_translations():
    """A window test installs the Dutch translator application-wide; later tests start in English."""
    yield
    if "ui.i18n" in sys.modules:
        from PySide6.QtCore import QCoreApplication
        if QCoreApplication.instance() is not None:
            sys.modules["ui.i18n"].install("en")
