"""Staff-mode fixtures: a real temporary database, a real staff store with a nurse, and the
main window with staff mode attached. PINs are hashed at a cheap scrypt cost here."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hemiapp.content.models import Content
from hemiapp.store import staff
from hemiapp.store.db import Database, open_database
from hemiapp.store.sessions import SessionStore
from hemiapp.store.staff import StaffMember, StaffStore
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.staff.controller import StaffController
from hemiapp.wiring import attach_staff

TODAY = date(2026, 11, 23)
PIN = "4071958263"
OTHER_PIN = "9180367254"
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(staff, "SCRYPT_PARAMS", staff.ScryptParams(n=2**4, r=8, p=1))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "h.db", station="test-station")
    yield database
    database.close()


@pytest.fixture
def staff_store(db: Database) -> StaffStore:
    return StaffStore(db)


@pytest.fixture
def nurse(staff_store: StaffStore) -> StaffMember:
    return staff_store.add("ana", "Ana Ruiz", "Nurse", PIN)


@pytest.fixture
def sessions(db: Database) -> SessionStore:
    return SessionStore(db)


@pytest.fixture
def window(qtbot: QtBot, content: Content, sessions: SessionStore) -> MainWindow:
    win = MainWindow(content, sessions=sessions, today=TODAY)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    win.activateWindow()
    qtbot.waitActive(win)
    return win


@pytest.fixture
def controller(
    window: MainWindow, staff_store: StaffStore, sessions: SessionStore, nurse: StaffMember
) -> StaffController:
    return attach_staff(window, staff_store, sessions)


def settle() -> None:
    for _ in range(10):
        QCoreApplication.sendPostedEvents()
        QApplication.processEvents()


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, LEFT)


def type_pin(qtbot: QtBot, controller: StaffController, pin: str) -> None:
    """Type ``pin`` on the sign-in panel's keypad (into the PIN field)."""
    panel = controller.sign_in_panel
    panel.pin.setFocus()
    for digit in pin:
        click(qtbot, panel.keypad.keys[digit])


def sign_in(
    qtbot: QtBot, controller: StaffController, staff_id: str = "ana", pin: str = PIN
) -> None:
    """Sign in through the interface: Staff button, staff ID, PIN on the keypad, Sign in."""
    click(qtbot, controller.bar.staff_button)
    panel = controller.sign_in_panel
    assert controller.host.current() is panel
    panel.staff_id.setFocus()
    qtbot.keyClicks(panel.staff_id, staff_id)
    type_pin(qtbot, controller, pin)
    click(qtbot, panel.sign_in)


def audit_actions(db: Database) -> list[str]:
    return [row["action"] for row in db.read("SELECT action FROM audit ORDER BY id")]
