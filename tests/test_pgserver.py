"""The private PostgreSQL server the store, CLI and app tests use (tests/pgserver.py)."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
from pytestqt.qtbot import QtBot

from tests import pgserver
from tests.pgserver import PgServer, PgUnavailable, find_bindir, unavailable

ROOT = Path(__file__).resolve().parent.parent
SYSTEM_SOCKETS = Path("/var/run/postgresql")
REFUSED = 'FATAL:  password authentication failed for user "{}"'


def accepts(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def server_processes(root: Path) -> list[int]:
    """Live (not zombie) processes working in a folder under ``root`` (Linux /proc)."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            cwd = os.readlink(proc / "cwd")
            state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if cwd.startswith(f"{root}/") and state != "Z":
            found.append(int(proc.name))
    return found


def shm_segments() -> set[str]:
    """The ids of the System V shared memory segments there are."""
    lines = Path("/proc/sysvipc/shm").read_text().splitlines()[1:]
    return {line.split()[1] for line in lines}


def test_the_server_is_private(pg_server: PgServer) -> None:
    assert pg_server.port != 5432
    settings = {
        name: pg_server.psql(f"SHOW {name}")[0][0]
        for name in ("port", "listen_addresses", "unix_socket_directories")
    }
    assert settings == {
        "port": str(pg_server.port),
        "listen_addresses": "127.0.0.1",
        "unix_socket_directories": str(pg_server.socket_dir),
    }
    assert pg_server.root is not None and pg_server.socket_dir.parent == pg_server.root
    assert stat.S_IMODE(pg_server.socket_dir.stat().st_mode) == 0o700
    assert (pg_server.socket_dir / f".s.PGSQL.{pg_server.port}").is_socket()
    assert not (SYSTEM_SOCKETS / f".s.PGSQL.{pg_server.port}").exists()
    rules = pg_server.psql(
        "SELECT type, address, auth_method FROM pg_hba_file_rules ORDER BY line_number"
    )
    assert rules == [("local", None, "scram-sha-256"), ("host", "127.0.0.1", "scram-sha-256")]


def test_pg_url_is_a_new_empty_database_reached_with_the_pgpassfile(
    pg_server: PgServer, pg_url: str
) -> None:
    assert pg_url.startswith(f"postgresql://postgres@127.0.0.1:{pg_server.port}/t_")
    assert os.environ["PGPASSFILE"] == str(pg_server.pgpass)
    assert stat.S_IMODE(pg_server.pgpass.stat().st_mode) == 0o600
    assert pg_server.password not in pg_url
    with psycopg.connect(pg_url) as conn:
        name, tables = conn.execute(
            "SELECT current_database(), (SELECT count(*) FROM pg_class c JOIN pg_namespace n"
            " ON n.oid = c.relnamespace WHERE n.nspname = 'public')"
        ).fetchall()[0]
    assert (name, tables) == (pg_url.rsplit("/", 1)[1], 0)
    dbname = pg_url.rsplit("/", 1)[1]
    with psycopg.connect(pg_server.socket_url(dbname)) as conn:
        assert conn.execute("SELECT current_user").fetchall() == [("postgres",)]


def test_each_test_gets_its_own_database(pg_server: PgServer, pg_url: str) -> None:
    """Databases of earlier tests were dropped: only this one of ours is left."""
    names = pg_server.psql("SELECT datname FROM pg_database WHERE datname LIKE 't\\_%'")
    assert names == [(pg_url.rsplit("/", 1)[1],)]


