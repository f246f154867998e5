"""The bundled content, loaded once, and a fresh session per test."""

from __future__ import annotations

from collections.abc import Iterator

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


@pytest.fixture(autouse=True)
def no_leftover_translators() -> Iterator[None]:
    """An installed interface translation is app-wide: never let one leak into the next test."""
    yield
    from PySide6.QtCore import QCoreApplication, QTranslator

    app = QCoreApplication.instance()
    if app is not None:
        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)
            translator.deleteLater()
