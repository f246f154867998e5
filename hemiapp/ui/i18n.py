"""Interface translations: Qt .qm files compiled from resources/i18n/*.ts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from hemiapp.content.models import DEFAULT_LANGUAGE
from hemiapp.paths import bundled_content_root


def translations_dir() -> Path:
    return bundled_content_root() / "resources" / "i18n"


class Translations:
    """Installs the interface translation for one language at a time."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or translations_dir()
        self.translator: QTranslator | None = None

    def set_language(self, language: str) -> bool:
        """Switch the interface language; False when no translation exists (English shown)."""
        app = QCoreApplication.instance()
        if self.translator is not None and app is not None:
            app.removeTranslator(self.translator)
            self.translator = None
        if language == DEFAULT_LANGUAGE or app is None:
            return True
        translator = QTranslator(app)
        if not translator.load(f"hemiapp_{language}", str(self.directory)):
            return False
        app.installTranslator(translator)
        self.translator = translator
        return True
