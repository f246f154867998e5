"""`hemiapp validate --config FILE`: a station's settings file, checked like content."""

from __future__ import annotations

from pathlib import Path

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
