"""``hemiapp db init|upgrade|check|copy`` run as a clinic's IT person runs them: real
processes against the run's private PostgreSQL server, exact output, exit codes, and what
the server holds afterwards."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import errors

from hemiapp.content.loader import load_content
from hemiapp.content.models import Content
from hemiapp.content.session import ItemStatus
from hemiapp.paths import bundled_content_root
from hemiapp.store import audit
from hemiapp.store.db import open_database
from hemiapp.store.schema import SCHEMA_VERSION
from hemiapp.store.sessions import SessionStore
from tests.conftest import PgStation
from tests.pgserver import PgServer

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("meta", "staff", "sessions", "item_states", "quiz_answers", "signoffs", "audit")


def hemiapp(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    return subprocess.run(
        [sys.executable, "-m", "hemiapp", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**env, "PYTHONPATH": str(ROOT)},
        check=False,
        timeout=120,
    )


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(bundled_content_root()).content


def counts(server: PgServer, dbname: str) -> dict[str, int]:
    return {
        table: int(server.psql(f"SELECT count(*) FROM hemiguide.{table}", dbname=dbname)[0][0])
        for table in TABLES
    }


def visit(db_target: str | Path, content: Content, ticks: int = 3) -> None:
    """A patient's visit with ``ticks`` items done, as the station saves it."""
    db = open_database(db_target, station="desk-1")
    try:
        session = SessionStore(db).new_anonymous(content)
        checklist = content.checklists[0]
        for item in checklist.items[:ticks]:
            session.set_status(checklist.id, item.id, ItemStatus.DONE)
    finally:
        db.close()


# -- db init, db upgrade --------------------------------------------------------------------


def test_init_sets_up_an_empty_database_and_says_what_to_do_next(
    pg_server: PgServer, pg_template: str, pg_url: str
) -> None:
    # pg_template made the roles already (roles belong to the whole server)
    dbname = pg_url.rsplit("/", 1)[1]
    port = pg_server.port
    result = hemiapp("db", "init", "--admin", pg_url)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        "the role hemiguide_owner is already there",
        "the role hemiguide_station is already there",
        *[f"schema {n} of {SCHEMA_VERSION} applied" for n in range(1, SCHEMA_VERSION + 1)],
        "granted hemiguide_station what a station needs (the audit log: SELECT and INSERT only)",
        f"HemiGuide is set up on postgresql://postgres@127.0.0.1:{port}/{dbname} "
        f"(schema {SCHEMA_VERSION}).",
        "Next:",
        "  1. Give the station role a password (psql asks for it; it is never shown):",
        f"       psql {pg_url} -c '\\password hemiguide_station'",
        "  2. Let the stations reach the server: listen_addresses in postgresql.conf, and",
        "     a line in pg_hba.conf such as (your clinic's network in place of 10.0.0.0/24):",
        f"       hostssl {dbname} hemiguide_station 10.0.0.0/24 scram-sha-256",
        "  3. On each station, in ~/.pgpass of the account that runs HemiGuide (chmod 600):",
        f"       HOST:{port}:{dbname}:hemiguide_station:THE-PASSWORD",
        "  4. In each station's settings (~/.config/HemiGuide/hemiguide.yaml) (HOST: this "
        "server's name on the clinic's network):",
        f"       database: postgresql://hemiguide_station@HOST:{port}/{dbname}",
        "  5. On each station: hemiapp db check",
    ]
    tables = pg_server.psql(
        "SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'hemiguide' "
        "ORDER BY tablename",
        dbname=dbname,
    )
    assert tables == sorted((t, "hemiguide_owner") for t in (*TABLES, "schema_versions"))
    assert counts(pg_server, dbname) == dict.fromkeys(TABLES, 0)


def test_init_again_changes_nothing_and_names_the_upgrade(
    pg_server: PgServer, pg_station: PgStation, content: Content
) -> None:
    visit(pg_station.url, content)
    before = counts(pg_server, pg_station.name)
    result = hemiapp("db", "init", "--admin", pg_station.admin_url)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"hemiapp: The server postgresql://postgres@127.0.0.1:{pg_server.port}/"
        f"{pg_station.name} already holds a HemiGuide database (schema {SCHEMA_VERSION}). "
        "Nothing was changed. To bring it up to date, run: hemiapp db upgrade --admin URL\n"
    )
    assert counts(pg_server, pg_station.name) == before


