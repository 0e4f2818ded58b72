"""Repository.unit_of_work: several writes in one SQLCipher transaction; all SQL lives in app/store."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from app.errors import ValidationError
from app.store.repository import Repository
from models.entities import Case, Contact, Organisation

ROOT = Path(__file__).resolve().parents[2]


def _case(code: str) -> Case:
    return Case(code=code, organisation="Org A", opened=date(2026, 3, 2), reporter_role="betrokkene",
                behaviour="pesten", accused_relation="collega", follow_up="lopend")


@pytest.fixture
def org(repo: Repository) -> Repository:
    repo.add_organisation("Org A")
    return repo


def test_writes_in_a_unit_of_work_are_stored_together(org):
    with org.unit_of_work() as uow:
        cid = uow.write_case(_case("2026-001"))
        uow.add_contact(cid, Contact(date=date(2026, 3, 2), minutes=30, channel="video", kind="intake"))
        uow.audit("test", "twee")
        assert len(org.get_case(cid).contacts) == 1          # reads inside see the writes
    assert org.audit_log(1)[0][1:] == ("test", "twee")
    assert [c.code for c in org.list_cases()] == ["2026-001"]


def test_an_error_leaving_the_block_undoes_every_write(org):
    with pytest.raises(RuntimeError), org.unit_of_work() as uow:
        uow.write_case(_case("2026-001"))
        org.add_case(_case("2026-002"))                       # the repository's own write joins in
        org.set_setting("x", "1")
        raise RuntimeError("stop")
    assert org.list_cases() == [] and org.get_setting("x") is None
    org.add_case(_case("2026-003"))                           # the vault is usable again
    assert len(org.list_cases()) == 1


def test_a_refused_write_inside_is_undone_alone(org):
    with org.unit_of_work() as uow:
        uow.write_case(_case("2026-001"))
        with pytest.raises(ValidationError):
            uow.insert_organisation(Organisation(name="Org A", units=["ICT"]))   # the name is taken
        with pytest.raises(ValidationError):
            uow.write_case(_case("2026-001"))                 # the code is taken
    assert [c.code for c in org.list_cases()] == ["2026-001"]
    assert [o.units for o in org.list_organisations()] == [[]]


def test_units_of_work_do_not_nest_and_end_with_their_block(org):
    with org.unit_of_work() as uow:
        with pytest.raises(RuntimeError), org.unit_of_work():
            pass
    with pytest.raises(RuntimeError):
        uow.write_case(_case("2026-009"))
    assert org.list_cases() == []


def test_sql_is_run_only_in_app_store():
    """The repository and app/store/queries.py own all SQL: no other module calls execute()."""
    pattern = re.compile(r"\bexecute(many|script)?\(")
    offenders = []
    for folder in ("app", "ui", "models"):
        for path in (ROOT / folder).rglob("*.py"):
            rel = path.relative_to(ROOT).as_posix()
            if rel.startswith("app/store/"):
                continue
            offenders += [f"{rel}:{n}" for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
                          if pattern.search(line)]
    offenders += [f"{p.name}" for p in ROOT.glob("*.py") if pattern.search(p.read_text("utf-8"))]
    assert offenders == []


def test_no_module_outside_the_store_uses_the_repository_s_private_writes():
    private = re.compile(r"\b(repo|repository|self\.repo)\._(insert_org|write_case|insert_contact|insert_activity"
                         r"|audit|org_id|unit_id)\b")
    offenders = [p.relative_to(ROOT).as_posix() for folder in ("app", "ui") for p in (ROOT / folder).rglob("*.py")
                 if not p.relative_to(ROOT).as_posix().startswith("app/store/")
                 and private.search(p.read_text("utf-8"))]
    assert offenders == []
