"""Ends a visit nobody is attending: countdown, then a wipe back to the welcome screen.

At a kiosk every visit left untouched is wiped. At a station that is not a kiosk (a nurse
station), by default only a visit with no patient's name (someone walking up to it): a
named visit a nurse opened stays, and staff mode signs itself out after the staff idle
time instead (``idle_wipe`` in the settings: always, unnamed, never).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from hemiapp.config import IdleWipe
from hemiapp.kiosk.countdown import StillTherePage
from hemiapp.kiosk.idle import IdleWatcher
from hemiapp.ui.main_window import MainWindow

DEFAULT_IDLE_SECONDS = 120.0
DEFAULT_COUNTDOWN_SECONDS = 30


class KioskIdle(QObject):
    """After ``idle_seconds`` without input, "Are you still there?" for
    ``countdown_seconds``; then the visit is wiped (``window.finish('idle-wipe')``).
    Not while a staff member is signed in (staff mode has its own idle sign-out), not on
    an untouched welcome screen (there is nothing to wipe), and with ``wipe`` "unnamed"
    not while the visit has a patient's name. (No KioskIdle at all for "never".)"""

    def __init__(
        self,
        window: MainWindow,
        idle_seconds: float = DEFAULT_IDLE_SECONDS,
        countdown_seconds: int = DEFAULT_COUNTDOWN_SECONDS,
        *,
        wipe: IdleWipe = "always",
    ) -> None:
        super().__init__(window)
        self.window = window
        self.wipe = wipe
        self.page = StillTherePage(countdown_seconds)
        window.stack.addWidget(self.page)
        self.page.still_here.connect(self._still_here)
        self.page.expired.connect(self._wipe)
        self.covered: QWidget | None = None
        self.watcher = IdleWatcher(idle_seconds, self)
        self.watcher.idle.connect(self._idle)

    @property
    def counting_down(self) -> bool:
        return self.window.stack.currentWidget() is self.page

    def _staff_present(self) -> bool:
        staff = self.window.staff
        return staff is not None and getattr(staff, "member", None) is not None

    def _idle(self) -> None:
        try:
            if self.counting_down or self._staff_present() or self.window.untouched():
                return
            if self.wipe == "unnamed" and self.window.session.patient is not None:
                return  # a nurse's named visit, at a station that is not a kiosk
            self.covered = self.window.stack.currentWidget()
            self.page.start()
            self.window.stack.setCurrentWidget(self.page)
            self.page.here.setFocus()
        finally:
            if not self.counting_down:  # whatever went wrong, the wait starts again
                self.watcher.restart()

    def _still_here(self) -> None:
        if self.covered is not None:
            self.window.stack.setCurrentWidget(self.covered)
        self.covered = None
        self.watcher.restart()

    def _wipe(self) -> None:
        self.covered = None
        try:
            self.window.finish("idle-wipe")
        finally:
            self.watcher.restart()
