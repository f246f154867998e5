"""The pages a visit stops on, and the way back from them: the maintenance page (something
could not be saved) and "Something went wrong" (an unexpected error, logged by the
exception hook). The main window makes them; nothing else is written on either page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QStackedWidget, QWidget

from hemiapp.store.db import StoreError
from hemiapp.ui.crash import CrashPage
from hemiapp.ui.maintenance import MaintenancePage


class ProblemPages:
    def __init__(
        self,
        stack: QStackedWidget,
        *,
        probe: Callable[[], None] | None,
        fallback: Callable[[], QWidget],
        recover: Callable[[], None],
    ) -> None:
        """``probe``: raises StoreError while the database still cannot be written (None:
        there is no database); ``fallback``: where to go back to when what the problem
        covered is unknown; ``recover``: "Something went wrong"'s way back."""
        self.stack = stack
        self._probe = probe
        self._fallback = fallback
        self.maintenance = MaintenancePage()
        self.maintenance.retry_requested.connect(self._retry_store)
        stack.addWidget(self.maintenance)
        self._before_problem: QWidget | None = None  # shown again once the problem is gone
        self.crash = CrashPage()
        self.crash.back_requested.connect(recover)
        stack.addWidget(self.crash)

    def store_failed(self, message: str) -> None:
        """Something could not be saved: stop on a page that says so (nothing changed), and
        come back (``_retry_store``) once the database can be written again."""
        if self.stack.currentWidget() is not self.maintenance:
            self._before_problem = self.stack.currentWidget()
        self.maintenance.show_problem(message)
        self.stack.setCurrentWidget(self.maintenance)

    def _retry_store(self) -> None:
        """The maintenance page's retry: back where the visit was if a change can be saved
        now (the change that failed was not made, so the screen shows what is saved)."""
        if self._probe is None:
            self.maintenance.stop()
            return
        try:
            self._probe()
        except StoreError as exc:
            self.maintenance.still_failing(exc.message)
            return
        self.maintenance.stop()
        back = self._before_problem
        self._before_problem = None
        if self.stack.currentWidget() is self.maintenance:
            self.stack.setCurrentWidget(back if back is not None else self._fallback())

    def something_went_wrong(self) -> None:
        """An unexpected error: say so calmly, offer the way back. Nothing is written; a
        database problem keeps its own page."""
        if self.stack.currentWidget() is self.maintenance:
            return
        self.stack.setCurrentWidget(self.crash)  # (it follows the language itself)
        self.crash.back.setFocus()
