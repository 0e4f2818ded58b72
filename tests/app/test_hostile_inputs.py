"""Hostile and fuzzed inputs: every bad import, facts file, checklist, key file or backup is ONE clear
line and changes nothing (found by a careful tester; each first reproduced here)."""
from __future__ import annotations

import copy
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import cli, interchange
from app.errors import UserError
from models.checklist import TemplateError
from tests.app.test_interchange import (
    _state,
    _valid,
    seeded,  # noqa: F401  (fixture)
)


def _mutated(path: tuple, value) -> dict:
    data = copy.deepcopy(_valid())
    target = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize("path, value", [
    (("organisations",), 1), (("cases",), "x"), (("activities",), {"a": 1}),
    (("cases", 0, "contacts"), 5), (("activities", 0, "organisation"), ["Zorggroep"]),
    (("activities", 0, "hours"), float("nan")), (("activities", 0, "hours"), float("inf")),
    (("activities", 0, "hours"), "2"), (("cases", 0, "contacts", 0, "notes"), "een \ud800 notitie"),
    (("organisations", 0, "name"), "Gemeente \udfff"), (("cases", 0, "contacts", 0, "minutes"), 10**30),
    (("cases", 0, "contacts", 0, "minutes"), 4.5), (("cases", 0, "behaviour"), ["pesten"]),
    (("cases", 0, "contacts", 0, "channel"), 3),
])
def test_a_bad_value_is_one_line_and_changes_nothing(seeded, path, value):  # noqa: F811
    before = _state(seeded)
    with pytest.raises(UserError) as info:
        interchange.import_data(seeded, _mutated(path, value))
    assert "\n" not in info.value.message
    assert _state(seeded) == before


@pytest.mark.parametrize("text", ['{"format": "vertrouwd-data/1", "cases": [{"code": ' + "9" * 5000 + "}]}",
                                  '{"format": "vertrouwd-data/1", "activities": [{"hours": NaN}]}',
                                  '{"format": "vertrouwd-data/1", "activities": [{"hours": Infinity}]}'])
def test_a_file_with_a_huge_or_non_finite_number(tmp_path, text):
    f = tmp_path / "in.json"
    f.write_text(text)
    with pytest.raises(UserError, match="nothing was imported"):
        interchange.load_file(f)


def test_decide_and_checklist_with_a_huge_integer(tmp_path):
    facts = tmp_path / "f.json"
    facts.write_text('{"subject": ' + "9" * 5000 + "}")
    out = io.StringIO()
    assert cli.main(["decide", "--facts", str(facts)], out, out) == 1
    assert out.getvalue().count("\n") == 1 and "too large" in out.getvalue()
    from app.guidance import checklists
    with pytest.raises(TemplateError, match="too large"):
        checklists.load_template_text('id = "x"\nversion = ' + "9" * 5000 + "\n")


# -- fuzz: random values at random places of a valid file -------------------------------------------
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6)
PLACES = [("organisations",), ("organisations", 0, "name"), ("organisations", 0, "units"), ("cases",),
          ("cases", 0, "code"), ("cases", 0, "opened"), ("cases", 0, "closed"), ("cases", 0, "contacts"),
          ("cases", 0, "contacts", 0, "minutes"), ("cases", 0, "contacts", 0, "date"),
          ("cases", 0, "contacts", 0, "notes"), ("cases", 0, "extra_behaviours"), ("cases", 0, "unit"),
          ("activities",), ("activities", 0, "organisation"), ("activities", 0, "hours"),
          ("activities", 0, "date"), ("activities", 0, "kind")]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(place=st.sampled_from(PLACES), value=JSON_VALUES)
def test_fuzzed_import_is_all_or_nothing_and_never_a_traceback(seeded, place, value):  # noqa: F811
    before = _state(seeded)
    try:
        interchange.import_data(seeded, _mutated(place, value))
    except UserError as exc:
        assert "\n" not in exc.message
        assert _state(seeded) == before
    else:  # accepted: then it really is in the vault
        assert _state(seeded) != before


# -- fuzz: key files and backup headers -----------------------------------------------------------------
KDF_FIELDS = ("salt", "memory_kib", "iterations", "lanes", "algorithm")


@settings(max_examples=150, deadline=None)
@given(field=st.sampled_from(KDF_FIELDS), value=JSON_VALUES)
def test_fuzzed_key_derivation_parameters_are_bounded_or_refused(field, value):
    from app.store import kdf
    good = {"salt": "sX7WJ7++3x7LTb0xV9LQIw==", "memory_kib": 65536, "iterations": 3, "lanes": 1,
            "algorithm": "argon2id"}
    try:
        params = kdf.KdfParams.from_json({**good, field: value})
    except ValueError as exc:
        assert "\n" not in str(exc)
    else:  # accepted only inside the bounds that keep one derivation at a few seconds
        assert kdf.ACCEPT_MEMORY_KIB[0] <= params.memory_kib <= kdf.ACCEPT_MEMORY_KIB[1]
        assert 1 <= params.iterations <= kdf.MAX_ITERATIONS and 1 <= params.lanes <= 8
        assert params.memory_kib * params.iterations <= kdf.MAX_WORK_KIB


@settings(max_examples=100, deadline=None)
@given(header=JSON_VALUES | st.binary(max_size=40).map(lambda b: b.decode("latin-1")))
def test_fuzzed_backup_headers_are_one_line(tmp_path_factory, header):
    import json
    import struct

    from app.errors import VaultError
    from app.store.vault import BACKUP_MAGIC, KeyFile, Vault
    raw = json.dumps(header).encode("utf-8", "surrogatepass")
    f = tmp_path_factory.mktemp("bak") / "b.vbak"
    f.write_bytes(BACKUP_MAGIC + struct.pack(">I", len(raw)) + raw + b"\0" * 4096)
    try:
        parsed, _ = Vault.read_backup_header(f)
        KeyFile.from_data(parsed["key"], f)
    except (UserError, VaultError) as exc:
        assert "\n" not in exc.message
