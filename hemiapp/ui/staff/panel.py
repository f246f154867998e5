"""The staff menu, over the journey: start a named session, find and resume one, see the
quiz results and mark teach-back done. Every store call's failure goes to the window."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QStackedWidget, QWidget

from hemiapp.content.session import Session
from hemiapp.content.typed_dates import UnreadableDate, read_date
from hemiapp.store.db import StaleError, StoreError
from hemiapp.store.sessions import SessionStore
from hemiapp.ui.flow import FlowLayout
from hemiapp.ui.host import PageHost
from hemiapp.ui.staff.common import Page, refit
from hemiapp.ui.staff.find import EXAMPLES, FindSection, station_date_order
from hemiapp.ui.staff.newsession import NewPatient, NewSessionForm
from hemiapp.ui.staff.teachback import TeachBackSection
from hemiapp.ui.widgets import button, fill, scroll_area, set_text

SECTIONS = ("new", "find", "quiz")


class StaffPanel(Page):
    """Emits ``session_chosen`` with a started or resumed session, ``closed`` for Close."""

    session_chosen = Signal(object)  # Session
    closed = Signal()

    def __init__(self, host: PageHost, sessions: SessionStore, today: date) -> None:
        super().__init__("staff-panel")
        self.host = host  # the session on screen (its pages: the staff controller's)
        self.sessions = sessions
        self.today = today
        self.section = "find"
        self.heading.setProperty("role", "subheading")
        header = QHBoxLayout()
        header.setSpacing(24)
        self.outer.removeWidget(self.heading)
        header.addWidget(self.heading)
        tabs = self.tab_row = FlowLayout(spacing=12)
        self.tabs = QButtonGroup(self)
        self.tab_buttons: dict[str, QPushButton] = {}
        for name in SECTIONS:
            tab = button(checkable=True)
            tab.setObjectName(f"tab-{name}")
            tab.clicked.connect(lambda _=False, n=name: self.show_section(n))
            self.tabs.addButton(tab)
            self.tab_buttons[name] = tab
            tabs.addWidget(tab)
        header.addLayout(tabs, 1)
        self.close_button = button()
        self.close_button.setObjectName("close-staff-menu")
        self.close_button.clicked.connect(self.closed)
        header.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.outer.insertLayout(0, header)
        self.outer.addWidget(self.message_box)  # (who the patient is: the staff bar says)

        self.form = NewSessionForm(today)
        self.form.problems_found.connect(self.show_message)
        self.form.submitted.connect(self._start)
        self.finder = FindSection()
        self.finder.search_requested.connect(self._search)
        self.finder.resume_requested.connect(self._resume)
        self.teach_back = TeachBackSection()
        self.teach_back.teach_back_requested.connect(self._teach_back)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self.pages["new"] = self.form  # it scrolls its fields, not its keypad
        self.pages["find"] = scroll_area(self.finder)
        self.pages["quiz"] = self.teach_back  # it scrolls its results itself, not its button
        for page in self.pages.values():
            self.stack.addWidget(page)
        self.focus_of: dict[str, QWidget] = {
            "new": self.form.name, "find": self.finder.search, "quiz": self.teach_back.done,
        }  # fmt: skip
        self.outer.addWidget(self.stack, 1)
        self.retranslate()

    def add_section(self, name: str, page: QWidget, focus: QWidget) -> QPushButton:
        """Another section (the kiosk's): its page, and its tab for the caller to name."""
        tab = button(checkable=True)
        tab.setObjectName(f"tab-{name}")
        tab.clicked.connect(lambda _=False: self.show_section(name))
        self.tabs.addButton(tab)
        self.tab_buttons[name] = tab
        self.tab_row.addWidget(tab)
        self.pages[name] = page
        self.focus_of[name] = focus
        self.stack.addWidget(page)
        return tab

    # --- showing --------------------------------------------------------------------------

    def open(self, section: str = "find") -> None:
        """Show the menu afresh for the window's current session."""
        self.reset()
        session = self.host.session
        self.form.reset(
            language=session.language,
            surgery_date=session.surgery_date if session.patient is None else None,
            keeps_progress=session.patient is None and _has_progress(session),
        )
        self.teach_back.show_session(session)
        self.show_section(section)
        refit(self)

    def reset(self) -> None:
        """Forget everything shown (at sign-out): no patient's data stays in the widgets."""
        self.show_message("")
        self.form.reset(language=self.host.session.language, surgery_date=None,
                        keeps_progress=False)  # fmt: skip
        self.finder.reset()
        self.teach_back.show_session(None)

    def show_section(self, name: str) -> None:
        self.section = name
        self.tab_buttons[name].setChecked(True)
        self.stack.setCurrentWidget(self.pages[name])
        self.show_message("")
        self.focus_of[name].setFocus()

    # --- actions --------------------------------------------------------------------------

    def _start(self, new: NewPatient) -> None:
        current = self.host.session
        keep = current if current.patient is None else None  # never rename another patient
        try:
            session = self.sessions.new_named(
                current.content,
                new.patient,
                language=new.language,
                surgery_date=new.surgery_date,
                session=keep,
            )
        except StaleError:  # another station changed the session first: it shows it now
            self.changed_elsewhere.emit()
            return
        except StoreError as exc:
            self.store_failed.emit(exc.message)
            return
        self.session_chosen.emit(session)

    def _search(self, text: str) -> None:
        if not text.strip():
            self.finder.show_results(None)
            self.show_message(self.tr("Type a name, a date of birth or an MRN first."))
            return
        self.show_message("")
        order = station_date_order()
        try:
            born, unreadable = read_date(text, order, self.today), False
        except UnreadableDate:
            born, unreadable = None, True  # (an MRN may still look like this)
        try:
            results = self.sessions.find(text, born=born)
        except StoreError as exc:
            self.store_failed.emit(exc.message)
            return
        if unreadable and not results:
            self.finder.show_results(None)
            self.show_message(
                fill(self.tr("“%1” is not a date. Type the date of birth as %2, for example %3."),
                     text.strip(), self.finder.order_words(order), EXAMPLES[order])
            )  # fmt: skip
        else:
            self.finder.show_results(results)
        refit(self)

    def _resume(self, session_id: int) -> None:
        try:
            session = self.sessions.resume(session_id, self.host.session.content)
        except KeyError:
            self.show_message(self.tr("That session is no longer there. Search again."))
            return
        except StoreError as exc:
            self.store_failed.emit(exc.message)
            return
        self.session_chosen.emit(session)

    def _teach_back(self) -> None:
        session = self.host.session
        try:
            session.mark_teach_back_done()
        except PermissionError:
            self.show_message(self.tr("Sign in first."))
            return
        except StaleError:  # another station changed the session first: it shows it now
            self.changed_elsewhere.emit()
            session = self.host.session
        except StoreError as exc:
            self.store_failed.emit(exc.message)
            return
        self.teach_back.show_session(session)
        refit(self)

    def retranslate(self) -> None:
        set_text(self.heading, self.tr("Staff menu"))
        set_text(self.close_button, self.tr("Close"), self.tr("Close the staff menu"))
        names = (self.tr("New patient session"), self.tr("Find a patient"), self.tr("Quiz results"))
        for name, text in zip(SECTIONS, names, strict=True):
            set_text(self.tab_buttons[name], text)
        language = self.host.session.language
        self.finder.ui_language = language
        self.form.retranslate()
        self.finder.retranslate()
        self.teach_back.retranslate()
        refit(self)


def _has_progress(session: Session) -> bool:
    return bool(session.items or session.quiz_answers or session.surgery_date)
