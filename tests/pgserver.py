"""A private PostgreSQL server for tests: its own data, port and socket, gone afterwards.

``PgServer`` runs initdb into a folder of its own (in /dev/shm or the temp folder). As
root it runs initdb, pg_ctl and the server as the ``postgres`` user (PostgreSQL refuses
root). The server listens on 127.0.0.1 at a free port (never 5432) and on a socket in its
own folder (never /var/run/postgresql): it neither meets nor disturbs the machine's own.
Every connection, over TCP or the socket, needs the superuser's password (scram-sha-256,
no ``trust``); ``env()`` gives a PGPASSFILE holding it.

However the test process ends, the server ends: ``close()`` runs in ``finally`` blocks
and at exit, and a watchdog process kills what is left of the server and removes its
folder once the test process is gone, even killed by SIGKILL.
"""

from __future__ import annotations

import atexit
import os
import pwd
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NoReturn

import psycopg
import pytest
from psycopg import sql

SUPERUSER = "postgres"
HOST = "127.0.0.1"
DEFAULT_PORT = 5432
TIMEOUT = 60  # seconds for initdb, pg_ctl start/stop
NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
SETTING = re.compile(r"[a-z_][a-z0-9_.]{0,62}")

# Appended to postgresql.conf. Dynamic shared memory in the data folder, so it goes with
# the folder even after a kill. fsync off: the tests survive a server's crash
# (stop_immediate), never the machine's, and for that the WAL handed to the kernel is
# enough; synchronous_commit stays on, so a commit that returned survives stop_immediate.
CONF = """
listen_addresses = '{host}'
unix_socket_directories = '{socket_dir}'
unix_socket_permissions = 0700
password_encryption = 'scram-sha-256'
dynamic_shared_memory_type = mmap
fsync = off
full_page_writes = off
log_line_prefix = '%m [%p] %e '
log_connections = off
"""
# Host connections from 127.0.0.1 and the private socket, both with a password.
HBA = """\
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 scram-sha-256
host    all       all   {host}/32  scram-sha-256
"""

# The watchdog: its own session, waiting for end of file on its standard input, which
# comes when the test process closes the server or is gone (even killed by SIGKILL). Then
# it kills what is left of the server and removes its folder. Every backend is a session
# of its own, so no process group holds them all: the server's processes are the postgres
# processes working in its data folder. The postmaster is stopped first, so it starts no
# new ones while they are found; its System V segment goes with it (a clean stop removes
# it, a kill would leave it behind).
WATCHDOG = """\
import os, shutil, signal, subprocess, sys
root, data, postgres = sys.argv[1:4]
sys.stdin.buffer.read()
try:
    lines = open(os.path.join(data, "postmaster.pid")).read().split("\\n")
    pid, shmid = int(lines[0]), lines[6].split()[1]
except (OSError, ValueError, IndexError):
    pid, shmid = 0, ""
def ours(p):
    try:
        exe = os.path.realpath(f"/proc/{p}/exe")
        return exe == postgres and os.readlink(f"/proc/{p}/cwd") == data
    except OSError:
        return False
postmaster = pid > 0 and ours(pid)
if postmaster:
    os.kill(pid, signal.SIGSTOP)  # no new processes while they are found
for p in [int(p) for p in os.listdir("/proc") if p.isdigit() and ours(p)]:
    try:
        os.kill(p, signal.SIGKILL)
    except OSError:
        pass
if postmaster and shmid:
    subprocess.run(["ipcrm", "-m", shmid], stderr=subprocess.DEVNULL, check=False)
shutil.rmtree(root, ignore_errors=True)
"""


class PgUnavailable(RuntimeError):
    """PostgreSQL's server programs (or, as root, the postgres user) are missing."""


class PgServerError(RuntimeError):
    """initdb or pg_ctl failed; the message ends with the server's log."""


