"""Look of the app: two palettes (normal, high contrast), three text sizes, one stylesheet."""

from __future__ import annotations

from dataclasses import dataclass

from hemiapp.content.visit import TextSize as TextSize  # (the visit's; re-exported here)


@dataclass(frozen=True)
class Palette:
    background: str
    surface: str
    text: str
    muted: str
    primary: str
    on_primary: str
    border: str
    warning_bg: str
    warning_text: str
    done_text: str
    question_bg: str
    question_text: str
    focus: str


NORMAL = Palette(
    background="#F4F7F8",
    surface="#FFFFFF",
    text="#1B1B1B",
    muted="#45525C",
    primary="#005F73",
    on_primary="#FFFFFF",
    border="#9AA8B1",
    warning_bg="#FDECEA",
    warning_text="#8A1C1C",
    done_text="#1E6B3A",
    question_bg="#FFF4D6",
    question_text="#5C4300",
    focus="#E07A00",
)

HIGH_CONTRAST = Palette(
    background="#000000",
    surface="#000000",
    text="#FFFFFF",
    muted="#F0F0F0",
    primary="#FFE14D",
    on_primary="#000000",
    border="#FFFFFF",
    warning_bg="#000000",
    warning_text="#FFB3B3",
    done_text="#8CF5A8",
    question_bg="#000000",
    question_text="#FFE14D",
    focus="#00E5FF",
)

#: Pairs of (text, background) colour names each palette must keep at 4.5:1 or more.
TEXT_PAIRS = (
    ("text", "background"),
    ("text", "surface"),
    ("muted", "surface"),
    ("muted", "background"),
    ("primary", "surface"),
    ("primary", "background"),
    ("on_primary", "primary"),
    ("warning_text", "warning_bg"),
    ("warning_text", "background"),
    ("done_text", "surface"),
    ("question_text", "question_bg"),
)

#: The colours pictures are drawn in (see hemiapp.content.picture.COLOURS): each name's
#: (normal, high contrast) colour. Pictures have no background of their own: they are
#: drawn on ``background``. In high contrast, what is drawn straight on the black
#: background (text, lines, outlines, teal) turns light; light fills stay.
PICTURE_COLOURS: dict[str, tuple[str, str]] = {
    "ink": (NORMAL.text, HIGH_CONTRAST.text),
    "mark": ("#1B1B1B", "#1B1B1B"),
    "line": ("#37474F", "#FFFFFF"),
    "paper": ("#FFFFFF", "#000000"),
    "bone": ("#F2E8CF", "#F2E8CF"),
    "bone-edge": ("#5C4B3B", "#5C4B3B"),
    "nerve": ("#F4C430", "#F4C430"),
    "nerve-edge": ("#8A6D00", "#8A6D00"),
    "disc": ("#8DA9C4", "#8DA9C4"),
    "disc-edge": ("#3E5C76", "#3E5C76"),
    "disc-light": ("#B9CCDD", "#B9CCDD"),
    "removed": ("#F7D9DD", "#F7D9DD"),
    "alert": ("#D1495B", "#FF6B6B"),
    "brand": (NORMAL.primary, HIGH_CONTRAST.primary),
    "brand-light": ("#94D2BD", "#94D2BD"),
    "brand-pale": ("#E3F1EC", "#1E3A33"),
    "soft": ("#CFD8DC", "#607D8B"),
    "grey": ("#90A4AE", "#B0BEC5"),
    "skin": ("#F2E8CF", "#F2E8CF"),
    "hair": ("#37474F", "#A1887F"),
    "warm": ("#FFF1C2", "#5C4B00"),
    "accent": ("#E9A23B", "#E9A23B"),
}


def picture_colour(name: str, high_contrast: bool) -> str:
    return PICTURE_COLOURS[name][1 if high_contrast else 0]


