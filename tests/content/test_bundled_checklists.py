"""The bundled checklists keep what a clinical read asked for (issue 13): the 911 signs in
their own section, no computed date for what the surgeon decides, calibrated warnings."""

from __future__ import annotations

import pytest

from hemiapp.content.loader import load_content
from hemiapp.content.models import Checklist, ItemKind
from hemiapp.paths import bundled_content_root

EMERGENCY_IDS = [
    "em-bladder-bowel",
    "em-saddle-numbness",
    "em-leg-weakness",
    "em-chest-breathing",
    "em-calf-clot",
]
# The surgeon or the care team decides these dates: none is computed from the surgery date.
TEAM_DECIDES = {
    "pre-op": ["scans-and-tests"],
    "post-op": [
        "follow-up-visit",
        "stitches",
        "showering",
        "no-lifting",
        "driving",
        "return-to-work",
        "sex",
        "physical-therapy",
    ],
}


@pytest.fixture(scope="module")
def checklists() -> dict[str, Checklist]:
    content = load_content(bundled_content_root()).content
    return {c.id: c for c in content.checklists}


def test_the_911_signs_have_their_own_section_before_the_care_team_signs(
    checklists: dict[str, Checklist],
) -> None:
    post = checklists["post-op"]
    ids = [s.id for s in post.sections]
    assert ids.index("call-911") + 1 == ids.index("call-care-team")
    section = post.sections[ids.index("call-911")]
    assert section.title.english == "Call 911 now"
    assert section.title.get("es") == "Llame al 911 ahora"
    assert [i.id for i in section.items] == EMERGENCY_IDS
    for item in section.items:
        assert item.kind is ItemKind.EMERGENCY
        assert item.text.english.startswith("Call 911 if ")
        assert item.text.get("es").startswith("Llame al 911 si ")
        assert item.when is None and not item.required and not item.nurse_only
        assert item.detail is None  # nothing hidden behind "Why?"
    calf = section.items[-1].text
    assert "blood clot" in calf.english and "coágulo" in calf.get("es")
    # the care-team section no longer holds what is now an emergency
    care_team = post.sections[ids.index("call-care-team")]
    assert {i.kind for i in care_team.items} == {ItemKind.WARNING_SIGN}
    for words in ("bladder", "chest", "calf"):
        assert not any(words in i.text.english for i in care_team.items)


def test_no_computed_date_for_what_the_team_decides(checklists: dict[str, Checklist]) -> None:
    for checklist_id, item_ids in TEAM_DECIDES.items():
        items = {i.id: i for i in checklists[checklist_id].items}
        for item_id in item_ids:
            when = items[item_id].when
            assert when is None or not when.computed, item_id
    follow_up = next(i for i in checklists["post-op"].items if i.id == "follow-up-visit")
    assert follow_up.when is not None and follow_up.when.text == "team"
    assert "on the date your team gives you" in follow_up.text.english
    assert "en la fecha que le dé su equipo" in follow_up.text.get("es")


def test_calibrated_warnings_are_in_the_main_text(checklists: dict[str, Checklist]) -> None:
    items = {i.id: i for c in checklists.values() for i in c.items}
    fever = items["ws-fever"].text
    assert "101°F (38.3°C) or higher, or the number your team gives you" in fever.english
    assert "101 °F (38.3 °C)" in fever.get("es")
    alcohol = items["alcohol-plan"].text.english
    assert "If you drink every day, do not stop all at once." in alcohol
    assert "dangerous" in alcohol
    assert not any(i.text.english.startswith("Avoid alcohol") for i in items.values())
    fasting = items["eating-drinking"].detail
    assert fasting is not None and fasting.english.endswith("This keeps you safe during surgery.")
