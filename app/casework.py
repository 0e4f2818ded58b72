"""Case work: the use cases that the window and the command line share.

Each use case that writes runs in one transaction (`Repository.unit_of_work`): it is stored
entirely or not at all, so a failure half-way (a full disk, a case removed meanwhile, a bad
answer) leaves the vault as it was and the adviser can simply try again.
"""
from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.errors import UserError
from app.guidance import checklists, decide
from app.paths import templates_dir
from app.privacy import guard
from app.privacy.guard import Finding
from app.store.repository import Repository, UnitOfWork
from models import checklist as CL
from models.checklist import Template
from models.entities import Case, Contact, Request, sector_problems

#: the follow-up a case gets when it is closed while its follow-up still says "lopend" (ongoing)
FOLLOW_UP_OPEN = "lopend"
FOLLOW_UP_WHEN_CLOSED = "opvang_advies"
#: the outcome (afloop) of a case closed without one chosen or collected by the closing checklist
OUTCOME_UNKNOWN = "onbekend"
#: decision-aid routes whose legal terms become reminders when the person takes the route
TERM_ROUTES = ("klacht", "melding_misstand")
REMINDER_NEXT_CONTACT = CL.NEXT_CONTACT

StoreDir = str | os.PathLike | None


# -- conversations ------------------------------------------------------------------------------
@dataclass(frozen=True)
class SavedConversation:
    contact: Contact                  # as stored: id filled in, notes redacted, `flagged` set
    kept: tuple[Finding, ...]         # identifiers the adviser chose to keep (the contact is marked)
    case_fields: dict[str, str]       # case fields the checklist answers changed
    next_contact: date | None         # the reminder the answers set, if any


def scan_note(text: str) -> list[Finding]:
    """Likely identifiers in a note (the privacy guard), to show before saving."""
    return guard.scan(text)


@dataclass(frozen=True)
class AnswerFinding:
    item_id: str
    question: str     # the item's text in the asked language
    finding: Finding  # offsets into the answer


def scan_answers(checklist: dict | None, lang: str = "nl", store_dir: StoreDir = None) -> list[AnswerFinding]:
    """Likely identifiers in the checklist's free-text answers (items of kind "short")."""
    if not checklist:
        return []
    try:
        template = template_for(checklist, store_dir)
    except UserError:
        return []
    out = []
    for item_id, value in CL.answer_values(checklist).items():
        item = template.item(item_id)
        if item is not None and item.kind == "short" and isinstance(value, str):
            out += [AnswerFinding(item_id, item.text_in(lang), f) for f in guard.scan(value)]
    return out


def template_for(answers: dict, store_dir: StoreDir = None) -> Template:
    """The checklist template (and version, when still there) that stored answers were made with."""
    return checklists.get_template(answers.get("template"), answers.get("version"),
                                   store_dir=templates_dir() if store_dir is None else store_dir)


def save_conversation(repo: Repository, case_id: int, contact: Contact, *,
                      findings: Sequence[Finding] | None = None, replace: Sequence[Finding] = (),
                      draft_key: str | None = None, store_dir: StoreDir = None) -> SavedConversation:
    """Store a conversation (new when `contact.id` is None) in one transaction.

    `findings` are the privacy guard's findings in `contact.notes` as shown to the adviser (scanned
    here when None or when they no longer match the text: the note is scanned once); those in
    `replace` become placeholders, the others are kept and mark the contact, as do identifiers in
    the free-text checklist answers (see scan_answers; the window asks first). The checklist answers
    are checked, fill the case fields they map to and set the next-contact reminder; the draft
    `draft_key` is removed. `contact` itself is not changed: the stored copy is returned.
    """
    found = list(findings) if findings is not None else None
    if found is None or any(contact.notes[f.start:f.end] != f.text for f in found):
        found = guard.scan(contact.notes)
    chosen = [f for f in found if f in replace]
    kept = tuple(f for f in found if f not in chosen)
    notes = guard.redact(contact.notes, chosen) if chosen else contact.notes
    in_answers = bool(scan_answers(contact.checklist, store_dir=store_dir))
    stored = dataclasses.replace(contact, case_id=case_id, notes=notes, flagged=bool(kept) or in_answers)
    template = template_for(stored.checklist, store_dir) if stored.checklist else None
    if template is not None:
        checklists.check_answers(template, stored.checklist)
    values = CL.answer_values(stored.checklist) if template is not None else {}
    reminders = CL.reminder_dates(template, values) if template is not None else []
    nxt = next((d for d, kind in reminders if kind == CL.NEXT_CONTACT), None)
    with repo.unit_of_work() as uow:
        if stored.id is None:
            uow.add_contact(case_id, stored, screened=True)
        else:
            uow.update_contact(stored, screened=True)
        fields = _fill_case_fields(repo, uow, case_id, CL.case_fields(template, values) if template else {})
        uow.replace_reminders(case_id, f"contact:{stored.id}", reminders)
        if draft_key:
            uow.delete_draft(draft_key)
    return SavedConversation(stored, kept, fields, nxt)


def _fill_case_fields(repo: Repository, uow: UnitOfWork, case_id: int, fields: dict[str, str]) -> dict[str, str]:
    """Set the case fields that answers give a (different, non-empty) value; returns the changes."""
    if not fields:
        return {}
    case = repo.get_case(case_id)
    changed = {k: v for k, v in fields.items() if v and hasattr(case, k) and getattr(case, k) != v}
    # a checklist offers every code; one of another sector than the organisation's stays an answer only
    sector = repo.organisation(case.organisation).sector
    for p in sector_problems(dataclasses.replace(case, **changed), repo.vocabs, sector, case):
        changed.pop(p.field, None)
    if changed:
        uow.update_case(dataclasses.replace(case, **changed))
    return changed


