"""Signed statistics files: make, read, verify, encrypt, combine, and a hostile-input fuzz."""
from __future__ import annotations

import base64
import io
import json
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import keys as exkeys
from app.errors import UserError, WrongPassphrase
from app.exchange import combine
from app.exchange import vstat as ex
from app.exchange.vstat import VStatError

ROWS = ["pesten", "seksuele_intimidatie", "intimidatie", "agressie_geweld", "werkdruk"]
WHEN = datetime(2027, 2, 1, 9, 30, tzinfo=UTC)


def report(org="Gemeente Noord", year=2026, threshold=5, behaviour=(12, None, None, 0, 14), total=31,
           **extra) -> dict:
    """An annual report as app/reporting/report.py writes it (one-way and two-way tables, hidden = null)."""
    doc = {
        "format": "vertrouwd-report/1", "organisation": org, "year": year, "threshold": threshold,
        "method": "Cells below the threshold are hidden, with extra cells so that totals do not reveal them.",
        "narrative": "Two signals about one department.",   # never exported
        "totals": {"cases": total, "contacts": 74, "hours": 61.5},
        "tables": [
            {"id": "behaviour", "unit": "cases", "rows": list(ROWS), "cols": None,
             "cells": [[v] for v in behaviour], "row_totals": list(behaviour), "col_totals": [total],
             "total": total},
            {"id": "behaviour_relation", "unit": "cases", "rows": ["pesten", "werkdruk"],
             "cols": ["collega", "leidinggevende"],
             "cells": [[None, None], [None, None]], "row_totals": [10, 12], "col_totals": [None, None],
             "total": 22},
            {"id": "activity_hours", "unit": "hours", "rows": ["voorlichting", "beleidsadvies"], "cols": None,
             "cells": [[10.5], [3.25]], "row_totals": [10.5, 3.25], "col_totals": [13.75], "total": 13.75},
        ],
    }
    doc.update(extra)
    return doc


@pytest.fixture(scope="module")
def key() -> bytes:
    return exkeys.generate_signing_key()


@pytest.fixture(scope="module")
def small(key) -> bytes:
    """A small signed file (one table) for the every-byte test."""
    r = report()
    r["tables"] = r["tables"][:1]
    return ex.make_vstat(r, key, program_version="0.1.0", created=WHEN)


def test_keys_and_fingerprint(key):
    assert len(key) == 32
    pub = exkeys.public_key(key)
    assert len(pub) == 32 and pub != key
    fp = exkeys.fingerprint(pub)
    groups = fp.split(" ")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    assert fp == fp.upper()
    assert exkeys.same_fingerprint(fp.lower().replace(" ", ""), fp)
    assert exkeys.fingerprint(exkeys.public_key(exkeys.generate_signing_key())) != fp
    with pytest.raises(VStatError):
        exkeys.fingerprint(b"short")


def test_canonical_form():
    assert ex.canonical({"b": 1, "a": [1.0, 2.5, "é"]}) == '{"a":[1,2.5,"é"],"b":1}'.encode()
    with pytest.raises(VStatError):
        ex.canonical({"x": float("nan")})
    with pytest.raises(VStatError):
        ex.canonical({"x": float("inf")})
    with pytest.raises(VStatError):
        ex.canonical({1: 2})


def test_round_trip(key):
    data = ex.make_vstat(report(), key, program_version="0.1.0", created=WHEN)
    doc = json.loads(data)
    assert doc["format"] == "vertrouwd-stats/1"
    assert "narrative" not in doc and b"signals" not in data
    v = ex.read_vstat(data)
    assert v.organisation == "Gemeente Noord" and v.year == 2026 and v.threshold == 5
    assert v.created == WHEN and v.program_version == "0.1.0"
    assert v.adviser_key == exkeys.public_key(key)
    assert v.fingerprint == exkeys.fingerprint(exkeys.public_key(key))
    beh = v.table("behaviour")
    assert beh.cells[0] == (12,) and beh.cells[1] == (None,)
    assert v.table("activity_hours").total == 13.75
    assert v.raw == data and not v.encrypted


