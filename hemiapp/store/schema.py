"""Database schema, as migrations: MIGRATIONS[n] takes ``PRAGMA user_version`` n to n+1.

Never edit a released migration; add a new one. Times are UTC ISO 8601 text.
"""

from __future__ import annotations

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
        "CREATE INDEX sessions_by_name ON sessions (patient_name COLLATE NOCASE)",
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
        """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
           BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
        """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
           BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    ],
    # 2: "I have a question" is a flag of its own, so an item can be done *and* have a
    # question (before, the status was one of open, done or question).
    [
        "ALTER TABLE item_states ADD COLUMN question INTEGER NOT NULL DEFAULT 0 "
        "CHECK (question IN (0, 1))",
        "UPDATE item_states SET question = 1, status = 'open' WHERE status = 'question'",
    ],
]
