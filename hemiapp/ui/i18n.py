"""Interface translations: Qt .qm files compiled from resources/i18n/*.ts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from hemiapp.content.models import DEFAULT_LANGUAGE
from hemiapp.paths import bundled_content_root


def translations_dir() -> Path:
    return bundled_content_root() / "resources" / "i18n"


_NAME = "hemiapp-translation"


class Translations:
    """Installs the interface translation for one language at a time, app-wide."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or translations_dir()

    def set_language(self, language: str) -> bool:
        """Switch the interface language; False when no translation exists (English shown)."""
        app = QCoreApplication.instance()
        if app is None:
            return False
        for old in app.findChildren(QTranslator, _NAME):
            app.removeTranslator(old)
            old.setParent(None)
            old.deleteLater()
        if language == DEFAULT_LANGUAGE:
            return True
        translator = QTranslator(app)
        translator.setObjectName(_NAME)
        if not translator.load(f"hemiapp_{language}", str(self.directory)):
            translator.setParent(None)
            translator.deleteLater()
            return False
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
