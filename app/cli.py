"""The command line. Every user error: one line on stderr, an exit code, no traceback.

Exit codes: 0 ok, 1 user error, 2 usage error, 3 wrong passphrase / locked out.
"""
from __future__ import annotations

import argparse
import contextlib
import errno
import getpass
import json
import os
import re
import sys
from pathlib import Path
from typing import TextIO

import sqlcipher3

from app import __version__, texts
from app.errors import UserError, VertrouwdError
from app.resources import vocabularies
from models import vocab as V
from models.entities import FIRST_YEAR, LAST_YEAR, is_year

EXIT_OK, EXIT_USER, EXIT_USAGE, EXIT_PASSPHRASE = 0, 1, 2, 3
ENV_PASSPHRASE = "VERTROUWD_PASSPHRASE"
ENV_NEW_PASSPHRASE = "VERTROUWD_NEW_PASSPHRASE"
ENV_SUPERVISOR_PASSPHRASE = "VERTROUWD_SUPERVISOR_PASSPHRASE"


def default_vault_path() -> Path:
    """The vault the window uses too: the place the adviser chose on the welcome screen, else the default."""
    from app.paths import current_vault
    return current_vault()


# argparse's own English sentences (Python 3.11-3.13) and the code of each one's sentence in
# resources/messages.json; the first that matches wins. English keeps argparse's wording.
_USAGE_ERRORS = [
    (re.compile(r"the following arguments are required: (?P<args>.+)"), "cli.usage.required"),
    (re.compile(r"one of the arguments (?P<args>.+) is required"), "cli.usage.one_of"),
    (re.compile(r"argument (?P<arg>\S+?): not allowed with argument (?P<other>\S+)"), "cli.usage.exclusive"),
    (re.compile(r"argument (?P<arg>\S+?): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)"),
     "cli.usage.choice"),
    (re.compile(r"argument (?P<arg>\S+?): expected one argument"), "cli.usage.one_value"),
    (re.compile(r"argument (?P<arg>\S+?): invalid (?P<kind>\w+) value: (?P<value>.+)"), "cli.usage.bad_value"),
    (re.compile(r"argument (?P<arg>\S+?): (?P<detail>.+)"), "cli.usage.argument"),
    (re.compile(r"unrecognized arguments: (?P<args>.+)"), "cli.usage.unrecognized"),
]
_usage_lang: str | None = None   # --lang as typed, read before parsing (see main)


def usage_error_text(message: str, lang: str) -> str:
    """argparse's usage error in the command line's language (English: argparse's own words)."""
    if lang == "en":
        return message
    for pattern, code in _USAGE_ERRORS:
        match = pattern.fullmatch(message)
        if match:
            params = match.groupdict()
            if "kind" in params:
                params["kind"] = texts.message(f"cli.usage.kind.{params['kind']}", lang) \
                    if f"cli.usage.kind.{params['kind']}" in texts.catalogue() else params["kind"]
            return texts.message(code, lang, **params)
    return message


def _usage_language() -> str:
    """The language of a usage error: --lang as typed, else $VERTROUWD_LANG, else Dutch."""
    return texts.language(_usage_lang) if _usage_lang in texts.LANGUAGES else texts.environment_language()


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, in the command line's language
        lang = _usage_language()
        said = usage_error_text(message, lang)
        self.exit(EXIT_USAGE, texts.message("cli.usage.line", lang, prog=self.prog, message=said) + "\n")


