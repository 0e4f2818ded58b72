"""The annual report page and its worker, driven with a real (demo) vault.

Waiting is always on a signal (the page's ``refreshed`` / ``export_finished`` or a job's
``finished``), never on time.
"""
from __future__ import annotations

import csv
import io
import json
import threading
from dataclasses import replace
from datetime import date
from html import escape
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QWidget

from app import demo, fsutil
from app.errors import UserError
from app.reporting import content
from app.reporting import report as R
from app.reporting.aggregate import years_with_data
from app.reporting.html import preview_html
from app.store.session import Session
from tests.conftest import PASSPHRASE
from tests.ui.jobs import finish
from ui import theme
from ui import worker as W
from ui.report.page import ReportPage
from ui.report.tables import PublishedTableModel
from ui.seams import ScriptedDialogs

TODAY = date(2025, 6, 30)
WAIT = 30_000   # ms; a generous ceiling for a slow shared machine, not a timing assertion
VALUE = PublishedTableModel.VALUE_ROLE
REASON = PublishedTableModel.REASON_ROLE


# --------------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory):
    """One demo vault for the module, copied per test (generating and protecting take time)."""
    from app.store.repository import Repository
    from app.store.vault import Vault
    from tests.conftest import fast_params
    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.vault"
    v = Vault.create(path, PASSPHRASE, params=fast_params(), allow_weak=True)
    demo.generate(Repository(v), 160, orgs=2, years=2, seed=3, today=TODAY)
    v.close()
    return folder


@pytest.fixture
def session(demo_vault, tmp_path):
    import shutil
    target = tmp_path / "vault"
    shutil.copytree(demo_vault, target)
    s = Session(target / "demo.vault")
    s.unlock(PASSPHRASE)
    yield s
    s.lock()


@pytest.fixture
def dialogs():
    return ScriptedDialogs(confirm=True)


@pytest.fixture
def page(qtbot, session, dialogs):
    p = ReportPage(session, "en", dialogs)
    p.opened: list[Path] = []
    p.exports.open_file = p.opened.append
    qtbot.addWidget(p)
    p.resize(1200, 800)
    with qtbot.waitSignal(p.refreshed, timeout=WAIT):
        p.load()
    yield p
    p.runner_wait()


def _runner_wait(self) -> None:
    runner = self.findChild(W.Runner)
    if runner is not None:
        runner.wait()


ReportPage.runner_wait = _runner_wait


def choose(qtbot, page, *, org=..., year=..., k=None, lang=None) -> None:
    """Change the selection and wait until the page shows the result for it."""
    if org is not ...:   # a name as shown, or None for all organisations
        combo = page.selection.org_combo
        combo.setCurrentIndex(combo.findData(None) if org is None else combo.findText(org))
    if year is not ...:
        page.selection.year_combo.setCurrentIndex(page.selection.year_combo.findData(year))
    if k is not None:
        page.selection.threshold_spin.setValue(k)
    if lang is not None:
        page.selection.lang_combo.setCurrentIndex(page.selection.lang_combo.findData(lang))
    qtbot.waitUntil(lambda: page.prep_key == page.key() and page.prepare_job is None, timeout=WAIT)


def figures(page):
    """(table id, unit, model, row, col) for every figure shown in the page's table widgets."""
    out = []
    for tid, view in page.tables.views.items():
        m = view.model()
        for r in range(m.rowCount()):
            for c in range(1, m.columnCount()):
                out.append((tid, m.t["unit"], m, r, c))
    return out


def org_names(session):
    return [o.name for o in session.repo.list_organisations()]


