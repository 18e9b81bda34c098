"""Acceptance: a file laid out as each tracker exports it, imported by the real command line.

The fixtures and what every row must become are in tests/tracker_layouts.py. Each layout is
imported into an empty folder and every stored TOML file is read back with tomllib and
compared with its row; refused lines must be named on stderr; `--dry-run` must print the
mapping and leave the folder byte for byte as it was; importing the same export twice must
add nothing.
"""

from __future__ import annotations

import codecs
import re
import tomllib
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from postinterview.commands.output import SOME_REFUSED
from tests.cli_tools import cli
from tests.conftest import FIXED_NOW
from tests.tracker_layouts import LAYOUTS, Layout, Row

pytestmark = pytest.mark.usefixtures("fixed_now_env")

_ROW_MESSAGE = re.compile(r"^postinterview: (?P<file>[^,]+), line (?P<line>\d+): (?P<kind>\w+): ")


def stored(folder: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """Every application file in `folder`, by (company, role)."""
    records = [
        tomllib.loads(path.read_text(encoding="utf-8"))
        for path in sorted((folder / "applications").glob("*.toml"))
    ]
    by_name = {(record["company"], record["role"]): record for record in records}
    assert len(by_name) == len(records), "an application was stored twice"
    return by_name


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def row_lines(err: str, kind: str, saying: str = "") -> list[int]:
    """The line numbers stderr names with `kind` (refused or warning), `saying` something."""
    return [
        int(match["line"])
        for line in err.splitlines()
        if (match := _ROW_MESSAGE.match(line)) and match["kind"] == kind and saying in line
    ]


def day(value: Any) -> str | None:
    """A TOML date or datetime as its ISO day (a datetime's day where it was written)."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return None


def mismatches(row: Row, record: dict[str, Any], placeholders: tuple[str, ...]) -> list[str]:
    """What in `record` differs from `row`, in words (empty when it is as expected)."""
    found: list[str] = []

    def expect(what: str, wanted: object, got: object) -> None:
        if wanted != got:
            found.append(f"{what}: expected {wanted!r}, got {got!r}")

    expect("stage", row.stage, record.get("stage"))
    expect("applied_on", row.applied, day(record.get("applied_on")))
    expect("job_link", row.link, record.get("job_link", ""))
    expect("location", row.location, record.get("location", ""))
    notes = record.get("notes", "")
    for text in row.notes:
        if text not in notes:
            found.append(f"notes: {text!r} missing from {notes!r}")
    for line in notes.splitlines():
        if any(
            line.strip() == mark or line.rstrip().endswith(f": {mark}") for mark in placeholders
        ):
            found.append(f"notes: placeholder kept as a value: {line!r}")
    created = row.created or row.applied or FIXED_NOW.date().isoformat()
    expect("created_at day", created, day(record.get("created_at")))
    history = record.get("stage_history", [])
    expect("last stage change", row.stage, history[-1].get("to_stage") if history else None)
    if row.since:
        expect("current stage since", row.since, day(history[-1].get("at")) if history else None)
    if row.history:
        expect(
            "stage history",
            list(row.history),
            [(day(change.get("at")), change.get("to_stage")) for change in history],
        )
    recruiter = record.get("recruiter")
    expect(
        "recruiter",
        row.recruiter,
        (recruiter.get("name"), recruiter.get("email", "")) if recruiter else None,
    )
    return found


@pytest.mark.parametrize("layout", LAYOUTS, ids=str)
def test_every_row_is_imported_as_the_file_means_it(
    layout: Layout, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(capsys, "--data-dir", str(data_dir), "import", str(layout.path))
    assert code == (SOME_REFUSED if layout.refused else 0), err
    records = stored(data_dir)
    expected = {(row.company, row.role): row for row in layout.rows}
    assert sorted(records) == sorted(expected), err
    problems = {
        f"{company} / {role}": found
        for (company, role), row in expected.items()
        if (found := mismatches(row, records[company, role], layout.placeholders))
    }
    assert problems == {}, err
    unknown_stages = [
        line for line in err.splitlines() if re.search(r": stage .* not one I know", line)
    ]
    assert unknown_stages == [], "every stage word of the layout is one we know"


@pytest.mark.parametrize("layout", LAYOUTS, ids=str)
def test_the_invalid_rows_are_refused_with_their_lines(
    layout: Layout, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(capsys, "--data-dir", str(data_dir), "import", str(layout.path))
    assert code == (SOME_REFUSED if layout.refused else 0), err
    assert row_lines(err, "refused") == list(layout.refused), err
    refusals = [line for line in err.splitlines() if ": refused: " in line]
    assert all("company and role are empty" in line for line in refusals), err
    assert row_lines(err, "warning", "leave the row out") == list(layout.left_out), err
    summary = f"Imported {len(layout.rows)} applications from {layout.path.name};"
    assert summary in out
    assert f"{len(layout.refused)} refused" in out


@pytest.mark.parametrize("layout", LAYOUTS, ids=str)
def test_a_dry_run_prints_the_mapping_and_writes_nothing(
    layout: Layout, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir()
    before = folder_bytes(data_dir)
    code, out, err = cli(
        capsys, "--data-dir", str(data_dir), "import", str(layout.path), "--dry-run"
    )
    assert code == (SOME_REFUSED if layout.refused else 0), err
    assert folder_bytes(data_dir) == before
    assert f"Columns of {layout.path.name}:\n" in out
    mapping = out.splitlines()
    for column, target in layout.columns:
        assert any(line.startswith(f"  {column} -> {target}") for line in mapping), (
            f"{column} -> {target} not in:\n{out}"
        )
    assert f"Would import {len(layout.rows)} applications from {layout.path.name};" in out
    assert "Nothing was saved (--dry-run)." in out
    absent = data_dir.parent / "not-made"
    cli(capsys, "--data-dir", str(absent), "import", str(layout.path), "--dry-run")
    assert not absent.exists(), "a dry run makes no folder either"


@pytest.mark.parametrize("layout", LAYOUTS, ids=str)
def test_importing_the_same_export_again_adds_nothing(
    layout: Layout, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = cli(capsys, "--data-dir", str(data_dir), "import", str(layout.path))
    assert first[0] == (SOME_REFUSED if layout.refused else 0), first[2]
    before = folder_bytes(data_dir / "applications")
    code, out, err = cli(capsys, "--data-dir", str(data_dir), "import", str(layout.path))
    assert code == (SOME_REFUSED if layout.refused else 0), err
    assert folder_bytes(data_dir / "applications") == before
    assert f"Imported 0 applications from {layout.path.name}; {len(layout.rows)} skipped" in out


def test_the_fixtures_keep_the_bytes_their_trackers_write() -> None:
    """An editor that re-saves a fixture as UTF-8 or strips a BOM would quietly stop these
    tests from testing what they claim."""
    raw = {layout.file: layout.path.read_bytes() for layout in LAYOUTS}
    german = raw["german_excel.csv"]
    with pytest.raises(UnicodeDecodeError):
        german.decode("utf-8")
    assert "Müller & Söhne" in german.decode("cp1252") and b"\r\n" in german
    assert raw["notion_export.csv"].startswith(codecs.BOM_UTF8)
    assert raw["excel_fr_semicolon.csv"].startswith(codecs.BOM_UTF8 + b"Entreprise;Poste;")
    assert raw["jobsync.csv"].count(b"\r\n") == 7 and not raw["jobsync.csv"].endswith(b"\n")
    assert raw["huntr.csv"].startswith(b"companyName,jobTitle,listName,")
    assert raw["ghosted_applications.json"].startswith(b'[\n  {\n    "id": ')
