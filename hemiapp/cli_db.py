"""``hemiapp db init|upgrade|check|copy``: a clinic's PostgreSQL server, as IT sets it up.

``init`` and ``upgrade`` take an administrator's address (``--admin``): they make the
roles and tables, and migrate them (hemiapp.store.pg_admin). ``check`` connects as the
station does (``--db``, else ``database:`` in the settings) and says whether it can
work there. ``copy`` moves one station's SQLite file onto a new server
(hemiapp.store.copy). Addresses never hold a password: libpq finds it in
``~/.pgpass``. Nothing here imports psycopg until a server is used.

Also where every verb finds its database: ``--db``, else ``database:`` in the
settings, else the default file.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hemiapp.store.db import DbTarget

EXIT_OK, EXIT_ERRORS = 0, 1

_ADMIN_EXAMPLE = "postgresql://postgres@localhost/hemiguide"


def server_address(text: str) -> str:
    """argparse ``type`` for an administrator's server address. The refusal never repeats
    what was given (it may hold a password)."""
    from hemiapp.store.db import is_server

    if not is_server(text):
        raise argparse.ArgumentTypeError(
            f"give the server's postgresql:// address, like {_ADMIN_EXAMPLE}"
        )
    return text


def sqlite_source(text: str) -> Path:
    """argparse ``type`` for ``--from sqlite:PATH`` (a plain path is taken too)."""
    from hemiapp.store.db import is_server

    if is_server(text):
        raise argparse.ArgumentTypeError(
            "give a station's SQLite file, like sqlite:/home/kiosk/.local/share/HemiGuide/"
            "hemiguide.db (a server is backed up and moved with pg_dump)"
        )
    return Path(text.removeprefix("sqlite:")).expanduser()


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    db = commands.add_parser(
        "db",
        help="set up, upgrade or check a clinic's PostgreSQL server; copy a station's file to it",
        description="A clinic server: one PostgreSQL database shared by every station. "
        "Addresses are postgresql://user@host:port/dbname, with libpq's options "
        "(?sslmode=verify-full) and never a password (libpq reads it from ~/.pgpass). "
        "Exit status: 0 done (check: this station can use it), 1 a problem (said on one "
        "line), 2 bad usage.",
    )
    actions = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init",
        help="make HemiGuide's roles, schema and tables on a server",
        description="Makes the roles hemiguide_owner (owns the tables) and "
        "hemiguide_station (what stations connect as: it may only read and append to the "
        "audit log), the schema hemiguide and its tables; then says what to do next.",
    )
    upgrade = actions.add_parser(
        "upgrade", help="bring the server's schema up to this HemiGuide's (and its grants)"
    )
    for action in (init, upgrade):
        action.add_argument(
            "--admin",
            required=True,
            type=server_address,
            metavar="URL",
            help=f"an administrator's address, like {_ADMIN_EXAMPLE}",
        )
    actions.add_parser(
        "check",
        help="say what the database is and whether this station can use it",
        description="Uses --db, else database: in the settings, else the default file. "
        "Exit status: 0 this station can use it, 1 it cannot (the message says what to run).",
    )
    copy = actions.add_parser(
        "copy",
        help="copy a single station's file onto a new clinic server",
        description="Copies every record of a station's SQLite file into a server set up "
        "with 'db init' that holds no records yet: ids, hashes and the audit chain as they "
        "are, in one transaction. Stop HemiGuide on that station first.",
    )
    copy.add_argument(
        "--from", dest="source", required=True, type=sqlite_source, metavar="sqlite:PATH"
    )
    copy.add_argument(
        "--to",
        dest="target",
        required=True,
        type=server_address,
        metavar="URL",
        help=f"an administrator's address (as for init), like {_ADMIN_EXAMPLE}",
    )


def database_of(args: argparse.Namespace) -> tuple[DbTarget, bool]:
    """The database the verbs use: ``--db``, else ``database:`` in the settings
    (``--config``, or the default file), else the default file; and whether it is the
    default (then its folder may be made). ValueError, in words, for a broken settings
    file."""
    from hemiapp.config import ConfigError, load_config
    from hemiapp.store.db import default_db_path

    if args.db is not None:
        return args.db, False
    try:
        config = load_config(args.config, args.content)
    except ConfigError as exc:
        found = "\n".join(str(finding) for finding in exc.findings)
        raise ValueError(
            f"the settings file {exc.path} has errors (give --db to use another database):\n{found}"
        ) from None
    if config.database is not None:
        return config.database, False
    return default_db_path(), True


def describe_target(args: argparse.Namespace) -> str:
    from hemiapp.store.db import describe

    return describe(database_of(args)[0])


def run(args: argparse.Namespace) -> int:
    """``hemiapp db …``: every expected problem is one line on stderr, never a traceback."""
    from hemiapp.store.base import StoreError

    try:
        if args.db_command == "init":
            return _init(args.admin)
        if args.db_command == "upgrade":
            return _upgrade(args.admin)
        if args.db_command == "copy":
            return _copy(args.source, args.target)
        return _check(args)
    except StoreError as exc:
        print(f"hemiapp: {exc.message}", file=sys.stderr)
    except ValueError as exc:
        print(f"hemiapp: {exc}", file=sys.stderr)
    except KeyboardInterrupt:
        print("hemiapp: cancelled", file=sys.stderr)
    return EXIT_ERRORS


def _init(admin: str) -> int:
    from hemiapp.store import pg, pg_admin

    parts = pg.check_address(admin)
    version = pg_admin.init(admin, print)
    print(f"HemiGuide is set up on {pg.safe_address(admin)} (schema {version}).")
    print(_next_steps(admin, parts))
    return EXIT_OK


def _next_steps(admin: str, parts: dict[str, object]) -> str:
    """What IT does after ``db init``: the station role's password, each station's
    ~/.pgpass and settings, and ``db check``."""
    from hemiapp.store.pg import STATION_ROLE

    host = str(parts.get("host") or "")
    local = not host or host.startswith("/") or host in ("localhost", "127.0.0.1", "::1")
    name = "HOST" if local else host
    port = str(parts.get("port") or 5432)
    dbname = str(parts.get("dbname") or parts.get("user") or "")
    station = f"postgresql://{STATION_ROLE}@{name}:{port}/{dbname}"
    where = " (HOST: this server's name on the clinic's network)" if local else ""
    return "\n".join(
        [
            "Next:",
            "  1. Give the station role a password (psql asks for it; it is never shown):",
            f"       psql {shlex.quote(admin)} -c '\\password {STATION_ROLE}'",
            "  2. Let the stations reach the server: listen_addresses in postgresql.conf, and",
            "     a line in pg_hba.conf such as (your clinic's network in place of 10.0.0.0/24):",
            f"       hostssl {dbname} {STATION_ROLE} 10.0.0.0/24 scram-sha-256",
            "  3. On each station, in ~/.pgpass of the account that runs HemiGuide (chmod 600):",
            f"       {name}:{port}:{dbname}:{STATION_ROLE}:THE-PASSWORD",
            f"  4. In each station's settings (~/.config/HemiGuide/hemiguide.yaml){where}:",
            f"       database: {station}",
            "  5. On each station: hemiapp db check",
        ]
    )


def _upgrade(admin: str) -> int:
    from hemiapp.store import pg, pg_admin

    before, after = pg_admin.upgrade(admin, print)
    if before == after:
        print(f"{pg.safe_address(admin)} is already at schema {after}; nothing to do.")
    else:
        print(f"upgraded {pg.safe_address(admin)} from schema {before} to {after}.")
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from hemiapp.store.check import check

    target, _ = database_of(args)  # check never makes a folder or a file
    report = check(target)
    width = max(len(what) for what, _ in report.lines)
    for what, finding in report.lines:
        print(f"{what.ljust(width)}  {finding}")
    if not report.usable:
        print(f"hemiapp: this station cannot use it: {report.problem}", file=sys.stderr)
        return EXIT_ERRORS
    print("this station can use it")
    return EXIT_OK


def _copy(source: Path, target: str) -> int:
    from hemiapp.store import copy, pg

    copied = copy.copy_station(source, target)
    print(f"copied {source} to {pg.safe_address(target)}: {copied.summary()}.")
    if copied.head:
        print(
            "Check the audit log on the server (as a station): hemiapp audit verify "
            f"--anchor {copied.head}"
        )
    return EXIT_OK
