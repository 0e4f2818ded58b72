"""Atomic writes under Windows conditions, simulated on Linux: no os.fchmod (Windows before Python 3.13),
a target briefly held open by a scanner or OneDrive, non-ASCII user folders and long paths."""
from __future__ import annotations

import errno
import os
import stat

import pytest

from app import fsutil
from app.guidance import checklists


class _FlakyReplace:
    """os.replace that fails `failures` times like a held file on Windows, then does the real move."""

    def __init__(self, failures: int, winerror: int = 32):
        self.failures, self.winerror, self.calls = failures, winerror, 0
        self._real = os.replace

    def __call__(self, src, dst):
        self.calls += 1
        if self.calls <= self.failures:
            exc = PermissionError(errno.EACCES, "The process cannot access the file")
            exc.winerror = self.winerror
            raise exc
        self._real(src, dst)


@pytest.fixture
def delays(monkeypatch):
    waited: list[float] = []
    monkeypatch.setattr(fsutil, "_sleep", waited.append)
    return waited


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_without_fchmod_and_still_restricts_the_mode(tmp_path, monkeypatch):
    monkeypatch.delattr(os, "fchmod")
    target = tmp_path / "vault.key.json"
    fsutil.write_text_atomic(target, "{}")
    assert target.read_text() == "{}"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # via os.chmod on the path
    assert _leftovers(tmp_path) == []


def test_checklist_export_uses_the_same_path_without_fchmod(tmp_path, monkeypatch):
    monkeypatch.delattr(os, "fchmod")
    checklists.write_atomic(tmp_path / "x.toml", b"one")
    assert (tmp_path / "x.toml").read_bytes() == b"one"
    assert stat.S_IMODE((tmp_path / "x.toml").stat().st_mode) == 0o600


def test_a_replace_that_fails_twice_then_succeeds(tmp_path, monkeypatch, delays):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    flaky = _FlakyReplace(2)
    monkeypatch.setattr(os, "replace", flaky)
    fsutil.write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert flaky.calls == 3
    assert delays == list(fsutil.REPLACE_DELAYS[:2])
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("winerror", [5, 32, 33])
def test_a_replace_that_always_fails_names_the_cause_and_keeps_the_old_file(tmp_path, monkeypatch, delays,
                                                                              winerror):
    target = tmp_path / "backup.vbak"
    target.write_bytes(b"old")
    monkeypatch.setattr(os, "replace", _FlakyReplace(10**6, winerror))
    with pytest.raises(fsutil.FileInUse) as caught:
        fsutil.write_bytes_atomic(target, b"new")
    assert "another program keeps it open" in caught.value.strerror
    assert "previous version is unchanged" in caught.value.strerror
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []
    assert sum(delays) <= 0.5 and delays == sorted(delays)  # bounded, growing


def test_other_errors_are_not_retried(tmp_path, monkeypatch, delays):
    def broken(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError) as caught:
        fsutil.write_bytes_atomic(tmp_path / "x", b"data")
    assert caught.value.errno == errno.ENOSPC
    assert delays == []
    assert _leftovers(tmp_path) == []


def test_checklist_export_turns_a_held_file_into_a_user_error(tmp_path, monkeypatch, delays):
    from app.errors import UserError
    target = tmp_path / "intake.toml"
    target.write_bytes(b"old")
    monkeypatch.setattr(os, "replace", _FlakyReplace(10**6))
    with pytest.raises(UserError, match="another program keeps it open"):
        checklists.write_atomic(target, b"new")
    assert target.read_bytes() == b"old"


def test_replace_file_retries_too(tmp_path, monkeypatch, delays):
    src, dst = tmp_path / ".v.creating", tmp_path / "v.vault"
    src.write_bytes(b"vault")
    monkeypatch.setattr(os, "replace", _FlakyReplace(1))
    fsutil.replace_file(src, dst)
    assert dst.read_bytes() == b"vault" and not src.exists()


def test_non_ascii_user_folder(tmp_path, monkeypatch):
    monkeypatch.delattr(os, "fchmod")
    folder = tmp_path / "Users" / "Zoë" / "AppData" / "Local" / "Vertrouwd"
    fsutil.write_text_atomic(folder / "vertrouwd.vault.key.json", "{\"naïef\": \"ë\"}")
    assert (folder / "vertrouwd.vault.key.json").read_text(encoding="utf-8") == "{\"naïef\": \"ë\"}"


def test_long_path_and_a_long_file_name(tmp_path):
    folder = tmp_path.joinpath(*["Jaarverslagen vertrouwenspersoon Zoë"] * 9)
    name = "Jaarverslag " + "Stichting Zorggroep De Linde " * 8 + "2026.pdf"  # ~250 characters
    assert len(str(folder / name)) > 2 * fsutil.WINDOWS_MAX_PATH and len(name.encode()) < 255
    fsutil.write_bytes_atomic(folder / name, b"%PDF")
    assert (folder / name).read_bytes() == b"%PDF"
    assert _leftovers(folder) == []


def test_windows_extended_path_forms():
    assert fsutil.windows_extended("C:\\Users\\Zoë\\a\\..\\b.pdf") == "\\\\?\\C:\\Users\\Zoë\\b.pdf"
    assert fsutil.windows_extended("\\\\server\\share\\x") == "\\\\?\\UNC\\server\\share\\x"


def test_long_path_prefix_only_on_windows_and_only_when_long(monkeypatch):
    long = "C:\\Users\\Zoë\\" + "map\\" * 70 + "v.vault"
    assert fsutil.long_path(long) == long  # not on this platform
    monkeypatch.setattr(os, "name", "nt")
    assert fsutil.long_path(long).startswith("\\\\?\\C:\\Users\\Zoë\\")
    assert fsutil.long_path("C:\\Users\\Zoë\\v.vault") == "C:\\Users\\Zoë\\v.vault"
    already = "\\\\?\\" + long
    assert fsutil.long_path(already) == already
