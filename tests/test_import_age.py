"""An imported application's age: created_at and the stage history from the file's dates.

The rules (transfer/import_age.py) as pure functions first, then through read_tracker with
the header names real trackers write. Dates are date-only cells.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

import pytest

from postinterview.domain.days import local_day
from postinterview.domain.models import StageChange
from postinterview.domain.review import weekly_review
from postinterview.domain.stages import STAGE_ORDER, Stage
from postinterview.transfer.import_age import (
    UNDATED_MOVE_NOTE,
    RowDates,
    day_moment,
    row_age,
)
from postinterview.transfer.import_columns import map_header
from postinterview.transfer.import_csv import read_tracker
from postinterview.transfer.import_fields import Field
from postinterview.transfer.import_history import HistoryEntry
from tests.conftest import FIXED_NOW

NOTE = "Imported from tracker.csv"


def noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def steps(history: list[StageChange]) -> list[tuple[datetime, Stage | None, Stage]]:
    return [(c.at, c.from_stage, c.to_stage) for c in history]


# --- The moment of a day -------------------------------------------------------------------


@pytest.mark.parametrize(
    "zone",
    ["UTC", "Pacific/Pago_Pago", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Auckland",
     "Pacific/Kiritimati"],
)  # fmt: skip
def test_a_day_is_local_noon_so_it_is_shown_as_that_day_in_every_zone(
    zone: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    for day in (date(2026, 1, 15), date(2026, 7, 15)):  # both sides of daylight saving
        moment = day_moment(day, FIXED_NOW)
        assert local_day(moment) == day
        assert moment.tzinfo == UTC and moment.astimezone().hour == 12


def test_a_day_is_never_later_than_now() -> None:
    # FIXED_NOW is 15:30 UTC; a morning import of today's row is dated at the import.
    morning = datetime(2026, 11, 20, 9, tzinfo=UTC)
    assert day_moment(date(2026, 11, 20), morning) == morning
    assert day_moment(date(2027, 1, 5), FIXED_NOW) == FIXED_NOW


# --- The rules -----------------------------------------------------------------------------


def test_no_date_at_all_is_dated_now_as_before() -> None:
    age = row_age(Stage.INTERVIEWING, RowDates(), FIXED_NOW, NOTE)
    assert age.created_at == FIXED_NOW
    assert steps(age.stage_history) == [(FIXED_NOW, None, Stage.INTERVIEWING)]
    assert age.stage_history[0].note == NOTE


def test_an_applied_row_is_created_and_applied_on_its_applied_day() -> None:
    applied = date(2026, 10, 20)
    age = row_age(Stage.APPLIED, RowDates(applied=applied), FIXED_NOW, NOTE)
    assert age.created_at == noon(applied)
    assert steps(age.stage_history) == [(noon(applied), None, Stage.APPLIED)]


def test_the_saved_day_dates_created_at_when_it_is_the_earliest() -> None:
    saved, applied = date(2026, 10, 1), date(2026, 10, 20)
    age = row_age(Stage.APPLIED, RowDates(saved=saved, applied=applied), FIXED_NOW, NOTE)
    assert age.created_at == noon(saved)
    # Applied on its own day; a stage before Applied (if the app has one) holds the saved day.
    assert age.stage_history[-1].at == noon(applied)
    assert age.stage_history[-1].to_stage == Stage.APPLIED
    if STAGE_ORDER[0] == Stage.APPLIED:
        assert len(age.stage_history) == 1
    else:
        assert steps(age.stage_history)[0] == (noon(saved), None, STAGE_ORDER[0])


def test_a_saved_day_after_the_applied_day_still_dates_creation() -> None:
    # Logged in the tracker (or the app) after applying: created then, applied before.
    saved, applied = date(2026, 10, 20), date(2026, 10, 1)
    age = row_age(Stage.APPLIED, RowDates(saved=saved, applied=applied), FIXED_NOW, NOTE)
    assert age.created_at == noon(saved)
    assert steps(age.stage_history) == [(noon(applied), None, Stage.APPLIED)]


def test_the_stage_since_day_dates_the_move_to_the_current_stage() -> None:
    applied, moved = date(2026, 10, 1), date(2026, 10, 21)
    age = row_age(Stage.INTERVIEWING, RowDates(applied=applied, since=moved), FIXED_NOW, NOTE)
    assert age.created_at == noon(applied)
    assert steps(age.stage_history) == [
        (noon(applied), None, Stage.APPLIED),
        (noon(moved), Stage.APPLIED, Stage.INTERVIEWING),
    ]
    assert [c.note for c in age.stage_history] == [NOTE, ""]


def test_a_move_the_file_gives_no_day_for_is_dated_now_and_says_so() -> None:
    applied = date(2026, 10, 1)
    age = row_age(Stage.REJECTED, RowDates(applied=applied), FIXED_NOW, NOTE)
    assert steps(age.stage_history) == [
        (noon(applied), None, Stage.APPLIED),
        (FIXED_NOW, Stage.APPLIED, Stage.REJECTED),
    ]
    assert age.stage_history[1].note == UNDATED_MOVE_NOTE


def test_only_a_stage_since_day_dates_both_creation_and_the_stage() -> None:
    moved = date(2026, 10, 21)
    age = row_age(Stage.OFFER, RowDates(since=moved), FIXED_NOW, NOTE)
    assert age.created_at == noon(moved)
    assert steps(age.stage_history) == [(noon(moved), None, Stage.OFFER)]


def test_a_stage_since_before_the_applied_day_is_not_earlier_than_the_application() -> None:
    applied, moved = date(2026, 10, 21), date(2026, 10, 1)
    age = row_age(Stage.SCREENING, RowDates(applied=applied, since=moved), FIXED_NOW, NOTE)
    ats = [c.at for c in age.stage_history]
    assert ats == sorted(ats) and ats[-1] == noon(applied)


def test_dates_after_now_are_clamped_to_now() -> None:
    age = row_age(Stage.APPLIED, RowDates(applied=date(2027, 3, 1)), FIXED_NOW, NOTE)
    assert age.created_at == FIXED_NOW
    assert age.stage_history[0].at == FIXED_NOW


def test_a_history_becomes_the_stage_history_ending_at_the_rows_stage() -> None:
    history = [
        HistoryEntry(date(2026, 10, 1), Stage.APPLIED),
        HistoryEntry(date(2026, 10, 5), Stage.SCREENING),
    ]
    same = row_age(Stage.SCREENING, RowDates(history=history), FIXED_NOW, NOTE)
    assert steps(same.stage_history) == [
        (noon(date(2026, 10, 1)), None, Stage.APPLIED),
        (noon(date(2026, 10, 5)), Stage.APPLIED, Stage.SCREENING),
    ]
    later = row_age(
        Stage.OFFER, RowDates(history=history, since=date(2026, 11, 2)), FIXED_NOW, NOTE
    )
    assert steps(later.stage_history)[-1] == (
        noon(date(2026, 11, 2)),
        Stage.SCREENING,
        Stage.OFFER,
    )
    unknown_day = row_age(Stage.OFFER, RowDates(history=history), FIXED_NOW, NOTE)
    assert steps(unknown_day.stage_history)[-1] == (FIXED_NOW, Stage.SCREENING, Stage.OFFER)


def test_a_history_with_no_stage_cell_gives_the_row_its_last_stage() -> None:
    history = [HistoryEntry(date(2026, 10, 1), Stage.APPLIED)]
    history.append(HistoryEntry(date(2026, 10, 9), Stage.REJECTED))
    age = row_age(None, RowDates(history=history), FIXED_NOW, NOTE)
    assert age.stage == Stage.REJECTED
    assert len(age.stage_history) == 2


def test_an_earlier_saved_day_than_the_history_dates_creation() -> None:
    history = [HistoryEntry(date(2026, 10, 5), Stage.APPLIED)]
    age = row_age(
        Stage.APPLIED, RowDates(saved=date(2026, 9, 30), history=history), FIXED_NOW, NOTE
    )
    assert age.created_at == noon(date(2026, 9, 30))
    assert age.stage_history[0].at == noon(date(2026, 10, 5))


# --- Header names --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("createdAt", Field.SAVED_ON),
        ("Date Saved", Field.SAVED_ON),
        ("Date Added", Field.SAVED_ON),
        ("Created time", Field.SAVED_ON),
        ("created_at", Field.SAVED_ON),
        ("Erstellt am", Field.SAVED_ON),
        ("Gespeichert am", Field.SAVED_ON),
        ("Date d'ajout", Field.SAVED_ON),
        ("Fecha de creación", Field.SAVED_ON),
        ("lastMovedAt", Field.STAGE_SINCE),
        ("Stage since", Field.STAGE_SINCE),
        ("updated_at", Field.STAGE_SINCE),
        ("Zuletzt geändert", Field.STAGE_SINCE),
        ("Dernière modification", Field.STAGE_SINCE),
        ("Última modificación", Field.STAGE_SINCE),
        ("history", Field.HISTORY),
        ("Stage History", Field.HISTORY),
        ("Verlauf", Field.HISTORY),
        ("Historique", Field.HISTORY),
        ("Historial", Field.HISTORY),
        ("Company Size", Field.COMPANY_SIZE),
        ("Unternehmensgröße", Field.COMPANY_SIZE),
    ],
)
def test_age_columns_are_known_by_the_names_trackers_give_them(name: str, field: Field) -> None:
    columns = map_header(["Company", "Role", name])
    assert columns.fields.get(field) == 2


def test_a_yes_no_saved_column_is_not_a_date() -> None:
    columns = map_header(["Company", "Role", "Saved"], [["Acme", "Dev", "yes"]])
    assert Field.SAVED_ON not in columns.fields


# --- Through read_tracker ------------------------------------------------------------------


def test_a_huntr_like_row_keeps_its_age() -> None:
    text = (
        "companyName,jobTitle,listName,createdAt,lastMovedAt\n"
        "Acme,Engineer,Interview,2026-09-20,2026-10-21\n"
    )
    result = read_tracker(text, FIXED_NOW, "huntr.csv")
    assert result.warnings == []
    [row] = result.rows
    app = row.application
    assert app.created_at == noon(date(2026, 9, 20))
    assert app.updated_at == FIXED_NOW
    assert steps(app.stage_history)[-1] == (noon(date(2026, 10, 21)), None, Stage.INTERVIEWING)
    assert app.stage_history[0].note == "Imported from huntr.csv"
    assert app.notes == ""  # the date columns are read, not kept as notes lines


def test_an_unreadable_age_date_costs_only_itself() -> None:
    text = "Company,Role,Date Saved,Last Moved\nAcme,Engineer,someday,2026-10-21\n"
    result = read_tracker(text, FIXED_NOW)
    [row] = result.rows
    app = row.application
    assert app.notes == "Date Saved: someday"
    assert app.created_at == noon(date(2026, 10, 21))
    [warning] = result.warnings
    assert warning.line == 2 and warning.message.startswith("date saved 'someday'")
    assert warning.message.endswith("kept in the notes")


def test_a_future_age_date_is_dated_today_with_a_warning() -> None:
    result = read_tracker("Company,Role,Created\nAcme,Engineer,2027-02-01\n", FIXED_NOW)
    [row] = result.rows
    assert row.application.created_at == FIXED_NOW
    assert [w.message for w in result.warnings] == [
        "date saved '2027-02-01' is after today: dated today"
    ]


def test_a_history_column_is_read_back_with_its_days() -> None:
    text = (
        "Company,Role,Stage,History\n"
        'Acme,Engineer,screening,"2026-11-01 applied; 2026-11-05 screening"\n'
    )
    result = read_tracker(text, FIXED_NOW)
    assert result.warnings == []
    [row] = result.rows
    assert steps(row.application.stage_history) == [
        (noon(date(2026, 11, 1)), None, Stage.APPLIED),
        (noon(date(2026, 11, 5)), Stage.APPLIED, Stage.SCREENING),
    ]
    assert row.application.notes == ""


def test_a_history_entry_that_cannot_be_read_is_a_warning_and_the_cell_is_kept() -> None:
    text = "Company,Role,Stage,History\nAcme,Engineer,screening,2026-11-01 applied; soon moved\n"
    result = read_tracker(text, FIXED_NOW)
    [row] = result.rows
    app = row.application
    assert app.notes == "History: 2026-11-01 applied; soon moved"
    assert [w.message for w in result.warnings] == [
        "stage history entry 'soon moved' not read: the history kept in the notes"
    ]
    # What could be read is used, and the row still ends at its stage.
    assert steps(app.stage_history) == [
        (noon(date(2026, 11, 1)), None, Stage.APPLIED),
        (FIXED_NOW, Stage.APPLIED, Stage.SCREENING),
    ]


# --- The weekly review follows -------------------------------------------------------------


def test_the_weekly_review_counts_imported_applications_by_their_own_days() -> None:
    # FIXED_NOW is Fri 20 Nov 2026; last month's rows are not this week's, and a row whose
    # last move was 20 days ago has been quiet for 20 days on the day it is imported.
    text = (
        "Company,Role,Status,Date Applied,Last Moved\n"
        "Old Co,Engineer,Applied,2026-10-12,\n"  # 2: applied last month
        "Quiet Co,Engineer,Interviewing,2026-10-15,2026-10-31\n"  # 3: moved 20 days ago
        "Fresh Co,Engineer,Applied,2026-11-18,\n"  # 4: applied this week
        "Moved Co,Engineer,Screening,2026-10-20,2026-11-17\n"  # 5: moved this week
        "Undated Co,Engineer,Applied,,\n"  # 6: no date at all: added now
    )
    result = read_tracker(text, FIXED_NOW)
    apps = [
        row.application.revised(id=row.application.company.split()[0].lower())
        for row in result.rows
    ]
    review = weekly_review(apps, FIXED_NOW)
    assert review.summary.added == 2  # Fresh Co and Undated Co
    assert review.summary.stage_moves == 1  # Moved Co's move on the 17th
    quiet = {q.company: q.quiet_days for q in review.quiet}
    assert quiet == {"Old Co": 39, "Quiet Co": 20}
    assert "Fresh Co" not in quiet and "Undated Co" not in quiet


def test_many_unreadable_history_entries_make_one_short_warning() -> None:
    history = "; ".join(f"2026-11-0{day} maybe" for day in range(1, 6))
    result = read_tracker(f"Company,Role,History\nAcme,Engineer,{history}\n", FIXED_NOW)
    assert [w.message for w in result.warnings] == [
        "stage history entry '2026-11-01 maybe' and 4 more not read: the history kept in the notes"
    ]
    assert result.rows[0].application.notes == f"History: {history}"
