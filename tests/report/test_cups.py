"""The real print path: CUPS with the cups-pdf printer, through print_to_printer.

Runs as root where CUPS and cups-pdf are installed (``.ci/setup.sh --test`` installs
them), else it is skipped. It starts its own cupsd when none is running, adds a
printer named PDF, prints, and reads back what cups-pdf wrote; then, with the printer
gone and cupsd stopped, the app must say the printer is missing. It leaves the
machine as it found it: the printer removed, and the cupsd it started stopped.
"""

from __future__ import annotations

import json
import os
import pwd
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from hemiapp.content.models import Content
from hemiapp.content.session import Session
from hemiapp.report.document import ReportOptions, build_document, in_print_order
from hemiapp.report.printing import JOB_NAME, PrintError, lay_out, print_pdf, print_to_printer
from hemiapp.store.db import open_database
from tests.report.conftest import PRINTED_AT, fill_session, needs_poppler, pdf_pages

CUPSD = Path("/usr/sbin/cupsd")
PPD = "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"
CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")
PRINTER = "PDF"

pytestmark = [
    needs_poppler,
    pytest.mark.slow,
    pytest.mark.skipif(
        not CUPSD.exists() or shutil.which("lpadmin") is None or shutil.which("lpstat") is None,
        reason="CUPS is not installed (apt-get install cups printer-driver-cups-pdf)",
    ),
    pytest.mark.skipif(
        not Path("/usr/share/ppd/cups-pdf").is_dir(), reason="cups-pdf is not installed"
    ),
    pytest.mark.skipif(os.geteuid() != 0, reason="starting cupsd needs root"),
]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=60, check=False)


def scheduler_running() -> bool:
    return run("lpstat", "-r").stdout.strip() == "scheduler is running"


def printer_exists(name: str) -> bool:
    return run("lpstat", "-p", name).returncode == 0


def output_dir() -> Path:
    """Where cups-pdf writes a job of ours: its ``Out`` setting, for this user."""
    out = "${HOME}/PDF"
    if CUPS_PDF_CONF.exists():
        for line in CUPS_PDF_CONF.read_text(encoding="utf-8", errors="replace").splitlines():
            found = re.match(r"\s*Out\s+(\S.*?)\s*$", line)
            if found:
                out = found.group(1)
    user = pwd.getpwuid(os.geteuid())
    return Path(out.replace("${HOME}", user.pw_dir).replace("${USER}", user.pw_name))


@dataclass
class Cups:
    process: subprocess.Popen[bytes] | None  # the cupsd this test started, if any
    added_printer: bool

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=20)

    def remove_printer(self) -> None:
        if self.added_printer and scheduler_running():
            run("lpadmin", "-x", PRINTER)
            self.added_printer = False


@pytest.fixture
def cups(qtbot: QtBot, tmp_path: Path) -> Iterator[Cups]:
    process = None
    if not scheduler_running():
        log = (tmp_path / "cupsd.log").open("wb")
        process = subprocess.Popen(
            [str(CUPSD), "-f"], stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        log.close()
    state = Cups(process, added_printer=False)
    try:
        qtbot.waitUntil(scheduler_running, timeout=30_000)
        if not printer_exists(PRINTER):
            added = run("lpadmin", "-p", PRINTER, "-v", "cups-pdf:/", "-E", "-m", PPD)
            assert added.returncode == 0, added.stderr
            state.added_printer = True
        qtbot.waitUntil(lambda: printer_exists(PRINTER), timeout=30_000)
        yield state
    finally:
        state.remove_printer()
        state.stop()


def new_pdf(folder: Path, before: dict[Path, float], started: float) -> Path | None:
    """A finished PDF cups-pdf wrote since ``started`` (pdfinfo can read it whole)."""
    if not folder.is_dir():
        return None
    for path in folder.glob("*.pdf"):
        mtime = path.stat().st_mtime
        fresh = (path not in before or mtime > before[path]) and mtime >= started - 1
        if fresh and run("pdfinfo", str(path)).returncode == 0:
            return path
    return None


def not_blank(png: Path) -> bool:
    image = QImage(str(png))
    assert not image.isNull(), png
    return any(
        image.pixelColor(x, y).lightness() < 128
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    )


def test_print_on_a_cups_printer_then_report_it_missing(
    qtbot: QtBot, tmp_path: Path, content: Content, cups: Cups
) -> None:
    session = fill_session(Session(content))
    document = build_document(
        session, in_print_order(content.checklists), ReportOptions(), printed_at=PRINTED_AT
    )
    folder = output_dir()
    before = {p: p.stat().st_mtime for p in folder.glob("*.pdf")} if folder.is_dir() else {}
    started = time.time()

    pages = print_to_printer(document, PRINTER)  # what a preview of this paper would show

    found: list[Path] = []

    def arrived() -> bool:
        path = new_pdf(folder, before, started)
        if path is not None:
            found.append(path)
        return path is not None

    qtbot.waitUntil(arrived, timeout=90_000)
    printed = found[0]
    try:
        assert JOB_NAME.split()[0] in printed.name  # the job's name, never the patient's
        assert pdf_pages(printed) == pages >= 2
        # one pagination path: the printer, a PDF and a preview have the same pages
        assert print_pdf(document, tmp_path / "same.pdf") == pages == lay_out(document).pages
        done = run("pdftoppm", "-png", "-r", "30", str(printed), str(tmp_path / "page"))
        assert done.returncode == 0, done.stderr
        images = sorted(tmp_path.glob("page*.png"))
        assert len(images) == pages
        assert all(not_blank(image) for image in images)
    finally:
        printed.unlink()

    # the command line, through the recorded path: attempt and outcome in the audit log
    db_path = tmp_path / "h.db"
    open_database(db_path).close()
    started = time.time()
    before = {p: p.stat().st_mtime for p in folder.glob("*.pdf")} if folder.is_dir() else {}
    done = subprocess.run(
        [sys.executable, "-m", "hemiapp", "--db", str(db_path), "print", "--blank", "pre-op",
         "--printer", PRINTER],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    found.clear()
    qtbot.waitUntil(arrived, timeout=90_000)
    try:
        blank_pages = pdf_pages(found[0])
        assert (
            done.stdout == f"printed {blank_pages} page{'s' * (blank_pages > 1)} to printer 'PDF'\n"
        )
    finally:
        found[0].unlink()
    db = open_database(db_path)
    try:
        rows = db.read("SELECT action, detail FROM audit ORDER BY id")
    finally:
        db.close()
    assert [r["action"] for r in rows] == ["print", "print-result"]
    assert json.loads(rows[0]["detail"])["to"] == PRINTER
    assert json.loads(rows[0]["detail"])["pages"] == blank_pages
    assert json.loads(rows[1]["detail"])["outcome"] == "printed"

    # the printer goes away and the print service stops: the app says so, in one sentence
    cups.remove_printer()
    cups.stop()
    with pytest.raises(PrintError, match=r"^No printer named 'PDF'\. Printers available: "):
        print_to_printer(document, PRINTER)
