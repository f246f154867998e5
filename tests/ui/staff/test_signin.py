"""Staff sign-in: keypad, PIN never shown, messages for wrong, unknown and locked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from hemiapp.store.db import Database
from hemiapp.store.staff import SignInError
from hemiapp.ui.i18n import Translations
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.staff.controller import StaffController
from hemiapp.ui.staff.signin import sign_in_error_text
from tests.ui.staff.conftest import OTHER_PIN, PIN, audit_actions, click, sign_in, type_pin

WRONG = "The staff ID or PIN is not right. Please try again."


def test_keypad_types_into_the_focused_field(qtbot: QtBot, controller: StaffController) -> None:
    click(qtbot, controller.bar.staff_button)
    panel = controller.sign_in_panel
    assert panel.pin.echoMode() is QLineEdit.EchoMode.Password
    panel.pin.setFocus()
    for key in ("4", "0", "7", "1"):
        click(qtbot, panel.keypad.keys[key])
    assert panel.pin.text() == "4071"
    assert panel.pin.hasFocus()  # the keys never take the focus
    click(qtbot, panel.keypad.keys["delete"])
    assert panel.pin.text() == "407"
    panel.staff_id.setFocus()
    click(qtbot, panel.keypad.keys["9"])
    assert panel.staff_id.text() == "9"
    assert panel.pin.text() == "407"
    click(qtbot, panel.keypad.keys["clear"])
    assert panel.staff_id.text() == ""
    # a physical keyboard types digits too, and the PIN field takes nothing else
    panel.pin.setFocus()
    qtbot.keyClicks(panel.pin, "12ab3")
    assert panel.pin.text() == "407123"
    assert panel.pin.displayText() != panel.pin.text()  # never shown


def test_sign_in_shows_who_in_the_top_bar(
    qtbot: QtBot, window: MainWindow, controller: StaffController, db: Database
) -> None:
    shown_before = window.stack.currentWidget()
    assert not controller.bar.isVisible()
    assert controller.bar.staff_button.accessibleName() == "Staff sign-in"
    sign_in(qtbot, controller)
    assert controller.member is not None and controller.member.name == "Ana Ruiz"
    assert controller.bar.isVisible()
    assert controller.bar.who.text() == "Ana Ruiz (Nurse)"
    assert controller.bar.sign_out.isVisible() and controller.bar.menu.isVisible()
    assert not controller.bar.staff_button.isVisible()
    assert window.stack.currentWidget() is shown_before  # back where the nurse was
    assert window.session.actor is not None and window.session.actor.name == "Ana Ruiz"
    assert all(screen.model.staff_mode for screen in window.checklist_screens)
    assert controller.sign_in_panel.pin.text() == ""
    assert controller.sign_in_panel.staff_id.text() == ""
    assert audit_actions(db)[-1] == "login"


def test_wrong_pin_is_refused_and_the_pin_cleared(
    qtbot: QtBot, controller: StaffController
) -> None:
    sign_in(qtbot, controller, pin=OTHER_PIN)
    panel = controller.sign_in_panel
    assert controller.member is None
    assert panel.message.text() == WRONG
    assert panel.message_box.isVisible()
    assert panel.pin.text() == ""
    assert panel.staff_id.text() == "ana"  # kept, for the next try
    type_pin(qtbot, controller, PIN)
    click(qtbot, panel.sign_in)
    assert controller.member is not None


def test_unknown_staff_id_reads_like_a_wrong_pin(qtbot: QtBot, controller: StaffController) -> None:
    sign_in(qtbot, controller, staff_id="nobody")
    assert controller.member is None
    assert controller.sign_in_panel.message.text() == WRONG
    assert controller.sign_in_panel.pin.text() == ""


def test_five_wrong_pins_lock_the_account(
    qtbot: QtBot, controller: StaffController, db: Database
) -> None:
    panel = controller.sign_in_panel
    sign_in(qtbot, controller, pin=OTHER_PIN)
    for _ in range(3):
        type_pin(qtbot, controller, OTHER_PIN)
        click(qtbot, panel.sign_in)
        assert panel.message.text() == WRONG
    type_pin(qtbot, controller, OTHER_PIN)
    click(qtbot, panel.sign_in)  # the fifth
    assert panel.message.text() == "Too many tries. Try again in 30 seconds."
    type_pin(qtbot, controller, PIN)  # even the right PIN now waits
    click(qtbot, panel.sign_in)
    assert controller.member is None
    assert panel.message.text().startswith("Too many tries. Try again in ")
    assert panel.message.text().endswith(" seconds.")
    assert "lockout" in audit_actions(db)


def test_empty_fields_and_enter(qtbot: QtBot, controller: StaffController) -> None:
    click(qtbot, controller.bar.staff_button)
    panel = controller.sign_in_panel
    click(qtbot, panel.sign_in)
    assert panel.message.text() == "Enter your staff ID and your PIN."
    qtbot.keyClicks(panel.staff_id, "ana")
    qtbot.keyClick(panel.staff_id, Qt.Key.Key_Return)
    assert panel.pin.hasFocus()
    qtbot.keyClicks(panel.pin, PIN)
    qtbot.keyClick(panel.pin, Qt.Key.Key_Return)
    assert controller.member is not None


def test_cancel_goes_back_and_forgets(
    qtbot: QtBot, window: MainWindow, controller: StaffController
) -> None:
    window.show_screen(2)
    click(qtbot, controller.bar.staff_button)
    panel = controller.sign_in_panel
    qtbot.keyClicks(panel.staff_id, "ana")
    type_pin(qtbot, controller, "1234")
    click(qtbot, panel.cancel)
    assert window.current_screen() is window.quiz
    assert panel.staff_id.text() == "" and panel.pin.text() == ""
    assert controller.member is None


def test_no_pin_in_the_database_or_audit(
    qtbot: QtBot, controller: StaffController, db: Database
) -> None:
    sign_in(qtbot, controller, pin=OTHER_PIN)
    type_pin(qtbot, controller, PIN)
    click(qtbot, controller.sign_in_panel.sign_in)
    dump = "\n".join(db.connection.iterdump())
    assert PIN not in dump and OTHER_PIN not in dump


@pytest.mark.parametrize(
    ("language", "seconds", "wanted"),
    [
        ("en", 1, "Too many tries. Try again in 1 second."),
        ("en", 2, "Too many tries. Try again in 2 seconds."),
        ("en", 120, "Too many tries. Try again in 2 minutes."),
        ("es", 1, "Demasiados intentos. Vuelva a intentarlo en 1 segundo."),
        ("es", 2, "Demasiados intentos. Vuelva a intentarlo en 2 segundos."),
        ("es", 120, "Demasiados intentos. Vuelva a intentarlo en 2 minutos."),
    ],
)
def test_the_wait_is_said_with_plurals(
    qtbot: QtBot, language: str, seconds: int, wanted: str
) -> None:
    Translations().set_language(language)
    error = SignInError("locked", "locked", retry_after_seconds=seconds)
    assert sign_in_error_text(error) == wanted


def test_signing_in_over_the_review_shows_its_staff_buttons_on_return(
    qtbot: QtBot, window: MainWindow, controller: StaffController
) -> None:
    """The sign-in page covers the review; the review follows the session's actor_changed
    itself, so going back shows its staff-only buttons (and its lists) without a refresh."""
    window.enable_printing()
    review = window.review
    window.show_screen(window.screens.index(review))
    listed = review.entries("pre-op", "open")
    assert listed and not review.preview_button.isVisible()
    sign_in(qtbot, controller)  # (the Staff button: the sign-in page over the review)
    assert window.stack.currentWidget() is review
    assert review.preview_button.isVisible() and review.pdf_button.isVisible()
    assert review.entries("pre-op", "open") == listed
    assert len(review.cards) == len(window.checklist_screens)
    click(qtbot, controller.bar.sign_out)
    assert not review.preview_button.isVisible() and not review.pdf_button.isVisible()
    assert review.entries("pre-op", "open") == listed
    window.finish()  # the next visit: the review follows the new session's events
    window.show_screen(window.screens.index(review))
    sign_in(qtbot, controller)
    assert window.stack.currentWidget() is review
    assert review.preview_button.isVisible() and review.pdf_button.isVisible()
