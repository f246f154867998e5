"""Patterned and common PINs are refused, each with its reason (hemiapp/store/pins.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hemiapp.store.pins import COMMON_PINS, validate_pin
from tests.store.conftest import OTHER_PIN, PIN, hemiapp

REPEATS = "PIN must not repeat a shorter pattern, like 121212 or 123123"
PAIRS = "PIN must not be pairs of the same digit, like 112233"
MIRROR = "PIN must not read the same backwards, like 123321"
ALMOST = "PIN must not be one digit repeated with one other digit, like 000001"
COMMON = "PIN is one of the most common PINs; choose one that is harder to guess"


@pytest.mark.parametrize(
    ("pin", "message"),
    [
        ("121212", REPEATS),
        ("123123", REPEATS),
        ("520520", REPEATS),
        ("131313", REPEATS),
        ("12341234", REPEATS),
        ("909090909090", REPEATS),
        ("112233", PAIRS),
        ("998877", PAIRS),
        ("11223344", PAIRS),
        ("123321", MIRROR),
        ("1234554321", MIRROR),
        ("100001", MIRROR),
        ("000001", ALMOST),
        ("100000", ALMOST),
        ("999998", ALMOST),
        ("7777767", ALMOST),
        ("147258", COMMON),
        ("159753", COMMON),
        ("789456", COMMON),
        ("102030", COMMON),
        ("246810", COMMON),
        ("112358", COMMON),
    ],
)
def test_patterned_and_common_pins_are_refused(pin: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        validate_pin(pin)
    assert str(caught.value) == message


@pytest.mark.parametrize("pin", [PIN, OTHER_PIN, "100234", "771903", "135790", "020406"])
def test_pins_without_a_pattern_are_accepted(pin: str) -> None:
    assert validate_pin(pin) == pin


def test_every_block_listed_pin_is_a_pin_no_rule_already_catches() -> None:
    for pin in COMMON_PINS:
        with pytest.raises(ValueError, match="most common PINs"):
            validate_pin(pin)


def test_the_command_line_refuses_a_patterned_pin_and_makes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    result = hemiapp(path, "staff", "add", "j", "--name", "J", "--role", "RN", stdin="121212\n" * 2)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.endswith(f"hemiapp: {REPEATS}; nothing was changed\n")
    assert not path.exists()
