"""Database schema, as migrations: MIGRATIONS[n] takes schema version n to n+1.

One definition for both engines. A statement is run on both, except one marked
``SQLiteOnly`` or ``PostgresOnly``; for PostgreSQL a shared statement is rendered by
``for_postgresql`` (its ids become identity columns). SQLite keeps its version in
``PRAGMA user_version``, PostgreSQL in the ``schema_versions`` table (one row per
migration applied, with when and by whom). Never edit a released migration; add a new
one. Times are UTC ISO 8601 text.
"""

from __future__ import annotations

import re


class SQLiteOnly(str):
    """A statement only SQLite runs (its own triggers, its own collations)."""


class PostgresOnly(str):
    """A statement only PostgreSQL runs."""


#: The audit log is append-only at the server too (for the owner role as well: the
#: station role is also refused by its GRANTs, which is what stops it).
_PG_APPEND_ONLY = PostgresOnly(
    """CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$"""
)

MIGRATIONS: list[list[str]] = [
    [
        """CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
        """CREATE TABLE staff (
            id INTEGER PRIMARY KEY,
            staff_id TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            pin_hash TEXT NOT NULL,
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('anonymous', 'named')),
            patient_name TEXT,
            date_of_birth TEXT,
            mrn TEXT,
            surgeon TEXT,
            surgery_date TEXT,
            language TEXT NOT NULL,
            content_digest TEXT NOT NULL,
            content_version TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by INTEGER REFERENCES staff(id),
            closed_at TEXT,
            teach_back_at TEXT,
            teach_back_by INTEGER REFERENCES staff(id),
            CHECK (kind = 'anonymous' OR (patient_name IS NOT NULL AND date_of_birth IS NOT NULL))
        )""",
        SQLiteOnly("CREATE INDEX sessions_by_name ON sessions (patient_name COLLATE NOCASE)"),
        PostgresOnly("CREATE INDEX sessions_by_name ON sessions (lower(patient_name))"),
        "CREATE INDEX sessions_by_mrn ON sessions (mrn)",
        """CREATE TABLE item_states (
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            checklist_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('open', 'done', 'question')),
            note TEXT NOT NULL DEFAULT '',
            changed_at TEXT NOT NULL,
            changed_by INTEGER REFERENCES staff(id),
            PRIMARY KEY (session_id, checklist_id, item_id)
        )""",
        """CREATE TABLE quiz_answers (
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            question_id TEXT NOT NULL,
            choice_id TEXT NOT NULL,
            answered_at TEXT NOT NULL,
            PRIMARY KEY (session_id, question_id)
        )""",
        """CREATE TABLE signoffs (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            checklist_id TEXT NOT NULL,
            staff INTEGER NOT NULL REFERENCES staff(id),
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            signed_at TEXT NOT NULL,
            method TEXT NOT NULL,
            attestation TEXT NOT NULL,
            superseded_at TEXT
        )""",
        """CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            station TEXT NOT NULL,
            actor TEXT NOT NULL DEFAULT '',
            session_id INTEGER,
            item TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '{}',
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )""",
        # The audit log is append-only for the app; the hash chain catches anyone else.
        SQLiteOnly("""CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
           BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"""),
        SQLiteOnly("""CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
           BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"""),
        _PG_APPEND_ONLY,
        PostgresOnly(
            "CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()"
        ),
    ],
    # 2: "I have a question" is a flag of its own, so an item can be done *and* have a
    # question (before, the status was one of open, done or question).
    [
        "ALTER TABLE item_states ADD COLUMN question INTEGER NOT NULL DEFAULT 0 "
        "CHECK (question IN (0, 1))",
        "UPDATE item_states SET question = 1, status = 'open' WHERE status = 'question'",
    ],
    # 3: every row a person edits carries a version, so that a change made at one station
    # on a state another station has changed since is refused, not silently lost.
    [
        "ALTER TABLE item_states ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE sessions ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)
#: The tables of records, which stations read and write.
RECORDS = ("meta", "staff", "sessions", "item_states", "quiz_answers", "signoffs")
#: The append-only tables: stations may read them and add rows, nothing more.
APPEND_ONLY = ("audit",)

_IDENTITY = re.compile(r"\bINTEGER PRIMARY KEY\b")


def for_sqlite(script: list[str]) -> list[str]:
    """The statements of a migration that SQLite runs, as written."""
    return [str(s) for s in script if not isinstance(s, PostgresOnly)]


def for_postgresql(script: list[str]) -> list[str]:
    """The statements of a migration that PostgreSQL runs: an ``INTEGER PRIMARY KEY``
    (SQLite's row id) becomes an identity column."""
    return [
        _IDENTITY.sub("INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", str(s))
        for s in script
        if not isinstance(s, SQLiteOnly)
    ]
