"""`hemiapp validate --config FILE`: a station's settings file, checked like content."""

from __future__ import annotations

from pathlib import Path

from tests.content.conftest import CHECKLIST, COURSE, make_content
from tests.test_cli import hemiapp


def test_a_good_settings_file_is_clean(tmp_path: Path) -> None:
    (tmp_path / "hemiguide.yaml").write_text("clinic_name: Riverside\nidle_seconds: 90\n")
    result = hemiapp("validate", "--config", "hemiguide.yaml", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "checked 1 file: 0 errors, 0 warnings\n",
        "",
    )


def test_a_bad_settings_file_lists_every_problem_and_exits_1(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (tmp_path / "hemiguide.yaml").write_text(
        "paper_size: A5\nidle_seconds: 5\nlogo: ../secret.png\nprinterr: x\n"
    )
    result = hemiapp(
        "--content", str(content), "validate", "--config", "hemiguide.yaml", cwd=tmp_path
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        "hemiguide.yaml:1:13: error: 'A5' is not a valid paper size; expected one of: A4, Letter",
        "hemiguide.yaml:2:15: error: '5' is not a number of seconds between 15 and 3600",
        "hemiguide.yaml:3:7: error: the logo '../secret.png' is outside the content folder "
        f"{content}; put it inside",
        "hemiguide.yaml:4:1: error: unknown key 'printerr' in the configuration; "
        "did you mean 'printer'?",
        "checked 1 file: 4 errors, 0 warnings",
    ]


def test_a_missing_settings_file_is_bad_usage(tmp_path: Path) -> None:
    result = hemiapp("validate", "--config", "nope.yaml", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "hemiapp validate: no such file or folder: nope.yaml\n"


def test_a_settings_file_given_as_content_says_how_to_check_it(tmp_path: Path) -> None:
    (tmp_path / "hemiguide.yaml").write_text("clinic_name: Riverside\n")
    result = hemiapp("validate", "hemiguide.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "hemiguide.yaml:1:1: error: not a HemiGuide content file: expected a course "
        "(with 'steps') or a checklist (with 'sections'); check a settings file with "
        "'hemiapp validate --config FILE'"
    )


# --- --strict: content not clinically approved yet ------------------------------------

NOT_APPROVED = "warning: review_status is draft: not clinically approved yet"


def test_strict_fails_on_the_bundled_drafts_that_plain_validate_passes() -> None:
    plain = hemiapp("validate", "-q")
    assert (plain.returncode, plain.stdout) == (0, "checked 3 files: 0 errors, 0 warnings\n")
    strict = hemiapp("validate", "--strict", "-q")
    assert strict.returncode == 1, strict.stderr
    assert strict.stdout.splitlines() == [
        f"resources/education/course.yaml:7:16: {NOT_APPROVED}",
        f"checklists/post-op.yaml:8:16: {NOT_APPROVED}",
        f"checklists/pre-op.yaml:7:16: {NOT_APPROVED}",
        "checked 3 files: 0 errors, 3 warnings",
    ]


def test_strict_passes_approved_content(tmp_path: Path) -> None:
    approved = "review_status: approved\nreviewed_by: Dr. Ana Ruiz, spine surgeon\n"
    approved += "reviewed_on: 2026-11-30\n"
    root = make_content(
        tmp_path,
        COURSE.replace("review_status: draft\n", approved),
        {"pre-op.yaml": CHECKLIST.replace("review_status: draft\n", approved)},
    )
    result = hemiapp("validate", "--strict", "-q", ".", cwd=root)
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "checked 2 files: 0 errors, 0 warnings\n",
        "",
    )


def test_an_approved_file_without_its_reviewer_fails_plain_validate(tmp_path: Path) -> None:
    (tmp_path / "pre-op.yaml").write_text(
        CHECKLIST.replace("review_status: draft", "review_status: approved"), encoding="utf-8"
    )
    result = hemiapp("validate", "-q", "pre-op.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "pre-op.yaml:4:16: error: review_status is approved, so reviewed_by is needed: "
        "who approved it, a name and role",
        "pre-op.yaml:4:16: error: review_status is approved, so reviewed_on is needed: "
        "the day it was approved, as YYYY-MM-DD",
        "checked 1 file: 2 errors, 0 warnings",
    ]


def test_a_draft_numbered_like_a_release_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "pre-op.yaml").write_text(
        CHECKLIST.replace('version: "0.1"', 'version: "1.0.0"'), encoding="utf-8"
    )
    result = hemiapp("validate", "-q", "pre-op.yaml", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "pre-op.yaml:3:10: warning: review_status is draft but the version is 1.0.0: a draft's "
        'version starts with 0., like "0.3.0"; 1.0.0 suggests a released version',
        "checked 1 file: 0 errors, 1 warning",
    ]
