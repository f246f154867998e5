"""One station writing flat out, for the concurrency test:
``python -m tests.store.writer_child DB STATION ACTIONS``.

Opens the database (a file or a server) as station STATION, starts a walk-up visit of
its own, says READY, waits for GO on stdin (so every station starts at once), then ticks,
unticks and notes the first checklist's items ACTIONS times, each change one
transaction with its audit row, and says DONE with how many it made.
"""

from __future__ import annotations

import sys

from hemiapp.content.loader import load_content
from hemiapp.content.session import ItemStatus
from hemiapp.paths import bundled_content_root
from hemiapp.store.db import open_database, target_of
from hemiapp.store.sessions import SessionStore


def main() -> None:
    target, station, actions = target_of(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    content = load_content(bundled_content_root()).content
    db = open_database(target, station=station)
    try:
        session = SessionStore(db).new_anonymous(content)
        checklist = content.checklists[0]
        items = [item.id for item in checklist.items[:8]]
        print("READY", flush=True)
        if sys.stdin.readline().strip() != "GO":
            return
        for n in range(actions):
            item = items[n % len(items)]
            if n % 3 == 2:
                session.set_note(checklist.id, item, f"{station} note {n}")
            else:
                done = session.status(checklist.id, item) is ItemStatus.DONE
                session.set_status(checklist.id, item, ItemStatus.OPEN if done else ItemStatus.DONE)
        print("DONE", actions, flush=True)
    finally:
        db.close()


if __name__ == "__main__":
    main()
