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
