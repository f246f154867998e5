"""Ends a visit nobody is attending: countdown, then a wipe back to the welcome screen.

At a kiosk every visit left untouched is wiped. At a station that is not a kiosk (a nurse
station), by default only a visit with no patient's name (someone walking up to it): a
named visit a nurse opened stays, and staff mode signs itself out after the staff idle
time instead (``idle_wipe`` in the settings: always, unnamed, never).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from hemiapp.config import IdleWipe
from hemiapp.kiosk.countdown import StillTherePage
from hemiapp.kiosk.idle import IdleWatcher
from hemiapp.ui.host import PageHost

DEFAULT_IDLE_SECONDS = 120.0
DEFAULT_COUNTDOWN_SECONDS = 30


class KioskIdle(QObject):
    """After ``idle_seconds`` without input, "Are you still there?" for
    ``countdown_seconds``; then the visit is wiped (``end_visit``: the window's
    ``finish('idle-wipe')``). Not while a staff member is signed in (staff mode has its own
    idle sign-out: the composition root connects its signals to :meth:`staff_signed_in` and
    :meth:`staff_signed_out`), not while ``untouched()`` (an untouched welcome screen:
    nothing to wipe), and with ``wipe`` "unnamed" not while the visit has a patient's name.
    (No KioskIdle at all for "never".)"""

    def __init__(
        self,
        host: PageHost,
        idle_seconds: float = DEFAULT_IDLE_SECONDS,
        countdown_seconds: int = DEFAULT_COUNTDOWN_SECONDS,
        *,
        untouched: Callable[[], bool],
        end_visit: Callable[[], None],
        wipe: IdleWipe = "always",
    ) -> None:
        super().__init__(host.widget)
        self.host = host
        self.untouched = untouched
        self.end_visit = end_visit
        self.wipe = wipe
        self.staff_present = False  # a staff member is signed in (staff mode's signals)
        self.page = StillTherePage(countdown_seconds)
        host.add(self.page)
        self.page.still_here.connect(self._still_here)
        self.page.expired.connect(self._wipe)
        self.covered: QWidget | None = None
        self.watcher = IdleWatcher(idle_seconds, self)
        self.watcher.idle.connect(self._idle)

    @property
    def counting_down(self) -> bool:
        return self.host.current() is self.page

    def staff_signed_in(self) -> None:
        self.staff_present = True

    def staff_signed_out(self) -> None:
        self.staff_present = False

    def _idle(self) -> None:
        try:
            if self.counting_down or self.staff_present or self.untouched():
                return
            if self.wipe == "unnamed" and self.host.session.patient is not None:
                return  # a nurse's named visit, at a station that is not a kiosk
            self.covered = self.host.current()
            self.page.start()
            self.host.show(self.page)
            self.page.here.setFocus()
        finally:
            if not self.counting_down:  # whatever went wrong, the wait starts again
                self.watcher.restart()

    def _still_here(self) -> None:
        if self.covered is not None:
            self.host.show(self.covered)
        self.covered = None
        self.watcher.restart()

    def _wipe(self) -> None:
        self.covered = None
        try:
            self.end_visit()
        finally:
            self.watcher.restart()
