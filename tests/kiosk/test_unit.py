"""The systemd user unit printed by ``hemiapp kiosk-unit``: valid, and it keeps the kiosk up."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from hemiapp.cli import main


def unit(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main([*args, "kiosk-unit"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def exec_start(text: str) -> list[str]:
    lines = [line for line in text.splitlines() if line.startswith("ExecStart=")]
    assert len(lines) == 1
    return shlex.split(lines[0].removeprefix("ExecStart="))


def test_the_unit_restarts_the_kiosk_always(capsys: pytest.CaptureFixture[str]) -> None:
    text = unit(capsys)
    assert "\nRestart=always\n" in text
    assert "\nStartLimitIntervalSec=0\n" in text
    command = exec_start(text)
    assert command == [str(Path(sys.executable).absolute()), "-m", "hemiapp", "--kiosk"]
    done = subprocess.run([*command[:3], "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "--kiosk" in done.stdout  # it does start HemiGuide


def test_the_station_settings_are_passed_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "my clinic 100%" / "hemiguide.yaml"
    text = unit(capsys, "--config", str(config))
    command = exec_start(text.replace("%%", "%"))  # systemd's own unescaping
    assert command[3:] == ["--config", str(config), "--kiosk"]
    assert "100%%" in text


def test_systemd_accepts_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "hemiguide-kiosk.service"
    path.write_text(unit(capsys, "--config", str(tmp_path / "a b 5%.yaml")), encoding="utf-8")
    done = subprocess.run(
        ["systemd-analyze", "verify", str(path)], capture_output=True, text=True, timeout=60
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
