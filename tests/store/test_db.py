"""Opening the database, and every fault: a clear message, nothing lost, no new empty file."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from hemiapp.store import db as db_module
from hemiapp.store import sqlite_db
from hemiapp.store.db import SCHEMA_VERSION, StoreError, open_database
from hemiapp.store.schema import MIGRATIONS, for_sqlite
from tests.store.conftest import hemiapp


def test_new_database_is_configured(tmp_path: Path) -> None:
    db = open_database(tmp_path / "sub" / "h.db", station="desk-1", make_folder=True)
    conn = db.connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x48656D69
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
    db = open_database(immutable)
    assert db.read_only
    assert db.read("SELECT count(*) FROM staff")[0][0] == 0  # it can still be read
    with pytest.raises(StoreError) as info, db.transaction() as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES ('a', 'b')")
    db.close()
    assert info.value.kind == "readonly"
    assert info.value.message == (
        f"The database {immutable} cannot be written (read-only), so HemiGuide opened it "
        "for reading only and changed nothing. Check the file's permissions and the disk."
    )
    assert immutable.read_bytes() == before
    # No -wal or -shm was made beside it (they would keep a later write failing).
    assert sorted(p.name for p in immutable.parent.iterdir()) == ["h.db"]


# --- files that are not HemiGuide databases (issue 12, item 3) ------------------------


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def not_ours(path: Path) -> str:
    return (
        f"The file {path} is not a HemiGuide database. Nothing was changed. "
        "Check the database path (--db, or database: in the settings)."
    )


def refused_untouched(path: Path) -> None:
    """Opening ``path`` is refused as not ours, and neither it nor its folder changed."""
    digest, listing = sha256(path), sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(StoreError) as info:
        open_database(path)
    assert info.value.kind == "foreign"
    assert info.value.message == not_ours(path)
    assert sha256(path) == digest
    assert sorted(p.name for p in path.parent.iterdir()) == listing


def test_another_programs_database_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other-program.db"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    raw.execute("INSERT INTO invoices (total) VALUES (12.5)")
    raw.commit()
    raw.close()
    refused_untouched(path)
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # not switched to WAL
    assert [r[0] for r in raw.execute("SELECT name FROM sqlite_master")] == ["invoices"]
    raw.close()


def test_a_foreign_meta_table_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    raw.execute("PRAGMA user_version = 1")
    raw.commit()
    raw.close()
    refused_untouched(path)


def test_another_programs_application_id_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    open_database(path).close()
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA application_id = 1234")  # the same tables, someone else's file
    raw.commit()
    raw.close()
    refused_untouched(path)


def test_an_empty_file_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    path.touch()
    refused_untouched(path)
    assert path.stat().st_size == 0


def test_an_empty_sqlite_database_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    raw = sqlite3.connect(path)
    raw.execute("VACUUM")  # a valid SQLite file with nothing in it
    raw.close()
    refused_untouched(path)


def legacy_database(path: Path) -> None:
    """A database as HemiGuide made them before it set an application_id."""
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA journal_mode = WAL")
    for number, script in enumerate(MIGRATIONS, start=1):
        for statement in for_sqlite(script):
            raw.execute(statement)
        raw.execute(f"PRAGMA user_version = {number}")
    raw.execute("INSERT INTO meta (key, value) VALUES ('kept', 'yes')")
    raw.close()


def test_a_database_made_before_the_application_id_opens_and_gets_it(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    legacy_database(path)
    db = open_database(path)
    assert db.read("PRAGMA application_id")[0][0] == 0x48656D69
    assert [tuple(r) for r in db.read("SELECT key, value FROM meta")] == [("kept", "yes")]
    db.close()


def test_a_new_database_is_never_made_over_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    with pytest.raises(StoreError) as info:
        open_database(path, create=False)
    assert info.value.kind == "missing"
    assert info.value.message == f"There is no database at {path}."
    assert not path.exists()
    open_database(path).close()  # asked for: made complete, no temporary file left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h.db"]


# --- a folder that does not exist (item 4) ---------------------------------------------


def test_a_missing_folder_is_refused_and_not_made(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "h.db"
    with pytest.raises(StoreError) as info:
        open_database(path)
    assert info.value.kind == "missing"
    assert info.value.message == (
        f"The folder {tmp_path / 'nowhere'} does not exist. "
        "Check the database path (--db, or database: in the settings)."
    )
    assert list(tmp_path.iterdir()) == []


# --- private files (item 5) ------------------------------------------------------------


def test_data_folder_database_and_side_files_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        db = open_database(tmp_path / "data" / "HemiGuide" / "h.db", make_folder=True)
        with db.transaction() as conn:
            conn.execute("INSERT INTO meta (key, value) VALUES ('a', 'b')")
        modes = {
            p.relative_to(tmp_path).as_posix(): stat.S_IMODE(p.stat().st_mode)
            for p in tmp_path.rglob("*")
        }
        db.close()
    finally:
        os.umask(old)
    assert modes == {
        "data": 0o700,
        "data/HemiGuide": 0o700,
        "data/HemiGuide/h.db": 0o600,
        "data/HemiGuide/h.db-wal": 0o600,
        "data/HemiGuide/h.db-shm": 0o600,
    }


# --- the same, from the command line -------------------------------------------------


def test_cli_refuses_another_programs_database_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other-program.db"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    raw.commit()
    raw.close()
    digest = sha256(path)
    for args in (["staff", "list"], ["audit", "verify"], ["staff", "add", "j", "--name", "J"]):
        result = hemiapp(path, *args, "--role", "RN") if "add" in args else hemiapp(path, *args)
        assert (result.returncode, result.stdout) == (1, "")
        assert result.stderr == f"hemiapp: {not_ours(path)}\n"
    assert sha256(path) == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other-program.db"]


def test_cli_names_a_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "h.db"
    for args in (["staff", "list"], ["staff", "add", "j", "--name", "J", "--role", "RN"]):
        result = hemiapp(path, *args)  # staff add: refused before it asks for a PIN
        assert (result.returncode, result.stdout) == (1, "")
        assert result.stderr == (
            f"hemiapp: The folder {tmp_path / 'nowhere'} does not exist. "
            "Check the database path (--db, or database: in the settings).\n"
        )
    assert list(tmp_path.iterdir()) == []


def test_cli_reads_a_read_only_database_and_says_so(immutable: Path) -> None:
    result = hemiapp(immutable, "audit", "verify")
    assert (result.returncode, result.stdout) == (0, "audit log OK: 0 rows\n")
    assert result.stderr == f"hemiapp: note: {immutable} is read-only; opened for reading only\n"
    assert sorted(p.name for p in immutable.parent.iterdir()) == ["h.db"]


def test_a_database_others_can_read_is_made_private_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    open_database(path).close()
    os.chmod(path, 0o644)  # as HemiGuide made them before, under umask 022
    folder = stat.S_IMODE(tmp_path.stat().st_mode)
    open_database(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(tmp_path.stat().st_mode) == folder  # a folder is never changed


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        (sqlite3.SQLITE_BUSY, "locked"),
        (sqlite3.SQLITE_LOCKED, "locked"),
        (sqlite3.SQLITE_READONLY, "readonly"),
        (sqlite3.SQLITE_READONLY | (3 << 8), "readonly"),  # extended: SQLITE_READONLY_DBMOVED
        (sqlite3.SQLITE_FULL, "full"),
        (sqlite3.SQLITE_CORRUPT, "corrupt"),
        (sqlite3.SQLITE_NOTADB, "corrupt"),
        (sqlite3.SQLITE_IOERR, "io"),
    ],
)
def test_faults_are_sorted_by_sqlite_code_not_wording(code: int, kind: str) -> None:
    # The wording is another fault's on purpose (and could be in any language).
    exc = sqlite3.OperationalError("database is locked, disk is full, readonly, malformed")
    exc.sqlite_errorcode = code
    assert sqlite_db._translate(exc, Path("h.db")).kind == kind


def test_the_default_folders_follow_the_platform(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hemiapp.config import default_config_path

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert db_module.default_db_path() == tmp_path / "data" / "HemiGuide" / "hemiguide.db"
    assert default_config_path() == tmp_path / "config" / "HemiGuide" / "hemiguide.yaml"
