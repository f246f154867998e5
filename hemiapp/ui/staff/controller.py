"""Staff mode: who is signed in at this station, their pages over the journey, idle logoff.

The controller owns staff state. Signing in sets the session's ``actor`` (so every change
is recorded as the staff member's) and shows the staff controls; signing out (the button,
Finish, or no input for ``idle_seconds``) clears it, closes every staff page and empties
it, and writes 'logout' or 'idle-logoff' to the audit log.

Idle time is one single-shot timer, restarted by an event filter on the application for
real input (mouse press, key press, touch, wheel) while someone is signed in: no polling.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from hemiapp.content.session import ReadOnlyError, Session
from hemiapp.store.db import StaleError, StoreError
from hemiapp.store.sessions import SessionStore
from hemiapp.store.staff import StaffMember, StaffStore
from hemiapp.store.station import StationLog
from hemiapp.ui.checklist import ChecklistScreen
from hemiapp.ui.checklist_model import Role
from hemiapp.ui.host import PageHost
from hemiapp.ui.staff.bar import StaffBar
from hemiapp.ui.staff.common import Page, actor_of
from hemiapp.ui.staff.notes import NoteEditor
from hemiapp.ui.staff.panel import StaffPanel
from hemiapp.ui.staff.signin import SignInPanel
from hemiapp.ui.staff.signoff import SignOffPanel
from hemiapp.ui.staffonly import staff_only, withdraw
from hemiapp.ui.theme import HIGH_CONTRAST, NORMAL
from hemiapp.ui.widgets import TopBar

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
    """Staff mode over the window's pages (``host``), its bar in ``top_bar``. It is not
    handed the window: the composition root connects the window's signals to
    :meth:`session_shown`, :meth:`sign_out`, :meth:`theme_changed`, :meth:`open_note` and
    :meth:`open_sign_off`. Its bar and pages follow the language themselves."""

    signed_in = Signal(object)  # StaffMember
    signed_out = Signal(str)  # 'logout' or 'idle-logoff'

    def __init__(
        self,
        host: PageHost,
        top_bar: TopBar,
        staff: StaffStore,
        sessions: SessionStore,
        *,
        today: date,
        idle_seconds: float = DEFAULT_IDLE_SECONDS,
        high_contrast: bool = False,
    ) -> None:
        super().__init__(host.widget)
        self.host = host
        self.staff = staff
        self.sessions = sessions
        self.member: StaffMember | None = None
        self._return_to: QWidget | None = None  # what the staff page covers
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(max(1, round(idle_seconds * 1000)))
        self.idle_timer.timeout.connect(lambda: self.sign_out("idle-logoff"))

        self.bar = StaffBar(top_bar)
        self.bar.sign_in_requested.connect(self.open_sign_in)
        self.bar.menu_requested.connect(self.open_panel)
        self.bar.sign_out_requested.connect(self.sign_out)
        self.sign_in_panel = SignInPanel(staff)
        self.sign_in_panel.signed_in.connect(self.sign_in_as)
        self.sign_in_panel.cancelled.connect(self.close_page)
        self.panel = StaffPanel(host, sessions, today)
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
            page.changed_elsewhere.connect(host.changed_elsewhere)
            host.add(page)
        for page in (self.panel, self.note_editor, self.sign_off_panel):
            staff_only(page)  # (the sign-in page is for anybody)
        self.session_shown()
        self.theme_changed(high_contrast)

    # --- signing in and out -------------------------------------------------------------

    def sign_in_as(self, member: StaffMember) -> None:
        """``member`` signed in (their PIN was checked): staff mode for the current session."""
        self.member = member
        self.host.visit.act_as(actor_of(member))
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.idle_timer.start()
        self.close_page()
        self.bar.show_member(member, self.host.session)
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
        self.host.visit.act_as(None)
        withdraw(self.host.widget.window())  # every staff-only control and dialog, wherever it is
        self.bar.show_member(None, None)
        self.signed_out.emit(reason)
        try:
            StationLog(self.staff.db).signed_out(
                member.staff_id, "idle-logoff" if reason == "idle-logoff" else "logout",
                self.host.session.id,
            )  # fmt: skip
        except StoreError as exc:
            self.host.store_failed(exc.message)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.member is not None and event.type() in _INPUT:
            self.idle_timer.start()  # restarts: idle time counts from the last input
        return False

    # --- pages over the journey ---------------------------------------------------------

    def _show_page(self, page: Page) -> None:
        current = self.host.current()
        if not any(current is p for p in self.pages):
            self._return_to = current
        self.host.show(page)

    def close_page(self) -> None:
        """Back to what the staff page covered (the journey screen, or the maintenance page)."""
        current = self.host.current()
        if not any(current is p for p in self.pages):
            return
        back = self._return_to
        self._return_to = None
        self.host.back_to(back)  # (the start, if what it covered is not there any more)

    def open_sign_in(self) -> None:
        self.sign_in_panel.open()
        self._show_page(self.sign_in_panel)
        self.sign_in_panel.staff_id.setFocus()

    def open_panel(self, section: str = "find") -> None:
        if self.member is None:
            return
        self.panel.open(section)
        self._show_page(self.panel)

    def open_note(self, screen: ChecklistScreen, row: int) -> None:
        if self.member is None:
            return
        model = screen.model
        item = model.item(row)
        note = str(model.data(model.index(row, 0), Role.NOTE) or "")
        self.note_editor.open(
            model.checklist.id, item.id, item.text.get(self.host.session.language), note
        )
        self._show_page(self.note_editor)

    def open_sign_off(self, screen: ChecklistScreen) -> None:
        member = self.member
        if member is None:
            return
        checklist = screen.model.checklist
        session = self.host.session
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
        self._return_to = None
        self.panel.reset()
        self.host.show_session(session)

    def _save_note(self, checklist_id: str, item_id: str, note: str) -> None:
        try:
            self.host.session.set_note(checklist_id, item_id, note)
        except (ReadOnlyError, PermissionError):
            self.note_editor.show_message(self.tr("Only a signed-in staff member can add notes."))
            return
        except StaleError:
            self._changed_elsewhere(self.note_editor)
            return
        except StoreError as exc:
            self._store_failed(exc.message)
            return
        self.note_editor.reset()
        self.close_page()

    def _sign_off(self, checklist_id: str, attestation: str) -> None:
        try:
            self.host.session.sign_off(checklist_id, attestation)
        except PermissionError:
            self.sign_off_panel.show_message(self.tr("Sign in first."))
            return
        except StaleError:
            self._changed_elsewhere(self.sign_off_panel)
            return
        except StoreError as exc:
            self._store_failed(exc.message)
            return
        self.sign_off_panel.reset()
        self.close_page()

    def _changed_elsewhere(self, page: Page) -> None:
        """The page's change was refused: another station had changed the item or the
        sign-off first. Back to the checklist, which shows what is saved now."""
        page.reset()
        self.close_page()
        self.host.changed_elsewhere()

    def _store_failed(self, message: str) -> None:
        self._return_to = None
        self.host.store_failed(message)

    def report_store_failure(self, message: str) -> None:
        """Something done from a staff page could not be saved (the kiosk's audit rows):
        the window says so; going back afterwards still returns to what the page covered."""
        self.host.store_failed(message)

    # --- what happens in the window (its signals, connected by the composition root) ------

    def session_shown(self) -> None:
        """The window shows another session (the visit carries who acts over to it)."""
        self.bar.show_member(self.member, self.host.session if self.member else None)

    def theme_changed(self, high_contrast: bool) -> None:
        """The window's palette changed (normal or high contrast): the text fields follow."""
        palette = HIGH_CONTRAST if high_contrast else NORMAL
        for page in self.pages:
            page.apply_palette(palette)
