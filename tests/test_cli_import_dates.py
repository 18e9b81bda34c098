"""Dates as trackers export them, through the real CLI: the dry run's day order, the warnings."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

from postinterview.storage.store import ApplicationStore
from tests.test_cli_transfer import run_in

LINKEDIN = (
    "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url\n"
    '"9/3/26, 10:12 AM",,,Acme,Engineer,https://acme.example/1\n'  # 2
    '"9/14/26, 3:07 PM",,,Globex,Analyst,https://globex.example/2\n'  # 3: month first
    '"3/4/26, 8:00 AM",,,Initech,Tester,\n'  # 4
)
NOTION = (
    "\ufeffCompany,Role,Status,Date Applied\n"
    'Acme,Engineer,Applied,"September 4, 2026 9:30 AM"\n'
    'Globex,Analyst,Interviewing,"October 12, 2026 2:05 PM"\n'
)
EUROPEAN = (
    "Firma;Stelle;Status;Beworben am\n"
    "Acme;Engineer;Beworben;03/09/2026\n"  # 2
    "Globex;Analyst;Absage;25/09/2026\n"  # 3: day first
    "Initech;Tester;Beworben;30.09.2026\n"  # 4
)


def applied_dates(data_dir: Path) -> dict[str, date | None]:
    return {
        s.application.company: s.application.applied_on
        for s in ApplicationStore(data_dir).load_all().applications
    }


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_dry_run_says_each_date_columns_order_and_saves_nothing(
    data_dir: Path, tmp_path: Path
) -> None:
    tracker = write(tmp_path, "Job Applications.csv", LINKEDIN)
    result = run_in(data_dir, "import", str(tracker), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        "Columns of Job Applications.csv:",
        "  Application Date -> applied_on (month first: 9/14/26 on line 3; "
        "two-digit years read as 20YY)",
    ]
    assert result.stderr.splitlines() == [
        "postinterview: Job Applications.csv, line 2: warning: two-digit year 26 read as 2026 "
        "(9/3/26), and so in every date of column 'Application Date'"
    ]
    assert "Would import 3 applications" in result.stdout
    assert list(data_dir.glob("applications/*.toml")) == []


def test_linkedin_notion_and_european_dates_are_read_as_their_day(
    data_dir: Path, tmp_path: Path
) -> None:
    for name, text in (("li.csv", LINKEDIN), ("notion.csv", NOTION), ("eu.csv", EUROPEAN)):
        folder = data_dir / name
        result = run_in(folder, "import", str(write(tmp_path, name, text)))
        assert result.returncode == 0, result.stderr
        assert "0 refused" in result.stdout
    assert applied_dates(data_dir / "li.csv") == {
        "Acme": date(2026, 9, 3),
        "Globex": date(2026, 9, 14),
        "Initech": date(2026, 3, 4),
    }
    assert applied_dates(data_dir / "notion.csv") == {
        "Acme": date(2026, 9, 4),
        "Globex": date(2026, 10, 12),
    }
    assert applied_dates(data_dir / "eu.csv") == {
        "Acme": date(2026, 9, 3),
        "Globex": date(2026, 9, 25),
        "Initech": date(2026, 9, 30),
    }


def test_an_unreadable_date_keeps_its_row_with_the_text_in_the_notes(
    data_dir: Path, tmp_path: Path
) -> None:
    tracker = write(tmp_path, "sheet.csv", "Company,Role,Applied\nAcme,Engineer,03/04/2026\n")
    dry = run_in(data_dir, "import", str(tracker), "--dry-run")
    assert (
        "  Applied -> applied_on (day order unknown: nothing settles 03/04/2026 on line 2; "
        "--day-first or --month-first does)"
    ) in dry.stdout.splitlines()
    result = run_in(data_dir, "import", str(tracker))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Imported 1 application from sheet.csv")
    assert result.stderr.splitlines() == [
        "postinterview: sheet.csv, line 2: warning: applied date '03/04/2026' could be 3 April "
        "or March 4, and no date in its column settles which: kept in the notes; "
        "--day-first or --month-first reads it"
    ]
    [path] = (data_dir / "applications").glob("*.toml")
    stored = tomllib.loads(path.read_text(encoding="utf-8"))
    assert stored["notes"] == "Applied: 03/04/2026"
    assert "applied_on" not in stored


def test_the_person_can_say_the_order(data_dir: Path, tmp_path: Path) -> None:
    tracker = write(tmp_path, "sheet.csv", "Company,Role,Applied\nAcme,Engineer,03/04/2026\n")
    dry = run_in(data_dir, "import", str(tracker), "--dry-run", "--month-first")
    assert "  Applied -> applied_on (month first: --month-first)" in dry.stdout.splitlines()
    result = run_in(data_dir, "import", str(tracker), "--day-first")
    assert result.returncode == 0 and result.stderr == ""
    assert applied_dates(data_dir) == {"Acme": date(2026, 4, 3)}
    both = run_in(data_dir, "import", str(tracker), "--day-first", "--month-first")
    assert both.returncode == 2
    assert "not allowed with argument" in both.stderr
