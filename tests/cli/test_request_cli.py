"""`vertrouwd request add|list|delete`: requests for information or advice, apart from cases."""
from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from app import cli, texts


def test_add_list_delete_in_dutch_by_default(vt, monkeypatch):
    monkeypatch.delenv(texts.ENV_LANGUAGE)
    r = vt("request", "add", "--org", "gemeente voorbeeld", "--kind", "advies_leidinggevende",
           "--asker", "leidinggevende", "--topic", "pesten", "--date", "2026-01-12")
    assert r.code == 0, r.err
    assert "Vraag 1 vastgelegd bij Gemeente Voorbeeld" in r.out and "apart van de casussen" in r.out
    assert vt("request", "add", "--org", "Gemeente Voorbeeld", "--kind", "informatie_procedure",
              "--asker", "medewerker", "--minutes", "10", "--date", "2026-02-01").code == 0
    listed = vt("request", "list", "--year", "2026")
    assert listed.code == 0
    lines = listed.out.splitlines()
    assert len(lines) == 2
    assert "Advies aan een leidinggevende" in lines[1] and "Pesten" in lines[1] and "5 min" in lines[1]
    assert "2 vraag/vragen" in listed.err and "15 minuten" in listed.err
    assert vt("case", "list", "--json").out.strip() == "[]"   # requests are no cases
    gone = vt("request", "delete", "1")
    assert gone.code == 0 and "Vraag 1 verwijderd" in gone.out
    again = vt("request", "delete", "1")
    assert again.code == cli.EXIT_USER and "bestaat niet" in again.err
    assert [x["id"] for x in json.loads(vt("request", "list", "--json").out)] == [2]


def test_english_with_lang_en(vt, monkeypatch):
    monkeypatch.delenv(texts.ENV_LANGUAGE)
    r = vt("request", "add", "--org", "Gemeente Voorbeeld", "--kind", "overig", "--asker", "hr", "--lang", "en")
    assert r.code == 0 and "counted apart from cases" in r.out
    listed = vt("request", "list", "--lang", "en")
    assert "HR" in listed.out and date.today().isoformat() in listed.out
    assert "1 request(s)" in listed.err


@pytest.mark.parametrize(("args", "words"), [
    (("--kind", "klacht", "--asker", "hr"), "kind"),
    (("--kind", "overig", "--asker", "hr", "--minutes", "-3"), "negative"),
    (("--kind", "overig", "--asker", "hr", "--date", (date.today() + timedelta(days=2)).isoformat()), "future"),
    (("--kind", "overig", "--asker", "hr", "--date", "12-01-2026"), "YYYY-MM-DD"),
])
def test_bad_input_one_line_nothing_stored(vt, args, words):
    r = vt("request", "add", "--org", "Gemeente Voorbeeld", *args)
    assert r.code == cli.EXIT_USER
    assert words in r.err and "Traceback" not in r.err and len(r.err.strip().splitlines()) == 1
    assert json.loads(vt("request", "list", "--json").out) == []


def test_unknown_organisation(vt):
    r = vt("request", "add", "--org", "Nergens BV", "--kind", "overig", "--asker", "hr")
    assert r.code == cli.EXIT_USER and "org list" in r.err
