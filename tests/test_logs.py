"""The app's logs: rotation, fault dumps to crash.log, and a folder that cannot be written."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from hemiapp import logs


def test_the_log_rotates_and_keeps_five_old_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = logs.setup_logging(tmp_path / "logs")
    assert path == tmp_path / "logs" / "hemiguide.log"
    log = logging.getLogger("hemiapp.test")
    for number in range(400):
        log.info("line %d of a long day at the kiosk", number)
    names = sorted(p.name for p in (tmp_path / "logs").iterdir())
    assert names == ["crash.log", "hemiguide.log", *(f"hemiguide.log.{n}" for n in range(1, 6))]
    assert all(p.stat().st_size <= 2_000 for p in (tmp_path / "logs").glob("hemiguide.log*"))
    assert "line 399 of a long day" in path.read_text(encoding="utf-8")


def test_an_unwritable_folder_still_lets_the_app_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    assert logs.setup_logging(blocker / "logs") is None
    err = capsys.readouterr().err
    assert err == f"hemiapp: WARNING: cannot write logs in {blocker / 'logs'}: Not a directory\n"
    assert blocker.read_text(encoding="utf-8") == "a file where the folder should be"


def test_a_hard_crash_is_written_to_crash_log(tmp_path: Path) -> None:
    code = (
        "import faulthandler, sys; from pathlib import Path; from hemiapp import logs;"
        "logs.setup_logging(Path(sys.argv[1])); faulthandler._sigsegv()"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "logs")], capture_output=True, timeout=60
    )
    assert done.returncode != 0
    crash = (tmp_path / "logs" / "crash.log").read_text(encoding="utf-8")
    assert crash.startswith("Fatal Python error: Segmentation fault")
    assert 'File "<string>", line 1 in <module>' in crash


def test_log_folder_and_files_are_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 500)
    old = os.umask(0o022)
    try:
        logs.setup_logging(tmp_path / "data" / "logs")
        for number in range(40):  # past a rotation: the new file is private too
            logging.getLogger("hemiapp.test").info("line %d", number)
        logs.shutdown()
    finally:
        os.umask(old)
    modes = {
        p.relative_to(tmp_path).as_posix(): stat.S_IMODE(p.stat().st_mode)
        for p in tmp_path.rglob("*")
        if not p.name.startswith("hemiguide.log.") or p.name == "hemiguide.log.1"
    }
    assert modes == {
        "data": 0o700,
        "data/logs": 0o700,
        "data/logs/hemiguide.log": 0o600,
        "data/logs/hemiguide.log.1": 0o600,
        "data/logs/crash.log": 0o600,
    }


def test_log_files_others_can_read_are_made_private(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    folder.mkdir()
    for name in ("hemiguide.log", "hemiguide.log.1", "crash.log"):
        (folder / name).write_text("from an older HemiGuide\n", encoding="utf-8")
        os.chmod(folder / name, 0o644)
    logs.setup_logging(folder)
    logs.shutdown()
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()}
    assert modes == {"hemiguide.log": 0o600, "hemiguide.log.1": 0o600, "crash.log": 0o600}
