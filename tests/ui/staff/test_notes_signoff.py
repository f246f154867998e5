"""Notes on items, signing a checklist off, and what a change after the sign-off does."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hemiapp.content.session import ItemStatus
from hemiapp.store.db import Database
from hemiapp.store.sessions import SessionStore
from hemiapp.ui.checklist import ChecklistScreen
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.staff.controller import StaffController
from hemiapp.ui.staff.notes import MAX_NOTE
from tests.ui.staff.conftest import OTHER_PIN, PIN, audit_actions, click, sign_in

ATTESTATION = "I have gone through this checklist with the patient and answered their questions."
WRONG = "The staff ID or PIN is not right. Please try again."


def pre_op(window: MainWindow) -> ChecklistScreen:
    screen = window.checklist_screens[0]
    window.show_screen(window.screens.index(screen))
    return screen


def test_add_and_edit_a_note(
    qtbot: QtBot,
    window: MainWindow,
    controller: StaffController,
    sessions: SessionStore,
    db: Database,
) -> None:
    screen = pre_op(window)
    card = screen.cards[0]
    item = screen.model.item(0)
    sign_in(qtbot, controller)
    assert card.note_button.text() == "Add note"
    assert card.note_button.accessibleName() == f"Add note: {item.text.english}"
    assert not card.note.isVisible()
    click(qtbot, card.note_button)
    editor = controller.note_editor
    assert window.stack.currentWidget() is editor
    assert editor.item.text() == item.text.english
    assert editor.editor.hasFocus()
    qtbot.keyClicks(editor.editor, "Smokes 5 a day")
    assert editor.count.text() == "14 of 1000 characters"
    click(qtbot, editor.save)
    assert window.current_screen() is screen
    assert card.note.isVisible()
    assert card.note.text() == "Note: Smokes 5 a day"
    assert card.note_button.text() == "Edit note"
    assert window.session.id is not None
    assert sessions.resume(window.session.id, window.content).item("pre-op", item.id).note == (
        "Smokes 5 a day"
    )
    row = db.read("SELECT action, actor, item, detail FROM audit WHERE action = 'note'")[-1]
    assert (row["actor"], row["item"]) == ("ana", f"pre-op/{item.id}")
    assert json.loads(row["detail"]) == {"old": "", "new": "Smokes 5 a day"}

    click(qtbot, card.note_button)  # edit: the editor starts with the note
    assert editor.editor.toPlainText() == "Smokes 5 a day"
    editor.editor.setPlainText("<b>Quit</b> last week")
    click(qtbot, editor.save)
    assert card.note.text() == "Note: <b>Quit</b> last week"  # literally
    assert card.note.textFormat() is Qt.TextFormat.PlainText
    saved = sessions.resume(window.session.id, window.content)
    assert saved.item("pre-op", item.id).note == "<b>Quit</b> last week"
    assert audit_actions(db).count("note") == 2

    click(qtbot, controller.bar.sign_out)  # the patient sees the note, cannot edit it
    assert card.note.isVisible() and not card.note_button.isVisible()


def test_note_editor_limits_and_cancel(
    qtbot: QtBot, window: MainWindow, controller: StaffController
) -> None:
    screen = pre_op(window)
    sign_in(qtbot, controller)
    click(qtbot, screen.cards[1].note_button)
    editor = controller.note_editor
    editor.editor.setPlainText("x" * (MAX_NOTE + 200))
    assert len(editor.editor.toPlainText()) == MAX_NOTE
    assert editor.count.text() == "1000 of 1000 characters"
    click(qtbot, editor.cancel)
    assert window.current_screen() is screen
    assert window.session.item("pre-op", screen.model.item(1).id).note == ""
    assert editor.editor.toPlainText() == ""


def test_sign_off(
    qtbot: QtBot,
    window: MainWindow,
    controller: StaffController,
    sessions: SessionStore,
    db: Database,
) -> None:
    screen = pre_op(window)
    click(qtbot, screen.cards[0].done)  # the patient
    sign_in(qtbot, controller)
    assert screen.sign_off.text() == "Sign off this checklist"
    assert not screen.signed_box.isVisible()
    click(qtbot, screen.sign_off)
    panel = controller.sign_off_panel
    assert window.stack.currentWidget() is panel
    assert panel.attestation.text() == ATTESTATION
    assert panel.signer.text() == "Signed by: Ana Ruiz (Nurse)"
    assert panel.method.text() == "Method: PIN"
    assert panel.time.text().startswith("Time: ")
    assert panel.pin.echoMode() is panel.pin.EchoMode.Password

    for digit in OTHER_PIN:
        click(qtbot, panel.keypad.keys[digit])
    click(qtbot, panel.sign)
    assert panel.message.text() == WRONG
    assert panel.pin.text() == ""
    assert "pre-op" not in window.session.signoffs
    assert window.stack.currentWidget() is panel

    for digit in PIN:
        click(qtbot, panel.keypad.keys[digit])
    click(qtbot, panel.sign)
    assert window.current_screen() is screen
    signed = window.session.signoffs["pre-op"]
    assert (signed.name, signed.role, signed.method) == ("Ana Ruiz", "Nurse", "PIN")
    assert signed.attestation == ATTESTATION
    assert screen.signed_box.isVisible()
    assert screen.signed.text().startswith("✓ Signed by Ana Ruiz (Nurse) on ")
    assert window.session.id is not None
    assert "pre-op" in sessions.resume(window.session.id, window.content).signoffs
    assert "sign-off" in audit_actions(db)

    # After sign-out the patient sees the sign-off and cannot change the list.
    click(qtbot, controller.bar.sign_out)
    assert screen.signed.text().startswith("✓ Signed by Ana Ruiz (Nurse) on ")
    assert not screen.sign_off.isVisible()
    assert all(not card.done.isEnabled() for card in screen.cards)
    assert all(not card.question.isEnabled() for card in screen.cards)

    # A nurse's change afterwards: the sign-off goes to history; a new one is needed.
    sign_in(qtbot, controller)
    click(qtbot, screen.cards[2].done)
    assert window.session.status("pre-op", screen.model.item(2).id) is ItemStatus.DONE
    assert "pre-op" not in window.session.signoffs
    assert [s.checklist_id for s in window.session.signoff_history] == ["pre-op"]
    assert screen.signed.text() == "Changed after it was signed off: it needs a new sign-off."
    assert screen.signed_box.property("role") == "question"
    saved = sessions.resume(window.session.id, window.content)
    assert "pre-op" not in saved.signoffs and len(saved.signoff_history) == 1
    # and the patient can change it again, as it is no longer signed
    click(qtbot, controller.bar.sign_out)
    assert not screen.signed_box.isVisible()
    assert screen.cards[3].done.isEnabled()


def test_sign_off_cancel_and_empty_pin(
    qtbot: QtBot, window: MainWindow, controller: StaffController
) -> None:
    screen = pre_op(window)
    sign_in(qtbot, controller)
    click(qtbot, screen.sign_off)
    panel = controller.sign_off_panel
    click(qtbot, panel.sign)
    assert panel.message.text() == "Enter your PIN to sign."
    click(qtbot, panel.cancel)
    assert window.current_screen() is screen
    assert window.session.signoffs == {}
