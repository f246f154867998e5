"""Kiosk lockdown: a walk-up patient cannot leave the app, or see anything but it.

The window is full-screen, frameless and on top. Closing it (``close()``, Alt+F4 or the
window manager's close), Escape, Ctrl+Q, Ctrl+W, F11 and right-click menus do nothing; a
window manager's attempt to un-full-screen or minimise it is undone. The mouse cursor can
be hidden (touch screens).

Staff reach their PIN keypad by a long press in the top-left corner (the "Staff" button is
not shown at a kiosk). Only a signed-in staff member can leave kiosk mode (until they sign
out, or are signed out for being idle: then the station locks again) or quit.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QCursor,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QTouchEvent,
    QWindow,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hemiapp.store.db import StoreError
from hemiapp.store.station import StationLog
from hemiapp.ui.staff.controller import StaffController
from hemiapp.ui.staffonly import staff_only
from hemiapp.ui.widgets import button, label, set_text

# The staff corner: a square at the window's top-left, held this long.
CORNER_PX = 96
LONG_PRESS_MS = 2000

_CTRL, _ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
_KIOSK_FLAGS = Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint


def blocked_key(event: QKeyEvent) -> bool:
    """Keys that would leave or shrink the app: Escape, F11, Alt+F4, Ctrl+Q, Ctrl+W."""
    key, mods = event.key(), event.modifiers()
    if key in (Qt.Key.Key_Escape, Qt.Key.Key_F11):
        return True
    if key == Qt.Key.Key_F4 and mods & (_ALT | _CTRL):
        return True
    return key in (Qt.Key.Key_Q, Qt.Key.Key_W) and bool(mods & _CTRL)


class KioskLock(QObject):
    """Locks ``window`` (shown full-screen by :meth:`show`); staff unlock it from their bar.

    ``window``: the top-level widget to lock, as Qt knows it (the journey's, or a problem
    screen's); nothing of the journey is used. A save that fails goes to staff mode's
    page host (``StaffController.report_store_failure``)."""

    def __init__(
        self,
        window: QWidget,
        staff: StaffController | None,
        *,
        hide_cursor: bool = False,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.hide_cursor = hide_cursor
        self.locked = False
        self.quitting = False
        self.long_press = QTimer(self)
        self.long_press.setSingleShot(True)
        self.long_press.setInterval(LONG_PRESS_MS)
        self.long_press.timeout.connect(self._corner_held)
        # The staff menu's "This kiosk" section (not the staff bar: with them, the bar took
        # two lines at a kiosk and pushed the patient's calendar off the screen).
        self.controls = staff_only(QWidget())
        self.controls.setObjectName("kiosk-controls")
        self.confirm: QMessageBox | None = None  # "Quit HemiGuide?", while it is open
        page = QVBoxLayout(self.controls)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(16)
        self.about = label()
        self.about.setObjectName("kiosk-about")
        page.addWidget(self.about)
        row = QHBoxLayout()
        row.setSpacing(12)
        page.addLayout(row)
        page.addStretch(1)
        self.tab: QPushButton | None = None  # the section's tab, once staff mode is there
        self.leave_button = button()
        self.leave_button.setObjectName("leave-kiosk")
        self.leave_button.clicked.connect(self.unlock)
        self.quit_button = button()
        self.quit_button.setObjectName("quit-app")
        self.quit_button.clicked.connect(self.quit)
        row.addWidget(self.leave_button)
        row.addWidget(self.quit_button)
        row.addStretch(1)
        self.staff: StaffController | None = None
        self._handle: QWindow | None = None
        if staff is not None:
            self.attach_staff(staff)
        window.installEventFilter(self)
        self.controls.installEventFilter(self)  # LanguageChange: the buttons follow
        self.retranslate()

    def attach_staff(self, staff: StaffController) -> None:
        """Staff mode (the app attaches it once the first screen is painted)."""
        self.staff = staff
        self.tab = staff.panel.add_section("kiosk", self.controls, self.leave_button)
        staff.bar.allow_button(not self.locked)
        staff.signed_in.connect(lambda _member: self._show_controls())
        staff.signed_out.connect(lambda _reason: self.lock())
        self._show_controls()

    # --- locking and unlocking ----------------------------------------------------------

    def show(self) -> None:
        """Show the window locked (the first time: instead of ``window.show()``)."""
        self.lock()

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        window = self.window
        window.setWindowFlags(window.windowFlags() | _KIOSK_FLAGS)
        window.showFullScreen()
        window.raise_()
        window.activateWindow()
        handle = window.windowHandle()
        if handle is not None and handle is not self._handle:
            handle.installEventFilter(self)  # its exposure: see _hidden
            self._handle = handle
        if self.hide_cursor:
            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
        if self.staff is not None:
            self.staff.bar.allow_button(False)
        self._show_controls()

    def unlock(self) -> None:
        """Leave kiosk mode: only while a staff member is signed in (audited)."""
        member = self._member()
        if not self.locked or member is None:
            return
        if not self._audit("kiosk-unlock", member):
            return  # never unaudited
        self.locked = False
        self.long_press.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        window = self.window
        window.setWindowFlags(window.windowFlags() & ~_KIOSK_FLAGS)
        window.showNormal()
        if self.hide_cursor:
            QGuiApplication.restoreOverrideCursor()
        if self.staff is not None:
            self.staff.bar.allow_button(True)
        self._show_controls()

    def quit(self) -> None:
        """Ask "Quit HemiGuide?" (without blocking: ``show()`` and ``finished``); only a
        signed-in staff member can, and the dialog goes if they sign out first."""
        if self._member() is None:
            return
        if self.confirm is not None:
            self.confirm.raise_()
            return
        box = staff_only(QMessageBox(self.window))
        box.setObjectName("confirm-quit")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Quit HemiGuide"))
        box.setText(self.tr("Quit HemiGuide?"))
        box.setInformativeText(
            self.tr(
                "Everything saved stays saved. Under the kiosk service, HemiGuide starts "
                "again by itself; otherwise the station shows nothing until it is started."
            )
        )
        quit_button = box.addButton(self.tr("Quit HemiGuide"), QMessageBox.ButtonRole.AcceptRole)
        quit_button.setObjectName("confirm-quit-yes")
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        cancel.setObjectName("confirm-quit-no")
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _result: self._quit_answered(box, quit_button))
        self.confirm = box
        box.show()

    def _quit_answered(self, box: QMessageBox, quit_button: QWidget) -> None:
        if self.confirm is box:
            self.confirm = None
        box.deleteLater()
        if box.clickedButton() is quit_button:
            self.quit_now()

    def quit_now(self) -> None:
        """Quit the app: only while a staff member is signed in (audited)."""
        member = self._member()
        if member is None:
            return
        if not self._audit("quit", member):
            return
        self.quitting = True
        QApplication.quit()

    def let_close(self) -> None:
        """The app quits (or puts a new window in this one's place) without staff: the
        window may close now. (Nothing is audited: no staff member did it.)"""
        self.quitting = True

    def _member(self) -> str | None:
        member = self.staff.member if self.staff is not None else None
        return member.staff_id if member is not None else None

    def _audit(self, event: str, staff_id: str) -> bool:
        """Write ``event`` to the audit log; False (and the maintenance page) if it cannot."""
        assert self.staff is not None
        log = StationLog(self.staff.staff.db)
        try:
            if event == "quit":
                log.quit(staff_id)
            else:
                log.left_kiosk(staff_id)
        except StoreError as exc:
            self.staff.report_store_failure(exc.message)
            return False
        return True

    def _show_controls(self) -> None:
        self.leave_button.setVisible(self.locked)  # (the staff menu: only for staff)
        self.retranslate()

    # --- what the patient tries ---------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.controls:
            if kind == QEvent.Type.LanguageChange:
                self.retranslate()
            return False
        if watched is self._handle:
            assert isinstance(watched, QWindow)
            if kind == QEvent.Type.Expose and self.locked and not watched.isExposed():
                QTimer.singleShot(0, self, self._unhide)  # dropped if the lock goes first
            return False
        if watched is self.window:
            if kind == QEvent.Type.Close and not self.quitting:
                member = self._member()
                if self.locked or member is None:
                    event.ignore()  # ignored *and* filtered: nothing closes
                    return True
                self._audit("quit", member)  # a signed-in staff member closed the window
                self.quitting = True
            if kind == QEvent.Type.WindowStateChange and self.locked and self._unfilled():
                QTimer.singleShot(0, self._refill)
        if not self.locked:
            return False
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            return blocked_key(event)
        if kind == QEvent.Type.ContextMenu:
            return True
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self._pressed(event)
        elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd):
            self.long_press.stop()
        return False

    def _pressed(self, event: QEvent) -> None:
        if isinstance(event, QMouseEvent):
            spot = event.globalPosition().toPoint()
        elif isinstance(event, QTouchEvent) and event.points():
            spot = event.points()[0].globalPosition().toPoint()
        else:
            return
        corner = QRect(self.window.mapToGlobal(QPoint(0, 0)), QSize(CORNER_PX, CORNER_PX))
        if corner.contains(spot):
            self.long_press.start()
        else:
            self.long_press.stop()

    def _corner_held(self) -> None:
        if self.staff is not None and self.staff.member is None:
            self.staff.open_sign_in()

    def _unfilled(self) -> bool:
        """Not full-screen, or minimised (a window manager can do both)."""
        state = self.window.windowState()
        return state != Qt.WindowState.WindowFullScreen

    def _refill(self) -> None:
        if self.locked and self._unfilled():
            self.window.setWindowState(Qt.WindowState.WindowFullScreen)
            self.window.showFullScreen()
            self.window.raise_()
            self.window.activateWindow()

    def _unhide(self) -> None:
        """The window manager took the window off the screen (minimised it) without Qt
        noticing: matchbox sets WM_STATE to Iconic and unmaps it, and Qt still thinks it
        is full-screen, so no WindowStateChange comes. Put it back: going through
        Minimized makes Qt map the window again, then it is made full-screen."""
        window = self.window
        handle = window.windowHandle()  # now: the window may have been made anew
        if not self.locked or handle is None or handle.isExposed() or not window.isVisible():
            return
        window.setWindowState(Qt.WindowState.WindowMinimized)
        window.setWindowState(Qt.WindowState.WindowFullScreen)
        window.showFullScreen()
        window.raise_()
        window.activateWindow()

    def retranslate(self) -> None:
        set_text(self.leave_button, self.tr("Leave kiosk mode"))
        set_text(self.quit_button, self.tr("Quit HemiGuide"))
        if self.tab is not None:
            set_text(self.tab, self.tr("This kiosk"))
        if self.locked:
            about = self.tr(
                "Leave kiosk mode to use this station as an ordinary window until you sign "
                "out; then it locks again. Quit HemiGuide asks first."
            )
        else:
            about = self.tr(
                "This station locks again when you sign out. Quit HemiGuide asks first."
            )
        set_text(self.about, about)
