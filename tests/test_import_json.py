"""A tracker's JSON export (ghosted-style lists of applications) read by the tracker import,
while our own JSON export still restores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from postinterview.domain.editing import new_application
from postinterview.domain.models import CompanySize
from postinterview.domain.stages import Stage
from postinterview.storage import paths
from postinterview.storage.store import ApplicationStore
from postinterview.transfer.import_columns import map_header
from postinterview.transfer.import_csv import TrackerRefused, read_tracker
from postinterview.transfer.import_fields import Field
from postinterview.transfer.import_json import JsonRefused, cell_text, json_records
from postinterview.transfer.import_tables import MAX_COLUMNS, read_records
from postinterview.transfer.import_values import CellRefused, parse_contact
from tests.cli_tools import cli
from tests.conftest import FIXED_NOW

pytestmark = pytest.mark.usefixtures("fixed_now_env")

# Written by us from ghosted's documented fields (internal/model/application.go): snake_case
# keys, RFC 3339 dates, contact_name/contact_email, a list of interviews, a boolean remote.
GHOSTED = """[
  {
    "id": "a1",
    "company": "Acme Robotics",
    "position": "Backend Engineer",
    "status": "interview",
    "date_applied": "2026-10-20T00:00:00Z",
    "notes": "Go and Postgres.",
    "salary_min": 90000,
    "job_url": "https://acme.example/jobs/7",
    "location": "Leeds",
    "remote": true,
    "contact_name": "Jane Doe",
    "contact_email": "jane@acme.example",
    "interviews": [
      {"date": "2026-10-27T14:00:00Z", "type": "phone", "with_whom": "Jane Doe"},
      {"date": "2026-11-03T10:00:00Z", "type": "onsite"}
    ],
    "next_follow_up": null,
    "created_at": "2026-10-19T09:00:00Z"
  },
  {
    "id": "a2",
    "company": "Stark Logistics",
    "position": "Data Analyst",
    "status": "rejected",
    "date_applied": "2026-10-02T00:00:00Z",
    "remote": false
  }
]
"""


def read(text: str) -> Any:
    return read_tracker(text, FIXED_NOW, origin="tracker.json")


def test_a_ghosted_list_imports_every_field_to_its_place() -> None:
    result = read(GHOSTED)

    assert result.refused == []
    starts = [number for number, line in enumerate(GHOSTED.splitlines(), 1) if line == "  {"]
    assert [row.line for row in result.rows] == starts  # where each object starts
    acme, stark = (row.application for row in result.rows)
    assert (acme.company, acme.role, acme.stage) == ("Acme Robotics", "Backend Engineer",
                                                     Stage.INTERVIEWING)  # fmt: skip
    assert acme.applied_on is not None and acme.applied_on.isoformat() == "2026-10-20"
    assert (acme.job_link, acme.location) == ("https://acme.example/jobs/7", "Leeds")
    assert acme.recruiter is not None
    assert (acme.recruiter.name, acme.recruiter.email) == ("Jane Doe", "jane@acme.example")
    notes = acme.notes.splitlines()
    assert notes[0] == "Go and Postgres."
    assert "salary_min: 90000" in notes and "remote: yes" in notes
    assert (
        "interviews: date: 2026-10-27T14:00:00Z, type: phone, with_whom: Jane Doe; "
        "date: 2026-11-03T10:00:00Z, type: onsite"
    ) in notes
    assert not any("jane@acme.example" in line for line in notes)  # the recruiter's, not notes
    assert not any(line.startswith("next_follow_up") for line in notes)  # null is empty
    assert (stark.company, stark.stage, stark.recruiter) == ("Stark Logistics", Stage.REJECTED,
                                                             None)  # fmt: skip
    assert "remote: no" in stark.notes.splitlines()


def test_an_object_holding_one_list_is_read_as_that_list_with_its_lines() -> None:
    text = json.dumps(
        {
            "exported": "2026-11-01",
            "version": 3,
            "applications": [
                {"company": "Acme", "role": "Engineer"},
                {"company": "Initech", "role": "Analyst"},
            ],
        },
        indent=2,
    )
    records = read_records(text)

    header_line, header = records[0]
    assert header == ["company", "role"]
    assert header_line == text.splitlines().index('  "applications": [') + 1
    assert [(line, cells) for line, cells in records[1:]] == [
        (header_line + 1, ["Acme", "Engineer"]),
        (header_line + 5, ["Initech", "Analyst"]),
    ]


def test_nested_objects_become_dotted_columns_and_a_contact_the_recruiter() -> None:
    text = json.dumps(
        [
            {
                "company": {"name": "Acme", "size": 40},
                "title": "Engineer",
                "contact": {"name": "Sam Lee", "email": "sam@acme.example", "phone": "+44 1"},
                "tags": ["remote", "python", 3],
            },
            {"title": "Analyst", "company": {"name": "Initech"}, "extra": {"a": {"b": "deep"}}},
        ]
    )
    result = read(text)

    assert "contact.name -> recruiter" in result.columns.lines()
    assert "contact.email -> recruiter_email" in result.columns.lines()
    assert "contact.phone -> recruiter_phone" in result.columns.lines()
    acme, initech = (row.application for row in result.rows)
    assert acme.company == "Acme" and initech.company == "Initech"
    assert acme.recruiter is not None
    assert (acme.recruiter.name, acme.recruiter.email, acme.recruiter.phone) == (
        "Sam Lee",
        "sam@acme.example",
        "+44 1",
    )
    assert acme.company_size == CompanySize.SMALL  # company.size: 40, a head count
    assert acme.notes.splitlines() == ["tags: remote, python, 3"]
    assert initech.notes == "extra.a.b: deep"


def test_cells_are_text_as_a_person_reads_them() -> None:
    assert cell_text(None) == ""
    assert (cell_text(True), cell_text(False)) == ("yes", "no")
    assert (cell_text(3), cell_text(2.5), cell_text("x")) == ("3", "2.5", "x")
    assert cell_text(["a", None, "b"]) == "a, b"
    assert cell_text([{"k": 1}, {"k": 2, "v": None}]) == "k: 1; k: 2"
    assert cell_text([]) == ""


def test_an_email_column_without_a_contact_column_stays_in_the_notes() -> None:
    # LinkedIn's "Job Applications.csv": the contact email is the applicant's own.
    columns = map_header(["Company Name", "Job Title", "Contact Email", "Contact Phone Number"])
    assert Field.RECRUITER_EMAIL not in columns.fields
    assert Field.RECRUITER_PHONE not in columns.fields
    assert [name for _, name in columns.extra] == ["Contact Email", "Contact Phone Number"]
    assert "Contact Email -> notes (no contact column beside it, so perhaps your own)" in (
        columns.lines()
    )
    mapped = map_header(
        ["Company", "Role", "Contact Email"], overrides={"Contact Email": "recruiter_email"}
    )
    assert mapped.fields[Field.RECRUITER_EMAIL] == 2


def test_a_contact_from_separate_cells() -> None:
    assert parse_contact("", "", "") is None
    only_email = parse_contact("", " jo@x.example ")
    assert only_email is not None and (only_email.name, only_email.email) == (
        "jo@x.example",
        "jo@x.example",
    )
    both = parse_contact("Jo Bloggs <jo@old.example>", "jo@new.example", "0113 496 0000")
    assert both is not None
    assert (both.name, both.email, both.phone) == ("Jo Bloggs", "jo@new.example", "0113 496 0000")
    with pytest.raises(CellRefused, match="^recruiter "):
        parse_contact("x" * 10_000)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('[\n  {"company": "Acme",\n   "role": "Engineer"\n', "line 4, column 1: not valid JSON"),
        ('[{"company": "Acme" "role": "x"}]', "line 1, column 21: not valid JSON"),
        (
            '[\n {"company": "Acme", "role": "x"},\n "Initech"\n]',
            "line 3: item 2 of the list is a string, not an object",
        ),  # fmt: skip
        ("[]", "line 1: the list holds no applications"),
        ("[{}, {}]", "line 1: the list holds no applications"),
        ('{"format": "other", "count": 2}', "holds no list of applications"),
        ('{"jobs": [{"a": 1}], "contacts": [{"b": 2}]}', "several lists of objects ('jobs', "),
        ("[" * 100_000 + "]" * 100_000, "JSON"),
    ],
)
def test_json_that_is_not_a_list_of_applications_is_refused_in_one_line(
    text: str, says: str
) -> None:
    with pytest.raises(TrackerRefused) as refused:
        read(text)
    assert says in str(refused.value)
    assert "\n" not in str(refused.value)


def test_too_many_different_fields_is_refused_like_a_wide_sheet() -> None:
    items = [{f"field {n}": "x" for n in range(k * 100, k * 100 + 100)} for k in range(11)]
    with pytest.raises(JsonRefused, match=f"over {MAX_COLUMNS:,} different fields"):
        json_records(json.dumps(items), MAX_COLUMNS)


# --- The command line ----------------------------------------------------------------------


def test_the_cli_imports_a_json_tracker_and_dry_runs_show_its_mapping(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tracker = tmp_path / "applications.json"
    tracker.write_text(GHOSTED, encoding="utf-8")
    data = tmp_path / "data"

    code, out, _ = cli(capsys, "--data-dir", str(data), "import", "--dry-run", str(tracker))
    assert code == 0
    assert "  contact_email -> recruiter_email\n" in out and "  position -> role\n" in out
    assert out.endswith("Would import 2 applications from applications.json; 0 skipped as "
                        "already present; 0 refused. Nothing was saved (--dry-run).\n")  # fmt: skip
    assert not data.exists()

    code, out, _ = cli(capsys, "--data-dir", str(data), "import", str(tracker))
    assert (code, out) == (0, "Imported 2 applications from applications.json; 0 skipped as "
                              "already present; 0 refused.\n")  # fmt: skip
    companies = {s.application.company for s in ApplicationStore(data).load_all().applications}
    assert companies == {"Acme Robotics", "Stark Logistics"}


def test_bad_json_from_the_cli_is_one_line_with_its_place_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tracker = tmp_path / "export.txt"  # not named .json: known by its content
    tracker.write_text('[{"company": "Acme", "role": "x"},\n{"company": ]', encoding="utf-8")
    data = tmp_path / "data"

    code, out, err = cli(capsys, "--data-dir", str(data), "import", str(tracker))

    assert (code, out) == (1, "")
    assert err == (
        f"postinterview: error: {tracker}: line 2, column 13: not valid JSON (Expecting value); "
        "the file may be cut short or damaged\n"
    )
    assert not data.exists()


def test_our_own_json_export_still_restores_through_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = ApplicationStore(tmp_path / "source")
    saved = source.create(new_application("Acme Robotics", "Engineer", FIXED_NOW))
    backup = tmp_path / "backup.json"
    code, _, _ = cli(
        capsys, "--data-dir", str(source.root), "export", "--format", "json", "-o", str(backup)
    )
    assert code == 0
    target = tmp_path / "target"

    code, out, _ = cli(capsys, "--data-dir", str(target), "import", str(backup))

    assert code == 0 and out.startswith("Restored 1,")
    restored = paths.applications_dir(target) / f"{saved.application.id}.toml"
    assert (
        restored.read_bytes()
        == (paths.applications_dir(source.root) / f"{saved.application.id}.toml").read_bytes()
    )


def test_a_markdown_tracker_starting_with_a_link_is_still_a_table() -> None:
    text = (
        "[Back to my notes](index.md)\n\n"
        "| Company | Role |\n|---|---|\n| [Acme](https://acme.example) | Engineer |\n"
    )
    assert read_records(text) == [(3, ["Company", "Role"]), (5, ["Acme", "Engineer"])]
