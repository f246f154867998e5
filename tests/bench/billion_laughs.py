"""How fast is a "billion laughs" file refused? ``python -m tests.bench.billion_laughs``.

Prints the median and spread over repeated loads of the 307-byte file used in
tests/content/test_loader.py, next to PyYAML's plain ``safe_load`` of a harmless
file of the same size for scale. A figure, not an assertion.
"""

from __future__ import annotations

import statistics
import time

import yaml

from hemiapp.content.errors import ContentError
from hemiapp.content.loader import load_source
from hemiapp.content.yamlstrict import parse_source
from tests.content.test_loader import BILLION_LAUGHS

RUNS = 200


def _time(action: object) -> list[float]:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    data = BILLION_LAUGHS.encode()

    def refuse() -> None:
        try:
            load_source(parse_source(data, "laughs.yaml"))
        except ContentError:
            return
        raise AssertionError("billion laughs was accepted")

    harmless = ("k: " + "x" * (len(data) - 4) + "\n").encode()
    laughs = _time(refuse)
    plain = _time(lambda: yaml.safe_load(harmless))
    print(f"file size: {len(data)} bytes")
    for name, times in (("refuse billion laughs", laughs), ("safe_load, same size", plain)):
        q = statistics.quantiles(times, n=20)
        print(
            f"{name:>22}: median {statistics.median(times):.3f} ms, "
            f"p5 {q[0]:.3f} ms, p95 {q[-1]:.3f} ms, max {max(times):.3f} ms ({RUNS} runs)"
        )
    print(f"ratio (refuse / safe_load): {statistics.median(laughs) / statistics.median(plain):.1f}")


if __name__ == "__main__":
    main()
