"""The visit: its session, who acts, language and display, and the events it sends.
Headless: no QApplication."""

from __future__ import annotations

import pytest

from hemiapp.content.loader import load_content
from hemiapp.content.models import Content
from hemiapp.content.session import Actor, Session
from hemiapp.content.visit import TextSize, Visit
from hemiapp.paths import bundled_content_root

NURSE = Actor(1, "nurse1", "Pat Lee", "RN")


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(bundled_content_root()).content


def test_display_changes_are_announced_once_each(content: Content) -> None:
    visit = Visit(Session(content))
    heard: list[tuple[TextSize, bool]] = []
    visit.events.display_changed.connect(
        lambda: heard.append((visit.text_size, visit.high_contrast))
    )
    visit.set_display(text_size=TextSize.EXTRA_LARGE)
    visit.set_display(text_size=TextSize.EXTRA_LARGE)  # the same: nothing said
    visit.set_display(high_contrast=True)
    visit.set_display(text_size=TextSize.LARGE, high_contrast=False)  # both: said once
    visit.reset_display()
    visit.reset_display()  # already normal: nothing said
    assert heard == [
        (TextSize.EXTRA_LARGE, False),
        (TextSize.EXTRA_LARGE, True),
        (TextSize.LARGE, False),
        (TextSize.NORMAL, False),
    ]


def test_replacing_the_session(content: Content) -> None:
    first, second = Session(content), Session(content)
    visit = Visit(first)
    replaced: list[Session] = []
    visit.events.session_replaced.connect(replaced.append)
    visit.replace(first)  # the same one: nothing said
    visit.act_as(NURSE)
    visit.replace(second)  # the nurse goes on acting in the session shown now
    assert replaced == [second] and visit.session is second
    assert second.actor == NURSE == visit.actor


def test_who_acts_and_the_language_go_through_the_session(content: Content) -> None:
    session = Session(content)
    visit = Visit(session)
    said: list[object] = []
    session.events.actor_changed.connect(said.append)
    session.events.details_changed.connect(said.append)
    visit.act_as(NURSE)
    visit.set_language("es")
    visit.act_as(None)
    assert said == [NURSE, "language", None]
    assert visit.actor is None and visit.language == "es" == session.language
