"""Retention: case details do not live longer than needed.

A closed case falls due `retention_months` after its closing date (a setting per vault, default 12,
0..60). Purging a case removes its *details* and keeps its *figures*:

removed   contact notes (set to ''), checklist answers (NULL), the "flagged" mark (0), the facts and
          texts of saved decision-aid advice (only the tree version and the route code stay), every
          reminder of the case, and the drafts that belong to it;
kept      everything the annual figures count: the case's code, organisation, unit, dates, reporter
          role, behaviour, relation, follow-up and their extra codes; every contact's date, minutes,
          channel and kind.

After the transaction the vault is compacted with VACUUM. Together with `PRAGMA secure_delete = ON`
(set by the vault on every connection) this leaves no removed text in freed pages or in the free
space inside pages, and the file shrinks to the live data. VACUUM runs with temporary storage in
memory, so no temporary file is written; in rollback-journal mode SQLite deletes its (encrypted)
journal on commit, in WAL mode the log is checkpointed and truncated to zero bytes.

Not reachable from here: backups and the copies the vault keeps before a migration or a restore
(`<vault>.pre-vN.bak`, `<vault>.before-restore`). They are encrypted, but they still hold the old
details; `copies_beside()` lists the ones next to the vault so the window can say so.

Audit log (decision): an entry records the kind of action, the time and how many records were
touched, e.g. ``gegevens_opgeschoond`` / ``casussen=3 contacten=7``. It holds no content and no case
codes or ids: codes are pseudonyms, but a list of codes with removal dates next to a remaining case
row would tell exactly which details went when, and the counts answer everything an adviser must
account for (that purging happens, and how much).

Requests for information or advice (decision): not under retention, and kept. A request holds no
details in the sense above: no free text, no link to a case, only what the annual figures count
(organisation, date, kind, the asker's position, an optional behaviour code, minutes), which is
exactly what a purged case keeps. Removing requests after the case term would change published years'
figures without removing any person data. The adviser removes a single request by hand if needed.

Drafts that belong to a case (decision): a draft is one of the case's if its key is ``case:<id>`` or
``contact:<id>``, or starts with ``case:<id>:`` or ``contact:<id>:`` (the contact editor's drafts are
``contact:<case id>:<contact id or new>``), or its JSON data has ``"case_id": <id>`` at the top level.
"""
from __future__ import annotations

import calendar
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TextIO

import sqlcipher3

from app import fsutil, texts
from app.errors import UserError
from app.store import queries
from app.store.repository import Repository, UnitOfWork

SETTING = "retention_months"
DEFAULT_MONTHS = 12
MIN_MONTHS = 0
MAX_MONTHS = 60

ACTION_POLICY = "bewaartermijn_gewijzigd"
ACTION_PURGE = "gegevens_opgeschoond"
ACTION_DELETE = "casus_volledig_verwijderd"
ACTION_CONSENT = "toestemming_ingetrokken"

_CODE_RE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


# -- policy ---------------------------------------------------------------------------------------
def _parse_months(value: object) -> int:
    """A whole number of months within 0..60, or UserError with what to do."""
    if isinstance(value, bool):
        value = None  # True/False are ints in Python; they are not a number of months
    if isinstance(value, str):
        text = value.strip()
        value = int(text) if re.fullmatch(r"[+-]?\d{1,6}", text) else None
    if not isinstance(value, int):
        raise UserError("retention.period_not_whole", min_months=MIN_MONTHS, max_months=MAX_MONTHS,
                        default_months=DEFAULT_MONTHS, field="retention_months")
    if not MIN_MONTHS <= value <= MAX_MONTHS:
        raise UserError("retention.period_out_of_range", min_months=MIN_MONTHS, max_months=MAX_MONTHS,
                        value=value, default_months=DEFAULT_MONTHS, field="retention_months")
    return value


def policy_months(repo: Repository) -> int:
    """Months after closing that a case's details are kept. A missing or damaged setting gives 12."""
    stored = repo.get_setting(SETTING)
    if stored is None:
        return DEFAULT_MONTHS
    try:
        return _parse_months(stored)
    except UserError:
        return DEFAULT_MONTHS


def set_policy_months(repo: Repository, months: int | str) -> int:
    """Store the retention period (0..60 months). Returns the stored value."""
    value = _parse_months(months)
    if value == policy_months(repo) and repo.get_setting(SETTING) is not None:
        return value
    with repo.unit_of_work() as uow:
        uow.set_setting(SETTING, str(value))
        uow.audit(ACTION_POLICY, f"maanden={value}")
    return value


