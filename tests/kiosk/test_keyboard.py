"""The optional on-screen keyboard: chosen only when wanted and installed, and on a real X
display a staff member can type their ID on it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hemiapp.kiosk import keyboard
from tests.kiosk.xserver import display

__all__ = ["display"]  # the fixture
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def installed(tmp_path: Path) -> Path:
    """A Qt folder holding the keyboard's files."""
    qt = tmp_path / "Qt"
    for name in keyboard._NEEDED:
        (qt / name).parent.mkdir(parents=True, exist_ok=True)
        (qt / name).write_bytes(b"")
    return qt


@pytest.mark.parametrize(
    ("wanted", "kiosk", "note", "module"),
    [
        (None, True, "on-screen keyboard: on", "qtvirtualkeyboard"),
        (True, False, "on-screen keyboard: on", "qtvirtualkeyboard"),
        (None, False, "on-screen keyboard: off", None),
        (False, True, "on-screen keyboard: off", None),
    ],
)
def test_when_it_is_turned_on(
    installed: Path, wanted: bool | None, kiosk: bool, note: str, module: str | None
) -> None:
    environ: dict[str, str] = {}
    assert keyboard.choose(wanted, kiosk, environ, installed) == note
    assert environ.get("QT_IM_MODULE") == module


def test_never_required(tmp_path: Path) -> None:
    environ: dict[str, str] = {}
    empty = tmp_path / "Qt"
    assert keyboard.choose(None, True, environ, empty) == "on-screen keyboard: off (not installed)"
    assert keyboard.choose(True, True, environ, empty) == (
        "on-screen keyboard: not installed; to add it: pip install 'hemiapp[keyboard]'"
    )
    assert environ == {}


def test_the_environment_wins(installed: Path) -> None:
    environ = {"QT_IM_MODULE": "ibus"}
    note = keyboard.choose(True, True, environ, installed)
    assert note == "on-screen keyboard: QT_IM_MODULE=ibus from the environment"
    assert environ == {"QT_IM_MODULE": "ibus"}


@pytest.mark.slow
@pytest.mark.skipif(not keyboard.available(), reason="PySide6-Addons is not installed")
def test_staff_type_their_id_on_the_keyboard(display: str, tmp_path: Path) -> None:
    config = tmp_path / "hemiguide.yaml"
    config.write_text(f"logs: {tmp_path / 'logs'}\n", encoding="utf-8")
    env = {**os.environ, "DISPLAY": display, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("QT_IM_MODULE", None)
    done = subprocess.run(
        [sys.executable, "-m", "tests.kiosk.keyboard_child", str(tmp_path / "h.db"), str(config)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["note"] == "on-screen keyboard: on"
    assert report["im_module"] == "qtvirtualkeyboard"
    assert report["keyboard_shown"] is True
    assert report["typed"] == ["a", "an", "ana"]  # no capital: the field asks for none
    assert report["still_locked"] is True
    assert "Traceback" not in done.stderr
