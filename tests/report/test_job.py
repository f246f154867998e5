"""PrintJob: starts at once, prints from the event loop, says how it went by signal."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from hemiapp.content.models import Content
from hemiapp.report import job as job_module
from hemiapp.report.document import ReportOptions, build_document
from hemiapp.report.job import PrintJob
from tests.report.conftest import PRINTED_AT, needs_poppler, pdf_pages


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
    with qtbot.waitSignal(job.finished, timeout=10_000) as finished:
        assert job.start(document(content), pdf=out, page_size="Letter")
        assert states == ["printing"] and job.busy and not out.exists()  # not yet: deferred
        assert not job.start(document(content), pdf=out)
    assert finished.args == [True]
    assert states == ["printing", "printed"] and job.message == ""
    assert job.pages == pdf_pages(out) >= 1


def test_a_missing_printer_fails_with_a_message(qtbot: QtBot, content: Content) -> None:
    job = PrintJob()
    states: list[str] = []
    job.state_changed.connect(states.append)
    with qtbot.waitSignal(job.failed, timeout=10_000) as failed:
        job.start(document(content), "No Such Printer")
    assert states == ["printing", "failed"]
    assert "No printer named 'No Such Printer'" in failed.args[0] == job.message
    assert not job.busy and job.pages == 0


def test_an_unexpected_error_still_ends_the_job(
    qtbot: QtBot, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> int:
        raise RuntimeError("driver crashed")

    monkeypatch.setattr(job_module, "print_to_printer", broken)
    job = PrintJob()
    with qtbot.waitSignal(job.finished, timeout=10_000) as finished:
        job.start(document(content), "Any")
    assert finished.args == [False] and job.state == "failed"
    assert "could not be printed" in job.message and "driver" not in job.message