def _year(text: str) -> int:
    """argparse type for --year: a whole number in the program's one year range (models.entities)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(texts.message("cli.usage.not_a_year", _usage_language(),
                                                       text=text)) from None
    if not is_year(value):
        raise argparse.ArgumentTypeError(texts.message("cli.usage.year_out_of_range", _usage_language(),
                                                       value=value, first=FIRST_YEAR, last=LAST_YEAR))
    return value


REPUBLISH_HELP = ("publish this year again although it was published before with other figures (the new "
                  "version keeps hidden what the earlier one hid)")
LANG_CHOICES = ["nl", "en"]


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="vertrouwd", description="Vertrouwd: the confidential adviser's encrypted case log.")
    p.add_argument("--version", action="version", version=f"vertrouwd {__version__}")
    p.add_argument("--vault", metavar="PATH", help="the vault file (default: in the user data folder)")
    p.add_argument("--passphrase-file", metavar="FILE",
                   help=f"read the vault passphrase from the first line of FILE; given, it wins over "
                        f"${ENV_PASSPHRASE} (without it: ${ENV_PASSPHRASE}, else a prompt)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for add_group in (_add_vault_commands, _add_data_commands, _add_request_commands, _add_report_commands,
                      _add_stats_commands, _add_checklist_commands):
        add_group(sub)
    return p


def _add_vault_commands(sub) -> None:
    """The vault itself: init, backup, restore, passwd, check, retention."""
    sub.add_parser("init", help="create a new vault")
    b = sub.add_parser("backup", help="write an encrypted backup")
    b.add_argument("out")
    r = sub.add_parser("restore", help="restore the vault from a backup")
    r.add_argument("backup")
    r.add_argument("--force", action="store_true", help="replace an existing vault")
    sub.add_parser("passwd", help=f"change the passphrase (new one from ${ENV_NEW_PASSPHRASE} or a prompt)")
    sub.add_parser("check", help="check the vault's encryption and structure")
    ret = sub.add_parser("retention", help="retention: show or remove case details that fall due")
    ret.add_argument("action", choices=["show", "purge", "remove-copies"])
    ret.add_argument("--yes", action="store_true", help="purge without asking")


def _add_data_commands(sub) -> None:
    """What the vault holds: org, case, import, export, demo."""
    org = sub.add_parser("org", help="client organisations").add_subparsers(dest="org_cmd", required=True,
                                                                            parser_class=_Parser)
    a = org.add_parser("add", help="add an organisation")
    a.add_argument("name")
    a.add_argument("--unit", action="append", default=[], help="a unit or department (repeatable)")
    sectors = list(vocabularies()[V.SECTOR].codes)
    a.add_argument("--sector", choices=sectors, default=V.DEFAULT_SECTOR,
                   help="switches on the categories of a sector (leerling, client, sporter, ...)")
    e = org.add_parser("edit", help="change an organisation's sector (its cases keep their codes)")
    e.add_argument("name")
    e.add_argument("--sector", choices=sectors, required=True)
    ol = org.add_parser("list", help="list organisations")
    ol.add_argument("--json", action="store_true")

    imp = sub.add_parser("import", help="import a vertrouwd-data JSON file (version 1 or 2; all or nothing)")
    imp.add_argument("file")

    from app import sheet_cli
    sheet_cli.add_parser(sub)

    exp = sub.add_parser("export", help="export all data as vertrouwd-data/2 JSON (plain text!)")
    exp.add_argument("out")
    exp.add_argument("--with-notes", action="store_true",
                     help="include the conversation notes (left out by default: the file is not encrypted)")
    exp.add_argument("--without-notes", action="store_true", help=argparse.SUPPRESS)

    case = sub.add_parser("case", help="cases").add_subparsers(dest="case_cmd", required=True,
                                                               parser_class=_Parser)
    cl = case.add_parser("list", help="list cases")
    cl.add_argument("--org")
    cl.add_argument("--year", type=_year, metavar="YYYY", help="cases opened in this year")
    cl.add_argument("--status", choices=["open", "gesloten"])
    cl.add_argument("--json", action="store_true")
    close = case.add_parser("close", help="close a case as of today (an ongoing follow-up becomes opvang_advies)")
    close.add_argument("code", help="the case code, e.g. 2026-014")
    close.add_argument("--outcome", choices=list(vocabularies()[V.OUTCOME].codes),
                       help="the outcome (afloop); default: what the closing checklist collected, else onbekend")
    case.add_parser("reopen", help="open a closed case again").add_argument("code", help="the case code, e.g. 2026-014")
    crm = case.add_parser("reminders", help="open reminders (of one case, or all)")
    crm.add_argument("code", nargs="?", help="only this case")
    case.add_parser("done", help="mark a reminder done").add_argument("reminder", type=int, metavar="ID")

    d = sub.add_parser("demo", help="fill the vault with synthetic demo data")
    d.add_argument("--cases", type=int, required=True)
    d.add_argument("--orgs", type=int, default=5)
    d.add_argument("--years", type=int, default=3)
    d.add_argument("--seed", type=int, default=1)


def _add_request_commands(sub) -> None:
    """Requests for information or advice, counted apart from cases: request add|list|delete."""
    req = sub.add_parser("request", help="requests for information or advice (not cases)").add_subparsers(
        dest="request_cmd", required=True, parser_class=_Parser)
    a = req.add_parser("add", help="record a request (no names: only its kind, who asked and the time)")
    a.add_argument("--org", required=True, help="the organisation")
    a.add_argument("--kind", required=True, help="kind of request, e.g. advies_leidinggevende")
    a.add_argument("--asker", required=True, help="who asked, e.g. leidinggevende, medewerker, hr")
    a.add_argument("--topic", help="the kind of behaviour it was about (optional), e.g. pesten")
    a.add_argument("--minutes", type=int, default=5, help="minutes spent (default 5)")
    a.add_argument("--date", help="YYYY-MM-DD (default today)")
    rl = req.add_parser("list", help="list requests")
    rl.add_argument("--org")
    rl.add_argument("--year", type=_year, metavar="YYYY")
    rl.add_argument("--json", action="store_true")
    req.add_parser("delete", help="remove a request").add_argument("id", type=int, metavar="ID")
    for p in (a, rl, req.choices["delete"]):
        p.add_argument("--lang", choices=LANG_CHOICES, help="language of the messages (default nl)")


def _add_report_commands(sub) -> None:
    """The decision aid and the annual report."""
    dec = sub.add_parser("decide", help="decision aid: which route fits the facts")
    dec.add_argument("--facts", required=True, metavar="FILE.json")
    dec.add_argument("--lang", choices=LANG_CHOICES)

    rep = sub.add_parser("report", help="the anonymised annual report of one organisation, or of all")
    _add_scope(rep)
    rep.add_argument("--year", type=_year, required=True, metavar="YYYY")
    rep.add_argument("--format", choices=["pdf", "csv", "json", "xlsx", "csv-excel"], required=True,
                     help="csv: for machines (comma, decimal point); csv-excel: for Excel in the --lang "
                          "(Dutch: semicolon, decimal comma); xlsx: an Excel workbook")
    rep.add_argument("--out", required=True)
    rep.add_argument("--threshold", type=int)
    rep.add_argument("--lang", choices=LANG_CHOICES)
    rep.add_argument("--allow-flagged", action="store_true",
                     help="print the PDF even when the privacy check flags the narrative text")
    rep.add_argument("--republish", action="store_true", help=REPUBLISH_HELP)


def _add_scope(parser) -> None:
    """--org NAME, or --all-orgs for the report over every organisation of the vault together."""
    scope = parser.add_mutually_exclusive_group(required=True)
    scope.add_argument("--org")
    scope.add_argument("--all-orgs", action="store_true",
                       help="all organisations together (audited with every organisation report of the year)")


def _add_stats_commands(sub) -> None:
    """Signed statistics for supervisors: stats export / verify / merge / keygen."""
    st = sub.add_parser("stats", help="signed statistics for supervisors").add_subparsers(
        dest="stats_cmd", required=True, parser_class=_Parser)
    se = st.add_parser("export", help="write a signed .vstat file")
    _add_scope(se)
    se.add_argument("--year", type=_year, required=True, metavar="YYYY")
    se.add_argument("--out", required=True)
    se.add_argument("--to", metavar="SUPERVISOR_PUBKEY", help="encrypt to this supervisor key file")
    se.add_argument("--threshold", type=int)
    se.add_argument("--republish", action="store_true", help=REPUBLISH_HELP)
    key_help = (f"your supervisor.key, to open encrypted files (its passphrase from "
                f"${ENV_SUPERVISOR_PASSPHRASE}, else a prompt)")
    sv = st.add_parser("verify", help="verify .vstat files")
    sv.add_argument("files", nargs="+")
    sv.add_argument("--trust", action="append", default=[], metavar="FINGERPRINT",
                    help="an adviser key you checked (repeatable); other keys fail")
    sv.add_argument("--key", metavar="SUPERVISOR_KEY_FILE", help=key_help)
    sm = st.add_parser("merge", help="combine .vstat files")
    sm.add_argument("files", nargs="+")
    sm.add_argument("--out", required=True)
    sm.add_argument("--by", choices=["organisation", "adviser", "year", "all"], default="organisation")
    sm.add_argument("--lang", choices=LANG_CHOICES)
    sm.add_argument("--trust", action="append", default=[], metavar="FINGERPRINT",
                    help="accept only files signed by these adviser keys (repeatable)")
    sm.add_argument("--key", metavar="SUPERVISOR_KEY_FILE", help=key_help)
    sm.add_argument("--allow-untrusted", action="store_true",
                    help="combine validly signed files without checking who signed them")
    sk = st.add_parser("keygen", help=f"make a supervisor key pair for encrypted delivery (passphrase for "
                                      f"the key from ${ENV_SUPERVISOR_PASSPHRASE} or a prompt)")
    sk.add_argument("--out", required=True, metavar="DIR")


def _add_checklist_commands(sub) -> None:
    """Conversation checklists (no vault needed)."""
    ck = sub.add_parser("checklist", help="conversation checklists (no vault needed)").add_subparsers(
        dest="checklist_cmd", required=True, parser_class=_Parser)
    ckl = ck.add_parser("list", help="the checklists: id, version, title")
    ckl.add_argument("--lang", choices=LANG_CHOICES, help="language of the titles")
    cke = ck.add_parser("export", help="write a checklist as a TOML file, to adapt and import")
    cke.add_argument("id")
    cke.add_argument("out", metavar="OUT.toml")
    cke.add_argument("--version", type=int, dest="template_version", metavar="N",
                     help="this version (default: the newest)")
    cki = ck.add_parser("import", help="check a TOML checklist and add it (nothing is added when invalid)")
    cki.add_argument("file", metavar="FILE.toml")


# -- the person's language ---------------------------------------------------------------------
def _message_language(args) -> str:
    """The language of messages: --lang where the command has it, else $VERTROUWD_LANG, else Dutch.
    A command's own --lang (the language of a report, say) stays Dutch when it is not given."""
    explicit = getattr(args, "lang", None)
    if hasattr(args, "lang") and explicit is None:
        args.lang = texts.DEFAULT_LANGUAGE
    return texts.language(explicit) if explicit else texts.environment_language()