def unavailable(reason: str) -> NoReturn:
    """Skip the test, or on CI (where .ci/setup.sh installs PostgreSQL) fail it."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; on CI the PostgreSQL tests must run", pytrace=False)
    pytest.skip(reason)


def find_bindir(versions_root: Path = Path("/usr/lib/postgresql")) -> Path | None:
    """The folder with initdb, pg_ctl and postgres: initdb's on PATH, else the highest
    ``versions_root``/N/bin (Debian keeps the server programs off PATH)."""
    candidates: list[Path] = []
    on_path = shutil.which("initdb")
    if on_path is not None:
        candidates.append(Path(on_path).resolve().parent)
    versions = versions_root.glob("*/bin")
    numbered = [p for p in versions if p.parent.name.isdigit()]
    candidates += sorted(numbered, key=lambda p: int(p.parent.name), reverse=True)
    for folder in candidates:
        if all(os.access(folder / name, os.X_OK) for name in ("initdb", "pg_ctl", "postgres")):
            return folder
    return None


def free_port() -> int:
    """A TCP port on 127.0.0.1 nothing listens on now (the kernel's pick, never 5432)."""
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind((HOST, 0))
            port: int = probe.getsockname()[1]
        if port != DEFAULT_PORT:
            return port


def temp_base() -> str:
    """Where the server's folder goes: /dev/shm when it is a roomy tmpfs (creating a
    database there takes a tenth of the time it takes on this machine's disk), else the
    temp folder."""
    shm = "/dev/shm"
    try:
        roomy = shutil.disk_usage(shm).free >= 1 << 30
    except OSError:
        roomy = False
    return shm if roomy and os.access(shm, os.W_OK | os.X_OK) else tempfile.gettempdir()


def _pgpass_field(text: str) -> str:
    return text.replace("\\", "\\\\").replace(":", "\\:")


class PgServer:
    """A private PostgreSQL server; ``start()`` it, ``close()`` it (or use ``with``)."""

    def __init__(
        self,
        bindir: Path | None = None,
        *,
        settings: Mapping[str, str] | None = None,
        base: Path | None = None,
    ) -> None:
        """``settings``: postgresql.conf lines that override CONF (``{"fsync": "on"}``);
        ``base``: the folder the server's own folder is made in (default: temp_base())."""
        for key, value in (settings or {}).items():
            if not SETTING.fullmatch(key) or any(c in value for c in "\n'\\"):
                raise ValueError(f"not a plain setting: {key} = {value!r}")
        self.settings = dict(settings or {})
        self.base = base
        found = bindir or find_bindir()
        if found is None:
            raise PgUnavailable(
                "PostgreSQL's server programs (initdb, pg_ctl, postgres) are not on PATH "
                "or in /usr/lib/postgresql/*/bin (apt-get install postgresql)"
            )
        self.bindir = found
        if os.geteuid() == 0:
            try:
                entry = pwd.getpwnam(SUPERUSER)
            except KeyError:
                raise PgUnavailable(
                    "running as root needs the 'postgres' system user to run the server "
                    "(apt-get install postgresql creates it)"
                ) from None
            self._owner: tuple[int, int] | None = (entry.pw_uid, entry.pw_gid)
        else:
            self._owner = None
        self.password = secrets.token_urlsafe(24)
        self.port = 0
        self.root: Path | None = None
        self._watchdog: subprocess.Popen[bytes] | None = None

    # -- where things are ------------------------------------------------------------

    def _folder(self, name: str) -> Path:
        if self.root is None:
            raise PgServerError("the server was never started")
        return self.root / name

    @property
    def data_dir(self) -> Path:
        return self._folder("data")

    @property
    def socket_dir(self) -> Path:
        return self._folder("socket")

    @property
    def log_file(self) -> Path:
        return self._folder("server.log")

    @property
    def pgpass(self) -> Path:
        return self._folder("pgpass")

    def log_text(self) -> str:
        """The server's log so far ('' before it has one)."""
        try:
            return self.log_file.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""

    # -- connecting ------------------------------------------------------------------

    def url(self, dbname: str = "postgres", user: str = SUPERUSER) -> str:
        """A libpq URL over TCP, without a password (libpq finds it in ``env()``)."""
        return f"postgresql://{user}@{HOST}:{self.port}/{dbname}"

    def admin_url(self, dbname: str = "postgres") -> str:
        return self.url(dbname)

    def socket_url(self, dbname: str = "postgres", user: str = SUPERUSER) -> str:
        """The same over the private Unix socket."""
        return f"postgresql://{user}@/{dbname}?host={self.socket_dir}&port={self.port}"

    def env(self) -> dict[str, str]:
        """What libpq needs to find the passwords (set it in os.environ or a child's)."""
        return {"PGPASSFILE": str(self.pgpass)}

    def add_password(self, role: str, password: str) -> None:
        """Let libpq log ``role`` in with ``password`` (TCP and socket) via ``env()``."""
        with self.pgpass.open("a", encoding="utf-8") as out:
            for host in (HOST, str(self.socket_dir)):
                fields = (host, "*", "*", role, password)  # any port, any database
                out.write(":".join(_pgpass_field(f) for f in fields) + "\n")

    def connect(self, dbname: str = "postgres") -> psycopg.Connection[tuple[Any, ...]]:
        """An autocommit superuser connection (the password given, not looked up)."""
        return psycopg.connect(
            self.admin_url(dbname),
            password=self.password,
            autocommit=True,
            connect_timeout=10,
            sslmode="disable",
            gssencmode="disable",
        )

    def psql(self, query: str, *, dbname: str = "postgres") -> list[tuple[Any, ...]]:
        """Run admin SQL as the superuser; the rows of its last statement ([] if none)."""
        rows: list[tuple[Any, ...]] = []
        with self.connect(dbname) as conn, conn.cursor() as cur:
            cur.execute(query)
            while True:
                rows = cur.fetchall() if cur.description is not None else []
                if not cur.nextset():
                    return rows

    def create_database(self, name: str) -> str:
        """A new empty database owned by the superuser; its admin URL."""
        if not NAME.fullmatch(name):
            raise ValueError(f"not a plain database name: {name!r}")
        with self.connect() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.admin_url(name)

    def drop_database(self, name: str) -> None:
        """Drop it, ending whatever sessions are still connected to it."""
        with self.connect() as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )

    # -- running ---------------------------------------------------------------------

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        """A server program, as ``postgres`` when we are root, with no PG* settings of
        ours leaking in (PGPORT, PGDATA, … would change what it does)."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = "C"
        owner = self._owner
        return subprocess.run(
            [str(self.bindir / args[0]), *args[1:]],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
            env=env,
            cwd=self.root,
            user=owner[0] if owner else None,
            group=owner[1] if owner else None,
            extra_groups=[] if owner else None,
        )

    def _chown(self, path: Path) -> None:
        if self._owner is not None:
            os.chown(path, *self._owner)

    def _initdb(self) -> None:
        base = str(self.base) if self.base is not None else temp_base()
        self.root = Path(tempfile.mkdtemp(prefix="hemiguide-pg-", dir=base))
        self._watchdog = subprocess.Popen(  # from now on, nothing is left behind
            [sys.executable, "-c", WATCHDOG, str(self.root), os.path.realpath(self.data_dir),
             os.path.realpath(self.bindir / "postgres")],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        self._chown(self.root)
        self.socket_dir.mkdir(mode=0o700)
        self._chown(self.socket_dir)
        pwfile = self._folder("pwfile")
        pwfile.write_text(self.password + "\n", encoding="utf-8")
        pwfile.chmod(0o600)
        self._chown(pwfile)
        done = self._run(
            "initdb", "-D", str(self.data_dir), "-U", SUPERUSER, f"--pwfile={pwfile}",
            "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync",
            "--no-instructions",
        )  # fmt: skip
        pwfile.unlink()
        if done.returncode != 0:
            raise PgServerError(f"initdb failed:\n{done.stdout}{done.stderr}")
        with (self.data_dir / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write(CONF.format(host=HOST, socket_dir=self.socket_dir))
            conf.writelines(f"{key} = '{value}'\n" for key, value in self.settings.items())
        (self.data_dir / "pg_hba.conf").write_text(HBA.format(host=HOST), encoding="utf-8")
        self.pgpass.write_text("", encoding="utf-8")
        self.pgpass.chmod(0o600)
        self.add_password(SUPERUSER, self.password)

    def _set_port(self) -> None:
        self.port = free_port()
        with (self.data_dir / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write(f"port = {self.port}\n")  # the last one counts

    def running(self) -> bool:
        if self.root is None or not self.data_dir.exists():
            return False
        return self._run("pg_ctl", "status", "-D", str(self.data_dir)).returncode == 0

    def start(self) -> None:
        """initdb (the first time), then start the server and wait until it accepts
        connections. Port, password and data stay the same from one start to the next."""
        first = self.root is None
        if first:
            atexit.register(self.close)
            try:
                self._initdb()
                self._set_port()
            except BaseException:
                self.close()
                raise
        for attempt in range(3):
            done = self._run(
                "pg_ctl", "start", "-w", "-t", str(TIMEOUT), "-D", str(self.data_dir),
                "-l", str(self.log_file),
            )  # fmt: skip
            if done.returncode == 0:
                return
            if not (first and attempt < 2 and "Address already in use" in self.log_text()):
                break
            self._set_port()  # taken since free_port() looked: another
        raise PgServerError(f"pg_ctl start failed: {done.stderr.strip()}\n{self.log_text()}")

    def stop(self, mode: str = "fast") -> None:
        """pg_ctl stop -m ``mode`` (smart, fast or immediate) and wait until it is down."""
        if mode not in ("smart", "fast", "immediate"):
            raise ValueError(f"not a shutdown mode: {mode!r}")
        done = self._run("pg_ctl", "stop", "-w", "-t", str(TIMEOUT), "-m", mode,
                         "-D", str(self.data_dir))  # fmt: skip
        if done.returncode != 0:
            raise PgServerError(f"pg_ctl stop failed: {done.stderr.strip()}\n{self.log_text()}")

    def stop_immediate(self) -> None:
        """Stop without a clean shutdown (as a crash would): the next start recovers."""
        self.stop("immediate")

    def restart(self) -> None:
        """Stop (fast) if it runs, then start again on the same port and data."""
        if self.running():
            self.stop()
        self.start()

    def close(self) -> None:
        """Stop the server (fast), then have the watchdog kill whatever is left of it
        and remove all its files. Safe to call again, or on a server never started."""
        atexit.unregister(self.close)
        if self.root is None:
            return
        try:
            if self.running():
                self.stop()
        except (PgServerError, subprocess.TimeoutExpired):
            pass  # the watchdog kills it
        finally:
            watchdog, self._watchdog = self._watchdog, None
            if watchdog is not None:
                assert watchdog.stdin is not None
                watchdog.stdin.close()
                try:
                    watchdog.wait(timeout=TIMEOUT)
                except subprocess.TimeoutExpired:
                    watchdog.kill()
                    watchdog.wait()
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    def __enter__(self) -> PgServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
