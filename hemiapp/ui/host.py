"""What a controller may use of the main window: the page area, and the visit on it.

The main window makes one ``PageHost``; the composition root hands it to staff mode, the
idle watch and printing instead of the window. With it they can put a page of theirs over
the journey and go back to what it covered, show another session, say that something
could not be saved (or was changed at another station first), and read the session on
screen: nothing else of the window. What
happens in the window (another session shown, the visit ended, the theme or language
changed) comes to them as the window's signals, connected by the composition root.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QStackedWidget, QWidget

from hemiapp.content.session import Session
from hemiapp.content.visit import Visit
from hemiapp.ui.widgets import Screen


class PageHost:
    """The window's page area (``widget``: pages and controllers live under it)."""

    def __init__(
        self,
        stack: QStackedWidget,
        *,
        problem_page: QWidget,
        screens: Callable[[], Sequence[Screen]],
        visit: Visit,
        show_session: Callable[[Session], None],
        show_start: Callable[[], None],
        store_failed: Callable[[str], None],
        changed_elsewhere: Callable[[], None],
    ) -> None:
        self._stack = stack
        self._problem_page = problem_page
        self._screens = screens
        self._visit = visit
        self._show_session = show_session
        self._show_start = show_start
        self._store_failed = store_failed
        self._changed_elsewhere = changed_elsewhere

    @property
    def widget(self) -> QWidget:
        return self._stack

    @property
    def visit(self) -> Visit:
        """The visit on screen: its session, who acts, language and display."""
        return self._visit

    @property
    def session(self) -> Session:
        """The session on screen now (it changes: read it when it is needed)."""
        return self._visit.session

    def add(self, page: QWidget) -> None:
        """A page of the caller's, shown over the journey by :meth:`show`."""
        self._stack.addWidget(page)

    def current(self) -> QWidget | None:
        return self._stack.currentWidget()

    def show(self, page: QWidget) -> None:
        self._stack.setCurrentWidget(page)

    def back_to(self, covered: QWidget | None) -> None:
        """Back to what a page covered: the maintenance page, or a journey screen, or, if
        that is not there any more, the start of the journey. The screen is not told to
        refresh: it followed the session's events (a sign-in, a note) and the language
        while it was covered."""
        if covered is not None and covered is self._problem_page:
            self._stack.setCurrentWidget(covered)
            return
        for screen in self._screens():
            if screen is covered:
                self._stack.setCurrentWidget(screen)
                screen.setFocus()
                return
        self._show_start()

    def show_session(self, session: Session) -> None:
        """Show another session (a nurse starts or resumes one) on every screen."""
        self._show_session(session)

    def store_failed(self, message: str) -> None:
        """Something could not be saved: the window stops on a page that says so."""
        self._store_failed(message)

    def changed_elsewhere(self) -> None:
        """A change was refused, another station having changed it first: the window
        shows what is saved now, on the screen it is on, and says so."""
        self._changed_elsewhere()
