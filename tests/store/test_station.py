"""Station events: each is one store method writing one audit row of one shape."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from hemiapp.store.audit import verify
from hemiapp.store.db import StoreError, open_database
from hemiapp.store.station import StationLog


def test_each_station_event_writes_one_row(target: str | Path) -> None:
    db = open_database(target)
    try:
        log = StationLog(db)
        log.signed_out("nurse1", "logout", 7)
        log.signed_out("nurse1", "idle-logoff")
        log.left_kiosk("nurse2")
        log.quit("nurse2")
        rows = db.read("SELECT actor, session_id, action, detail FROM audit ORDER BY id")
        assert [tuple(r) for r in rows] == [
            ("nurse1", 7, "logout", "{}"),
            ("nurse1", None, "idle-logoff", "{}"),
            ("nurse2", None, "kiosk-unlock", "{}"),
            ("nurse2", None, "quit", "{}"),
        ]
        assert verify(db).ok
    finally:
        db.close()


def test_a_read_only_database_refuses_and_records_nothing(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    open_database(path).close()
    for leftover in (tmp_path / "h.db-wal", tmp_path / "h.db-shm"):
        leftover.unlink(missing_ok=True)
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("this machine does not allow chattr +i")
    before = path.read_bytes()
    try:
        db = open_database(path)
        try:
            with pytest.raises(StoreError) as raised:
                StationLog(db).quit("nurse1")
            assert raised.value.kind == "readonly"
            assert raised.value.message == (
                f"The database {path} cannot be written (read-only), so HemiGuide opened it "
                "for reading only and changed nothing. Check the file's permissions and the disk."
            )
        finally:
            db.close()
        assert path.read_bytes() == before
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)
