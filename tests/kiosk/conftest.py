"""The staff-mode fixtures (a real database, a nurse, staff mode), shared with the kiosk
tests; here the window is shown by the kiosk lock, full-screen, as ``hemiapp --kiosk``
does (locking a window that is already shown is tested too, in test_lockdown.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from hemiapp.content.models import Content
from hemiapp.kiosk.lockdown import KioskLock
from hemiapp.store.sessions import SessionStore
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.staff.controller import StaffController
from tests.ui.conftest import content, no_leftover_translators
from tests.ui.staff.conftest import (
    TODAY,
    cheap_scrypt,
    controller,
    db,
    nurse,
    sessions,
    staff_store,
)

__all__ = [
    "cheap_scrypt",
    "content",
    "controller",
    "db",
    "no_leftover_translators",
    "nurse",
    "sessions",
    "staff_store",
]


@pytest.fixture
def window(qtbot: QtBot, content: Content, sessions: SessionStore) -> MainWindow:
    win = MainWindow(content, sessions=sessions, today=TODAY)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    return win


@pytest.fixture
def lock(qtbot: QtBot, window: MainWindow, controller: StaffController) -> Iterator[KioskLock]:
    kiosk = KioskLock(window, controller, hide_cursor=True)
    kiosk.show()
    qtbot.waitUntil(window.isActiveWindow)
    yield kiosk
    while QGuiApplication.overrideCursor() is not None:
        QGuiApplication.restoreOverrideCursor()
