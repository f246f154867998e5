"""The floor: a bare PySide6 ``QMainWindow``, 1280×800, shown and painted once.

Run as a script (``python tests/bench/bare_window.py``) by tests/bench/startup.py and
tests/bench/idle.py. With ``HEMIAPP_EXIT_WHEN_READY`` set it prints
``hemiapp-ready <epoch seconds>`` after its first paint and quits, by the same mechanism
as the app (hemiapp.app.FirstPaint: an event filter on Paint, then a zero-delay timer so
the paint has been done); without it, it stays open (for the idle benchmark).
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


class FirstPaint(QObject):
    def __init__(self, screen: QWidget) -> None:
        super().__init__(screen)
        screen.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._ready)  # after this paint has been done
        return False

    def _ready(self) -> None:
        if os.environ.get("HEMIAPP_EXIT_WHEN_READY"):
            print(f"hemiapp-ready {time.time():.6f}", flush=True)
            QApplication.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    FirstPaint(window)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