def delete_conversation(repo: Repository, contact_id: int, draft_key: str | None = None) -> None:
    """Remove a conversation with the reminders its checklist set (and its draft), in one transaction."""
    with repo.unit_of_work() as uow:
        uow.delete_contact(contact_id)
        if draft_key:
            uow.delete_draft(draft_key)


# -- open required checklist items --------------------------------------------------------------
@dataclass(frozen=True)
class OpenItem:
    contact_date: date
    item_id: str
    text: str        # in the asked language (Dutch when the item has no text in it)
    checklist: str = ""  # the checklist's title in that language


def open_required(case: Case, lang: str, store_dir: StoreDir = None) -> list[OpenItem]:
    """Required checklist items still unanswered in the case's conversations, in date order.

    Answers whose template is no longer known are skipped (there is nothing to check them against).
    """
    out = []
    for c in case.contacts:
        if not c.checklist:
            continue
        try:
            t = template_for(c.checklist, store_dir)
        except UserError:
            continue
        for item in CL.missing_required(t, CL.answer_values(c.checklist)):
            out.append(OpenItem(c.date, item.id, item.text.get(lang) or item.text.get("nl", ""),
                                t.title_in(lang)))
    return out


# -- decisions ----------------------------------------------------------------------------------
def route_terms(saved: dict, start: date) -> tuple[str, list[tuple[date, str]]] | None:
    """The route and its reminders (due date, term code) when saved advice points to a route with
    legal terms (klacht, Wbk melding) taken on `start`; None for other routes or no terms."""
    route = (saved.get("result") or {}).get("route")
    if route not in TERM_ROUTES:
        return None
    dates = decide.term_dates(saved, start)
    return (route, dates) if dates else None


def record_decision(repo: Repository, case_id: int, saved: dict, *, route_taken_on: date | None = None) -> int:
    """Store the decision aid's advice for a case; when the person takes the advised route (klacht
    or melding) on `route_taken_on`, its terms become reminders (calendar months where the tree counts
    in months, the filing deadline from the last incident). One transaction; returns the id."""
    terms = route_terms(saved, route_taken_on) if route_taken_on is not None else None
    with repo.unit_of_work() as uow:
        decision_id = uow.save_decision(case_id, saved)
        if terms is not None:
            route, dates = terms
            uow.replace_reminders(case_id, f"route:{route}", dates)
    return decision_id


# -- closing, reopening, reminders --------------------------------------------------------------
def follow_up_when_closed(case: Case, chosen: str | None = None) -> str | None:
    """The follow-up a case gets on closing: an ongoing one ("lopend") becomes `chosen` (by default
    "opvang_advies"); None when it stays as it is."""
    if case.follow_up != FOLLOW_UP_OPEN:
        return None
    return chosen if chosen and chosen != FOLLOW_UP_OPEN else FOLLOW_UP_WHEN_CLOSED


def close_case(repo: Repository, case_id: int, today: date, follow_up: str | None = None,
               outcome: str | None = None) -> Case:
    """Close a case as of `today` (not before it opened). An ongoing follow-up ("lopend") becomes
    `follow_up` (default "opvang_advies", see follow_up_when_closed); the outcome (afloop) is `outcome`,
    else the one the closing checklist filled in, else "onbekend"; the case's open reminders are done.
    A closed case stays as it is."""
    with repo.unit_of_work() as uow:
        case = repo.get_case(case_id)
        if case.closed is None:
            uow.close_case(case_id, max(today, case.opened), follow_up_when_closed(case, follow_up),
                           outcome or case.outcome or OUTCOME_UNKNOWN)
    return repo.get_case(case_id)


def reopen_case(repo: Repository, case_id: int) -> Case:
    """Open a closed case again (its retention clock starts anew)."""
    with repo.unit_of_work() as uow:
        if repo.get_case(case_id).closed is not None:
            uow.reopen_case(case_id)
    return repo.get_case(case_id)


def complete_reminder(repo: Repository, reminder_id: int) -> bool:
    """Mark a reminder done; False when it was not open (done already, or removed)."""
    with repo.unit_of_work() as uow:
        return uow.complete_reminder(reminder_id)


# -- requests for information or advice (counted apart from cases) ------------------------------
@dataclass(frozen=True)
class RequestSummary:
    """How many requests an organisation had in a year, and the time they took."""

    count: int
    minutes: int

    @property
    def hours(self) -> float:
        return round(self.minutes / 60.0, 2)


def record_request(repo: Repository, req: Request) -> Request:
    """Store a request in one unit of work: the organisation's name is matched by the one rule (the
    stored spelling is kept), the record validated (known codes, not in the future, minutes >= 0)."""
    with repo.unit_of_work():
        stored = dataclasses.replace(req, organisation=repo.organisation(req.organisation).name, id=None)
        repo.add_request(stored)
    return stored


def change_request(repo: Repository, req: Request) -> Request:
    """Store the changed fields of an existing request (its id set)."""
    with repo.unit_of_work():
        stored = dataclasses.replace(req, organisation=repo.organisation(req.organisation).name)
        repo.update_request(stored)
    return stored


def remove_request(repo: Repository, request_id: int) -> None:
    """Remove one request (a UserError when it no longer exists)."""
    with repo.unit_of_work():
        repo.delete_request(request_id)


def request_summary(repo: Repository, organisation: str, year: int) -> RequestSummary:
    """The number of requests of the organisation (its stored name) in the year and their minutes."""
    rows = repo.list_requests(organisation=organisation, year=year)
    return RequestSummary(len(rows), sum(r.minutes for r in rows))
