"""Small valid content to mutate in tests."""

from __future__ import annotations

from pathlib import Path

import pytest

CHECKLIST = """\
id: pre-op
kind: pre-op
version: "0.1"
review_status: draft
title:
  en: Before surgery
  es: Antes de la cirugía
sections:
  - id: week-before
    title:
      en: The week before
      es: La semana antes
    items:
      - id: stop-smoking
        text:
          en: Stop smoking.
          es: Deje de fumar.
        when: "-7d"
        required: true
"""

COURSE = """\
id: demo
version: "0.1"
review_status: draft
title:
  en: Your surgery
  es: Su cirugía
steps:
  - id: what-it-is
    title:
      en: What it is
      es: Qué es
    body:
      en: |
        It is a **small** surgery.

        - It helps a nerve.
      es: |
        Es una cirugía **pequeña**.
    key_points:
      - en: It is small.
        es: Es pequeña.
      - en: It helps.
        es: Ayuda.
    illustration: illustrations/spine.svg
    illustration_alt:
      en: A spine.
      es: Una columna.
    quiz:
      - id: q-size
        question:
          en: Is it big?
          es: ¿Es grande?
        choices:
          - id: a
            text:
              en: Yes
              es: Sí
          - id: b
            text:
              en: No
              es: "No"
        answer: b
        explanation:
          en: It is small.
          es: Es pequeña.
"""

# A pre-op checklist with a visit on the date the care team gives ("when: team"), beside a
# computed date ("-7d"): the first is never turned into a date nor marked as passed.
TEAM_CHECKLIST = (
    CHECKLIST
    + """\
      - id: see-surgeon
        text:
          en: Go to the visit your surgeon sets.
          es: Vaya a la cita con su equipo médico.
        when: team
"""
)

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5"/></svg>'


def make_content(
    root: Path, course: str = COURSE, checklists: dict[str, str] | None = None
) -> Path:
    """Write a content folder (course, checklists, one illustration) and return it."""
    (root / "resources" / "education").mkdir(parents=True)
    (root / "resources" / "illustrations").mkdir()
    (root / "checklists").mkdir()
    (root / "resources" / "illustrations" / "spine.svg").write_text(SVG)
    (root / "resources" / "education" / "course.yaml").write_text(course, encoding="utf-8")
    for name, text in (checklists or {"pre-op.yaml": CHECKLIST}).items():
        (root / "checklists" / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    return make_content(tmp_path / "content")