BODY_PX = 20  # body text at Normal size; never below 18
TOP_BAR_PADDING = 10  # px each side of a top-bar button's text (so all fit at A++)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG 2.1 contrast ratio of two #RRGGBB colours."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def stylesheet(palette: Palette, size: TextSize) -> str:
    def px(base: float) -> str:
        return f"{round(base * size.value)}px"

    p = palette
    return f"""
    QWidget {{ background: {p.background}; color: {p.text}; font-size: {px(BODY_PX)}; }}
    QLabel {{ background: transparent; }}
    QLabel[role="heading"] {{ font-size: {px(34)}; font-weight: bold; }}
    QLabel[role="subheading"] {{ font-size: {px(26)}; font-weight: bold; }}
    QLabel[role="muted"] {{ color: {p.muted}; }}
    QLabel[role="strong"] {{ font-weight: bold; }}
    QLabel[role="countdown"] {{ font-size: {px(96)}; font-weight: bold; color: {p.primary}; }}
    QLabel[role="warning-text"] {{ color: {p.warning_text}; font-weight: bold; }}
    QLabel[role="done"] {{ color: {p.done_text}; font-weight: bold; }}
    QFrame[role="card"] {{ background: {p.surface}; border: 2px solid {p.border};
        border-radius: 12px; }}
    QFrame[role="warning"] {{ background: {p.warning_bg}; border: 3px solid {p.warning_text};
        border-radius: 12px; }}
    QFrame[role="warning"] QLabel {{ color: {p.warning_text}; }}
    QFrame[role="emergency"] {{ background: {p.warning_bg}; border: 6px solid {p.warning_text};
        border-radius: 4px; }}
    QFrame[role="emergency"] QLabel {{ color: {p.warning_text}; }}
    QFrame[role="emergency"] QLabel[role="emergency-heading"] {{ background: {p.warning_text};
        color: {p.warning_bg}; font-size: {px(30)}; font-weight: bold; padding: 6px 16px; }}
    QLabel[role="emergency-sign"] {{ font-weight: bold; }}
    QWidget[role="emergency-row"] {{ background: transparent; }}
    QFrame[role="emergency-item"] {{ background: transparent; border: none;
        border-bottom: 2px solid {p.warning_text}; }}
    QFrame[role="question"] {{ background: {p.question_bg}; border: 3px solid {p.question_text};
        border-radius: 12px; }}
    QFrame[role="question"] QLabel {{ color: {p.question_text}; }}
    QFrame[role="topbar"] {{ background: {p.surface}; border-bottom: 2px solid {p.border}; }}
    QLabel[role="brand"] {{ font-size: 26px; font-weight: bold; }}
    QPushButton, QToolButton {{ background: {p.surface}; color: {p.primary};
        border: 2px solid {p.primary}; border-radius: 10px; padding: 8px 18px;
        min-height: 48px; min-width: 48px; font-size: {px(BODY_PX)}; font-weight: bold; }}
    QPushButton:checked {{ background: {p.primary}; color: {p.on_primary}; }}
    QPushButton[role="day"] {{ padding: 4px; min-width: 56px; }}
    QFrame[role="topbar"] QPushButton {{ padding: 8px {TOP_BAR_PADDING}px; }}
    QPushButton[role="primary"] {{ background: {p.primary}; color: {p.on_primary};
        font-size: {px(26)}; padding: 12px 36px; }}
    QPushButton:focus, QToolButton:focus, QListWidget:focus {{ border: 4px solid {p.focus}; }}
    QPushButton:disabled, QPushButton[role="primary"]:disabled, QPushButton:checked:disabled {{
        background: {p.surface}; color: {p.muted}; border: 2px dashed {p.border}; }}
    QPushButton[result="right"] {{ border: 4px solid {p.done_text}; color: {p.done_text}; }}
    QPushButton[result="wrong"] {{ border: 4px solid {p.warning_text}; color: {p.warning_text}; }}
    QPushButton[role="choice"], QPushButton[role="choice"]:focus,
    QPushButton[role="choice"]:disabled {{ border-width: 4px; }}
    QListWidget {{ background: {p.surface}; border: 2px solid {p.border}; border-radius: 10px; }}
    QListWidget::item {{ min-height: 48px; padding: 6px 10px; }}
    QListWidget::item:selected {{ background: {p.primary}; color: {p.on_primary}; }}
    QScrollArea {{ border: none; }}
    QScrollBar:vertical {{ width: 18px; background: {p.background}; border: none; }}
    QScrollBar::handle:vertical {{ background: {p.muted}; border-radius: 7px; min-height: 64px;
        margin: 2px; }}
    QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0px; }}
    QCalendarWidget QAbstractItemView {{ font-size: {px(22)}; selection-background-color:
        {p.primary}; selection-color: {p.on_primary}; }}
    """