@pytest.mark.parametrize("mutate, message", [
    (lambda r: r["tables"][0].update(note="name of a colleague"), "unknown field"),
    (lambda r: r["tables"][0]["cells"].__setitem__(0, ["twelve"]), "whole number"),
    (lambda r: r["tables"][0]["cells"].__setitem__(3, [2]), "below the threshold"),
    (lambda r: r["tables"][0].__setitem__("total", 40), "add up"),
    (lambda r: r["totals"].update(names=3), "unknown field"),
    (lambda r: r.update(format="something"), "not an annual report"),
    (lambda r: r["tables"][0]["rows"].__setitem__(1, "Jan Jansen"), "not a lower-case code"),
    (lambda r: r["tables"][1]["cells"].__setitem__(0, [6]), "cell(s)"),
    (lambda r: r["tables"][0]["row_totals"].__setitem__(1, 2), "disagree on being hidden"),
    (lambda r: r["tables"][0]["cells"].__setitem__(2, [5]) or r["tables"][0]["row_totals"].__setitem__(2, 5)
     or r["tables"][0]["cells"].__setitem__(4, [9]) or r["tables"][0]["row_totals"].__setitem__(4, 9),
     "worked out from the published total"),
])
def test_make_refuses_unpublishable_reports(key, mutate, message):
    r = report()
    mutate(r)
    with pytest.raises(VStatError) as exc:
        ex.make_vstat(r, key, program_version="0.1.0")
    assert message in exc.value.message


def test_every_flipped_byte_is_detected(small):
    assert len(small) < 1500
    for pos in range(len(small)):
        for flip in (0x01, 0x20, 0xFF):
            changed = bytearray(small)
            changed[pos] ^= flip
            with pytest.raises(VStatError):
                ex.read_vstat(bytes(changed))


