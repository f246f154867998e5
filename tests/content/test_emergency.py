"""The emergency rules: 911 only in an emergency item's text or a step's emergency list,
emergency items are signs (no date, never required or nurse-only), and come first."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from hemiapp.content.emergency import ORDER_WARNING, in_display_order, message
from hemiapp.content.errors import ContentError
from hemiapp.content.loader import load_file
from hemiapp.content.models import Course, ItemKind
from tests.content.conftest import CHECKLIST, COURSE, make_content

EMERGENCY_SECTION = """\
  - id: emergency
    title:
      en: Get help at once
      es: Busque ayuda de inmediato
    items:
      - id: em-chest
        text:
          en: Call 911 if you have chest pain.
          es: Llame al 911 si tiene dolor en el pecho. Es una emergencia.
        detail:
          en: Do not drive yourself.
          es: No maneje usted.
        kind: emergency
"""

WARNING_SECTION = """\
  - id: call-team
    title:
      en: Call your team if
      es: Llame a su equipo si
    items:
      - id: ws-fever
        text:
          en: You have a fever.
          es: Tiene fiebre.
        kind: warning-sign
"""

STEP_EMERGENCY = """\
    emergency:
      - en: Call 911 if you cannot pass urine.
        es: Llame al 911 si no puede orinar. Es una emergencia.
      - en: EMERGENCY? Call 911 for chest pain.
