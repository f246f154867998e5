"""Lint, format and type checks run as part of the suite."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_check() -> None:
    result = _run("ruff", "check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = _run("ruff", "format", "--check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict() -> None:
    result = _run("mypy", "--no-incremental", "--cache-dir=/dev/null")
    assert result.returncode == 0, result.stdout + result.stderr


def test_domain_and_store_do_not_import_qt() -> None:
    code = (
        "import sys, hemiapp.cli, hemiapp.store;"
        "import hemiapp.content.validate, hemiapp.content.schedule;"
        "import hemiapp.logs, hemiapp.kiosk.unit, hemiapp.kiosk.keyboard;"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))];"
        "print(bad); raise SystemExit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """import-linter's contracts ([tool.importlinter] in ``root``/pyproject.toml) checked
    on the ``hemiapp`` package found first in ``root``."""
    code = (
        "import sys; from importlinter.cli import lint_imports;"
        "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True, no_logo=True))"
    )
    path = os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")])
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": path},
    )


def _contracts() -> str:
    """The [tool.importlinter] tables of pyproject.toml, as written."""
    kept: list[str] = []
    inside = False
    for line in (ROOT / "pyproject.toml").read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            inside = line.strip("[]").startswith("tool.importlinter")
        if inside:
            kept.append(line)
    return "\n".join(kept) + "\n"


def test_the_import_contracts_hold() -> None:
    """No Qt in content and store; composition root > kiosk > ui > report > store >
    content; no import cycles (README: Architecture)."""
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout


def test_the_import_contracts_catch_what_breaks_them(tmp_path: Path) -> None:
    """The same contracts on a small package laid out like hemiapp, with Qt in the store,
    the ui importing the kiosk (a layer upwards, and a cycle) and two ui modules
    importing each other: every contract is broken, and the output says where."""
    (tmp_path / "pyproject.toml").write_text(_contracts(), encoding="utf-8")
    config = tomllib.loads(_contracts())["tool"]["importlinter"]["contracts"]
    layers = next(c["layers"] for c in config if c["type"] == "layers")
    package = tmp_path / "hemiapp"
    for layer in layers:
        for name in re.split(r"[|:]", layer):
            module = package.joinpath(*name.strip().split(".")[1:])
            module.mkdir(parents=True, exist_ok=True)
            (module / "__init__.py").write_text("", encoding="utf-8")
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "store" / "__init__.py").write_text("import PySide6.QtCore\n", encoding="utf-8")
    (package / "kiosk" / "__init__.py").write_text("import hemiapp.ui\n", encoding="utf-8")
    (package / "ui" / "main_window.py").write_text(
        "import hemiapp.kiosk\nimport hemiapp.ui.staff\n", encoding="utf-8"
    )
    (package / "ui" / "staff.py").write_text("import hemiapp.ui.main_window\n", encoding="utf-8")
    result = _lint_imports(tmp_path)
    out = result.stdout
    assert result.returncode == 1, out + result.stderr
    assert "Contracts: 0 kept, 3 broken." in out
    assert "hemiapp.store is not allowed to import PySide6:" in out
    assert "- hemiapp.ui.main_window -> hemiapp.kiosk (l.1)" in out
    assert "No cycles are allowed in hemiapp.\n" in out and "- .ui -> .kiosk" in out
    assert "No cycles are allowed in hemiapp.ui.\n" in out