def test_readable_messages(key, small):
    with pytest.raises(VStatError, match="truncated"):
        ex.read_vstat(small[: len(small) // 2])
    doc = json.loads(small)
    del doc["signature"]
    with pytest.raises(VStatError, match="unsigned file"):
        ex.read_vstat(ex.canonical(doc))
    doc = json.loads(small)
    doc["tables"][0]["cells"][0] = [13]
    doc["tables"][0]["row_totals"][0] = 13
    doc["tables"][0]["total"] = 32
    doc["tables"][0]["col_totals"] = [32]
    doc["totals"]["cases"] = 32
    with pytest.raises(VStatError, match="signature does not match: the file was changed after signing"):
        ex.read_vstat(ex.canonical(doc))
    pretty = json.dumps(json.loads(small), indent=2).encode()
    with pytest.raises(VStatError, match="changed after signing"):
        ex.read_vstat(pretty)
    with pytest.raises(VStatError, match="larger than"):
        ex.read_vstat(small, max_size=100)
    with pytest.raises(VStatError, match="annual report"):
        ex.read_vstat(json.dumps(report()).encode())


def test_encryption_round_trip_and_wrong_recipient(tmp_path, key):
    pub = exkeys.generate_supervisor_keypair(tmp_path / "sup", passphrase="sterk wachtwoord")
    assert (tmp_path / "sup" / "supervisor.key").stat().st_mode & 0o777 == 0o600
    line = (tmp_path / "sup" / "supervisor.pub").read_text()
    assert line.startswith("vertrouwd-supervisor-x25519:") and exkeys.parse_supervisor_pub(line) == pub
    priv = exkeys.load_supervisor_key(tmp_path / "sup" / "supervisor.key", "sterk wachtwoord")
    with pytest.raises(WrongPassphrase):
        exkeys.load_supervisor_key(tmp_path / "sup" / "supervisor.key", "fout")
    with pytest.raises(UserError, match="passphrase"):
        exkeys.load_supervisor_key(tmp_path / "sup" / "supervisor.key")
    with pytest.raises(UserError, match="already exists"):
        exkeys.generate_supervisor_keypair(tmp_path / "sup")
    data = ex.make_vstat(report(), key, program_version="0.1.0", recipient_pub=pub)
    assert b"Gemeente Noord" not in data and json.loads(data)["format"] == "vertrouwd-stats-encrypted/1"
    v = ex.read_vstat(data, supervisor_key=priv)
    assert v.encrypted and v.organisation == "Gemeente Noord" and v.adviser_key == exkeys.public_key(key)
    with pytest.raises(VStatError, match="encrypted for supervisor key"):
        ex.read_vstat(data)
    exkeys.generate_supervisor_keypair(tmp_path / "other")
    other = exkeys.load_supervisor_key(tmp_path / "other" / "supervisor.key")
    with pytest.raises(VStatError, match="another supervisor"):
        ex.read_vstat(data, supervisor_key=other)
    doc = json.loads(data)
    ct = bytearray(base64.b64decode(doc["ciphertext"]))
    ct[5] ^= 1
    doc["ciphertext"] = base64.b64encode(bytes(ct)).decode()
    with pytest.raises(VStatError, match="changed or damaged"):
        ex.read_vstat(ex.canonical(doc), supervisor_key=priv)


def test_merge_round_trip(key):
    key2 = exkeys.generate_signing_key()
    a = ex.read_vstat(ex.make_vstat(report(), key, program_version="0.1.0"))
    b = ex.read_vstat(ex.make_vstat(report("Gemeente Zuid", behaviour=(20, None, 9, None, 0), total=35),
                                    key2, program_version="0.1.0"))
    c = combine.merge([a, b], "all")
    assert len(c.groups) == 1 and len(c.sources) == 2
    g = c.groups[0]
    assert g.totals == {"cases": 66, "contacts": 148, "hours": 123}
    beh = next(t for t in g.tables if t.id == "behaviour")
    assert beh.cells[0] == [32] and beh.cells[4] == [14]
    assert beh.cells[1] == [None] and beh.cell_status[1] == ["hidden"]
    assert beh.total == 66 and beh.total_status == "published"
    hours = next(t for t in g.tables if t.id == "activity_hours")
    assert hours.cells == [[21.0], [6.5]]
    by_org = combine.merge([a, b], "organisation")
    assert [gr.label for gr in by_org.groups] == ["Gemeente Noord", "Gemeente Zuid"]
    assert [t.year for t in c.trends] == [2026] and c.trends[0].cases == 66


def test_merge_trends_and_duplicates(key):
    y1 = ex.read_vstat(ex.make_vstat(report(year=2025), key, program_version="0.1.0"))
    y2 = ex.read_vstat(ex.make_vstat(report(), key, program_version="0.1.0", created=WHEN))
    newer = ex.read_vstat(ex.make_vstat(report(behaviour=(13, None, None, 0, 14), total=32), key,
                                        program_version="0.1.0", created=datetime(2027, 3, 1, tzinfo=UTC)))
    c = combine.merge([y1, y2, y2, newer], "year")
    assert [(t.year, t.files, t.cases) for t in c.trends] == [(2025, 1, 31), (2026, 1, 32)]
    assert any("twice" in n for n in c.notes) and any("newest" in n for n in c.notes)
    assert [g.label for g in c.groups] == ["2025", "2026"]
    with pytest.raises(VStatError, match="combine by"):
        combine.merge([y1], "colour")


def test_merge_union_of_codes(key):
    """A code one part does not list counts as 0 only when that part lists its vocabulary's full code set."""
    from app.resources import vocabularies

    codes = list(vocabularies()["behaviour"].codes)

    def one_way(org, rows, values):
        r = report(org, total=sum(values))
        r["tables"] = [{"id": "behaviour", "unit": "cases", "rows": rows, "cols": None,
                        "cells": [[v] for v in values], "row_totals": list(values), "col_totals": [sum(values)],
                        "total": sum(values)}]
        return ex.read_vstat(ex.make_vstat(r, key, program_version="0.1.0"))

    full = one_way("Gemeente Noord", codes, [10] + [0] * (len(codes) - 1))
    extra = one_way("Gemeente Zuid", codes + ["pesten_online"], [0] * len(codes) + [6])
    merged = one_way("Gemeente Oost", ["pesten", "overig"], [25, 6])    # small categories merged away
    t = combine.merge([full, extra], "all").groups[0].tables[0]
    assert t.rows == codes + ["pesten_online"]
    assert t.cells[0] == [10] and t.cells[-1] == [6] and t.cell_status[-1] == ["published"]
    t2 = combine.merge([full, merged], "all").groups[0].tables[0]
    assert t2.cells[0] == [35] and t2.cells[codes.index("overig")] == [6]
    i = codes.index("intimidatie")
    assert t2.cells[i] == [None] and t2.cell_status[i] == ["unknown"]
    assert t2.total == 41


# ---------------------------------------------------------------------------------------------- fuzz

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_fuzz_random_bytes(data):
    with pytest.raises(VStatError):
        ex.read_vstat(data)


@settings(max_examples=150, deadline=None)
@given(json_values)
def test_fuzz_random_json(value):
    try:
        data = json.dumps(value).encode()
    except ValueError:
        return
    with pytest.raises(VStatError):
        ex.read_vstat(data)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_fuzz_mutated_valid_file(small, data):
    """Replace one value anywhere in a valid signed file by a random JSON value, or truncate it."""
    doc = json.loads(small)
    how = data.draw(st.sampled_from(["replace", "truncate", "huge", "wrong_type"]))
    if how == "truncate":
        cut = data.draw(st.integers(0, len(small) - 1))
        blob = small[:cut]
    else:
        paths = []

        def walk(node, path):
            paths.append(path)
            if isinstance(node, dict):
                for k, v in node.items():
                    walk(v, path + [k])
            elif isinstance(node, list):
                for i, v in enumerate(node):
                    walk(v, path + [i])
        walk(doc, [])
        path = data.draw(st.sampled_from(paths[1:]))
        new = {"replace": json_values, "huge": st.sampled_from([10**30, -(10**30), 1e308, 10**17]),
               "wrong_type": st.sampled_from(["7", [], {}, True, None, 7.5])}[how]
        value = data.draw(new)
        target = doc
        for p in path[:-1]:
            target = target[p]
        if target[path[-1]] == value and type(target[path[-1]]) is type(value):
            return
        target[path[-1]] = value
        try:
            blob = json.dumps(doc, separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode()
        except ValueError:
            return
        # a huge literal straight into the text as well
    with pytest.raises(VStatError):
        ex.read_vstat(blob)


def test_hostile_inputs():
    for blob in (b"[" * 100_000 + b"]" * 100_000, b"[" * 100_000, b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
                 b"1" * 10_000, b'{"format":"vertrouwd-stats/1","year":' + b"9" * 5000 + b"}",
                 b'{"x":1e999999}', b'{"x":NaN}', b'{"a":1,"a":2}', "\ufeff{}".encode(),
                 b"\xff\xfe{\x00}\x00", b"", b"   ", b"null", b'"text"',
                 b'{"format":"vertrouwd-stats-encrypted/1"}'):
        with pytest.raises(VStatError):
            ex.read_vstat(blob)
    with pytest.raises(VStatError, match="larger than 5 MB"):
        ex.read_vstat(b" " * 10_000_001)
    # deep nesting inside a file that has every field, so the reader gets as far as the signature
    fields = {k: "x" for k in ("organisation", "method", "created", "program_version")}
    fields.update(format="vertrouwd-stats/1", year=2026, threshold=5, totals={},
                  adviser_key=base64.b64encode(bytes(32)).decode(), signature=base64.b64encode(bytes(64)).decode())
    for depth in (500, 990, 5000):
        blob = json.dumps(fields)[:-1] + ',"tables":' + "[" * depth + "]" * depth + "}"
        with pytest.raises(VStatError):
            ex.read_vstat(blob.encode())
    with pytest.raises(VStatError):
        ex.read_vstat("not bytes")  # type: ignore[arg-type]


def test_exports_csv_and_pdf(tmp_path, key):
    from pypdf import PdfReader

    from app import cli
    from app.exchange import render as stats_render

    key2 = exkeys.generate_signing_key()
    a = ex.read_vstat(ex.make_vstat(report("=HYPERLINK(1)"), key, program_version="0.1.0"))
    b = ex.read_vstat(ex.make_vstat(report("Gemeente Zuid", behaviour=(20, None, 9, None, 0), total=35), key2,
                                    program_version="0.1.0"))
    c = combine.merge([a, b], "organisation")
    text = stats_render.csv_text(c, "en", labels={a.fingerprint: "Bureau Noord"})
    lines = text.splitlines()
    assert lines[0].startswith("# Vertrouwd combined statistics; by=organisation; sources: ")
    assert a.fingerprint in lines[0] and b.fingerprint in lines[0] and "Bureau Noord" in lines[0]
    assert lines[1] == "group,table,unit,kind,row,row_label,col,col_label,value,status"
    assert "'=HYPERLINK(1),behaviour,cases,cell,pesten,Bullying,,,12,published" in lines
    assert "Gemeente Zuid,behaviour,cases,cell,intimidatie,Intimidation,,,9,published" in lines
    assert "Gemeente Zuid,behaviour,cases,cell,seksuele_intimidatie,Sexual harassment,,,,hidden" in lines
    assert "Gemeente Zuid,behaviour_relation,cases,row_total,pesten,Bullying,,,10,published" in lines
    stats_render.write_csv(c, tmp_path / "c.csv", lang="nl")
    assert "Seksuele intimidatie" in (tmp_path / "c.csv").read_text()
    assert (tmp_path / "c.csv").stat().st_mode & 0o777 == 0o600
    out = io.StringIO()
    files = []
    for n, v in enumerate((a, b)):
        files.append(str(tmp_path / f"{n}.vstat"))
        (tmp_path / f"{n}.vstat").write_bytes(v.raw)
    assert cli.stats_merge(files, str(tmp_path / "c.pdf"), "all", "nl", out, io.StringIO()) == 0
    pdf = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "c.pdf").pages)
    assert "Gecombineerde cijfers" in pdf and a.fingerprint in pdf and b.fingerprint in pdf
    # hidden sums are marked "x" (not "< 5", which would state a false value) and a legend explains it
    assert "< 5" not in pdf and "x: niet getoond" in pdf and "Pesten" in pdf and "Verloop over de jaren" in pdf
    with pytest.raises(UserError, match="nl or en"):
        stats_render.csv_text(c, "de")


def _origin_file(key, org, year, rows, values, carried_hidden=False):
    total = sum(values)
    cells = [[None if carried_hidden and r == "overgenomen" else v] for r, v in zip(rows, values, strict=True)]
    r = report(org, year=year, total=total)
    r["tables"] = [{"id": "origin", "unit": "cases", "rows": rows, "cols": None, "cells": cells,
                    "row_totals": [c[0] for c in cells], "col_totals": [total], "total": total}]
    return ex.read_vstat(ex.make_vstat(r, key, program_version="0.1.0"))


def test_merge_joins_half_years_when_one_file_has_no_split(key):
    """One file lists only "nieuw": the others' half-years are added up instead of becoming unknown."""
    halves = _origin_file(key, "Gemeente Noord", 2026, ["overgenomen", "nieuw_h1", "nieuw_h2"], [6, 10, 12])
    whole = _origin_file(key, "Gemeente Zuid", 2026, ["overgenomen", "nieuw"], [7, 20])
    c = combine.merge([halves, whole], "all")
    t = c.groups[0].tables[0]
    assert t.rows == ["overgenomen", "nieuw"]
    assert t.cells == [[13], [42]] and t.cell_status == [["published"], ["published"]] and t.total == 55
    note = next(n for n in c.notes if n.code == "halves_joined")
    assert note.values["organisation"] == "Gemeente Zuid" and "half-year" in note
    # both files split: nothing joined, no note
    c2 = combine.merge([halves, _origin_file(key, "Gemeente Oost", 2026, ["overgenomen", "nieuw_h1", "nieuw_h2"],
                                         [5, 8, 9])], "all")
    assert c2.groups[0].tables[0].rows == ["overgenomen", "nieuw_h1", "nieuw_h2"]
    assert c2.groups[0].tables[0].cells == [[11], [18], [21]]
    assert not any(n.code == "halves_joined" for n in c2.notes)


def test_joined_half_years_keep_hidden_cells_hidden(key):
    """A hidden half stays a hidden part of the joined cell; the sum is published only when determined."""
    r = report("Gemeente Noord", year=2026, total=30)
    r["tables"] = [{"id": "origin", "unit": "cases", "rows": ["overgenomen", "nieuw_h1", "nieuw_h2"], "cols": None,
                    "cells": [[None], [None], [20]], "row_totals": [None, None, 20], "col_totals": [30],
                    "total": 30}]
    halves = ex.read_vstat(ex.make_vstat(r, key, program_version="0.1.0"))
    whole = _origin_file(key, "Gemeente Zuid", 2026, ["overgenomen", "nieuw"], [7, 20])
    t = combine.merge([halves, whole], "all").groups[0].tables[0]
    assert t.rows == ["overgenomen", "nieuw"]
    assert t.cell_status == [["hidden"], ["hidden"]] and t.total == 57


def test_merge_notes_several_years_of_one_organisation(key):
    a = _origin_file(key, "Gemeente Noord", 2025, ["overgenomen", "nieuw"], [6, 20])
    b = _origin_file(key, "Gemeente Noord", 2026, ["overgenomen", "nieuw"], [9, 21])
    other = _origin_file(key, "Gemeente Zuid", 2026, ["overgenomen", "nieuw"], [5, 30])
    by_org = combine.merge([a, b, other], "organisation")
    noord, zuid = by_org.groups
    assert [n.code for n in noord.notes] == ["years_added"] and noord.notes[0].values["years"] == "2025, 2026"
    assert zuid.notes == []
    assert any(n.code == "years_added" for n in combine.merge([a, b, other], "all").notes)
    assert not any(n.code == "years_added" for n in combine.merge([a, b, other], "year").notes)


def test_errors_carry_a_code_and_speak_dutch_and_english(tmp_path):
    with pytest.raises(VStatError) as info:
        ex.read_vstat(b"{bad")
    assert info.value.code == "vstat.not_json" and info.value.params["pos"] == 1
    assert info.value.message == "the file is not valid JSON (error at character 1)"
    assert info.value.text("nl") == "het bestand is geen geldige JSON (fout bij teken 1)"
    with pytest.raises(VStatError) as info:
        ex.read_vstat_file(tmp_path / "absent.vstat")
    assert info.value.code == "vstat.missing" and info.value.text("nl").startswith("het bestand bestaat niet")
    r = report()
    r["tables"][0]["rows"][0] = "Pesten"
    with pytest.raises(VStatError) as info:
        ex.make_vstat(r, exkeys.generate_signing_key(), program_version="0.1.0")
    assert info.value.message == "table 'behaviour' rows holds 'Pesten', which is not a lower-case code"
    assert info.value.text("nl") == "tabel 'behaviour', rijen bevat 'Pesten', en dat is geen code in kleine letters"


def test_stats_render_marks_hidden_as_x_and_translates_notes(tmp_path, key):
    from pypdf import PdfReader

    from app.exchange import render as stats_render

    assert stats_render.mark(None, combine.HIDDEN, 5, "nl", "cases") == "x"
    assert stats_render.mark(None, combine.UNKNOWN, 5, "nl", "cases") == "?"
    assert stats_render.mark(1234, combine.PUBLISHED, 5, "nl", "cases") == "1.234"
    a = _origin_file(key, "Gemeente Noord", 2025, ["overgenomen", "nieuw_h1", "nieuw_h2"], [6, 10, 12])
    b = _origin_file(key, "Gemeente Noord", 2026, ["overgenomen", "nieuw"], [9, 21])
    c = combine.merge([a, b], "organisation")
    texts = [stats_render.note_text(n, c.by, "nl") for n in c.notes]
    assert any("meerdere jaren" in t and "dubbel" in t for t in texts)
    assert any("“Nieuwe en overgenomen casussen”" in t and "halfjaar" in t for t in texts)
    assert all("table" not in t and "origin" not in t for t in texts)
    years = next(n for n in c.notes if n.code == "years_added")
    assert stats_render.note_text(years, c.by, "nl", with_group=False).startswith("Meerdere jaren")
    assert stats_render.note_text("plain text", "all", "en") == "plain text"
    stats_render.write_pdf(c, tmp_path / "c.pdf", lang="nl")
    pdf = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "c.pdf").pages)
    assert "Groep:" not in pdf and "In totaal: 58 casussen" in pdf
    assert "dubbel" in pdf and "halfjaar" in pdf and "left out" not in pdf


