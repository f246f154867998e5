"""The real print path: CUPS with the cups-pdf printer, through print_to_printer.

Runs as root where CUPS and cups-pdf are installed (``.ci/setup.sh --test`` installs
them), else it is skipped. It owns its print service: a private cupsd listening only on a
socket in a folder of its own (``CUPS_SERVER`` points this process, libcups and the
command line there), with a queue named for this run. So it passes whether or not the
machine runs CUPS already, whatever queues that one has, and never touches it. It adds
the queue, prints, reads back what cups-pdf wrote; then, with the queue gone and its
cupsd stopped, the app must say the printer is missing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import pwd
import re
import shutil
import signal
import subprocess
import sys
import tempfile
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
LIBCUPS = ctypes.util.find_library("cups")

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
    pytest.mark.skipif(LIBCUPS is None, reason="libcups is not installed"),
    pytest.mark.skipif(os.geteuid() != 0, reason="starting cupsd needs root"),
]

CUPSD_CONF = """\
Listen {root}/cups.sock
Browsing No
WebInterface No
LogLevel warn
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
"""
CUPS_FILES_CONF = """\
SystemGroup root lpadmin
ServerRoot {root}/etc
RequestRoot {root}/spool
CacheDir {root}/cache
StateDir {root}/state
TempDir {root}/tmp
ErrorLog {root}/log/error_log
AccessLog {root}/log/access_log
PageLog {root}/log/page_log
"""


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


def set_libcups_server(server: str | None) -> None:
    """Point this process's libcups (which Qt's print support uses) at ``server``.

    libcups reads CUPS_SERVER once and keeps it, so an earlier test's printing would
    otherwise keep this process on the machine's own scheduler."""
    assert LIBCUPS is not None
    cups = ctypes.CDLL(LIBCUPS)
    cups.cupsSetServer.argtypes = [ctypes.c_char_p]
    cups.cupsSetServer(server.encode() if server is not None else None)


@dataclass
class Cups:
    """A private cupsd and the queue this run added to it."""

    root: Path
    process: subprocess.Popen[bytes]
    printer: str
    added_printer: bool = False

    @property
    def server(self) -> str:
        return str(self.root / "cups.sock")

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "CUPS_SERVER": self.server}
        return subprocess.run(
            args, capture_output=True, text=True, timeout=60, check=False, env=env
        )

    def running(self) -> bool:
        return self.process.poll() is None and self.run("lpstat", "-r").stdout.strip() == (
            "scheduler is running"
        )

    def printer_exists(self) -> bool:
        return self.run("lpstat", "-p", self.printer).returncode == 0

    def stop(self) -> None:
        """End cupsd and what it started (its filters and backends share its group)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=20)

    def remove_printer(self) -> None:
        if self.added_printer and self.running():
            self.run("lpadmin", "-x", self.printer)
            self.added_printer = False


def private_root() -> Path:
    """A folder cupsd's filters (run as user lp) can read; pytest's tmp_path is private."""
    root = Path(tempfile.mkdtemp(prefix="hemiguide-cups-"))
    root.chmod(0o755)
    for name in ("etc", "cache", "state", "log"):
        (root / name).mkdir()
    (root / "tmp").mkdir(mode=0o1777)
    (root / "tmp").chmod(0o1777)
    (root / "spool").mkdir()
    (root / "spool").chmod(0o710)
    shutil.chown(root / "spool", group="lp")
    (root / "etc" / "cupsd.conf").write_text(CUPSD_CONF.format(root=root), encoding="utf-8")
    (root / "etc" / "cups-files.conf").write_text(
        CUPS_FILES_CONF.format(root=root), encoding="utf-8"
    )
    return root


@pytest.fixture
def cups(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[Cups]:
    root = private_root()
    state: Cups | None = None
    try:  # whatever fails from here on, the folder and the daemon go
        with (root / "cupsd.out").open("wb") as log:
            process = subprocess.Popen(
                [str(CUPSD), "-f", "-c", str(root / "etc/cupsd.conf"), "-s",
                 str(root / "etc/cups-files.conf")],
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        state = Cups(root, process, printer=f"HemiGuideTest{os.getpid()}")
        monkeypatch.setenv("CUPS_SERVER", state.server)
        set_libcups_server(state.server)
        qtbot.waitUntil(state.running, timeout=30_000)
        added = state.run("lpadmin", "-p", state.printer, "-v", "cups-pdf:/", "-E", "-m", PPD)
        assert added.returncode == 0, added.stderr
        state.added_printer = True
        qtbot.waitUntil(state.printer_exists, timeout=30_000)
        yield state
    finally:
        if state is not None:
            state.remove_printer()
            state.stop()
            set_libcups_server(None)
        shutil.rmtree(root, ignore_errors=True)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=60, check=False)


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

    pages = print_to_printer(document, cups.printer)  # what a preview of this paper would show

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
        print_pdf(document, tmp_path / "same.pdf")
        assert pdf_pages(tmp_path / "same.pdf") == pdf_pages(printed) == lay_out(document).pages
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
         "--printer", cups.printer],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    found.clear()
    qtbot.waitUntil(arrived, timeout=90_000)
    try:
        blank_pages = pdf_pages(found[0])
        assert (
            done.stdout
            == f"printed {blank_pages} page{'s' * (blank_pages > 1)} to printer '{cups.printer}'\n"
        )
    finally:
        found[0].unlink()
    db = open_database(db_path)
    try:
        rows = db.read("SELECT action, detail FROM audit ORDER BY id")
    finally:
        db.close()
    assert [r["action"] for r in rows] == ["print", "print-result"]
    assert json.loads(rows[0]["detail"])["to"] == cups.printer
    assert json.loads(rows[0]["detail"])["pages"] == blank_pages
    assert json.loads(rows[1]["detail"])["outcome"] == "printed"

    # the printer goes away and the print service stops: the app says so, in one sentence
    cups.remove_printer()
    cups.stop()
    with pytest.raises(
        PrintError, match=rf"^No printer named '{cups.printer}'\. Printers available: "
    ):
        print_to_printer(document, cups.printer)
