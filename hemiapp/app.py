"""Composition root: loads the content, builds the window, runs the event loop."""

from __future__ import annotations

import argparse
import faulthandler
import sys

from PySide6.QtWidgets import QApplication, QMainWindow

from hemiapp.content.errors import ContentError
from hemiapp.content.loader import load_content
from hemiapp.paths import bundled_content_root
from hemiapp.ui.content_error import ContentErrorWindow
from hemiapp.ui.main_window import MainWindow


def build_window(args: argparse.Namespace) -> QMainWindow:
    """The window for the content folder: the app, or a screen listing content errors."""
    root = args.content or bundled_content_root()
    try:
        loaded = load_content(root)
    except ContentError as exc:
        for finding in exc.findings:
            print(finding, file=sys.stderr)
        return ContentErrorWindow(exc)
    return MainWindow(loaded.content)


def run(args: argparse.Namespace) -> int:
    faulthandler.enable()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("HemiGuide")
    app.setOrganizationName("HemiGuide")
    window = build_window(args)
    window.resize(1280, 800)
    window.show()
    return app.exec()
