"""Key derivation calibration (fake clock and real Argon2id) and a passphrase change that fails late."""
from __future__ import annotations

import time

import pytest

from app.errors import UserError, VaultError, WrongPassphrase
from app.store import kdf
from app.store import vault as vault_mod
from app.store.repository import Repository
from app.store.vault import PassphraseChangeIncomplete, Vault, key_path, pending_key_path
from tests.conftest import PASSPHRASE

# conftest replaces kdf.calibrate with cheap parameters for every test; keep the real one here
real_calibrate = kdf.calibrate
NEW_PASSPHRASE = "a completely different sentence"


class FakeMachine:
    """A clock and a derive function: each derivation costs `fixed + per(n) * n` fake seconds."""

    def __init__(self, fixed: float, per, noise: list[float] | None = None):
        self.now = 0.0
        self.fixed = fixed
        self.per = per if callable(per) else (lambda n, p=per: p)
        self.noise = list(noise or [])
        self.calls: list[int] = []

    def clock(self) -> float:
        return self.now

    def derive(self, passphrase: str, params: kdf.KdfParams) -> bytes:
        assert params.memory_kib >= kdf.MIN_MEMORY_KIB and params.lanes == 1
        self.calls.append(params.iterations)
        extra = self.noise.pop(0) if self.noise else 0.0
        self.now += self.fixed + self.per(params.iterations) * params.iterations + extra
        return b"\0" * 32

    def cost(self, iterations: int) -> float:
        return self.fixed + self.per(iterations) * iterations


def calibrate(machine: FakeMachine, **kw) -> kdf.KdfParams:
    return real_calibrate(clock=machine.clock, derive=machine.derive, **kw)


# -- calibration arithmetic ------------------------------------------------------------------------
def test_fixed_cost_is_separated_from_the_cost_per_iteration():
    # 40 ms to allocate 64 MiB, 25 ms per pass: 1 pass takes 65 ms, 2 take 90 ms.
    m = FakeMachine(fixed=0.04, per=0.025)
    params = calibrate(m)
    # (0.75 - 0.04) / 0.025 = 28.4 -> 28 (0.74 s); the old "0.75 / one iteration" rule gave 12 (0.34 s)
    assert params.iterations == 28
    assert 0.5 <= m.cost(params.iterations) <= 1.0
    assert m.calls == [1, 1, 2, 2, 28]  # two samples each, then one check at the chosen count
    assert params.memory_kib == kdf.MIN_MEMORY_KIB and len(params.salt) == 16


def test_the_fastest_sample_counts():
    # the first sample of each count is slowed down by 0.3 s (another program was busy)
    m = FakeMachine(fixed=0.04, per=0.025, noise=[0.3, 0.0, 0.3, 0.0])
    assert calibrate(m).iterations == 28


def test_the_check_corrects_a_cost_that_grows_with_the_count():
    # passes get twice as expensive beyond 2 iterations (e.g. caches): the first guess is too slow
    m = FakeMachine(fixed=0.04, per=lambda n: 0.025 if n <= 2 else 0.05)
    params = calibrate(m)
    assert m.cost(28) > 1.0  # the first guess lay outside the target ...
    assert m.calls == [1, 1, 2, 2, 28, 14]  # ... so it was corrected: (1.44 - 0.04) / 28 = 0.05 a pass
    assert params.iterations == 14 and 0.5 <= m.cost(14) <= 1.0
    assert len(m.calls) <= 4 + kdf.CALIBRATE_MAX_CHECKS


def test_a_check_near_the_edge_of_the_target_is_corrected():
    # the check at 28 iterations is slowed down by 0.16 s: 0.90 s lies inside 0.5-1.0 s but near its
    # edge, so the count is corrected until a check lands in the middle half (0.625-0.875 s)
    m = FakeMachine(fixed=0.04, per=0.025, noise=[0.0, 0.0, 0.0, 0.0, 0.16])
    params = calibrate(m)
    assert m.calls[:5] == [1, 1, 2, 2, 28] and len(m.calls) > 5
    assert 0.625 <= m.cost(params.iterations) <= 0.875


