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
from hemiapp.store.schema import MIGRATIONS, for_sqlite
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


def head_line(path: Path) -> str:
    """What every export says on standard error: the chain head, as an anchor."""
    head = f"6:{row(path, 6)['hash']}"[: 2 + 16]
    return (
        f"audit chain head: {head} (keep it apart from the database; "
        f"check later with: hemiapp audit verify --anchor {head})\n"
    )


def test_export_to_stdout(log: Path) -> None:
    result = hemiapp(log, "audit", "export")
    assert (result.returncode, result.stderr) == (0, head_line(log))
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
    assert result.stderr == f"wrote 6 audit rows to {out}\n" + head_line(log)
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


# --- anchors outside the file, and the append-only triggers (issue 12, item 7) ----------
#
# Each attack below passes the chain check on its own (the chain is rewritten to be
# self-consistent); the anchor taken before it is what catches it.


def anchor_now(path: Path) -> str:
    db = open_database(path)
    try:
        return audit.audit_head(db)
    finally:
        db.close()


def rechain(conn: sqlite3.Connection) -> None:
    """Recompute every hash and the head record, as a careful forger would."""
    conn.row_factory = sqlite3.Row
    prev = audit.GENESIS
    last = None
    for found in conn.execute("SELECT * FROM audit ORDER BY id").fetchall():
        values = dict(found)
        digest = audit._row_hash(values, prev)
        conn.execute(
            "UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, found["id"])
        )
        prev, last = digest, f"{found['id']}:{digest}"
    if last is None:
        conn.execute("DELETE FROM meta WHERE key = 'audit_head'")
    else:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'audit_head'", (last,))


def forge(path: Path, *statements: str) -> None:
    """Rewrite the log and put the triggers back, so that only an anchor can tell."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")
    for sql in statements:
        conn.execute(sql)
    rechain(conn)
    for statement in for_sqlite(MIGRATIONS[0])[-2:]:  # the triggers, as HemiGuide makes them
        conn.execute(statement)
    conn.commit()
    conn.close()


def verify_with(path: Path, *anchors: str) -> tuple[int, str]:
    args = [arg for anchor in anchors for arg in ("--anchor", anchor)]
    result = hemiapp(path, "audit", "verify", *args)
    assert result.stderr == ""
    return result.returncode, result.stdout


def test_the_chain_head_is_an_anchor(log: Path) -> None:
    head = anchor_now(log)
    assert head == f"6:{str(row(log, 6)['hash'])[:16]}"
    assert verify_with(log, head, f"3:{row(log, 3)['hash']}") == (
        0,
        "audit log OK: 6 rows, 2 anchors on the chain\n",
    )


def test_deleting_the_last_row_and_fixing_the_head_is_caught_by_an_anchor(log: Path) -> None:
    anchor = anchor_now(log)
    forge(log, "DELETE FROM audit WHERE id = 6")
    assert verify_with(log) == (0, "audit log OK: 5 rows\n")  # the chain alone cannot tell
    assert verify_with(log, anchor) == (
        1,
        f"audit log BROKEN at row 6: it is gone, but the anchor {anchor} was taken when it "
        "was there (rows were removed)\n",
    )


def test_changing_a_row_and_recomputing_every_hash_is_caught_by_an_anchor(log: Path) -> None:
    anchor = anchor_now(log)
    forge(log, "UPDATE audit SET actor = 'someone-else' WHERE id = 3")
    assert verify_with(log) == (0, "audit log OK: 6 rows\n")
    assert verify_with(log, anchor) == (
        1,
        f"audit log BROKEN at row 6: it does not match the anchor {anchor} "
        "(the log was rewritten up to here)\n",
    )


def test_deleting_and_renumbering_is_caught_by_an_anchor(log: Path) -> None:
    anchor = anchor_now(log)
    forge(
        log,
        "DELETE FROM audit WHERE id = 3",
        "UPDATE audit SET id = id - 1 WHERE id > 3",
    )
    assert verify_with(log) == (0, "audit log OK: 5 rows\n")
    code, out = verify_with(log, anchor)
    assert (code, out) == (
        1,
        f"audit log BROKEN at row 6: it is gone, but the anchor {anchor} was taken when it "
        "was there (rows were removed)\n",
    )
    earlier = f"5:{str(row(log, 5)['hash'])[:16]}"  # today's row 5 is yesterday's row 6
    assert verify_with(log, earlier)[0] == 0  # (an anchor taken after the rewrite is no help)


def test_an_anchor_file_is_read_line_by_line(log: Path, tmp_path: Path) -> None:
    anchors = tmp_path / "anchors.txt"
    head = anchor_now(log)
    anchors.write_text(f"# kept in the office safe\n\n2026-03-02 printout: {head}\n")
    result = hemiapp(log, "audit", "verify", "--anchors", str(anchors))
    assert (result.returncode, result.stdout) == (
        0,
        "audit log OK: 6 rows, 1 anchor on the chain\n",
    )
    anchors.write_text("42:xyz\n")
    result = hemiapp(log, "audit", "verify", "--anchors", str(anchors))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"hemiapp: {anchors}: an anchor is ROW:HASH as an export or a printout gives it "
        "(like 42:0000000000000000, with at least 16 hex digits), not '42:xyz'\n"
    )


@pytest.mark.parametrize("value", ["6", "6:", "0:" + "a" * 16, "6:" + "a" * 15, "x:y", ""])
def test_a_bad_anchor_is_one_line(log: Path, value: str) -> None:
    result = hemiapp(log, "audit", "verify", "--anchor", value)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "hemiapp audit verify: error: argument --anchor: an anchor is ROW:HASH as an export "
        "or a printout gives it (like 42:0000000000000000, with at least 16 hex digits), "
        f"not '{value}'"
    )


@pytest.mark.parametrize("trigger", ["audit_no_update", "audit_no_delete"])
def test_a_dropped_trigger_is_reported(log: Path, trigger: str) -> None:
    conn = sqlite3.connect(log)
    conn.execute(f"DROP TRIGGER {trigger}")
    conn.commit()
    conn.close()
    assert verify_with(log) == (
        1,
        f"audit log BROKEN: the append-only trigger {trigger} is missing or changed "
        "(someone with the file took it away)\n",
    )


def test_a_trigger_that_does_nothing_is_reported(log: Path) -> None:
    conn = sqlite3.connect(log)
    conn.execute("DROP TRIGGER audit_no_delete")
    conn.execute("CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT 1; END")
    conn.commit()
    conn.close()
    assert verify_with(log)[1].startswith(
        "audit log BROKEN: the append-only trigger audit_no_delete is missing or changed"
    )
