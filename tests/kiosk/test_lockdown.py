"""Kiosk lockdown, offscreen: what reaches the app is swallowed, and only signed-in staff
leave or quit. (The window manager's part is in test_lockdown_x11.py, under real X.)"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from hemiapp.content.models import Content
from hemiapp.content.session import PatientDetails
from hemiapp.kiosk import lockdown
from hemiapp.kiosk.lockdown import KioskLock
from hemiapp.store.db import Database
from hemiapp.store.sessions import SessionStore
from hemiapp.ui.datepicker import DatePicker
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.staff.controller import StaffController
from tests.ui.staff.conftest import audit_actions, click, settle, sign_in, type_pin

KIOSK_FLAGS = Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint


MODIFIER_KEYS = {Qt.Key.Key_Alt, Qt.Key.Key_Control, Qt.Key.Key_Shift}


class KeysSeen(QObject):
    """The keys (not the modifier keys themselves) a widget was sent."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[int] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        is_key = event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
        if is_key and event.key() not in MODIFIER_KEYS:
            self.keys.append(event.key())
        return False


def test_locked_is_full_screen_frameless_on_top_without_cursor(
    qtbot: QtBot, window: MainWindow, lock: KioskLock
) -> None:
    qtbot.waitUntil(window.isFullScreen)
    assert window.windowFlags() & KIOSK_FLAGS == KIOSK_FLAGS
    cursor = QGuiApplication.overrideCursor()
    assert cursor is not None and cursor.shape() is Qt.CursorShape.BlankCursor
    assert not lock.controls.isVisible()  # no Leave or Quit for a patient
    assert not lock.staff.bar.staff_button.isVisible()  # staff use the corner


def test_close_does_nothing(qtbot: QtBot, window: MainWindow, lock: KioskLock) -> None:
    assert window.close() is False
    QApplication.quit()  # Qt asks every window to close first: this one says no
    settle()
    assert window.isVisible() and window.isFullScreen()


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    ],
    ids=["Escape", "F11", "Alt+F4", "Ctrl+Q", "Ctrl+W"],
)
def test_escape_keys_never_reach_the_app(
    qtbot: QtBot,
    window: MainWindow,
    lock: KioskLock,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier,
) -> None:
    target = window.welcome.start
    target.setFocus()
    seen = KeysSeen()
    target.installEventFilter(seen)
    qtbot.keyClick(target, key, modifiers)
    qtbot.keyClick(target, Qt.Key.Key_A)  # an ordinary key still arrives
    assert seen.keys == [Qt.Key.Key_A]
    assert window.isFullScreen()


def test_context_menus_do_not_open(qtbot: QtBot, window: MainWindow, lock: KioskLock) -> None:
    lock.staff.open_sign_in()  # the one text field a kiosk patient can reach
    field = lock.staff.sign_in_panel.staff_id
    plain = QLineEdit(window)  # and any other: Qt gives every text field a menu
    plain.show()
    for widget in (field, plain):
        spot = QPoint(5, 5)
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, spot, widget.mapToGlobal(spot))
        QApplication.sendEvent(widget, event)
        settle()
        assert QApplication.activePopupWidget() is None


def test_a_long_press_in_the_corner_opens_the_keypad(
    qtbot: QtBot, window: MainWindow, lock: KioskLock, monkeypatch: pytest.MonkeyPatch
) -> None:
    corner = window.top_bar.title
    spot = corner.mapTo(window, QPoint(4, 4))
    assert spot.x() < lockdown.CORNER_PX and spot.y() < lockdown.CORNER_PX
    qtbot.mouseClick(corner, Qt.MouseButton.LeftButton, pos=QPoint(4, 4))  # a tap: nothing
    assert not lock.long_press.isActive()
    qtbot.mousePress(window.welcome.start, Qt.MouseButton.LeftButton)  # elsewhere: nothing
    assert not lock.long_press.isActive()
    qtbot.mouseRelease(window.welcome.start, Qt.MouseButton.LeftButton)
    lock.long_press.setInterval(200)
    qtbot.mousePress(corner, Qt.MouseButton.LeftButton, pos=QPoint(4, 4))
    qtbot.waitUntil(lambda: window.stack.currentWidget() is lock.staff.sign_in_panel)
    qtbot.mouseRelease(corner, Qt.MouseButton.LeftButton, pos=QPoint(4, 4))
    assert window.isFullScreen()


def test_only_signed_in_staff_leave_and_signing_out_locks_again(
    qtbot: QtBot, window: MainWindow, lock: KioskLock, db: Database
) -> None:
    lock.unlock()  # nobody signed in: refused
    lock.quit()
    assert lock.locked and window.isFullScreen() and not lock.quitting
    lock.staff.open_sign_in()
    panel = lock.staff.sign_in_panel
    qtbot.keyClicks(panel.staff_id, "ana")
    type_pin(qtbot, lock.staff, "4071958263")
    click(qtbot, panel.sign_in)
    assert not lock.controls.isVisible()  # not in the staff bar: in the staff menu
    open_kiosk_section(qtbot, lock)
    assert lock.controls.isVisible() and lock.leave_button.isVisible()
    click(qtbot, lock.leave_button)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.windowFlags() & KIOSK_FLAGS == Qt.WindowType.Widget
    assert QGuiApplication.overrideCursor() is None
    assert lock.staff.bar.staff_button.isHidden()  # signed in: the bar shows who instead
    assert not lock.leave_button.isVisible() and lock.quit_button.isVisible()
    click(qtbot, lock.staff.bar.sign_out)
    qtbot.waitUntil(window.isFullScreen)
    assert lock.locked and window.windowFlags() & KIOSK_FLAGS == KIOSK_FLAGS
    assert not lock.controls.isVisible()
    assert audit_actions(db)[-3:] == ["login", "kiosk-unlock", "logout"]


