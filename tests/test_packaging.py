"""The wheel carries every module and the bundled content, and finds it when installed."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        text=True,
    )
    # A content folder missing from pyproject's packages would be left out of the wheel.
    assert "absent from the `packages` configuration" not in build.stdout + build.stderr
    return next(out.glob("hemiapp-*.whl"))


def test_wheel_has_every_module_and_the_content(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "hemiapp").rglob("*.py")}
    assert modules <= names
    bundled = {
        "hemiapp/bundled/" + p.relative_to(ROOT).as_posix()
        for folder in ("resources", "checklists")
        for p in (ROOT / folder).rglob("*")
        if p.is_file() and p.suffix in (".yaml", ".svg", ".json", ".qm")
    }
    assert "hemiapp/bundled/resources/education/course.yaml" in bundled
    assert bundled <= names


def test_installed_wheel_validates_its_bundled_content(wheel: Path, tmp_path: Path) -> None:
    zipfile.ZipFile(wheel).extractall(tmp_path / "site")
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    result = subprocess.run(
        [sys.executable, "-m", "hemiapp", "validate", "-q"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.stdout.splitlines()[-1] == "checked 3 files: 0 errors, 0 warnings", result.stdout
    code = "import hemiapp.paths as p; print(p.bundled_content_root())"
    where = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert where.stdout.strip() == str(tmp_path / "site" / "hemiapp" / "bundled")
