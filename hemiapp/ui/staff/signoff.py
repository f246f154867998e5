"""Signing a checklist off: the attestation, who signs, when, how; the signer's PIN again.

Before the PIN, the page warns when items are not done yet ("Sign off anyway") and shows
the checklist's earlier sign-off (who, when), which a new one replaces.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from hemiapp.content.models import DEFAULT_LANGUAGE
from hemiapp.content.schedule import format_moment
from hemiapp.content.session import SignOff
from hemiapp.store.db import StoreError
from hemiapp.store.staff import SignInError, StaffMember, StaffStore
from hemiapp.ui.staff.common import Page
from hemiapp.ui.staff.keypad import Keypad
from hemiapp.ui.staff.signin import pin_field, sign_in_error_text
from hemiapp.ui.widgets import button, fill, forget, frame, label, scroll_area, set_text

METHOD = "PIN"


class SignOffPanel(Page):
    """Emits ``confirmed`` (checklist id, attestation as shown) once the PIN checked out."""

    confirmed = Signal(str, str)
    cancelled = Signal()

    def __init__(self, staff: StaffStore, parent: QWidget | None = None) -> None:
        super().__init__("sign-off-panel", parent)
        self.staff = staff
        self.member: StaffMember | None = None
        self.checklist_id = ""
        self.language = DEFAULT_LANGUAGE
        self.opened_at = datetime.now(UTC)
        self.not_done = 0  # items of the checklist not done yet
        self.earlier: SignOff | None = None  # the sign-off this one replaces
        self.changed_since = False  # ... which was taken back by a change after it
        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 12, 0)
        columns.setSpacing(40)
        left = QVBoxLayout()
        left.setSpacing(10)
        self.checklist = label("subheading")
        self.checklist.setObjectName("sign-off-checklist")
        left.addWidget(self.checklist)
        self.before = frame("warning")  # items not done; the earlier sign-off
        self.before.setObjectName("sign-off-before")
        before_layout = QVBoxLayout(self.before)
        before_layout.setContentsMargins(16, 8, 16, 8)
        self.not_done_text = label("strong")
        self.not_done_text.setObjectName("sign-off-not-done")
        self.earlier_text = label()
        self.earlier_text.setObjectName("sign-off-earlier")
        before_layout.addWidget(self.not_done_text)
        before_layout.addWidget(self.earlier_text)
        statement = frame("card")
        statement_layout = QVBoxLayout(statement)
        statement_layout.setContentsMargins(20, 16, 20, 16)
        self.attestation = label("strong")
        self.attestation.setObjectName("attestation")
        statement_layout.addWidget(self.attestation)
        left.addWidget(statement)
        self.signer = label()
        self.signer.setObjectName("signer")
        self.time = label()
        self.time.setObjectName("sign-off-time")
        self.method = label()
        self.method.setObjectName("sign-off-method")
        self.pin_label = label("strong")
        self.pin = pin_field("sign-off-pin")
        self.pin.returnPressed.connect(self.attempt)
        self.pin_label.setBuddy(self.pin)
        for widget in (self.signer, self.time, self.method, self.pin_label, self.pin):
            left.addWidget(widget)
        left.addWidget(self.message_box)
        actions = QHBoxLayout()
        self.cancel = button()
        self.cancel.setObjectName("cancel-sign-off")
        self.cancel.clicked.connect(self._cancel)
        self.sign = button("primary")
        self.sign.setObjectName("confirm-sign-off")
        self.sign.clicked.connect(self.attempt)
        actions.addWidget(self.cancel)
        actions.addStretch(1)
        actions.addWidget(self.sign)
        left.addLayout(actions)
        left.addStretch(1)
        columns.addLayout(left, 3)
        self.keypad = Keypad([self.pin])
        right = QVBoxLayout()  # the warnings above the keypad: the PIN stays in view
        right.setSpacing(10)
        right.addWidget(self.before)
        right.addStretch(1)
        right.addWidget(self.keypad)
        columns.addLayout(right, 2)
        self.outer.addWidget(scroll_area(body), 1)
        self.retranslate()

    def open(
        self,
        checklist_id: str,
        title: str,
        member: StaffMember,
        language: str,
        *,
        not_done: int = 0,
        earlier: SignOff | None = None,
        changed_since: bool = False,
    ) -> None:
        """``not_done``: items not done yet; ``earlier``: the checklist's sign-off now (or,
        ``changed_since``, the last one before a change took it back)."""
        self.checklist_id, self.member, self.language = checklist_id, member, language
        self.not_done, self.earlier, self.changed_since = not_done, earlier, changed_since
        self.opened_at = datetime.now(UTC)
        set_text(self.checklist, title)
        forget(self.pin)
        self.show_message("")
        self.retranslate()
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def reset(self) -> None:
        self.member, self.checklist_id = None, ""
        self.not_done, self.earlier, self.changed_since = 0, None, False
        set_text(self.checklist, "")
        forget(self.pin)
        self.show_message("")
        self.retranslate()

    def _cancel(self) -> None:
        self.reset()
        self.cancelled.emit()

    def attempt(self) -> None:
        pin = self.pin.text()
        forget(self.pin)
        member = self.member
        if member is None:
            return
        if not pin:
            self.show_message(self.tr("Enter your PIN to sign."))
            self.pin.setFocus()
            return
        try:
            self.staff.sign_in(member.staff_id, pin)
        except SignInError as exc:
            self.show_message(sign_in_error_text(exc))
            self.pin.setFocus()
            return
        except StoreError as exc:
            self.store_failed.emit(exc.message)
            return
        self.confirmed.emit(self.checklist_id, self.attestation.text())

    def retranslate(self) -> None:
        set_text(self.heading, self.tr("Sign off this checklist"))
        set_text(
            self.attestation,
            self.tr(
                "I have gone through this checklist with the patient and answered their questions."
            ),
        )
        member = self.member
        who = fill(self.tr("%1 (%2)"), member.name, member.role) if member else ""
        set_text(self.signer, fill(self.tr("Signed by: %1"), who))
        set_text(self.time, fill(self.tr("Time: %1"), format_moment(self.opened_at, self.language)))
        set_text(self.method, fill(self.tr("Method: %1"), self.tr("PIN")))
        set_text(self.pin_label, self.tr("Enter your PIN to sign"))
        self.pin.setAccessibleName(self.tr("Your PIN"))
        set_text(self.cancel, self.tr("Cancel"))
        set_text(self.sign, self.tr("Sign off anyway") if self.not_done else self.tr("Sign off"))
        self.keypad.retranslate()
        self._show_before()

    def _show_before(self) -> None:
        """The warnings above the statement: items not done, the sign-off this replaces."""
        not_done = ""
        if self.not_done:
            not_done = self.tr(
                "%n items on this checklist are not done yet. Sign off only if you have gone "
                "through them with the patient.",
                "",
                self.not_done,
            )
        set_text(self.not_done_text, not_done)
        self.not_done_text.setVisible(bool(not_done))
        earlier, text = self.earlier, ""
        if earlier is not None:
            when = format_moment(earlier.signed_at, self.language)
            if self.changed_since:
                template = self.tr(
                    "Signed off before by %1 (%2) on %3, then changed. This sign-off replaces it."
                )
            else:
                template = self.tr(
                    "Already signed off by %1 (%2) on %3. Signing again replaces that sign-off "
                    "(both stay in the record)."
                )
            text = fill(template, earlier.name, earlier.role, when)
        set_text(self.earlier_text, text)
        self.earlier_text.setVisible(bool(text))
        self.before.setVisible(bool(not_done or text))
