"""Random mutations of valid content only ever produce the loader's own error type."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hemiapp.content.errors import ContentError
from hemiapp.content.loader import load_source
from hemiapp.content.yamlstrict import parse_source
from tests.content.conftest import CHECKLIST, COURSE

# Characters that matter to YAML, plus ordinary ones and some awkward bytes.
ALPHABET = list(" \t\n:-{}[],&*!|>'\"#%@`?~0123456789abcyesnoTrueNull\x00\x07\x85\u2028é€")

mutation = st.tuples(
    st.sampled_from(["insert", "delete", "replace"]),
    st.floats(min_value=0, max_value=1, exclude_max=True),
    st.text(alphabet=ALPHABET, min_size=1, max_size=6),
)


def _mutate(text: str, mutations: list[tuple[str, float, str]]) -> str:
    for kind, where, chunk in mutations:
        pos = int(where * (len(text) + 1))
        if kind == "insert":
            text = text[:pos] + chunk + text[pos:]
        elif kind == "delete":
            text = text[:pos] + text[pos + len(chunk) :]
        else:
            text = text[:pos] + chunk + text[pos + len(chunk) :]
    return text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    base=st.sampled_from([CHECKLIST, COURSE]),
    mutations=st.lists(mutation, min_size=1, max_size=4),
    encoding=st.sampled_from(["utf-8", "utf-16", "latin-1"]),
)
def test_mutated_content_loads_or_raises_content_error(
    base: str, mutations: list[tuple[str, float, str]], encoding: str
) -> None:
    text = _mutate(base, mutations)
    data = text.encode(encoding, errors="replace")
    try:
        loaded = load_source(parse_source(data, "fuzz.yaml"), Path("/nonexistent"))
    except ContentError as exc:
        assert exc.findings
        for finding in exc.findings:
            assert finding.path == "fuzz.yaml"
            assert finding.line >= 1
            assert finding.column >= 1
            assert finding.message
    else:
        assert loaded.model.id
