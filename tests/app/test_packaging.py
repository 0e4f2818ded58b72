"""The program finds its own files however it is installed, and pyproject ships every one of them.

The real wheel, a non-editable install and the frozen build are smoke-tested by .ci/run
(packaging/smoke_test.py); these tests guard the pieces that make that work.
"""
from __future__ import annotations

import fnmatch
import sys
import tomllib
from pathlib import Path

import pytest

from app import resources

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


def test_every_package_folder_is_listed_in_pyproject():
    found = {".".join(p.parent.relative_to(ROOT).parts)
             for top in ("app", "models", "ui") for p in (ROOT / top).rglob("__init__.py")}
    listed = set(SETUPTOOLS["packages"])
    assert found - listed == set(), "add these packages to [tool.setuptools] packages"
    assert set(resources.PACKAGES.values()) <= listed


def test_the_data_packages_map_to_the_top_level_folders():
    assert SETUPTOOLS["package-dir"] == {pkg: folder for folder, pkg in resources.PACKAGES.items()}


@pytest.mark.parametrize("folder", ["resources", "translations"])
def test_package_data_takes_every_file_the_program_reads(folder):
    pkg = resources.PACKAGES[folder]
    patterns = SETUPTOOLS["package-data"][pkg]
    base = ROOT / folder
    developer_only = {".py", ".pyc", ".ts"}  # sources of the data, and README.md beside them
    checked_by_tests = {"glossary.toml"}      # the translators' word list, read by tests/ui/test_glossary.py
    files = [p.relative_to(base).as_posix() for p in base.rglob("*")
             if p.is_file() and "__pycache__" not in p.parts and p.suffix not in developer_only
             and p.name not in checked_by_tests
             and (p.name != "README.md" or p.parent.name == "fonts")]  # the fonts' README names their licence
    assert files
    missing = [f for f in files if not any(fnmatch.fnmatch(f, pat) for pat in patterns)]
    assert missing == [], f"not shipped in a wheel: {missing}"


def test_a_source_checkout_reads_its_own_folders():
    assert resources.data_folder("resources") == ROOT / "resources"
    assert resources.RESOURCES == ROOT / "resources"
    assert resources.TRANSLATIONS == ROOT / "translations"
    assert resources.resource_path("vocabularies.json").is_file()
    assert resources.font_path("x.ttf") == ROOT / "resources" / "fonts" / "x.ttf"


def _installed_elsewhere(tmp_path, monkeypatch) -> Path:
    """Pretend the code runs from site-packages: no checkout around it, the data as installed packages."""
    site = tmp_path / "site-packages Zoë"
    for pkg in resources.PACKAGES.values():
        (site / pkg).mkdir(parents=True)
        (site / pkg / "__init__.py").write_text("")
    (site / "vertrouwd_resources" / "vocabularies.json").write_text("{}")
    monkeypatch.setattr(resources, "_CHECKOUT", tmp_path / "site-packages Zoë")
    monkeypatch.syspath_prepend(str(site))
    for pkg in resources.PACKAGES.values():
        monkeypatch.delitem(sys.modules, pkg, raising=False)
    return site


def test_an_install_finds_the_data_through_importlib_resources(tmp_path, monkeypatch):
    site = _installed_elsewhere(tmp_path, monkeypatch)
    assert resources.data_folder("resources") == site / "vertrouwd_resources"
    assert resources.data_folder("translations") == site / "vertrouwd_translations"


def test_a_checkout_is_only_a_folder_with_pyproject_beside_the_code(tmp_path, monkeypatch):
    site = _installed_elsewhere(tmp_path, monkeypatch)
    (site / "resources").mkdir()  # a stray top-level `resources` some other package installed
    assert resources.data_folder("resources") == site / "vertrouwd_resources"


def test_an_install_without_its_data_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(resources, "_CHECKOUT", tmp_path)
    monkeypatch.setitem(resources.PACKAGES, "resources", "vertrouwd_resources_not_installed")
    with pytest.raises(RuntimeError, match="installed without its resources.*reinstall"):
        resources.data_folder("resources")


def test_no_source_tree_arithmetic_is_left():
    import app
    for old in ("ROOT", "RESOURCES"):
        with pytest.raises(AttributeError):
            getattr(app, old)
