"""Drawing pictures: the patient's language, the theme's colours, words at least body size,
and Qt given nothing but bytes rebuilt from a checked picture."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from defusedxml import ElementTree
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontMetricsF
from pytestqt.qtbot import QtBot

from hemiapp.content.models import Content, Picture
from hemiapp.content.picture import ELEMENTS, parse_picture
from hemiapp.content.session import Session
from hemiapp.ui import picture as picture_ui
from hemiapp.ui.education import EducationScreen
from hemiapp.ui.picture import LINE_SPACING, picture_svg, render_picture, width_for_text
from hemiapp.ui.theme import HIGH_CONTRAST, NORMAL, PICTURE_COLOURS, TextSize

ROOT = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"
LABELLED = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 500">\n'
    '<rect class="fill-bone stroke-line" width="50" height="50"/>\n'
    "<switch>\n"
    '  <text systemLanguage="es" x="10" y="40" font-size="20"><tspan>Hueso que</tspan>'
    "<tspan>se quita</tspan></text>\n"
    '  <text x="10" y="40" font-size="20">Bone removed</text>\n'
    "</switch>\n"
    "</svg>"
)


def checked(svg: str) -> Picture:
    picture, findings = parse_picture(svg.encode(), "x.svg", "illustrations/x.svg")
    assert picture is not None, findings
    return picture


def texts(data: bytes) -> list[tuple[str, float, float]]:
    root = ElementTree.fromstring(data)
    return [
        (t.text or "", float(t.get("y", "0")), float(t.get("font-size", "0")))
        for t in root.iter(f"{SVG}text")
    ]


def test_labels_are_drawn_in_the_patients_language() -> None:
    picture = checked(LABELLED)
    assert [t[0] for t in texts(picture_svg(picture, "en", high_contrast=False))] == [
        "Bone removed"
    ]
    # two lines: two <text>s, 1.2 font sizes apart (Qt draws no tspan lines)
    assert texts(picture_svg(picture, "es", high_contrast=False)) == [
        ("Hueso que", 40.0, 20.0),
        ("se quita", 40.0 + 20 * LINE_SPACING, 20.0),
    ]


def test_colours_come_from_the_theme() -> None:
    picture = checked(LABELLED)
    for high_contrast in (False, True):
        root = ElementTree.fromstring(picture_svg(picture, "en", high_contrast=high_contrast))
        rect = next(root.iter(f"{SVG}rect"))
        pick = 1 if high_contrast else 0
        assert rect.get("fill") == PICTURE_COLOURS["bone"][pick]
        assert rect.get("stroke") == PICTURE_COLOURS["line"][pick]
        assert rect.get("class") is None
        # text has no colour of its own: it takes the ink set on the picture
        assert root.get("fill") == (HIGH_CONTRAST if high_contrast else NORMAL).text


def test_labels_are_never_smaller_than_the_body_text() -> None:
    picture = checked(LABELLED)
    # drawn 400 px wide (half size), body text 30 px: labels become 60 units tall
    data = picture_svg(picture, "en", high_contrast=False, min_font=30 / (400 / 800))
    assert texts(data) == [("Bone removed", 40.0, 60.0)]
    # already larger than the minimum: left as the author drew it
    assert texts(picture_svg(picture, "en", high_contrast=False, min_font=12)) == [
        ("Bone removed", 40.0, 20.0)
    ]


def test_every_picture_covers_every_colour_name_in_both_themes() -> None:
    from hemiapp.content.picture import COLOURS

    assert set(PICTURE_COLOURS) == set(COLOURS)
    for normal, high in PICTURE_COLOURS.values():
        assert re.fullmatch(r"#[0-9A-F]{6}", normal) and re.fullmatch(r"#[0-9A-F]{6}", high)


def bundled(content: Content) -> list[Picture]:
    pictures = [step.illustration for step in content.course.steps]
    assert all(p is not None for p in pictures)
    return [p for p in pictures if p is not None]


def all_pictures() -> list[Picture]:
    out = []
    for file in sorted((ROOT / "resources" / "illustrations").glob("*.svg")):
        picture, findings = parse_picture(file.read_bytes(), file.name, file.name)
        assert picture is not None and findings == [], findings
        out.append(picture)
    assert len(out) == 10
    return out


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high-contrast"])
def test_what_qt_is_given_holds_only_allowed_elements_and_no_outside_reference(
    language: str, high_contrast: bool
) -> None:
    for picture in all_pictures():
        data = picture_svg(picture, language, high_contrast=high_contrast, min_font=30)
        assert not re.search(rb"<!|<\?|url\(|@import|href=\"[^#]", data)
        root = ElementTree.fromstring(data, forbid_dtd=True)
        for element in root.iter():
            assert element.tag.startswith(SVG) and element.tag[len(SVG) :] in ELEMENTS
            assert element.tag != f"{SVG}switch"  # the language is chosen before Qt sees it


def test_every_bundled_picture_is_fully_in_spanish() -> None:
    for picture in all_pictures():
        for label in picture.labels():
            words = " ".join(label.get("en").lines)
            if any(c.isalpha() for c in words):
                assert label.has("es"), f"{picture.path}: {words}"


def test_every_label_fits_in_its_picture_at_extra_large(qtbot: QtBot) -> None:
    """At Large a picture is drawn at least 600 px wide beside the key points (words at
    least 25 px), at Extra large at least 720 px above them (30 px): either way its words
    are at least 33.3 units of an 800-unit picture. None may leave the picture."""
    body = round(20 * TextSize.EXTRA_LARGE.value)
    for picture in all_pictures():
        _, _, width, height = picture.view_box
        minimum = body / (720 / width)
        for language in ("en", "es"):
            data = picture_svg(picture, language, high_contrast=False, min_font=minimum)
            root = ElementTree.fromstring(data)
            for text in root.iter(f"{SVG}text"):
                font = QFont("DejaVu Sans")
                font.setPixelSize(round(float(text.get("font-size", "16"))))
                font.setBold(text.get("font-weight") == "bold")
                advance = QFontMetricsF(font).horizontalAdvance(text.text or "")
                x, y = float(text.get("x", "0")), float(text.get("y", "0"))
                anchor = text.get("text-anchor", "start")
                left = x - {"start": 0.0, "middle": advance / 2, "end": advance}[anchor]
                where = f"{picture.path} ({language}): {text.text!r}"
                assert left >= 0 and left + advance <= width, where
                assert y <= height and y - font.pixelSize() >= 0, where


def test_the_renderer_is_only_ever_given_rebuilt_bytes(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt never sees a picture's file (a path would let it resolve hrefs itself): every
    step's picture reaches QSvgRenderer as bytes written from the checked picture."""
    given: list[Any] = []
    real = picture_ui.QSvgRenderer

    def spy(*args: Any) -> Any:
        given.append(args)
        return real(*args)

    monkeypatch.setattr(picture_ui, "QSvgRenderer", spy)
    screen = EducationScreen(session)
    qtbot.addWidget(screen)
    screen.resize(1280, 700)
    screen.show()
    screen.enter(backwards=False)
    for n in range(len(screen.steps)):
        screen.show_step(n)
    assert len(given) >= len(screen.steps)
    for args in given:
        assert len(args) == 1 and isinstance(args[0], QByteArray)
        assert b'href="/' not in args[0].data() and b"<image" not in args[0].data()
    # and nothing else in the app draws an SVG from a file
    for source in (ROOT / "hemiapp").rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        if source.name != "picture.py":
            assert "QSvgRenderer" not in text and "QSvgWidget" not in text, source


def test_drawing_follows_the_theme_and_language(qtbot: QtBot, content: Content) -> None:
    picture = bundled(content)[0]
    args = {"width": 600, "body_px": 20, "ratio": 1.0}
    normal = render_picture(picture, "en", high_contrast=False, **args).toImage()
    high = render_picture(picture, "en", high_contrast=True, **args).toImage()
    spanish = render_picture(picture, "es", high_contrast=False, **args).toImage()
    assert normal != high and normal != spanish
    assert normal.width() == 600 and normal.height() == round(600 * 500 / 800)


def test_a_picture_is_drawn_wide_enough_for_its_words_to_be_body_size() -> None:
    picture = checked(LABELLED)  # its labels are 20 units of an 800-unit picture
    assert width_for_text(picture, 20) == 800
    assert width_for_text(picture, 30) == 1200
    words_free = checked('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 5"/>')
    assert width_for_text(words_free, 30) == 0
