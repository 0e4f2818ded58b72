"""The command line speaks Dutch unless told otherwise: --lang en where a command has it, else
VERTROUWD_LANG=en. Errors and the command's own lines come from resources/messages.json."""
from __future__ import annotations

import io

import pytest

from app import cli, texts
from tests.conftest import PASSPHRASE


def call(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def vault(tmp_path, monkeypatch):
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv(texts.ENV_LANGUAGE)
    path = str(tmp_path / "v.vault")
    assert call("--vault", path, "init")[0] == 0
    return path


def test_dutch_by_default(vault):
    code, out, _err = call("--vault", vault, "org", "add", "Gemeente Voorbeeld")
    assert code == 0 and out == "Organisatie toegevoegd: Gemeente Voorbeeld\n"
    code, _out, err = call("--vault", vault, "case", "list", "--org", "Gemeente Onbekend")
    assert code == 1
    assert err == "vertrouwd: Onbekende organisatie 'Gemeente Onbekend'. Bekijk de lijst met: vertrouwd org list\n"
    code, _out, err = call("--vault", vault, "init")
    assert code == 1 and err.startswith("vertrouwd: Er staat al een kluis op ") and "er is niets gewijzigd" in err


def test_environment_chooses_english(vault, monkeypatch):
    monkeypatch.setenv(texts.ENV_LANGUAGE, "en")
    code, _out, err = call("--vault", vault, "case", "list", "--org", "Gemeente Onbekend")
    assert code == 1 and err == ("vertrouwd: Unknown organisation 'Gemeente Onbekend'. See the list with: "
                                 "vertrouwd org list\n")


def test_a_commands_lang_wins(vault, tmp_path, monkeypatch):
    out = str(tmp_path / "r.json")
    code, _out, err = call("--vault", vault, "report", "--org", "Gemeente Onbekend", "--year", "2026",
                           "--format", "json", "--out", out, "--lang", "en")
    assert code == 1 and "Unknown organisation 'Gemeente Onbekend'" in err
    monkeypatch.setenv(texts.ENV_LANGUAGE, "en")
    code, _out, err = call("--vault", vault, "report", "--org", "Gemeente Onbekend", "--year", "2026",
                           "--format", "json", "--out", out, "--lang", "nl")
    assert code == 1 and "Onbekende organisatie 'Gemeente Onbekend'" in err


def test_wrong_passphrase_in_dutch(vault, monkeypatch):
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", "niet het goede wachtwoord")
    code, _out, err = call("--vault", vault, "org", "list")
    assert code == 3 and err.startswith("vertrouwd: Verkeerde wachtwoordzin.")


def test_stats_verify_says_why_in_dutch(tmp_path, monkeypatch):
    monkeypatch.delenv(texts.ENV_LANGUAGE)
    bad = tmp_path / "kapot.vstat"
    bad.write_bytes(b"{")
    code, out, _err = call("stats", "verify", str(bad))
    assert code == 1 and out == f"FAILED {bad}: het bestand is afgebroken (geen geldige JSON); vraag de " \
                                "vertrouwenspersoon het opnieuw te sturen\n"


def test_check_says_the_result_in_dutch_and_in_english(vault, monkeypatch):
    code, out, _err = call("--vault", vault, "check")
    assert code == 0 and out.startswith("De kluis is in orde") and "schemaversie" in out
    monkeypatch.setenv(texts.ENV_LANGUAGE, "en")
    code, out, _err = call("--vault", vault, "check")
    assert code == 0 and out.startswith("Vault is intact")


def test_the_case_list_counts_contacts_in_the_message_language(vault, monkeypatch):
    from app import demo
    from app.store.repository import Repository
    from app.store.vault import Vault
    v = Vault.open(vault, PASSPHRASE)
    demo.generate(Repository(v), 3, orgs=1, years=1, seed=1)
    v.close()
    code, out, err = call("--vault", vault, "case", "list")
    assert code == 0 and err == "3 casus(sen)\n"
    assert all(line.endswith("contact(en)") for line in out.splitlines()), out
    monkeypatch.setenv(texts.ENV_LANGUAGE, "en")
    code, out, _err = call("--vault", vault, "case", "list")
    assert all(line.endswith("contact(s)") for line in out.splitlines()), out


@pytest.mark.parametrize("argv, dutch", [
    (["report", "--year", "2026", "--format", "pdf", "--out", "x.pdf"],
     "vertrouwd report: fout: geef een van deze opties: --org --all-orgs (zie --help)\n"),
    (["report", "--all-orgs", "--org", "A", "--year", "2026", "--format", "pdf", "--out", "x.pdf"],
     "vertrouwd report: fout: --org en --all-orgs gaan niet samen; kies er een (zie --help)\n"),
    (["report", "--all-orgs", "--year", "2026", "--format", "pdq", "--out", "x.pdf"],
     "vertrouwd report: fout: bij --format kan 'pdq' niet; kies uit 'pdf', 'csv', 'json', 'xlsx', 'csv-excel' "
     "(zie --help)\n"),
    (["report", "--all-orgs", "--year", "20x6", "--format", "pdf", "--out", "x.pdf"],
     "vertrouwd report: fout: --year: '20x6' is geen jaartal; schrijf het als 2026 (zie --help)\n"),
    (["report", "--all-orgs", "--year", "2026", "--format", "pdf", "--out", "x.pdf", "--threshold", "x"],
     "vertrouwd report: fout: bij --threshold is 'x' geen geldige waarde; geef een geheel getal (zie --help)\n"),
    (["org", "list", "--bla"],
     "vertrouwd: fout: deze opties kent het programma niet: --bla; laat ze weg of controleer de spelling "
     "(zie --help)\n"),
])
def test_usage_errors_are_dutch_by_default(monkeypatch, argv, dutch):
    monkeypatch.delenv(texts.ENV_LANGUAGE)
    code, _out, err = call(*argv)
    assert code == 2 and err == dutch


def test_usage_errors_follow_lang_en_as_typed(monkeypatch):
    monkeypatch.delenv(texts.ENV_LANGUAGE)
    code, _out, err = call("report", "--all-orgs", "--year", "1026", "--format", "pdf", "--out", "x.pdf",
                           "--lang", "en")
    assert code == 2 and err == ("vertrouwd report: error: argument --year: 1026 is not a year from 1900 to 2999 "
                                 "(see --help)\n")