def test_the_check_loop_is_bounded():
    # a machine whose cost jumps around: the loop stops after CALIBRATE_MAX_CHECKS checks
    m = FakeMachine(fixed=0.0, per=lambda n: 0.01 if n % 2 else 0.1)
    calibrate(m)
    assert len(m.calls) <= 4 + kdf.CALIBRATE_MAX_CHECKS


def test_a_slow_machine_gets_the_floor_and_no_pointless_checks():
    m = FakeMachine(fixed=0.5, per=1.5)
    params = calibrate(m)
    assert params.iterations == kdf.MIN_ITERATIONS == 3  # never below the floor, however slow
    assert params.memory_kib >= 64 * 1024
    assert m.calls == [1, 1, 2, 2, 3]  # one check, then it stops: fewer than the floor is not allowed


def test_calibration_counts_cpu_time_not_the_wall_clock():
    """A busy machine at creation must not give a weaker key: the default clock is CPU time."""
    import inspect
    assert inspect.signature(real_calibrate).parameters["clock"].default in (time.process_time,
                                                                              time.thread_time)


def test_a_very_fast_machine_is_capped():
    m = FakeMachine(fixed=0.0001, per=0.0001)
    assert calibrate(m).iterations == kdf.MAX_ITERATIONS


def test_noise_that_hides_the_difference_still_gives_a_sane_count():
    # 2 iterations measured *faster* than 1: fall back to half the 2-iteration time per pass
    m = FakeMachine(fixed=0.0, per=0.05, noise=[0.1, 0.1, 0.0, 0.0])
    params = calibrate(m)
    assert 0.5 <= m.cost(params.iterations) <= 1.0


def test_calibration_refuses_weak_memory_and_a_bad_target():
    with pytest.raises(ValueError, match="64 MiB"):
        real_calibrate(memory_kib=1024)
    with pytest.raises(ValueError, match="target"):
        real_calibrate(target=(1.0, 0.5), clock=FakeMachine(0, 0.1).clock, derive=FakeMachine(0, 0.1).derive)


@pytest.mark.real_kdf
def test_real_calibration_lands_in_the_target():
    params = real_calibrate()
    assert params.memory_kib >= 64 * 1024
    took = []
    for _ in range(2):  # the faster of two runs: the machine is shared with other work
        start = time.perf_counter()
        kdf.derive_key(PASSPHRASE, params)
        took.append(time.perf_counter() - start)
        if 0.2 <= took[-1] <= 4.0:
            break
    # loose bounds: a sanity check that calibration is not wildly off (the benchmark measures it);
    # a single cold iteration alone would take well under 0.2 s
    assert 0.2 <= min(took) <= 4.0, (params.iterations, took)


# -- a passphrase change that fails after the re-encryption ----------------------------------------
@pytest.fixture
def spy_connect(monkeypatch):
    """Record every connection the vault opens from now on."""
    opened = []
    real = vault_mod._connect

    def connect(db, key):
        conn = real(db, key)
        opened.append(conn)
        return conn
    monkeypatch.setattr(vault_mod, "_connect", connect)
    return opened


def _is_closed(conn) -> bool:
    try:
        conn.execute("SELECT 1")
    except vault_mod.sqlcipher3.ProgrammingError:
        return True
    return False


