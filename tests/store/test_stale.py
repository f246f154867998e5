"""Two stations on one database never overwrite each other's changes silently.

Station A (a kiosk) and station B (a nurse station) hold the same session. A changes
something; B then changes the same thing from what it still shows: refused with
StaleError, and nothing of B's change is anywhere (the database, its audit log, B's
session in memory, B's events). Resumed, B shows A's change. Written for any engine:
the databases come from the ``two_stations`` fixture.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from hemiapp.content.models import Content
from hemiapp.content.session import Actor, ItemStatus, PatientDetails, Session
from hemiapp.store import staff, versions
from hemiapp.store.db import Database, StaleError, StoreError
from hemiapp.store.sessions import SessionStore
from tests.store.conftest import OTHER_PIN, PIN

MESSAGE = "This was just changed at another station."
PATIENT = PatientDetails("María López", date(1958, 3, 14), "MRN-0042", "Dr Okafor")
SURGERY = date(2026, 12, 8)
#: Every table a change of a session writes, in an order both engines give alike.
TABLES = {
    "sessions": "id",
    "item_states": "session_id, checklist_id, item_id",
    "quiz_answers": "session_id, question_id",
    "signoffs": "id",
    "audit": "id",
    "meta": "key",
}
EVENTS = ("item_changed", "signoff_changed", "answered", "details_changed",
          "teach_back_changed", "actor_changed")  # fmt: skip


@dataclass
class Station:
    store: SessionStore
    session: Session

    @property
    def db(self) -> Database:
        return self.store.db

    def resume(self) -> Session:
        """What this station shows once it reads the session again."""
        assert self.session.id is not None
        actor = self.session.actor
        self.session = self.store.resume(self.session.id, self.session.content)
        self.session.actor = actor
        return self.session


def _actor(db: Database, staff_id: str, name: str, pin: str) -> Actor:
    member = staff.StaffStore(db).add(staff_id, name, "Nurse", pin)
    return Actor(member.id, member.staff_id, member.name, member.role)


@pytest.fixture
def stations(two_stations: tuple[Database, Database], content: Content) -> tuple[Station, Station]:
    """A and B show the same named session, each with a nurse signed in."""
    kiosk, nurse_station = two_stations
    ana = _actor(kiosk, "ana", "Ana Ruiz", PIN)
    ben = _actor(kiosk, "ben", "Ben Okoro", OTHER_PIN)
    started = SessionStore(kiosk).new_named(content, PATIENT, language="en", surgery_date=SURGERY)
    assert started.id is not None
    a = Station(SessionStore(kiosk), SessionStore(kiosk).resume(started.id, content))
    b = Station(
        SessionStore(nurse_station), SessionStore(nurse_station).resume(started.id, content)
    )
    a.session.actor, b.session.actor = ana, ben
    return a, b


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    return {
        table: [tuple(row) for row in db.read(f"SELECT * FROM {table} ORDER BY {order}")]
        for table, order in TABLES.items()
    }


def in_memory(session: Session) -> tuple[object, ...]:
    """Everything a session shows, with the versions it holds."""
    return (
        {key: (state, state.version) for key, state in session.items.items()},
        {key: (signed, signed.id) for key, signed in session.signoffs.items()},
        [(signed, signed.id) for signed in session.signoff_history],
        dict(session.quiz_answers),
        session.id,
        session.version,
        session.language,
        session.surgery_date,
        session.patient,
        session.teach_back_at,
        session.teach_back_by,
    )


def refused(station: Station, change: Callable[[], object]) -> None:
    """``change`` at ``station`` is refused as stale, and leaves no trace."""
    stored, shown = snapshot(station.db), in_memory(station.session)
    seen: list[str] = []
    for name in EVENTS:
        getattr(station.session.events, name).connect(lambda *_, n=name: seen.append(n))
    with pytest.raises(StaleError) as caught:
        change()
    error = caught.value
    assert (error.kind, error.message, str(error)) == ("stale", MESSAGE, MESSAGE)
    assert isinstance(error, StoreError)  # (what the screens already catch)
    assert snapshot(station.db) == stored
    assert in_memory(station.session) == shown
    assert seen == []


def first_items(content: Content, count: int = 2) -> list[str]:
    return [item.id for item in content.checklist("pre-op").items if not item.is_sign][:count]


# --- items ----------------------------------------------------------------------------------


def test_a_tick_on_an_item_ticked_elsewhere_is_refused(
    stations: tuple[Station, Station], content: Content
) -> None:
    a, b = stations
    (item,) = first_items(content, 1)
    a.session.set_status("pre-op", item, ItemStatus.DONE)
    assert b.session.item("pre-op", item).version == 0  # B has not seen A's row
    refused(b, lambda: b.session.set_status("pre-op", item, ItemStatus.DONE))
    shown = b.resume().item("pre-op", item)
    assert (shown.status, shown.changed_by, shown.version) == (ItemStatus.DONE, "Ana Ruiz", 1)
    b.session.set_status("pre-op", item, ItemStatus.OPEN)  # from what it shows now: saved
    assert a.resume().item("pre-op", item).status is ItemStatus.OPEN


def test_a_change_to_an_item_changed_again_elsewhere_is_refused(
    stations: tuple[Station, Station], content: Content
) -> None:
    a, b = stations
    (item,) = first_items(content, 1)
    a.session.set_status("pre-op", item, ItemStatus.DONE)
    b.resume()  # both show the row at version 1
    a.session.set_status("pre-op", item, ItemStatus.OPEN)
    refused(b, lambda: b.session.set_status("pre-op", item, ItemStatus.OPEN))
    assert b.resume().item("pre-op", item).version == 2


def test_a_note_on_an_item_noted_elsewhere_is_refused(
    stations: tuple[Station, Station], content: Content
) -> None:
    a, b = stations
    (item,) = first_items(content, 1)
    a.session.set_note("pre-op", item, "Takes a blood thinner.")
    refused(b, lambda: b.session.set_note("pre-op", item, "No blood thinners."))
    assert b.resume().item("pre-op", item).note == "Takes a blood thinner."


def test_a_question_on_an_item_changed_elsewhere_is_refused(
    stations: tuple[Station, Station], content: Content
) -> None:
    a, b = stations
    (item,) = first_items(content, 1)
    a.session.set_question("pre-op", item, True)
    refused(b, lambda: b.session.set_question("pre-op", item, True))
    assert b.resume().has_question("pre-op", item)


def test_a_change_to_another_item_is_not_refused(
    stations: tuple[Station, Station], content: Content
) -> None:
    a, b = stations
    first, second = first_items(content)
    a.session.set_status("pre-op", first, ItemStatus.DONE)
    b.session.set_status("pre-op", second, ItemStatus.DONE)  # B has not seen A's: no matter
    b.session.set_note("pre-op", second, "Done at the nurse station.")
    a.session.set_surgery_date(date(2026, 12, 15))  # the session's row is not the items'
    b.session.set_question("pre-op", second, True)
    for station in (a, b):
        shown = station.resume()
        assert shown.status("pre-op", first) is shown.status("pre-op", second) is ItemStatus.DONE
        assert shown.item("pre-op", second).version == 3


# --- sign-offs ---------------------------------------------------------------------------------


def test_a_sign_off_over_one_made_elsewhere_is_refused(stations: tuple[Station, Station]) -> None:
    a, b = stations
    a.session.sign_off("pre-op", "Gone through with the patient.")
    refused(b, lambda: b.session.sign_off("pre-op", "Gone through with the patient."))
    shown = b.resume().signoffs["pre-op"]
    assert shown.name == "Ana Ruiz" and shown.id is not None
    b.session.sign_off("pre-op", "Gone through again.")  # replacing the one it shows: saved
    assert a.resume().signoffs["pre-op"].name == "Ben Okoro"
    assert [s.name for s in a.session.signoff_history] == ["Ana Ruiz"]


def test_a_sign_off_replacing_one_replaced_elsewhere_is_refused(
    stations: tuple[Station, Station],
) -> None:
    a, b = stations
    a.session.sign_off("pre-op", "First.")
    b.resume()
    a.session.sign_off("pre-op", "Second.")  # replaces the first (the items stay as they are)
    refused(b, lambda: b.session.sign_off("pre-op", "Replacing the first."))
    assert b.resume().signoffs["pre-op"].attestation == "Second."


def test_a_sign_off_of_items_changed_elsewhere_is_refused(
    stations: tuple[Station, Station], content: Content
) -> None:
    a, b = stations
    (item,) = first_items(content, 1)
    a.session.set_status("pre-op", item, ItemStatus.DONE)  # B would attest to what it never saw
    refused(b, lambda: b.session.sign_off("pre-op", "All gone through."))
    b.resume()
    b.session.sign_off("pre-op", "All gone through.")
    assert a.resume().signoffs["pre-op"].name == "Ben Okoro"


def test_a_change_that_would_set_aside_a_sign_off_made_elsewhere_is_refused(
    stations: tuple[Station, Station], content: Content
) -> None:
    a, b = stations
    (item,) = first_items(content, 1)
    a.session.sign_off("pre-op", "Gone through with the patient.")
    refused(b, lambda: b.session.set_status("pre-op", item, ItemStatus.DONE))
    assert b.resume().signoffs["pre-op"].name == "Ana Ruiz"


def test_a_change_after_a_sign_off_was_set_aside_elsewhere_is_not_refused(
    stations: tuple[Station, Station], content: Content
) -> None:
    a, b = stations
    first, second = first_items(content)
    a.session.sign_off("pre-op", "Gone through with the patient.")
    b.resume()
    a.session.set_status("pre-op", first, ItemStatus.DONE)  # sets the sign-off aside
    b.session.set_status("pre-op", second, ItemStatus.DONE)  # it would have: nothing is lost
    assert b.session.signoffs == {}
    shown = a.resume()
    assert shown.signoffs == {} and len(shown.signoff_history) == 1
    assert shown.status("pre-op", second) is ItemStatus.DONE


def test_a_sign_off_of_another_checklist_is_not_refused(
    stations: tuple[Station, Station],
) -> None:
    a, b = stations
    a.session.sign_off("pre-op", "Before surgery: gone through.")
    b.session.sign_off("post-op", "After-care: gone through.")
    assert set(a.resume().signoffs) == {"pre-op", "post-op"}


# --- the session's own row ------------------------------------------------------------------------


def test_a_surgery_date_changed_elsewhere_is_refused(stations: tuple[Station, Station]) -> None:
    a, b = stations
    a.session.set_surgery_date(date(2026, 12, 15))
    refused(b, lambda: b.session.set_surgery_date(date(2026, 12, 22)))
    assert b.resume().surgery_date == date(2026, 12, 15)
    b.session.set_surgery_date(date(2026, 12, 22))
    assert a.resume().surgery_date == date(2026, 12, 22)


def test_a_language_change_on_a_session_changed_elsewhere_is_refused(
    stations: tuple[Station, Station],
) -> None:
    a, b = stations
    a.session.set_surgery_date(None)
    refused(b, lambda: b.session.set_language("es"))
    assert b.resume().surgery_date is None and b.session.language == "en"


def test_teach_back_on_a_session_changed_elsewhere_is_refused(
    stations: tuple[Station, Station],
) -> None:
    a, b = stations
    a.session.mark_teach_back_done()
    refused(b, b.session.mark_teach_back_done)
    assert b.resume().teach_back_by == "Ana Ruiz"


def test_naming_a_session_changed_elsewhere_is_refused(
    two_stations: tuple[Database, Database], content: Content
) -> None:
    kiosk, nurse_station = two_stations
    walk_up = SessionStore(kiosk).new_anonymous(content)
    walk_up.set_language("es")
    walk_up.set_surgery_date(SURGERY)
    assert walk_up.id is not None and walk_up.version == 2
    b = Station(
        SessionStore(nurse_station), SessionStore(nurse_station).resume(walk_up.id, content)
    )
    walk_up.set_surgery_date(date(2026, 12, 15))
    refused(
        b,
        lambda: b.store.new_named(
            content, PATIENT, language="es", surgery_date=SURGERY, session=b.session
        ),
    )
    assert b.resume().patient is None


# --- a station's own changes, one after another ------------------------------------------------


def test_a_station_keeps_the_versions_of_what_it_writes(
    stations: tuple[Station, Station], content: Content
) -> None:
    a, _ = stations
    (item,) = first_items(content, 1)
    a.session.set_status("pre-op", item, ItemStatus.DONE)
    a.session.set_question("pre-op", item, True)
    a.session.set_note("pre-op", item, "Asked about it.")
    a.session.set_surgery_date(date(2026, 12, 15))
    a.session.mark_teach_back_done()
    a.session.sign_off("pre-op", "Gone through.")
    a.session.sign_off("pre-op", "Gone through again.")
    kept = (a.session.item("pre-op", item).version, a.session.version,
            a.session.signoffs["pre-op"].id)  # fmt: skip
    shown = a.resume()
    assert kept == (shown.item("pre-op", item).version, shown.version, shown.signoffs["pre-op"].id)
    assert kept[:2] == (3, 3)


def test_a_walk_up_session_learns_its_row_only_once_saved(
    db: Database, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = SessionStore(db).new_anonymous(content)
    (item,) = first_items(content, 1)

    def full(*args: object, **kwargs: object) -> None:
        raise StoreError("full", "The disk holding h.db is full.")

    monkeypatch.setattr(versions, "write_item", full)
    with pytest.raises(StoreError) as caught:
        session.set_status("pre-op", item, ItemStatus.DONE)
    assert caught.value.message == "The disk holding h.db is full."
    assert (session.id, session.version) == (None, 0)  # its row was rolled back with the tick
    assert db.read("SELECT count(*) FROM sessions")[0][0] == 0
    monkeypatch.undo()
    session.set_status("pre-op", item, ItemStatus.DONE)
    assert (session.version, session.item("pre-op", item).version) == (1, 1)
