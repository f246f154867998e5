"""The exported JSON Schema is the schema the loader uses, and is up to date on disk."""

from __future__ import annotations

import json

import pytest

from hemiapp.content.schema import json_schema, json_schema_text
from hemiapp.paths import bundled_content_root, schema_dir


@pytest.mark.parametrize("kind", ["course", "checklist"])
def test_exported_schema_is_up_to_date(kind: str) -> None:
    on_disk = (schema_dir() / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert on_disk == json_schema_text(kind), "run: hemiapp schema"


def test_schema_describes_items() -> None:
    checklist = json_schema("checklist")
    item = checklist["properties"]["sections"]["items"]["properties"]["items"]["items"]
    assert item["additionalProperties"] is False
    assert item["required"] == ["id", "text"]
    assert item["properties"]["kind"]["enum"] == ["task", "warning-sign", "emergency", "question"]
    assert item["properties"]["when"]["pattern"] == "^(?:day-of|team|[+-][1-9][0-9]{0,2}[dw])$"


@pytest.mark.parametrize(
    ("path", "schema"),
    [
        ("resources/education/course.yaml", "../../checklists/schema/course.schema.json"),
        ("checklists/pre-op.yaml", "schema/checklist.schema.json"),
        ("checklists/post-op.yaml", "schema/checklist.schema.json"),
    ],
)
def test_content_files_point_editors_at_the_schema(path: str, schema: str) -> None:
    root = bundled_content_root()
    first = (root / path).read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={schema}"
    assert json.loads(((root / path).parent / schema).read_text(encoding="utf-8"))


@pytest.mark.parametrize("kind", ["course", "checklist"])
def test_schema_asks_an_approved_file_for_its_reviewer_and_day(kind: str) -> None:
    schema = json_schema(kind)
    assert schema["properties"]["reviewed_on"]["pattern"] == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    assert schema["properties"]["reviewed_on"]["format"] == "date"
    assert "reviewed_by" not in schema["required"]  # only when approved:
    assert schema["if"] == {
        "properties": {"review_status": {"const": "approved"}},
        "required": ["review_status"],
    }
    assert schema["then"] == {"required": ["reviewed_by", "reviewed_on"]}
