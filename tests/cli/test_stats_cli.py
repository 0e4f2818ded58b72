"""The command line's signed-statistics commands (stats verify / merge / keygen) called directly."""
from __future__ import annotations

import io
import json

import pytest

from app import cli
from app import keys as exkeys
from app.exchange import vstat as ex
from tests.app.test_exchange import report


@pytest.fixture(scope="module")
def key() -> bytes:
    return exkeys.generate_signing_key()


def test_untrusted_key_refused_until_trusted(tmp_path, key):
    path = tmp_path / "noord.vstat"
    path.write_bytes(ex.make_vstat(report(), key, program_version="0.1.0"))
    fp = exkeys.fingerprint(exkeys.public_key(key))
    out, err = io.StringIO(), io.StringIO()
    assert cli.stats_verify([str(path)], [], out, err) == 1
    assert out.getvalue().startswith(f"FAILED {path}: signed by the untrusted key {fp}")
    other = exkeys.fingerprint(exkeys.public_key(exkeys.generate_signing_key()))
    assert cli.stats_verify([str(path)], [other], io.StringIO(), io.StringIO()) == 1
    out = io.StringIO()
    assert cli.stats_verify([str(path)], [fp.replace(" ", "").lower()], out, io.StringIO()) == 0
    assert out.getvalue() == f"OK {path} Gemeente Noord 2026 {fp}\n"
    # one bad file makes the whole run fail, the good one is still reported
    bad = tmp_path / "bad.vstat"
    bad.write_bytes(b"{")
    out = io.StringIO()
    assert cli.stats_verify([str(path), str(bad)], [fp], out, io.StringIO()) == 1
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("OK ") and lines[1].startswith(f"FAILED {bad}: ")


def test_cli_merge_and_keygen(tmp_path, key):
    files = []
    for org in ("Gemeente Noord", "Gemeente Zuid"):
        p = tmp_path / f"{org}.vstat"
        p.write_bytes(ex.make_vstat(report(org), key, program_version="0.1.0"))
        files.append(str(p))
    out, err = io.StringIO(), io.StringIO()
    assert cli.stats_merge(files, str(tmp_path / "all.json"), "all", "en", out, err) == 0, err.getvalue()
    combined = json.loads((tmp_path / "all.json").read_text())
    assert combined["groups"][0]["totals"]["cases"] == 62
    assert cli.stats_merge(files, str(tmp_path / "all.txt"), "all", "en", io.StringIO(), err) == 1
    assert ".pdf, .csv or .json" in err.getvalue()
    (tmp_path / "broken.vstat").write_bytes(b"\x00\x01")
    err = io.StringIO()
    assert cli.stats_merge(files + [str(tmp_path / "broken.vstat")], str(tmp_path / "x.json"), "all", "nl",
                           io.StringIO(), err) == 1
    assert not (tmp_path / "x.json").exists() and "broken.vstat" in err.getvalue()
    out = io.StringIO()
    assert cli.stats_keygen(str(tmp_path / "keys"), out, io.StringIO()) == 0
    assert "fingerprint " in out.getvalue()
    err = io.StringIO()
    assert cli.stats_keygen(str(tmp_path / "keys"), io.StringIO(), err) == 1 and "already exists" in err.getvalue()
