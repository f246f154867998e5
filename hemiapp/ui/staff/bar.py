"""Staff mode in the top bar: a discreet "Staff" button; once signed in, a row saying who
is signed in (and for which patient), with the staff menu and Sign out, and under it which
content files are not clinically approved yet (for staff only: patients never see it)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from hemiapp.content.models import ReviewStatus
from hemiapp.content.review import unapproved
from hemiapp.content.session import Session
from hemiapp.store.staff import StaffMember
from hemiapp.ui.flow import FlowLayout
from hemiapp.ui.i18n import every_translation
from hemiapp.ui.staffonly import staff_only
from hemiapp.ui.widgets import (
    FixedButton,
    FollowsLanguage,
    TopBar,
    button,
    fill,
    frame,
    label,
    set_text,
)

# Plain (not bold) text, at the text size like the rest of the top bar: discreet, and
# readable. Its box is sized once for its widest text at the largest size (FixedButton), so
# it moves nothing when the language or text size changes.
_DISCREET = "QPushButton { font-weight: normal; }"
# The row's buttons are as low as a touch target may be, so the row takes little height.
_ROW = "QPushButton { padding: 0px 14px; }"
NAME_SHOWN = 40  # characters of the patient's name shown in the bar (all of it is read out)


class StaffBar(FollowsLanguage, QWidget):
    """The row under the top bar's main one; shown only while a staff member is signed in."""

    sign_in_requested = Signal()
    menu_requested = Signal()
    sign_out_requested = Signal()

    def __init__(self, top_bar: TopBar) -> None:
        super().__init__()
        self.setObjectName("staff-bar")
        staff_only(self)
        self.member: StaffMember | None = None
        self.session: Session | None = None
        self.staff_button = FixedButton(every_translation("StaffBar", "Staff"), bold=False)
        self.staff_button.setObjectName("staff-button")
        self.staff_button.setStyleSheet(_DISCREET)
        self.staff_button.clicked.connect(self.sign_in_requested)
        top_bar.staff_slot.addSpacing(6)
        top_bar.staff_slot.addWidget(self.staff_button)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 0, 16, 8)
        box = frame("question")  # a colour of its own: nobody misses that staff mode is on
        box.setStyleSheet(_ROW)
        outer.addWidget(box)
        lines = QVBoxLayout(box)
        lines.setContentsMargins(12, 4, 12, 4)
        lines.setSpacing(0)
        row = FlowLayout(spacing=12)
        lines.addLayout(row)
        # Which content is not clinically approved yet; hidden when all of it is.
        self.draft = staff_only(label())
        self.draft.setObjectName("draft-notice")
        self.draft.setContentsMargins(0, 2, 0, 4)
        lines.addWidget(self.draft)
        self.mode = label(wrap=False)
        self.mode.setObjectName("staff-mode")
        self.who = label("strong", wrap=False)
        self.who.setObjectName("staff-name")
        self.patient = label(wrap=False)
        self.patient.setObjectName("staff-patient")
        self.menu = button()
        self.menu.setObjectName("staff-menu")
        self.menu.clicked.connect(self.menu_requested)
        self.sign_out = button()
        self.sign_out.setObjectName("sign-out")
        self.sign_out.clicked.connect(self.sign_out_requested)
        for widget in (self.mode, self.who, self.patient, self.menu, self.sign_out):
            widget.setMinimumHeight(48)  # labels too: centred on the buttons' line
            row.addWidget(widget)
        self.row = row
        top_bar.rows.addWidget(self)
        self.button_allowed = True
        self.show_member(None, None)

    def show_member(self, member: StaffMember | None, session: Session | None) -> None:
        self.member, self.session = member, session
        self.setVisible(member is not None)
        self.staff_button.setVisible(member is None and self.button_allowed)
        self.retranslate()
        self.draft.setVisible(member is not None and bool(self.draft.text()))

    def allow_button(self, allowed: bool) -> None:
        """Show the "Staff" button (not at a locked kiosk: staff use the corner there)."""
        self.button_allowed = allowed
        self.staff_button.setVisible(self.member is None and allowed)

    def retranslate(self) -> None:
        set_text(self.staff_button, self.tr("Staff"), self.tr("Staff sign-in"))
        self.staff_button.setToolTip(self.tr("Staff sign-in"))
        set_text(self.mode, self.tr("Staff mode:"))
        member, session = self.member, self.session
        who = fill(self.tr("%1 (%2)"), member.name, member.role) if member else ""
        set_text(self.who, who)
        patient = session.patient if session else None
        if patient is None:
            set_text(self.patient, self.tr("Patient: not named yet"))
        else:
            template = self.tr("Patient: %1, born %2")
            born = patient.date_of_birth.isoformat()
            name = patient.name
            short = name if len(name) <= NAME_SHOWN else name[: NAME_SHOWN - 1] + "…"
            set_text(self.patient, fill(template, short, born), fill(template, name, born))
        set_text(self.menu, self.tr("Staff menu"))
        set_text(self.sign_out, self.tr("Sign out"))
        set_text(self.draft, self.draft_notice())

    def draft_notice(self) -> str:
        """'Draft, not clinically approved: course 0.3.0, pre-op 0.3.0'; empty when all of
        it is approved."""
        files = unapproved(self.session.content) if self.session else []
        if not files:
            return ""
        statuses = {file.status for file in files}
        names = []
        for file in files:
            # a checklist goes by its id (pre-op 0.3.0): not a word to translate
            name = fill(self.tr("course %1"), file.version) if file.course else file.id
            if not file.course:
                name += f" {file.version}"
            if len(statuses) > 1:  # some drafts, some in review: say which is which
                in_review = file.status is ReviewStatus.IN_REVIEW
                name = fill(self.tr("%1 (in review)") if in_review else self.tr("%1 (draft)"), name)
            names.append(name)
        listed = ", ".join(names)
        if statuses == {ReviewStatus.IN_REVIEW}:
            return fill(self.tr("In review, not clinically approved: %1"), listed)
        if statuses == {ReviewStatus.DRAFT}:
            return fill(self.tr("Draft, not clinically approved: %1"), listed)
        return fill(self.tr("Not clinically approved: %1"), listed)
