"""Interface translations: complete, current with the code, compiled, and switchable live."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from hemiapp.content.models import Content
from hemiapp.paths import translations_dir
from hemiapp.ui.i18n import Translations
from hemiapp.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
TS = translations_dir() / "hemiapp_es.ts"
BIN = Path(sys.executable).parent


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(path)
    return {
        (ctx.findtext("name") or "", msg.findtext("source") or ""): msg
        for ctx in tree.getroot().iter("context")
        for msg in ctx.iter("message")
    }


def test_every_message_is_translated() -> None:
    found = messages(TS)
    assert len(found) > 50
    for (context, source), message in found.items():
        translation = message.find("translation")
        assert translation is not None, f"{context}: {source!r}"
        forms = [f.text or "" for f in translation.iter("numerusform")]
        texts = forms or [translation.text or ""]
        assert all(texts), f"{context}: {source!r}"
        assert translation.get("type") is None, (
            f"{context}: {source!r} is {translation.get('type')}"
        )
        for text in texts:
            for placeholder in ("%1", "%2", "%n"):
                assert (placeholder in source) == (placeholder in text), source


def lupdate(ts: Path, fresh: Path, *options: str) -> None:
    """A copy of ``ts`` brought up to date with the code by lupdate, as ``fresh``."""
    shutil.copy(ts, fresh)
    sources = [
        *sorted(
            str(p) for folder in ("ui", "kiosk") for p in (ROOT / "hemiapp" / folder).rglob("*.py")
        ),
        str(ROOT / "hemiapp" / "report" / "labels.py"),  # the printout's words
    ]
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources, *options, "-no-obsolete", "-ts", str(fresh)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )


def test_ts_file_is_current_with_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    lupdate(TS, fresh)
    assert set(messages(fresh)) == set(messages(TS)), "run pyside6-lupdate, then translate"


def test_qm_file_is_compiled_from_the_ts_file(tmp_path: Path) -> None:
    fresh = tmp_path / "hemiapp_es.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(fresh)], check=True, capture_output=True
    )
    shipped = translations_dir() / "hemiapp_es.qm"
    assert fresh.read_bytes() == shipped.read_bytes(), "run pyside6-lrelease"


def translation_of(context: str, source: str) -> str:
    element = messages(TS)[(context, source)].find("translation")
    assert element is not None and element.text
    return element.text


def test_switching_language_mid_checklist_keeps_everything(qtbot: QtBot, content: Content) -> None:
    window = MainWindow(content, today=date(2026, 11, 23))
    qtbot.addWidget(window)
    window.show()
    pre = window.checklist_screens[0]
    window.show_screen(window.screens.index(pre))
    qtbot.mouseClick(pre.cards[0].done, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(
        window.top_bar.findChild(type(pre.next), "language-es"), Qt.MouseButton.LeftButton
    )
    assert window.top_bar.contrast.text() == translation_of("TopBar", "High contrast")
    assert pre.next.text() == translation_of("ChecklistScreen", "Next")
    assert pre.title.text() == pre.model.checklist.title.get("es")
    assert pre.cards[0].done.isChecked()
    assert window.current_screen() is pre
    qtbot.mouseClick(
        window.top_bar.findChild(type(pre.next), "language-en"), Qt.MouseButton.LeftButton
    )
    assert window.top_bar.contrast.text() == "High contrast"
    assert pre.cards[0].done.isChecked()


def test_a_covered_screen_follows_the_language_itself(qtbot: QtBot, content: Content) -> None:
    """A language switch while the review is covered by a page: the screens and pages
    retranslate themselves (the translator's LanguageChange), hidden or not, and going back
    shows the review in Spanish with its lists; nobody is told to refresh."""
    window = MainWindow(content, today=date(2026, 11, 23))
    qtbot.addWidget(window)
    window.show()
    review = window.review
    window.show_screen(window.screens.index(review))
    assert review.entries("pre-op", "open")
    cover = QLabel("a staff page")
    window.pages.add(cover)
    window.pages.show(cover)
    assert not review.isVisible()
    window.session.set_language("es")
    window.translations.set_language("es")  # only the translator: not the window's methods
    education, pre = window.education, window.checklist_screens[0]
    assert not education.isVisible() and not pre.isVisible()
    assert education.back.text() == translation_of("EducationScreen", "Back")
    assert pre.next.text() == translation_of("ChecklistScreen", "Next")
    assert pre.title.text() == pre.model.checklist.title.get("es")
    assert window.crash.heading.text() == translation_of("CrashPage", "Something went wrong")
    assert window.finish_confirm.heading.text() == translation_of(
        "FinishConfirm", "Are you finished?"
    )
    window.pages.back_to(review)
    assert window.current_screen() is review
    assert review.title.text() == translation_of("ReviewScreen", "Your review") == "Su resumen"
    first = content.checklist("pre-op").sections[0].items[0]
    assert first.text.get("es") in review.entries("pre-op", "open")
    still_to_do = translation_of("ReviewScreen", "Still to do")
    titles = [w.text() for card in review.cards for w in card.findChildren(QLabel)]
    assert any(text.startswith(still_to_do) for text in titles)


def test_a_missing_translation_shows_english(
    qtbot: QtBot, tmp_path: Path, content: Content
) -> None:
    translations = Translations(tmp_path)
    window = MainWindow(content, translations=translations, today=date(2026, 11, 23))
    qtbot.addWidget(window)
    assert translations.set_language("es") is False
    window.set_language("es")
    assert window.top_bar.contrast.text() == "High contrast"
    # content is still shown in Spanish
    window.show_screen(1)
    assert window.education.title.text() == content.course.steps[0].title.get("es")


@pytest.mark.parametrize("language", ["en", "es"])
def test_window_title_is_translated(qtbot: QtBot, content: Content, language: str) -> None:
    window = MainWindow(content)
    qtbot.addWidget(window)
    window.set_language(language)
    assert window.windowTitle() == "HemiGuide"


EN_TS = translations_dir() / "hemiapp_en.ts"


def test_every_plural_has_its_forms_in_both_languages() -> None:
    """A number meeting a noun is a %n message; each language gives both forms (English
    has a file of plural forms only: Qt takes "1 second" from a translation)."""
    plurals = {key: m for key, m in messages(TS).items() if m.get("numerus") == "yes"}
    assert len(plurals) >= 6
    english = messages(EN_TS)
    assert set(english) == set(plurals)
    for key, message in (*plurals.items(), *english.items()):
        forms = [f.text or "" for f in message.iter("numerusform")]
        assert len(forms) == 2 and all("%n" in f for f in forms), key
        assert forms[0] != forms[1], key
    for (context, source), _ in messages(TS).items():
        assert "%n" not in source or (context, source) in plurals, source


def test_english_plural_file_is_current_and_compiled(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh_en.ts"
    lupdate(EN_TS, fresh, "-pluralonly")
    assert set(messages(fresh)) == set(messages(EN_TS)), "run pyside6-lupdate -pluralonly"
    for message in messages(EN_TS).values():
        assert message.find("translation").get("type") is None  # type: ignore[union-attr]
    compiled = tmp_path / "hemiapp_en.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(EN_TS), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == (translations_dir() / "hemiapp_en.qm").read_bytes()


def test_qt_own_dialogs_follow_the_language(qapp: QApplication) -> None:
    """Save as PDF and the print dialog are Qt's: they speak Spanish too."""
    translations = Translations()
    assert translations.set_language("es")
    assert QCoreApplication.translate("QFileDialog", "&Save") == "&Guardar"
    assert QCoreApplication.translate("QPrintDialog", "Print") == "Imprimir"
    assert translations.set_language("en")
    assert QCoreApplication.translate("QFileDialog", "&Save") == "&Save"