def open_kiosk_section(qtbot: QtBot, lock: KioskLock) -> None:
    """Staff menu, then its "This kiosk" section (Leave kiosk mode, Quit HemiGuide)."""
    assert lock.staff is not None and lock.tab is not None
    click(qtbot, lock.staff.bar.menu)
    click(qtbot, lock.tab)
    assert lock.tab.text() == "This kiosk"


def ask_to_quit(
    qtbot: QtBot, lock: KioskLock, monkeypatch: pytest.MonkeyPatch
) -> tuple[QMessageBox, list[bool]]:
    """A signed-in nurse taps Quit HemiGuide: the open question, and the quits so far."""
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    lock.staff.bar.allow_button(True)
    sign_in(qtbot, lock.staff)
    open_kiosk_section(qtbot, lock)
    click(qtbot, lock.quit_button)
    box = lock.confirm
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    return box, quits


def test_staff_can_quit_once_they_confirm(
    qtbot: QtBot, lock: KioskLock, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    box, quits = ask_to_quit(qtbot, lock, monkeypatch)
    assert quits == [] and not lock.quitting  # asked first, nothing done yet
    assert box.text() == "Quit HemiGuide?"
    assert [b.text() for b in box.buttons()] == ["Quit HemiGuide", "Cancel"]
    assert box.defaultButton() is box.buttons()[1]  # Enter does not quit by mistake
    click(qtbot, box.buttons()[0])
    assert quits == [True] and lock.quitting and lock.confirm is None
    assert audit_actions(db)[-2:] == ["login", "quit"]


def test_cancel_keeps_the_app_running(
    qtbot: QtBot, window: MainWindow, lock: KioskLock, db: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    box, quits = ask_to_quit(qtbot, lock, monkeypatch)
    click(qtbot, box.buttons()[1])
    qtbot.waitUntil(lambda: not box.isVisible())
    assert quits == [] and not lock.quitting and lock.confirm is None
    assert audit_actions(db)[-1] == "login"
    assert window.isVisible() and lock.staff.member is not None


def test_staff_who_left_kiosk_mode_may_close_the_window(
    qtbot: QtBot, window: MainWindow, lock: KioskLock, db: Database
) -> None:
    lock.staff.bar.allow_button(True)
    sign_in(qtbot, lock.staff)
    open_kiosk_section(qtbot, lock)
    click(qtbot, lock.leave_button)
    assert window.close() is True
    assert audit_actions(db)[-3:] == ["login", "kiosk-unlock", "quit"]


def test_events_sent_to_the_window_itself_are_swallowed_too(
    window: MainWindow, lock: KioskLock
) -> None:
    """Not only its widgets: the main window's own handlers never see them (they would
    ignore the event, so an accepted event here means the lock took it)."""
    spot = QPoint(5, 5)
    menu = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, spot, window.mapToGlobal(spot))
    escape = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    for event in (menu, escape):
        QApplication.sendEvent(window, event)
        assert event.isAccepted()
    assert window.isFullScreen()


@pytest.mark.parametrize("language", ["en", "es"])
def test_at_a_kiosk_the_staff_bar_keeps_to_one_line(
    qtbot: QtBot, content: Content, sessions: SessionStore, window: MainWindow,
    controller: StaffController, language: str,
) -> None:  # fmt: skip
    """With a named patient, at 1280×800 (the window is not full-screen here: the offscreen
    screen is smaller), so the welcome screen's calendar keeps its room."""
    lock = KioskLock(window, controller)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.set_language(language)
    controller.bar.allow_button(True)
    sign_in(qtbot, controller)
    assert controller.member is not None
    session = sessions.new_named(
        content, PatientDetails("María López", date(1958, 3, 5)), language=language,
        surgery_date=date(2026, 12, 8),
    )  # fmt: skip
    controller.panel.session_chosen.emit(session)
    window.show_screen(0)
    settle()
    bar = controller.bar
    texts = [*bar.findChildren(QLabel), *bar.findChildren(QPushButton)]
    shown = [w for w in texts if w.isVisible() and w.objectName() != "draft-notice"]
    lines = {w.mapTo(bar, QPoint(0, 0)).y() for w in shown}
    assert len(lines) == 1, [(w.objectName(), w.mapTo(bar, QPoint(0, 0)).y()) for w in shown]
    # The draft-content notice is a line of its own under the controls, and one line only.
    notice = bar.findChild(QLabel, "draft-notice")
    assert notice is not None and notice.isVisible()
    assert notice.mapTo(bar, QPoint(0, 0)).y() > max(lines)
    assert notice.height() < 2 * notice.fontMetrics().height()
    assert not bar.isAncestorOf(lock.controls)  # Leave and Quit: in the staff menu
    picker = window.welcome.findChild(DatePicker)
    assert picker is not None
    bottom = picker.mapTo(window.welcome, QPoint(0, picker.height())).y()
    assert bottom <= window.welcome.height()  # the whole calendar is on screen
