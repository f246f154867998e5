"""Sessions survive in SQLite: every tick, note, answer and sign-off, with its audit row."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from hemiapp.content.models import Content
from hemiapp.content.session import Actor, ItemStatus, PatientDetails, ReadOnlyError
from hemiapp.store import audit
from hemiapp.store.db import Database, SQLiteDatabase, StoreError, open_database
from hemiapp.store.schema import MIGRATIONS, for_sqlite
from hemiapp.store.sessions import SessionStore, fold

NURSE_ROW = ("n1", "Ana Ruiz", "Nurse", "scrypt$1$1$1$AA==$AA==", "2026-11-23T10:00:00+00:00")


@pytest.fixture
def nurse(db: Database) -> Actor:
    with db.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO staff (staff_id, name, role, pin_hash, created_at) VALUES (?,?,?,?,?) "
            "RETURNING id",
            NURSE_ROW,
        )
        staff_pk = int(cur.fetchone()[0])
    return Actor(staff_pk, "n1", "Ana Ruiz", "Nurse")


def audit_rows(db: Database) -> list[tuple[str, str, str, str, dict[str, object]]]:
    return [
        (r["action"], r["actor"], str(r["session_id"]), r["item"], json.loads(r["detail"]))
        for r in db.read("SELECT * FROM audit ORDER BY id")
    ]


def test_anonymous_session_is_saved_from_its_first_action(db: Database, content: Content) -> None:
    store = SessionStore(db)
    session = store.new_anonymous(content)
    session.set_language("es")
    assert session.id is None
    assert db.read("SELECT count(*) FROM sessions")[0][0] == 0  # a walk-up who did nothing
    item = content.checklist("pre-op").items[0]
    session.set_status("pre-op", item.id, ItemStatus.DONE)
    assert session.id is not None
    row = db.read("SELECT kind, language, content_digest FROM sessions")[0]
    assert tuple(row) == ("anonymous", "es", content.digest)
    assert audit_rows(db) == [
        ("session-start", "patient", str(session.id), "", {"kind": "anonymous"}),
        ("tick", "patient", str(session.id), f"pre-op/{item.id}", {"old": "open", "new": "done"}),
    ]


def test_named_session_round_trip(db: Database, content: Content, nurse: Actor) -> None:
    store = SessionStore(db)
    patient = PatientDetails("<b>María</b> López", date(1958, 3, 14), "MRN-0042", "Dr Okafor")
    session = store.new_named(content, patient, language="es", surgery_date=date(2026, 12, 8))
    session.actor = nurse
    pre = content.checklist("pre-op")
    first, nurse_only = pre.items[0], next(i for i in pre.items if i.nurse_only)
    session.set_status("pre-op", first.id, ItemStatus.DONE)
    session.set_question("pre-op", first.id, True)  # done, with a question
    session.set_note("pre-op", first.id, "Takes a blood thinner; asked the surgeon.")
    session.set_status("pre-op", nurse_only.id, ItemStatus.DONE)
    question = content.course.questions[0]
    session.answer(question, question.answer)
    session.mark_teach_back_done()
    session.set_surgery_date(date(2026, 12, 15))

    again = store.resume(session.id or 0, content)
    assert again.patient == patient  # the name is kept exactly, markup and all
    assert again.language == "es"
    assert again.surgery_date == date(2026, 12, 15)
    assert again.item("pre-op", first.id).status is ItemStatus.DONE
    assert again.item("pre-op", first.id).question
    assert again.item("pre-op", first.id).note == "Takes a blood thinner; asked the surgeon."
    assert again.item("pre-op", nurse_only.id).changed_by == "Ana Ruiz"
    assert again.quiz_answers == {question.id: question.answer}
    assert again.teach_back_at is not None and again.teach_back_by == "Ana Ruiz"
    assert [r[0] for r in audit_rows(db)] == [
        "session-start",
        "tick",
        "question",
        "note",
        "tick",
        "answer",
        "teach-back",
        "surgery-date",
    ]


def test_find_by_name_birth_date_or_mrn_never_anonymous(db: Database, content: Content) -> None:
    store = SessionStore(db)
    lopez = store.new_named(
        content, PatientDetails("María López", date(1958, 3, 14), "MRN-0042"),
        language="es", surgery_date=None,
    )  # fmt: skip
    store.new_named(
        content, PatientDetails("John Smith", date(1970, 1, 2)), language="en", surgery_date=None
    )
    walkup = store.new_anonymous(content)
    walkup.set_status("pre-op", content.checklist("pre-op").items[0].id, ItemStatus.DONE)
    assert [s.name for s in store.find("lópez")] == ["María López"]
    assert [s.id for s in store.find("MRN-0042")] == [lopez.id]
    assert [s.name for s in store.find("1970-01-02")] == ["John Smith"]
    assert store.find("") == []
    assert store.find("anonymous") == []
    store.close(lopez, "finished")
    assert store.find("López") == []


@pytest.mark.parametrize(
    "typed",
    ["nunez", "NUNEZ", "Núñez", "núñez", "NÚÑEZ", "jose  GARCIA", "Nuñez", "garcia-nunez"],
)
def test_find_ignores_accents_and_case(db: Database, content: Content, typed: str) -> None:
    store = SessionStore(db)
    store.new_named(
        content, PatientDetails("María José García-Núñez", date(1961, 3, 7)),
        language="es", surgery_date=None,
    )  # fmt: skip
    store.new_named(
        content, PatientDetails("Nuno Silva", date(1961, 3, 8)), language="en", surgery_date=None
    )
    assert [s.name for s in store.find(typed)] == ["María José García-Núñez"]


def test_find_by_a_date_read_from_what_was_typed(db: Database, content: Content) -> None:
    store = SessionStore(db)
    store.new_named(
        content, PatientDetails("Ana Núñez", date(1961, 3, 7), "mrn-7"), language="es",
        surgery_date=None,
    )  # fmt: skip
    assert [s.name for s in store.find("07/03/1961", born=date(1961, 3, 7))] == ["Ana Núñez"]
    assert store.find("07/03/1961") == []  # the store does not guess a date's order
    assert [s.name for s in store.find("MRN-7")] == ["Ana Núñez"]  # an MRN in any case


def test_fold() -> None:
    assert fold("  Ñandú  ÇAÑÓN ") == "nandu canon"
    assert fold("Straße") == "strasse"
    assert fold("<b>x</b>") == "<b>x</b>"


def test_sign_off_then_change_keeps_the_old_sign_off(
    db: Database, content: Content, nurse: Actor
) -> None:
    store = SessionStore(db)
    session = store.new_named(
        content, PatientDetails("A B", date(1960, 1, 1)), language="en", surgery_date=None
    )
    session.actor = nurse
    first = session.sign_off("pre-op", "I reviewed every item with the patient.")
    session.actor = None
    item = content.checklist("pre-op").items[0]
    with pytest.raises(ReadOnlyError):
        session.set_status("pre-op", item.id, ItemStatus.DONE)
    session.actor = nurse
    session.set_status("pre-op", item.id, ItemStatus.DONE)
    second = session.sign_off("pre-op", "I reviewed every item with the patient.")
    again = store.resume(session.id or 0, content)
    assert again.signoffs == {"pre-op": second}
    assert again.signoff_history == [first]
    assert [r[0] for r in audit_rows(db)][-3:] == ["sign-off", "tick", "sign-off"]
    assert audit.verify(db).ok


def test_a_change_that_cannot_be_saved_is_not_made(
    sqlite_db: SQLiteDatabase, content: Content, tmp_path: object
) -> None:
    db = sqlite_db  # a full disk, made by SQLite's page limit (the server's: test_pg_faults)
    store = SessionStore(db)
    session = store.new_anonymous(content)
    item = content.checklist("pre-op").items[0]
    session.set_status("pre-op", item.id, ItemStatus.DONE)
    pages = db.connection.execute("PRAGMA page_count").fetchone()[0]
    db.connection.execute(f"PRAGMA max_page_count = {pages}")  # the disk fills up
    with pytest.raises(StoreError):
        session.set_note("pre-op", item.id, "x" * 200_000)
    assert session.item("pre-op", item.id).note == ""  # memory unchanged, as on disk
    assert session.status("pre-op", item.id) is ItemStatus.DONE
    reopened = open_database(db.path)
    assert reopened.read("PRAGMA integrity_check")[0][0] == "ok"
    reopened.close()


def test_a_question_from_an_older_database_becomes_a_flag(tmp_path: Path, content: Content) -> None:
    """Schema 1 stored a question *instead of* done; schema 2 keeps it as a flag beside the
    status, so nothing the patient asked is lost by the migration."""
    path = tmp_path / "old.db"
    raw = sqlite3.connect(path)
    for statement in for_sqlite(MIGRATIONS[0]):
        raw.execute(statement)
    raw.execute(
        "INSERT INTO sessions (id, kind, language, content_digest, content_version, created_at)"
        " VALUES (1, 'anonymous', 'en', 'x', '1', '2026-11-23T10:00:00+00:00')"
    )
    pre = content.checklist("pre-op")
    asked, done = pre.items[0].id, pre.items[1].id
    for item, status in ((asked, "question"), (done, "done")):
        raw.execute(
            "INSERT INTO item_states (session_id, checklist_id, item_id, status, note, "
            "changed_at) VALUES (1, 'pre-op', ?, ?, 'kept', '2026-11-23T10:00:00+00:00')",
            (item, status),
        )
    raw.execute("PRAGMA user_version = 1")
    raw.commit()
    raw.close()
    db = open_database(path)
    try:
        session = SessionStore(db).resume(1, content)
        assert session.item("pre-op", asked).status is ItemStatus.OPEN
        assert session.item("pre-op", asked).question
        assert session.item("pre-op", asked).note == "kept"
        assert session.item("pre-op", done).status is ItemStatus.DONE
        assert not session.item("pre-op", done).question
    finally:
        db.close()


def test_one_clock_stamps_the_session_its_rows_and_the_audit(
    target: str | Path, content: Content
) -> None:
    from datetime import UTC, datetime

    from hemiapp.content.clock import FixedClock

    clock = FixedClock(datetime(2026, 12, 8, 14, 5, 9, tzinfo=UTC))
    db = open_database(target, clock=clock)
    try:
        session = SessionStore(db).new_anonymous(content)
        checklist = content.checklists[0]
        item = next(i for i in checklist.items if not i.is_sign)
        session.set_status(checklist.id, item.id, ItemStatus.DONE)
        clock.advance(minutes=3)
        session.set_note(checklist.id, item.id, "ask the nurse")
        assert session.item(checklist.id, item.id).changed_at == datetime(
            2026, 12, 8, 14, 5, 9, tzinfo=UTC
        )
        stamps = {r["at"] for r in db.read("SELECT at FROM audit ORDER BY id")}
        assert stamps == {"2026-12-08T14:05:09+00:00", "2026-12-08T14:08:09+00:00"}
        row = db.read("SELECT changed_at FROM item_states")[0]
        assert row["changed_at"] == "2026-12-08T14:08:09+00:00"  # the note's change
    finally:
        db.close()


def test_listing_by_day_compares_moments_not_text(target: str | Path, content: Content) -> None:
    """A local midnight (here UTC−5) is the same moment as 05:00 UTC: a session stored at
    02:00 UTC on the 9th started on the evening of the 8th, in Chicago's day of the 8th."""
    from datetime import UTC, datetime, timedelta, timezone

    from hemiapp.content.clock import FixedClock
    from hemiapp.store.listing import list_sessions

    clock = FixedClock(datetime(2026, 12, 9, 2, 0, tzinfo=UTC))
    db = open_database(target, clock=clock)
    try:
        session = SessionStore(db).new_named(
            content, PatientDetails("Ana", date(1960, 1, 2)), language="en", surgery_date=None
        )
        midnight = datetime(2026, 12, 8, tzinfo=timezone(timedelta(hours=-5)))
        on_the_8th = list_sessions(db, since=midnight, until=midnight + timedelta(days=1))
        on_the_9th = list_sessions(
            db, since=midnight + timedelta(days=1), until=midnight + timedelta(days=2)
        )
        assert [row.id for row in on_the_8th] == [session.id]
        assert on_the_9th == []
    finally:
        db.close()