def add_months(d: date, months: int) -> date:
    """`d` plus whole months; the day is clipped to the month's end (31 Jan + 1 = 28/29 Feb)."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


# -- what falls due -------------------------------------------------------------------------------
@dataclass(frozen=True)
class DueCase:
    case_id: int
    code: str
    organisation: str
    closed: date
    due: date
    contacts: int
    contacts_with_notes: int


def due(repo: Repository, today: date, months: int | None = None) -> list[DueCase]:
    """Closed cases whose details are still there and whose closing date + the policy <= today.

    Sorted by due date, then code. `months` overrides the stored policy (for a preview).
    """
    months = policy_months(repo) if months is None else _parse_months(months)
    out = []
    for c in queries.closed_cases_with_details(repo):
        due_d = add_months(c.closed, months)
        if due_d <= today:
            out.append(DueCase(c.case_id, c.code, c.organisation, c.closed, due_d, c.contacts,
                               c.contacts_with_notes))
    out.sort(key=lambda d: (d.due, d.code))
    return out


# -- purge ----------------------------------------------------------------------------------------
@dataclass
class PurgeResult:
    cases: int = 0                 # cases whose details were removed now
    already_purged: int = 0        # cases given that had been purged before (cleaned again)
    contacts: int = 0              # contacts that had notes, checklist answers or a flag
    decisions: int = 0             # saved decision-aid advice reduced to its route code
    drafts: int = 0
    reminders: int = 0
    size_before: int = 0           # bytes of the vault file before and after compacting
    size_after: int = 0
    copies: list[Path] = field(default_factory=list)  # older copies beside the vault (see module doc)

    def summary(self, lang: str | None = None) -> str:
        """What was removed, in `lang` (default: the command line's language)."""
        lang = lang or texts.environment_language()
        text = texts.message("retention.say.summary", lang, cases=self.cases, contacts=self.contacts,
                             decisions=self.decisions, reminders=self.reminders, drafts=self.drafts)
        if self.copies:
            text += " " + texts.message("retention.say.summary_copies", lang, n=len(self.copies))
        return text


def _draft_keys(uow: UnitOfWork, case_id: int) -> list[str]:
    keys = []
    for key, data in uow.draft_rows():
        if any(key == f"{kind}:{case_id}" or key.startswith(f"{kind}:{case_id}:")
               for kind in ("case", "contact")):
            keys.append(key)
            continue
        try:
            parsed = json.loads(data)
        except ValueError:
            continue
        if isinstance(parsed, dict) and parsed.get("case_id") == case_id \
                and not isinstance(parsed.get("case_id"), bool):
            keys.append(key)
    return keys


def _route_code(data: str) -> str | None:
    """The decision's route code, if the saved advice has one that looks like a code."""
    try:
        saved = json.loads(data)
    except ValueError:
        return None
    if not isinstance(saved, dict):
        return None
    for holder in (saved, saved.get("result")):
        if isinstance(holder, dict):
            route = holder.get("route")
            if isinstance(route, str) and _CODE_RE.match(route):
                return route
    return None


def _purged_decision(data: str) -> str:
    kept: dict[str, object] = {"purged": True}
    route = _route_code(data)
    if route:
        kept["route"] = route
    return json.dumps(kept)


def _file_size(repo: Repository) -> int:
    try:
        return repo.vault.path.stat().st_size
    except OSError:
        return 0


def copies_beside(vault_path: Path) -> list[Path]:
    """Older copies of the vault that the program itself left beside it (they hold old content)."""
    folder = vault_path.parent
    patterns = [f"{vault_path.name}.pre-v*.bak", f"{vault_path.name}.before-restore",
                f"{vault_path.name}.before-restore-*"]
    found: set[Path] = set()
    for pattern in patterns:
        found.update(p for p in folder.glob(pattern) if p.is_file() and not p.name.endswith(".key.json"))
    return sorted(found)


def remove_copies(vault_path: Path) -> int:
    """Delete the older copies beside the vault (and their key files); returns how many were removed.

    They are encrypted, but they still hold details that a purge or a removal took out of the vault."""
    from app.store.vault import key_path
    removed = 0
    for copy in copies_beside(vault_path):
        fsutil.secure_unlink(copy)
        fsutil.secure_unlink(key_path(copy))
        removed += 1
    return removed


def compact(repo: Repository) -> None:
    """Rewrite the vault so that no freed page and no -wal content keeps removed data."""
    with repo.vault.lock_:  # nothing writes between compacting and counting what is left
        try:
            free = repo.compact()
        except sqlcipher3.OperationalError as exc:
            raise UserError("retention.compact_failed_after_removal", exc=exc) from None
        if free:
            raise UserError("retention.compact_failed", free=free)


def purge(repo: Repository, case_ids: Iterable[int], today: date) -> PurgeResult:
    """Remove the details of the given closed cases in one transaction, then compact the vault.

    Open cases are refused (nothing is changed). Cases already purged are cleaned again (that is
    harmless) and counted in `already_purged`. No other process may have the vault open meanwhile.
    """
    with repo.vault.exclusive():
        return _purge(repo, case_ids, today)


def _purge(repo, case_ids: Iterable[int], today: date) -> PurgeResult:
    ids = sorted({int(i) for i in case_ids})
    result = PurgeResult(size_before=_file_size(repo))
    if not ids:
        result.size_after = result.size_before
        return result
    with repo.unit_of_work() as uow:
        found = uow.case_states(ids)
        for cid in ids:
            if cid not in found:
                raise UserError("retention.case_gone_nothing_removed", case_id=cid)
        still_open = [row[0] for row in found.values() if row[1] is None]
        if still_open:
            raise UserError("retention.cases_open", still_open=', '.join(sorted(still_open)))
        for cid in ids:
            if found[cid][2] is None:
                result.cases += 1
            else:
                result.already_purged += 1
            done = uow.purge_case_details(cid, today, _purged_decision)
            result.contacts += done.contacts
            result.decisions += done.decisions
            result.reminders += done.reminders
            result.drafts += uow.delete_drafts(_draft_keys(uow, cid))
        uow.audit(ACTION_PURGE,
                  f"casussen={result.cases + result.already_purged} contacten={result.contacts} "
                  f"beslishulp={result.decisions} herinneringen={result.reminders} "
                  f"concepten={result.drafts}")
    compact(repo)
    result.size_after = _file_size(repo)
    result.copies = copies_beside(repo.vault.path)
    return result


# -- removing a case entirely ----------------------------------------------------------------------
@dataclass
class DeleteResult:
    contacts: int
    size_before: int
    size_after: int
    copies: list[Path] = field(default_factory=list)


def delete_case_entirely(repo: Repository, case_id: int, *, consent_withdrawn: bool = False) -> DeleteResult:
    """Remove a case with all it holds (contacts, advice, reminders, drafts), then compact the vault.

    Unlike `purge` this also removes the case from the figures; use it when the person withdraws
    consent to be recorded (`consent_withdrawn=True`, logged as such) or for a case entered by
    mistake. Figures already published (stored annual reports) are not changed.
    """
    size_before = _file_size(repo)
    with repo.unit_of_work() as uow:
        drafts = _draft_keys(uow, case_id)
        contacts = uow.delete_case_rows(case_id)
        if contacts is None:
            raise UserError("retention.case_gone", case_id=case_id)
        uow.delete_drafts(drafts)
        uow.audit(ACTION_CONSENT if consent_withdrawn else ACTION_DELETE, f"casussen=1 contacten={contacts}")
    compact(repo)
    return DeleteResult(contacts=int(contacts), size_before=size_before, size_after=_file_size(repo),
                        copies=copies_beside(repo.vault.path))



# -- audit log ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AuditEntry:
    at: str       # ISO 8601 time in UTC
    action: str   # a stable code, e.g. gegevens_opgeschoond
    object: str   # what kind and how many, e.g. "casussen=3 contacten=7" or "casus 12"


def audit_entries(repo: Repository, limit: int = 500) -> list[AuditEntry]:
    """The newest `limit` audit log entries, newest first."""
    return [AuditEntry(*row) for row in repo.audit_log(limit)]


# -- command line ---------------------------------------------------------------------------------
def _table(rows: list[DueCase], lang: str) -> list[str]:
    head = tuple(texts.message(f"retention.say.head_{c}", lang)
                 for c in ("case", "organisation", "closed", "due", "contacts", "notes"))
    body = [(d.code, d.organisation, f"{d.closed:%d-%m-%Y}", f"{d.due:%d-%m-%Y}", str(d.contacts),
             str(d.contacts_with_notes)) for d in rows]
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            for row in [head, *body]]


