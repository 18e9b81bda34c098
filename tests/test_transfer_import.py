"""Reading a spreadsheet tracker: cells, header names, rows, and what counts as a duplicate."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from postinterview.domain.editing import new_application
from postinterview.domain.models import Source
from postinterview.domain.stages import Stage
from postinterview.transfer.import_columns import map_header
from postinterview.transfer.import_csv import (
    TrackerRefused,
    import_key,
    new_rows,
    read_tracker,
)
from postinterview.transfer.import_fields import Field
from postinterview.transfer.import_stages import parse_stage
from postinterview.transfer.import_values import (
    CellRefused,
    parse_day,
    parse_recruiter,
    parse_source,
)
from tests.conftest import FIXED_NOW

# --- Dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-01", date(2026, 11, 1)),
        ("2026/11/01", date(2026, 11, 1)),
        ("2026-1-5", date(2026, 1, 5)),
        ("2026-11-01 00:00:00", date(2026, 11, 1)),  # what spreadsheets write for a date cell
        ("2026-11-01T09:30:00+01:00", date(2026, 11, 1)),
        ("01.11.2026", date(2026, 11, 1)),  # dotted dates are day first
        ("25/12/2026", date(2026, 12, 25)),  # only one reading is a real date
        ("12/25/2026", date(2026, 12, 25)),
        ("04/04/2026", date(2026, 4, 4)),  # both readings agree
        ("1 Nov 2026", date(2026, 11, 1)),
        ("1st November 2026", date(2026, 11, 1)),
        ("Nov 1, 2026", date(2026, 11, 1)),
        ("Sept 30 2026", date(2026, 9, 30)),
        ("Mon, 2 Nov 2026", date(2026, 11, 2)),
        ("  2026-11-01  ", date(2026, 11, 1)),
    ],
)
def test_dates_that_can_only_mean_one_day_are_read(text: str, expected: date) -> None:
    assert parse_day(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("03/04/2026", "could be 3 April or March 4"),
        ("11-05-2026", "could be 11 May or November 5"),
        ("01/11/26", "could be 1 November or January 11"),  # two-digit years are read
        ("25/11/126", "year in full"),
        ("25/11", "does not give the year"),
        ("2026-02-30", "not a real date"),
        ("31.04.2026", "not a real date"),
        ("13/13/2026", "not a real date"),
        ("0/5/2026", "not a real date"),
        ("yesterday", "not a date I can read"),
        ("46327", "not a date I can read"),  # an Excel serial number
        ("1 Brumaire 2026", "not a date I can read"),
    ],
)
def test_ambiguous_and_unreadable_dates_are_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(CellRefused, match=reason) as refusal:
        parse_day(text)
    assert "YYYY-MM-DD" in str(refusal.value) or "not a real date" in str(refusal.value)


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)))
def test_every_iso_date_reads_back_as_itself(day: date) -> None:
    assert parse_day(day.isoformat()) == day


# --- Stages, sources, recruiters -------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "stage"),
    [
        ("Applied", Stage.APPLIED),
        ("phone screen", Stage.SCREENING),
        ("Phone-Screen", Stage.SCREENING),
        ("Interviewing", Stage.INTERVIEWING),
        ("interview", Stage.INTERVIEWING),
        ("awaiting_decision", Stage.AWAITING_DECISION),
        ("Awaiting decision", Stage.AWAITING_DECISION),
        ("OFFER", Stage.OFFER),
        ("Rejected", Stage.REJECTED),
        ("declined", Stage.REJECTED),
        ("withdrawn", Stage.WITHDRAWN),
        ("Ghosted", Stage.NO_REPLY),
        ("no reply", Stage.NO_REPLY),
        ("no_reply", Stage.NO_REPLY),
    ],
)
def test_common_status_words_map_to_stages(word: str, stage: Stage) -> None:
    assert parse_stage(word) == stage


def test_every_stage_value_and_label_is_understood() -> None:
    for stage in Stage:
        assert parse_stage(stage.value) == stage
        assert parse_stage(stage.label) == stage


@pytest.mark.parametrize("word", ["maybe", "", "dream job"])
def test_unknown_status_words_are_not_guessed(word: str) -> None:
    assert parse_stage(word) is None


def test_sources() -> None:
    assert parse_source("Referral") == Source.REFERRAL
    assert parse_source("referred") == Source.REFERRAL
    assert parse_source("Recruitment agency") == Source.AGENCY
    assert parse_source("LinkedIn") is None


def test_recruiters_with_and_without_an_email_address() -> None:
    named = parse_recruiter("Jane  Doe <jane@agency.example>")
    assert (named.name, named.email) == ("Jane Doe", "jane@agency.example")
    bare = parse_recruiter("jane@agency.example")
    assert (bare.name, bare.email) == ("jane@agency.example", "jane@agency.example")
    plain = parse_recruiter("Jane Doe (Talent Bridge)")
    assert (plain.name, plain.email) == ("Jane Doe (Talent Bridge)", "")


# --- Header -------------------------------------------------------------------------------


def test_header_names_are_matched_case_insensitively_with_synonyms() -> None:
    header = ["Employer", "JOB_TITLE", "Status", "Date Applied", "City", "URL", "Agent", "Salary"]
    columns = map_header(header)
    assert columns.fields == {
        Field.COMPANY: 0,
        Field.ROLE: 1,
        Field.STAGE: 2,
        Field.APPLIED_ON: 3,
        Field.LOCATION: 4,
        Field.JOB_LINK: 5,
        Field.RECRUITER: 6,
    }
    assert columns.extra == [(7, "Salary")]
    assert columns.missing() == []


def test_a_second_column_for_the_same_field_is_kept_as_extra() -> None:
    columns = map_header(["Company", "Organisation", "Position", ""])
    assert columns.fields == {Field.COMPANY: 0, Field.ROLE: 2}
    assert columns.extra == [(1, "Organisation"), (3, "Column 4")]


def test_missing_required_columns_are_named() -> None:
    assert map_header(["Company", "Notes"]).missing() == [Field.ROLE]


# --- Rows ---------------------------------------------------------------------------------


def read(text: str) -> list[tuple[int, str, str]]:
    result = read_tracker(text, FIXED_NOW, "tracker.csv")
    return [(row.line, row.application.company, row.application.role) for row in result.rows]


def test_rows_become_applications_with_every_known_field() -> None:
    text = (
        "Company,Role,Stage,Applied,Location,Link,Recruiter,Source,Notes,Salary,Contact\n"
        "Acme,Engineer,Interviewing,2026-11-01,Leeds,https://acme.example/1,"
        'Jane Doe,referral,Keen on Rust,"£50,000",\n'
    )
    result = read_tracker(text, FIXED_NOW, "tracker.csv")
    assert result.refused == [] and result.warnings == []
    [row] = result.rows
    app = row.application
    assert row.line == 2
    assert (app.company, app.role, app.stage) == ("Acme", "Engineer", Stage.INTERVIEWING)
    assert app.applied_on == date(2026, 11, 1)
    assert (app.location, app.job_link) == ("Leeds", "https://acme.example/1")
    assert app.recruiter is not None and app.recruiter.name == "Jane Doe"
    assert app.source == Source.REFERRAL
    assert app.notes == "Keen on Rust\n\nSalary: £50,000"  # the empty Contact cell adds nothing
    # Dated by the applied day (import_age); the move to Interviewing has no day in the file.
    applied_at = datetime(2026, 11, 1, 12, tzinfo=UTC)
    assert (app.created_at, app.updated_at) == (applied_at, FIXED_NOW)
    applied, moved = app.stage_history
    assert (applied.at, applied.to_stage, applied.from_stage) == (applied_at, Stage.APPLIED, None)
    assert applied.note == "Imported from tracker.csv"
    assert (moved.at, moved.from_stage, moved.to_stage) == (
        FIXED_NOW,
        Stage.APPLIED,
        Stage.INTERVIEWING,
    )


def test_only_company_and_role_are_needed() -> None:
    result = read_tracker("company,role\nAcme,Engineer\n", FIXED_NOW)
    [row] = result.rows
    assert row.application.stage == Stage.APPLIED
    assert row.application.applied_on is None
    assert row.application.notes == ""


def test_bad_rows_are_refused_with_their_line_and_the_good_ones_kept() -> None:
    text = (
        "Company,Role,Date\n"  # line 1
        "Acme,Engineer,2026-11-01\n"  # 2
        ",Analyst,2026-11-01\n"  # 3
        "Globex,,\n"  # 4
        ",,\n"  # 5: blank, skipped silently
        '"Initech","Multi\nline role",2026-11-03\n'  # 6-7
        "Hooli,SRE,03/04/2026\n"  # 8: a date that could be read two ways costs only the date
        "Umbrella,Designer,\n"  # 9
    )
    result = read_tracker(text, FIXED_NOW)
    assert [(row.line, row.application.company) for row in result.rows] == [
        (2, "Acme"),
        (6, "Initech"),
        (8, "Hooli"),
        (9, "Umbrella"),
    ]
    refused = {note.line: note.message for note in result.refused}
    assert refused[3] == "company is empty"
    assert refused[4] == "role is empty"
    assert set(refused) == {3, 4}
    [warning] = result.warnings
    assert warning.line == 8 and "could be 3 April or March 4" in warning.message


def test_an_unknown_stage_imports_as_applied_with_a_warning_and_keeps_the_word() -> None:
    result = read_tracker("Company,Role,Status\nAcme,Engineer,Dream job\n", FIXED_NOW)
    [row] = result.rows
    assert row.application.stage == Stage.APPLIED
    assert "Stage: Dream job" in row.application.notes
    [warning] = result.warnings
    assert warning.line == 2 and "'Dream job'" in warning.message


def test_cells_beyond_the_header_are_kept_in_the_notes() -> None:
    result = read_tracker("Company,Role\nAcme,Engineer,remote ok\n", FIXED_NOW)
    assert result.rows[0].application.notes == "Column 3: remote ok"


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_the_delimiter_is_the_one_the_header_uses(delimiter: str) -> None:
    text = delimiter.join(["Company", "Role", "Notes"]) + "\n"
    text += delimiter.join(["Acme", "Engineer", "a, b; c"]) + "\n"
    if delimiter != "\t":
        text = text.replace("a, b; c", '"a, b; c"')  # the cell holds the delimiter
    [row] = read_tracker(text, FIXED_NOW).rows
    assert (row.application.company, row.application.notes) == ("Acme", "a, b; c")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "is empty"),
        ("\n\n  \n", "is empty"),
        ("Company,Notes\nAcme,x\n", "no role column"),
        ("Company,Role\n\n", "line 1: has a header but no rows"),
        ("Acme,Engineer,2026-11-01\nGlobex,Analyst,\n", "no company column"),
        ('Company,Role\n"Acme,Engineer\n', "not valid CSV"),
        ('Company,Role\nAcme,"Eng"ineer\n', "line 2: not valid CSV"),
    ],
)
def test_files_that_cannot_be_imported_at_all(text: str, reason: str) -> None:
    with pytest.raises(TrackerRefused, match=reason):
        read_tracker(text, FIXED_NOW)


# --- Duplicates ---------------------------------------------------------------------------


def test_the_same_company_role_and_date_is_one_application() -> None:
    first = new_application(
        "Zürich Labs AG", "Data Engineer", FIXED_NOW, applied_on=date(2026, 11, 1)
    )
    same = new_application(
        "zurich labs ag.", "data  engineer", FIXED_NOW, applied_on=date(2026, 11, 1)
    )
    other_day = new_application("Zürich Labs AG", "Data Engineer", FIXED_NOW)
    assert import_key(first) == import_key(same)
    assert import_key(first) != import_key(other_day)


def test_new_rows_skips_what_is_stored_and_repeats_within_the_file() -> None:
    text = (
        "Company,Role,Applied\n"
        "Acme,Engineer,2026-11-01\n"
        "Globex,Analyst,2026-11-02\n"
        "ACME,engineer,2026-11-01\n"
        "Initech,Analyst,2026-11-02\n"
        "Initech,Analyst,2026-11-02\n"
    )
    rows = read_tracker(text, FIXED_NOW).rows
    stored = [new_application("Globex", "Analyst", FIXED_NOW, applied_on=date(2026, 11, 2))]
    assert [row.line for row in new_rows(rows, stored)] == [2, 5]
