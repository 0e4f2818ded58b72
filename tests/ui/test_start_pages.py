"""Creating and unlocking the vault run on a worker thread with a busy page; the welcome page says where the
vault goes and lets the adviser choose another folder."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from app import paths
from app.store import kdf
from app.store.session import Session
from tests.conftest import PASSPHRASE
from tests.ui.jobs import finish


@pytest.fixture
def slow_kdf(monkeypatch):
    """Key derivation that waits until the test lets it go, and notes the thread it ran on."""
    gate = threading.Event()
    threads: list[threading.Thread] = []
    real = kdf.derive_key

    def derive(passphrase, params):
        threads.append(threading.current_thread())
        assert gate.wait(20), "the test never released the key derivation"
        return real(passphrase, params)

    monkeypatch.setattr(kdf, "derive_key", derive)
    return gate, threads


def _fill_welcome(window, passphrase=PASSPHRASE):
    window.welcome.pass1.setText(passphrase)
    window.welcome.pass2.setText(passphrase)


def test_unlock_runs_on_a_worker_thread_while_the_page_is_busy(window, qtbot, slow_kdf):
    gate, threads = slow_kdf
    gate.set()
    with qtbot.waitSignal(window.unlocked, timeout=20_000):
        _fill_welcome(window)
        window.welcome.create_button.click()
    window.lock()
    gate.clear()
    threads.clear()
    page = window.unlock_page
    page.passphrase.setText(PASSPHRASE)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: bool(threads), timeout=10_000)
    assert threads[0] is not threading.main_thread()
    assert page.busy.isVisible() and not page.passphrase.isEnabled() and not page.unlock_button.isEnabled()
    assert page.busy.label.text()                 # says what it is doing (in the window's language)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    qtbot.waitUntil(lambda: len(ticks) >= 3, timeout=5_000)   # the event loop keeps turning meanwhile
    timer.stop()
    assert window.workspace is None
    with qtbot.waitSignal(window.unlocked, timeout=20_000):
        gate.set()
    assert window.workspace is not None and not page.busy.isVisible()


def test_create_shows_busy_state_and_opens_the_vault(window, qtbot, slow_kdf, vault_path):
    gate, threads = slow_kdf
    _fill_welcome(window)
    window.welcome.create_button.click()
    qtbot.waitUntil(lambda: bool(threads), timeout=10_000)
    assert threads[0] is not threading.main_thread()
    welcome = window.welcome
    assert welcome.busy.isVisible() and not welcome.create_button.isEnabled()
    assert not welcome.pass1.isEnabled() and not welcome.choose_button.isEnabled()
    with qtbot.waitSignal(window.unlocked, timeout=20_000):
        gate.set()
    assert vault_path.exists() and window.session.is_open


def test_wrong_passphrase_through_the_button(window, qtbot):
    with qtbot.waitSignal(window.unlocked, timeout=20_000):
        _fill_welcome(window)
        window.welcome.create_button.click()
    window.lock()
    page = window.unlock_page
    page.passphrase.setText("not the passphrase at all")
    finish(qtbot, window.unlock(page.passphrase.text()))
    text = page.message.text()
    assert window.workspace is None and ("Wrong passphrase" in text or "Verkeerde wachtwoordzin" in text)
    assert page.passphrase.isEnabled() and not page.busy.isVisible()


def test_a_lock_while_unlocking_keeps_the_vault_closed(window, qtbot, slow_kdf):
    gate, threads = slow_kdf
    gate.set()
    with qtbot.waitSignal(window.unlocked, timeout=20_000):
        _fill_welcome(window)
        window.welcome.create_button.click()
    window.lock()
    gate.clear()
    threads.clear()
    job = window.unlock(PASSPHRASE)
    qtbot.waitUntil(lambda: bool(threads), timeout=10_000)
    window.lock()                       # the screen locks while the key is derived
    gate.set()
    finish(qtbot, job)
    assert not window.session.is_open and window.workspace is None
    assert window.stack.currentWidget() is window.unlock_page


def test_welcome_page_says_where_the_vault_goes(window, vault_path):
    welcome = window.welcome
    assert welcome.location == vault_path
    assert welcome.location_label.toolTip() == str(vault_path)
    assert welcome.location_label.text()            # the folder, elided in the middle when long


def test_choose_another_folder_creates_and_remembers_the_vault_there(window, qtbot, dialogs, tmp_path):
    folder = tmp_path / "Versleutelde schijf"
    folder.mkdir()
    dialogs.paths = [str(folder)]
    window.welcome.choose_button.click()
    assert ("folder", "Folder for your vault") in dialogs.asked
    assert window.welcome.location == folder / "vertrouwd.vault"
    with qtbot.waitSignal(window.unlocked, timeout=20_000):
        _fill_welcome(window)
        window.welcome.create_button.click()
    assert (folder / "vertrouwd.vault").exists()
    assert paths.current_vault() == (folder / "vertrouwd.vault").resolve()   # the next start opens it


def test_choosing_a_folder_with_a_vault_opens_it(window, qtbot, dialogs, tmp_path):
    existing = tmp_path / "elders"
    s = Session(existing / "vertrouwd.vault")
    s.create(PASSPHRASE)
    s.lock()
    dialogs.paths = [str(existing)]
    window.welcome.choose_button.click()
    assert window.stack.currentWidget() is window.unlock_page
    finish(qtbot, window.unlock(PASSPHRASE))
    assert window.session.is_open and window.session.path == existing / "vertrouwd.vault"


def test_cancelling_the_folder_dialog_changes_nothing(window, dialogs, vault_path):
    dialogs.paths = []
    window.welcome.choose_button.click()
    assert window.welcome.location == vault_path and window.session.path == vault_path


def test_a_folder_without_write_access_is_refused(window, dialogs, tmp_path, monkeypatch, vault_path):
    import ui.unlock
    monkeypatch.setattr(ui.unlock.os, "access", lambda path, mode: False)
    dialogs.paths = [str(tmp_path)]
    window.welcome.choose_button.click()
    assert "cannot save files" in window.welcome.message.text()
    assert window.session.path == vault_path


def test_a_vault_that_cannot_be_made_gives_a_message(window, qtbot, tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    window.session.path = blocker / "vertrouwd.vault"
    finish(qtbot, window.create_vault(PASSPHRASE))
    text = window.welcome.message.text()
    assert "could not be made" in text and "Traceback" not in text
    assert window.workspace is None and window.welcome.create_button.isEnabled()


def test_remembered_location_is_used_by_the_command_line(tmp_path):
    from app import cli
    chosen = tmp_path / "usb" / "vertrouwd.vault"
    chosen.parent.mkdir()
    paths.remember_vault(chosen)
    assert cli.default_vault_path() == chosen.resolve()
    paths.remember_vault(paths.default_vault())          # back to the default: the note is removed
    assert not paths.location_file().exists()
    assert cli.default_vault_path() == paths.default_vault()
    assert isinstance(paths.current_vault(), Path)


def test_a_fault_of_the_program_while_unlocking_is_said_not_swallowed(window, qtbot, monkeypatch):
    with qtbot.waitSignal(window.unlocked, timeout=20_000):
        _fill_welcome(window)
        window.welcome.create_button.click()
    window.lock()

    def broken(passphrase):
        raise RuntimeError("a bug")
    monkeypatch.setattr(window.session, "open_vault", broken)
    finish(qtbot, window.unlock(PASSPHRASE))
    page = window.unlock_page
    assert "RuntimeError" in page.message.text() and page.passphrase.isEnabled()
    assert not window.session.is_open


def test_supervisor_store_opens_on_a_worker_thread(qtbot, tmp_path, monkeypatch):
    from app.exchange import supervisor
    from ui.supervisor_start import SupervisorStart

    gate, threads = threading.Event(), []
    real = supervisor._derive

    def derive(passphrase, params):
        threads.append(threading.current_thread())
        assert gate.wait(20), "the test never released the key derivation"
        return real(passphrase, params)
    monkeypatch.setattr(supervisor, "_derive", derive)
    store = tmp_path / "sup.store"
    start = SupervisorStart(store)
    qtbot.addWidget(start)
    start.passphrase.setText("supervisor passphrase")
    start.repeat.setText("supervisor passphrase")
    job = start.open_store()
    qtbot.waitUntil(lambda: bool(threads), timeout=10_000)
    assert threads[0] is not threading.main_thread()
    assert not start.button.isEnabled() and not start.busy.isHidden()
    gate.set()
    finish(qtbot, job)
    assert start.supervisor is not None and store.exists()

    again = SupervisorStart(store)
    qtbot.addWidget(again)
    again.passphrase.setText("not the supervisor passphrase")
    finish(qtbot, again.open_store())
    assert again.supervisor is None and again.message.text() and again.button.isEnabled()


def test_a_remembered_folder_that_is_not_there_is_said(qtbot, tmp_path):
    from ui.unlock import WelcomePage

    page = WelcomePage()
    qtbot.addWidget(page)
    stick = tmp_path / "USB-stick"
    stick.mkdir()
    paths.remember_vault(stick / "vertrouwd.vault")
    stick.rmdir()                                   # the drive is not connected at the next start
    page.set_location(paths.current_vault())
    assert "cannot be found" in page.message.text()
    page.message.clear()
    page.set_location(tmp_path / "new" / "vertrouwd.vault")   # --vault in a new folder: made when needed
    assert not page.message.text()


def test_a_long_folder_is_elided_in_the_middle_and_fits(qtbot):
    from ui.unlock import WelcomePage

    page = WelcomePage()
    qtbot.addWidget(page)
    vault = Path("/home/Zoë") / ("OneDrive - Praktijk Vertrouwenspersonen " * 4) / "vertrouwd.vault"
    page.set_location(vault)
    shown = page.location_label.text()
    assert "…" in shown and shown.startswith("/home/Zo") and shown.endswith("Vertrouwenspersonen ")
    assert page.location_label.fontMetrics().horizontalAdvance(shown) <= 300
    assert page.location_label.toolTip() == str(vault)          # the whole path on hover
