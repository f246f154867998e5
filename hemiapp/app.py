"""Composition root: loads the content, opens the database, builds the window, runs."""

from __future__ import annotations

import argparse
import faulthandler
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMainWindow

from hemiapp.config import load_config
from hemiapp.content.errors import ContentError
from hemiapp.content.loader import load_content
from hemiapp.kiosk.controller import KioskIdle
from hemiapp.paths import bundled_content_root
from hemiapp.report.document import ReportOptions
from hemiapp.report.printing import page_size_for_locale
from hemiapp.store.db import StoreError, default_db_path, open_database
from hemiapp.store.sessions import SessionStore
from hemiapp.store.staff import StaffStore
from hemiapp.ui.content_error import ContentErrorWindow
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.maintenance import MaintenanceWindow
from hemiapp.ui.printing import PrintController
from hemiapp.ui.staff import attach_staff


def build_window(args: argparse.Namespace) -> QMainWindow:
    """The app's window: the journey, or a screen saying what is wrong with content or data."""
    try:
        config = load_config(getattr(args, "config", None))
    except ContentError as exc:
        for finding in exc.findings:
            print(finding, file=sys.stderr)
        return ContentErrorWindow(exc)
    root = args.content or config.content or bundled_content_root()
    try:
        loaded = load_content(root)
    except ContentError as exc:
        for finding in exc.findings:
            print(finding, file=sys.stderr)
        return ContentErrorWindow(exc)
    db_path: Path = getattr(args, "db", None) or config.database or default_db_path()
    try:
        db = open_database(db_path)
    except StoreError as exc:
        print(f"hemiapp: {exc.message}", file=sys.stderr)
        return MaintenanceWindow(exc.message)
    sessions = SessionStore(db)
    window = MainWindow(loaded.content, sessions=sessions)
    attach_staff(window, StaffStore(db), sessions, idle_seconds=config.staff_idle_minutes * 60)
    options = ReportOptions(
        clinic_name=config.clinic_name,
        logo=config.logo,
        page_size=config.paper_size or page_size_for_locale(),
    )
    PrintController(window, options, config.printer, sessions)
    KioskIdle(window, config.idle_seconds, config.countdown_seconds)
    return window


def store_error_hook(
    window: QMainWindow,
    fallback: Callable[[type[BaseException], BaseException, TracebackType | None], object],
) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    """An exception hook that sends unsaved changes to the maintenance screen."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if isinstance(error, StoreError) and isinstance(window, MainWindow):
            window.store_failed(error.message)
            return
        fallback(kind, error, tb)

    return hook


def run(args: argparse.Namespace) -> int:
    faulthandler.enable()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("HemiGuide")
    app.setOrganizationName("HemiGuide")
    window = build_window(args)
    sys.excepthook = store_error_hook(window, sys.__excepthook__)
    window.resize(1280, 800)
    window.show()
    return app.exec()