def _text(args, code: str, **params) -> str:
    """A sentence of the command line (cli.say.* in resources/messages.json) in the command's language."""
    return texts.message(code, getattr(args, "msg_lang", None) or texts.environment_language(), **params)


def _lang(args) -> str:
    """The language of the command's sentences (for labels printed in them)."""
    return getattr(args, "msg_lang", None) or texts.environment_language()


def _say(args, stream: TextIO, code: str, **params) -> None:
    print(_text(args, code, **params), file=stream)


# -- passphrases --------------------------------------------------------------------------------
def read_passphrase(args, *, confirm: bool = False, env: str = ENV_PASSPHRASE, label: str = "passphrase",
                    use_file: bool = True) -> str:
    """The passphrase from --passphrase-file (when given, it wins), else from `env`, else a prompt."""
    if use_file and args.passphrase_file:
        try:
            with open(args.passphrase_file, encoding="utf-8") as fh:
                value = fh.readline().rstrip("\r\n")
        except OSError as exc:
            raise UserError("cli.passphrase_file_unreadable", passphrase_file=args.passphrase_file, strerror=exc.strerror) \
                from None
        except UnicodeDecodeError:
            raise UserError("cli.passphrase_file_not_utf8", passphrase_file=args.passphrase_file) from None
        if not value:
            raise UserError("cli.passphrase_file_empty", passphrase_file=args.passphrase_file)
        return value
    value = os.environ.get(env)
    if value:
        return value
    if not _interactive():
        raise UserError("cli.no_passphrase", env=env)
    value = getpass.getpass(_text(args, f"cli.say.prompt.{label}") + ": ")
    again = _text(args, "cli.say.prompt.again", what=_text(args, f"cli.say.prompt.{label}"))
    if confirm and getpass.getpass(again + ": ") != value:
        raise UserError("cli.passphrases_differ")
    return value


