"""The bundled content, loaded once, and a fresh session per test."""

from __future__ import annotations

import pytest

from hemiapp.content.loader import load_content
from hemiapp.content.models import Content
from hemiapp.content.session import Session
from hemiapp.paths import bundled_content_root


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content(bundled_content_root()).content


@pytest.fixture
def session(content: Content) -> Session:
    return Session(content)
