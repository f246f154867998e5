"""Symbolic links that leave the content folder are refused, and the outside file is never
read (nothing of it turns up in a message)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from hemiapp.content.containment import outside
from hemiapp.content.errors import ContentError
from hemiapp.content.loader import load_content, load_file
from tests.content.conftest import CHECKLIST, COURSE, make_content

SECRET = "Patient Jane Roe, 1961-05-03"
LINK = (
    "error: is a symbolic link to a place outside the content folder; "
    "put the file itself in the content folder"
)


def refused(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(root)
    with pytest.raises(ContentError) as info:
        load_content(Path("."))
    findings = [str(f) for f in info.value.findings]
    assert not any(SECRET in f for f in findings)
    return findings


def test_a_linked_yaml_file_outside_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_content(tmp_path / "content")
    elsewhere = tmp_path / "elsewhere.yaml"  # would be echoed: "'…' is not a valid kind"
    elsewhere.write_text(CHECKLIST.replace("kind: pre-op", f"kind: {SECRET}"), encoding="utf-8")
    os.symlink(elsewhere, root / "checklists" / "post-op.yaml")
    assert refused(root, monkeypatch) == [f"checklists/post-op.yaml:1:1: {LINK}"]


def test_a_linked_resources_folder_outside_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_content(tmp_path / "content")
    shutil.move(root / "resources", tmp_path / "outside-resources")
    course = tmp_path / "outside-resources" / "education" / "course.yaml"
    course.write_text(COURSE.replace("id: demo", f"id: {SECRET}", 1), encoding="utf-8")
    os.symlink(tmp_path / "outside-resources", root / "resources")
    assert refused(root, monkeypatch) == [f"resources/education/course.yaml:1:1: {LINK}"]


def test_an_illustration_through_a_linked_resources_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_content(tmp_path / "content")
    (root / "course.yaml").write_text(COURSE, encoding="utf-8")
    shutil.move(root / "resources", tmp_path / "outside-resources")
    os.symlink(tmp_path / "outside-resources", root / "resources")
    monkeypatch.chdir(root)
    with pytest.raises(ContentError) as info:
        load_file(Path("course.yaml"), Path("resources"))
    assert [str(f) for f in info.value.errors] == [
        "course.yaml:24:19: error: 'illustrations/spine.svg' points outside the resources folder"
    ]


def test_links_that_stay_inside_are_followed(tmp_path: Path) -> None:
    root = make_content(tmp_path / "content")
    (root / "shared").mkdir()
    (root / "checklists" / "pre-op.yaml").rename(root / "shared" / "pre-op.yaml")
    os.symlink(Path("..", "shared", "pre-op.yaml"), root / "checklists" / "pre-op.yaml")
    assert load_content(root).content.checklist("pre-op").id == "pre-op"


def test_outside(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "loop").symlink_to("loop")
    assert not outside(tmp_path / "in", tmp_path / "in" / "a" / "b")
    assert outside(tmp_path / "in", tmp_path / "in" / ".." / "out")
    assert outside(tmp_path / "in", tmp_path / "in" / "loop")
