"""The audit log: one row per action, each carrying the hash of the row before it.

A row's hash covers its id, time, station, actor, session, item, action, detail and
the previous row's hash, so editing, deleting or reordering any row breaks the
chain from that row on. The newest row's id and hash are also kept in ``meta`` so
that cutting rows off the end is caught too.

All of that lives in the same file, with no secret key: someone who can write the file
can rewrite every row after a change (and ``meta``) so that the chain checks out again.
Anchors catch that: the chain head (a row id and the start of its hash) printed on
every printout and given with every export, kept outside the file. A rewritten chain
no longer passes through an anchor recorded before the rewrite.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TextIO

from hemiapp.store.base import Connection, Database, Row

GENESIS = "0" * 64
_HEAD = "audit_head"
#: Hex digits of a row's hash in an anchor: 64 bits, far beyond forging by trial.
ANCHOR_DIGITS = 16
_ANCHOR = re.compile(rf"([1-9][0-9]{{0,18}}):([0-9a-f]{{{ANCHOR_DIGITS},64}})")
COLUMNS = ("id", "at", "station", "actor", "session_id", "item", "action", "detail")


def _row_hash(values: Mapping[str, object], prev_hash: str) -> str:
    fields = [prev_hash] + ["" if values[c] is None else str(values[c]) for c in COLUMNS]
    return hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()


def append(
    db: Database,
    conn: Connection,
    action: str,
    *,
    actor: str = "",
    session_id: int | None = None,
    item: str = "",
    detail: Mapping[str, object] | None = None,
) -> int:
    """Add a row inside the caller's transaction (``conn`` from ``db.transaction()``).

    Appends are serialised (``db.lock_audit``): however many stations write at once,
    each row follows the one before it, and the chain stays one chain."""
    db.lock_audit(conn)
    last = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    prev_hash = last["hash"] if last else GENESIS
    row: dict[str, object] = {
        "id": (last["id"] + 1) if last else 1,
        "at": db.now(),
        "station": db.station,
        "actor": actor,
        "session_id": session_id,
        "item": item,
        "action": action,
        "detail": json.dumps(detail or {}, sort_keys=True, ensure_ascii=False),
    }
    digest = _row_hash(row, prev_hash)
    conn.execute(
        "INSERT INTO audit (id, at, station, actor, session_id, item, action, detail, "
        "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (*(row[c] for c in COLUMNS), prev_hash, digest),
    )
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (_HEAD, f"{row['id']}:{digest}"),
    )
    return int(str(row["id"]))


@dataclass(frozen=True)
class Verification:
    rows: int
    first_bad: int | None  # id of the first row that does not check out
    reason: str

    @property
    def ok(self) -> bool:
        return self.first_bad is None and not self.reason


def verify(db: Database, anchors: Iterable[Anchor] = ()) -> Verification:
    """Walk the chain from the first row; name the first row that does not check out.

    Then every anchor must be on the chain (its row there, with that hash), and the
    append-only triggers must be in place as HemiGuide made them."""
    rows = db.read(
        f"SELECT {', '.join(COLUMNS)}, prev_hash, hash FROM audit ORDER BY {db.insertion_order}"
    )
    result = _walk(db, rows)
    if not result.ok:
        return result
    hashes = {int(row["id"]): str(row["hash"]) for row in rows}
    for anchor in anchors:
        found = hashes.get(anchor.row)
        if found is None:
            return Verification(
                len(rows),
                anchor.row,
                f"row {anchor.row}: it is gone, but the anchor {anchor} "
                "was taken when it was there (rows were removed)",
            )
        if not found.startswith(anchor.hash):
            return Verification(
                len(rows),
                anchor.row,
                f"row {anchor.row}: it does not match the anchor "
                f"{anchor} (the log was rewritten up to here)",
            )
    missing = db.missing_guard()
    if missing:
        return Verification(
            len(rows),
            None,
            missing,
        )
    return result


def _walk(db: Database, rows: Sequence[Row]) -> Verification:
    prev_hash = GENESIS
    expected_id = 1
    for count, row in enumerate(rows):
        values = dict(row)
        if row["id"] != expected_id:
            what = "missing or reordered" if row["id"] > expected_id else "reordered"
            return Verification(count, row["id"], f"row {row['id']}: rows before it are {what}")
        if row["prev_hash"] != prev_hash:
            return Verification(count, row["id"], f"row {row['id']}: the row before it changed")
        if _row_hash(values, prev_hash) != row["hash"]:
            return Verification(count, row["id"], f"row {row['id']}: its contents changed")
        prev_hash = row["hash"]
        expected_id += 1
    head = db.read("SELECT value FROM meta WHERE key = ?", (_HEAD,))
    last = f"{expected_id - 1}:{prev_hash}" if rows else None
    recorded = head[0]["value"] if head else None
    if recorded != last:
        gone = int(recorded.split(":")[0]) if recorded else expected_id
        return Verification(len(rows), gone, f"row {gone}: rows at the end were removed")
    return Verification(len(rows), None, "")


@dataclass(frozen=True)
class Anchor:
    """A point on the chain, kept outside the database: a row id and its hash's start."""

    row: int
    hash: str

    def __str__(self) -> str:
        return f"{self.row}:{self.hash}"


def parse_anchor(text: str) -> Anchor:
    """``ROW:HASH`` as printed (ValueError, in one line, for anything else)."""
    match = _ANCHOR.fullmatch(text.strip().lower())
    if match is None:
        raise ValueError(
            f"an anchor is ROW:HASH as an export or a printout gives it (like "
            f"42:{'0' * ANCHOR_DIGITS}, with at least {ANCHOR_DIGITS} hex digits), not '{text}'"
        )
    return Anchor(int(match.group(1)), match.group(2))


def parse_anchor_lines(text: str) -> list[Anchor]:
    """Anchors, one a line (the last word of each: pasted lines may say more); blank lines
    and lines starting with # are skipped."""
    lines = (line.strip() for line in text.splitlines())
    return [parse_anchor(line.split()[-1]) for line in lines if line and not line.startswith("#")]


def head(db: Database) -> Anchor | None:
    """The chain head (the newest row) as an anchor; None while the log is empty."""
    rows = db.read("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")
    return Anchor(int(rows[0]["id"]), str(rows[0]["hash"])[:ANCHOR_DIGITS]) if rows else None


def audit_head(db: Database) -> str:
    """The chain head as printed on printouts and given with exports (``42:1a2b…``); ''
    while the log is empty."""
    anchor = head(db)
    return "" if anchor is None else str(anchor)


def export_csv(db: Database, out: TextIO) -> int:
    """Write every row (with its hashes) as CSV; return the number of rows."""
    rows = db.read(f"SELECT {', '.join(COLUMNS)}, prev_hash, hash FROM audit ORDER BY id")
    writer = csv.writer(out)
    writer.writerow([*COLUMNS, "prev_hash", "hash"])
    for row in rows:
        writer.writerow([row[c] for c in (*COLUMNS, "prev_hash", "hash")])
    return len(rows)
