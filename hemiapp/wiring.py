"""The composition root's wiring: which controller hears which of the window's signals.

Nothing is handed the main window. The window says what happens in it with its signals
(another session shown, the visit ended, the theme or language changed, a checklist's
"Add note"/"Sign off", the review's print buttons); the controllers get the window's page
host (``window.pages``) and the few things they use, and are connected here, in one place.
Every connection is to a signal of an object that exists when it is made (the window
forwards its lazily made screens' requests), so the order the pieces are made in does not
matter. ``hemiapp.app`` uses these; the tests build their stations with them too.
"""

from __future__ import annotations

from pathlib import Path

from hemiapp.config import IdleWipe
from hemiapp.kiosk.controller import DEFAULT_COUNTDOWN_SECONDS, KioskIdle
from hemiapp.kiosk.controller import DEFAULT_IDLE_SECONDS as KIOSK_IDLE_SECONDS
from hemiapp.report.document import ReportOptions
from hemiapp.store.sessions import SessionStore
from hemiapp.store.staff import StaffStore
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.printing import PrintController
from hemiapp.ui.staff.controller import DEFAULT_IDLE_SECONDS, StaffController


def attach_staff(
    window: MainWindow,
    staff_store: StaffStore,
    sessions: SessionStore,
    *,
    idle_seconds: float | None = None,
) -> StaffController:
    """Staff mode for ``window``; ``idle_seconds`` (staff sign-out) defaults to 5 minutes."""
    staff = StaffController(
        window.pages,
        window.top_bar,
        staff_store,
        sessions,
        today=window.today,
        idle_seconds=DEFAULT_IDLE_SECONDS if idle_seconds is None else idle_seconds,
        high_contrast=window.high_contrast,
    )
    window.session_shown.connect(staff.session_shown)
    window.visit_ended.connect(lambda: staff.sign_out())
    window.theme_changed.connect(staff.theme_changed)
    window.note_requested.connect(staff.open_note)
    window.signoff_requested.connect(staff.open_sign_off)
    return staff


def attach_printing(
    window: MainWindow,
    options: ReportOptions,
    printer_name: str | None = None,
    sessions: SessionStore | None = None,
    *,
    pdf: Path | None = None,
    staff: StaffController | None = None,
) -> PrintController:
    """Printing from ``window``'s review (to ``printer_name``, or into the file ``pdf``);
    with ``staff``, their dialogs and the file they saved go when they sign out."""
    printing = PrintController(window.pages, options, printer_name, sessions, pdf=pdf)
    window.print_requested.connect(printing.print_session)
    window.preview_requested.connect(printing.preview)
    window.pdf_requested.connect(printing.save_pdf)
    printing.state_shown.connect(window.show_print_state)
    window.enable_printing()
    if staff is not None:

        def staff_left(_reason: str) -> None:
            printing.close_dialogs()
            window.staff_left()

        staff.signed_out.connect(staff_left)
    return printing


def watch_idle(
    window: MainWindow,
    idle_seconds: float = KIOSK_IDLE_SECONDS,
    countdown_seconds: int = DEFAULT_COUNTDOWN_SECONDS,
    *,
    wipe: IdleWipe = "always",
    staff: StaffController | None = None,
) -> KioskIdle:
    """The idle wipe of ``window``'s visits (not while ``staff`` are signed in)."""
    idle = KioskIdle(
        window.pages,
        idle_seconds,
        countdown_seconds,
        untouched=window.untouched,
        end_visit=lambda: window.finish("idle-wipe"),
        wipe=wipe,
    )
    if staff is not None:
        idle_follows_staff(idle, staff)
    return idle


def idle_follows_staff(idle: KioskIdle, staff: StaffController) -> None:
    """No idle wipe while a staff member is signed in (whenever the two were made)."""
    staff.signed_in.connect(lambda _member: idle.staff_signed_in())
    staff.signed_out.connect(lambda _reason: idle.staff_signed_out())
    if staff.member is not None:
        idle.staff_signed_in()
