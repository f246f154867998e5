"""Staff mode: who is signed in at this station, their pages over the journey, idle logoff.

The controller owns staff state. Signing in sets the session's ``actor`` (so every change
is recorded as the staff member's) and shows the staff controls; signing out (the button,
Finish, or no input for ``idle_seconds``) clears it, closes every staff page and empties
it, and writes 'logout' or 'idle-logoff' to the audit log.

Idle time is one single-shot timer, restarted by an event filter on the application for
real input (mouse press, key press, touch, wheel) while someone is signed in: no polling.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from hemiapp.content.session import ReadOnlyError, Session
from hemiapp.store.db import StoreError
from hemiapp.store.sessions import SessionStore
from hemiapp.store.staff import StaffMember, StaffStore
from hemiapp.store.station import StationLog
from hemiapp.ui.checklist import ChecklistScreen
from hemiapp.ui.staff.bar import StaffBar
from hemiapp.ui.staff.common import Page, actor_of
from hemiapp.ui.staff.notes import NoteEditor
from hemiapp.ui.staff.panel import StaffPanel
from hemiapp.ui.staff.signin import SignInPanel
from hemiapp.ui.staff.signoff import SignOffPanel
from hemiapp.ui.staffonly import staff_only, withdraw
from hemiapp.ui.theme import HIGH_CONTRAST, NORMAL

if TYPE_CHECKING:
    from hemiapp.ui.main_window import MainWindow

DEFAULT_IDLE_SECONDS = 300.0
_INPUT = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.KeyPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.Wheel,
    }
)


class StaffController(QObject):
    signed_in = Signal(object)  # StaffMember
    signed_out = Signal(str)  # 'logout' or 'idle-logoff'

    def __init__(
        self,
        window: MainWindow,
        staff: StaffStore,
        sessions: SessionStore,
        *,
        idle_seconds: float = DEFAULT_IDLE_SECONDS,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.staff = staff
        self.sessions = sessions
        self.member: StaffMember | None = None
        self._return_to: QWidget | None = None  # what the staff page covers
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(max(1, round(idle_seconds * 1000)))
        self.idle_timer.timeout.connect(lambda: self.sign_out("idle-logoff"))

        self.bar = StaffBar(window.top_bar)
        self.bar.sign_in_requested.connect(self.open_sign_in)
        self.bar.menu_requested.connect(self.open_panel)
        self.bar.sign_out_requested.connect(self.sign_out)
        self.sign_in_panel = SignInPanel(staff)
        self.sign_in_panel.signed_in.connect(self.sign_in_as)
        self.sign_in_panel.cancelled.connect(self.close_page)
        self.panel = StaffPanel(window, sessions)
        self.panel.session_chosen.connect(self._show_session)
        self.panel.closed.connect(self.close_page)
        self.note_editor = NoteEditor()
        self.note_editor.saved.connect(self._save_note)
        self.note_editor.cancelled.connect(self.close_page)
        self.sign_off_panel = SignOffPanel(staff)
        self.sign_off_panel.confirmed.connect(self._sign_off)
        self.sign_off_panel.cancelled.connect(self.close_page)
        self.pages: list[Page] = [
            self.sign_in_panel,
            self.panel,
            self.note_editor,
            self.sign_off_panel,
        ]
        for page in self.pages:
            page.store_failed.connect(self._store_failed)
            window.stack.addWidget(page)
        for page in (self.panel, self.note_editor, self.sign_off_panel):
            staff_only(page)  # (the sign-in page is for anybody)
        window.staff = self
        if window.checklist_screens:  # made once, for every visit (maybe not yet)
            self._wire_checklists()
        else:
            window.screens_ready.connect(self._wire_checklists)
        self.session_shown()
        self.theme_changed()
        self.retranslate()

    # --- signing in and out -------------------------------------------------------------

    def sign_in_as(self, member: StaffMember) -> None:
        """``member`` signed in (their PIN was checked): staff mode for the current session."""
        self.member = member
        self.window.session.actor = actor_of(member)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.idle_timer.start()
        self.close_page()
        self.bar.show_member(member, self.window.session)
        self.signed_in.emit(member)

    def sign_out(self, reason: str = "logout") -> None:
        """Leave staff mode ('logout' or 'idle-logoff'); nothing of it stays on screen.

        With nobody signed in it still closes and empties the staff pages (a Finish
        after a patient typed into the sign-in page leaves nothing behind).
        """
        member = self.member
        self.member = None
        self.close_page()
        for page in self.pages:
            page.reset()
        if member is None:
            return
        self.idle_timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.window.session.actor = None
        withdraw(self.window)  # every staff-only control and dialog, wherever it is
        self.bar.show_member(None, None)
        self.signed_out.emit(reason)
        try:
            StationLog(self.staff.db).signed_out(
                member.staff_id, "idle-logoff" if reason == "idle-logoff" else "logout",
                self.window.session.id,
            )  # fmt: skip
        except StoreError as exc:
            self.window.store_failed(exc.message)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.member is not None and event.type() in _INPUT:
            self.idle_timer.start()  # restarts: idle time counts from the last input
        return False

    # --- pages over the journey ---------------------------------------------------------

    def _show_page(self, page: Page) -> None:
        current = self.window.stack.currentWidget()
        if not any(current is p for p in self.pages):
            self._return_to = current
        self.window.stack.setCurrentWidget(page)

    def close_page(self) -> None:
        """Back to what the staff page covered (the journey screen, or the maintenance page)."""
        stack = self.window.stack
        if not any(stack.currentWidget() is p for p in self.pages):
            return
        back = self._return_to
        self._return_to = None
        if back is self.window.maintenance:
            stack.setCurrentWidget(back)
            return
        for screen in self.window.screens:
            if screen is back:
                screen.refresh()
                stack.setCurrentWidget(screen)
                screen.setFocus()
                return
        self.window.show_screen(0)  # what it covered is not there any more

    def open_sign_in(self) -> None:
        self.sign_in_panel.open()
        self._show_page(self.sign_in_panel)
        self.sign_in_panel.staff_id.setFocus()

    def open_panel(self, section: str = "find") -> None:
        if self.member is None:
            return
        self.panel.retranslate()
        self.panel.open(section)
        self._show_page(self.panel)

    def open_note(self, screen: ChecklistScreen, row: int) -> None:
        if self.member is None:
            return
        model = screen.model
        item = model.item(row)
        note = self.window.session.item(model.checklist.id, item.id).note
        self.note_editor.open(
            model.checklist.id, item.id, item.text.get(self.window.session.language), note
        )
        self._show_page(self.note_editor)

    def open_sign_off(self, screen: ChecklistScreen) -> None:
        member = self.member
        if member is None:
            return
        checklist = screen.model.checklist
        session = self.window.session
        done, total = screen.model.progress()
        current = session.signoffs.get(checklist.id)
        taken_back = [s for s in session.signoff_history if s.checklist_id == checklist.id]
        earlier = current or (taken_back[-1] if taken_back else None)
        self.sign_off_panel.open(
            checklist.id, checklist.title.get(session.language), member, session.language,
            not_done=total - done, earlier=earlier, changed_since=current is None,
        )  # fmt: skip
        self._show_page(self.sign_off_panel)

    # --- what the pages ask for ---------------------------------------------------------

    def _show_session(self, session: Session) -> None:
        """A started or resumed session: shown with the staff member still acting."""
        if self.member is None:
            return
        session.actor = actor_of(self.member)
        self._return_to = None
        self.panel.reset()
        self.window.set_session(session)

    def _save_note(self, checklist_id: str, item_id: str, note: str) -> None:
        try:
            self.window.session.set_note(checklist_id, item_id, note)
        except (ReadOnlyError, PermissionError):
            self.note_editor.show_message(self.tr("Only a signed-in staff member can add notes."))
            return
        except StoreError as exc:
            self._store_failed(exc.message)
            return
        self.note_editor.reset()
        self.close_page()

    def _sign_off(self, checklist_id: str, attestation: str) -> None:
        try:
            self.window.session.sign_off(checklist_id, attestation)
        except PermissionError:
            self.sign_off_panel.show_message(self.tr("Sign in first."))
            return
        except StoreError as exc:
            self._store_failed(exc.message)
            return
        self.sign_off_panel.reset()
        self.close_page()

    def _store_failed(self, message: str) -> None:
        self._return_to = None
        self.window.store_failed(message)

    # --- the window's hooks -------------------------------------------------------------

    def _wire_checklists(self) -> None:
        for screen in self.window.checklist_screens:
            screen.note_requested.connect(lambda row, s=screen: self.open_note(s, row))
            screen.signoff_requested.connect(lambda s=screen: self.open_sign_off(s))

    def session_shown(self) -> None:
        """The window shows another session: the staff member (if any) acts in it."""
        if self.member is not None:
            self.window.session.actor = actor_of(self.member)
        self.bar.show_member(self.member, self.window.session if self.member else None)

    def theme_changed(self) -> None:
        """The window's palette changed (normal or high contrast): the text fields follow."""
        palette = HIGH_CONTRAST if self.window.high_contrast else NORMAL
        for page in self.pages:
            page.apply_palette(palette)

    def retranslate(self) -> None:
        self.bar.retranslate()
        for page in self.pages:
            page.retranslate()
