"""The surgery date over the journey: the calendar page ("Change date" on a checklist) and,
for a day before today, "Has your surgery already happened?" first.

The main window makes one and gives it what it needs as callables (taking the date,
going back to what the calendar covered, going on to the after-care); it is not handed
the window.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from hemiapp.ui.host import PageHost
from hemiapp.ui.surgerydate import PastDateQuestion, SurgeryDatePage


class SurgeryDates:
    def __init__(
        self,
        host: PageHost,
        today: date,
        *,
        set_date: Callable[[date | None], bool],
        back: Callable[[QWidget | None], None],
        after_care: Callable[[], None],
    ) -> None:
        """``set_date``: take the day (False if it could not be saved); ``back``: show
        again what the calendar covered; ``after_care``: on to the after-care checklist
        (a surgery that has happened)."""
        self.host = host
        self.today = today
        self._set_date = set_date
        self._back = back
        self._after_care = after_care
        self.page = SurgeryDatePage(today)
        self.page.date_chosen.connect(lambda day: self.choose(day, self.page))
        self.page.cleared.connect(lambda: set_date(None))
        self.page.done.connect(self._page_done)
        host.add(self.page)
        self.past = PastDateQuestion()
        self.past.answered.connect(self._past_answered)
        host.add(self.past)
        self._return: QWidget | None = None  # what the date page covers
        self._past_from: QWidget | None = None  # where the date in the past was tapped

    def forget(self) -> None:
        """Another session is on the screens: nothing of the last one stays."""
        self._return = self._past_from = None
        self.past.forget()
        self.show_date(self.host.session.surgery_date)

    def show_date(self, day: date | None) -> None:
        self.page.show_date(day, self.host.session.language)

    def open(self) -> None:
        """The calendar over the current screen."""
        self._return = self.host.current()
        self.show_date(self.host.session.surgery_date)
        self.host.show(self.page)
        self.page.finish.setFocus()

    def choose(self, day: date, source: QWidget) -> None:
        """A day was tapped on ``source`` (the welcome screen or the date page). A day
        before today asks first whether the surgery has already happened."""
        if day < self.today:
            self._past_from = source
            self.past.ask(day, self.host.session.language)
            self.host.show(self.past)
            self.past.no.setFocus()
            return
        self._set_date(day)

    def _past_answered(self, happened: bool) -> None:
        source, day = self._past_from, self.past.day
        self._past_from = None
        if source is None or day is None or self.host.current() is not self.past:
            return
        if not happened:  # choose again, where they were
            self.host.show(source)
            if source is self.page:
                self.show_date(self.host.session.surgery_date)
            return
        if self._set_date(day):
            self._after_care()
        elif self.host.current() is self.past:  # changed at another station: choose again
            self.host.show(source)

    def _page_done(self) -> None:
        back = self._return
        self._return = None
        self._back(back)
