"""A clinic server for the PostgreSQL benchmarks (tick_engines, load_stations).

A private server (tests/pgserver.py) set up as ``hemiapp db init`` sets up a clinic's:
the owner and station roles, the schema in a database of its own, and a password for
the station role in the server's PGPASSFILE (set in os.environ, so child processes
started afterwards find it too). Stations connect as the station role over
127.0.0.1 TCP, as a station on the clinic's network would.

Durable by default: tests/pgserver.py's CONF turns fsync off (enough for tests, which
survive a server's crash but never the machine's); here fsync, full_page_writes and
synchronous_commit are on, as on a clinic's server, and the server's folder is made in
the temp folder (the disk, not /dev/shm's tmpfs, where fsync costs nothing), beside
where the SQLite benchmark puts its file.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import tempfile
from pathlib import Path

from tests.pgserver import PgServer

#: What a clinic's server has (PostgreSQL's defaults), where tests/pgserver.py's CONF
#: trades durability for speed.
DURABLE = {"fsync": "on", "full_page_writes": "on", "synchronous_commit": "on"}
DBNAME = "hemibench"


def start_server(*, durable: bool = True) -> PgServer:
    """A started private server (close it): durable, on the temp folder's disk; or
    (``durable=False``) as the tests run it."""
    base = Path(tempfile.gettempdir())
    server = PgServer(settings=DURABLE, base=base) if durable else PgServer()
    try:
        server.start()
    except BaseException:
        server.close()
        raise
    return server


def set_up_clinic(server: PgServer) -> str:
    """``hemiapp db init`` on a new database, a password for the station role; the
    station's URL (no password in it: libpq finds it through PGPASSFILE)."""
    from hemiapp.store import pg_admin
    from hemiapp.store.pg import STATION_ROLE

    os.environ.update(server.env())
    pg_admin.init(server.create_database(DBNAME), lambda _: None)
    password = secrets.token_urlsafe(16)
    server.psql(f"ALTER ROLE {STATION_ROLE} PASSWORD '{password}'")
    server.add_password(STATION_ROLE, password)
    return server.url(DBNAME, user=STATION_ROLE)


def describe(server: PgServer) -> str:
    """The server's version and the settings that decide what a commit costs."""
    names = ("fsync", "synchronous_commit", "full_page_writes", "wal_sync_method")
    version = server.psql("SHOW server_version")[0][0]
    shown = ", ".join(f"{name}={server.psql(f'SHOW {name}')[0][0]}" for name in names)
    return f"PostgreSQL {version} ({shown}; data on {filesystem(server.data_dir)})"


def filesystem(path: Path) -> str:
    """'FSTYPE at PATH' of the file system holding ``path`` (df -T)."""
    done = subprocess.run(
        ["df", "--output=fstype,target", str(path)], capture_output=True, text=True, check=False
    )
    lines = done.stdout.split("\n")
    if done.returncode != 0 or len(lines) < 2 or not lines[1].split():
        return f"{path} (file system unknown)"
    fstype, target = lines[1].split(maxsplit=1)
    return f"{fstype} {target.strip()}"
