"""The vault lock's Windows scheme (byte ranges: a gate and one slot per open vault), run on Linux with
locks that conflict per open file as Windows' do (tests/winlocks.py). Each VaultLock below stands for
another Vertrouwd process."""
from __future__ import annotations

import pytest

from app.store import vaultlock as L
from tests import winlocks


@pytest.fixture
def path(tmp_path, monkeypatch):
    winlocks.install(monkeypatch)
    return tmp_path / "kluis.vault"


def test_open_vaults_share_and_an_exclusive_user_waits_for_all_of_them(path):
    window, cli = L.VaultLock(path), L.VaultLock(path)
    window.hold_shared(0)
    cli.hold_shared(0)
    assert window._slot != cli._slot
    assert not window.try_exclusive()  # the command line still has it open
    cli.release()
    assert window.try_exclusive()
    late = L.VaultLock(path)
    with pytest.raises(L.VaultBusy):
        late.hold_shared(0)  # nobody opens it while the passphrase changes
    window.downgrade()
    late.hold_shared(0)
    with pytest.raises(L.VaultBusy), L.exclusive(path):  # a restore is refused while it is open
        pass
    window.release()
    late.release()
    with L.exclusive(path):
        with pytest.raises(L.VaultBusy):
            L.VaultLock(path).hold_shared(0)


def test_a_failed_exclusive_attempt_takes_nothing(path):
    a, b = L.VaultLock(path), L.VaultLock(path)
    a.hold_shared(0)
    b.hold_shared(0)
    assert not a.try_exclusive()
    c = L.VaultLock(path)
    c.hold_shared(0)  # the gate and the free slots were given back
    c.release()
    b.release()
    assert a.try_exclusive()
    a.release()
    assert L.VaultLock(path).try_exclusive()


def test_when_every_slot_is_taken_the_next_open_is_told_the_vault_is_busy(path, monkeypatch):
    monkeypatch.setattr(L, "SLOTS", 2)
    holders = [L.VaultLock(path), L.VaultLock(path)]
    for h in holders:
        h.hold_shared(0)
    with pytest.raises(L.VaultBusy):
        L.VaultLock(path).hold_shared(0)
    holders[0].release()
    L.VaultLock(path).hold_shared(0)
