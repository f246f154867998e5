"""What the app shows after an unexpected error: a calm message and the way back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from hemiapp.ui.widgets import FollowsLanguage, button, label, set_text


class CrashPage(FollowsLanguage, QWidget):
    """ "Something went wrong — please ask the front desk", and Back to the start."""

    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("something-went-wrong")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(20)
        self.heading = label("heading")
        self.advice = label()
        self.back = button("primary")
        self.back.setObjectName("back-to-start")
        self.back.clicked.connect(self.back_requested)
        layout.addWidget(self.heading)
        layout.addWidget(self.advice)
        layout.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        set_text(self.heading, self.tr("Something went wrong"))
        set_text(self.advice, self.tr("Please ask the front desk for help."))
        set_text(self.back, self.tr("Back to the start"))
