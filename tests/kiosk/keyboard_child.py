"""The kiosk with the on-screen keyboard on a real X display: a staff member taps "ana" into
the staff ID field on the keyboard. Prints one JSON line with what happened.

Run by tests/kiosk/test_keyboard.py: ``python -m tests.kiosk.keyboard_child DB CONFIG``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterator

from hemiapp.kiosk import keyboard


def wait(check: Callable[[], object], seconds: float = 10.0) -> bool:
    from PySide6.QtTest import QTest

    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            return False
        QTest.qWait(20)
    return True


def main() -> int:
    note = keyboard.choose(None, kiosk=True)  # as hemiapp --kiosk does, before Qt starts

    from PySide6.QtCore import QPoint, Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQuick import QQuickItem, QQuickView
    from PySide6.QtTest import QTest

    from hemiapp.ui.staff.controller import StaffController
    from tests.kiosk.x11_child import open_kiosk

    app, window, lock = open_kiosk()
    staff = window.findChild(StaffController)
    assert staff is not None
    wait(window.isActiveWindow)
    staff.open_sign_in()
    field = staff.sign_in_panel.staff_id
    method = QGuiApplication.inputMethod()
    QTest.mouseClick(field, Qt.MouseButton.LeftButton)  # a tap on the field asks for it

    def panel() -> QQuickView | None:
        for shown in QGuiApplication.topLevelWindows():
            if "InputView" in shown.metaObject().className() and shown.isVisible():
                assert isinstance(shown, QQuickView), type(shown)
                return shown
        return None

    shown = wait(lambda: method.isVisible() and panel() is not None)
    typed: list[str] = []
    view = panel()
    if shown and view is not None:
        QTest.qWaitForWindowExposed(view)
        QTest.qWait(500)  # the keyboard slides in

        def items(item: QQuickItem) -> Iterator[QQuickItem]:
            yield item
            for child in item.childItems():
                yield from items(child)

        for key in (Qt.Key.Key_A, Qt.Key.Key_N, Qt.Key.Key_A):
            target = next(
                (
                    i
                    for i in items(view.contentItem())
                    if i.property("key") == int(key.value) and i.isVisible() and i.width() > 0
                ),
                None,
            )
            if target is None:
                break
            centre = target.mapToScene(target.boundingRect().center()).toPoint()
            QTest.mouseClick(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                             QPoint(centre))  # fmt: skip
            QTest.qWait(100)
            typed.append(field.text())
    shot = os.environ.get("KEYBOARD_SHOT")  # to look at it: the whole X screen
    if shot:
        QGuiApplication.primaryScreen().grabWindow(0).save(shot)
    report = {
        "note": note,
        "im_module": os.environ.get(keyboard.ENV),
        "keyboard_shown": shown,
        "typed": typed,
        "text": field.text(),
        "still_locked": lock.locked and window.isFullScreen(),
    }
    print(json.dumps(report), flush=True)
    # Once the keyboard has been shown, the app must leave through its event loop (the
    # keyboard tears its window down on aboutToQuit), as hemiapp.app.run does.
    lock.quitting = True
    QTimer.singleShot(0, app.quit)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