def test_upgrade_of_a_current_server_does_nothing(
    pg_server: PgServer, pg_station: PgStation
) -> None:
    result = hemiapp("db", "upgrade", "--admin", pg_station.admin_url)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"postgresql://postgres@127.0.0.1:{pg_server.port}/{pg_station.name} is already at "
        f"schema {SCHEMA_VERSION}; nothing to do.\n"
    )


def test_upgrade_of_a_server_never_set_up_is_refused(pg_server: PgServer, pg_url: str) -> None:
    dbname = pg_url.rsplit("/", 1)[1]
    result = hemiapp("db", "upgrade", "--admin", pg_url)
    assert result.returncode == 1
    assert result.stderr == (
        f"hemiapp: The server postgresql://postgres@127.0.0.1:{pg_server.port}/{dbname} has no "
        "HemiGuide database yet. Nothing was changed. Set it up first: hemiapp db init "
        "--admin URL\n"
    )
    assert pg_server.psql(
        "SELECT count(*) FROM pg_namespace WHERE nspname = 'hemiguide'", dbname=dbname
    ) == [(0,)]


def test_a_password_typed_in_an_address_is_refused_and_never_repeated(
    pg_station: PgStation,
) -> None:
    address = pg_station.admin_url.replace("postgres@", "postgres:typed-pw-91@")
    for args in (("db", "init", "--admin", address), ("--db", address, "db", "check")):
        result = hemiapp(*args)
        assert result.returncode != 0
        assert "typed-pw-91" not in result.stdout + result.stderr


# -- db check -------------------------------------------------------------------------------


def _server_version(server: PgServer) -> str:
    return str(server.psql("SHOW server_version")[0][0])


def test_check_as_a_station_says_it_can_use_the_server(
    pg_server: PgServer, pg_station: PgStation
) -> None:
    result = hemiapp("--db", pg_station.url, "db", "check")
    assert result.returncode == 0, result.stderr
    address = f"postgresql://hemiguide_station@127.0.0.1:{pg_server.port}/{pg_station.name}"
    assert result.stdout.splitlines() == [
        "engine          postgresql (a clinic server)",
        f"server          {address}",
        f"server version  PostgreSQL {_server_version(pg_server)}",
        "user            hemiguide_station",
        f"schema          {SCHEMA_VERSION} there; this HemiGuide: {SCHEMA_VERSION}",
        "reads           yes",
        "writes          yes",
        "audit log       append-only for hemiguide_station (SELECT and INSERT only; no "
        "UPDATE, DELETE or TRUNCATE)",
        "this station can use it",
    ]
    assert result.stderr == ""