def test_no_password_no_connection(
    pg_server: PgServer, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No ``trust`` anywhere: without the password file libpq has nothing to send."""
    empty = tmp_path / "pgpass"
    empty.write_text("", encoding="utf-8")
    empty.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(empty))
    for url in (pg_url, pg_server.socket_url()):
        with pytest.raises(psycopg.OperationalError) as caught:
            psycopg.connect(url).close()
        assert str(caught.value).endswith("fe_sendauth: no password supplied")


def test_a_wrong_password_is_refused(pg_server: PgServer, pg_url: str) -> None:
    """psycopg reports a failed connection as OperationalError without a SQLSTATE; the
    server's log line has it (log_line_prefix %e): 28P01, invalid_password."""
    logged = f"28P01 {REFUSED.format('postgres')}"
    before = pg_server.log_text().count(logged)
    for url in (pg_url, pg_server.socket_url()):
        with pytest.raises(psycopg.OperationalError) as caught:
            psycopg.connect(url, password="not-the-password").close()
        assert str(caught.value).endswith(REFUSED.format("postgres"))
    assert pg_server.log_text().count(logged) == before + 2


def test_add_password_lets_another_role_in(pg_server: PgServer, pg_url: str) -> None:
    pg_server.psql("CREATE ROLE station LOGIN PASSWORD 'a:b\\c'")
    try:
        dbname = pg_url.rsplit("/", 1)[1]
        with pytest.raises(psycopg.OperationalError, match=r"no password supplied$"):
            psycopg.connect(pg_server.url(dbname, user="station")).close()
        pg_server.add_password("station", "a:b\\c")  # ':' and '\' escaped in the file
        for url in (pg_server.url(dbname, "station"), pg_server.socket_url(dbname, "station")):
            with psycopg.connect(url) as conn:
                assert conn.execute("SELECT current_user").fetchall() == [("station",)]
        with pytest.raises(psycopg.OperationalError) as caught:
            psycopg.connect(pg_server.url(dbname, "station"), password="a:b").close()
        assert str(caught.value).endswith(REFUSED.format("station"))
    finally:
        pg_server.psql("DROP ROLE station")


def test_stop_immediate_then_restart_keeps_committed_data_and_port(
    new_pg_server: Callable[[], PgServer],
) -> None:
    server = new_pg_server()
    port, url = server.port, server.admin_url()
    server.psql("CREATE TABLE kept (n int); INSERT INTO kept VALUES (1)")
    with server.connect() as held:
        held.autocommit = False
        held.execute("INSERT INTO kept VALUES (2)")  # never committed
        server.stop_immediate()
        assert not server.running()
        assert not accepts(port)
        with pytest.raises(psycopg.OperationalError):
            held.execute("SELECT 1")
    server.restart()
    assert (server.port, server.admin_url()) == (port, url)
    assert server.psql("SELECT n FROM kept") == [(1,)]
    assert "not properly shut down; automatic recovery in progress" in server.log_text()
    server.restart()  # running: a fast stop, then a start
    assert server.psql("SELECT n FROM kept") == [(1,)]


def test_servers_side_by_side_do_not_clash(
    pg_server: PgServer, new_pg_server: Callable[[], PgServer]
) -> None:
    """Two private servers besides the run's one (and the machine's, if it has one)."""
    system_socket = SYSTEM_SOCKETS / ".s.PGSQL.5432"
    system_before = system_socket.exists()
    first, second = new_pg_server(), new_pg_server()
    servers = [pg_server, first, second]
    assert len({s.port for s in servers}) == 3 and 5432 not in {s.port for s in servers}
    assert len({s.socket_dir for s in servers}) == 3
    first.psql("CREATE TABLE only_here (n int)")
    tables = "SELECT count(*) FROM pg_tables WHERE tablename = 'only_here'"
    assert [s.psql(tables) for s in servers] == [[(0,)], [(1,)], [(0,)]]
    assert system_socket.exists() == system_before


def test_a_port_taken_meanwhile_is_exchanged_for_another(
    new_pg_server: Callable[[], PgServer], monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        ports = iter([busy, pgserver.free_port()])
        monkeypatch.setattr(pgserver, "free_port", lambda: next(ports))
        server = new_pg_server()
    assert server.port != busy
    assert server.psql("SHOW port") == [(str(server.port),)]
    assert 'could not bind IPv4 address "127.0.0.1": Address already in use' in (server.log_text())
    server.restart()
    assert server.psql("SHOW port") == [(str(server.port),)]


def test_close_ends_the_server_and_removes_its_files(
    new_pg_server: Callable[[], PgServer],
) -> None:
    server = new_pg_server()
    root, port = server.root, server.port
    assert root is not None
    with server.connect():  # a backend too
        assert len(server_processes(root)) > 3
    server.close()
    assert not root.exists()
    assert not accepts(port)
    assert server_processes(root) == []
    server.close()  # again: nothing to do


def test_a_killed_test_process_leaves_no_server(qtbot: QtBot) -> None:
    """SIGKILL runs no finally and no atexit: the watchdog ends the server, its
    backends and its shared memory, and removes its folder."""
    code = (
        "import sys; from tests.pgserver import PgServer; s = PgServer(); s.start();"
        "c = s.connect(); print(s.root, s.port, flush=True); sys.stdin.read()"
    )
    path = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    child = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, env={**os.environ, "PYTHONPATH": path},
        text=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
    )  # fmt: skip
    try:
        assert child.stdout is not None
        root_text, port_text = child.stdout.readline().split()
        root, port = Path(root_text), int(port_text)
        shmid = (root / "data" / "postmaster.pid").read_text().splitlines()[6].split()[1]
        assert accepts(port) and shmid in shm_segments()
        assert len(server_processes(root)) > 3  # the postmaster, its helpers, a backend
    finally:
        child.kill()
        child.communicate(timeout=30)
    qtbot.waitUntil(lambda: not root.exists(), timeout=30_000)
    assert server_processes(root) == []
    assert not accepts(port)
    assert shmid not in shm_segments()


def test_the_server_programs_are_found_on_path_or_in_the_highest_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for version in ("9", "14", "16", "latest"):
        folder = tmp_path / version / "bin"
        folder.mkdir(parents=True)
        for name in ("initdb", "pg_ctl", "postgres"):
            (folder / name).write_text("#!/bin/sh\n", encoding="utf-8")
            (folder / name).chmod(0o755)
    (tmp_path / "16" / "bin" / "pg_ctl").unlink()  # incomplete: skipped
    monkeypatch.setenv("PATH", str(tmp_path / "none"))
    assert find_bindir(tmp_path) == tmp_path / "14" / "bin"
    monkeypatch.setenv("PATH", str(tmp_path / "9" / "bin"))
    assert find_bindir(tmp_path) == tmp_path / "9" / "bin"
    monkeypatch.setenv("PATH", str(tmp_path / "none"))
    assert find_bindir(tmp_path / "none") is None


def test_without_postgresql_it_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pgserver, "find_bindir", lambda: None)
    with pytest.raises(PgUnavailable) as caught:
        PgServer()
    assert str(caught.value) == (
        "PostgreSQL's server programs (initdb, pg_ctl, postgres) are not on PATH "
        "or in /usr/lib/postgresql/*/bin (apt-get install postgresql)"
    )


