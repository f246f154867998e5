"""The real app in kiosk mode on a real X display, reporting on stdin's request what it saw.

Run by tests/kiosk/test_lockdown_x11.py: ``python -m tests.kiosk.x11_child DB CONFIG``.
It answers each line on stdin with one JSON line:

* ``state``: full-screen or not, the window state, whether a popup (a menu) is open, the
  visible top-level widgets, the page on screen, and every input it has seen so far;
* ``where NAME``: the global centre of the widget with that object name; ``scrollbar``: of
  the first scroll bar on screen.

Keys are recorded at each ShortcutOverride and KeyPress, to the window or a widget (the
lock swallows a blocked key at the first of these). The inputs are recorded by an
application event filter installed after the kiosk lock's, so it sees each event first:
once the parent reads "key:Esc" in ``seen``, the lock has had its turn at that event too.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSocketNotifier
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QScrollBar, QWidget

from hemiapp.app import build_window
from hemiapp.kiosk.lockdown import KioskLock
from hemiapp.ui.main_window import MainWindow


class Recorder(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.window = window
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        keys = (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
        if kind in keys and isinstance(event, QKeyEvent):
            combo = event.keyCombination().toCombined()
            self.seen.append("key:" + QKeySequence(combo).toString())
        elif kind == QEvent.Type.Close and watched is self.window:
            self.seen.append("close")
        elif kind == QEvent.Type.ContextMenu:
            self.seen.append("context")
        return False


def open_kiosk() -> tuple[QApplication, MainWindow, KioskLock]:
    """The app as ``hemiapp --kiosk DB CONFIG`` makes it (argv: DB CONFIG), shown locked on
    the X display (shared with keyboard_child.py)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("config", type=Path)
    opts = parser.parse_args()
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    app = QApplication(["hemiapp"])
    args = argparse.Namespace(content=None, config=opts.config, db=opts.db, kiosk=True)
    window = build_window(args)
    lock = window.findChild(KioskLock)
    assert isinstance(window, MainWindow) and lock is not None
    window.resize(1280, 800)
    lock.show()
    return app, window, lock


def main() -> int:
    app, window, _lock = open_kiosk()
    recorder = Recorder(window)
    app.installEventFilter(recorder)  # after the lock's: called first

    def answer() -> None:
        line = sys.stdin.readline()
        if not line:
            app.exit(0)  # the test closed our stdin: done
            return
        command, _, name = line.strip().partition(" ")
        if command in ("where", "scrollbar"):
            if command == "where":
                widget = window.findChild(QWidget, name)
            else:  # the first scroll bar on screen (it has a right-click menu of its own)
                bars = window.findChildren(QScrollBar)
                widget = next((b for b in bars if b.isVisible() and b.maximum() > 0), None)
            assert widget is not None, line
            centre = widget.mapToGlobal(widget.rect().center())
            reply: object = {"x": centre.x(), "y": centre.y()}
        else:
            popup = QApplication.activePopupWidget()
            reply = {
                "fullscreen": window.isFullScreen(),
                "state": int(window.windowState().value),
                "popup": popup is not None,
                "toplevels": sorted(
                    type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()
                ),
                "page": window.stack.currentWidget().objectName(),
                "seen": recorder.seen,
            }
        print(json.dumps(reply), flush=True)

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(answer)
    print(json.dumps({"ready": True}), flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
