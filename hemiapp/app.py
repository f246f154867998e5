"""Composition root: loads the content, builds the window, runs the event loop."""

from __future__ import annotations

import argparse
import faulthandler
import sys

from PySide6.QtWidgets import QApplication

from hemiapp.content.errors import ContentError
from hemiapp.content.loader import load_content
from hemiapp.paths import bundled_content_root
from hemiapp.ui.main_window import MainWindow


def run(args: argparse.Namespace) -> int:
    faulthandler.enable()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("HemiGuide")
    app.setOrganizationName("HemiGuide")
    root = args.content or bundled_content_root()
    try:
        loaded = load_content(root)
    except ContentError as exc:
        window = MainWindow.for_content_error(exc)
    else:
        window = MainWindow(loaded.content)
    window.resize(1280, 800)
    window.show()
    return app.exec()
