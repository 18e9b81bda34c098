"""Cells that only say they are empty (Huntr's `-`, JobSync's `N/A`) are read as empty."""

from __future__ import annotations

from datetime import datetime

import pytest

from postinterview.domain.stages import Stage
from postinterview.transfer.import_csv import read_tracker
from postinterview.transfer.import_values import without_placeholder


@pytest.mark.parametrize("text", ["-", " - ", "--", "–", "—", "N/A", "n/a", "#N/A", "n.a."])
def test_a_placeholder_is_empty(text: str) -> None:
    assert without_placeholder(text) == ""


@pytest.mark.parametrize("text", ["Remote", "-5", "N/A Ltd", "na", "None", "A-B", "0"])
def test_a_value_is_kept_as_written(text: str) -> None:
    assert without_placeholder(text) == text


def test_placeholders_are_no_field_value_and_no_notes_line(now: datetime) -> None:
    read = read_tracker(
        "companyName,jobTitle,listName,url,location,salary,description\n"
        "Corvid Labs,Platform Engineer,Applied,-,-,-,-\n"
        "Moorhen Robotics,Embedded Engineer,Applied,N/A,Leeds,£50k,Kind team\n",
        now,
    )
    assert read.refused == []
    corvid, moorhen = (row.application for row in read.rows)
    assert (corvid.location, corvid.job_link, corvid.notes) == ("", "", "")
    assert (moorhen.location, moorhen.job_link) == ("Leeds", "")
    assert moorhen.notes == "Kind team\n\nsalary: £50k"


def test_a_row_whose_company_and_role_are_placeholders_is_refused(now: datetime) -> None:
    read = read_tracker(
        "Company,JobTitle,appliedDate,Status\n"
        "N/A,N/A,N/A,Draft\n"
        "Cobalt Ferry,QA Engineer,N/A,Applied\n",
        now,
    )
    assert [(note.line, note.message) for note in read.refused] == [
        (2, "company and role are empty")
    ]
    [cobalt] = (row.application for row in read.rows)
    assert cobalt.applied_on is None


def test_in_the_stage_column_n_a_still_leaves_the_row_out(now: datetime) -> None:
    read = read_tracker("Company,Role,Status\nAcme,Engineer,N/A\nGlobex,Tester,-\n", now)
    assert read.left_out == 1
    [globex] = (row.application for row in read.rows)
    assert globex.company == "Globex"
    assert globex.stage == Stage.APPLIED
    [warning] = read.warnings  # the left-out row's: a dash is no word to warn about
    assert warning.line == 2
    assert "leave the row out" in warning.message
    assert globex.notes == ""