def test_failed_rename_closes_the_probe_and_the_vault(vault, repo, vault_path, monkeypatch, spy_connect):
    repo.add_organisation("Org A")
    real_replace = vault_mod.os.replace
    pk = pending_key_path(vault_path)

    def failing_replace(src, dst, *a, **k):
        if str(src) == str(pk):
            raise OSError(28, "No space left on device")
        return real_replace(src, dst, *a, **k)

    monkeypatch.setattr(vault_mod.os, "replace", failing_replace)
    with pytest.raises(PassphraseChangeIncomplete) as info:
        vault.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    monkeypatch.setattr(vault_mod.os, "replace", real_replace)
    exc = info.value
    assert isinstance(exc, VaultError) and isinstance(exc, OSError)
    assert "No space left on device" in exc.message and "NEW passphrase" in exc.message
    assert len(spy_connect) == 1 and _is_closed(spy_connect[0])  # the probe did not leak
    assert not vault.is_open
    with pytest.raises(VaultError, match="locked"):
        repo.counts()
    assert pk.exists()
    v = Vault.open(vault_path, NEW_PASSPHRASE)  # the next open finishes the change
    assert Repository(v).counts()["organisations"] == 1
    v.close()
    assert not pk.exists() and key_path(vault_path).exists()


def test_failed_probe_leaves_the_vault_clearly_closed(vault, repo, vault_path, monkeypatch):
    repo.add_organisation("Org A")

    def broken_connect(db, key):
        raise vault_mod.sqlcipher3.DatabaseError("file is not a database")

    monkeypatch.setattr(vault_mod, "_connect", broken_connect)
    with pytest.raises(PassphraseChangeIncomplete) as info:
        vault.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    monkeypatch.undo()
    assert "verify" in info.value.message and "backup" in info.value.message
    assert not vault.is_open and vault._conn is None
    assert all(b == 0 for b in vault._key)  # the key left memory with the connection
    vault.close()  # closing again is harmless
    v = Vault.open(vault_path, NEW_PASSPHRASE)
    assert Repository(v).counts()["organisations"] == 1
    v.close()


