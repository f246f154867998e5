"""Screenshots of "This was just changed at another station": ``python -m
tests.ui.elsewhere_screenshots [OUT]``.

Offscreen at 1280×800 in English/Normal, Spanish/Extra large and high contrast, with two
stations on one throw-away database: a kiosk changes something, then the nurse station
changes the same thing from what it still shows. Shots: a tick on the checklist, a
sign-off (the checklist then shows the kiosk's), the calendar, and teach-back in the
staff menu.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from hemiapp.content.loader import load_content
from hemiapp.content.models import Content
from hemiapp.content.session import PatientDetails, Session
from hemiapp.paths import bundled_content_root
from hemiapp.store import staff
from hemiapp.store.db import open_database
from hemiapp.store.sessions import SessionStore
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.staff.common import actor_of
from hemiapp.ui.staff.controller import StaffController
from hemiapp.ui.theme import TextSize
from hemiapp.wiring import attach_staff
from tests.screenshots import settle

CONFIGS = {
    "en-normal": ("en", TextSize.NORMAL, False),
    "es-xlarge": ("es", TextSize.EXTRA_LARGE, False),
    "en-contrast": ("en", TextSize.NORMAL, True),
}
PIN, OTHER_PIN = "4071958263", "9180367254"
PATIENT = PatientDetails("María López", date(1958, 3, 14), "MRN-0042", "Dr Okafor")


def tour(window: MainWindow, kiosk: Session, staff_ui: StaffController) -> Iterator[str]:
    """The nurse station's screens, each refused change with its notice on screen."""
    screen = window.checklist_screens[0]
    window.show_screen(window.screens.index(screen))
    kiosk.set_question("pre-op", screen.model.item(0).id, True)
    screen.cards[0].done.click()  # from the state it still shows
    yield "1-tick"
    staff_ui.open_sign_in()
    staff_ui.sign_in_panel.staff_id.setText("ben")
    staff_ui.sign_in_panel.pin.setText(OTHER_PIN)
    staff_ui.sign_in_panel.attempt()
    staff_ui.open_sign_off(screen)
    kiosk.sign_off("pre-op", "Gone through with the patient.")
    staff_ui.sign_off_panel.pin.setText(OTHER_PIN)
    staff_ui.sign_off_panel.attempt()
    yield "2-sign-off"
    screen.change_date.click()
    kiosk.set_surgery_date(date(2026, 12, 15))
    window.choose_date(date(2026, 12, 22), window.date_page)
    yield "3-date"
    window.date_page.finish.click()
    staff_ui.open_panel("quiz")
    kiosk.mark_teach_back_done()
    staff_ui.panel.teach_back.done.click()
    yield "4-teach-back"


def shots(app: QApplication, content: Content, out: Path, name: str, folder: Path) -> list[Path]:
    language, size, contrast = CONFIGS[name]
    shared = folder / f"{name}.db"
    kiosk_db, nurse_db = (open_database(shared, station=s) for s in ("kiosk", "nurse"))
    staff_store = staff.StaffStore(nurse_db)
    ana = staff_store.add("ana", "Ana Ruiz", "Nurse", PIN)
    staff_store.add("ben", "Ben Okoro", "Nurse", OTHER_PIN)
    started = SessionStore(kiosk_db).new_named(
        content, PATIENT, language=language, surgery_date=date(2026, 12, 8)
    )
    assert started.id is not None
    kiosk = SessionStore(kiosk_db).resume(started.id, content)
    kiosk.actor = actor_of(ana)
    sessions = SessionStore(nurse_db)
    window = MainWindow(content, sessions=sessions, today=date(2026, 11, 23))
    window.resize(1280, 800)
    window.show()
    staff_ui = attach_staff(window, staff_store, sessions)
    window.set_session(sessions.resume(started.id, content))
    window.set_text_size(size)
    window.set_high_contrast(contrast)
    saved = []
    try:
        for shot in tour(window, kiosk, staff_ui):
            settle(app)
            assert window.notice.isVisible(), shot
            saved.append(out / f"{name}-{shot}.png")
            window.grab().save(str(saved[-1]))
    finally:
        window.close()
        window.deleteLater()
        nurse_db.close()
        kiosk_db.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", nargs="?", default="screenshots/elsewhere", type=Path)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    staff.SCRYPT_PARAMS = staff.ScryptParams(n=2**4, r=8, p=1)  # a throw-away database
    content = load_content(bundled_content_root()).content
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        for name in CONFIGS:
            saved += shots(app, content, out, name, Path(folder))
    for path in saved:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