# --------------------------------------------------------------------------------- the worker
def test_worker_runs_off_the_gui_thread_and_delivers_on_it(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = {}

    def work(report, a, b=0):
        seen["work"] = threading.get_ident()
        report(0.5, "half")
        return a + b

    done = []
    job = W.run_in_thread(parent, work, 2, b=3, on_done=lambda r: (done.append(r),
                                                                   seen.__setitem__("done", threading.get_ident())))
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        pass
    assert done == [5] and job.result == 5 and job.error is None and job.done
    assert seen["work"] != threading.get_ident()
    assert seen["done"] == threading.get_ident()


def test_worker_reports_errors_and_progress(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    bar = QProgressBar(parent)
    bar.hide()
    steps = []

    def work(report):
        report(0.25, "a quarter")
        report(1.0, "all 100% done")
        raise UserError("The folder is gone; choose another.")

    errors = []
    job = W.run_in_thread(parent, work, on_error=errors.append, progress=bar, text="starting")
    job.progressed.connect(lambda f, t: steps.append((f, t, bar.value(), bar.format())))
    assert not bar.isHidden() and bar.maximum() == 0      # shown, busy until the first report
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        pass
    assert [s[:2] for s in steps] == [(0.25, "a quarter"), (1.0, "all 100% done")]
    assert steps[0][2] == 25 and steps[1][2] == 100
    assert "%%" in steps[1][3]           # a literal % in the text is escaped for Qt's format
    assert len(errors) == 1 and isinstance(errors[0], UserError) and job.error is errors[0]
    assert bar.isHidden()                 # hidden again: it was hidden before the job


def test_worker_progress_dialog_and_busy_mode(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    dlg = QProgressDialog(parent)
    dlg.setMinimumDuration(0)
    labels = []

    def work(report):
        report(-1, "counting")
        return "ok"

    job = W.run_in_thread(parent, work, progress=dlg, text="start")
    job.progressed.connect(lambda f, t: labels.append((dlg.labelText(), dlg.maximum())))
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        pass
    assert labels == [("counting", 0)]   # below 0: busy, no amount
    assert job.result == "ok" and dlg.isHidden()


def test_worker_runs_jobs_one_at_a_time_in_order(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    running = threading.Lock()
    overlaps, order, results = [], [], []

    def work(report, n):
        if not running.acquire(blocking=False):
            overlaps.append(n)
            return n
        try:
            order.append(n)
            sum(range(20_000))
        finally:
            running.release()
        return n

    jobs = [W.run_in_thread(parent, work, n, on_done=results.append) for n in range(6)]
    with qtbot.waitSignals([j.finished for j in jobs], timeout=WAIT):
        pass
    assert overlaps == [] and order == list(range(6)) and results == list(range(6))
    assert not W.runner_for(parent).busy


def test_worker_holds_the_lock_and_cancels(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    lock = threading.Lock()
    held = []
    gate = threading.Event()

    def first(report):
        gate.wait(10)
        return "first"

    def second(report):
        held.append(lock.locked())
        return "second"

    j1 = W.run_in_thread(parent, first)
    j2 = W.run_in_thread(parent, second, lock=lock)
    j3 = W.run_in_thread(parent, second)
    j3.cancel()                         # still queued behind j1: never runs
    gate.set()
    with qtbot.waitSignals([j1.finished, j2.finished, j3.finished], timeout=WAIT):
        pass
    assert held == [True] and not lock.locked()
    assert j2.result == "second"
    assert isinstance(j3.error, W.Cancelled) and j3.cancelled


def test_worker_cancel_inside_the_work(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    started, go_on = threading.Event(), threading.Event()

    def work(report):
        started.set()
        go_on.wait(10)
        report(0.5, "never shown")
        return "not reached"

    job = W.run_in_thread(parent, work)
    assert started.wait(10)
    job.cancel()
    go_on.set()
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        pass
    assert isinstance(job.error, W.Cancelled) and job.result is None


def test_deleting_the_parent_waits_for_the_job_and_drops_its_result(qtbot):
    parent = QWidget()
    started, release = threading.Event(), threading.Event()
    delivered = []

    def work(report):
        started.set()
        release.wait(10)
        return "late"

    W.run_in_thread(parent, work, on_done=delivered.append)
    helper = threading.Thread(target=lambda: (started.wait(10), release.set()))
    helper.start()
    shiboken6.delete(parent)            # blocks until the job has ended; no crash
    helper.join(10)
    qtbot.wait(1)                       # let queued signals (if any) be delivered
    assert delivered == []


# --------------------------------------------------------------------------------- loading and tables
def test_page_loads_choices_and_tables(page, session):
    names = org_names(session)
    combo = page.selection.org_combo
    ids = {o.name: o.id for o in session.repo.list_organisations()}
    assert [combo.itemData(i) for i in range(combo.count())] == [ids[n] for n in names] + [None]   # all last
    assert [combo.itemText(i) for i in range(combo.count() - 1)] == names
    assert page.selection.org_id == ids[names[0]] and page.selection.org_name == names[0]
    years = [page.selection.year_combo.itemData(i) for i in range(page.selection.year_combo.count())]
    assert years == years_with_data(session.repo, session.repo.organisation(names[0]).id) and years
    assert page.selection.threshold_spin.value() == 5 and page.selection.threshold_spin.minimum() == 3
    prep = page.prep
    assert prep is not None and prep.report["organisation"] == names[0]
    assert list(page.tables.views) == [tb["id"] for tb in prep.report["tables"]]
    tot = prep.report["totals"]
    assert f"<b>{tot['cases']}</b>" in page.summary_label.text()
    assert f"<b>{prep.protection.hidden_cells}</b>" in page.summary_label.text()
    assert escape(prep.report["method"]) in page.method.label.text()
    assert page.pdf_button.isEnabled()


def test_published_figures_only_and_hidden_cells_marked(page, qtbot):
    choose(qtbot, page, k=6)
    k = page.prep.report["threshold"]
    assert k == 6
    hidden = 0
    for tid, unit, m, r, c in figures(page):
        value = m.index(r, c).data(VALUE)
        text = m.index(r, c).data(Qt.ItemDataRole.DisplayRole)
        if value is None:
            hidden += 1
            assert text == "x"
            assert m.index(r, c).data(REASON) in ("primair", "secundair", "groep", "totaal")
            assert m.index(r, c).data(Qt.ItemDataRole.ToolTipRole)
            assert m.index(r, c).data(Qt.ItemDataRole.BackgroundRole).color() == theme.cell_colours("hidden")[1]
        else:
            assert text != "x"
            if unit != "hours":
                assert value == 0 or value >= k, (tid, r, c, value)
    assert hidden > 0
    # what the widgets show is exactly the published JSON, computed independently here
    again = R.build_report(page.repo, R.resolve(page.repo, page.selection.org_name, page.selection.year, 6, "en"))
    for tb in again["tables"]:
        m = page.tables.views[tb["id"]].model()
        for r in range(len(tb["rows"])):
            for c in range(len(tb["cells"][r])):
                assert m.index(r, c + 1).data(VALUE) == tb["cells"][r][c]
        assert m.index(m.rowCount() - 1, m.columnCount() - 1).data(VALUE) == tb["total"]


def test_reasons_follow_the_protection(page):
    prep = page.prep
    found = set()
    for tid, view in page.tables.views.items():
        m = view.model()
        reasons = prep.protection.reasons[tid]
        for r, row in enumerate(reasons):
            for c, why in enumerate(row):
                if why is not None:
                    assert m.index(r, c + 1).data(REASON) == why
                    found.add(why)
    assert "primair" in found


def test_table_model_labels_and_two_way_totals():
    tb = {"id": "behaviour_relation", "unit": "cases", "rows": ["pesten", "overig"], "cols": ["collega", "derde"],
          "cells": [[7, None], [None, 0]], "row_totals": [9, None], "col_totals": [None, 5], "total": 12}
    heads = {"total": "Total", "count": "Number", "hours": "Hours", "category": "Category", "mark": "x"}
    why = {"primair": "small", "secundair": "protects", "groep": "group", "totaal": "total"}
    m = PublishedTableModel(tb, lambda axis, code: f"{axis}:{code}", [[None, "primair"], ["groep", None]],
                            lang="nl", headings=heads, why=why)
    assert (m.rowCount(), m.columnCount()) == (3, 4)
    assert m.headerData(1, Qt.Orientation.Horizontal) == "cols:collega"
    assert m.headerData(3, Qt.Orientation.Horizontal) == "Total"
    assert m.index(2, 0).data() == "Total" and m.index(0, 0).data() == "rows:pesten"
    assert m.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == "small"
    assert m.index(1, 1).data(Qt.ItemDataRole.ToolTipRole) == "group"
    assert m.index(1, 3).data() == "x" and m.index(1, 3).data(REASON) == "totaal"
    assert m.index(2, 1).data(REASON) == "totaal" and m.index(2, 2).data() == "5"
    assert m.index(2, 3).data(VALUE) == 12 and m.index(0, 3).data() == "9"
    hours = dict(tb, unit="hours", cells=[[1234.5, None], [None, 0]], total=1250.25)
    mh = PublishedTableModel(hours, lambda a, c: c, None, lang="nl", headings=heads, why=why)
    assert mh.index(0, 1).data() == "1.234,5" and mh.index(2, 3).data() == "1.250,25"
    assert mh.index(0, 2).data(REASON) == "secundair"   # no reason given: protects another cell


def test_choosing_year_org_and_language(page, qtbot, session):
    names = org_names(session)
    years = years_with_data(session.repo, session.repo.organisation(names[0]).id)
    other = years[-1] if years[-1] != page.selection.year else years[0]
    choose(qtbot, page, year=other)
    assert page.prep.report["year"] == other
    choose(qtbot, page, org=None)
    assert page.prep.report["organisation"] == R.texts("en")["all_organisations"]
    assert page.prep.organisation is None
    assert not page.narrative.editor.isEnabled()
    assert R.texts("en")["note_unit_not_for_all"] in page.tables.notes_label.text()
    choose(qtbot, page, org=names[1], lang="nl")
    assert page.prep.lang == "nl" and page.prep.report["organisation"] == names[1]
    behaviour = next(tb for tb in page.prep.report["tables"] if tb["id"] == "behaviour")
    shown = [page.tables.views["behaviour"].model().index(r, 0).data() for r in range(len(behaviour["rows"]))]
    assert shown == [R.code_label("behaviour", "rows", c, "nl") for c in behaviour["rows"]]
    assert "Pesten" in shown and page.tables.views["behaviour"].model().headerData(0, Qt.Orientation.Horizontal) == "Categorie"


def test_threshold_cannot_go_below_three(page, qtbot):
    page.selection.threshold_spin.setValue(2)
    assert page.selection.threshold_spin.value() == 3
    choose(qtbot, page)
    assert page.prep.report["threshold"] == 3


def test_a_stale_result_is_ignored(page, qtbot, session):
    years = [page.selection.year_combo.itemData(i) for i in range(page.selection.year_combo.count())]
    assert len(years) >= 2
    shown = page.prep
    old_key = page.key()
    # a result arrives for a selection the adviser has already left
    page.want = replace(old_key, threshold=old_key.threshold + 1)
    page._prepared(old_key, R.prepare(session.repo, replace(old_key, threshold=9, language="en")))
    assert page.prep is shown                      # not shown
    assert page.prepare_job is not None            # the newest selection is computed instead
    page.selection.threshold_spin.setValue(old_key.threshold + 1)
    qtbot.waitUntil(lambda: page.prepare_job is None and page.prep_key == page.key(), timeout=WAIT)
    assert page.prep.report["threshold"] == old_key.threshold + 1
    # quick changes: only the last selection ends up on screen
    page.selection.year_combo.setCurrentIndex(page.selection.year_combo.findData(years[1]))
    page.selection.year_combo.setCurrentIndex(page.selection.year_combo.findData(years[0]))
    qtbot.waitUntil(lambda: page.prepare_job is None and page.prep_key == page.key(), timeout=WAIT)
    assert page.prep.report["year"] == years[0]


# --------------------------------------------------------------------------------- the narrative
def test_narrative_is_saved_per_organisation_and_year(page, qtbot, session):
    repo = session.repo
    names = org_names(session)
    orgs = {o.name: o.id for o in repo.list_organisations()}
    years = [page.selection.year_combo.itemData(i) for i in range(page.selection.year_combo.count())]
    y0, y1 = years[0], years[1]
    choose(qtbot, page, year=y0)
    page.narrative.editor.setPlainText("Signalen over de werkdruk in het team.")
    choose(qtbot, page, year=y1)                   # switching saves
    assert repo.report_text(orgs[names[0]], y0) == "Signalen over de werkdruk in het team."
    assert page.narrative.editor.toPlainText() == ""
    page.narrative.editor.setPlainText("Tweede jaar: voorlichting gewenst.")
    choose(qtbot, page, org=names[1])
    assert repo.report_text(orgs[names[0]], y1) == "Tweede jaar: voorlichting gewenst."
    assert repo.report_text(orgs[names[1]], page.selection.year) == ""
    choose(qtbot, page, org=names[0], year=y0)
    assert page.narrative.editor.toPlainText() == "Signalen over de werkdruk in het team."
    assert not page.narrative.editor.document().isModified()
    assert not page.narrative.editor.document().isUndoAvailable()   # the undo history of the other text is gone


def test_narrative_autosaves_and_flags_identifiers(page, qtbot, session):
    repo = session.repo
    org_id = page.selection.org_id
    page.narrative.save_timer.setInterval(5)
    page.narrative.editor.setPlainText("Bel Jan de Vries op 06-12345678 over de casus.")
    with qtbot.waitSignal(page.narrative.save_timer.timeout, timeout=WAIT):
        pass
    assert repo.report_text(org_id, page.selection.year).startswith("Bel Jan de Vries")
    assert not page.narrative.flag_label.isHidden()
    assert page.narrative.flagged_kinds()
    assert "Jan de Vries" in page.preview.toPlainText()
    page.narrative.editor.setPlainText("Patronen, geen personen.")
    page.save_narrative()
    page.narrative.show_flags()
    assert page.narrative.flag_label.isHidden()


def test_preview_shows_the_published_figures(page):
    text = page.preview.toPlainText()
    prep = page.prep
    assert R.texts("en")["doc_title"] in text
    for tb in prep.report["tables"]:
        assert R.table_title(tb["id"], "en") in text
    assert "x" in text
    html = preview_html(prep, "Eerste alinea.\n\nTweede <alinea>.")
    assert "Tweede &lt;alinea&gt;." in html and "<script" not in html


# --------------------------------------------------------------------------------- exports
def _export(page, qtbot, fmt):
    button = {"pdf": page.pdf_button, "csv": page.csv_button, "json": page.json_button,
              "vstat": page.vstat_button}[fmt]
    with qtbot.waitSignal(page.exports.finished, timeout=WAIT) as blocker:
        button.click()
    return blocker.args


def test_export_pdf_csv_json_and_vstat_match(page, qtbot, dialogs, tmp_path, session):
    from pypdf import PdfReader

    from app.exchange import vstat as exchange
    out = tmp_path / "out"
    out.mkdir()
    dialogs.paths = [str(out / "r.json"), str(out / "r.csv"), str(out / "r.pdf"), str(out / "r.vstat")]
    page.narrative.editor.setPlainText("Advies: aandacht voor de omgangsvormen in overleggen.")
    assert _export(page, qtbot, "json") == ["json", True]
    assert _export(page, qtbot, "csv") == ["csv", True]
    assert _export(page, qtbot, "pdf") == ["pdf", True]
    assert _export(page, qtbot, "vstat") == ["vstat", True]
    assert [a for a in dialogs.asked if a[0] == "error"] == []
    assert sum(1 for a in dialogs.asked if a[0] == "info") == 4
    rep = json.loads((out / "r.json").read_text(encoding="utf-8"))
    assert rep == page.prep.report                      # exactly what the page shows
    # CSV: the same figures
    rows = list(csv.DictReader(io.StringIO((out / "r.csv").read_bytes().decode("utf-8-sig"))))
    for tb in rep["tables"]:
        for r, code in enumerate(tb["rows"]):
            for c in range(len(tb["cells"][r])):
                col = "" if tb["cols"] is None else tb["cols"][c]
                line = next(x for x in rows if x["table"] == tb["id"] and x["row"] == code and x["col"] == col)
                v = tb["cells"][r][c]
                assert line["value"] == ("" if v is None else content._csv_value(v, tb["unit"]))
    totals = {x["row"]: x["value"] for x in rows if x["table"] == "totals"}
    assert totals["cases"] == str(rep["totals"]["cases"])
    # PDF: organisation, narrative and the key figures
    text = "\n".join(p.extract_text() for p in PdfReader(str(out / "r.pdf")).pages)
    assert rep["organisation"] in text
    assert "omgangsvormen" in text
    assert str(rep["totals"]["cases"]) in text and str(rep["totals"]["contacts"]) in text
    # the narrative reached the vault before the PDF was made; the figures were recorded
    org_id = page.selection.org_id
    stored = session.repo.published_report(org_id, page.selection.year)   # last written by the .vstat (Dutch method text)
    assert {k: v for k, v in stored.items() if k != "method"} == {k: v for k, v in rep.items() if k != "method"}
    # vstat: signed, verifiable, same figures
    vs = exchange.read_vstat((out / "r.vstat").read_bytes())
    assert vs.organisation == rep["organisation"] and vs.year == rep["year"]
    assert vs.totals["cases"] == rep["totals"]["cases"]
    assert sorted(p.name for p in out.iterdir()) == ["r.csv", "r.json", "r.pdf", "r.vstat"]


def test_export_asks_when_the_narrative_has_identifiers(page, qtbot, dialogs, tmp_path):
    page.narrative.editor.setPlainText("Jan de Vries (06-12345678) heeft geklaagd.")
    dialogs.confirm_answer = False
    dialogs.paths = [str(tmp_path / "no.pdf")]
    page.pdf_button.click()                        # declined: no path asked, nothing written
    assert dialogs.asked[-1][0] == "confirm"
    assert "privacy check found" in dialogs.asked[-1][1]
    assert not (tmp_path / "no.pdf").exists() and page.exports.job is None
    dialogs.confirm_answer = True
    dialogs.paths = [str(tmp_path / "yes.pdf")]
    assert _export(page, qtbot, "pdf") == ["pdf", True]
    assert (tmp_path / "yes.pdf").read_bytes().startswith(b"%PDF")
    # CSV holds no narrative: no question
    asked = len(dialogs.asked)
    dialogs.paths = [str(tmp_path / "fig.csv")]
    assert _export(page, qtbot, "csv") == ["csv", True]
    assert [a[0] for a in dialogs.asked[asked:]] == ["save", "info"]


@pytest.mark.parametrize("text", ["Signalen over teamleider Pietersen in het team.",
                                  "Een melder van 34 jaar, ICT, voelde zich buitengesloten."])
def test_narrative_check_before_pdf_export_and_preview(page, dialogs, tmp_path, text):
    page.narrative.editor.setPlainText(text)
    dialogs.confirm_answer = False
    dialogs.paths = [str(tmp_path / "no.pdf")]
    page.pdf_button.click()
    assert dialogs.asked[-1][0] == "confirm" and not (tmp_path / "no.pdf").exists()
    asked = len(dialogs.asked)
    assert page.exports.open_pdf_preview() is None          # the preview asks the same
    assert [a[0] for a in dialogs.asked[asked:]] == ["confirm"] and page.opened == []


def test_export_into_a_missing_folder_fails_cleanly(page, qtbot, dialogs, tmp_path):
    target = tmp_path / "missing" / "r.json"
    dialogs.paths = [str(target)]
    assert _export(page, qtbot, "json") == ["json", False]
    kind, text = dialogs.asked[-1]
    assert kind == "error" and "does not exist" in text and "choose" in text.lower()
    assert not target.parent.exists()
    assert page.pdf_button.isEnabled() and page.selection.org_combo.isEnabled()   # usable again


def test_export_write_failure_leaves_no_file(page, qtbot, dialogs, tmp_path, monkeypatch):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    dialogs.paths = [str(blocker / "r.csv")]           # a "folder" that is a file
    assert _export(page, qtbot, "csv") == ["csv", False]
    assert "Cannot write" in dialogs.asked[-1][1]
    out = tmp_path / "full"
    out.mkdir()

    def disk_full(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fsutil, "write_bytes_atomic", disk_full)
    dialogs.paths = [str(out / "r.pdf")]
    assert _export(page, qtbot, "pdf") == ["pdf", False]
    assert "No space left" in dialogs.asked[-1][1] and "another place" in dialogs.asked[-1][1]
    assert list(out.iterdir()) == []


def test_cancelled_save_dialog_does_nothing(page, dialogs):
    dialogs.paths = []
    assert page.exports.export("json") is None
    assert page.exports.job is None and dialogs.asked[-1][0] == "save"


def test_pdf_preview_asks_nothing_and_leaves_nothing_on_disk(page, qtbot, dialogs, session):
    with qtbot.waitSignal(page.exports.preview_finished, timeout=WAIT) as blocker:
        page.preview_button.click()
    assert blocker.args == [True]
    assert not any(kind == "save" for kind, _ in dialogs.asked)
    [shown] = page.opened
    assert shown.read_bytes().startswith(b"%PDF")
    assert oct(shown.stat().st_mode & 0o777) == oct(0o600) and oct(shown.parent.stat().st_mode & 0o777) == oct(0o700)
    page.exports.temp.remove_all()   # a minute later, or when the page closes
    assert not shown.exists() and not shown.parent.exists()
    org_id = page.selection.org_id
    assert session.repo.published_report(org_id, page.selection.year) is None   # a preview records nothing


def test_pdf_preview_file_goes_when_the_page_closes(page, qtbot):
    from PySide6.QtCore import QCoreApplication, QEvent
    with qtbot.waitSignal(page.exports.preview_finished, timeout=WAIT):
        page.preview_button.click()
    [shown] = page.opened
    assert shown.exists()
    page.exports.deleteLater()       # the page (and its export actions) go when the vault locks
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shown.exists()


def test_export_runs_off_the_gui_thread_with_progress(page, qtbot, dialogs, tmp_path, monkeypatch):
    seen = {}
    real = R.export_report

    def spy(*a, **kw):
        seen["thread"] = threading.get_ident()
        seen["bar"] = not page.progress.isHidden()
        return real(*a, **kw)

    monkeypatch.setattr(R, "export_report", spy)
    dialogs.paths = [str(tmp_path / "r.json")]
    job = page.exports.export("json")
    assert job is not None and not page.json_button.isEnabled() and not page.selection.org_combo.isEnabled()
    assert not page.progress.isHidden() and "r.json" in page.progress.format()
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        pass
    assert seen["thread"] != threading.get_ident() and seen["bar"]
    assert page.progress.isHidden() and page.json_button.isEnabled()


# --------------------------------------------------------------------------------- clearing and locking
def test_clear_forgets_everything(page, session):
    page.narrative.editor.setPlainText("Nog niet opgeslagen tekst.")
    org_id = page.selection.org_id
    year = page.selection.year
    page.clear()
    assert session.repo.report_text(org_id, year) == "Nog niet opgeslagen tekst."   # stored first
    assert page.tables.views == {} and page.prep is None
    assert page.narrative.editor.toPlainText() == "" and not page.narrative.editor.document().isUndoAvailable()
    assert page.selection.org_combo.count() == 0 and page.selection.year_combo.count() == 0
    assert page.preview.toPlainText() == ""
    assert not page.pdf_button.isEnabled()


def test_load_on_a_locked_vault_does_nothing(qtbot, session, dialogs):
    p = ReportPage(session, "nl", dialogs)
    qtbot.addWidget(p)
    session.lock()
    p.load()
    assert p.selection.org_combo.count() == 0 and p.prep is None


def test_empty_vault_says_there_is_nothing_to_report(qtbot, vault_path, dialogs):
    s = Session(vault_path)
    s.create(PASSPHRASE)
    try:
        p = ReportPage(s, "en", dialogs)
        qtbot.addWidget(p)
        with qtbot.waitSignal(p.refreshed, timeout=WAIT):
            p.load()
        assert p.selection.year_combo.count() == 0 and p.prep is None
        assert "no cases" in p.status_label.text().lower()
        assert not p.pdf_button.isEnabled()
        assert not p.narrative.editor.isEnabled()           # only "all organisations" and no year
    finally:
        s.lock()


# --------------------------------------------------------------------------------- inside the window
@pytest.fixture
def window(qtbot, vault_path, dialogs):
    from ui.application import configure_app
    from ui.main_window import PAGES, MainWindow
    configure_app()
    w = MainWindow(Session(vault_path, clock=lambda: 0.0), dialogs=dialogs)
    qtbot.addWidget(w)
    w.show()
    w.welcome.pass1.setText(PASSPHRASE)
    w.welcome.pass2.setText(PASSPHRASE)
    with qtbot.waitSignal(w.unlocked, timeout=WAIT):   # the key is derived on a worker thread
        w.welcome.create_button.click()
    assert w.workspace is not None
    demo.generate(w.session.repo, 60, orgs=2, years=2, seed=5, today=TODAY)
    w.report_row = PAGES.index("report")
    yield w
    w.session.lock()


def test_window_page_text_survives_locking(window, qtbot):
    ws = window.workspace
    page = ws.report
    assert isinstance(page, ReportPage)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT):
        ws.nav.setCurrentRow(window.report_row)
    assert page.tables.views and page.isVisible()
    org, year = page.selection.org_name, page.selection.year
    page.narrative.editor.setPlainText("Meer voorlichting over de gedragscode is gewenst.")
    window.lock()                                  # within the autosave delay: hiding stores it
    assert window.workspace is None
    window.unlock_page.passphrase.setText(PASSPHRASE)
    finish(qtbot, window.unlock(PASSPHRASE))
    repo = window.session.repo
    org_id = next(o.id for o in repo.list_organisations() if o.name == org)
    assert repo.report_text(org_id, year) == "Meer voorlichting over de gedragscode is gewenst."


def test_window_locks_while_the_figures_are_computed(window, qtbot, dialogs):
    ws = window.workspace
    page = ws.report
    ws.nav.setCurrentRow(window.report_row)        # starts a job on the worker
    job = page.prepare_job
    assert job is not None
    window.lock()                                  # waits for the vault lock; no crash
    assert not window.session.is_open
    qtbot.waitUntil(lambda: not shiboken6.isValid(page) or job.done or page.prepare_job is None, timeout=WAIT)
    assert [a for a in dialogs.asked if a[0] == "error"] == []


def test_publishing_again_with_other_figures_asks_first(page, qtbot, dialogs, tmp_path, session):
    from models.entities import Case
    out = tmp_path / "v"
    out.mkdir()
    dialogs.paths = [str(out / "first.json")]
    assert _export(page, qtbot, "json") == ["json", True]
    org, year = page.selection.org_name, page.key().year
    repo = session.require()
    for i in range(6):  # a late batch of cases changes the figures of that year
        repo.add_case(Case(code=f"{year}-9{i:02d}", organisation=org, opened=date(year, 6, 1 + i),
                           reporter_role="betrokkene", behaviour="pesten", accused_relation="collega",
                           follow_up="lopend"))
    with qtbot.waitSignal(page.refreshed, timeout=WAIT):
        page.load()
    assert page.prep.republish_needed
    dialogs.confirm_answer = False
    dialogs.paths = [str(out / "second.json")]
    assert page.exports.export("json") is None
    assert dialogs.asked[-1][0] == "confirm" and not (out / "second.json").exists()
    dialogs.confirm_answer = True
    with qtbot.waitSignal(page.exports.finished, timeout=WAIT) as blocker:
        page.exports.export("json")
    fmt, ok = blocker.args
    if ok:  # published as a new version: nothing hidden before is shown now
        first = json.loads((out / "first.json").read_text("utf-8"))
        second = json.loads((out / "second.json").read_text("utf-8"))
        for t1 in first["tables"]:
            t2 = next((t for t in second["tables"] if t["id"] == t1["id"]), None)
            if t2 is None:
                continue
            for r, code in enumerate(t1["rows"]):
                if code in t2["rows"] and t1["cells"][r][0] is None and t1["cols"] is None:
                    assert t2["cells"][t2["rows"].index(code)][0] is None, (t1["id"], code)
    else:  # the joint check refused: nothing written, the reason shown
        assert not (out / "second.json").exists() and dialogs.asked[-1][0] == "error"


def test_dark_theme_switch_recolours_the_summary_and_totals(page, qapp):
    from PySide6.QtGui import QPalette
    light = QPalette(qapp.palette())
    heading_light = theme.text_colour("heading").name()
    assert heading_light in page.summary_label.text()
    try:
        qapp.setPalette(theme.dark_palette())
        theme.restyle_all()
        dark_heading = theme.text_colour("heading").name()
        assert dark_heading != heading_light and dark_heading in page.summary_label.text()
        model = next(iter(page.tables.views.values())).model()
        last = model.rowCount() - 1
        fg = model.index(last, 1).data(Qt.ItemDataRole.ForegroundRole).color()
        bg = model.index(last, 1).data(Qt.ItemDataRole.BackgroundRole).color()
        assert theme.contrast(fg, bg) >= 4.5 and bg.lightness() < 128    # the Totaal row stays readable
    finally:
        qapp.setPalette(light)
        theme.restyle_all()