def _interactive() -> bool:
    return bool(sys.stdin) and sys.stdin.isatty()


def _supervisor_key(args, path: str | None) -> bytes | None:
    """The raw supervisor key from `path` (None without --key); asks for its passphrase if it has one."""
    from app.keys import load_supervisor_key
    if not path:
        return None
    try:
        with open(path, "rb") as fh:
            encrypted = b"ENCRYPTED PRIVATE KEY" in fh.read(4096)
    except OSError:
        encrypted = False  # load_supervisor_key reports the unreadable file
    passphrase = None
    if encrypted:
        passphrase = os.environ.get(ENV_SUPERVISOR_PASSPHRASE)
        if not passphrase:
            if not _interactive():
                raise UserError("cli.supervisor_key_needs_passphrase", path=path,
                                env=ENV_SUPERVISOR_PASSPHRASE)
            passphrase = getpass.getpass(_text(args, "cli.say.prompt.supervisor_key") + ": ")
    return load_supervisor_key(path, passphrase)


def _keygen_passphrase(args, err: TextIO) -> str | None:
    """The optional passphrase for a new supervisor key; None means the key is stored unencrypted."""
    value = os.environ.get(ENV_SUPERVISOR_PASSPHRASE)
    if not value and _interactive():
        value = getpass.getpass(_text(args, "cli.say.prompt.new_supervisor_key") + ": ")
        again = _text(args, "cli.say.prompt.again", what=_text(args, "cli.say.prompt.passphrase"))
        if value and getpass.getpass(again + ": ") != value:
            raise UserError("cli.passphrases_differ_no_key")
    if value and len(value) < 8:
        raise UserError("cli.supervisor_passphrase_too_short")
    if not value:
        _say(args, err, "cli.say.key_unprotected", env=ENV_SUPERVISOR_PASSPHRASE)
        return None
    return value


def _vault_path(args) -> Path:
    return Path(args.vault) if args.vault else default_vault_path()


def _open(args, passphrase: str | None = None):
    from app.store.repository import Repository
    from app.store.vault import Vault
    vault = Vault.open(_vault_path(args), passphrase or read_passphrase(args))
    return vault, Repository(vault)


# -- commands -----------------------------------------------------------------------------------
def cmd_init(args, out: TextIO, err: TextIO) -> int:
    from app.store.vault import Vault
    path = _vault_path(args)
    if os.path.lexists(path):
        raise UserError("cli.vault_exists", path=path)
    vault = Vault.create(path, read_passphrase(args, confirm=True))
    vault.close()
    _say(args, out, "cli.say.vault_created", path=path)
    return EXIT_OK


