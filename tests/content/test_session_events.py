"""A session announces each change on its psygnal events, after it was recorded; a
refused change announces nothing. Headless: no QApplication."""

from __future__ import annotations

import re
from datetime import date

import pytest

from hemiapp.content.loader import load_content
from hemiapp.content.models import Content
from hemiapp.content.session import Actor, ItemStatus, ReadOnlyError, Session
from hemiapp.paths import bundled_content_root

NURSE = Actor(1, "nurse1", "Pat Lee", "RN")


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(bundled_content_root()).content


@pytest.fixture
def session(content: Content) -> Session:
    return Session(content)


@pytest.fixture
def heard(session: Session) -> list[tuple[object, ...]]:
    """Every event the session sends, as (name, *arguments)."""
    out: list[tuple[object, ...]] = []
    for name in (
        "item_changed",
        "signoff_changed",
        "answered",
        "details_changed",
        "teach_back_changed",
        "actor_changed",
    ):
        getattr(session.events, name).connect(lambda *args, _name=name: out.append((_name, *args)))
    return out


def first_task(content: Content) -> tuple[str, str]:
    checklist = content.checklists[0]
    return checklist.id, next(i.id for i in checklist.items if not i.is_sign)


def test_item_changes_are_announced_once_each(
    session: Session, content: Content, heard: list[tuple[object, ...]]
) -> None:
    checklist, item = first_task(content)
    session.set_status(checklist, item, ItemStatus.DONE)
    session.set_status(checklist, item, ItemStatus.DONE)  # no change: nothing said
    session.set_question(checklist, item, True)
    session.set_note(checklist, item, "ask about it")
    assert heard == [("item_changed", checklist, item)] * 3


def test_sign_off_and_a_change_after_it(
    session: Session, content: Content, heard: list[tuple[object, ...]]
) -> None:
    checklist, item = first_task(content)
    session.actor = NURSE
    session.sign_off(checklist, "reviewed")
    session.set_status(checklist, item, ItemStatus.DONE)  # sets the sign-off aside
    assert heard == [
        ("actor_changed", NURSE),
        ("signoff_changed", checklist),
        ("item_changed", checklist, item),
        ("signoff_changed", checklist),
    ]
    assert checklist not in session.signoffs


def test_details_quiz_teach_back_and_actor(
    session: Session, content: Content, heard: list[tuple[object, ...]]
) -> None:
    question = content.course.questions[0]
    session.answer(question, question.answer)
    session.answer(question, question.answer)  # the same answer again: nothing said
    session.set_language("es")
    session.set_surgery_date(date(2026, 12, 14))
    session.actor = NURSE
    session.actor = NURSE  # the same: nothing said
    session.mark_teach_back_done()
    session.actor = None
    assert heard == [
        ("answered", question.id),
        ("details_changed", "language"),
        ("details_changed", "surgery_date"),
        ("actor_changed", NURSE),
        ("teach_back_changed",),
        ("actor_changed", None),
    ]


def test_a_refused_change_announces_nothing(
    session: Session, content: Content, heard: list[tuple[object, ...]]
) -> None:
    checklist, item = first_task(content)

    class Refusing:
        def item_changed(self, *args: object) -> None:
            raise OSError("disk full")

    session.recorder = Refusing()  # type: ignore[assignment]
    with pytest.raises(OSError, match="disk full"):
        session.set_status(checklist, item, ItemStatus.DONE)
    assert heard == [] and session.status(checklist, item) is ItemStatus.OPEN


def test_a_signed_checklist_refuses_the_patient_silently(
    session: Session, content: Content, heard: list[tuple[object, ...]]
) -> None:
    checklist, item = first_task(content)
    session.actor = NURSE
    session.sign_off(checklist, "reviewed")
    session.actor = None
    heard.clear()
    with pytest.raises(ReadOnlyError, match=rf"^{re.escape(checklist)}$"):
        session.set_status(checklist, item, ItemStatus.DONE)
    assert heard == []
