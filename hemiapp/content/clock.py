"""The one clock every stored time is read from: passed in, so tests can fix it.

A clock is any callable giving an aware UTC datetime, to the second (what is stored).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """Now, in UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0)


@dataclass
class FixedClock:
    """A clock that says ``moment`` until it is moved on (for tests and benchmarks)."""

    moment: datetime

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)
