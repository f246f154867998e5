"""Private files and folders, and telling a HemiGuide database from any other file.

Patient data is private to the account that runs HemiGuide: folders are made 0700 and
files 0600, whatever the umask. A file is only ever opened as a database after its
bytes say it is one of ours (the ``application_id`` in its header, or, for databases
made before there was one, HemiGuide's own schema), and that check writes nothing: not
the file, and no ``-wal`` or ``-shm`` beside it.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from urllib.parse import quote

from hemiapp.store.schema import for_sqlite

#: ``PRAGMA application_id`` of every HemiGuide database: "Hemi" in ASCII.
APPLICATION_ID = 0x48656D69
HEADER = b"SQLite format 3\x00"
_HEADER_SIZE = 100
FOLDER_MODE = 0o700
FILE_MODE = 0o600


def make_private_folder(path: Path) -> None:
    """Make ``path`` and any missing parents, each 0700 (existing folders are left alone)."""
    missing: list[Path] = []
    here = path
    while not here.exists():
        missing.append(here)
        if here.parent == here:
            break
        here = here.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=FOLDER_MODE)
        except FileExistsError:
            continue
        os.chmod(folder, FOLDER_MODE)  # mkdir's mode is cut by the umask


def private_opener(path: str, flags: int) -> int:
    """An ``opener`` for ``open()`` that creates files 0600."""
    return os.open(path, flags, FILE_MODE)


def make_private(path: Path) -> None:
    """An existing file of ours (made by an older HemiGuide, or copied in) that others can
    read becomes 0600. Only files this account owns; folders are never changed (a
    database may sit in a shared folder such as /tmp)."""
    try:
        info = path.lstat()
        if stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid() and info.st_mode & 0o077:
            os.chmod(path, stat.S_IMODE(info.st_mode) & FILE_MODE)
    except OSError:
        pass  # not there, or not ours to change: it is used as it is


def create_private_file(path: Path) -> None:
    """Create ``path`` empty and 0600; FileExistsError if anything is there already."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))


def uri(path: Path, **params: str) -> str:
    """An SQLite ``file:`` URI for ``path`` with query parameters (mode=ro, immutable=1)."""
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"file:{quote(str(path.absolute()))}?{query}"


def has_wal(path: Path) -> bool:
    """A write-ahead log with something in it sits beside ``path``."""
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except OSError:
        return False


def read_only_uri(path: Path) -> str:
    """Open ``path`` for reading only, creating nothing beside it: ``immutable`` when there
    is no write-ahead log to read (no locks, no -shm), else ``mode=ro``."""
    return uri(path, mode="ro") if has_wal(path) else uri(path, mode="ro", immutable="1")


def header(path: Path) -> bytes:
    """The first 100 bytes of ``path`` (fewer if it is shorter). OSError if unreadable."""
    with open(path, "rb") as fh:
        return fh.read(_HEADER_SIZE)


def header_application_id(data: bytes) -> int:
    return int.from_bytes(data[68:72], "big") if len(data) >= 72 else 0


def schema_of(conn: sqlite3.Connection) -> set[tuple[str, str, str]]:
    """A database's own objects: (type, name, SQL), SQLite's internal ones left out."""
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return {(str(t), str(n), " ".join(str(s).split())) for t, n, s in rows}


def expected_schema(migrations: list[list[str]], version: int) -> set[tuple[str, str, str]]:
    """The schema HemiGuide's first ``version`` migrations make (built in memory)."""
    conn = sqlite3.connect(":memory:")
    try:
        for script in migrations[:version]:
            for statement in for_sqlite(script):
                conn.execute(statement)
        return schema_of(conn)
    finally:
        conn.close()


def looks_like_ours(path: Path, migrations: list[list[str]]) -> bool:
    """A database made before HemiGuide set its application_id: its user_version is one of
    ours and its schema is exactly what that many migrations make. Read-only, writes
    nothing. sqlite3.Error if SQLite cannot read it."""
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        if app_id == APPLICATION_ID:  # stamped, in the write-ahead log still
            return True
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if app_id != 0 or not 1 <= version <= len(migrations):
            return False
        return schema_of(conn) == expected_schema(migrations, version)
    finally:
        conn.close()


def writable(path: Path) -> bool:
    """HemiGuide can write ``path`` and what SQLite needs beside it (its -wal and -shm, made
    in the folder when they are not there yet)."""
    if not os.access(path, os.W_OK):
        return False
    for side in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        if side.exists() and not os.access(side, os.W_OK):
            return False
        if not side.exists() and not os.access(path.parent, os.W_OK | os.X_OK):
            return False
    return True
