"""README.md's two commands are the ones CI and a new user run."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text, re.DOTALL)[:2]


def test_readme_opens_with_run_and_test_commands() -> None:
    run, test = _readme_commands()
    assert run.endswith("hemiapp")
    assert "pytest" in test


def test_ci_runs_the_readme_test_command() -> None:
    _, test = _readme_commands()
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in ci_lines


def test_main_py_is_a_two_line_shim() -> None:
    lines = (ROOT / "main.py").read_text(encoding="utf-8").splitlines()
    assert len([line for line in lines if line.strip()]) == 2
