"""``hemiapp sessions list``: the saved sessions, to find the id ``hemiapp print`` needs.

No patient data is printed unless asked for with ``--show-names`` (a terminal's
scroll-back and a shell's history are not private).
"""

from __future__ import annotations

import argparse
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hemiapp.store.db import Database
    from hemiapp.store.listing import SessionRow


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sessions = commands.add_parser(
        "sessions",
        help="list saved sessions (to find the SESSION_ID that print needs)",
        description="Saved sessions, oldest first. No patient data is shown unless "
        "--show-names is given.",
    )
    actions = sessions.add_subparsers(dest="sessions_command", metavar="ACTION", required=True)
    listing = actions.add_parser(
        "list",
        help="list sessions: id, start time, kind, open or closed, items done",
        description="List sessions: id, start time (local), kind (named or anonymous), "
        "open or closed, language and items done. Exit status: 0, or 1 for a database "
        "problem (said on one line).",
    )
    listing.add_argument("--today", action="store_true", help="only sessions started today")
    listing.add_argument(
        "--name",
        metavar="TEXT",
        help="only named sessions whose patient's name contains TEXT (any case)",
    )
    listing.add_argument(
        "--show-names",
        action="store_true",
        help="also show each patient's name, date of birth and MRN (patient data)",
    )


def run(args: argparse.Namespace, db: Database) -> int:
    from hemiapp.store.listing import list_sessions

    since = until = None
    if args.today:
        midnight = datetime.combine(datetime.now().date(), time()).astimezone()
        since, until = midnight, midnight + timedelta(days=1)
    rows = list_sessions(db, since=since, until=until, name=args.name, with_names=args.show_names)
    if not rows:
        filtered = args.today or args.name is not None
        print("no sessions match" if filtered else "no sessions yet")
        return 0
    table = [_header(args.show_names), *(_cells(row, args.show_names) for row in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]
    for line in table:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        )
    return 0


def _header(names: bool) -> list[str]:
    header = ["ID", "STARTED", "KIND", "STATE", "LANGUAGE", "DONE"]
    return [*header, "NAME", "DATE OF BIRTH", "MRN"] if names else header


def _cells(row: SessionRow, names: bool) -> list[str]:
    started = row.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
    cells = [
        str(row.id),
        started,
        row.kind,
        "closed" if row.closed_at else "open",
        row.language,
        str(row.done),
    ]
    return [*cells, row.name, row.date_of_birth, row.mrn] if names else cells
