"""What the station shows when the database cannot be used: nothing more is taken in.

The page says whether the visit's answers so far are saved (a problem in the middle of
a visit) or the station could not start (at start-up, before there were any). It
tries again by itself, waiting longer each time (2 s, 4 s, 8 s … up to a minute), and
"Try again" tries at once. Whoever shows the page does the trying (``retry_requested``)
and calls ``still_failing`` or ``stop``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from hemiapp.ui.theme import NORMAL, TextSize, stylesheet
from hemiapp.ui.widgets import FollowsLanguage, button, label, set_text

#: A retry that returns None worked; else it gives the problem's (new) message.
Retry = Callable[[], str | None]


class MaintenancePage(FollowsLanguage, QWidget):
    #: Time to try again (the timer ran out, or "Try again" was pressed).
    retry_requested = Signal()

    FIRST_RETRY_MS = 2000
    LAST_RETRY_MS = 60_000

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("maintenance")
        self.at_start = False
        self.message = ""
        self.delay_ms = self.FIRST_RETRY_MS
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.retry_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(20)
        self.heading = label("heading")
        self.advice = label()
        self.retry_button = button("primary")
        self.retry_button.setObjectName("try-again")
        self.retry_button.clicked.connect(self._try_now)
        self.status = label("muted")
        self.details = label("muted")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.heading)
        layout.addWidget(self.advice)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.retranslate()

    def show_problem(self, message: str, *, at_start: bool = False) -> None:
        """Say what is wrong, and start trying again by itself from the shortest wait."""
        self.message, self.at_start = message, at_start
        self.delay_ms = self.FIRST_RETRY_MS
        self._schedule()

    def still_failing(self, message: str) -> None:
        """A retry did not work: say so (the problem may have changed), wait longer."""
        self.message = message
        self.delay_ms = min(self.delay_ms * 2, self.LAST_RETRY_MS)
        self._schedule()

    def stop(self) -> None:
        """The problem is gone: no more retrying."""
        self.timer.stop()

    def _try_now(self) -> None:
        self.timer.stop()
        self.retry_requested.emit()

    def _schedule(self) -> None:
        self.timer.start(self.delay_ms)
        self.retranslate()

    def retranslate(self) -> None:
        set_text(self.heading, self.tr("This station needs attention"))
        if self.at_start:
            advice = self.tr(
                "HemiGuide cannot start right now. Please ask the front desk for help."
            )
        else:
            advice = self.tr(
                "Your answers so far are saved, but nothing more can be saved right now. "
                "Please ask the front desk for help."
            )
        set_text(self.advice, advice)
        set_text(self.retry_button, self.tr("Try again"))
        seconds = max(1, round(self.delay_ms / 1000))
        set_text(self.status, self.tr("It will try again by itself in %n seconds.", "", seconds))
        set_text(self.details, self.tr("For staff: %1").replace("%1", self.message))


class MaintenanceWindow(QMainWindow):
    """Shown at start-up when the database cannot be opened. ``retry`` tries to open it
    again; once it works, ``recovered`` is emitted (the app then starts for real)."""

    recovered = Signal()

    def __init__(
        self, message: str, parent: QWidget | None = None, *, retry: Retry | None = None
    ) -> None:
        super().__init__(parent)
        self.retry = retry
        self.setWindowTitle(self.tr("HemiGuide"))
        self.page = MaintenancePage()
        self.page.retry_requested.connect(self._retry)
        self.page.show_problem(message, at_start=True)
        if retry is None:  # nothing to try: no button, no timer
            self.page.stop()
            self.page.retry_button.hide()
            self.page.status.hide()
        self.setCentralWidget(self.page)
        self.setStyleSheet(stylesheet(NORMAL, TextSize.NORMAL))

    def _retry(self) -> None:
        problem = self.retry() if self.retry is not None else self.page.message
        if problem is None:
            self.page.stop()
            self.recovered.emit()
        else:
            self.page.still_failing(problem)