def test_as_root_it_needs_the_postgres_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_user(name: str) -> None:
        raise KeyError(name)

    monkeypatch.setattr(os, "geteuid", lambda: 0)
    monkeypatch.setattr("pwd.getpwnam", no_user)
    with pytest.raises(PgUnavailable) as caught:
        PgServer(bindir=tmp_path)
    assert str(caught.value) == (
        "running as root needs the 'postgres' system user to run the server "
        "(apt-get install postgresql creates it)"
    )


def test_missing_postgresql_skips_here_and_fails_on_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception) as skipped:
        unavailable("no PostgreSQL")
    assert str(skipped.value) == "no PostgreSQL"
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception) as failed:
        unavailable("no PostgreSQL")
    assert str(failed.value) == "no PostgreSQL; on CI the PostgreSQL tests must run"


def test_bad_arguments_are_refused_with_what_was_wrong(pg_server: PgServer) -> None:
    with pytest.raises(ValueError) as caught:
        pg_server.stop("now")
    assert str(caught.value) == "not a shutdown mode: 'now'"
    with pytest.raises(ValueError) as caught:
        pg_server.create_database("t-1; DROP")
    assert str(caught.value) == "not a plain database name: 't-1; DROP'"
    assert pg_server.running()


def test_settings_override_conf_and_base_holds_the_folder() -> None:
    """What the benchmarks use: a durable server (fsync on) on the temp folder's disk."""
    base = Path(tempfile.gettempdir())
    try:
        server = PgServer(settings={"fsync": "on", "full_page_writes": "on"}, base=base)
    except PgUnavailable as error:
        unavailable(str(error))
    with server:
        server.start()
        assert server.root is not None and server.root.parent == base
        shown = [server.psql(f"SHOW {name}")[0][0] for name in ("fsync", "full_page_writes")]
        assert shown == ["on", "on"]
        assert server.psql("SHOW synchronous_commit") == [("on",)]


def test_a_setting_that_is_not_plain_is_refused() -> None:
    for key, value in (
        ("fsync = off\nport", "1"),
        ("fsync", "on\nport = 5432"),
        ("a", "'"),
        ("a", "\\"),
    ):
        with pytest.raises(ValueError) as caught:
            PgServer(settings={key: value})
        assert str(caught.value) == f"not a plain setting: {key} = {value!r}"
