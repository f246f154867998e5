"""Screenshots of staff mode: ``python -m tests.ui.staff.screenshots [OUT] [--size WxH]``.

Renders offscreen, in English and Spanish, against a throw-away database: sign-in, the
staff menu (new session, find, quiz results and teach-back), a note, sign-off, a signed
checklist, signing it again, a checklist changed after its sign-off, and a kiosk's staff
bar, "This kiosk" section and "Quit HemiGuide?".
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

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QDialog

from hemiapp.content.loader import load_content
from hemiapp.content.models import Content
from hemiapp.content.session import ItemStatus, PatientDetails
from hemiapp.kiosk.lockdown import KioskLock
from hemiapp.paths import bundled_content_root
from hemiapp.store import staff
from hemiapp.store.db import open_database
from hemiapp.store.sessions import SessionStore
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.staff.controller import StaffController
from hemiapp.ui.theme import TextSize
from hemiapp.wiring import attach_staff
from tests.screenshots import settle

PIN = "4071958263"


def tour(window: MainWindow, staff_ui: StaffController, language: str) -> Iterator[str]:
    """Walk staff mode; yield a name whenever there is something to see."""
    content = window.content
    if language != "en":
        window.session.set_language(language)
        window.set_language(language)
    staff_ui.open_sign_in()
    staff_ui.sign_in_panel.staff_id.setText("ana")
    staff_ui.sign_in_panel.pin.setText(PIN[:5])
    yield "1-sign-in"
    staff_ui.sign_in_panel.pin.setText("111111")
    staff_ui.sign_in_panel.attempt()
    yield "1-sign-in-wrong"
    staff_ui.sign_in_panel.staff_id.setText("ana")
    staff_ui.sign_in_panel.pin.setText(PIN)
    staff_ui.sign_in_panel.attempt()
    session = window.session
    session.set_surgery_date(date(2026, 12, 8))
    questions = content.course.questions
    for number, question in enumerate(questions):
        wrong = next(c.id for c in question.choices if c.id != question.answer)
        session.answer(question, wrong if number in (0, 2) else question.answer)
    screen = window.checklist_screens[0]
    screen.model.setData(screen.model.index(0), ItemStatus.DONE.value)
    staff_ui.open_panel("new")
    yield "2-new-session"
    staff_ui.panel.form.submit()
    yield "2-new-session-problems"
    form = staff_ui.panel.form
    form.name.setText("María López")
    for field, text in zip(form.dob.fields, ("05", "03", "1958"), strict=True):
        field.setText(text)
    form.mrn.setText("100234")
    form.surgeon.setText("Dr. Chen")
    form.submit()
    yield "3-named-session"
    sessions = staff_ui.sessions
    for name, born, mrn in (
        ("María Lopera", date(1961, 7, 14), "100987"),
        ("<b>x</b> Martínez", date(1970, 1, 2), ""),
    ):
        sessions.new_named(
            content, PatientDetails(name, born, mrn), language="es", surgery_date=None
        )
    staff_ui.open_panel("find")
    staff_ui.panel.finder.search.setText("Mar")
    staff_ui.panel.finder.search_button.click()
    yield "4-find-results"
    staff_ui.panel.show_section("quiz")
    yield "5-quiz-results"
    staff_ui.panel.teach_back.done.click()
    yield "5-teach-back-done"
    staff_ui.close_page()
    screen = window.checklist_screens[0]  # the named session has screens of its own
    window.show_screen(window.screens.index(screen))
    item = screen.model.item(0)
    window.session.set_note("pre-op", item.id, "Smokes 5 a day; gave the quit line leaflet.")
    screen.model.refresh()
    yield "6-checklist-note"
    staff_ui.open_note(screen, 1)
    staff_ui.note_editor.editor.setPlainText("Asked about <b>blood thinners</b>; told surgeon.")
    yield "6-note-editor"
    staff_ui.close_page()
    staff_ui.open_sign_off(screen)
    yield "7-sign-off"
    staff_ui.sign_off_panel.pin.setText(PIN)
    staff_ui.sign_off_panel.attempt()
    yield "8-signed-staff"
    staff_ui.open_sign_off(screen)
    yield "8-sign-off-again"
    staff_ui.close_page()
    staff_ui.sign_out()
    yield "8-signed-patient"
    staff_ui.sign_in_as(staff_ui.staff.sign_in("ana", PIN))
    screen.model.setData(screen.model.index(2), ItemStatus.DONE.value)
    yield "9-changed-after-sign-off"
    window.set_high_contrast(True)
    yield "9-high-contrast"
    staff_ui.open_panel("find")
    yield "9-high-contrast-menu"
    staff_ui.open_panel("new")
    yield "9-high-contrast-new-session"
    staff_ui.open_sign_off(screen)
    yield "9-high-contrast-sign-off"
    staff_ui.close_page()
    window.set_high_contrast(False)
    window.set_text_size(TextSize.EXTRA_LARGE)
    yield "9-extra-large"
    staff_ui.open_panel("new")
    yield "9-extra-large-new-session"
    staff_ui.open_panel("find")
    staff_ui.panel.finder.search.setText("31/02/1961")
    staff_ui.panel.finder.search_button.click()
    yield "9-extra-large-find-unreadable-date"
    staff_ui.open_sign_off(screen)
    yield "9-extra-large-sign-off"
    staff_ui.close_page()
    window.set_text_size(TextSize.NORMAL)
    lock = KioskLock(window, staff_ui)  # a kiosk (not full-screen here: the grab is sized)
    lock.locked = True
    lock.retranslate()
    lock.leave_button.setVisible(True)  # (as lock() would, without going full-screen)
    staff_ui.bar.show_member(staff_ui.member, window.session)
    window.show_screen(0)
    yield "10-kiosk-welcome-staff"
    staff_ui.open_panel("kiosk")
    yield "10-kiosk-section"
    lock.quit()
    yield "10-kiosk-quit"
    if lock.confirm is not None:
        lock.confirm.reject()
    staff_ui.close_page()
    window.set_text_size(TextSize.EXTRA_LARGE)
    yield "10-kiosk-welcome-staff-extra-large"
    window.set_text_size(TextSize.NORMAL)
    lock.locked = False
    staff_ui.signed_out.disconnect()
    window.finish()


def grab(window: MainWindow) -> QPixmap:
    """The window, with any dialog open over it drawn where it is."""
    picture = window.grab()
    painter = QPainter(picture)
    for dialog in window.findChildren(QDialog):
        if dialog.isVisible():
            spot = window.mapFromGlobal(dialog.mapToGlobal(QPoint(0, 0)))
            painter.drawPixmap(spot, dialog.grab())
    painter.end()
    return picture


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", nargs="?", default="screenshots/staff", type=Path)
    parser.add_argument("--size", default="1280x800")
    # One language per run keeps each run short.
    parser.add_argument("--language", choices=("en", "es"), action="append")
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.size.split("x"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    content: Content = load_content(bundled_content_root()).content
    staff.SCRYPT_PARAMS = staff.ScryptParams(n=2**4, r=8, p=1)  # a throw-away database
    args.out.mkdir(parents=True, exist_ok=True)
    saved = 0
    for language in args.language or ["en"]:
        with tempfile.TemporaryDirectory() as tmp:
            db = open_database(Path(tmp) / "h.db", station="screenshots")
            store = staff.StaffStore(db)
            store.add("ana", "Ana Ruiz", "Nurse", PIN)
            sessions = SessionStore(db)
            window = MainWindow(content, sessions=sessions, today=date(2026, 11, 23))
            staff_ui = attach_staff(window, store, sessions)
            window.resize(width, height)
            window.show()
            for shot in tour(window, staff_ui, language):
                settle(app)
                if (window.width(), window.height()) != (width, height):
                    print(
                        f"{language}-{shot}: the window grew to {window.width()}×{window.height()}"
                    )
                grab(window).save(str(args.out / f"{language}-{shot}.png"))
                saved += 1
            window.close()
            window.deleteLater()
            app.processEvents()
            db.close()
    print(f"saved {saved} screenshots in {args.out}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