def test_interrupt_during_the_rename_passes_unchanged_and_closes_the_probe(vault, vault_path, monkeypatch,
                                                                           spy_connect):
    pk = pending_key_path(vault_path)
    real_replace = vault_mod.os.replace

    def interrupted(src, dst, *a, **k):
        if str(src) == str(pk):
            raise KeyboardInterrupt
        return real_replace(src, dst, *a, **k)

    monkeypatch.setattr(vault_mod.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        vault.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    monkeypatch.setattr(vault_mod.os, "replace", real_replace)
    assert _is_closed(spy_connect[0]) and not vault.is_open
    Vault.open(vault_path, NEW_PASSPHRASE).close()


def test_successful_change_keeps_working_with_the_new_key(vault, repo, vault_path, tmp_path):
    repo.add_organisation("Org A")
    vault.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    assert vault.is_open
    backup = vault.backup(tmp_path / "after.vbak")  # the backup uses the new key in memory
    vault.close()
    restored = tmp_path / "restored.vault"
    v = Vault.restore(backup, restored, NEW_PASSPHRASE)
    assert Repository(v).counts()["organisations"] == 1
    v.close()


# -- bounded parameters from files -----------------------------------------------------------------
def _params(**over) -> dict:
    d = {"salt": "sX7WJ7++3x7LTb0xV9LQIw==", "memory_kib": 65536, "iterations": 3, "lanes": 1,
         "algorithm": "argon2id"}
    d.update(over)
    return d


@pytest.mark.parametrize("over, field", [
    ({"iterations": 2**31 - 1}, "iterations"), ({"iterations": 0}, "iterations"),
    ({"iterations": 3.0}, "iterations"), ({"iterations": True}, "iterations"), ({"iterations": "3"}, "iterations"),
    ({"memory_kib": 2**32}, "memory_kib"), ({"memory_kib": 1024}, "memory_kib"),
    ({"lanes": 0}, "lanes"), ({"lanes": 2**20}, "lanes"), ({"lanes": None}, "lanes"),
    ({"memory_kib": 256 * 1024, "iterations": 64}, "iterations"),
    ({"salt": "AAAA"}, "salt"), ({"salt": 5}, "salt"), ({"algorithm": "scrypt"}, "scrypt"),
])
def test_parameters_out_of_bounds_are_refused_before_deriving(over, field):
    with pytest.raises(ValueError, match=field):
        kdf.KdfParams.from_json(_params(**over))


def test_parameters_inside_the_bounds_are_accepted():
    assert kdf.KdfParams.from_json(_params()).iterations == 3
    assert kdf.KdfParams.from_json(_params(memory_kib=8192, iterations=1)).memory_kib == 8192  # older vaults


@pytest.mark.parametrize("text", [
    b'{"format": "vertrouwd-key/1", "kdf": {"salt": "sX7WJ7++3x7LTb0xV9LQIw==", "memory_kib": 65536, '
    b'"iterations": Infinity, "lanes": 1, "algorithm": "argon2id"}, "check": "00000000000000000000000000000000"}',
    b"\xff\xfe\x00garbage", b"[]", b'{"format": "vertrouwd-key/1", "kdf": [], "check": 1}',
    b'{"format": "vertrouwd-key/1", "kdf": {"salt": "sX7WJ7++3x7LTb0xV9LQIw==", "memory_kib": 65536, '
    b'"iterations": 2147483647, "lanes": 1, "algorithm": "argon2id"}, "check": "00000000000000000000000000000000"}',
])
def test_a_hostile_key_file_is_one_clear_error(vault_path, text, monkeypatch):
    Vault.create(vault_path, PASSPHRASE).close()
    key_path(vault_path).write_bytes(text)
    derived = []
    monkeypatch.setattr(kdf, "derive_key", lambda *a: derived.append(a) or b"\0" * 32)
    with pytest.raises(VaultError, match="key file .* is damaged") as info:
        Vault.open(vault_path, PASSPHRASE)
    assert "\n" not in info.value.message and derived == []


def test_a_backup_asking_for_endless_derivation_is_refused(vault, tmp_path, monkeypatch):
    import json
    import struct
    backup = vault.backup(tmp_path / "b.vbak")
    raw = backup.read_bytes()
    start = len(vault_mod.BACKUP_MAGIC)
    (n,) = struct.unpack(">I", raw[start:start + 4])
    header = json.loads(raw[start + 4:start + 4 + n])
    header["key"]["kdf"]["iterations"] = 2**31 - 1
    new = json.dumps(header).encode()
    backup.write_bytes(raw[:start] + struct.pack(">I", len(new)) + new + raw[start + 4 + n:])
    monkeypatch.setattr(kdf, "derive_key", lambda *a: pytest.fail("derived with hostile parameters"))
    with pytest.raises(VaultError, match="iterations"):
        Vault.restore(backup, tmp_path / "r.vault", PASSPHRASE)
    assert not (tmp_path / "r.vault").exists()


def test_a_backup_whose_header_is_not_an_object(tmp_path):
    import struct
    bad = tmp_path / "bad.vbak"
    bad.write_bytes(vault_mod.BACKUP_MAGIC + struct.pack(">I", 2) + b"[]" + b"\0" * 4096)
    with pytest.raises(UserError, match="no key record"):
        Vault.restore(bad, tmp_path / "r.vault", PASSPHRASE)


def test_passwd_recalibrates_for_the_new_key(vault, vault_path, monkeypatch):
    """The passphrase change derives the new key with freshly calibrated parameters, not the old count."""
    stronger = kdf.KdfParams(salt=b"s" * 16, memory_kib=8 * 1024, iterations=2, lanes=1)
    monkeypatch.setattr(kdf, "calibrate", lambda *a, **k: stronger)
    old = vault.kdf_params
    vault.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    assert vault.kdf_params == stronger and old.iterations == 1
    vault.close()
    v = Vault.open(vault_path, NEW_PASSPHRASE)
    assert v.kdf_params.iterations == 2
    v.close()


def test_passwd_needs_the_current_passphrase(vault, repo, vault_path):
    repo.add_organisation("Org A")
    with pytest.raises(WrongPassphrase, match="current passphrase is wrong"):
        vault.change_passphrase("not the current one", NEW_PASSPHRASE)
    assert vault.is_open and repo.counts()["organisations"] == 1
    vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, NEW_PASSPHRASE)
    Vault.open(vault_path, PASSPHRASE).close()  # unchanged (and the failed guess was counted, then cleared)
