"""The main window: the one place that decides which screen is shown."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from hemiapp.content.models import DEFAULT_LANGUAGE, ChecklistKind, Content
from hemiapp.content.session import Session
from hemiapp.content.visit import Visit
from hemiapp.report.errors import PRINTED
from hemiapp.store.db import StaleError, StoreError
from hemiapp.store.sessions import SessionStore
from hemiapp.ui.closing import ClosingPage, FinishConfirm
from hemiapp.ui.dateflow import SurgeryDates
from hemiapp.ui.elsewhere import ChangedElsewhereNotice, saved_state
from hemiapp.ui.host import PageHost
from hemiapp.ui.i18n import Translations
from hemiapp.ui.print_status import PrintState
from hemiapp.ui.problems import ProblemPages
from hemiapp.ui.theme import HIGH_CONTRAST, NORMAL, TextSize, stylesheet
from hemiapp.ui.welcome import WelcomeScreen
from hemiapp.ui.widgets import Screen, TopBar

if TYPE_CHECKING:
    from hemiapp.ui.checklist import ChecklistScreen
    from hemiapp.ui.education import EducationScreen
    from hemiapp.ui.quiz import QuizScreen
    from hemiapp.ui.review import ReviewScreen

_KIND_ORDER = {ChecklistKind.PRE_OP: 0, ChecklistKind.POST_OP: 1, ChecklistKind.OTHER: 2}


class MainWindow(QMainWindow):
    """The journey. It is handed to nobody: what happens in it goes out as its signals
    (the composition root connects staff mode, printing and the kiosk to them), and the
    controllers get ``pages`` (hemiapp.ui.host.PageHost), not the window."""

    # The journey's screens, made once by _build_screens.
    welcome: WelcomeScreen
    education: EducationScreen
    quiz: QuizScreen
    checklist_screens: list[ChecklistScreen]
    review: ReviewScreen

    #: "Print my checklist" was pressed (printing is wired by the composition root).
    print_requested = Signal()
    #: Another session is on the screens (a new visit, or one a nurse started or resumed).
    session_shown = Signal()
    #: The visit ended (Finish, or the idle wipe): before the next one is shown.
    visit_ended = Signal()
    #: The window's palette changed: high contrast (True) or not.
    theme_changed = Signal(bool)
    #: The window's words were put in the visit's language again.
    retranslated = Signal()
    #: The review's "Print preview" and "Save as PDF" (staff), whenever the review is made.
    preview_requested = Signal()
    pdf_requested = Signal()
    #: A checklist screen's "Add note" (the screen, the item's row) and "Sign off" (the
    #: screen), whenever the checklist screens are made.
    note_requested = Signal(object, int)
    signoff_requested = Signal(object)

    def __init__(
        self,
        content: Content,
        *,
        sessions: SessionStore | None = None,
        translations: Translations | None = None,
        today: date | None = None,
        lazy: bool = False,
    ) -> None:
        """``lazy``: only the welcome screen now, the others at ``ensure_screens()`` (the
        app calls it once the welcome screen is painted; moving on calls it too)."""
        super().__init__()
        self.content = content
        self.today = today or date.today()
        self.translations = translations or Translations()
        #: Set by the composition root once a printer path is wired to print_requested.
        self.printing_available = False
        #: This visit's checklist came out of the printer (the closing screen says so).
        self.printed = False
        self.sessions = sessions
        #: The visit on screen: the session, who acts, language, text size and contrast
        #: (Qt-free; the window follows its events).
        self.visit = Visit(self.new_session())
        self.visit.events.display_changed.connect(self._apply_theme)
        self.translations.set_language(self.session.language)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.top_bar = TopBar()
        self.top_bar.language_chosen.connect(self.set_language)
        self.top_bar.text_size_chosen.connect(self.set_text_size)
        self.top_bar.contrast_toggled.connect(self.set_high_contrast)
        layout.addWidget(self.top_bar)
        self.notice = ChangedElsewhereNotice()  # "This was just changed at another station."
        layout.addWidget(self.notice)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.problems = ProblemPages(
            self.stack,
            probe=sessions.db.probe if sessions is not None else None,
            fallback=lambda: self.welcome,
            recover=self.recover,
        )
        self.maintenance, self.crash = self.problems.maintenance, self.problems.crash
        #: What the controllers get instead of the window (their pages go on the stack).
        self.pages = PageHost(
            self.stack,
            problem_page=self.maintenance,
            screens=lambda: self.screens,
            visit=self.visit,
            show_session=self.set_session,
            show_start=lambda: self.show_screen(0),
            store_failed=self.store_failed,
            changed_elsewhere=self.changed_elsewhere,
        )
        self.finish_confirm = FinishConfirm()
        self.finish_confirm.answered.connect(self._finish_answered)
        self.stack.addWidget(self.finish_confirm)
        self.closing = ClosingPage()
        self.closing.done.connect(self._closing_done)
        self.stack.addWidget(self.closing)
        self.dates = SurgeryDates(
            self.pages,
            self.today,
            set_date=self._set_date,
            back=self._back_from_date_page,
            after_care=self._show_after_care,
        )
        self.date_page, self.past_date = self.dates.page, self.dates.past
        self.setCentralWidget(central)
        self.screens: list[Screen] = []
        self.checklist_screens = []
        self._build_screens()
        if not lazy:
            self.ensure_screens()
        self._apply_theme()
        self.retranslate()

    # --- screens ------------------------------------------------------------------------

    def _build_screens(self) -> None:
        """Show the current session on every screen: the welcome screen is made the first
        time (the others by ensure_screens), then they are reused (each forgets everything
        of the last visit: ``Screen.bind``)."""
        self.dates.forget()
        self.notice.hide()
        if self.screens:
            for screen in self.screens:
                screen.bind(self.session)
            self.stack.setCurrentWidget(self.welcome)
            self.session_shown.emit()
            return
        self.welcome = WelcomeScreen(self.session, self.today)
        self.welcome.language_chosen.connect(self.set_language)
        self.welcome.past_date_chosen.connect(lambda day: self.choose_date(day, self.welcome))
        self._add_screen(self.welcome)
        self.stack.setCurrentWidget(self.welcome)

    def ensure_screens(self) -> None:
        """Make the screens after the welcome one, if they are not there yet."""
        if len(self.screens) > 1:
            return
        from hemiapp.ui.checklist import ChecklistScreen
        from hemiapp.ui.checklist_model import ChecklistModel
        from hemiapp.ui.education import EducationScreen
        from hemiapp.ui.quiz import QuizScreen
        from hemiapp.ui.review import ReviewScreen

        session = self.session
        self.education = EducationScreen(session)
        self.quiz = QuizScreen(session)
        checklists = sorted(self.content.checklists, key=lambda c: _KIND_ORDER[c.kind])
        # One model per checklist, shared by its screen and the review.
        models = {c.id: ChecklistModel(session, c.id, self, today=self.today) for c in checklists}
        self.checklist_screens = [
            ChecklistScreen(session, c.id, today=self.today, model=models[c.id]) for c in checklists
        ]
        for checklist_screen in self.checklist_screens:
            checklist_screen.model.save_failed.connect(self.store_failed)
            checklist_screen.model.changed_elsewhere.connect(self.changed_elsewhere)
            checklist_screen.date_requested.connect(self.open_date_page)
        self.review = ReviewScreen(session, today=self.today, models=list(models.values()))
        self.review.finish_requested.connect(self.ask_finish)
        self.review.print_requested.connect(self.print_requested)
        self.review.print_button.setVisible(self.printing_available)
        self._forward_requests()
        for screen in (self.education, self.quiz, *self.checklist_screens, self.review):
            self._add_screen(screen)

    def _forward_requests(self) -> None:
        """The new screens' requests for staff mode and printing, as the window's signals
        (which exist from the start: whoever listens may be connected at any time)."""
        for screen in self.checklist_screens:
            screen.note_requested.connect(lambda row, s=screen: self.note_requested.emit(s, row))
            screen.signoff_requested.connect(lambda s=screen: self.signoff_requested.emit(s))
        self.review.preview_button.clicked.connect(lambda: self.preview_requested.emit())
        self.review.pdf_button.clicked.connect(lambda: self.pdf_requested.emit())

    def _add_screen(self, screen: Screen) -> None:
        index = len(self.screens)
        self.screens.append(screen)
        if not screen.objectName():
            screen.setObjectName(type(screen).__name__)
        self.stack.addWidget(screen)
        screen.next_requested.connect(lambda: self.show_screen(index + 1))
        screen.back_requested.connect(lambda: self.show_screen(index - 1, backwards=True))

    def new_session(self) -> Session:
        """A fresh, empty session: saved from its first action when there is a store."""
        if self.sessions is not None:
            return self.sessions.new_anonymous(self.content)
        return Session(self.content)

    @property
    def session(self) -> Session:
        """The visit's session (``visit.replace`` shows another)."""
        return self.visit.session

    @property
    def text_size(self) -> TextSize:
        return self.visit.text_size

    @property
    def high_contrast(self) -> bool:
        return self.visit.high_contrast

    def set_session(self, session: Session, *, screen: int = 0) -> None:
        """Show another session (a nurse starts or resumes one) on every screen."""
        self.visit.replace(session)
        self.printed = False
        self.translations.set_language(session.language)
        self._build_screens()
        self._apply_theme()
        self.retranslate()
        self.show_screen(screen)

    def store_failed(self, message: str) -> None:
        """Something could not be saved: stop on a page that says so (ui.problems)."""
        self.notice.hide()
        self.problems.store_failed(message)

    def changed_elsewhere(self) -> None:
        """A change was refused: another station had changed it first (StaleError). Show
        what is saved now, on the screen the person is on, and say so (ui.elsewhere)."""
        try:
            fresh = saved_state(self.sessions, self.session)
        except StoreError as exc:
            self.store_failed(exc.message)
            return
        self.visit.replace(fresh)  # (whoever acts stays signed in)
        for screen in self.screens:
            screen.follow(fresh)
        self.dates.show_date(fresh.surgery_date)
        self.translations.set_language(fresh.language)  # (saved elsewhere, perhaps)
        self.retranslate()
        self.session_shown.emit()
        self.notice.show_notice()

    def something_went_wrong(self) -> None:
        """An unexpected error (logged by the exception hook): "Something went wrong"."""
        self.problems.something_went_wrong()

    def recover(self) -> None:
        """Back to the start of this visit, every screen reset from the session: what
        the error may have left half-done on screen is gone; nothing is written."""
        self._build_screens()
        self._apply_theme()
        self.retranslate()

    def current_screen(self) -> Screen:
        screen = self.stack.currentWidget()
        assert isinstance(screen, Screen)
        return screen

    def show_screen(self, index: int, *, backwards: bool = False) -> None:
        self.ensure_screens()
        index = max(0, min(index, len(self.screens) - 1))
        self.notice.hide()  # (said where it happened: moving on, it is read)
        screen = self.screens[index]
        screen.enter(backwards=backwards)
        self.stack.setCurrentWidget(screen)
        screen.setFocus()

    def untouched(self) -> bool:
        """Nothing of anybody is on screen: a fresh session on the welcome screen."""
        session = self.session
        return (
            self.stack.currentWidget() is self.welcome
            and session.id is None
            and session.surgery_date is None
            and not session.items
            and not session.quiz_answers
            and session.language == DEFAULT_LANGUAGE
            and self.text_size is TextSize.NORMAL
            and not self.high_contrast
        )

    def enable_printing(self) -> None:
        self.printing_available = True
        if len(self.screens) > 1:
            self.review.print_button.setVisible(True)

    def show_print_state(self, state: PrintState) -> None:
        """How a print is going, on the review (a patient's print done: the closing screen
        says so; a staff member's Save as PDF names its file)."""
        if state.state == PRINTED and state.pdf is None:
            self.printed = True
        self.ensure_screens()
        self.review.show_print_state(state)

    def staff_left(self) -> None:
        """Staff signed out (or were signed out): a file a staff member saved goes with them
        from the review's print status."""
        if len(self.screens) > 1:
            status = self.review.print_status
            kept = status.state if status.state is None or status.state.pdf is None else None
            status.show_state(kept, staff=False)

    # --- the surgery date, from the checklists, and a date in the past ---------------------

    def open_date_page(self) -> None:
        """The calendar over the current screen ("Change date" on a checklist)."""
        self.dates.open()

    def choose_date(self, day: date, source: QWidget) -> None:
        """A day tapped on ``source`` (the welcome screen or the date page)."""
        self.dates.choose(day, source)

    def _show_after_care(self) -> None:
        """The surgery has happened: on to the after-care checklist."""
        self.ensure_screens()
        after = [
            s for s in self.checklist_screens if s.model.checklist.kind is ChecklistKind.POST_OP
        ]
        target = after[0] if after else self.checklist_screens[0]
        self.show_screen(self.screens.index(target))  # on to the after-care

    def _set_date(self, day: date | None) -> bool:
        """Take the surgery date (False: it could not be saved, the window says so)."""
        try:
            self.session.set_surgery_date(day)
        except StaleError:
            self.changed_elsewhere()
            return False
        except StoreError as exc:
            self.store_failed(exc.message)
            return False
        self.dates.show_date(day)
        return True  # (the welcome and checklist screens follow the session's details_changed)

    def _back_from_date_page(self, back: QWidget | None) -> None:
        if isinstance(back, Screen) and back in self.screens:
            self.show_screen(self.screens.index(back), backwards=True)
        else:
            self.show_screen(0)

    def ask_finish(self) -> None:
        """Finish on the review: "Are you finished?" first (answered in _finish_answered)."""
        self.stack.setCurrentWidget(self.finish_confirm)  # (in the visit's language already)
        self.finish_confirm.no.setFocus()

    def _finish_answered(self, yes: bool) -> None:
        if self.stack.currentWidget() is not self.finish_confirm:
            return  # (the idle wipe got there first)
        if not yes:
            self.show_screen(self.screens.index(self.review), backwards=True)
            return
        printed = self.printed
        self.closing.start(printed=printed)  # its words in the visit's language, then wipe
        self.finish("finished")
        if self.stack.currentWidget() is self.welcome:  # (not a database problem)
            self.stack.setCurrentWidget(self.closing)
            self.closing.start_again.setFocus()

    def _closing_done(self) -> None:
        if self.stack.currentWidget() is self.closing:
            self.stack.setCurrentWidget(self.welcome)

    def finish(self, reason: str = "finished") -> None:
        """End this patient's visit (and staff mode): a new, empty session and the welcome.

        ``reason`` (finished, idle-wipe) is recorded when the session is closed."""
        failed = ""
        if self.sessions is not None:
            try:
                self.sessions.close(self.session, reason)
            except StoreError as exc:
                failed = exc.message
        self.visit_ended.emit()  # (staff mode signs out)
        if failed:
            self.store_failed(failed)
            return
        self.visit.replace(self.new_session())
        self.printed = False
        self.translations.set_language(DEFAULT_LANGUAGE)
        self._build_screens()
        self.visit.reset_display()  # (the theme follows, once the screens show the new visit)
        self._apply_theme()
        self.retranslate()

    # --- language, text size, contrast --------------------------------------------------

    def set_language(self, language: str) -> None:
        try:
            self.session.set_language(language)
        except StaleError:
            self.changed_elsewhere()
            return
        self.translations.set_language(language)
        self.retranslate()

    def set_text_size(self, size: TextSize) -> None:
        self.visit.set_display(text_size=size)  # (the theme follows display_changed)

    def set_high_contrast(self, on: bool) -> None:
        self.visit.set_display(high_contrast=on)

    def _apply_theme(self) -> None:
        palette = HIGH_CONTRAST if self.high_contrast else NORMAL
        sheet = stylesheet(palette, self.text_size)
        self.setProperty("highContrast", self.high_contrast)  # pictures read it (ui.picture)
        self.top_bar.show_state(self.session.language, self.text_size, self.high_contrast)
        if sheet == self.styleSheet():
            return  # restyling every widget is the slowest thing the window does
        self.setStyleSheet(sheet)
        self.theme_changed.emit(self.high_contrast)

    def retranslate(self) -> None:
        """The window's own words (its title, the top bar) in the visit's language. The
        screens and pages retranslate themselves: installing the translator sent each of
        them a LanguageChange (hemiapp.ui.i18n), whether it is shown or covered."""
        self.setWindowTitle(self.tr("HemiGuide"))
        self.top_bar.retranslate()
        self.top_bar.show_state(self.session.language, self.text_size, self.high_contrast)
        self.retranslated.emit()
