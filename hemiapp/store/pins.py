"""Which staff PINs are accepted: 6 to 12 ASCII digits, and none that is easy to guess.

NIST SP 800-63B (5.1.1.2) asks that a new secret be checked against values known to be
commonly used, expected or compromised. People choose PINs from a few patterns (Wang et
al., "Understanding Human-Chosen PINs", 2017; DataGenetics' PIN study): a digit repeated,
a run, a short block repeated, doubled digits, a mirror, one digit with a single
different one, or a shape on the keypad. Each pattern is refused with its own reason;
the keypad shapes and other favourites that no rule catches are a short block-list.
"""

from __future__ import annotations

import itertools
import re

PIN_MIN, PIN_MAX = 6, 12
_PIN_DIGITS = re.compile(r"[0-9]+")

#: Common PINs that no rule below catches: keypad shapes (columns, diagonals, crosses),
#: counting in tens and pairs, the start of the Fibonacci numbers, and favourites from
#: leaked PIN lists.
COMMON_PINS = frozenset(
    {
        "147258", "258369", "369258", "741852", "852963", "963852", "147852", "258963",
        "159753", "357159", "159357", "753951", "951753", "789456", "456123", "123789",
        "789123", "321654", "987321", "123654", "147369", "102030", "246810", "112358",
        "198420", "741963", "147258369", "159753456", "1470258369", "7410852963",
    }
)  # fmt: skip


def validate_pin(pin: str) -> str:
    """Return ``pin`` if it is acceptable, else raise ValueError saying why."""
    if not _PIN_DIGITS.fullmatch(pin):
        raise ValueError("PIN must be digits only (0 to 9)")
    if not PIN_MIN <= len(pin) <= PIN_MAX:
        raise ValueError(f"PIN must be {PIN_MIN} to {PIN_MAX} digits long")
    if len(set(pin)) == 1:
        raise ValueError("PIN must not be one digit repeated, like 111111")
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    if steps in ({1}, {9}):
        raise ValueError("PIN must not be a run of digits, like 123456 or 654321")
    problem = _pattern(pin)
    if problem:
        raise ValueError(f"PIN must not {problem}")
    if pin in COMMON_PINS:
        raise ValueError("PIN is one of the most common PINs; choose one that is harder to guess")
    return pin


def _pattern(pin: str) -> str:
    """What is easy to guess about ``pin`` ('' if nothing)."""
    size = len(pin)
    if any(size % n == 0 and pin == pin[:n] * (size // n) for n in range(2, size // 2 + 1)):
        return "repeat a shorter pattern, like 121212 or 123123"
    if size % 2 == 0 and all(pin[i] == pin[i + 1] for i in range(0, size, 2)):
        return "be pairs of the same digit, like 112233"
    if pin == pin[::-1]:
        return "read the same backwards, like 123321"
    most = max(pin.count(digit) for digit in set(pin))
    if most == size - 1:
        return "be one digit repeated with one other digit, like 000001"
    return ""
