"""Bidirectional control characters are dropped from names, notes and sign-offs, so that
"Alice" typed after a right-to-left override shows and prints as "Alice", not "ecilA"."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hemiapp.content.bidi import BIDI_CONTROLS, without_bidi_controls
from hemiapp.content.loader import load_content
from hemiapp.content.models import Content
from hemiapp.content.session import PatientDetails, Session, SignOff
from hemiapp.paths import bundled_content_root
from hemiapp.report.document import ReportOptions, build_document, in_print_order
from hemiapp.report.printing import print_pdf
from hemiapp.store.db import open_database
from hemiapp.store.sessions import SessionStore
from hemiapp.ui.checklist import ChecklistScreen
from tests.report.conftest import needs_poppler, norm, pdf_text

RLO, PDF = "\u202e", "\u202c"


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(bundled_content_root()).content


SPOOFED = f"{RLO}Alice{PDF}"  # shows as "ecilA"


def test_every_control_is_dropped_and_nothing_else() -> None:
    assert len(BIDI_CONTROLS) == 12
    assert without_bidi_controls(f"A{BIDI_CONTROLS}lice") == "Alice"
    for text in ("Alice", "María José Núñez", "سارة", "שרה כהן", "", "<b>x</b> 😀"):
        assert without_bidi_controls(text) == text


def test_patient_details_notes_and_sign_offs_drop_them(content: Content) -> None:
    patient = PatientDetails(SPOOFED, date(1961, 5, 3), f"{RLO}MRN-1", f"Dr. {RLO}Grey")
    assert (patient.name, patient.mrn, patient.surgeon) == ("Alice", "MRN-1", "Dr. Grey")
    session = Session(content)
    item = content.checklists[0].items[0]
    session.set_note(content.checklists[0].id, item.id, f"Ask {SPOOFED} about \u2067it\u2069")
    assert session.item(content.checklists[0].id, item.id).note == "Ask Alice about it"
    signed = SignOff("pre-op", SPOOFED, "RN", datetime.now(UTC), "PIN", f"I {RLO}checked")
    assert (signed.name, signed.attestation) == ("Alice", "I checked")


def test_names_and_notes_saved_before_are_cleaned_when_read_back(
    tmp_path: Path, content: Content
) -> None:
    db = open_database(tmp_path / "h.db")
    store = SessionStore(db)
    patient = PatientDetails("Alice", date(1961, 5, 3))
    session = store.new_named(content, patient, language="en", surgery_date=None)
    checklist, item = content.checklists[0], content.checklists[0].items[0]
    session.set_note(checklist.id, item.id, "a note")
    assert session.id is not None
    raw = sqlite3.connect(tmp_path / "h.db")  # as an older HemiGuide could have saved them
    raw.execute("UPDATE sessions SET patient_name = ?", (SPOOFED,))
    raw.execute("UPDATE item_states SET note = ?", (f"note {SPOOFED}",))
    raw.commit()
    raw.close()
    again = store.resume(session.id, content)
    assert again.patient is not None and again.patient.name == "Alice"
    assert again.item(checklist.id, item.id).note == "note Alice"
    db.close()


def test_a_note_shows_as_typed_on_screen(qtbot: QtBot, content: Content) -> None:
    session = Session(content)
    checklist = content.checklists[0]
    session.set_note(checklist.id, checklist.items[0].id, SPOOFED)
    screen = ChecklistScreen(session, checklist.id)
    qtbot.addWidget(screen)
    assert screen.cards[0].note.text() == "Note: Alice"


@needs_poppler
def test_a_name_prints_as_typed(qapp: object, tmp_path: Path, content: Content) -> None:
    session = Session(content)
    session.patient = PatientDetails(SPOOFED, date(1961, 5, 3))
    document = build_document(
        session, in_print_order(content.checklists), ReportOptions(), printed_at=datetime.now(UTC)
    )
    print_pdf(document, tmp_path / "out.pdf", "A4")
    text = norm(pdf_text(tmp_path / "out.pdf", 1))
    assert "Alice" in text and "ecilA" not in text
