"""The large "Are you still there?" page with its countdown and "I'm still here"."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from hemiapp.ui.widgets import button, label, set_text


class StillTherePage(QWidget):
    still_here = Signal()
    expired = Signal()

    def __init__(self, seconds: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("still-there")
        self.seconds = seconds
        self.left = seconds
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addStretch(1)
        self.heading = label("heading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counter = label("countdown")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explanation = label()
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.here = button("primary")
        self.here.setObjectName("still-here")
        self.here.setMinimumSize(360, 120)
        self.here.clicked.connect(self._still_here)
        layout.addWidget(self.heading)
        layout.addWidget(self.counter)
        layout.addWidget(self.explanation)
        layout.addSpacing(24)
        layout.addWidget(self.here, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._tick)

    def start(self) -> None:
        self.left = self.seconds
        self.refresh()
        self.tick.start()

    def stop(self) -> None:
        self.tick.stop()

    def _tick(self) -> None:
        self.left -= 1
        self.refresh()
        if self.left <= 0:
            self.tick.stop()
            self.expired.emit()

    def _still_here(self) -> None:
        self.tick.stop()
        self.still_here.emit()

    def refresh(self) -> None:
        set_text(self.heading, self.tr("Are you still there?"))
        set_text(self.counter, str(max(self.left, 0)))
        set_text(
            self.explanation,
            self.tr(
                "To keep your information private, this visit will end in %n seconds "
                "and the screen will start again.",
                "",
                max(self.left, 0),
            ),
        )
        set_text(self.here, self.tr("I'm still here"))