def test_check_as_the_superuser_is_refused_because_it_could_rewrite_the_log(
    pg_server: PgServer, pg_station: PgStation
) -> None:
    result = hemiapp("--db", pg_station.admin_url, "db", "check")
    assert result.returncode == 1
    where = f"postgresql://postgres@127.0.0.1:{pg_server.port}/{pg_station.name}"
    assert result.stdout.splitlines()[-1] == (
        "audit log       NOT append-only for postgres: it may UPDATE, DELETE, TRUNCATE audit rows"
    )
    admin = f"postgresql://ADMIN@127.0.0.1:{pg_server.port}/{pg_station.name}"
    assert result.stderr == (
        f"hemiapp: this station cannot use it: postgres is a superuser, who may change or "
        f"delete audit rows on {where} (UPDATE, DELETE, TRUNCATE), so a "
        "station must not use the server as postgres: the audit log must be append-only. "
        "Stations connect as hemiguide_station (hemiapp db init made it); if this one does, "
        f"ask IT to run: hemiapp db upgrade --admin {admin}, which takes those rights away.\n"
    )


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (
            "DELETE FROM hemiguide.schema_versions WHERE version = {top}",
            "holds an older HemiGuide database (schema {older}; this station needs {top}). "
            "Ask IT to run: hemiapp db upgrade --admin {admin}",
        ),
        (
            "INSERT INTO hemiguide.schema_versions VALUES ({newer}, 'now', 'test')",
            "was set up by a newer HemiGuide (schema {newer}; this station knows up to {top}). "
            "Update HemiGuide on this station.",
        ),
    ],
    ids=["older", "newer"],
)
def test_a_station_on_an_older_or_newer_server_is_told_what_to_run(
    pg_server: PgServer, pg_station: PgStation, change: str, said: str
) -> None:
    top = SCHEMA_VERSION
    pg_server.psql(change.format(top=top, newer=top + 1), dbname=pg_station.name)
    result = hemiapp("--db", pg_station.url, "db", "check")
    assert result.returncode == 1
    port, name = pg_server.port, pg_station.name
    message = said.format(
        top=top,
        older=top - 1,
        newer=top + 1,
        admin=f"postgresql://ADMIN@127.0.0.1:{port}/{name}",
    )
    assert result.stderr == (
        "hemiapp: this station cannot use it: The clinic server "
        f"postgresql://hemiguide_station@127.0.0.1:{port}/{name} {message}\n"
    )
    # and the app's own opening refuses the same way, saving nothing
    with pytest.raises(Exception) as info:
        open_database(pg_station.url, station="desk-1")
    assert str(getattr(info.value, "message", info.value)).endswith(message)


# -- the audit log is append-only at the server (GRANTs) ------------------------------------


def test_the_station_role_may_not_update_delete_or_truncate_the_audit_log(
    pg_server: PgServer, pg_station: PgStation, content: Content
) -> None:
    visit(pg_station.url, content)
    before = pg_server.psql("SELECT * FROM hemiguide.audit ORDER BY id", dbname=pg_station.name)
    assert len(before) >= 3
    granted = pg_server.psql(
        "SELECT privilege_type FROM information_schema.role_table_grants WHERE "
        "grantee = 'hemiguide_station' AND table_schema = 'hemiguide' AND table_name = 'audit' "
        "ORDER BY privilege_type",
        dbname=pg_station.name,
    )
    assert granted == [("INSERT",), ("SELECT",)]
    refused: list[str] = []
    with psycopg.connect(pg_station.url, autocommit=True) as conn:
        for statement in (
            "UPDATE hemiguide.audit SET detail = '{}' WHERE id = 1",
            "DELETE FROM hemiguide.audit WHERE id = 1",
            "TRUNCATE hemiguide.audit",
        ):
            with pytest.raises(errors.InsufficientPrivilege) as info:
                conn.execute(statement)
            refused.append(str(info.value).splitlines()[0])
        rows: list[tuple[Any, ...]] = conn.execute(
            "SELECT count(*) FROM hemiguide.audit"
        ).fetchall()
    assert refused == ["permission denied for table audit"] * 3
    assert rows == [(len(before),)]
    after = pg_server.psql("SELECT * FROM hemiguide.audit ORDER BY id", dbname=pg_station.name)
    assert after == before


# -- db copy --------------------------------------------------------------------------------


