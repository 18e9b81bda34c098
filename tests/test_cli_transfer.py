"""import, due, export and demo, run as the real console script on a temporary data folder.

The clock is fixed with $POSTINTERVIEW_NOW and the zone with $TZ, so every date is known.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tomllib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from postinterview.commands.output import SOME_REFUSED
from postinterview.domain.editing import move_stage, new_application
from postinterview.domain.interviews import add_interview
from postinterview.domain.stages import Stage
from postinterview.storage.migrations import SCHEMA_VERSION
from postinterview.storage.store import ApplicationStore
from postinterview.transfer.export_csv import CSV_COLUMNS
from tests.conftest import FIXED_NOW
from tests.pipeline import seed_pipeline

SCRIPT = Path(sys.executable).with_name("postinterview")

TRACKER = (
    "\ufeffCompany,Job Title,Status,Date Applied,City,URL,Recruiter,Salary,Comments\r\n"  # 1
    'Acme Robotics,Backend Engineer,Applied,2026-11-01,Leeds,https://acme.example/1,,"£50,000",'
    "Nice team\r\n"  # 2
    ",Orphan Role,applied,2026-11-02,,,,,\r\n"  # 3: no company
    "Stark Logistics,Analyst,phone screen,2026-11-05,,,Jane Doe <jane@agency.example>,,"
    '"two\r\nlines"\r\n'  # 4-5
    "Vandelay Industries,Importer,maybe,25/10/2026,,,,,\r\n"  # 6: unknown stage
    "Hooli XYZ,SRE,ghosted,1 Nov 2026,,,,,\r\n"  # 7
    "Umbrella,,rejected,05/11/2026,,,,,\r\n"  # 8: no role
    "ACME robotics,backend engineer,Applied,2026-11-01,,,,,again\r\n"  # 9: same as line 2
)


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "postinterview"]
    environment = {k: v for k, v in os.environ.items() if k != "POSTINTERVIEW_DATA_DIR"}
    environment.update({"POSTINTERVIEW_NOW": FIXED_NOW.isoformat(), "TZ": "UTC"})
    environment.update(env or {})
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, env=environment, timeout=60
    )


def stdout_bytes(folder: Path, *args: str) -> bytes:
    """What a command writes to stdout, byte for byte (no newline translation)."""
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "postinterview"]
    environment = {**os.environ, "POSTINTERVIEW_NOW": FIXED_NOW.isoformat(), "TZ": "UTC"}
    result = subprocess.run(
        [*command, "--data-dir", str(folder), *args],
        capture_output=True,
        env=environment,
        timeout=60,
        check=True,
    )
    return result.stdout


def run_in(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = run("--data-dir", str(folder), *args)
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture
def tracker(tmp_path: Path) -> Path:
    path = tmp_path / "tracker.csv"
    path.write_bytes(TRACKER.encode("utf-8"))
    return path


def companies(folder: Path) -> list[str]:
    listed = run_in(folder, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    return sorted(row["company"] for row in json.loads(listed.stdout))


# --- import -------------------------------------------------------------------------------


def test_import_takes_the_good_rows_and_names_the_bad_ones(data_dir: Path, tracker: Path) -> None:
    result = run_in(data_dir, "import", str(tracker))
    assert result.returncode == SOME_REFUSED, result.stderr
    assert result.stdout == (
        "Imported 4 applications from tracker.csv; 1 skipped as already present; 2 refused.\n"
    )
    lines = result.stderr.splitlines()
    assert lines == [
        "postinterview: tracker.csv, line 3: refused: company is empty",
        "postinterview: tracker.csv, line 6: warning: stage 'maybe' is not one I know: "
        "imported as Applied",
        "postinterview: tracker.csv, line 8: refused: role is empty",
    ]
    assert companies(data_dir) == [
        "Acme Robotics",
        "Hooli XYZ",
        "Stark Logistics",
        "Vandelay Industries",
    ]
    stored = {
        s.application.company: s.application
        for s in ApplicationStore(data_dir).load_all().applications
    }
    acme = stored["Acme Robotics"]
    assert (acme.stage, acme.applied_on, acme.location) == (
        Stage.APPLIED,
        date(2026, 11, 1),
        "Leeds",
    )
    assert acme.notes == "Nice team\n\nSalary: £50,000"
    assert acme.created_at == datetime(2026, 11, 1, 12, tzinfo=UTC)  # its applied day
    assert acme.updated_at == FIXED_NOW
    stark = stored["Stark Logistics"]
    assert stark.stage == Stage.SCREENING
    assert stark.recruiter is not None and stark.recruiter.email == "jane@agency.example"
    assert stark.notes == "two\r\nlines"
    assert stored["Vandelay Industries"].notes == "Stage: maybe"
    assert stored["Vandelay Industries"].applied_on == date(2026, 10, 25)
    assert stored["Hooli XYZ"].stage == Stage.NO_REPLY


def test_importing_the_same_file_twice_adds_nothing(data_dir: Path, tracker: Path) -> None:
    assert run_in(data_dir, "import", str(tracker)).returncode == SOME_REFUSED
    before = sorted(p.name for p in (data_dir / "applications").iterdir())
    again = run_in(data_dir, "import", str(tracker))
    assert again.returncode == SOME_REFUSED
    assert again.stdout.startswith("Imported 0 applications from tracker.csv; 5 skipped")
    assert sorted(p.name for p in (data_dir / "applications").iterdir()) == before


def test_a_dry_run_saves_nothing(data_dir: Path, tracker: Path) -> None:
    result = run_in(data_dir, "import", "--dry-run", str(tracker))
    assert result.returncode == SOME_REFUSED
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "Columns of tracker.csv:",
        "  Company -> company",
        "  Job Title -> role",
        "  Status -> stage",
    ]
    assert "  Salary -> notes" in lines
    assert lines[-1].startswith("Would import 4 applications")
    assert not data_dir.exists()


JOBSYNC = (
    "JobTitle,Company,applied,appliedDate,Status,Job Titel\n"
    "Engineer,Acme,Yes,2026-11-01,Applied,Backend\n"
    "Analyst,Globex,No,,Applied,\n"
)


def test_a_dry_run_says_when_the_cells_decided_a_column(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "jobsync.csv"
    path.write_text(JOBSYNC, encoding="utf-8")
    result = run_in(data_dir, "import", "--dry-run", str(path))
    assert result.returncode == 0, result.stderr
    assert "  applied -> notes (yes/no values, so not a date or a stage)" in result.stdout
    assert "  appliedDate -> applied_on" in result.stdout
    assert not data_dir.exists()


def test_map_reads_a_column_the_persons_way(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "jobsync.csv"
    path.write_text(JOBSYNC, encoding="utf-8")
    result = run_in(
        data_dir, "import", "--map", "Job Titel=role", "--map", "JobTitle=skip", str(path)
    )
    assert result.returncode == SOME_REFUSED, result.stderr
    listed = json.loads(run_in(data_dir, "list", "--json").stdout)
    assert sorted((row["company"], row["role"]) for row in listed) == [("Acme", "Backend")]
    assert "refused: role is empty" in result.stderr  # Globex's Job Titel cell is empty


@pytest.mark.parametrize(
    ("content", "options", "message"),
    [
        (
            b"Job Titel,Company\nx,y\n",
            (),
            "the header has no role column (name one role, title, job title); "
            "did you mean 'Job Titel'? Use --map \"Job Titel=role\"",
        ),
        (
            b"Job Titel,Company\nx,y\n",
            ("--map", "Job Titl=role"),
            "--map Job Titl=role: the header has no column 'Job Titl'; did you mean 'Job Titel'?",
        ),
        (
            b"Job Titel,Company\nx,y\n",
            ("--map", "Job Titel=jobtitle"),
            "'jobtitle' is not a field; use one of company, role, stage, applied_on, location, "
            "job_link, recruiter, recruiter_email, recruiter_phone, source, notes, company_size, "
            "saved_on, stage_since, history, skip",
        ),
    ],
)
def test_a_mapping_the_file_cannot_follow_is_one_line_naming_the_way_out(
    data_dir: Path, tmp_path: Path, content: bytes, options: tuple[str, ...], message: str
) -> None:
    path = tmp_path / "tracker.csv"
    path.write_bytes(content)
    result = run_in(data_dir, "import", *options, str(path))
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"postinterview: error: {path}: ")
    assert result.stderr.rstrip("\n").endswith(message)
    assert not data_dir.exists()


def test_a_map_without_an_equals_sign_is_an_argument_mistake(data_dir: Path, tracker: Path) -> None:
    result = run_in(data_dir, "import", "--map", "JobTitle", str(tracker))
    assert result.returncode == 2
    assert "is not COLUMN=FIELD" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"Company,Notes\nAcme,x\n", "the header has no role column"),
        (b"Company,Role\nZ\x00rich,Engineer\n", "line 2 holds binary data (byte 0x00)"),
        (b"%PDF-1.7\n", "is a PDF document"),
        (b"Company,Role\n", "has a header but no rows"),
        (b"\n  \n", "is empty"),
        (
            ",".join(["Company", "Role"] + [f"c{i}" for i in range(9_998)]).encode() + b"\nA,B\n",
            "the header has 10,000 columns; a tracker has at most 1,000",
        ),
        (b"PK\x03\x04\x14\x00\x06\x00", "save the sheet as CSV first"),
        (b'Company,Role\n"Acme,Engineer\n', "not valid CSV"),
        (b"", "is empty"),
    ],
)
def test_a_file_that_cannot_be_imported_costs_one_line_and_exit_1(
    data_dir: Path, tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "tracker.csv"
    if content is not None:
        path.write_bytes(content)
    result = run_in(data_dir, "import", str(path))
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"postinterview: error: {path}: ")
    assert message in result.stderr
    assert not data_dir.exists()


def test_a_windows_1252_sheet_is_read_and_the_output_says_so(
    data_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "old-excel.csv"
    path.write_bytes(b"Company;Role;Notes\nZ\xfcrich Caf\xe9;Ing\xe9nieur;\x8050k \x81\n")
    result = run_in(data_dir, "import", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "postinterview: old-excel.csv: read as Windows-1252 (it is not UTF-8): "
        "check accented letters, or save the sheet as 'CSV UTF-8'\n"
    )
    [stored] = ApplicationStore(data_dir).load_all().applications
    assert (stored.application.company, stored.application.role) == ("Zürich Café", "Ingénieur")
    assert stored.application.notes == "€50k \x81"


def test_a_markdown_tracker_is_imported(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "applications.md"
    path.write_text(
        "# Applications\n\nKept by hand.\n\n"
        "| # | Company | Role | Status | Notes |\n"
        "|---|:--------|------|--------|-------|\n"
        "| 1 | [Acme](https://acme.example) | **Backend** Engineer | Applied | a \\| b |\n"
        "| 2 | Globex | Analyst | Rejected | |\n"
        "\nSome text after the table | not a row\n",
        encoding="utf-8",
    )
    result = run_in(data_dir, "import", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Imported 2 applications from applications.md;")
    stored = {
        s.application.company: s.application
        for s in ApplicationStore(data_dir).load_all().applications
    }
    assert sorted(stored) == ["Acme", "Globex"]
    assert stored["Acme"].role == "Backend Engineer"
    assert stored["Acme"].notes == "a | b\n\n#: 1"
    assert stored["Globex"].stage == Stage.REJECTED


def test_a_folder_is_not_a_csv_file(data_dir: Path, tmp_path: Path) -> None:
    result = run_in(data_dir, "import", str(tmp_path))
    assert (result.returncode, result.stderr.count("\n")) == (1, 1)
    assert "is a folder" in result.stderr


# --- import -> list -> due -> export ------------------------------------------------------


@pytest.fixture
def filled(data_dir: Path, tracker: Path) -> Path:
    seed_pipeline(data_dir)
    assert run_in(data_dir, "import", str(tracker)).returncode == SOME_REFUSED
    return data_dir


def test_due_lists_what_is_due_and_overdue_today(filled: Path) -> None:
    result = run_in(filled, "due")
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.splitlines() == [
        "Due or overdue on Fri 20 Nov 2026: 3 actions",
        "overdue  Initech — Send Ana Ruiz a short thank-you note. (by Mon 16 Nov)",
        "overdue  Initech — Send Ben Okafor a short thank-you note. (by Mon 16 Nov)",
        "due      Hooli — Send Gavin Belson a short thank-you note. (by Sat 21 Nov)",
    ]


def test_due_json_is_for_scripts(filled: Path) -> None:
    result = run_in(filled, "due", "--json")
    assert result.returncode == 0
    rows = json.loads(result.stdout)
    assert [(row["application_id"], row["state"]) for row in rows] == [
        ("initech", "overdue"),
        ("initech", "overdue"),
        ("hooli", "due"),
    ]
    first = rows[0]
    assert first["company"] == "Initech" and first["role"] == "Platform Engineer"
    assert (first["entry_id"], first["item_id"]) == ("thank-you:ana-ruiz", "thank-you")
    assert first["text"] == "Send Ana Ruiz a short thank-you note."
    assert first["timing_note"].startswith("Sources differ")
    assert first["due_at"] == "2026-11-17T00:00:00+00:00"
    assert first["last_day"] == "2026-11-16"


def test_due_and_the_calendar_both_carry_a_rejections_courtesies(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = seed_pipeline(data)
    heard = FIXED_NOW - timedelta(days=1)
    rejected = add_interview(
        new_application("Umbra", "Analyst", heard - timedelta(days=9)).model_copy(
            update={"id": "umbra"}
        ),
        "iv-umbra",
        heard - timedelta(days=3),
        heard,
        interviewers=[{"id": "zoe-ng", "name": "Zoë Ng"}],
    )
    store.create(move_stage(rejected, Stage.REJECTED, heard))
    due = run_in(data, "due").stdout
    assert "due      Umbra — Thank Zoë Ng for their time and ask for feedback" in due
    calendar = icalendar.Calendar.from_ical(stdout_bytes(data, "export", "--format", "ics"))
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    feedback = events["umbra.iv-umbra.ask-for-feedback@postinterview"]
    # Due by the end of tomorrow, two days from the news: on the calendar today and tomorrow.
    assert feedback.decoded("DTSTART") == date(2026, 11, 20)
    assert feedback.decoded("DTEND") == date(2026, 11, 22)
    assert "(by Sat 21 Nov)" in next(line for line in due.splitlines() if "Umbra" in line)


def test_due_with_nothing_due_and_with_a_damaged_file(tmp_path: Path) -> None:
    empty = run_in(tmp_path / "none", "due")
    assert (empty.returncode, empty.stdout) == (
        0,
        "Nothing due or overdue today (Fri 20 Nov 2026).\n",
    )
    assert run_in(tmp_path / "none", "due", "--json").stdout == "[]\n"
    seed_pipeline(tmp_path / "data")
    (tmp_path / "data" / "applications" / "broken-abc123.toml").write_text("oops = [")
    damaged = run_in(tmp_path / "data", "due", "--json")
    assert damaged.returncode == 0
    assert len(json.loads(damaged.stdout)) == 3
    assert "warning: skipped broken-abc123.toml" in damaged.stderr


def test_export_csv_is_a_record_of_every_application(filled: Path) -> None:
    result = run_in(filled, "export", "--format", "csv")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    records = [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:]]
    assert len(records) == 9
    by_company = {record["company"]: record for record in records}
    assert by_company["Globex"]["history"] == "2026-10-26 applied; 2026-10-30 screening"
    # No applied date on the pipeline's Acme, so the imported one is another application.
    acme = sorted(
        record["applied_on"] for record in records if record["company"] == "Acme Robotics"
    )
    assert acme == ["", "2026-11-01"]
    assert by_company["Stark Logistics"]["recruiter"] == "Jane Doe <jane@agency.example>"
    assert by_company["Initech"]["interviews"] == "1"


def test_export_json_holds_every_record(filled: Path, tmp_path: Path) -> None:
    output = tmp_path / "out" / "applications.json"
    output.parent.mkdir()
    result = run_in(filled, "export", "--output", str(output))  # the format from the name
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    document = json.loads(output.read_text(encoding="utf-8"))
    records = {record["id"]: record for record in document["applications"]}
    assert len(records) == 9
    assert [c["to_stage"] for c in records["globex"]["stage_history"]] == ["applied", "screening"]
    assert records["initech"]["interviews"][0]["id"] == "iv-initech"
    assert [p.name for p in output.parent.iterdir()] == ["applications.json"]  # no temp file left


def test_export_markdown_is_a_readable_report(filled: Path) -> None:
    result = run_in(filled, "export", "--format", "md")
    assert result.returncode == 0
    text = result.stdout
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Applied (3)",
        "## Screening (2)",
        "## Interviewing (2)",
        "## Rejected (1)",
        "## No reply (1)",
    ]
    for company in ("Acme Robotics", "Globex", "Initech", "Hooli XYZ", "Umbrella Health"):
        assert f"### {company} — " in text
    assert "overdue: Send Ana Ruiz a short thank-you note. (by Mon 16 Nov 2026)" in text


def test_export_ics_is_a_calendar_a_real_parser_reads(filled: Path, tmp_path: Path) -> None:
    output = tmp_path / "plan.ics"
    result = run_in(filled, "export", "--format", "ics", "-o", str(output))
    assert result.returncode == 0, result.stderr
    raw = output.read_bytes()
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(raw)
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {
        "initech.iv-initech.thank-you:ana-ruiz@postinterview",
        "initech.iv-initech.thank-you:ben-okafor@postinterview",
        "initech.iv-initech.follow-up@postinterview",
        "hooli.iv-hooli.thank-you:gavin-belson@postinterview",
        "hooli.iv-hooli.follow-up@postinterview",
    }
    ana = events["initech.iv-initech.thank-you:ana-ruiz@postinterview"]
    assert ana.decoded("DTSTART") == date(2026, 11, 20)  # overdue: today, as `due` lists it
    assert str(ana["SUMMARY"]) == "Initech: Send Ana Ruiz a short thank-you note."
    follow_up = events["hooli.iv-hooli.follow-up@postinterview"]
    # About a week (days 7-8) after Friday's interview: the days `due` will list it on.
    assert follow_up.decoded("DTSTART") == date(2026, 11, 27)
    assert follow_up.decoded("DTEND") == date(2026, 11, 29)
    assert follow_up.decoded("DTSTAMP") == FIXED_NOW
    assert stdout_bytes(filled, "export", "--format", "ics") == raw  # stdout: the same bytes


def test_an_export_after_import_reimports_as_the_same_applications(
    filled: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "record.csv"
    assert run_in(filled, "export", "-o", str(exported)).returncode == 0
    again = run_in(filled, "import", str(exported))
    assert again.stdout.startswith("Imported 0 applications from record.csv; 9 skipped")
    fresh = tmp_path / "fresh"
    assert run_in(fresh, "import", str(exported)).returncode == 0
    assert companies(fresh) == companies(filled)


# --- mistakes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "--format", "xml"], "invalid choice: 'xml'"),
        (["export"], "export needs --format"),
        (["export", "--output", "plan.txt"], "export needs --format"),
        (["import"], "the following arguments are required: FILE"),
        (["due", "--yaml"], "unrecognized arguments: --yaml"),
    ],
)
def test_argument_mistakes_exit_2_with_one_line(
    data_dir: Path, args: list[str], message: str
) -> None:
    result = run_in(data_dir, *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr


@pytest.mark.parametrize("where", ["missing/plan.ics", "."])
def test_an_output_that_cannot_be_written_exits_1_with_one_line(
    filled: Path, tmp_path: Path, where: str
) -> None:
    result = run_in(filled, "export", "--format", "ics", "--output", str(tmp_path / where))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("postinterview: error: cannot write ")
    assert len(result.stderr.splitlines()) == 1


def test_a_bad_fixed_clock_is_one_line_too(data_dir: Path) -> None:
    result = run("--data-dir", str(data_dir), "due", env={"POSTINTERVIEW_NOW": "soon"})
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1 and "POSTINTERVIEW_NOW" in result.stderr


# --- demo ---------------------------------------------------------------------------------


def test_demo_creates_a_folder_of_sample_data_the_store_loads(tmp_path: Path) -> None:
    result = run("demo", "--no-open", env={"TMPDIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Demo data: 13 sample applications in ")
    folder = Path(result.stdout.strip().rsplit(" in ", 1)[1])
    try:
        assert folder.parent == tmp_path and folder.name.startswith("postinterview-demo-")
        loaded = ApplicationStore(folder).load_all()
        assert loaded.problems == []
        assert len(loaded.applications) == 13
        due = run_in(folder, "due", "--json")
        assert {row["state"] for row in json.loads(due.stdout)} == {"due", "overdue"}
        first = ApplicationStore(folder).path_for(loaded.applications[0].application.id)
        assert tomllib.loads(first.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_demo_never_touches_the_data_folder(tmp_path: Path) -> None:
    """Only a --data-dir given on the command line is filled (see test_cli_conventions)."""
    mine = tmp_path / "mine"
    environment = {"TMPDIR": str(tmp_path), "POSTINTERVIEW_DATA_DIR": str(mine)}
    result = run("demo", "--no-open", env=environment)
    assert result.returncode == 0
    assert not mine.exists()
