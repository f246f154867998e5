"""The end of a visit: "Are you finished?", then a short closing screen, then Welcome.

Both are pages of the main window's stack (no dialog that blocks, nothing over a locked
kiosk). The closing screen shows nothing of the patient: the visit is already wiped
when it appears; it only says whether the checklist was printed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from hemiapp.ui.widgets import FollowsLanguage, button, label, set_text

CLOSING_SECONDS = 15  # the closing screen, then Welcome for the next patient


def _centred_page(page: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(page)
    layout.setContentsMargins(48, 48, 48, 48)
    layout.setSpacing(24)
    layout.addStretch(1)
    return layout


class QuestionPage(QWidget):
    """A question the whole screen asks: a heading, a line of text, No and Yes."""

    #: The patient answered: True for Yes.
    answered = Signal(bool)

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        layout = _centred_page(self)
        self.heading = label("heading")
        self.text = label()
        for each in (self.heading, self.text):
            each.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(each)
        row = QHBoxLayout()
        row.setSpacing(24)
        self.no = button()
        self.no.setObjectName(f"{object_name}-no")
        self.no.clicked.connect(lambda: self.answered.emit(False))
        self.yes = button("primary")
        self.yes.setObjectName(f"{object_name}-yes")
        self.yes.clicked.connect(lambda: self.answered.emit(True))
        row.addStretch(1)
        for choice in (self.no, self.yes):
            choice.setMinimumSize(240, 76)
            row.addWidget(choice)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)


class FinishConfirm(FollowsLanguage, QuestionPage):
    """Are you finished? Yes ends the visit; No goes back to the review. (The closing page
    does not follow the language: it keeps the visit's after the wipe.)"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("finish", parent)
        self.retranslate()

    def retranslate(self) -> None:
        set_text(self.heading, self.tr("Are you finished?"))
        set_text(
            self.text,
            self.tr("When you finish, your answers are cleared from this screen."),
        )
        set_text(self.no, self.tr("No, go back"))
        set_text(self.yes, self.tr("Yes, I am finished"))


class ClosingPage(QWidget):
    """Thank you, and whether the checklist was printed; Welcome after a while or a tap."""

    #: Time is up, or the screen was tapped.
    done = Signal()

    def __init__(self, seconds: int = CLOSING_SECONDS, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closing")
        self.seconds = seconds
        layout = _centred_page(self)
        self.heading = label("heading")
        self.printed = label("subheading")
        self.printed.setObjectName("closing-printed")
        self.desk = label()
        self.desk.setObjectName("closing-desk")
        self.restart = label("muted")
        for each in (self.heading, self.printed, self.desk, self.restart):
            each.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(each)
        self.start_again = button("primary")
        self.start_again.setObjectName("start-again")
        self.start_again.setMinimumSize(240, 76)
        self.start_again.clicked.connect(self._done)
        layout.addWidget(self.start_again, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._done)

    def start(self, *, printed: bool) -> None:
        """Show the texts in the current language (the visit's, still) and start the wait."""
        set_text(self.heading, self.tr("Thank you"))
        set_text(self.printed, self.tr("Your checklist is printed. Please take your pages."))
        self.printed.setVisible(printed)
        if printed:
            desk = self.tr("Please see the front desk if you have questions.")
        else:
            desk = self.tr("Please see the front desk. They can print your checklist.")
        set_text(self.desk, desk)
        set_text(
            self.restart,
            self.tr("This screen starts again in %n seconds.", "", self.seconds),
        )
        set_text(self.start_again, self.tr("Start again"))
        self.timer.start(self.seconds * 1000)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._done()  # a tap anywhere
        super().mousePressEvent(event)

    def _done(self) -> None:
        self.timer.stop()
        self.done.emit()
