"""Screenshots of printing: ``python -m tests.ui.print_screenshots [OUT]``.

Offscreen at 1280×800 in English/Normal, Spanish/Extra large and high contrast: the
review with each print state (the patient's view, and a staff member's with the
reason), the print preview, Qt's print dialog and the Save as PDF dialog.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from hemiapp.wiring import attach_printing

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from hemiapp.content.loader import load_content
from hemiapp.content.session import Actor, Session
from hemiapp.paths import bundled_content_root
from hemiapp.report.document import ReportOptions
from hemiapp.report.errors import FAILED, NO_PRINTER, PRINTED, PRINTING, UNKNOWN_PRINTER
from hemiapp.store.db import open_database
from hemiapp.store.sessions import SessionStore
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.print_status import PrintState
from hemiapp.ui.theme import TextSize
from tests.report.conftest import PATIENT, fill_session
from tests.screenshots import settle

CONFIGS = {
    "en-normal": ("en", TextSize.NORMAL, False),
    "es-xlarge": ("es", TextSize.EXTRA_LARGE, False),
    "en-contrast": ("en", TextSize.NORMAL, True),
}
STATES = {
    "printing": PrintState(PRINTING),
    "printed": PrintState(PRINTED),
    "saved": PrintState(PRINTED, pdf=Path("hemiguide-checklist-2026-12-02.pdf")),
    "no-printer": PrintState(FAILED, kind=NO_PRINTER),
    "problem": PrintState(FAILED, kind=UNKNOWN_PRINTER, subject="Front-Desk"),
}


def save(app: QApplication, widget: QWidget, path: Path) -> None:
    settle(app)
    widget.grab().save(str(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", nargs="?", default="screenshots/printing", type=Path)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    content = load_content(bundled_content_root()).content
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        sessions = SessionStore(open_database(Path(folder) / "h.db"))
        for name, (language, size, contrast) in CONFIGS.items():
            window = MainWindow(content, sessions=sessions)
            window.resize(1280, 800)
            window.show()
            controller = attach_printing(window, ReportOptions(), "Front-Desk", sessions)
            session = fill_session(Session(content, language=language, patient=PATIENT))
            window.set_session(session, screen=len(window.screens) - 1)
            window.set_text_size(size)
            window.set_high_contrast(contrast)
            for state_name, state in STATES.items():
                window.review.show_print_state(state)
                save(app, window, args.out / f"{name}-review-{state_name}.png")
            session.actor = Actor(1, "n1", "Ana Ruiz", "RN")
            window.show_screen(len(window.screens) - 1)
            window.review.show_print_state(STATES["problem"])
            save(app, window, args.out / f"{name}-review-staff-problem.png")
            controller.preview()
            preview = controller.preview_dialog
            assert preview is not None
            save(app, preview, args.out / f"{name}-preview.png")
            preview.choose_printer()
            assert preview.print_dialog is not None
            save(app, preview.print_dialog, args.out / f"{name}-print-dialog.png")
            preview.reject()
            controller.save_pdf()
            assert controller.file_dialog is not None
            save(app, controller.file_dialog, args.out / f"{name}-save-pdf.png")
            controller.file_dialog.reject()
            window.close()
            window.deleteLater()
            app.processEvents()
        sessions.db.close()
    print(f"saved printing screenshots in {args.out}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
