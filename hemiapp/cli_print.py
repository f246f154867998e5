"""``hemiapp print``: print a saved session, or a blank checklist, to PDF or a printer.

Called by hemiapp.cli with the parsed arguments; documents are built and printed by
hemiapp.report, and every record is written by hemiapp.store. Nothing here imports Qt until the
arguments are checked and the command line has made its QGuiApplication. Every
expected problem is a PrintError (one line for the user) or BadUsage (exit 2). Every
printout, a session's or a blank checklist's, is recorded in the audit log before it
is printed (hemiapp.report.output): no record, no print.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from hemiapp.report.errors import PrintError

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

    from hemiapp.content.models import Checklist, Content
    from hemiapp.content.session import Session
    from hemiapp.report.output import Printed, PrintRecorder
    from hemiapp.store.db import Database

__all__ = ["BadUsage", "PrintError", "run_print"]


class BadUsage(Exception):
    """The arguments do not make sense together."""


def run_print(
    args: argparse.Namespace,
    make_app: Callable[[], object],
    open_db: Callable[[], Database],
    operator: str,
) -> str:
    """Print as ``args`` say; return the line to show ('printed 3 pages to out.pdf')."""
    from hemiapp.content.models import LANGUAGES
    from hemiapp.content.session import Session
    from hemiapp.store.printlog import BlankPrintLog, SessionPrintLog
    from hemiapp.store.sessions import SessionStore

    if (args.session_id is None) == (args.blank is None):
        raise BadUsage("give a SESSION_ID or --blank CHECKLIST_ID")
    if args.language is not None and args.language not in LANGUAGES:
        raise BadUsage(f"--language must be one of: {', '.join(LANGUAGES)}")
    content = _load_content(args.content)
    _app = make_app()  # held until the printing is done
    from hemiapp.report.document import ReportOptions, build_document, in_print_order
    from hemiapp.report.printing import page_size_for_locale
    from hemiapp.store.audit import audit_head

    options = ReportOptions(
        clinic_name=args.clinic or ReportOptions.clinic_name,
        logo=args.logo,
        page_size=args.page_size or page_size_for_locale(),
    )
    now = datetime.now(UTC)
    db = open_db()  # no record, no print: a blank checklist is recorded too
    try:
        if args.blank is not None:
            blank = Session(content, language=args.language or "en")
            chosen = _checklists(content, [args.blank])
            document = build_document(blank, chosen, options, printed_at=now, blank=True)
            printed = _print_to(args, document, BlankPrintLog(db, operator), blank, chosen)
            return f"printed {_pages(printed.pages)} to {_where(args, printed)}"
        session = _resume(db, args.session_id, content)
        if args.language is not None:
            session.language = args.language  # for this printout only: nothing is saved
        checklists = in_print_order(_checklists(content, args.checklist))
        document = build_document(
            session, checklists, options, printed_at=now, audit_head=audit_head(db)
        )
        recorder = SessionPrintLog(SessionStore(db), session, operator)
        printed = _print_to(args, document, recorder, session, checklists)
    finally:
        db.close()
    where = _where(args, printed)
    return f"printed {_pages(printed.pages)} of session {args.session_id} to {where}"


def _load_content(folder: Path | None) -> Content:
    from hemiapp.content.errors import ContentError
    from hemiapp.content.loader import load_content
    from hemiapp.paths import bundled_content_root

    root = folder or bundled_content_root()
    try:
        return load_content(root).content
    except ContentError as exc:
        raise PrintError(
            f"the content in {root} has {len(exc.findings)} problem(s); "
            f"see: hemiapp validate {root}"
        ) from None


def _pages(count: int) -> str:
    return f"{count} page" if count == 1 else f"{count} pages"


def _checklists(content: Content, wanted: list[str] | None) -> list[Checklist]:
    if not wanted:
        return list(content.checklists)
    known = ", ".join(c.id for c in content.checklists)
    chosen = []
    for checklist_id in wanted:
        try:
            chosen.append(content.checklist(checklist_id))
        except KeyError:
            raise PrintError(f"no checklist '{checklist_id}' (checklists: {known})") from None
    return chosen


def _resume(db: Database, session_id: int, content: Content) -> Session:
    from hemiapp.store.sessions import SessionStore

    store = SessionStore(db)
    try:
        session = store.resume(session_id, content)
    except KeyError:
        raise PrintError(f"no session {session_id} in {db.where}") from None
    if store.content_digest(session_id) != content.digest:
        print(
            f"hemiapp: note: session {session_id} was started with other content than "
            f"the content printed now ({content.version_label})",
            file=sys.stderr,
        )
    return session


def _print_to(
    args: argparse.Namespace,
    document: QTextDocument,
    recorder: PrintRecorder,
    session: Session,
    checklists: list[Checklist],
) -> Printed:
    """Print to --pdf or --printer, recorded before and after (hemiapp.report.output)."""
    from hemiapp.report.output import Target, print_recorded

    target = Target(pdf=args.pdf) if args.pdf is not None else Target(printer=args.printer or None)
    printed = print_recorded(
        document,
        target,
        recorder,
        checklists=tuple(c.id for c in checklists),
        language=session.language,
        blank=args.blank is not None,
    )
    if not printed.outcome_recorded:
        print(
            "hemiapp: note: printed, but the audit log could not record that it was done "
            "(the attempt is recorded)",
            file=sys.stderr,
        )
    return printed


def _where(args: argparse.Namespace, printed: Printed) -> str:
    return str(args.pdf) if args.pdf is not None else f"printer '{printed.to}'"
