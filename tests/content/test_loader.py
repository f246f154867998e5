"""Broken and hostile content files: each refused with the exact file:line:column and message.

Line and column numbers below were worked out by hand from the YAML texts (1-based).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from hemiapp.content.errors import ContentError
from hemiapp.content.loader import load_content, load_file
from hemiapp.content.models import Checklist, Course
from tests.content.conftest import CHECKLIST, COURSE, make_content


def lines(text: str) -> list[str]:
    return text.splitlines()


def replace_line(text: str, number: int, *new: str) -> str:
    """Replace 1-based line ``number`` with the given lines (none: delete it)."""
    out = lines(text)
    out[number - 1 : number] = list(new)
    return "\n".join(out) + "\n"


def replace_lines(text: str, first: int, last: int, *new: str) -> str:
    """Replace 1-based lines ``first``..``last`` (inclusive) with the given lines."""
    out = lines(text)
    out[first - 1 : last] = list(new)
    return "\n".join(out) + "\n"


def insert_after(text: str, number: int, *new: str) -> str:
    out = lines(text)
    out[number:number] = list(new)
    return "\n".join(out) + "\n"


BILLION_LAUGHS = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
)  # 307 bytes; constructed, it would be 9**8 = 43 million strings

TAGS = "; remove the tag and write plain text"
WHEN_HINT = (
    "write day-of, days or weeks before (-) or after (+) surgery like -7d or +2w, "
    "or team for a date the care team gives"
)
ID_HINT = "use lowercase letters, digits and single hyphens, like 'stop-smoking'"

# (case id, file text, expected findings); files are named bad.yaml.
CHECKLIST_CASES: list[tuple[str, str | bytes, list[str]]] = [
    (
        "anchor-and-alias",
        replace_line(replace_lines(CHECKLIST, 10, 12, "    title: *t"), 5, "title: &t"),
        [
            "5:8: error: anchors (&t) are not allowed; write each value out in full",
            "10:12: error: aliases (*t) are not allowed; write the value out in full",
        ],
    ),
    (
        "python-object-tag",
        replace_lines(CHECKLIST, 5, 7, 'title: !!python/object/apply:os.system ["echo pwned"]'),
        [f"5:8: error: tags (!!python/object/apply:os.system) are not allowed{TAGS}"],
    ),
    (
        "harmless-str-tag",
        replace_line(CHECKLIST, 3, "version: !!str 1.0"),
        [f"3:10: error: tags (!!str) are not allowed{TAGS}"],
    ),
    (
        "include-tag",
        replace_line(CHECKLIST, 16, "          en: !include /etc/passwd"),
        [f"16:15: error: tags (!include) are not allowed{TAGS}"],
    ),
    (
        "duplicate-top-level-key",
        insert_after(CHECKLIST, 2, "kind: post-op"),
        ["3:1: error: duplicate key 'kind' (first on line 2)"],
    ),
    (
        "duplicate-item-key",
        insert_after(CHECKLIST, 18, '        when: "-1d"'),
        ["19:9: error: duplicate key 'when' (first on line 18)"],
    ),
    (
        "duplicate-language-key",
        insert_after(CHECKLIST, 16, "          en: Quit smoking."),
        ["17:11: error: duplicate key 'en' (first on line 16)"],
    ),
    (
        "over-1-mib",
        CHECKLIST + "# " + "x" * (1024 * 1024) + "\n",
        ["1:1: error: file is larger than 1 MiB; content files are much smaller than that"],
    ),
    (
        "latin-1-bytes",
        CHECKLIST.encode("latin-1"),
        ["7:24: error: file is not UTF-8 text (byte 0xed); save it as UTF-8"],
    ),
    (
        "tab-indent",
        replace_line(CHECKLIST, 6, "\ten: Before surgery"),
        [
            "6:1: error: invalid YAML: found character '\\t' that cannot start any token; "
            "indent with spaces, not tabs"
        ],
    ),
    (
        "mapping-value-in-plain-text",
        replace_line(CHECKLIST, 2, "kind: pre-op: extra"),
        ["2:13: error: invalid YAML: mapping values are not allowed here"],
    ),
    (
        "two-documents",
        CHECKLIST + "---\nid: other\n",
        ["20:1: error: only one YAML document per file is allowed (remove the second '---')"],
    ),
    ("empty-file", "", ["1:1: error: file is empty; expected a mapping"]),
    ("only-comments", "# nothing here\n", ["1:1: error: file is empty; expected a mapping"]),
    (
        "top-level-list",
        "- id: pre-op\n- id: post-op\n",
        ["1:1: error: expected a mapping (key: value lines) at the top of the file"],
    ),
    (
        "not-content",
        "name: pre-op\n",
        [
            "1:1: error: not a HemiGuide content file: expected a course (with 'steps') "
            "or a checklist (with 'sections'); check a settings file with "
            "'hemiapp validate --config FILE'"
        ],
    ),
    (
        "misspelt-key",
        replace_line(CHECKLIST, 5, "titel:"),
        [
            "1:1: error: the checklist is missing the required key 'title'",
            "5:1: error: unknown key 'titel' in the checklist; did you mean 'title'?",
        ],
    ),
    (
        "unknown-key",
        insert_after(CHECKLIST, 19, "        color: red"),
        [
            "20:9: error: unknown key 'color' in the item; expected one of: "
            "id, text, detail, when, kind, required, nurse_only"
        ],
    ),
    (
        "missing-required-key",
        replace_line(CHECKLIST, 2),
        ["1:1: error: the checklist is missing the required key 'kind'"],
    ),
    (
        "items-not-a-list",
        "\n".join(lines(CHECKLIST)[:12]) + "\n    items: none\n",
        ["13:12: error: expected a list of items, found 'none'"],
    ),
    (
        "yes-is-not-a-boolean",
        replace_line(CHECKLIST, 19, "        required: yes"),
        ["19:19: error: expected true or false, found 'yes'"],
    ),
    (
        "when-without-unit",
        replace_line(CHECKLIST, 18, "        when: -7"),
        [f"18:15: error: '-7' is not a valid 'when'; {WHEN_HINT}"],
    ),
    (
        "when-zero",
        replace_line(CHECKLIST, 18, '        when: "-0d"'),
        [f"18:15: error: '-0d' is not a valid 'when'; {WHEN_HINT}"],
    ),
    (
        "id-not-lowercase",
        replace_line(CHECKLIST, 14, "      - id: Stop_Smoking"),
        [f"14:13: error: 'Stop_Smoking' is not a valid item id; {ID_HINT}"],
    ),
    (
        "kind-misspelt",
        replace_line(CHECKLIST, 2, "kind: preop"),
        ["2:7: error: 'preop' is not a valid checklist kind; did you mean 'pre-op'?"],
    ),
    (
        "missing-english",
        replace_line(CHECKLIST, 16),
        ["16:11: error: missing English ('en') text; English is the fallback for every language"],
    ),
    (
        "unknown-language",
        replace_line(CHECKLIST, 17, "          fr: Arrêtez de fumer."),
        ["17:11: error: unknown language 'fr'; expected one of: en, es"],
    ),
    (
        "null-text",
        replace_line(CHECKLIST, 16, "          en: ~"),
        ["16:15: error: expected text, found nothing"],
    ),
    (
        "empty-text",
        replace_line(CHECKLIST, 16, '          en: ""'),
        ["16:15: error: expected text, found empty text"],
    ),
    (
        "text-is-a-list",
        replace_line(CHECKLIST, 16, "          en: [Stop, smoking]"),
        ["16:15: error: expected text, found a list"],
    ),
    (
        "duplicate-item-id-across-sections",
        CHECKLIST
        + "  - id: day-before\n    title:\n      en: The day before\n      es: El día antes\n"
        "    items:\n      - id: stop-smoking\n        text:\n          en: Shower.\n"
        "          es: Dúchese.\n",
        ["25:13: error: duplicate item id 'stop-smoking' (first used on line 14)"],
    ),
    (
        "control-character",
        replace_line(CHECKLIST, 6, "  en: Before\x07 surgery"),
        ["6:13: error: invalid YAML: U+0007 is not allowed in a YAML file"],
    ),
    (
        "deep-nesting",
        replace_lines(CHECKLIST, 5, 7, "title: " + "[" * 100 + "]" * 100),
        ["5:47: error: nesting is deeper than 40 levels"],
    ),
]

COURSE_CASES: list[tuple[str, str | bytes, list[str]]] = [
    (
        "answer-not-a-choice",
        replace_line(COURSE, 42, "        answer: c"),
        ["42:17: error: answer 'c' is not one of this question's choices (a, b)"],
    ),
    (
        "duplicate-choice-id",
        replace_line(COURSE, 38, "          - id: a"),
        [
            "38:13: error: duplicate choice id 'a' in this question",
            "42:17: error: answer 'b' is not one of this question's choices (a, a)",
        ],
    ),
    (
        "illustration-escapes-folder",
        replace_line(COURSE, 24, "    illustration: ../../../etc/passwd.svg"),
        [
            "24:19: error: '../../../etc/passwd.svg' must stay inside the resources folder "
            "('..' is not allowed)"
        ],
    ),
    (
        "illustration-from-the-web",
        replace_line(COURSE, 24, "    illustration: https://example.com/x.svg"),
        [
            "24:19: error: 'https://example.com/x.svg' must be a file in the resources folder, "
            "not a web address"
        ],
    ),
    (
        "illustration-absolute",
        replace_line(COURSE, 24, "    illustration: /etc/x.svg"),
        [
            "24:19: error: '/etc/x.svg' must be a path relative to the resources folder, "
            "like illustrations/spine.svg"
        ],
    ),
    (
        "illustration-not-a-picture",
        replace_line(COURSE, 24, "    illustration: illustrations/run.sh"),
        ["24:19: error: 'illustrations/run.sh' must be a .svg file"],
    ),
    (
        "illustration-missing",
        replace_line(COURSE, 24, "    illustration: illustrations/nope.svg"),
        ["24:19: error: 'illustrations/nope.svg' was not found in resources"],
    ),
    (
        "html-in-body",
        replace_line(COURSE, 14, '        It is a <img src="x.png"> surgery.'),
        ["14:17: error: HTML is not allowed in text; use **bold** or *italic*"],
    ),
    (
        "link-in-body",
        replace_line(COURSE, 16, "        - See [this](http://x.org)."),
        [
            "16:20: error: links are not allowed in text",
            "16:22: error: web addresses are not allowed in text",
        ],
    ),
    (
        "too-few-key-points",
        replace_lines(COURSE, 22, 23),
        ["20:7: error: expected at least 2 key points, found 1"],
    ),
]


def _load(tmp_path: Path, data: str | bytes) -> Callable[[], object]:
    path = tmp_path / "bad.yaml"
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return lambda: load_file(Path("bad.yaml"), Path("resources"))


@pytest.mark.parametrize(
    ("data", "expected"),
    [pytest.param(d, e, id=i) for i, d, e in CHECKLIST_CASES + COURSE_CASES],
)
def test_bad_file_is_refused_with_exact_positions(
    data: str | bytes, expected: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_content(tmp_path)
    monkeypatch.chdir(tmp_path)
    before = data.encode("utf-8") if isinstance(data, str) else data
    with pytest.raises(ContentError) as info:
        _load(tmp_path, data)()
    assert [str(f) for f in info.value.findings] == [f"bad.yaml:{e}" for e in expected]
    assert (tmp_path / "bad.yaml").read_bytes() == before  # the file is never touched


def test_corpus_is_large_enough() -> None:
    assert len(CHECKLIST_CASES) + len(COURSE_CASES) >= 25


def test_billion_laughs_is_refused_at_the_first_anchor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(BILLION_LAUGHS.encode()) == 307
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ContentError) as info:
        _load(tmp_path, BILLION_LAUGHS)()
    findings = [str(f) for f in info.value.findings]
    assert (
        findings[0]
        == "bad.yaml:1:4: error: anchors (&a) are not allowed; write each value out in full"
    )
    assert (
        findings[1]
        == "bad.yaml:2:4: error: anchors (&b) are not allowed; write each value out in full"
    )
    assert (
        findings[2]
        == "bad.yaml:2:8: error: aliases (*a) are not allowed; write the value out in full"
    )
    assert len(findings) == 8 + 7 * 9  # every anchor and every alias, nothing expanded


def test_symlink_out_of_the_resources_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_content(tmp_path)
    outside = tmp_path / "secret.svg"
    outside.write_text("<svg/>")
    os.symlink(outside, tmp_path / "resources" / "illustrations" / "evil.svg")
    monkeypatch.chdir(tmp_path)
    data = replace_line(COURSE, 24, "    illustration: illustrations/evil.svg")
    with pytest.raises(ContentError) as info:
        _load(tmp_path, data)()
    assert [str(f) for f in info.value.findings] == [
        "bad.yaml:24:19: error: 'illustrations/evil.svg' points outside the resources folder"
    ]


def test_unreadable_path_is_a_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder.yaml").mkdir()
    with pytest.raises(ContentError) as info:
        load_file(Path("folder.yaml"))
    assert [str(f) for f in info.value.findings] == [
        "folder.yaml:1:1: error: is a folder, not a file"
    ]


# --- whole content folders --------------------------------------------------------------


def test_valid_content_loads(content_dir: Path) -> None:
    loaded = load_content(content_dir)
    assert loaded.warnings == ()
    content = loaded.content
    assert content.course.steps[0].quiz[0].right_choice.text.get("es") == "No"
    assert content.checklist("pre-op").items[0].when is not None
    assert content.checklist("pre-op").items[0].when.offset_days == -7
    assert len(content.digest) == 64


def test_yaml_1_1_values_stay_the_text_the_author_wrote(tmp_path: Path) -> None:
    text = replace_line(CHECKLIST, 3, "version: 1.10")
    text = replace_line(text, 16, "          en: no")
    text = replace_line(text, 17, "          es: 0755")
    text = replace_line(text, 6, "  en: 12:30")
    text = replace_line(text, 7, "  es: on")
    root = make_content(tmp_path, checklists={"pre-op.yaml": text})
    checklist = load_content(root).content.checklist("pre-op")
    assert checklist.version == "1.10"
    assert checklist.title.get("en") == "12:30"
    assert checklist.title.get("es") == "on"
    assert checklist.items[0].text.get("en") == "no"
    assert checklist.items[0].text.get("es") == "0755"
    course = load_content(root).content.course
    assert [c.text.english for c in course.steps[0].quiz[0].choices] == ["Yes", "No"]


def test_missing_translation_is_a_warning_and_falls_back_to_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_content(tmp_path, checklists={"pre-op.yaml": replace_line(CHECKLIST, 17)})
    monkeypatch.chdir(root)
    loaded = load_content(Path("."))
    assert [str(w) for w in loaded.warnings] == [
        "checklists/pre-op.yaml:16:11: warning: missing Spanish ('es') translation; "
        "English will be shown"
    ]
    assert loaded.content.checklist("pre-op").items[0].text.get("es") == "Stop smoking."


def test_duplicate_checklist_id_across_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_content(tmp_path, checklists={"pre-op.yaml": CHECKLIST, "copy.yaml": CHECKLIST})
    monkeypatch.chdir(root)
    with pytest.raises(ContentError) as info:
        load_content(Path("."))
    assert [str(f) for f in info.value.errors] == [
        "checklists/pre-op.yaml:1:5: error: duplicate checklist id 'pre-op' "
        "(also used in checklists/copy.yaml)"
    ]


def test_every_broken_file_is_reported_in_one_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken_course = replace_line(COURSE, 42, "        answer: c")
    broken_checklist = replace_line(CHECKLIST, 2, "kind: preop")
    root = make_content(tmp_path, broken_course, {"pre-op.yaml": broken_checklist})
    monkeypatch.chdir(root)
    with pytest.raises(ContentError) as info:
        load_content(Path("."))
    assert [str(f) for f in info.value.errors] == [
        "resources/education/course.yaml:42:17: error: answer 'c' is not one of this "
        "question's choices (a, b)",
        "checklists/pre-op.yaml:2:7: error: 'preop' is not a valid checklist kind; "
        "did you mean 'pre-op'?",
    ]


def test_missing_course_and_checklists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ContentError) as info:
        load_content(Path("."))
    assert [str(f) for f in info.value.errors] == [
        "resources/education/course.yaml:1:1: error: the education course is missing",
        "checklists:1:1: error: no checklists found (*.yaml)",
    ]


def test_checklist_in_the_course_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_content(tmp_path, course=CHECKLIST.replace("id: pre-op", "id: other", 1))
    monkeypatch.chdir(root)
    with pytest.raises(ContentError) as info:
        load_content(Path("."))
    assert [str(f) for f in info.value.errors] == [
        "resources/education/course.yaml:1:1: error: expected the course in this file"
    ]


def test_models_are_frozen(content_dir: Path) -> None:
    content = load_content(content_dir).content
    assert isinstance(content.course, Course)
    assert all(isinstance(c, Checklist) for c in content.checklists)
    with pytest.raises(AttributeError):
        content.course.steps[0].id = "x"  # type: ignore[misc]