def cmd_org(args, out, err) -> int:
    vault, repo = _open(args)
    try:
        if args.org_cmd == "add":
            repo.add_organisation(args.name, args.unit, args.sector)
            _say(args, out, "cli.say.org_added", name=args.name.strip())
        elif args.org_cmd == "edit":
            org = repo.organisation(args.name)
            repo.update_organisation(org.id, org.name, org.units, args.sector)
            _say(args, out, "cli.say.org_sector", name=org.name,
                 sector=vocabularies().label(V.SECTOR, args.sector, _lang(args)))
        else:
            orgs = repo.list_organisations()
            if args.json:
                json.dump([{"name": o.name, "units": o.units, "sector": o.sector} for o in orgs], out,
                          ensure_ascii=False, indent=1)
                out.write("\n")
            else:
                for o in orgs:
                    sector = "" if o.sector == V.DEFAULT_SECTOR else \
                        f"  [{vocabularies().label(V.SECTOR, o.sector, _lang(args))}]"
                    print(o.name + (f"  ({', '.join(o.units)})" if o.units else "") + sector, file=out)
    finally:
        vault.close()
    return EXIT_OK


def cmd_import(args, out, err) -> int:
    from app import interchange
    data = interchange.load_file(args.file)
    interchange.parse(data)  # validate before asking for the passphrase-protected vault
    vault, repo = _open(args)
    try:
        counts = interchange.import_data(repo, data)
    finally:
        vault.close()
    _say(args, out, "cli.say.imported", **counts)
    return EXIT_OK


def cmd_import_sheet(args, out, err) -> int:
    from app import sheet_cli
    return sheet_cli.cmd_import_sheet(args, out, err, _open)


def cmd_export(args, out, err) -> int:
    from app import interchange
    with_notes = args.with_notes and not args.without_notes
    _say(args, err, "cli.say.export_with_notes" if with_notes else "cli.say.export_without_notes")
    vault, repo = _open(args)
    try:
        interchange.export_data(repo, args.out, include_notes=with_notes)
        repo.log("export", "gegevens")
    finally:
        vault.close()
    _say(args, out, "cli.say.written", path=args.out)
    return EXIT_OK


def cmd_case(args, out, err) -> int:
    if args.case_cmd != "list":
        return _case_work(args, out, err)
    vault, repo = _open(args)
    try:
        if args.org:
            args.org = repo.organisation(args.org).name   # the one matching rule; a clear error when unknown
        rows = repo.list_cases(organisation=args.org, year=args.year, status=args.status)
    finally:
        vault.close()
    if args.json:
        json.dump([{"code": r.code, "organisation": r.organisation, "opened": r.opened.isoformat(),
                    "closed": r.closed.isoformat() if r.closed else None, "status": r.status,
                    "position": r.position, "reporter_role": r.reporter_role, "behaviour": r.behaviour,
                    "accused_relation": r.accused_relation, "follow_up": r.follow_up,
                    "contacts": r.contacts, "minutes": r.minutes} for r in rows], out, ensure_ascii=False,
                  indent=1)
        out.write("\n")
    else:
        for r in rows:
            print(f"{r.code}\t{r.organisation}\t{r.opened.isoformat()}\t{r.status}\t{r.behaviour}\t"
                  + _text(args, "cli.say.n_contacts", n=r.contacts), file=out)
        _say(args, err, "cli.say.n_cases", n=len(rows))
    return EXIT_OK


def _case_work(args, out: TextIO, err: TextIO) -> int:
    """`case close|reopen CODE`, `case reminders [CODE]`, `case done ID`: the window's use cases."""
    from datetime import date

    from app import casework
    vault, repo = _open(args)
    try:
        if args.case_cmd == "done":
            done = casework.complete_reminder(repo, args.reminder)
            _say(args, out if done else err, "cli.say.reminder_done" if done else "cli.say.reminder_not_open",
                 reminder=args.reminder)
            return EXIT_OK if done else EXIT_USER
        case_id = repo.case_id_by_code(args.code) if args.code else None
        if args.case_cmd == "reminders":
            for r in repo.reminders(case_id=case_id):
                print(f"{r.id}\t{r.due.isoformat()}\t{r.case_code}\t{r.kind}", file=out)
        elif args.case_cmd == "close":
            lang = texts.language(_lang(args))
            for item in casework.open_required(repo.get_case(case_id), lang):
                _say(args, err, "cli.say.open_required_item", date=item.contact_date.isoformat(), item=item.text)
            case = casework.close_case(repo, case_id, date.today(), outcome=args.outcome)
            _say(args, out, "cli.say.case_closed", case=case.code, date=case.closed.isoformat(),
                 follow_up=case.follow_up)
            _say(args, out, "cli.say.case_outcome", outcome=vocabularies().label(V.OUTCOME, case.outcome, lang))
        else:
            case = casework.reopen_case(repo, case_id)
            _say(args, out, "cli.say.case_reopened", case=case.code)
    finally:
        vault.close()
    return EXIT_OK


