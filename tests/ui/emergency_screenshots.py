"""Screenshots of the "Call 911 now" box: ``python -m tests.ui.emergency_screenshots [OUT]
[--content DIR]``.

Offscreen at 1280×800 in English/Normal, Spanish/Extra large and high contrast: the
post-op checklist scrolled to its emergency signs, the review, the course step with an
``emergency:`` list; and the printout's page with the emergency signs (PDF, then PNG
with pdftoppm when it is installed).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from hemiapp.content.loader import load_content
from hemiapp.content.models import ChecklistKind, ItemKind
from hemiapp.content.session import Session
from hemiapp.paths import bundled_content_root
from hemiapp.report.document import ReportOptions, build_document, in_print_order
from hemiapp.report.printing import print_pdf
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.theme import TextSize
from tests.report.conftest import PATIENT, fill_session
from tests.screenshots import settle

CONFIGS = {
    "en-normal": ("en", TextSize.NORMAL, False),
    "es-xlarge": ("es", TextSize.EXTRA_LARGE, False),
    "en-contrast": ("en", TextSize.NORMAL, True),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", nargs="?", default="screenshots/emergency", type=Path)
    parser.add_argument("--content", type=Path, default=None)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    content = load_content(args.content or bundled_content_root()).content
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    for name, (language, size, contrast) in CONFIGS.items():
        window = MainWindow(content, today=date(2026, 11, 23))
        window.resize(1280, 800)
        window.show()
        window.set_language(language)
        window.set_text_size(size)
        window.set_high_contrast(contrast)
        window.session.set_surgery_date(date(2026, 12, 8))
        window.retranslate()
        for index, screen in enumerate(window.checklist_screens):
            box = screen.emergency_box
            if screen.model.checklist.kind is not ChecklistKind.POST_OP or box is None:
                continue
            window.show_screen(3 + index)
            settle(app)
            screen.scroll_area.ensureWidgetVisible(box, 0, 0)
            bar = screen.scroll_area.verticalScrollBar()
            bar.setValue(box.mapTo(screen.scroll_area.widget(), box.rect().topLeft()).y() - 8)
            saved.append(out / f"{name}-checklist-{screen.model.checklist.id}.png")
            settle(app)
            window.grab().save(str(saved[-1]))
            if not contrast:  # as a black-and-white screen (or a photocopy) shows it
                grey = window.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
                saved.append(out / f"{name}-checklist-{screen.model.checklist.id}-grey.png")
                grey.save(str(saved[-1]))
            # then its end, and the warning signs that follow it
            bottom = box.mapTo(screen.scroll_area.widget(), box.rect().bottomLeft()).y()
            bar.setValue(bottom - bar.pageStep() // 3)
            saved.append(out / f"{name}-checklist-{screen.model.checklist.id}-after.png")
            settle(app)
            window.grab().save(str(saved[-1]))
        steps = window.content.course.steps
        with_box = [n for n, step in enumerate(steps) if step.emergency]
        if with_box:
            window.show_screen(1)
            window.education.show_step(with_box[0])
            saved.append(out / f"{name}-step-{steps[with_box[0]].id}.png")
            settle(app)
            window.grab().save(str(saved[-1]))
        window.show_screen(len(window.screens) - 1)
        review = window.review
        settle(app)
        for frame in review.emergency_boxes[-1:]:  # (the post-op checklist's)
            review.scroll_area.ensureWidgetVisible(frame, 0, 0)
        saved.append(out / f"{name}-review.png")
        settle(app)
        window.grab().save(str(saved[-1]))
        window.close()
        window.deleteLater()
        app.processEvents()
    for language in ("en", "es"):
        session = fill_session(Session(content, language=language, surgery_date=date(2026, 12, 8)))
        session.patient = PATIENT
        document = build_document(
            session,
            in_print_order(content.checklists),
            ReportOptions(),
            printed_at=datetime(2026, 11, 24, 10, 0, tzinfo=UTC),
        )
        pdf = out / f"printout-{language}.pdf"
        pages = print_pdf(document, pdf, "Letter")
        saved.append(pdf)
        if shutil.which("pdftoppm") and shutil.which("pdftotext"):
            heading = "Llame al 911 ahora" if language == "es" else "Call 911 now"
            for page in range(1, pages + 1):
                text = subprocess.run(
                    ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                if heading in text:
                    stem = out / f"printout-{language}-page{page}"
                    subprocess.run(
                        ["pdftoppm", "-png", "-r", "70", "-f", str(page), "-l", str(page),
                         "-singlefile", str(pdf), str(stem)],
                        check=True,
                    )  # fmt: skip
                    saved.append(stem.with_suffix(".png"))
    signs = sum(i.kind is ItemKind.EMERGENCY for c in content.checklists for i in c.items)
    print(f"{signs} emergency items; saved {len(saved)} files in {out}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
