"""Both themes keep text contrast at WCAG 2.1 AA (4.5:1) or better; body text >= 18 px."""

from __future__ import annotations

import re

import pytest

from hemiapp.ui.theme import BODY_PX, HIGH_CONTRAST, NORMAL, TEXT_PAIRS, Palette, TextSize, contrast
from hemiapp.ui.theme import stylesheet as make_stylesheet


def test_contrast_formula_matches_wcag_reference_values() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    # WCAG's own example: #777777 on white is just under 4.5:1 (4.48)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("palette", [NORMAL, HIGH_CONTRAST], ids=["normal", "high-contrast"])
@pytest.mark.parametrize(("text", "background"), TEXT_PAIRS)
def test_text_contrast(palette: Palette, text: str, background: str) -> None:
    ratio = contrast(getattr(palette, text), getattr(palette, background))
    minimum = 7.0 if palette is HIGH_CONTRAST else 4.5
    assert ratio >= minimum, f"{text} on {background}: {ratio:.2f}"


def test_body_text_is_at_least_18px_and_grows_with_text_size() -> None:
    assert BODY_PX >= 18
    sizes = []
    for size in TextSize:
        sheet = make_stylesheet(NORMAL, size)
        sizes.append(int(re.search(r"QWidget \{[^}]*font-size: (\d+)px", sheet).group(1)))  # type: ignore[union-attr]
    assert sizes == sorted(sizes) and sizes[0] == BODY_PX and sizes[-1] >= 27


def _picture_texts() -> list[tuple[str, str, str]]:
    """(picture, words, colour name) of every label in every language of every bundled picture."""
    from pathlib import Path

    from hemiapp.content.models import PictureLabel, SvgElement
    from hemiapp.content.picture import read_picture

    found = []
    folder = Path(__file__).resolve().parents[2] / "resources" / "illustrations"
    for file in sorted(folder.glob("*.svg")):
        picture, _ = read_picture(file, file.name, file.name)
        assert picture is not None

        def walk(node: SvgElement | PictureLabel, colour: str, name: str = file.name) -> None:
            if isinstance(node, PictureLabel):
                for _, text in node.variants:
                    fills = [c[5:] for c in text.attr("class").split() if c.startswith("fill-")]
                    found.append((name, " ".join(text.lines), fills[-1] if fills else colour))
                return
            fills = [c[5:] for c in node.attr("class").split() if c.startswith("fill-")]
            for child in node.children:
                walk(child, fills[-1] if fills else colour)

        walk(picture.root, "ink")
    assert len(found) > 40
    return found


@pytest.mark.parametrize("palette", [NORMAL, HIGH_CONTRAST], ids=["normal", "high-contrast"])
def test_picture_text_contrast(palette: Palette) -> None:
    """Words in pictures stand on the screen's background or on a "paper" card: both must
    keep the same contrast as the rest of the text, in both themes."""
    from hemiapp.ui.theme import picture_colour

    high = palette is HIGH_CONTRAST
    minimum = 7.0 if high else 4.5
    for picture, words, colour in _picture_texts():
        ink = picture_colour(colour, high)
        for ground in (palette.background, picture_colour("paper", high)):
            ratio = contrast(ink, ground)
            assert ratio >= minimum, f"{picture}: {words!r} {ink} on {ground}: {ratio:.2f}"