"""


def problems(tmp_path: Path, text: str, name: str = "file.yaml") -> list[tuple[int, int, str, str]]:
    """(line, column, severity, message) of every finding of one file (none: it loaded)."""
    root = make_content(Path(tempfile.mkdtemp(dir=tmp_path)) / "c")
    path = root / ("checklists" if "sections:" in text else "resources/education") / name
    path.write_text(text, encoding="utf-8")
    try:
        loaded = load_file(path, root / "resources")
    except ContentError as exc:
        findings = list(exc.findings)
    else:
        findings = loaded.source.findings
    return [
        (f.line, f.column, f.severity, f.message)
        for f in findings
        if "translation; English will be shown" not in f.message  # (English-only tests)
    ]


def line_col(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the first ``needle`` in ``text`` (worked out here)."""
    before = text[: text.index(needle)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def test_the_message_says_where_911_may_be_said() -> None:
    assert message("911", "an item's detail") == (
        "'911' may only be said in an emergency item's text (kind: emergency), the title of "
        "a section of them, or a step's emergency list; say it there, not in an item's detail"
    )


def test_911_in_a_detail_is_an_error_at_the_word(tmp_path: Path) -> None:
    text = CHECKLIST + "        detail:\n          en: If it hurts, call 911 at once.\n"
    line, column = line_col(text, "911")
    assert problems(tmp_path, text) == [(line, column, "error", message("911", "an item's detail"))]
    assert (line, column) == (21, 33)


def test_emergency_in_a_title_is_an_error(tmp_path: Path) -> None:
    text = CHECKLIST.replace("en: The week before", "en: Emergency help")
    line, column = line_col(text, "Emergency help")
    assert problems(tmp_path, text) == [
        (line, column, "error", message("Emergency", "a section's title"))
    ]


def test_emergencia_in_a_spanish_body_is_an_error_at_its_line(tmp_path: Path) -> None:
    text = COURSE.replace(
        "        Es una cirugía **pequeña**.\n",
        "        Es una cirugía **pequeña**.\n\n        Vaya a emergencias si sangra.\n",
    )
    line, column = line_col(text, "emergencias")
    assert problems(tmp_path, text, "course.yaml") == [
        (line, column, "error", message("emergencias", "a step's body"))
    ]
    assert column == 16


def test_911_in_a_quiz_explanation_is_an_error(tmp_path: Path) -> None:
    # "Es pequeña." is a key point's Spanish and then the explanation's
    text = COURSE.replace("es: Es pequeña.\n", "es: Es pequeña. Llame al 911 si sangra.\n")
    last = text.rindex("911")
    before = text[:last]
    explanation = (before.count("\n") + 1, last - before.rfind("\n"))
    assert problems(tmp_path, text, "course.yaml") == [
        (*line_col(text, "911"), "error", message("911", "a step's key points")),
        (*explanation, "error", message("911", "a quiz explanation")),
    ]


def test_a_step_with_the_box_may_teach_it_in_its_key_points_and_quiz(tmp_path: Path) -> None:
    # the same words as the failing case above, in a step that has a "Call 911 now" box
    text = COURSE.replace("es: Es pequeña.\n", "es: Es pequeña. Llame al 911 si sangra.\n")
    with_box = text.replace("    quiz:\n", STEP_EMERGENCY + "    quiz:\n")
    assert [f for f in problems(tmp_path, with_box, "course.yaml") if f[2] == "error"] == []
    # but its body and title still may not (they are not the box)
    body = with_box.replace("title:\n      en:", "title:\n      en: Emergency", 1)
    assert [f[3] for f in problems(tmp_path, body, "course.yaml") if f[2] == "error"] == [
        message("Emergency", "a step's title")
    ]


def test_911_in_a_warning_signs_text_is_an_error(tmp_path: Path) -> None:
    text = CHECKLIST.replace(
        "items:\n      - id: stop-smoking", "items:\n      - id: ws\n        text: Call 911.\n"
        "        kind: warning-sign\n      - id: stop-smoking"
    )  # fmt: skip
    line, column = line_col(text, "911")
    assert problems(tmp_path, text)[0] == (
        line, column, "error", message("911", "the text of a warning-sign item")
    )  # fmt: skip


def test_emergency_text_and_a_steps_emergency_list_may_say_it(tmp_path: Path) -> None:
    checklist = CHECKLIST + EMERGENCY_SECTION
    assert problems(tmp_path, checklist) == []
    course = COURSE.replace("    quiz:\n", STEP_EMERGENCY + "    quiz:\n")
    found = problems(tmp_path, course, "course.yaml")
    assert [f for f in found if f[2] == "error"] == []
    root = make_content(tmp_path / "c", course=course)
    loaded = load_file(root / "resources/education/course.yaml", root / "resources").model
    assert isinstance(loaded, Course)
    assert loaded.steps[0].emergency[1].get("en") == "EMERGENCY? Call 911 for chest pain."


def test_a_section_of_emergency_items_may_say_it_in_its_title(tmp_path: Path) -> None:
    titled = EMERGENCY_SECTION.replace("en: Get help at once", "en: Call 911 now").replace(
        "es: Busque ayuda de inmediato", "es: Llame al 911 ahora"
    )
    assert problems(tmp_path, CHECKLIST + titled) == []
    # not a section that holds anything else too
    mixed = titled + "      - id: rest\n        text: {en: Rest., es: Descanse.}\n"
    text = CHECKLIST + mixed
    assert problems(tmp_path, text) == [
        (*line_col(text, "911 now"), "error", message("911", "a section's title")),
        (*line_col(text, "911 ahora"), "error", message("911", "a section's title")),
    ]


def test_ids_kinds_and_words_inside_words_are_not_read(tmp_path: Path) -> None:
    text = CHECKLIST.replace("id: week-before", "id: emergency-911").replace(
        "Stop smoking.", "Stop smoking by 1911 or 9112. Nonemergency-ish words pass."
    )
    assert problems(tmp_path, text) == []


@pytest.mark.parametrize(
    ("key", "value", "why"),
    [
        ("when", '"+1d"', "an emergency item has no 'when': it is a sign to act on at any "
         "time, not a task with a date"),
        ("required", "true", "an emergency item cannot be 'required': it is a sign to know, "
         "not a task to do"),
        ("nurse_only", "false", "an emergency item cannot be 'nurse_only': it is a sign to "
         "know, not a task for a nurse to check"),
    ],
)  # fmt: skip
def test_an_emergency_item_is_not_a_task(tmp_path: Path, key: str, value: str, why: str) -> None:
    text = CHECKLIST + EMERGENCY_SECTION + f"        {key}: {value}\n"
    line = text.count("\n")
    assert problems(tmp_path, text) == [(line, 9, "error", why)]


def test_warning_signs_before_the_emergency_signs_are_a_warning(tmp_path: Path) -> None:
    text = CHECKLIST + WARNING_SECTION + EMERGENCY_SECTION
    line, column = line_col(text, "- id: call-team")
    reason = f"section 'call-team' holds warning signs before the emergency signs; {ORDER_WARNING}"
    assert problems(tmp_path, text) == [(line, column + 2, "warning", reason)]
    assert ORDER_WARNING == "emergency signs must come first among the signs"
    assert problems(tmp_path, CHECKLIST + EMERGENCY_SECTION + WARNING_SECTION) == []


def test_the_kind_is_emergency() -> None:
    assert ItemKind("emergency") is ItemKind.EMERGENCY


def ids_in_order(tmp_path: Path, text: str) -> list[str]:
    root = make_content(Path(tempfile.mkdtemp(dir=tmp_path)) / "c")
    (root / "checklists" / "pre-op.yaml").write_text(text, encoding="utf-8")
    loaded = load_file(root / "checklists" / "pre-op.yaml", root / "resources").model
    assert not isinstance(loaded, Course)
    return [item.id for _, item in in_display_order(loaded)]


def test_emergency_signs_are_shown_first_among_the_signs(tmp_path: Path) -> None:
    after = CHECKLIST + WARNING_SECTION + EMERGENCY_SECTION
    assert ids_in_order(tmp_path, after) == ["stop-smoking", "em-chest", "ws-fever"]
    # with no warning signs, they stay where they are
    assert ids_in_order(tmp_path, CHECKLIST + EMERGENCY_SECTION) == ["stop-smoking", "em-chest"]
    first = EMERGENCY_SECTION + CHECKLIST.split("sections:\n")[1]
    text = CHECKLIST.split("sections:\n")[0] + "sections:\n" + first
    assert ids_in_order(tmp_path, text) == ["em-chest", "stop-smoking"]


def test_a_steps_emergency_list_is_graded_with_the_step() -> None:
    from hemiapp.content import readability
    from hemiapp.content.loader import load_content
    from hemiapp.paths import bundled_content_root

    risks = next(
        s for s in load_content(bundled_content_root()).content.course.steps if s.emergency
    )
    texts = readability.step_text(risks)
    assert all(sign.english in texts for sign in risks.emergency)
