"""The "Are you still there?" page counts down in words with the right plural."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from hemiapp.kiosk.countdown import StillTherePage
from hemiapp.ui.i18n import Translations

WORDS = {
    "en": "To keep your information private, this visit will end in {n} "
    "and the screen will start again.",
    "es": "Para proteger su información, esta visita terminará en {n} "
    "y la pantalla volverá al inicio.",
}
UNITS = {"en": ("1 second", "2 seconds"), "es": ("1 segundo", "2 segundos")}


@pytest.mark.parametrize("language", ["en", "es"])
def test_one_second_and_two_seconds(qtbot: QtBot, language: str) -> None:
    Translations().set_language(language)
    page = StillTherePage(2)
    qtbot.addWidget(page)
    page.start()
    one, two = UNITS[language]
    assert page.explanation.text() == WORDS[language].format(n=two)
    assert page.counter.text() == "2"
    page.tick.stop()
    page.left = 1
    page.refresh()
    assert page.explanation.text() == WORDS[language].format(n=one)