def cmd_request(args, out, err) -> int:
    from datetime import date

    from app import casework
    from app.errors import ValidationError
    from app.resources import vocabularies
    from models import vocab as V
    from models.entities import Request, parse_date
    day = date.today()
    if getattr(args, "date", None):
        day, problem = parse_date(args.date, "date")
        if problem:
            raise ValidationError(f"problem.{problem.code}", field="date", where="", detail=problem.message)
    vault, repo = _open(args)
    try:
        if args.request_cmd == "add":
            req = casework.record_request(repo, Request(organisation=args.org, date=day, kind=args.kind,
                                                        asker=args.asker, topic=args.topic, minutes=args.minutes))
            _say(args, out, "cli.say.request_added", id=req.id, organisation=req.organisation)
            return EXIT_OK
        if args.request_cmd == "delete":
            casework.remove_request(repo, args.id)
            _say(args, out, "cli.say.request_deleted", id=args.id)
            return EXIT_OK
        org = repo.organisation(args.org).name if args.org else None
        rows = repo.list_requests(organisation=org, year=args.year)
    finally:
        vault.close()
    if args.json:
        json.dump([{"id": r.id, "organisation": r.organisation, "date": r.date.isoformat(), "kind": r.kind,
                    "asker": r.asker, "topic": r.topic, "minutes": r.minutes} for r in rows], out,
                  ensure_ascii=False, indent=1)
        out.write("\n")
        return EXIT_OK
    vocabs = vocabularies()
    for r in rows:
        topic = vocabs.label(V.BEHAVIOUR, r.topic, args.msg_lang) if r.topic else "-"
        print(f"{r.id}\t{r.date.isoformat()}\t{r.organisation}\t{vocabs.label(V.REQUEST_KIND, r.kind, args.msg_lang)}"
              f"\t{vocabs.label(V.REQUEST_ASKER, r.asker, args.msg_lang)}\t{topic}\t{r.minutes} min", file=out)
    _say(args, err, "cli.say.n_requests", n=len(rows), minutes=sum(r.minutes for r in rows))
    return EXIT_OK


def cmd_backup(args, out, err) -> int:
    vault, repo = _open(args)
    try:
        path = vault.backup(args.out)
        repo.log("backup")
    finally:
        vault.close()
    _say(args, out, "cli.say.backup_written", path=path)
    return EXIT_OK


def cmd_restore(args, out, err) -> int:
    from app.store.vault import Vault
    path = _vault_path(args)
    if path.exists() and not args.force:
        raise UserError("cli.restore_over_vault", path=path)
    vault = Vault.restore(args.backup, path, read_passphrase(args), force=args.force)
    vault.close()
    _say(args, out, "cli.say.restored", path=args.backup)
    return EXIT_OK


def cmd_passwd(args, out, err) -> int:
    current = read_passphrase(args, label="current_passphrase")
    vault, repo = _open(args, current)
    try:
        new = read_passphrase(args, confirm=True, env=ENV_NEW_PASSPHRASE, label="new_passphrase",
                              use_file=False)
        vault.change_passphrase(current, new)
        repo.log("wachtwoord_gewijzigd")
    finally:
        vault.close()
    _say(args, out, "cli.say.passphrase_changed")
    return EXIT_OK


def cmd_check(args, out, err) -> int:
    vault, _ = _open(args)
    try:
        result = vault.check()
    finally:
        vault.close()
    print(result.describe(args.msg_lang), file=out if result.ok else err)
    return EXIT_OK if result.ok else EXIT_USER


def cmd_demo(args, out, err) -> int:
    from app import demo
    if args.cases < 0 or args.orgs < 1 or args.years < 1:
        raise UserError("cli.demo_counts")
    vault, repo = _open(args)
    try:
        counts = demo.generate(repo, args.cases, orgs=args.orgs, years=args.years, seed=args.seed)
    finally:
        vault.close()
    _say(args, out, "cli.say.demo_added", **counts)
    return EXIT_OK


