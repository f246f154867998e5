"""The staff bar says which content is not clinically approved yet: to staff only, never to
a patient, and nothing at all once everything is approved."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from hemiapp.content.loader import load_content
from hemiapp.content.session import Session
from hemiapp.store.staff import StaffMember
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.staff.controller import StaffController
from tests.content.conftest import CHECKLIST, COURSE, make_content
from tests.ui.staff.conftest import settle, sign_in

APPROVED = "review_status: approved\nreviewed_by: Dr. Ana Ruiz, spine surgeon\n"
APPROVED += "reviewed_on: 2026-11-30\n"
IN_REVIEW = "review_status: in-review\n"
DRAFT = "review_status: draft\n"


def test_staff_see_that_the_bundled_content_is_a_draft(
    qtbot: QtBot, window: MainWindow, controller: StaffController
) -> None:
    notice = controller.bar.draft
    assert not notice.isVisible()  # a patient at the kiosk: nothing of it
    sign_in(qtbot, controller)
    settle()
    assert notice.isVisible()
    english = "Draft, not clinically approved: course 0.3.0, post-op 0.3.0, pre-op 0.3.0"
    assert (notice.text(), notice.accessibleName()) == (english, english)
    window.set_language("es")
    spanish = "Borrador, sin aprobación clínica: curso 0.3.0, post-op 0.3.0, pre-op 0.3.0"
    assert (notice.text(), notice.accessibleName()) == (spanish, spanish)
    assert notice.isVisible()
    assert notice.geometry().right() <= controller.bar.width()  # wraps, never cut off
    controller.bar.sign_out.click()
    settle()
    assert notice.isHidden()
    for index in range(len(window.screens)):  # and it comes back on no screen
        window.show_screen(index)
        settle()
        assert not notice.isVisible()
    sign_in(qtbot, controller)  # the next staff member sees it again
    settle()
    assert notice.isVisible() and notice.text() == spanish


def _session(root: Path, course: str, checklist: str) -> Session:
    course_text = COURSE.replace(DRAFT, course)
    checklist_text = CHECKLIST.replace(DRAFT, checklist)
    content = make_content(root, course_text, {"pre-op.yaml": checklist_text})
    return Session(load_content(content).content)


def test_the_notice_says_what_is_in_review_and_goes_when_all_is_approved(
    qtbot: QtBot, controller: StaffController, nurse: StaffMember, tmp_path: Path
) -> None:
    bar = controller.bar
    bar.show_member(nurse, _session(tmp_path / "mixed", DRAFT, IN_REVIEW))
    assert bar.draft.text() == (
        "Not clinically approved: course 0.1 (draft), pre-op 0.1 (in review)"
    )
    assert bar.draft.isVisibleTo(bar)
    bar.show_member(nurse, _session(tmp_path / "in-review", APPROVED, IN_REVIEW))
    assert bar.draft.text() == "In review, not clinically approved: pre-op 0.1"
    bar.show_member(nurse, _session(tmp_path / "draft", DRAFT, APPROVED))
    assert bar.draft.text() == "Draft, not clinically approved: course 0.1"
    bar.show_member(nurse, _session(tmp_path / "approved", APPROVED, APPROVED))
    assert bar.draft.text() == ""
    assert not bar.draft.isVisibleTo(bar)  # all approved: nothing to say
    assert bar.who.isVisibleTo(bar)  # (the bar itself is still there)
