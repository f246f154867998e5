"""PrintJob: starts at once, prints from the event loop, says how it went by signal, and
records the print before it prints and how it went after."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrinterInfo
from pytestqt.qtbot import QtBot

from hemiapp.content.models import Content
from hemiapp.report import output
from hemiapp.report.document import ReportOptions, build_document
from hemiapp.report.job import JobSpec, PrintJob
from hemiapp.report.output import Target
from hemiapp.store.db import StoreError
from hemiapp.store.printlog import PrintRequest
from tests.report.conftest import PRINTED_AT, needs_poppler, pdf_pages

SPEC = JobSpec(("pre-op", "post-op"), "en", blank=True, page_size="Letter")


class Recorder:
    """Records in a list; or refuses, like a read-only database."""

    def __init__(self, *, refuse: bool = False) -> None:
        self.refuse = refuse
        self.calls: list[tuple[str, object, object]] = []

    def started(self, request: PrintRequest) -> int:
        if self.refuse:
            raise StoreError("readonly", "The database h.db cannot be written (read-only).")
        self.calls.append(("started", request, None))
        return 7

    def finished(self, attempt: int, error: str) -> None:
        self.calls.append(("finished", attempt, error))


def document(content: Content) -> QTextDocument:
    return build_document(
        None, list(content.checklists), ReportOptions(), printed_at=PRINTED_AT, blank=True
    )


@needs_poppler
def test_a_job_prints_after_start_returns(qtbot: QtBot, tmp_path: Path, content: Content) -> None:
    job = PrintJob()
    states: list[str] = []
    job.state_changed.connect(states.append)
    out = tmp_path / "job.pdf"
    recorder = Recorder()
    with qtbot.waitSignal(job.finished, timeout=10_000) as finished:
        assert job.start(document(content), Target(pdf=out), recorder, SPEC)
        assert states == ["printing"] and job.busy and not out.exists()  # not yet: deferred
        assert not job.start(document(content), Target(pdf=out), recorder, SPEC)
    assert finished.args == [True]
    assert states == ["printing", "printed"] and job.message == ""
    assert job.pages == pdf_pages(out) >= 1
    assert recorder.calls == [
        ("started", PrintRequest("pdf", str(out), job.pages, SPEC.checklists, "en", True), None),
        ("finished", 7, ""),
    ]


def test_a_missing_printer_fails_with_a_message(qtbot: QtBot, content: Content) -> None:
    job = PrintJob()
    states: list[str] = []
    job.state_changed.connect(states.append)
    recorder = Recorder()
    with qtbot.waitSignal(job.failed, timeout=10_000) as failed:
        job.start(document(content), Target(printer="No Such Printer"), recorder, SPEC)
    assert states == ["printing", "failed"]
    assert "No printer named 'No Such Printer'" in failed.args[0] == job.message
    assert job.kind == "unknown-printer" and job.subject == "No Such Printer"
    assert not job.busy and job.pages == 0
    assert [call[0] for call in recorder.calls] == ["started", "finished"]
    assert str(recorder.calls[1][2]).startswith("No printer named 'No Such Printer'.")


def test_nothing_prints_when_it_cannot_be_recorded(
    qtbot: QtBot, tmp_path: Path, content: Content
) -> None:
    job = PrintJob()
    out = tmp_path / "job.pdf"
    with qtbot.waitSignal(job.failed, timeout=10_000) as failed:
        job.start(document(content), Target(pdf=out), Recorder(refuse=True), SPEC)
    assert job.kind == "unrecorded" and not out.exists()
    assert failed.args[0] == (
        "Nothing was printed: the print could not be recorded in the audit log. "
        "The database h.db cannot be written (read-only)."
    )


def test_an_unexpected_error_still_ends_the_job(
    qtbot: QtBot, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("driver crashed")

    monkeypatch.setattr(output, "send_to_printer", broken)
    monkeypatch.setattr(output, "printer_info", lambda name: QPrinterInfo())
    job = PrintJob()
    recorder = Recorder()
    with qtbot.waitSignal(job.finished, timeout=10_000) as finished:
        job.start(document(content), Target(printer="Any"), recorder, SPEC)
    assert finished.args == [False] and job.state == "failed"
    assert "could not be printed" in job.message and "driver" not in job.message
    assert recorder.calls[-1] == ("finished", 7, "unexpected error (see the log)")
