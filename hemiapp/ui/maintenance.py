"""What the station shows when the database cannot be used: nothing more is taken in."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from hemiapp.ui.theme import NORMAL, TextSize, stylesheet
from hemiapp.ui.widgets import label, set_text


class MaintenancePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("maintenance")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(20)
        self.heading = label("heading")
        self.advice = label()
        self.details = label("muted")
        layout.addWidget(self.heading)
        layout.addWidget(self.advice)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.show_problem("")

    def show_problem(self, message: str) -> None:
        set_text(self.heading, self.tr("This station needs attention"))
        set_text(
            self.advice,
            self.tr(
                "Your answers so far are saved, but nothing more can be saved right now. "
                "Please ask the front desk for help."
            ),
        )
        set_text(self.details, self.tr("For staff: %1").replace("%1", message))


class MaintenanceWindow(QMainWindow):
    """Shown at start-up when the database cannot be opened."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("HemiGuide"))
        self.page = MaintenancePage()
        self.page.show_problem(message)
        self.setCentralWidget(self.page)
        self.setStyleSheet(stylesheet(NORMAL, TextSize.NORMAL))
