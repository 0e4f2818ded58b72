"""How long a spreadsheet of 10,000 conversations takes: reading, planning (privacy guard on every
note) and the import into a fresh vault. Prints figures; run with the project's Python."""
from __future__ import annotations

import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROWS = 10_000


def make(path: Path) -> None:
    import openpyxl
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Registratie")
    ws.append(["Casus", "Organisatie", "Datum", "Soort gedrag", "Relatie", "Vervolg", "Minuten", "Opmerkingen"])
    kinds = ("Pesten", "SI", "Agressie", "Discriminatie", "Werkdruk")
    for i in range(ROWS):
        ws.append([f"C{i // 3}", f"Organisatie {(i // 3) % 7}", date(2019, 1, 1) + timedelta(days=i // 5),
                   kinds[i % 5], "Collega", "Advies", 30 + i % 60,
                   "Gesprek over de sfeer op de afdeling" + (" , bel 06-12345678" if i % 50 == 0 else "")])
    wb.save(path)


def main() -> None:
    from app.resources import vocabularies
    from app.sheets import mapping, plan
    from app.sheets.read import read_sheet
    from app.store.repository import Repository
    from app.store.vault import Vault
    d = Path(tempfile.mkdtemp())
    make(d / "big.xlsx")
    t0 = time.perf_counter()
    sheet = read_sheet(d / "big.xlsx")
    t1 = time.perf_counter()
    m, _ = mapping.propose(sheet, vocabularies())
    p = plan.build(sheet, m, vocabularies(), [])
    t2 = time.perf_counter()
    vault = Vault.create(d / "v.vault", "benchmark passphrase 1", allow_weak=True)
    repo = Repository(vault)
    t3 = time.perf_counter()
    counts = plan.apply(repo, p)
    t4 = time.perf_counter()
    again = plan.build(sheet, m, vocabularies(), [o.name for o in repo.list_organisations()],
                       in_vault=plan.existing(repo))
    t5 = time.perf_counter()
    vault.close()
    print(f"rows {ROWS}: read {t1 - t0:.2f} s, map+plan {t2 - t1:.2f} s, import {t4 - t3:.2f} s "
          f"({counts['cases']} cases, {counts['contacts']} conversations, {p.identifiers_replaced} identifiers replaced)")
    print(f"the same sheet again, checked against the vault: {t5 - t4:.2f} s "
          f"({len(again.duplicate_rows)} cases already there, {len(again.cases)} to import)")


if __name__ == "__main__":
    main()