def test_pdf_numbers_are_right_aligned(tmp_path, key):
    """Digits line up on the right edge of their column."""
    from pypdf import PdfReader

    from app.exchange import render as stats_render

    a = _origin_file(key, "Gemeente Noord", 2026, ["overgenomen", "nieuw"], [6, 1234])
    stats_render.write_pdf(combine.merge([a], "all"), tmp_path / "c.pdf", lang="en")
    right_edges = {}

    def visit(text, cm, tm, font, size):
        if text.strip() in ("6", "1,234", "1,240"):
            width = len(text.strip()) * size * 0.55
            right_edges[text.strip()] = round(tm[4] + width)

    PdfReader(tmp_path / "c.pdf").pages[0].extract_text(visitor_text=visit)
    assert set(right_edges) == {"6", "1,234", "1,240"}
    assert max(right_edges.values()) - min(right_edges.values()) <= 3


def test_a_file_from_before_schema_5_has_its_role_table_read_as_positions(key):
    """Its "role" table counted positions; a merge with today's files must not add those to the roles in
    the case (betrokkene, omstander ...)."""
    old = report()
    old["tables"].append({"id": "role", "unit": "cases", "rows": ["medewerker", "omstander", "flexkracht"],
                          "cols": None, "cells": [[20], [None], [None]], "row_totals": [20, None, None],
                          "col_totals": [31], "total": 31})
    v = ex.read_vstat(ex.make_vstat(old, key, program_version="0.1.0", created=WHEN))
    assert v.table("role") is None
    assert v.table("position").rows == ("medewerker", "onbekend", "uitzend_flexkracht")
    assert b'"role"' in v.raw   # the signed bytes stay as they were
    new = report()
    new["tables"].append({"id": "role", "unit": "cases", "rows": ["betrokkene", "omstander"], "cols": None,
                          "cells": [[25], [6]], "row_totals": [25, 6], "col_totals": [31], "total": 31})
    assert ex.read_vstat(ex.make_vstat(new, key, program_version="0.1.0", created=WHEN)).table("role").rows == (
        "betrokkene", "omstander")
