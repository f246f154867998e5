"""The audit log: one row per action, each carrying the hash of the row before it.

A row's hash covers its id, time, station, actor, session, item, action, detail and
the previous row's hash, so editing, deleting or reordering any row breaks the
chain from that row on. The newest row's id and hash are also kept in ``meta`` so
that cutting rows off the end is caught too.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TextIO

from hemiapp.store.db import Database, utc_now

GENESIS = "0" * 64
_HEAD = "audit_head"
COLUMNS = ("id", "at", "station", "actor", "session_id", "item", "action", "detail")


def _row_hash(values: Mapping[str, object], prev_hash: str) -> str:
    fields = [prev_hash] + ["" if values[c] is None else str(values[c]) for c in COLUMNS]
    return hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()


def append(
    db: Database,
    conn: sqlite3.Connection,
    action: str,
    *,
    actor: str = "",
    session_id: int | None = None,
    item: str = "",
    detail: Mapping[str, object] | None = None,
) -> int:
    """Add a row inside the caller's transaction (``conn`` from ``db.transaction()``)."""
    last = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    prev_hash = last["hash"] if last else GENESIS
    row: dict[str, object] = {
        "id": (last["id"] + 1) if last else 1,
        "at": utc_now(),
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
        "prev_hash, hash) VALUES (:id, :at, :station, :actor, :session_id, :item, :action, "
        ":detail, :prev_hash, :hash)",
        {**row, "prev_hash": prev_hash, "hash": digest},
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


def verify(db: Database) -> Verification:
    """Walk the chain from the first row; name the first row that does not check out."""
    rows = db.read(f"SELECT {', '.join(COLUMNS)}, prev_hash, hash FROM audit ORDER BY rowid")
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


def export_csv(db: Database, out: TextIO) -> int:
    """Write every row (with its hashes) as CSV; return the number of rows."""
    rows = db.read(f"SELECT {', '.join(COLUMNS)}, prev_hash, hash FROM audit ORDER BY id")
    writer = csv.writer(out)
    writer.writerow([*COLUMNS, "prev_hash", "hash"])
    for row in rows:
        writer.writerow([row[c] for c in (*COLUMNS, "prev_hash", "hash")])
    return len(rows)