def test_copy_moves_a_stations_file_with_its_audit_chain_and_then_refuses_a_second_time(
    tmp_path: Path, pg_server: PgServer, pg_station: PgStation, content: Content
) -> None:
    source = tmp_path / "hemiguide.db"
    visit(source, content, ticks=4)
    visit(source, content, ticks=2)
    file_db = open_database(source)
    try:
        expected = {t: int(file_db.read(f"SELECT count(*) FROM {t}")[0][0]) for t in TABLES}
        head = file_db.read("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")[0]
    finally:
        file_db.close()
    result = hemiapp("db", "copy", "--from", f"sqlite:{source}", "--to", pg_station.admin_url)
    assert result.returncode == 0, result.stderr
    anchor = f"{head['id']}:{str(head['hash'])[:16]}"
    where = f"postgresql://postgres@127.0.0.1:{pg_server.port}/{pg_station.name}"
    assert result.stdout.splitlines() == [
        f"copied {source} to {where}: 1 setting, 0 staff accounts, "
        f"2 sessions, 6 item states, 0 quiz answers, 0 sign-offs, {expected['audit']} audit "
        "rows.",
        f"Check the audit log on the server (as a station): hemiapp audit verify --anchor {anchor}",
    ]
    assert counts(pg_server, pg_station.name) == expected
    verified = hemiapp("--db", pg_station.url, "audit", "verify", "--anchor", anchor)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    server = open_database(pg_station.url, station="desk-1")
    try:
        assert audit.verify(server).ok
    finally:
        server.close()
    visit(pg_station.url, content, ticks=1)  # new ids follow the copied ones
    after_visit = counts(pg_server, pg_station.name)
    assert after_visit["sessions"] == 3

    again = hemiapp("db", "copy", "--from", f"sqlite:{source}", "--to", pg_station.admin_url)
    assert again.returncode == 1
    assert again.stdout == ""
    assert again.stderr.startswith(
        f"hemiapp: The server {where} already holds records (1 setting, 3 sessions, 7 item states, "
    )
    assert again.stderr.endswith(
        "audit rows). Nothing was copied. db copy fills only a server that holds none, so "
        "that no two stations' ids and audit logs are mixed: copy into a new database made "
        "with hemiapp db init.\n"
    )
    assert counts(pg_server, pg_station.name) == after_visit


def test_copy_of_a_file_that_is_not_hemiguides_is_refused(
    tmp_path: Path, pg_server: PgServer, pg_station: PgStation
) -> None:
    source = tmp_path / "notes.db"
    source.write_bytes(b"not a database at all\n" * 100)
    result = hemiapp("db", "copy", "--from", f"sqlite:{source}", "--to", pg_station.admin_url)
    assert result.returncode == 1
    assert result.stderr == (
        f"hemiapp: The file {source} is not a HemiGuide database. Nothing was copied. "
        "Check the path after --from.\n"
    )
    assert counts(pg_server, pg_station.name) == dict.fromkeys(TABLES, 0)
    assert source.read_bytes() == b"not a database at all\n" * 100


# -- a single station never loads the server's driver ---------------------------------------


def test_a_station_on_a_file_never_imports_psycopg(tmp_path: Path) -> None:
    settings = tmp_path / "hemiguide.yaml"
    settings.write_text(f"database: {tmp_path / 'h.db'}\n", encoding="utf-8")
    code = (
        "import sys; from pathlib import Path;"
        "import hemiapp.app, hemiapp.cli;"
        "from hemiapp.config import load_config; from hemiapp.store.db import open_database;"
        f"config = load_config(Path({str(settings)!r}));"
        "open_database(config.database).close();"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('psycopg', 'psycopg_c'));"
        "print(bad); raise SystemExit(1 if bad else 0)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "h.db").is_file()


# -- libpq's own ways: a service file, sslmode ----------------------------------------------


def test_a_service_file_names_the_server_and_the_password_comes_from_pgpass(
    tmp_path: Path, pg_server: PgServer, pg_station: PgStation, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = tmp_path / "pg_service.conf"
    services.write_text(
        "[clinic]\nhost=127.0.0.1\n"
        f"port={pg_server.port}\ndbname={pg_station.name}\nuser=hemiguide_station\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    result = hemiapp("--db", "postgresql:///?service=clinic", "db", "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1] == "server          postgresql://(service clinic)"
    assert result.stdout.splitlines()[-1] == "this station can use it"


def test_sslmode_in_the_address_is_what_libpq_does(
    pg_server: PgServer, pg_station: PgStation
) -> None:
    # the test server has no TLS: a station told to require it refuses to connect
    result = hemiapp("--db", f"{pg_station.url}?sslmode=require", "db", "check")
    assert result.returncode == 1
    where = f"postgresql://hemiguide_station@127.0.0.1:{pg_server.port}/{pg_station.name}"
    assert result.stderr.startswith(
        f"hemiapp: this station cannot use it: The clinic server {where} cannot be reached ("
    )
    assert "server does not support SSL, but SSL was required" in result.stderr
    assert "?sslmode" not in result.stderr  # the address is shown without its options
