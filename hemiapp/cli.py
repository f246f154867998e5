"""Command line: ``hemiapp`` starts the app; ``hemiapp validate|schema|staff|audit|print|db
…`` are tools.

Nothing here imports Qt until the app itself is started, so the tools work (and
start fast) on a machine without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from hemiapp import cli_audit, cli_db, cli_sessions, cli_validate
from hemiapp.cli_args import row_id, safe_output
from hemiapp.store.db import target_of

if TYPE_CHECKING:
    from hemiapp.store.db import Database
    from hemiapp.store.staff import StaffStore

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2

QT_APT_PACKAGES = (
    "libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libglib2.0-0 "
    "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 "
    "libxcb-shape0 libxcb-xinerama0 libxcb-randr0 fonts-dejavu-core"
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hemiapp",
        description="HemiGuide: hemilaminotomy education and checklists. "
        "With no command, starts the app.",
    )
    parser.add_argument("--content", type=Path, metavar="DIR", help="a clinic's own content folder")
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="the station's settings (default: hemiguide.yaml in the user's settings folder)",
    )
    parser.add_argument(
        "--db",
        type=target_of,
        metavar="PATH|URL",
        help="the database file, or a clinic server's postgresql://user@host:port/dbname "
        "(default: database: in the settings, else a file in the per-user data folder)",
    )
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="walk-up kiosk: locked full-screen; only signed-in staff can leave or quit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    cli_validate.add_parser(commands)
    schema = commands.add_parser(
        "schema", help="write the JSON Schema files editors use for completion"
    )
    schema.add_argument("--out", type=Path, metavar="DIR", help="default: checklists/schema")
    commands.add_parser(
        "kiosk-unit",
        help="print a systemd user unit that keeps the kiosk running (uses --config)",
    )
    _staff_parser(commands)
    cli_audit.add_parser(commands)
    _print_parser(commands)
    cli_sessions.add_parser(commands)
    cli_db.add_parser(commands)
    return parser


def _staff_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    staff = commands.add_parser(
        "staff",
        help="add, list, disable staff accounts and reset PINs",
        description="Staff accounts. PINs are asked for twice and never shown; they are "
        "never given on the command line (when input is not a terminal, the PIN is read "
        "from the first two lines of standard input).",
    )
    actions = staff.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add a staff account (asks for its PIN)")
    add.add_argument("staff_id", metavar="STAFF_ID")
    add.add_argument("--name", required=True, help="full name, as printed on sign-offs")
    add.add_argument("--role", required=True, help="for example: RN, LPN, admin")
    actions.add_parser("list", help="list staff accounts and their status")
    disable = actions.add_parser("disable", help="turn a staff account off")
    disable.add_argument("staff_id", metavar="STAFF_ID")
    reset = actions.add_parser("reset-pin", help="set a new PIN (and clear a lockout)")
    reset.add_argument("staff_id", metavar="STAFF_ID")


def _print_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    printing = commands.add_parser(
        "print",
        help="print a session's checklists, or a blank checklist, to PDF or a printer",
        description="Print a patient's session (its checklists, ticks, notes and sign-offs) "
        "or, with --blank, a checklist to fill in on paper. Every printout is recorded "
        "in the audit log before it is printed; if it cannot be, nothing is printed. "
        "Find a session's id with 'hemiapp sessions list'. Exit status: 0 printed, 1 a "
        "problem (said on one line), 2 bad usage.",
    )
    printing.add_argument(
        "session_id", nargs="?", type=row_id("a session ID"), metavar="SESSION_ID"
    )
    printing.add_argument("--blank", metavar="CHECKLIST_ID", help="a blank checklist, for paper")
    printing.add_argument(
        "--checklist",
        action="append",
        metavar="CHECKLIST_ID",
        help="only this checklist of the session (may be repeated; default: all)",
    )
    printing.add_argument(
        "--language", metavar="LANG", help="en or es (default: the session's; blank: en)"
    )
    printing.add_argument(
        "--page-size", choices=("A4", "Letter"), help="default: from the system's locale"
    )
    printing.add_argument("--clinic", metavar="NAME", help="clinic name for the header")
    printing.add_argument(
        "--logo", type=Path, metavar="FILE", help="clinic logo, a file in the content folder"
    )
    target = printing.add_mutually_exclusive_group(required=True)
    target.add_argument("--pdf", type=Path, metavar="FILE", help="write a PDF file")
    target.add_argument(
        "--printer",
        nargs="?",
        const="",
        metavar="NAME",
        help="print on this printer (without a name: the system's default printer)",
    )


def _schema(args: argparse.Namespace) -> int:
    from hemiapp.content.schema import json_schema_text
    from hemiapp.paths import schema_dir

    out: Path = args.out or schema_dir()
    out.mkdir(parents=True, exist_ok=True)
    for kind in ("course", "checklist"):
        target = out / f"{kind}.schema.json"
        target.write_text(json_schema_text(kind), encoding="utf-8")
        print(f"wrote {target}")
    return EXIT_OK


class _Refused(Exception):
    """A problem to report as one line on stderr, exit status 1."""


def _open_db(args: argparse.Namespace, *, create: bool = False) -> Database:
    from hemiapp.store.db import open_database

    target, default = cli_db.database_of(args)
    if isinstance(target, Path) and not create and not target.exists() and target.parent.is_dir():
        raise _Refused(f"no database at {target} (add a staff account first, or check --db)")
    db = open_database(target, create=create, make_folder=default)
    if db.read_only:
        print(f"hemiapp: note: {db.where} is read-only; opened for reading only", file=sys.stderr)
    return db


def _operator() -> str:
    """Who ran the command, for the audit log."""
    import getpass

    try:
        return f"cli:{getpass.getuser()}"
    except Exception:  # no user name in this environment
        return "cli"


def _read_pin(prompt: str) -> str:
    """One PIN entry: hidden on a terminal, else one line of standard input. Never echoed."""
    import getpass

    stdin = sys.stdin
    if stdin is None:
        raise _Refused("no terminal or input to read the PIN from")
    try:
        if stdin.isatty():
            return getpass.getpass(prompt)
        line = stdin.readline()
    except (EOFError, KeyboardInterrupt):
        raise _Refused("cancelled; nothing was changed") from None
    if not line:
        raise _Refused("no PIN given on standard input; nothing was changed")
    return line.rstrip("\r\n")


def _new_pin(staff_id: str) -> str:
    from hemiapp.store.pins import validate_pin

    pin = _read_pin(f"New PIN for {staff_id} (6 to 12 digits): ")
    try:
        validate_pin(pin)
    except ValueError as exc:
        raise _Refused(f"{exc}; nothing was changed") from None
    if _read_pin("Type the same PIN again: ") != pin:
        raise _Refused("the two PINs are not the same; nothing was changed")
    return pin


def _staff(args: argparse.Namespace) -> int:
    from hemiapp.store.staff import StaffStore

    command = args.staff_command
    if command == "add":
        return _staff_add(args)
    db = _open_db(args)
    try:
        store = StaffStore(db)
        if command == "list":
            _print_staff(store)
        elif command == "disable":
            store.disable(args.staff_id, actor=_operator())
            print(f"disabled staff ID '{args.staff_id}'")
        else:
            if store.get(args.staff_id) is None:
                raise ValueError(f"no staff ID '{args.staff_id}'")
            store.reset_pin(args.staff_id, _new_pin(args.staff_id), actor=_operator())
            print(f"new PIN set for staff ID '{args.staff_id}'; any lockout is cleared")
        return EXIT_OK
    finally:
        db.close()


def _staff_add(args: argparse.Namespace) -> int:
    from hemiapp.store.staff import StaffStore, validate_name, validate_role, validate_staff_id

    validate_staff_id(args.staff_id)
    name, role = validate_name(args.name), validate_role(args.role)
    target, default = cli_db.database_of(args)
    if not isinstance(target, Path) or target.exists():  # say so before asking for a PIN
        db = _open_db(args)
        try:
            if StaffStore(db).get(args.staff_id) is not None:
                raise ValueError(f"staff ID '{args.staff_id}' already exists")
        finally:
            db.close()
    elif not default and not target.parent.is_dir():
        _open_db(args, create=True)  # refused: names the missing folder, before the PIN
    pin = _new_pin(args.staff_id)  # before creating a database, so a typo leaves no file
    db = _open_db(args, create=True)
    try:
        member = StaffStore(db).add(args.staff_id, name, role, pin, actor=_operator())
    finally:
        db.close()
    print(f"added staff ID '{member.staff_id}' ({member.name}, {member.role})")
    return EXIT_OK


def _print_staff(store: StaffStore) -> None:
    members = store.list()
    if not members:
        print("no staff accounts yet")
        return
    rows = [("STAFF ID", "NAME", "ROLE", "STATUS")]
    rows += [(m.staff_id, m.name, m.role, m.status()) for m in members]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        print("  ".join([*(cell.ljust(w) for cell, w in zip(row, widths, strict=False)), row[3]]))


def _store_command(args: argparse.Namespace) -> int:
    """Run ``staff``/``audit``/``print``/``sessions``: every expected problem is one line on
    stderr, never a traceback."""
    import sqlite3

    from hemiapp.store.db import StoreError

    try:
        if args.command == "print":
            return _print(args)
        if args.command == "audit":
            return cli_audit.run(args, lambda: _open_db(args))
        if args.command == "sessions":
            db = _open_db(args)
            try:
                return cli_sessions.run(args, db)
            finally:
                db.close()
        return _staff(args)
    except (_Refused, ValueError) as exc:
        print(f"hemiapp: {exc}", file=sys.stderr)
    except StoreError as exc:
        print(f"hemiapp: {exc.message}", file=sys.stderr)
    except sqlite3.Error as exc:  # raised inside a transaction, which passes it on as is
        where = cli_db.describe_target(args)
        print(f"hemiapp: the database {where} could not be used: {exc}", file=sys.stderr)
    except OSError as exc:
        print(f"hemiapp: {exc.strerror or exc}", file=sys.stderr)
    except KeyboardInterrupt:
        print("hemiapp: cancelled", file=sys.stderr)
    return EXIT_ERRORS


def _qt_for_printing() -> object:
    """A QGuiApplication for printing; offscreen when there is no display (headless)."""
    if display_problem() is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtGui import QGuiApplication
    except ImportError as exc:
        raise _Refused(
            f"Qt could not load a system library ({exc}). "
            f"Install them with: apt-get install -y {QT_APT_PACKAGES}"
        ) from None
    return QGuiApplication.instance() or QGuiApplication(["hemiapp"])


def _print(args: argparse.Namespace) -> int:
    """``hemiapp print``: the work is in hemiapp.cli_print."""
    from hemiapp.cli_print import BadUsage, PrintError, run_print

    try:
        message = run_print(args, _qt_for_printing, lambda: _open_db(args), _operator())
    except BadUsage as exc:
        print(f"hemiapp print: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except PrintError as exc:
        raise _Refused(str(exc)) from None
    print(message)
    return EXIT_OK


def display_problem(environ: dict[str, str] | os._Environ[str] = os.environ) -> str | None:
    """Why Qt could not open a window here, in one line (Qt itself would abort)."""
    if not sys.platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "hemiapp: no display found (DISPLAY is not set), so the window cannot open. "
        "Start it from a desktop session, or on a virtual screen: xvfb-run -a .venv/bin/hemiapp"
    )


def _run_app(args: argparse.Namespace) -> int:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    try:
        from hemiapp.app import run
    except ImportError as exc:
        print(
            f"hemiapp: Qt could not load a system library ({exc}). "
            f"Install them with: apt-get install -y {QT_APT_PACKAGES}",
            file=sys.stderr,
        )
        return EXIT_ERRORS
    return run(args)


def main(argv: Sequence[str] | None = None) -> int:
    safe_output()
    args = _parser().parse_args(argv)
    if args.content is not None and not args.content.is_dir():
        print(f"hemiapp: content folder not found: {args.content}", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "validate":
        return cli_validate.run(args)
    if args.command == "schema":
        return _schema(args)
    if args.command == "kiosk-unit":
        from hemiapp.kiosk.unit import hemiapp_command, unit_text

        print(unit_text(hemiapp_command(), args.config), end="")
        return EXIT_OK
    if args.command == "db":
        return cli_db.run(args)
    if args.command in ("staff", "audit", "print", "sessions"):
        return _store_command(args)
    return _run_app(args)
