"""Opening the database, and every fault: a clear message, nothing lost, no new empty file."""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from hemiapp.store.db import SCHEMA_VERSION, StoreError, open_database


def test_new_database_is_configured(tmp_path: Path) -> None:
    db = open_database(tmp_path / "sub" / "h.db", station="desk-1")
    conn = db.connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    again = open_database(tmp_path / "sub" / "h.db")  # reopening migrates nothing
    assert again.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    again.close()


def test_not_a_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    path.write_bytes(b"these are somebody's notes, not a database\n" * 20)
    before = path.read_bytes()
    with pytest.raises(StoreError) as info:
        open_database(path)
    assert info.value.kind == "corrupt"
    assert info.value.message == (
        f"The database {path} is damaged. Nothing was changed. "
        "Restore it from a backup, or ask IT for help."
    )
    assert path.read_bytes() == before


def test_damaged_pages_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    db = open_database(path)
    with db.transaction() as conn:
        for n in range(200):
            conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (f"k{n}", "x" * 500))
    db.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(path.read_bytes())
    page = 4096
    data[3 * page : 3 * page + 200] = b"\xff" * 200  # scribble over a b-tree page
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError) as info:
        open_database(path)
    assert info.value.kind == "corrupt"


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    open_database(path).close()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.commit()
    raw.close()
    with pytest.raises(StoreError) as info:
        open_database(path)
    assert info.value.kind == "newer"
    assert info.value.message == (
        f"The database {path} was written by a newer HemiGuide (schema {SCHEMA_VERSION + 1}; "
        f"this version knows up to {SCHEMA_VERSION}). Update HemiGuide on this station."
    )


def test_locked_database(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    db = open_database(path, busy_timeout_ms=100)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    with pytest.raises(StoreError) as info, db.transaction() as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES ('a', 'b')")
    assert info.value.kind == "locked"
    assert info.value.message == (
        f"The database {path} is in use by another program and stayed locked. "
        "Close the other program, then try again."
    )
    other.execute("ROLLBACK")
    with db.transaction() as conn:  # usable again once the other program lets go
        conn.execute("INSERT INTO meta (key, value) VALUES ('a', 'b')")
    assert db.read("SELECT value FROM meta WHERE key = 'a'")[0][0] == "b"


def test_full_disk_keeps_what_was_saved(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    db = open_database(path)
    with db.transaction() as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES ('kept', 'yes')")
    pages = db.connection.execute("PRAGMA page_count").fetchone()[0]
    db.connection.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now full
    with pytest.raises(StoreError) as info, db.transaction() as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES ('big', ?)", ("x" * 100_000,))
    assert info.value.kind == "full"
    assert info.value.message == (
        f"The disk holding {path} is full. Free some space, then try again."
    )
    assert [tuple(r) for r in db.read("SELECT key, value FROM meta")] == [("kept", "yes")]
    assert db.read("PRAGMA integrity_check")[0][0] == "ok"


@pytest.fixture
def immutable(tmp_path: Path) -> Iterator[Path]:
    """A database file the system will not let anyone write (chattr +i), then freed again."""
    path = tmp_path / "h.db"
    open_database(path).close()
    for leftover in (tmp_path / "h.db-wal", tmp_path / "h.db-shm"):
        leftover.unlink(missing_ok=True)
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip("this machine does not allow chattr +i")
    yield path
    subprocess.run(["chattr", "-i", str(path)], check=True)


def test_read_only_database(immutable: Path) -> None:
    before = immutable.read_bytes()
    with pytest.raises(StoreError) as info:
        db = open_database(immutable)
        with db.transaction() as conn:
            conn.execute("INSERT INTO meta (key, value) VALUES ('a', 'b')")
    assert info.value.kind == "readonly"
    assert info.value.message == (
        f"The database {immutable} cannot be written (read-only). "
        "Check the file's permissions and the disk."
    )
    assert immutable.read_bytes() == before
