"""The window driven as an adviser would: create, unlock, organisations, cases, conversations, lock."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tests.conftest import PASSPHRASE
from tests.ui.jobs import finish
from ui.main_window import PAGES


def create(window, qtbot):
    window.welcome.pass1.setText(PASSPHRASE)
    window.welcome.pass2.setText(PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=20_000):   # the key is derived on a worker thread
        qtbot.mouseClick(window.welcome.create_button, Qt.MouseButton.LeftButton)
    assert window.workspace is not None, window.welcome.message.text()
    return window.workspace


def add_org(ws, qtbot, name="Gemeente Voorbeeld", units="ICT\nPubliekszaken"):
    ws.nav.setCurrentRow(2)
    ws.organisations.add_button.click()
    dlg = ws.organisations.dialog
    dlg.name.setText(name)
    dlg.units.setPlainText(units)
    dlg.save()
    assert not dlg.isVisible()


def new_case(ws, behaviour="pesten"):
    ws.new_case()
    dlg = ws.case_dialog
    dlg.position.set_code("medewerker")
    dlg.role.set_code("betrokkene")
    dlg.behaviour.set_code(behaviour)
    dlg.relation.set_code("leidinggevende")
    dlg.save()
    assert not dlg.isVisible(), dlg.general.text()
    return ws.cases.view.case


def test_create_case_contact_close_and_reopen(window, qtbot, dialogs):
    ws = create(window, qtbot)
    add_org(ws, qtbot)
    assert ws.organisations.model.rowCount() == 1
    case = new_case(ws)
    assert case is not None and case.code == f"{date.today().year}-001"
    editor = ws.edit_contact(None)
    editor.template_combo.setCurrentIndex(0)  # no checklist
    editor.notes.setPlainText("Verhaal aangehoord; afspraak over twee weken. MARKER-7731")
    assert editor.save(replace=[])
    assert len(ws.cases.view.case.contacts) == 1
    ws.close_case()
    assert ws.repo.get_case(case.id).closed is not None
    window.lock()
    assert window.workspace is None
    assert window.stack.currentWidget() is window.unlock_page
    finish(qtbot, window.unlock(PASSPHRASE))
    ws = window.workspace
    ws.goto_case(case.id)
    shown = ws.cases.view.case
    assert shown.code == case.code and shown.closed is not None
    assert "MARKER-7731" in shown.contacts[0].notes
    timeline = [ws.cases.view.timeline.item(i).text() for i in range(ws.cases.view.timeline.count())]
    assert any("MARKER-7731" in t for t in timeline)


def test_validation_error_next_to_field_keeps_input(window, qtbot):
    ws = create(window, qtbot)
    add_org(ws, qtbot)
    ws.new_case()
    dlg = ws.case_dialog
    dlg.code.setText("Jan de Vries")
    dlg.save()
    assert dlg.isVisible()
    assert dlg.errors["code"].isVisible() and dlg.errors["code"].text()
    assert dlg.code.text() == "Jan de Vries"
    assert ws.repo.counts()["cases"] == 0


def test_wrong_passphrase_shows_message(window, qtbot):
    create(window, qtbot)
    window.lock()
    finish(qtbot, window.unlock("not the passphrase"))
    assert window.workspace is None
    assert window.unlock_page.message.text()
    assert "Traceback" not in window.unlock_page.message.text()


def test_auto_lock_on_fake_clock_clears_views(window, qtbot, clock):
    ws = create(window, qtbot)
    add_org(ws, qtbot)
    new_case(ws)
    assert ws.cases.model.rowCount() == 1
    clock.now += 60
    window.idle.check()
    assert window.workspace is not None  # not idle long enough
    clock.now += 5 * 60
    with qtbot.waitSignal(window.locked):
        window.idle.check()
    assert window.workspace is None
    assert not window.session.is_open
    assert window.stack.currentWidget() is window.unlock_page


def test_lock_while_editing_keeps_draft(window, qtbot):
    ws = create(window, qtbot)
    add_org(ws, qtbot)
    case = new_case(ws)
    editor = ws.edit_contact(None)
    editor.notes.setPlainText("Half geschreven notitie DRAFT-4410")
    window.lock()
    assert window.workspace is None
    finish(qtbot, window.unlock(PASSPHRASE))
    ws = window.workspace
    assert ws.editors, "the draft editor is reopened after unlocking"
    restored = ws.editors[0]
    assert "DRAFT-4410" in restored.notes.toPlainText()
    assert restored.case.id == case.id
    assert restored.save(replace=[])
    assert ws.repo.drafts() == {}


def test_language_switch_keeps_data(window, qtbot):
    ws = create(window, qtbot)
    add_org(ws, qtbot)
    new_case(ws)
    assert ws.nav.item(0).text() == "Overzicht"
    ws.nav.setCurrentRow(PAGES.index("settings"))
    ws.settings.language.setCurrentIndex(ws.settings.language.findData("en"))
    ws.settings.save()
    ws = window.workspace
    assert ws.nav.item(0).text() == "Overview"
    assert ws.repo.counts()["cases"] == 1
    ws.nav.setCurrentRow(PAGES.index("settings"))
    ws.settings.language.setCurrentIndex(ws.settings.language.findData("nl"))
    ws.settings.save()
    assert window.workspace.nav.item(0).text() == "Overzicht"


def test_window_title_never_shows_content(window, qtbot):
    ws = create(window, qtbot)
    add_org(ws, qtbot)
    new_case(ws)
    assert window.windowTitle() == "Vertrouwd"


def test_shortcuts(window, qtbot):
    create(window, qtbot)
    assert window.act_new.shortcut().toString() == "Ctrl+N"
    assert window.act_find.shortcut().toString() == "Ctrl+F"
    assert window.act_lock.shortcut().toString() == "Ctrl+L"
    window.act_lock.trigger()
    assert window.workspace is None


def test_supervisor_mode_from_the_start_screen(window, qtbot, tmp_path):
    store = tmp_path / "sup.store"
    window.open_supervisor(store)
    sup = window.supervisor_window
    qtbot.addWidget(sup)
    assert sup.is_new
    sup.passphrase.setText("supervisor passphrase")
    sup.repeat.setText("supervisor passphrase")
    finish(qtbot, sup.open_store())             # the key is derived on a worker thread
    assert sup.supervisor is not None and store.exists()
    assert b"supervisor passphrase" not in store.read_bytes()


def test_backup_passphrase_change_and_restore_in_the_window(window, qtbot, dialogs, tmp_path):
    ws = create(window, qtbot)
    add_org(ws, qtbot)
    new_case(ws)
    backup = tmp_path / "b.vbak"
    dialogs.paths = [str(backup)]
    window.backup()
    with qtbot.waitSignal(window.job.finished, timeout=20_000):
        pass
    assert backup.exists() and dialogs.asked[-1][0] == "info"
    assert b"Gemeente Voorbeeld" not in backup.read_bytes()
    # change the passphrase off the GUI thread
    window.change_passphrase()
    dlg = window.passphrase_dialog
    dlg.current.setText(PASSPHRASE)
    dlg.new1.setText("een nieuwe lange wachtzin")
    dlg.new2.setText("een nieuwe lange wachtzin")
    dlg.check()
    with qtbot.waitSignal(window.job.finished, timeout=20_000):
        pass
    window.lock()
    finish(qtbot, window.unlock(PASSPHRASE))
    assert window.workspace is None  # the old passphrase fails
    finish(qtbot, window.unlock("een nieuwe lange wachtzin"))
    assert window.workspace is not None
    ws = window.workspace
    ws.show_page(PAGES.index("settings"))  # the key derivation chosen for the new passphrase is shown
    p = window.session.vault.kdf_params
    assert ws.settings.kdf.text() == f"Argon2id, {p.memory_kib // 1024} MiB, {p.iterations} rondes"
    ws.repo.add_organisation("Later toegevoegd")
    window.lock()
    # restore the backup (made with the old passphrase) over the vault
    dialogs.paths = [str(backup)]
    dialogs.passphrases = [PASSPHRASE]
    window.restore()
    with qtbot.waitSignal(window.job.finished, timeout=20_000):
        pass
    finish(qtbot, window.unlock(PASSPHRASE))
    names = [o.name for o in window.workspace.repo.list_organisations()]
    assert names == ["Gemeente Voorbeeld"]


def test_import_in_the_window_all_or_nothing(window, qtbot, dialogs, tmp_path):
    import json
    ws = create(window, qtbot)
    good = {"format": "vertrouwd-data/1", "organisations": [{"name": "Org"}],
            "cases": [{"code": "2026-001", "organisation": "Org", "opened": "2026-02-01",
                       "reporter_role": "medewerker", "behaviour": "pesten", "accused_relation": "collega",
                       "follow_up": "lopend"}]}
    bad = json.loads(json.dumps(good))
    bad["cases"].append(dict(good["cases"][0], code="2026-002", behaviour="onzin"))
    (tmp_path / "bad.json").write_text(json.dumps(bad), "utf-8")
    (tmp_path / "good.json").write_text(json.dumps(good), "utf-8")
    dialogs.paths = [str(tmp_path / "bad.json")]
    window.import_data()
    with qtbot.waitSignal(window.job.finished, timeout=20_000):
        pass
    assert dialogs.asked[-1][0] == "error" and "behaviour" in dialogs.asked[-1][1]
    assert ws.repo.counts()["cases"] == 0 and ws.repo.counts()["organisations"] == 0
    dialogs.paths = [str(tmp_path / "good.json")]
    window.import_data()
    with qtbot.waitSignal(window.job.finished, timeout=20_000):
        pass
    assert dialogs.asked[-1][0] == "info"
    assert ws.repo.counts()["cases"] == 1


def test_screen_lock_or_sleep_locks_the_vault(window, qtbot):
    ws = create(window, qtbot)
    add_org(ws, qtbot)
    editor = ws.edit_contact(None) if ws.cases.view.case else None
    assert editor is None  # no case selected yet: nothing to edit
    # the platform watcher (D-Bus screensaver / logind sleep) reports a lock
    with qtbot.waitSignal(window.locked):
        window.platform._on_signal(True)
    assert window.workspace is None and not window.session.is_open
    window.platform._on_signal(False)  # unlocking the screen does not unlock the vault
    assert not window.session.is_open


def test_extra_behaviour_list_does_not_offer_the_primary_one(window, qtbot):
    ws = create(window, qtbot)
    add_org(ws, qtbot)
    ws.new_case()
    dlg = ws.case_dialog
    dlg.behaviour.set_code("discriminatie")
    hidden = [dlg.extra.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dlg.extra.count())
              if dlg.extra.item(i).isHidden()]
    assert hidden == ["discriminatie"]
    dlg.behaviour.set_code("pesten")
    hidden = [dlg.extra.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dlg.extra.count())
              if dlg.extra.item(i).isHidden()]
    assert hidden == ["pesten"]
    dlg.reject()