def cmd_retention(repo: Repository, action: str, yes: bool, out: TextIO, err: TextIO, *, today: date | None = None,
                  interactive: bool | None = None, ask: Callable[[str], str] = input,
                  lang: str | None = None) -> int:
    """`vertrouwd retention show|purge [--yes]|remove-copies` in `lang` (default: the command line's
    language). Exit 0 when done, 1 when purge needs --yes."""
    import sys
    lang = lang or texts.environment_language()

    def say(code: str, stream: TextIO = out, **params) -> None:
        print(texts.message(f"retention.say.{code}", lang, **params), file=stream)

    today = today or date.today()
    rows = due(repo, today)
    if action == "show":
        say("period", months=policy_months(repo))
        if not rows:
            say("nothing_due")
            return 0
        for line in _table(rows, lang):
            print(line, file=out)
        say("due_count", n=len(rows))
        return 0
    if action == "remove-copies":
        n = remove_copies(repo.vault.path)
        say("copies_removed", n=n) if n else say("no_copies")
        return 0
    if action != "purge":
        raise UserError("retention.unknown_action", action=action)
    if not rows:
        say("nothing_to_remove")
        return 0
    if not yes:
        if interactive is None:
            interactive = bool(sys.stdin and sys.stdin.isatty())
        if not interactive:
            say("needs_yes", err, n=len(rows))
            return 1
        answer = ask(texts.message("retention.say.ask", lang, n=len(rows)) + " ")
        if answer.strip().lower() not in ("y", "yes", "j", "ja"):
            say("nothing_removed")
            return 0
    result = purge(repo, [d.case_id for d in rows], today)
    print(result.summary(lang), file=out)
    say("compacted", before=result.size_before, after=result.size_after)
    if result.copies:
        say("copies_left", n=len(result.copies))
    return 0
