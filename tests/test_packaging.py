"""What ``pip install`` delivers: the wheel carries the default layouts, pictures and word lists.

The wheel is built from a copy of the repository in a temporary folder, so
no build output ever appears in the working tree.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import zipfile

import pytest
from conftest import REPO

COPIED = ("pyproject.toml", "README.md", "LICENSE", "LICENSE.md", "build.py", "wtfc_site", "layouts",
          "easyread_images")


def can_build_wheels() -> str:
    """Return why this Python cannot build a wheel without the network, or '' when it can."""
    if importlib.util.find_spec("hatchling") is None:
        return "hatchling (the build backend) is not installed"
    return ""


@pytest.fixture(scope="module")
def wheel(built: tuple[zipfile.ZipFile, str]) -> zipfile.ZipFile:
    return built[0]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[zipfile.ZipFile, str]:
    """Return the wheel built from a clean copy, and everything the build printed."""
    why = can_build_wheels()
    if why:
        pytest.skip(f"PACKAGING NOT TESTED: {why}, so no wheel can be built offline "
                    "(pip install hatchling, then run the tests again)")
    source = tmp_path_factory.mktemp("source") / "wtfc_site_src"
    source.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "_site", ".wtfc-cache")
    for name in COPIED:
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=ignore)
        elif path.is_file():
            shutil.copy2(path, source / name)
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-cache-dir",
         "-v", "-w", str(out), str(source)],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    [made] = out.glob("wtfc_site-*.whl")
    return zipfile.ZipFile(made), result.stdout + result.stderr


def names(wheel: zipfile.ZipFile) -> set[str]:
    return set(wheel.namelist())


def test_the_wheel_has_the_base_layout(wheel):
    assert "wtfc_site/_layouts/base.html" in names(wheel)


def test_the_wheel_has_every_default_layout(wheel):
    inside = names(wheel)
    for path in sorted((REPO / "layouts").rglob("*")):
        if path.is_file():
            assert f"wtfc_site/_layouts/{path.relative_to(REPO / 'layouts').as_posix()}" in inside, path


def test_the_wheel_has_the_picture_library(wheel):
    inside = names(wheel)
    assert "wtfc_site/_images/index.yaml" in inside
    for svg in sorted((REPO / "easyread_images").glob("*.svg")):
        assert f"wtfc_site/_images/{svg.name}" in inside, svg


def test_the_wheel_has_the_checker_word_lists(wheel):
    inside = names(wheel)
    data = sorted((REPO / "wtfc_site" / "checker" / "data").glob("*.yaml"))
    assert data, "the checker has no data files"
    for path in data:
        assert f"wtfc_site/checker/data/{path.name}" in inside, path


def test_the_wheel_has_every_python_module(wheel):
    inside = names(wheel)
    for path in sorted((REPO / "wtfc_site").rglob("*.py")):
        assert f"wtfc_site/{path.relative_to(REPO / 'wtfc_site').as_posix()}" in inside, path


def test_every_data_file_the_package_reads_is_in_the_wheel(wheel):
    inside = names(wheel)
    data_files = [p for p in (REPO / "wtfc_site").rglob("*")
                  if p.is_file() and p.suffix in (".yaml", ".yml", ".json", ".txt", ".csv", ".html")
                  and "__pycache__" not in p.parts]
    missing = [p.relative_to(REPO).as_posix() for p in data_files
               if f"wtfc_site/{p.relative_to(REPO / 'wtfc_site').as_posix()}" not in inside]
    assert missing == []


def test_the_wheel_declares_the_command(wheel):
    [entry_points] = [n for n in names(wheel) if n.endswith(".dist-info/entry_points.txt")]
    text = wheel.read(entry_points).decode()
    assert "wtfc-site = wtfc_site.cli:main" in text.splitlines()


def test_the_wheel_builds_without_a_warning(built):
    """pip install prints no build warnings (issue 12; setuptools printed three, and one more for -e)."""
    log = built[1]
    assert "warning" not in log.lower().replace("warning: location", ""), log[-3000:]


def test_the_version_is_written_once(wheel):
    """pyproject.toml reads the version from wtfc_site/__init__.py, so the wheel and --version agree."""
    from wtfc_site import __version__

    assert f"wtfc_site-{__version__}.dist-info/METADATA" in names(wheel)
    assert 'version = "' not in (REPO / "pyproject.toml").read_text(encoding="utf-8").split("[project.optional")[0]