def cmd_decide(args, out, err) -> int:
    from app.guidance import decide
    result = decide.decide_from_file(args.facts, args.lang)
    json.dump(result, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return EXIT_OK


def cmd_report(args, out, err) -> int:
    from app.reporting import report
    vault, repo = _open(args)
    try:
        request = report.resolve(repo, None if args.all_orgs else args.org, args.year, args.threshold, args.lang)
        path = report.export_report(repo, request, fmt=args.format, out=args.out,
                                    allow_flagged=args.allow_flagged, republish=args.republish)
    finally:
        vault.close()
    _say(args, out, "cli.say.report_written", path=path)
    return EXIT_OK


def cmd_stats(args, out, err) -> int:
    if args.stats_cmd == "verify":
        return stats_verify(args.files, args.trust, out, err, supervisor_key=_supervisor_key(args, args.key),
                            lang=args.msg_lang)
    if args.stats_cmd == "merge":
        if not args.trust and not args.allow_untrusted:
            raise UserError("cli.merge_needs_trust")
        return stats_merge(args.files, args.out, args.by, args.lang, out, err,
                           trusted=args.trust or None, supervisor_key=_supervisor_key(args, args.key),
                           msg_lang=args.msg_lang)
    if args.stats_cmd == "keygen":
        return stats_keygen(args.out, out, err, passphrase=_keygen_passphrase(args, err),
                            lang=args.msg_lang)
    from app.exchange import publish as vstat_publish
    from app.reporting import report
    vault, repo = _open(args)
    try:
        request = report.resolve(repo, None if args.all_orgs else args.org, args.year, args.threshold)
        path = vstat_publish.export_vstat(repo, request, out=args.out, to=args.to, republish=args.republish)
    finally:
        vault.close()
    _say(args, out, "cli.say.vstat_written", path=path)
    return EXIT_OK


def cmd_retention(args, out, err) -> int:
    from app.privacy import retention
    vault, repo = _open(args)
    try:
        return retention.cmd_retention(repo, args.action, args.yes, out, err,
                                       lang=getattr(args, "msg_lang", None) or texts.environment_language())
    finally:
        vault.close()


def cmd_checklist(args, out, err) -> int:
    from app import paths
    from app.guidance import checklists
    store = paths.templates_dir()
    if args.checklist_cmd == "list":
        problems: list[str] = []
        templates = [*checklists.shipped_templates(), *checklists.user_templates(store, problems)]
        for t in sorted(templates, key=lambda t: (t.id, t.version)):
            print(f"{t.id}\t{t.version}\t{t.title_in(args.lang)}", file=out)
        for problem in problems:
            _say(args, err, "cli.say.checklist_skipped", problem=problem)
        return EXIT_OK
    if args.checklist_cmd == "export":
        template = checklists.get_template(args.id, args.template_version, store)
        if args.template_version is not None and template.version != args.template_version:
            raise UserError("cli.checklist_no_such_version", checklist=args.id,
                            template_version=args.template_version)
        path = checklists.export_template(args.id, args.out, version=template.version, store_dir=store)
        _say(args, out, "cli.say.checklist_exported", id=template.id, version=template.version, path=path)
        return EXIT_OK
    template = checklists.import_template(args.file, store)
    _say(args, out, "cli.say.checklist_imported", id=template.id, version=template.version,
         title=template.title_in(args.msg_lang))
    return EXIT_OK


# -- signed statistics (stats verify / merge / keygen) ------------------------------------------
def stats_verify(files: list[str], trusted: list[str], out: TextIO, err: TextIO, *,
                 supervisor_key: bytes | None = None, lang: str | None = None) -> int:
    """Print "OK <file> <org> <year> <fingerprint>" or "FAILED <file>: <reason>" per file.

    A file signed by a key that `trusted` (fingerprints; spaces and case ignored) does not name fails.
    Exit code 0 only when every file verifies; 1 otherwise.
    """
    from app.exchange.vstat import VStatError, read_vstat_file
    from app.keys import normalise_fingerprint
    if not files:
        err.write(texts.message("cli.say.no_files", lang) + "\n")
        return 1
    wanted = {normalise_fingerprint(f) for f in trusted or []}
    ok = True
    for name in files:
        try:
            v = read_vstat_file(name, supervisor_key=supervisor_key)
            if normalise_fingerprint(v.fingerprint) not in wanted:
                raise VStatError("cli.untrusted_key_verify", fingerprint=v.fingerprint)
        except VStatError as exc:
            ok = False
            out.write(f"FAILED {name}: {exc.text(lang or texts.environment_language())}\n")
            continue
        out.write(f"OK {name} {v.organisation} {v.year} {v.fingerprint}\n")
    return 0 if ok else 1


def stats_merge(files: list[str], out_path: str, by: str, lang: str, out: TextIO, err: TextIO, *,
                trusted: list[str] | None = None, supervisor_key: bytes | None = None,
                msg_lang: str | None = None) -> int:
    """Verify and combine files, then write the result as .pdf, .csv or .json (from the extension).

    Nothing is written when any file fails. When `trusted` is given, every file must be signed by one
    of those fingerprints.
    """
    from app.exchange import render as stats_render
    from app.exchange.combine import MERGE_BY, merge
    say = msg_lang or lang   # the language of the messages; `lang` is the language of the output file

    ext = Path(out_path).suffix.lower()
    if ext not in (".pdf", ".csv", ".json"):
        err.write(texts.message("cli.say.output_format", say, path=out_path) + "\n")
        return 1
    if by not in MERGE_BY:
        err.write(texts.message("combine.unknown_grouping", say, by=by, merge_by=", ".join(MERGE_BY)) + "\n")
        return 1
    if lang not in ("nl", "en"):
        err.write(texts.message("combined.unknown_language", "en", language=lang) + "\n")
        return 1
    if not files:
        err.write(texts.message("cli.say.no_files", say) + "\n")
        return 1
    from app.exchange.vstat import VStatError, read_vstat_file
    from app.keys import normalise_fingerprint
    wanted = None if trusted is None else {normalise_fingerprint(f) for f in trusted}
    vstats, failed = [], False
    for name in files:
        try:
            v = read_vstat_file(name, supervisor_key=supervisor_key)
            if wanted is not None and normalise_fingerprint(v.fingerprint) not in wanted:
                raise VStatError("cli.untrusted_key_merge", fingerprint=v.fingerprint)
        except VStatError as exc:
            err.write(f"FAILED {name}: {exc.text(say)}\n")
            failed = True
            continue
        vstats.append(v)
        out.write(f"OK {name} {v.organisation} {v.year} {v.fingerprint}\n")
    if failed:
        err.write(texts.message("cli.say.nothing_written", say) + "\n")
        return 1
    try:
        combined = merge(vstats, by)
        if ext == ".pdf":
            stats_render.write_pdf(combined, out_path, lang=lang, program_version=__version__)
        elif ext == ".csv":
            stats_render.write_csv(combined, out_path, lang=lang)
        else:
            stats_render.write_json(combined, out_path)
    except UserError as exc:
        err.write(exc.text(say) + "\n")
        return 1
    except OSError as exc:
        err.write(texts.message("cli.say.cannot_write", say, path=out_path, reason=exc.strerror or exc) + "\n")
        return 1
    for note in combined.notes:
        out.write(f"note: {stats_render.note_text(note, by, say)}\n")
    out.write(texts.message("cli.say.merge_written", say, path=out_path) + "\n")
    return 0


def stats_keygen(out_dir: str, out: TextIO, err: TextIO, *, passphrase: str | None = None,
                 lang: str | None = None) -> int:
    """Make a supervisor key pair in `out_dir`; print the public line and its fingerprint."""
    from app.keys import fingerprint, format_supervisor_pub, generate_supervisor_keypair
    try:
        pub = generate_supervisor_keypair(out_dir, passphrase=passphrase)
    except UserError as exc:
        err.write(exc.text(lang or texts.environment_language()) + "\n")
        return 1
    out.write(f"{format_supervisor_pub(pub)}\n")
    out.write(f"fingerprint {fingerprint(pub)}\n")
    out.write(texts.message("cli.say.keygen_done", lang or texts.environment_language(),
                            pub=Path(out_dir) / "supervisor.pub") + "\n")
    return 0


COMMANDS = {"init": cmd_init, "org": cmd_org, "import": cmd_import, "import-sheet": cmd_import_sheet, "export": cmd_export, "case": cmd_case,
            "backup": cmd_backup, "restore": cmd_restore, "passwd": cmd_passwd, "check": cmd_check,
            "demo": cmd_demo, "decide": cmd_decide, "report": cmd_report, "stats": cmd_stats,
            "retention": cmd_retention, "checklist": cmd_checklist, "request": cmd_request}


def main(argv: list[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    global _usage_lang
    words = list(sys.argv[1:] if argv is None else argv)
    _usage_lang = next((words[i + 1] for i, w in enumerate(words[:-1]) if w == "--lang"), None)
    try:  # argparse writes help, version and usage errors to sys.stdout/stderr: send them to out/err
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if not args.command:
        parser.print_help(out)
        return EXIT_USAGE
    lang = args.msg_lang = _message_language(args)
    try:
        return COMMANDS[args.command](args, out, err)
    except VertrouwdError as exc:
        print(f"vertrouwd: {exc.text(lang)}", file=err)
        return exc.exit_code
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        _say(args, err, "cli.say.interrupted")
        return 130
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        if exc.errno == errno.ENOSPC:
            _say(args, err, "cli.say.disk_full", where=where)
        else:
            _say(args, err, "cli.say.os_error", reason=exc.strerror or exc, where=where)
        return EXIT_USER
    except RecursionError:
        _say(args, err, "cli.say.too_deep")
        return EXIT_USER
    except sqlcipher3.IntegrityError as exc:  # a value the database refuses: not damage
        _say(args, err, "cli.say.value_refused", reason=exc)
        return EXIT_USER
    except sqlcipher3.DatabaseError as exc:
        if "full" in str(exc).lower():
            _say(args, err, "cli.say.disk_full_vault")
            return EXIT_USER
        if "disk I/O error" in str(exc):  # e.g. a file-size limit or a removed disk; SQLite rolls back
            _say(args, err, "cli.say.disk_io_error")
            return EXIT_USER
        _say(args, err, "cli.say.vault_unreadable", reason=exc)
        return EXIT_USER


if __name__ == "__main__":  # pragma: no cover
    from app.hardening import disable_core_dumps  # main.py does this for the installed command
    disable_core_dumps()
    sys.exit(main())
