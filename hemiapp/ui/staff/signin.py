"""Staff sign-in: staff ID and PIN (typed or on the keypad), checked by the staff store.

The PIN is never shown, logged or kept: the field is cleared after every attempt.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from hemiapp.store.db import StoreError
from hemiapp.store.staff import PIN_MAX, SignInError, StaffStore
from hemiapp.ui.staff.common import Page, line_edit
from hemiapp.ui.staff.keypad import Keypad
from hemiapp.ui.widgets import button, forget, label, scroll_area, set_text


def pin_field(object_name: str = "pin") -> QLineEdit:
    """A PIN field: digits only, never shown."""
    field = line_edit(object_name, max_length=PIN_MAX, hints=Qt.InputMethodHint.ImhDigitsOnly)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(f"[0-9]{{0,{PIN_MAX}}}")))
    field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    return field


class SignInWait(QObject):
    """How long a locked account waits, with plural forms (lupdate finds them in tr())."""

    def text(self, seconds: int) -> str:
        if seconds > 90:
            minutes = math.ceil(seconds / 60)
            return self.tr("Too many tries. Try again in %n minutes.", "", minutes)
        return self.tr("Too many tries. Try again in %n seconds.", "", seconds)


def sign_in_error_text(error: SignInError) -> str:
    """What to tell the person at the screen (an unknown ID reads as a wrong PIN)."""
    if error.kind == "locked":
        seconds = max(error.retry_after_seconds, 1)
        return SignInWait().text(seconds)
    if error.kind == "disabled":
        return QCoreApplication.translate(
            "SignInPanel", "This staff account is turned off. Please ask an administrator."
        )
    return QCoreApplication.translate(
        "SignInPanel", "The staff ID or PIN is not right. Please try again."
    )


class SignInPanel(Page):
    """Emits ``signed_in`` with the StaffMember, or ``cancelled``."""

    signed_in = Signal(object)  # StaffMember
    cancelled = Signal()

    def __init__(self, staff: StaffStore, parent: QWidget | None = None) -> None:
        super().__init__("staff-sign-in", parent)
        self.staff = staff
        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 12, 0)
        columns.setSpacing(40)
        form = QVBoxLayout()
        form.setSpacing(8)
        self.intro = label("muted")
        self.staff_id_label = label("strong")
        # An ID, not a sentence: an on-screen keyboard must not capitalise its first letter.
        self.staff_id = line_edit(
            "staff-id",
            max_length=32,
            hints=Qt.InputMethodHint.ImhNoAutoUppercase | Qt.InputMethodHint.ImhPreferLowercase,
        )
        self.pin_label = label("strong")
        self.pin = pin_field()
        self.staff_id.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.attempt)
        self.staff_id_label.setBuddy(self.staff_id)
        self.pin_label.setBuddy(self.pin)
        for widget in (self.intro, self.staff_id_label, self.staff_id, self.pin_label, self.pin):
            form.addWidget(widget)
        form.addSpacing(8)
        form.addWidget(self.message_box)
        actions = QHBoxLayout()
        self.cancel = button()
        self.cancel.setObjectName("cancel")
        self.cancel.clicked.connect(self._cancel)
        self.sign_in = button("primary")
        self.sign_in.setObjectName("sign-in")
        self.sign_in.clicked.connect(self.attempt)
        actions.addWidget(self.cancel)
        actions.addStretch(1)
        actions.addWidget(self.sign_in)
        form.addSpacing(8)
        form.addLayout(actions)
        form.addStretch(1)
        columns.addLayout(form, 3)
        self.keypad = Keypad([self.staff_id, self.pin])
        columns.addWidget(self.keypad, 2, Qt.AlignmentFlag.AlignTop)
        self.outer.addWidget(scroll_area(body), 1)
        self.retranslate()

    def open(self) -> None:
        """Start afresh: empty fields, no message, the cursor in the staff ID."""
        self.reset()
        self.staff_id.setFocus(Qt.FocusReason.OtherFocusReason)

    def reset(self) -> None:
        forget(self.staff_id)
        forget(self.pin)
        self.show_message("")
        self.keypad.set_targets([self.staff_id, self.pin])

    def _cancel(self) -> None:
        self.reset()
        self.cancelled.emit()

    def attempt(self) -> None:
        staff_id, pin = self.staff_id.text().strip(), self.pin.text()
        forget(self.pin)
        if not staff_id or not pin:
            self.show_message(self.tr("Enter your staff ID and your PIN."))
            (self.pin if staff_id else self.staff_id).setFocus()
            return
        try:
            member = self.staff.sign_in(staff_id, pin)
        except SignInError as exc:
            self.show_message(self.error_text(exc))
            self.pin.setFocus()
            return
        except StoreError as exc:
            self.reset()
            self.store_failed.emit(exc.message)
            return
        self.reset()
        self.signed_in.emit(member)

    def error_text(self, error: SignInError) -> str:
        return sign_in_error_text(error)

    def retranslate(self) -> None:
        set_text(self.heading, self.tr("Staff sign-in"))
        set_text(self.intro, self.tr("For clinic staff only. Patients: tap Cancel to go back."))
        set_text(self.staff_id_label, self.tr("Staff ID"))
        self.staff_id.setAccessibleName(self.tr("Staff ID"))
        set_text(self.pin_label, self.tr("PIN"))
        self.pin.setAccessibleName(self.tr("PIN"))
        set_text(self.cancel, self.tr("Cancel"))
        set_text(self.sign_in, self.tr("Sign in"))
        self.keypad.retranslate()
