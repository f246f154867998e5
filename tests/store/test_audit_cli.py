"""`hemiapp audit verify|export`, run as a real process against logs tampered with by hand.

Tampering goes through a raw sqlite3 connection that first drops the append-only
triggers, as someone with the file and a SQLite shell could.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hemiapp.store import audit
from hemiapp.store.db import open_database
from hemiapp.store.staff import SignInError, StaffStore
from tests.store.conftest import OTHER_PIN, PIN, hemiapp

HEADER = ["id", "at", "station", "actor", "session_id", "item", "action", "detail"]
HEADER += ["prev_hash", "hash"]
ACTIONS = ["staff-add", "login", "login-failed", "login-failed", "pin-reset", "staff-disable"]
CONTENT_COLUMNS = [*HEADER[1:]]  # everything but the id


@pytest.fixture
def log(tmp_path: Path) -> Path:
    """A database whose audit log has six good rows."""
    path = tmp_path / "h.db"
    db = open_database(path, station="kiosk-1")
    store = StaffStore(db)
    now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    store.add("jsmith", "Jane Smith", "RN", PIN, actor="cli:admin")
    store.sign_in("jsmith", PIN, now=now)
    for _ in range(2):
        with pytest.raises(SignInError):
            store.sign_in("jsmith", OTHER_PIN, now=now)
    store.reset_pin("jsmith", OTHER_PIN, actor="cli:admin")
    store.disable("jsmith", actor="cli:admin")
    assert [r["action"] for r in db.read("SELECT action FROM audit ORDER BY id")] == ACTIONS
    db.close()
    return path


def tamper(path: Path, *statements: tuple[str, tuple[object, ...]]) -> None:
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")
    for sql, params in statements:
        conn.execute(sql, params)
    conn.commit()
    conn.close()


def row(path: Path, row_id: int) -> dict[str, object]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    found = conn.execute("SELECT * FROM audit WHERE id = ?", (row_id,)).fetchone()
    conn.close()
    return dict(found)


def set_row(row_id: int, values: dict[str, object]) -> tuple[str, tuple[object, ...]]:
    columns = ", ".join(f"{c} = ?" for c in CONTENT_COLUMNS)
    return (
        f"UPDATE audit SET {columns} WHERE id = ?",
        (*(values[c] for c in CONTENT_COLUMNS), row_id),
    )


def assert_broken_at(path: Path, row_id: int) -> str:
    result = hemiapp(path, "audit", "verify")
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    prefix = f"audit log BROKEN at row {row_id}: "
    assert lines[0].startswith(prefix), lines[0]
    reason = lines[0].removeprefix(prefix)
    assert reason
    assert not reason.startswith("row "), "the row number is said once"
    return reason


def test_intact_log_verifies(log: Path) -> None:
    result = hemiapp(log, "audit", "verify")
    assert (result.returncode, result.stdout, result.stderr) == (0, "audit log OK: 6 rows\n", "")


def test_empty_log_verifies(tmp_path: Path) -> None:
    open_database(tmp_path / "h.db").close()
    result = hemiapp(tmp_path / "h.db", "audit", "verify")
    assert (result.returncode, result.stdout) == (0, "audit log OK: 0 rows\n")


def test_the_app_cannot_edit_the_log(log: Path) -> None:
    conn = sqlite3.connect(log)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE audit SET detail = '{}' WHERE id = 3")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit WHERE id = 6")
    conn.close()


def test_edited_row_is_named(log: Path) -> None:
    tamper(log, ("UPDATE audit SET detail = ? WHERE id = 3", ('{"reason": "typo"}',)))
    assert assert_broken_at(log, 3) == "its contents changed"


@pytest.mark.parametrize("column", CONTENT_COLUMNS)
def test_any_edited_column_is_caught_at_that_row(log: Path, column: str) -> None:
    values = row(log, 3)
    original = values[column]
    values[column] = "0" * 64 if column in ("prev_hash", "hash") else f"{original}x"
    if column == "session_id":
        values[column] = 99
    tamper(log, set_row(3, values))
    assert_broken_at(log, 3)


def test_edited_row_with_its_hash_recomputed_breaks_the_next_row(log: Path) -> None:
    values = row(log, 3)
    values["actor"] = "someone-else"
    values["hash"] = audit._row_hash(values, str(values["prev_hash"]))
    tamper(log, set_row(3, values))
    assert_broken_at(log, 4)


def test_deleted_middle_row_is_caught_at_the_gap(log: Path) -> None:
    tamper(log, ("DELETE FROM audit WHERE id = 3", ()))
    # Row 3 is gone; row 4 is the first row left standing that no longer checks out.
    assert "missing" in assert_broken_at(log, 4)


def test_deleted_last_row_is_named(log: Path) -> None:
    tamper(log, ("DELETE FROM audit WHERE id = 6", ()))
    assert "removed" in assert_broken_at(log, 6)


def test_emptied_log_is_caught(log: Path) -> None:
    tamper(log, ("DELETE FROM audit", ()))
    assert_broken_at(log, 6)


def test_swapped_rows_are_caught_at_the_first(log: Path) -> None:
    second, third = row(log, 2), row(log, 3)
    tamper(log, set_row(2, third), set_row(3, second))
    assert_broken_at(log, 2)


def test_reordered_ids_are_caught(log: Path) -> None:
    tamper(
        log,
        ("UPDATE audit SET id = 100 WHERE id = 4", ()),
        ("UPDATE audit SET id = 4 WHERE id = 5", ()),
        ("UPDATE audit SET id = 5 WHERE id = 100", ()),
    )
    assert_broken_at(log, 4)


def test_export_to_stdout(log: Path) -> None:
    result = hemiapp(log, "audit", "export")
    assert (result.returncode, result.stderr) == (0, "")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == HEADER
    assert len(rows) == 1 + 6
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4", "5", "6"]
    assert [r[HEADER.index("action")] for r in rows[1:]] == ACTIONS
    assert {r[HEADER.index("station")] for r in rows[1:]} == {"kiosk-1"}
    assert PIN not in result.stdout
    assert OTHER_PIN not in result.stdout


def test_export_to_a_file(log: Path, tmp_path: Path) -> None:
    out = tmp_path / "audit.csv"
    result = hemiapp(log, "audit", "export", "--out", str(out))
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == f"wrote 6 audit rows to {out}\n"
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == HEADER
    assert len(rows) == 7
    assert PIN.encode() not in out.read_bytes()


def test_export_to_an_unwritable_place_is_one_line(log: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "folder" / "audit.csv"
    result = hemiapp(log, "audit", "export", "--out", str(target))
    assert result.returncode == 1
    assert result.stderr == f"hemiapp: cannot write {target}: No such file or directory\n"


@pytest.mark.parametrize("action", ["verify", "export"])
def test_missing_or_damaged_database_is_one_line(tmp_path: Path, action: str) -> None:
    missing = tmp_path / "none.db"
    result = hemiapp(missing, "audit", action)
    assert result.returncode == 1
    assert result.stderr.startswith(f"hemiapp: no database at {missing}")
    assert not missing.exists()

    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00garbage" * 512)
    result = hemiapp(junk, "audit", action)
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"hemiapp: The database {junk} is damaged.")
    assert junk.read_bytes() == b"\x00garbage" * 512


def test_audit_needs_an_action(tmp_path: Path) -> None:
    result = hemiapp(tmp_path / "h.db", "audit")
    assert result.returncode == 2
    assert "required: ACTION" in result.stderr
    assert "Traceback" not in result.stderr
