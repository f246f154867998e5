"""``hemiapp audit verify|export``: check the audit log (against anchors kept elsewhere),
or write it out as CSV with its chain head."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hemiapp.store.audit import Anchor
    from hemiapp.store.db import Database

EXIT_OK, EXIT_ERRORS = 0, 1


def anchor_arg(text: str) -> Anchor:
    """argparse ``type`` for ``--anchor ROW:HASH``."""
    from hemiapp.store.audit import parse_anchor

    try:
        return parse_anchor(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = commands.add_parser("audit", help="check or export the audit log")
    actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify",
        help="check the audit log's hash chain, its anchors and its append-only triggers",
        description="Exit status: 0 the log is intact, 1 a row was edited, deleted or moved, "
        "the log no longer passes through an anchor, or its append-only triggers are gone.",
    )
    verify.add_argument(
        "--anchor",
        action="append",
        type=anchor_arg,
        default=[],
        metavar="ROW:HASH",
        help="a chain head from a printout or an export (may be repeated)",
    )
    verify.add_argument(
        "--anchors", type=Path, metavar="FILE", help="a file of anchors, one ROW:HASH a line"
    )
    export = actions.add_parser(
        "export", help="write the audit log as CSV (its chain head goes to standard error)"
    )
    export.add_argument("--out", type=Path, metavar="FILE", help="default: standard output")


def run(args: argparse.Namespace, open_db: Callable[[], Database]) -> int:
    """Run ``audit verify|export``; a problem to say in one line is raised as ValueError."""
    from hemiapp.store import audit

    anchors = list(getattr(args, "anchor", None) or [])
    if getattr(args, "anchors", None) is not None:
        anchors += _read_anchors(args.anchors)
    db = open_db()
    try:
        if args.audit_command == "verify":
            result = audit.verify(db, anchors)
            if result.ok:
                checked = f", {_count(len(anchors), 'anchor')} on the chain" if anchors else ""
                print(f"audit log OK: {result.rows} rows{checked}")
                return EXIT_OK
            if result.first_bad is None:
                print(f"audit log BROKEN: {result.reason}")
            else:
                reason = result.reason.removeprefix(f"row {result.first_bad}: ")
                print(f"audit log BROKEN at row {result.first_bad}: {reason}")
            return EXIT_ERRORS
        if args.out is None:
            audit.export_csv(db, sys.stdout)
        else:
            try:
                with open(args.out, "w", encoding="utf-8", newline="") as out:
                    count = audit.export_csv(db, out)
            except OSError as exc:
                raise ValueError(f"cannot write {args.out}: {exc.strerror}") from None
            print(f"wrote {count} audit rows to {args.out}", file=sys.stderr)
        head = audit.audit_head(db)
        if head:
            print(
                f"audit chain head: {head} (keep it apart from the database; "
                f"check later with: hemiapp audit verify --anchor {head})",
                file=sys.stderr,
            )
        return EXIT_OK
    finally:
        db.close()


def _read_anchors(path: Path) -> list[Anchor]:
    from hemiapp.store.audit import parse_anchor_lines

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise ValueError(f"cannot read the anchors in {path}: {reason}") from None
    try:
        return parse_anchor_lines(text)
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from None


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
