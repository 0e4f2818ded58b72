"""Publishing a report's figures as a signed .vstat file for a supervisor (the exchange side of a release:
the report is prepared, refused or recorded exactly as the annual report is, in app.reporting.report)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from app import __version__, keys
from app.errors import UserError
from app.exchange import vstat
from app.reporting import report as R
from app.store.repository import Repository


def export_vstat(repo: Repository, request: R.ReportRequest, *, out: str | Path, to: str | Path | None = None,
                 republish: bool = False) -> Path:
    """Write a signed (and with ``to`` = a supervisor.pub file: encrypted) .vstat of the report, in
    Dutch whatever the request's language, with the report's own figures at the levels its organisation
    and year show (app.reporting.recode; a supervisor's merge puts files at other levels into the
    common groups, app.exchange.combine). Refuses like ``export_report`` (also a second version of a
    year without ``republish``)."""
    prep = R.prepare(repo, replace(request, language="nl"), republish=republish)
    R.require_publishable(prep)
    recipient = None
    if to is not None:
        try:
            text = Path(to).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError("report.supervisor_key_unreadable", to=to,
                            exc=getattr(exc, 'strerror', None) or exc) from None
        recipient = keys.parse_supervisor_pub(text)
    data = vstat.make_vstat(prep.report, repo.signing_key(), program_version=__version__,
                               recipient_pub=recipient)
    path = R.output_path(out, prep.report["organisation"], prep.report["year"], "vstat")
    R.record_release(repo, prep, "vstat")   # first: a file that went out is always in the ledger
    R.write_output(path, data)
    return path
