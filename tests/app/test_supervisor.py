"""The supervisor's encrypted store: round trip, trust, one bad file never harms the rest."""
from __future__ import annotations

import json

import pytest

from app import keys as exkeys
from app.errors import UserError, VaultError, WrongPassphrase
from app.exchange import vstat as ex
from app.exchange.supervisor import ACCEPTED, DUPLICATE, REFUSED, UNKNOWN_KEY, SupervisorStore

CHEAP = {"memory_kib": 65536, "iterations": 1, "lanes": 1}
PASS = "lange zin als wachtwoord"


def report(org: str, year: int = 2026, pesten: int = 12) -> dict:
    total = pesten + 5 + 14
    return {"format": "vertrouwd-report/1", "organisation": org, "year": year, "threshold": 5, "method": "m",
            "totals": {"cases": total, "contacts": 40, "hours": 20.5},
            "tables": [{"id": "behaviour", "unit": "cases", "rows": ["pesten", "intimidatie", "discriminatie",
                                                                        "werkdruk"], "cols": None,
                        "cells": [[pesten], [None], [None], [14]], "row_totals": [pesten, None, None, 14],
                        "col_totals": [total], "total": total}]}


@pytest.fixture(scope="module")
def keys():
    return exkeys.generate_signing_key(), exkeys.generate_signing_key()


@pytest.fixture
def files(tmp_path, keys):
    a, b = keys
    paths = {}
    for name, key, org in (("noord", a, "Gemeente Noord"), ("zuid", b, "Gemeente Zuid")):
        p = tmp_path / f"{name}.vstat"
        p.write_bytes(ex.make_vstat(report(org), key, program_version="0.1.0"))
        paths[name] = p
    return paths


def test_store_round_trip(tmp_path, keys, files):
    path = tmp_path / "sup.store"
    store = SupervisorStore.create(path, PASS, **CHEAP)
    assert path.stat().st_mode & 0o777 == 0o600
    store.trust(exkeys.public_key(keys[0]), "Bureau Noord")
    out = store.import_files([files["noord"]])
    assert [o.status for o in out] == [ACCEPTED]
    assert out[0].organisation == "Gemeente Noord" and out[0].year == 2026
    raw = path.read_bytes()
    assert b"Gemeente Noord" not in raw and b"Bureau Noord" not in raw
    assert json.loads(raw)["kdf"]["memory_kib"] == 65536
    again = SupervisorStore.open(path, PASS)
    assert [t.label for t in again.trusted] == ["Bureau Noord"]
    assert len(again.files) == 1 and again.files[0].data == files["noord"].read_bytes()
    assert again.combined("all").groups[0].totals["cases"] == 31
    assert [o.status for o in again.import_files([files["noord"]])] == [DUPLICATE]


def test_wrong_passphrase_and_damage(tmp_path):
    path = tmp_path / "sup.store"
    SupervisorStore.create(path, PASS, **CHEAP)
    with pytest.raises(WrongPassphrase, match="passphrase does not open"):
        SupervisorStore.open(path, "iets anders dan dit")
    with pytest.raises(UserError, match="already exists"):
        SupervisorStore.create(path, PASS, **CHEAP)
    with pytest.raises(UserError, match="64|65536"):
        SupervisorStore.create(tmp_path / "weak.store", PASS, memory_kib=1024, iterations=1, lanes=1)
    with pytest.raises(UserError, match="at least 8"):
        SupervisorStore.create(tmp_path / "short.store", "kort", **CHEAP)
    (tmp_path / "junk.store").write_bytes(b"\x00junk")
    with pytest.raises(VaultError, match="damaged"):
        SupervisorStore.open(tmp_path / "junk.store", PASS)
    with pytest.raises(VaultError, match="does not exist"):
        SupervisorStore.open(tmp_path / "missing.store", PASS)


def test_bad_file_keeps_earlier_imports(tmp_path, keys, files):
    path = tmp_path / "sup.store"
    store = SupervisorStore.create(path, PASS, **CHEAP)
    store.trust(exkeys.public_key(keys[0]), "Noord")
    store.trust(exkeys.public_key(keys[1]), "Zuid")
    assert [o.status for o in store.import_files([files["noord"]])] == [ACCEPTED]
    tampered = tmp_path / "tampered.vstat"
    data = bytearray(files["zuid"].read_bytes())
    data[data.index(b"Zuid")] = ord("X")
    tampered.write_bytes(bytes(data))
    outcomes = store.import_files([tampered, tmp_path / "missing.vstat", files["zuid"], tmp_path])
    assert [o.status for o in outcomes] == [REFUSED, REFUSED, ACCEPTED, REFUSED]
    assert "changed after signing" in outcomes[0].reason
    assert "does not exist" in outcomes[1].reason
    reopened = SupervisorStore.open(path, PASS)
    assert sorted(v.organisation for _f, v in reopened.verified_files()) == ["Gemeente Noord", "Gemeente Zuid"]


def test_unknown_key_waits_until_trusted(tmp_path, keys, files):
    store = SupervisorStore.create(tmp_path / "sup.store", PASS, **CHEAP)
    out = store.import_files([files["noord"]])
    assert out[0].status == UNKNOWN_KEY and out[0].fingerprint == exkeys.fingerprint(exkeys.public_key(keys[0]))
    assert store.files == [] and list(store.pending) == [out[0].fingerprint]
    with pytest.raises(UserError, match="no files"):
        store.combined()
    assert SupervisorStore.open(tmp_path / "sup.store", PASS).files == []
    later = store.trust(out[0].pub, "Bureau Noord")
    assert [o.status for o in later] == [ACCEPTED] and store.pending == {}
    assert len(SupervisorStore.open(tmp_path / "sup.store", PASS).files) == 1
    store.untrust(out[0].fingerprint)
    with pytest.raises(UserError):
        store.combined()


def test_encrypted_files_with_key_in_store(tmp_path, keys):
    pub = exkeys.generate_supervisor_keypair(tmp_path / "k")
    priv = exkeys.load_supervisor_key(tmp_path / "k" / "supervisor.key")
    p = tmp_path / "secret.vstat"
    p.write_bytes(ex.make_vstat(report("Gemeente Oost"), keys[0], program_version="0.1.0", recipient_pub=pub))
    store = SupervisorStore.create(tmp_path / "sup.store", PASS, **CHEAP)
    store.trust(exkeys.public_key(keys[0]), "Oost")
    assert store.import_files([p])[0].status == REFUSED
    store.set_supervisor_key(priv)
    assert store.import_files([p])[0].status == ACCEPTED
    stored = SupervisorStore.open(tmp_path / "sup.store", PASS)
    assert ex.read_vstat(stored.files[0].data).organisation == "Gemeente Oost"   # kept as signed bytes
