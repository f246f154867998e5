"""Interface translations: Qt .qm files compiled from resources/i18n/*.ts.

Installing a translator sends every widget a ``LanguageChange`` event (Qt propagates it to
every child, hidden and covered ones too); each screen and page retranslates itself in its
``changeEvent`` (``hemiapp.ui.widgets.Screen``, ``FollowsLanguage``). Nobody tells a screen
to retranslate: ``Translations.set_language`` only delivers that event at once.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QTranslator

from hemiapp.content.models import DEFAULT_LANGUAGE
from hemiapp.paths import translations_dir

_NAME = "hemiapp-translation"


@cache
def every_translation(context: str, source: str) -> tuple[str, ...]:
    """``source`` and its translation in every language shipped: to size a control once
    for whichever language it will show (the top bar's buttons never move)."""
    texts = [source]
    for compiled in sorted(translations_dir().glob("hemiapp_*.qm")):
        translator = QTranslator()
        if translator.load(str(compiled)):
            texts.append(translator.translate(context, source) or source)
    return tuple(texts)


class Translations:
    """Installs the interface translation for one language at a time, app-wide."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or translations_dir()

    def set_language(self, language: str) -> bool:
        """Switch the interface language; False when no translation exists (English shown).

        When it returns, every widget has had its ``LanguageChange`` (Qt posts it to the
        top-level windows; it is delivered here, not at the event loop's next pass), so
        what is on screen is in the new language already."""
        app = QCoreApplication.instance()
        if app is None:
            return False
        try:
            return self._install(app, language)
        finally:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange.value)

    def _install(self, app: QCoreApplication, language: str) -> bool:
        for old in app.findChildren(QTranslator, _NAME):
            app.removeTranslator(old)
            old.setParent(None)
            old.deleteLater()
        translator = QTranslator(app)
        translator.setObjectName(_NAME)
        # English is the source language; its file holds only the plural forms
        # ("1 second", "2 seconds"), which Qt takes from a translation.
        if not translator.load(f"hemiapp_{language}", str(self.directory)):
            translator.setParent(None)
            translator.deleteLater()
            return language == DEFAULT_LANGUAGE
        app.installTranslator(translator)
        # Qt's own dialogs (Save as PDF, the print dialog) in the same language
        qt = QTranslator(app)
        qt.setObjectName(_NAME)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{language}", qt_folder):
            app.installTranslator(qt)
        else:
            qt.setParent(None)
            qt.deleteLater()
        return True
