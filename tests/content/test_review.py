"""Review fields: an approved file says who approved it and when; a draft has a 0.x version.

Positions are 1-based, worked out from the fixtures (tests/content/conftest.py): in the
checklist, line 3 is ``version`` and line 4 ``review_status``; in the course, lines 2 and 3.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hemiapp.content import review
from hemiapp.content.errors import ContentError
from hemiapp.content.loader import load_content, load_file
from hemiapp.content.models import Checklist, ReviewStatus
from hemiapp.content.validate import validate
from tests.content.conftest import CHECKLIST, COURSE, make_content
from tests.content.test_loader import insert_after, replace_line

TODAY = date(2026, 12, 2)
APPROVED = replace_line(CHECKLIST, 4, "review_status: approved")
REVIEWER = "reviewed_by: Dr. Ana Ruiz, spine surgeon"


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(review.REVIEWED_ON, "today", lambda: TODAY)


def _findings(tmp_path: Path, text: str) -> list[str]:
    """Every finding of ``text`` loaded as a file (and the file is left as it was)."""
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        loaded = load_file(path)
    except ContentError as exc:
        found = [str(f) for f in exc.findings]
    else:
        found = [str(f) for f in loaded.source.findings]
    assert path.read_text(encoding="utf-8") == text
    return [f.removeprefix(f"{path}:") for f in found]


def test_an_approved_file_names_its_reviewer_and_the_day(tmp_path: Path) -> None:
    text = insert_after(APPROVED, 4, REVIEWER, "reviewed_on: 2026-11-30")
    loaded = load_file(_write(tmp_path, text))
    checklist = loaded.model
    assert isinstance(checklist, Checklist)
    assert checklist.review_status is ReviewStatus.APPROVED
    assert checklist.reviewed_by == "Dr. Ana Ruiz, spine surgeon"
    assert checklist.reviewed_on == date(2026, 11, 30)
    assert loaded.source.findings == []  # version "0.1" on an approved file is the clinic's own


def test_approved_without_reviewer_or_date_is_an_error(tmp_path: Path) -> None:
    assert _findings(tmp_path, APPROVED) == [
        "4:16: error: review_status is approved, so reviewed_by is needed: "
        "who approved it, a name and role",
        "4:16: error: review_status is approved, so reviewed_on is needed: "
        "the day it was approved, as YYYY-MM-DD",
    ]
    assert _findings(tmp_path, insert_after(APPROVED, 4, REVIEWER)) == [
        "4:16: error: review_status is approved, so reviewed_on is needed: "
        "the day it was approved, as YYYY-MM-DD",
    ]
    course = replace_line(COURSE, 3, "review_status: approved", "reviewed_on: 2026-11-30")
    assert _findings(tmp_path, course) == [
        "3:16: error: review_status is approved, so reviewed_by is needed: "
        "who approved it, a name and role",
    ]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2026-02-30", "'2026-02-30' is not a real date; write it as YYYY-MM-DD, like 2026-11-30"),
        ("2026-13-01", "'2026-13-01' is not a real date; write it as YYYY-MM-DD, like 2026-11-30"),
        (
            "30/11/2026",
            "'30/11/2026' is not a review date; write it as YYYY-MM-DD, like 2026-11-30",
        ),
        (
            '"Nov 30, 2026"',
            "'Nov 30, 2026' is not a review date; write it as YYYY-MM-DD, like 2026-11-30",
        ),
        ("2026-12-03", "'2026-12-03' is in the future; give the day the review was done"),
        ('""', "expected review date, found empty text"),
    ],
)
def test_a_review_date_must_be_a_real_day_not_in_the_future(
    tmp_path: Path, written: str, message: str
) -> None:
    text = insert_after(APPROVED, 4, REVIEWER, f"reviewed_on: {written}")
    assert _findings(tmp_path, text) == [f"6:14: error: {message}"]


def test_every_review_problem_is_reported_in_one_run(tmp_path: Path) -> None:
    text = insert_after(APPROVED, 4, "reviewed_on: 2026-02-30")
    text = replace_line(text, 2, "kind: preop")
    assert _findings(tmp_path, text) == [
        "2:7: error: 'preop' is not a valid checklist kind; did you mean 'pre-op'?",
        "4:16: error: review_status is approved, so reviewed_by is needed: "
        "who approved it, a name and role",
        "5:14: error: '2026-02-30' is not a real date; write it as YYYY-MM-DD, like 2026-11-30",
    ]


def test_today_is_a_review_date(tmp_path: Path) -> None:
    text = insert_after(APPROVED, 4, REVIEWER, "reviewed_on: 2026-12-02")
    assert load_file(_write(tmp_path, text)).model.reviewed_on == TODAY


def test_a_reviewer_is_one_line_of_text(tmp_path: Path) -> None:
    text = insert_after(APPROVED, 4, 'reviewed_by: ""', "reviewed_on: 2026-11-30")
    assert _findings(tmp_path, text) == ["5:14: error: expected reviewer, found empty text"]
    text = insert_after(APPROVED, 4, "reviewed_by: " + "x" * 121, "reviewed_on: 2026-11-30")
    assert _findings(tmp_path, text) == [
        f"5:14: error: '{'x' * 121}' is not a valid reviewer; "
        "write a name and role on one line, like 'Dr. Ana Ruiz, spine surgeon'"
    ]


DRAFT_VERSION = (
    "warning: review_status is {status} but the version is {version}: a draft's version "
    'starts with 0., like "0.3.0"; {version} suggests a released version'
)


@pytest.mark.parametrize(
    ("status", "version"), [("draft", "1.0.0"), ("draft", "1"), ("in-review", "2.1")]
)
def test_a_draft_with_a_released_version_is_a_warning(
    tmp_path: Path, status: str, version: str
) -> None:
    text = replace_line(CHECKLIST, 3, f'version: "{version}"', f"review_status: {status}")
    text = replace_line(text, 5)  # the fixture's own review_status
    assert _findings(tmp_path, text) == [
        "3:10: " + DRAFT_VERSION.format(status=status, version=version)
    ]
    course = replace_line(COURSE, 2, f'version: "{version}"', f"review_status: {status}")
    course = replace_line(course, 4)
    assert _findings(tmp_path, course) == [
        "2:10: " + DRAFT_VERSION.format(status=status, version=version)
    ]


@pytest.mark.parametrize("version", ["0.3.0", "0.9", "2026-11", "00.1"])
def test_a_draft_version_is_not_a_warning(tmp_path: Path, version: str) -> None:
    assert _findings(tmp_path, replace_line(CHECKLIST, 3, f'version: "{version}"')) == []


def test_strict_warns_on_every_file_not_approved(tmp_path: Path) -> None:
    in_review = replace_line(CHECKLIST, 4, "review_status: in-review")
    post_op = APPROVED.replace("id: pre-op", "id: post-op").replace("kind: pre-op", "kind: post-op")
    post_op = insert_after(post_op, 4, REVIEWER, "reviewed_on: 2026-11-30")
    root = make_content(tmp_path, checklists={"pre-op.yaml": in_review, "post-op.yaml": post_op})
    assert validate([root]).warnings == 0
    found = [str(f) for f in validate([root], strict=True).findings if f.severity != "note"]
    assert found == [
        f"{root}/resources/education/course.yaml:3:16: warning: review_status is draft: "
        "not clinically approved yet",
        f"{root}/checklists/pre-op.yaml:4:16: warning: review_status is in-review: "
        "not clinically approved yet",
    ]
    single = validate([root / "checklists" / "pre-op.yaml"], strict=True)
    assert [f.message for f in single.findings if f.severity == "warning"] == [
        "review_status is in-review: not clinically approved yet"
    ]


def test_unapproved_lists_what_staff_are_told(tmp_path: Path) -> None:
    approved = insert_after(APPROVED, 4, REVIEWER, "reviewed_on: 2026-11-30")
    root = make_content(tmp_path / "a", checklists={"pre-op.yaml": approved})
    assert review.unapproved(load_content(root).content) == [
        review.Unapproved("demo", "0.1", ReviewStatus.DRAFT, course=True)
    ]
    course = replace_line(COURSE, 3, "review_status: approved", REVIEWER, "reviewed_on: 2026-11-30")
    root = make_content(tmp_path / "b", course, {"pre-op.yaml": approved})
    assert review.unapproved(load_content(root).content) == []
    in_review = replace_line(CHECKLIST, 4, "review_status: in-review")
    root = make_content(tmp_path / "c", course, {"pre-op.yaml": in_review})
    assert review.unapproved(load_content(root).content) == [
        review.Unapproved("pre-op", "0.1", ReviewStatus.IN_REVIEW, course=False)
    ]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    return path
