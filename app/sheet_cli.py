"""The command line's `import-sheet`: a spreadsheet (.xlsx or .csv) into the vault, after a dry run."""
from __future__ import annotations

import argparse
from typing import TextIO

EXIT_OK = 0


def add_parser(sub) -> None:
    """The `import-sheet` subcommand (called from app.cli.build_parser)."""
    p = sub.add_parser("import-sheet", help="import cases from a spreadsheet (.xlsx or .csv); no names come in")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: the first visible one)")
    p.add_argument("--mapping", metavar="MAPPING.toml", help="use this mapping instead of the proposed one")
    p.add_argument("--write-mapping", metavar="OUT.toml",
                   help="write the proposed (or given) mapping to edit, and stop; the vault is not opened")
    p.add_argument("--organisation", metavar="NAME", help="the organisation of every row (a sheet of one client)")
    p.add_argument("--rows", choices=["conversation", "case"], help="one row per conversation or per case")
    p.add_argument("--notes", choices=["replace", "leave-out"],
                   help="notes: replace likely identifiers by placeholders (default) or leave notes out")
    p.add_argument("--dry-run", action="store_true", help="show what would be imported; write nothing")
    p.add_argument("--allow-duplicates", action="store_true",
                   help="also import cases that seem to be in the vault already (left out by default)")


def _mapping(args: argparse.Namespace, sheet, vocabs):
    from app.sheets import mapping as M
    proposed, _ = M.propose(sheet, vocabs)
    m = M.load(args.mapping, vocabs) if args.mapping else proposed
    if args.organisation:
        m.organisation = args.organisation
    if args.rows:
        m.rows = args.rows
    if args.notes:
        m.notes_privacy = args.notes.replace("-", "_")
    m.sheet = sheet.name
    return m


def cmd_import_sheet(args: argparse.Namespace, out: TextIO, err: TextIO, open_vault) -> int:
    """Read, map, and (unless --dry-run or --write-mapping) import in one transaction."""
    from app import texts
    from app.resources import vocabularies
    from app.sheets import mapping as M
    from app.sheets import plan as P
    from app.sheets.read import read_sheet
    lang = texts.language(getattr(args, "msg_lang", None) or texts.environment_language())
    vocabs = vocabularies()
    m0 = M.load(args.mapping, vocabs) if args.mapping else None
    sheet = read_sheet(args.file, args.sheet or (m0.sheet if m0 else None))
    m = _mapping(args, sheet, vocabs)
    if args.write_mapping:
        M.save(m, args.write_mapping)
        print(texts.message("sheets.cli.mapping_written", lang, path=args.write_mapping), file=out)
        return EXIT_OK
    vault, repo = open_vault(args)
    try:
        plan = P.build(sheet, m, vocabs, [o.name for o in repo.list_organisations()], in_vault=P.existing(repo),
                       allow_duplicates=args.allow_duplicates)
        for line in P.summary(plan, sheet, lang):
            print(line, file=out)
        if args.dry_run:
            print(texts.message("sheets.cli.dry_run", lang), file=out)
            return EXIT_OK
        if not plan.cases and plan.duplicate_rows:
            print(texts.message("sheets.cli.all_duplicates", lang), file=out)
            return EXIT_OK
        counts = P.apply(repo, plan)
    finally:
        vault.close()
    print(texts.message("sheets.cli.imported", lang, **counts), file=out)
    return EXIT_OK
