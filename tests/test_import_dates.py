"""Date cells as trackers export them: shapes, day order per column, a row kept without its date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from postinterview.transfer.import_csv import read_tracker
from postinterview.transfer.import_dates import DateCellRefused, read_date_cell, row_date
from postinterview.transfer.import_day_order import (
    DayOrder,
    DayOrderDecision,
    Evidence,
    decide_columns,
    decide_day_order,
)
from postinterview.transfer.import_options import ImportOptions
from tests.conftest import FIXED_NOW

DAY_FIRST = DayOrderDecision(DayOrder.DAY_FIRST, day_first=Evidence(4, "25/09/2026"))
MONTH_FIRST = DayOrderDecision(DayOrder.MONTH_FIRST, month_first=Evidence(3, "9/14/26"))
UNSETTLED = DayOrderDecision(DayOrder.UNSETTLED)
CONFLICTING = DayOrderDecision(
    DayOrder.CONFLICTING, day_first=Evidence(4, "25/09/2026"), month_first=Evidence(7, "9/14/26")
)

# --- Shapes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # With a time: the day is kept.
        ("9/14/2026, 3:07 PM", date(2026, 9, 14)),  # LinkedIn (two-digit years: below)
        ("September 4, 2026 9:30 AM", date(2026, 9, 4)),  # Notion
        ("September 4, 2026 9:30 am", date(2026, 9, 4)),
        ("2026-09-04 09:30", date(2026, 9, 4)),
        ("2026-09-04 09:30:15", date(2026, 9, 4)),
        ("04.09.2026 09:30", date(2026, 9, 4)),  # dotted: day first
        ("04.09.2026 09:30 Uhr", date(2026, 9, 4)),
        ("2026-09-04T09:30:00+02:00", date(2026, 9, 4)),
        ("2026-09-04T23:30:00-05:00", date(2026, 9, 4)),  # the day in its offset, not in UTC
        ("2026-09-04T00:30:00+09:00", date(2026, 9, 4)),
        ("2026-09-04T09:30:00Z", date(2026, 9, 4)),
        ("2026-09-04T09:30:00.000Z", date(2026, 9, 4)),
        ("2026-09-04t09:30:00.123456+0200", date(2026, 9, 4)),
        ("2026-09-08T14:02:44.100288-05:00", date(2026, 9, 8)),  # ghosted
        ("2026-09-20T16:45:12.5-06:00", date(2026, 9, 20)),
        ("2026-09-04 09:30:00 +0000 UTC", date(2026, 9, 4)),  # Go's time.String
        ("9/14/2026 9:30 AM PST", date(2026, 9, 14)),
        ("14.09.2026 10:30 Uhr MEZ", date(2026, 9, 14)),
        ("25/09/2026 3 PM", date(2026, 9, 25)),
        ("25/09/2026 3:07 p.m.", date(2026, 9, 25)),
        ("25/09/2026 3:07 p. m.", date(2026, 9, 25)),  # Spanish Excel
        ("Fri, 4 Sep 2026 09:30:00 +0200", date(2026, 9, 4)),  # an email's Date header
        # English months, full and short.
        ("Sept 4, 2026", date(2026, 9, 4)),
        ("Sep 4 2026", date(2026, 9, 4)),
        ("4-Sep-2026", date(2026, 9, 4)),
        ("1st November 2026", date(2026, 11, 1)),
        ("Nov 1, 2026", date(2026, 11, 1)),
        # German.
        ("4. September 2026", date(2026, 9, 4)),
        ("4. März 2026", date(2026, 3, 4)),
        ("4. MÄRZ 2026", date(2026, 3, 4)),
        ("4. Mär 2026", date(2026, 3, 4)),
        ("4. Mrz. 2026", date(2026, 3, 4)),
        ("1. Okt. 2026", date(2026, 10, 1)),
        ("24. Dezember 2026", date(2026, 12, 24)),
        ("3. Jänner 2026", date(2026, 1, 3)),
        ("Mittwoch, 4. März 2026", date(2026, 3, 4)),
        # French.
        ("4 septembre 2026", date(2026, 9, 4)),
        ("4 févr. 2026", date(2026, 2, 4)),
        ("4 fevr 2026", date(2026, 2, 4)),
        ("1er mai 2026", date(2026, 5, 1)),
        ("15 août 2026", date(2026, 8, 15)),
        ("3 déc. 2026", date(2026, 12, 3)),
        ("vendredi 4 septembre 2026", date(2026, 9, 4)),
        # Spanish.
        ("4 de septiembre de 2026", date(2026, 9, 4)),
        ("4 de Septiembre del 2026", date(2026, 9, 4)),
        ("12 ene 2026", date(2026, 1, 12)),
        ("12 ene. 2026", date(2026, 1, 12)),
        ("5 ago 2026", date(2026, 8, 5)),
        ("9 dic 2026", date(2026, 12, 9)),
        ("1o de mayo de 2026", date(2026, 5, 1)),
        ("1º de mayo de 2026", date(2026, 5, 1)),
        # Already read before: unchanged.
        ("2026-11-01", date(2026, 11, 1)),
        ("2026/11/01", date(2026, 11, 1)),
        ("01.11.2026", date(2026, 11, 1)),
        ("25/12/2026", date(2026, 12, 25)),
        ("12/25/2026", date(2026, 12, 25)),
        ("04/04/2026", date(2026, 4, 4)),
    ],
)
def test_date_cells_as_exports_write_them_are_read_as_their_day(text: str, expected: date) -> None:
    cell = read_date_cell(text)
    assert cell.day == expected
    assert cell.warnings == ()


@pytest.mark.parametrize(
    ("text", "expected", "digits"),
    [
        ("9/14/26", date(2026, 9, 14), "26"),
        ("25/09/26", date(2026, 9, 25), "26"),
        ("04.09.26", date(2026, 9, 4), "26"),
        ("9/14/26, 3:07 PM", date(2026, 9, 14), "26"),
        ("1/31/07", date(2007, 1, 31), "07"),
    ],
)
def test_a_two_digit_year_is_read_as_20yy_with_a_warning(
    text: str, expected: date, digits: str
) -> None:
    cell = read_date_cell(text)
    assert cell.day == expected
    assert cell.warnings == (f"two-digit year {digits} read as {expected.year}",)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("03/04/2026", "could be 3 April or March 4"),
        ("03/04/26, 3:07 PM", "could be 3 April or March 4"),
        ("11-05-2026", "could be 11 May or November 5"),
        ("25/11/126", "does not give the year in full"),
        ("25/11", "does not give the year"),
        ("Sept 4, 26", "does not give the year in full"),
        ("2026-09-04 25:00", "has a time I cannot read"),
        ("25/09/2026 15:07 PM", "has a time I cannot read"),
        ("2026-02-30", "not a real date (February 2026 has 28 days)"),
        ("31.04.2026", "not a real date"),
        ("13/13/2026", "not a real date (a year has 12 months)"),
        ("0/5/2026", "not a real date"),
        ("30 févr. 2026", "not a real date"),
        ("yesterday", "not a date I can read"),
        ("46327", "not a date I can read"),  # a spreadsheet serial number
        ("1790000000", "not a date I can read"),  # seconds since 1970
        ("4 Brumaire 2026", "not a date I can read"),
        ("Montag, 4. März 2026", "names two different days"),
        ("9:30", "not a date I can read"),
    ],
)
def test_cells_that_name_no_single_day_are_refused_saying_why(text: str, reason: str) -> None:
    with pytest.raises(DateCellRefused) as refusal:
        read_date_cell(text)
    assert reason in refusal.value.why
    assert str(refusal.value).startswith(repr(" ".join(text.split())))


# --- Reading with the column's order ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "decision", "expected"),
    [
        ("03/09/2026", DAY_FIRST, date(2026, 9, 3)),
        ("03/09/2026", MONTH_FIRST, date(2026, 3, 9)),
        ("3/9/26, 3:07 PM", MONTH_FIRST, date(2026, 3, 9)),
        ("03-09-2026", DAY_FIRST, date(2026, 9, 3)),
        ("03.09.2026", UNSETTLED, date(2026, 9, 3)),  # dotted: day first by convention
        ("03.09.2026", MONTH_FIRST, date(2026, 3, 9)),  # unless the column says otherwise
        ("25/09/2026", MONTH_FIRST, date(2026, 9, 25)),  # a cell readable one way only is read so
        ("9/14/2026", DAY_FIRST, date(2026, 9, 14)),
        ("05/05/2026", CONFLICTING, date(2026, 5, 5)),  # the same either way
        ("2026-09-03", CONFLICTING, date(2026, 9, 3)),
    ],
)
def test_an_ambiguous_cell_is_read_in_its_columns_order(
    text: str, decision: DayOrderDecision, expected: date
) -> None:
    assert read_date_cell(text, decision).day == expected


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)), st.booleans())
def test_every_day_written_in_its_columns_order_reads_back_as_itself(
    day: date, short: bool
) -> None:
    year = f"{day.year % 100:02}" if short else str(day.year)
    day_first = f"{day.day}/{day.month}/{year}, 9:30 AM"
    month_first = f"{day.month:02}/{day.day:02}/{year} 17:05"
    assert read_date_cell(day_first, DAY_FIRST).day == day
    assert read_date_cell(month_first, MONTH_FIRST).day == day
    assert read_date_cell(f"{day.day:02}.{day.month:02}.{year}", UNSETTLED).day == day


def test_an_ambiguous_cell_in_an_unsettled_column_names_the_way_out() -> None:
    with pytest.raises(DateCellRefused) as refusal:
        read_date_cell("03/09/2026", UNSETTLED)
    assert refusal.value.why == (
        "could be 3 September or March 9, and no date in its column settles which"
    )
    assert refusal.value.hint == "--day-first or --month-first reads it"


def test_an_ambiguous_cell_in_a_conflicting_column_names_both_cells() -> None:
    with pytest.raises(DateCellRefused) as refusal:
        read_date_cell("03/09/2026", CONFLICTING)
    assert refusal.value.why == (
        "could be 3 September or March 9, and its column has both "
        "(25/09/2026 on line 4 is day first, 9/14/26 on line 7 month first)"
    )


# --- Deciding the order ----------------------------------------------------------------------


def test_a_day_above_12_in_first_place_makes_the_column_day_first() -> None:
    decision = decide_day_order([(2, "03/09/2026"), (3, ""), (4, "25/09/2026"), (5, "30/09/2026")])
    assert decision.order is DayOrder.DAY_FIRST
    assert decision.day_first == Evidence(4, "25/09/2026")
    assert decision.ambiguous == Evidence(2, "03/09/2026")
    assert decision.describe() == "day first: 25/09/2026 on line 4"


def test_a_day_above_12_in_second_place_makes_the_column_month_first() -> None:
    decision = decide_day_order([(2, "3/4/26, 9:00 AM"), (3, "9/14/26, 3:07 PM")])
    assert decision.order is DayOrder.MONTH_FIRST
    assert decision.short_year == Evidence(2, "3/4/26")
    assert decision.describe() == "month first: 9/14/26 on line 3; two-digit years read as 20YY"


def test_a_column_with_both_orders_is_conflicting() -> None:
    decision = decide_day_order([(2, "25/09/2026"), (3, "03/04/2026"), (4, "9/14/2026")])
    assert decision.order is DayOrder.CONFLICTING
    assert decision.describe() == (
        "day order unclear: 25/09/2026 on line 2 is day first, 9/14/2026 on line 4 month first"
    )


def test_a_column_without_evidence_is_unsettled_and_says_so_only_when_it_matters() -> None:
    decision = decide_day_order([(2, "03/04/2026"), (3, "05/06/2026")])
    assert decision.order is DayOrder.UNSETTLED
    assert decision.describe() == (
        "day order unknown: nothing settles 03/04/2026 on line 2; --day-first or --month-first does"
    )
    plain = decide_day_order([(2, "2026-11-01"), (3, "1 Nov 2026"), (4, "04.09.2026")])
    assert plain.order is DayOrder.UNSETTLED
    assert plain.describe() is None  # nothing in it needs an order


@pytest.mark.parametrize(
    "cells",
    [
        ["05/05/2026"],  # the same either way
        ["32/09/2026", "09/32/2026"],  # no date at all
        ["13/13/2026"],
        ["0/14/2026"],
        ["2026-09-25", "Sept 25, 2026", "46327"],
    ],
)
def test_cells_that_say_nothing_about_the_order_are_not_evidence(cells: list[str]) -> None:
    decision = decide_day_order(enumerate(cells, start=2))
    assert decision.order is DayOrder.UNSETTLED
    assert decision.day_first is None and decision.month_first is None


def test_each_date_column_is_decided_by_its_own_cells_in_one_pass() -> None:
    rows = iter(  # a generator: read once, as a long file would be
        [
            (2, ["Acme", "03/04/2026", "03/04/2026"]),
            (3, ["Globex", "25/04/2026", "4/25/2026"]),
            (4, ["Initech"]),  # a short row
        ]
    )
    decisions = decide_columns(rows, [1, 2, 5], None)
    assert {index: decision.order for index, decision in decisions.items()} == {
        1: DayOrder.DAY_FIRST,
        2: DayOrder.MONTH_FIRST,
        5: DayOrder.UNSETTLED,
    }
    assert decisions[2].month_first == Evidence(3, "4/25/2026")


def test_the_persons_order_wins_over_the_cells() -> None:
    decision = decide_day_order([(2, "9/14/2026"), (3, "03/04/2026")], DayOrder.DAY_FIRST)
    assert decision.order is DayOrder.DAY_FIRST
    assert decision.describe() == "day first: --day-first"
    assert read_date_cell("03/04/2026", decision).day == date(2026, 4, 3)


# --- A row keeps going without its date -------------------------------------------------------


def test_row_date_keeps_an_unreadable_cell_for_the_notes_with_a_warning() -> None:
    reading = row_date(" 03/04/2026 ", UNSETTLED)
    assert reading.day is None
    assert reading.kept == "Applied: 03/04/2026"
    assert reading.warnings == [
        "applied date '03/04/2026' could be 3 April or March 4, and no date in its column "
        "settles which: kept in the notes; --day-first or --month-first reads it"
    ]
    read = row_date("9/14/26", None)
    assert (read.day, read.kept, read.warnings) == (
        date(2026, 9, 14),
        None,
        ["applied date: two-digit year 26 read as 2026"],
    )


def test_a_european_sheet_reads_every_date_day_first() -> None:
    text = (
        "Firma;Stelle;Beworben am\n"
        "Acme;Engineer;03/09/2026\n"  # 2
        "Globex;Analyst;25/09/2026\n"  # 3: settles it
        "Initech;Tester;30/09/2026\n"  # 4
    )
    result = read_tracker(text, FIXED_NOW)
    assert [row.application.applied_on for row in result.rows] == [
        date(2026, 9, 3),
        date(2026, 9, 25),
        date(2026, 9, 30),
    ]
    assert result.warnings == [] and result.refused == []
    said = "Beworben am -> applied_on (day first: 25/09/2026 on line 3)"
    assert result.mapping_lines()[2] == said


def test_an_unreadable_date_costs_only_the_date_and_its_text_stays_in_the_notes() -> None:
    text = (
        "Company,Role,Applied,Notes\n"
        "Acme,Engineer,03/04/2026,Keen\n"  # 2: nothing in the column settles it
        "Globex,Analyst,soon,\n"  # 3
        "Initech,Tester,2026-11-01,\n"  # 4
    )
    result = read_tracker(text, FIXED_NOW)
    acme, globex, initech = (row.application for row in result.rows)
    assert result.refused == []
    assert (acme.applied_on, acme.notes) == (None, "Keen\n\nApplied: 03/04/2026")
    assert (globex.applied_on, globex.notes) == (None, "Applied: soon")
    assert initech.applied_on == date(2026, 11, 1)
    assert [(note.line, note.message) for note in result.warnings] == [
        (
            2,
            "applied date '03/04/2026' could be 3 April or March 4, and no date in its column "
            "settles which: kept in the notes; --day-first or --month-first reads it",
        ),
        (3, "applied date 'soon' is not a date I can read: kept in the notes"),
    ]
    assert result.mapping_lines()[2] == (
        "Applied -> applied_on (day order unknown: nothing settles 03/04/2026 on line 2; "
        "--day-first or --month-first does)"
    )


def test_the_order_is_decided_per_column_index_for_every_date_column() -> None:
    text = "Company,Role,Applied\nAcme,Engineer,03/04/2026\nGlobex,Analyst,4/30/2026\n"
    result = read_tracker(text, FIXED_NOW)
    assert list(result.day_orders) == [2]
    assert result.day_orders[2].order is DayOrder.MONTH_FIRST
    assert result.rows[0].application.applied_on == date(2026, 3, 4)


def test_the_persons_order_is_taken_from_the_options() -> None:
    text = "Company,Role,Applied\nAcme,Engineer,03/04/2026\n"
    result = read_tracker(text, FIXED_NOW, options=ImportOptions(day_order=DayOrder.MONTH_FIRST))
    assert result.rows[0].application.applied_on == date(2026, 3, 4)
    assert result.warnings == []
    assert result.mapping_lines()[2] == "Applied -> applied_on (month first: --month-first)"


def test_two_digit_years_are_said_once_for_their_column() -> None:
    text = (
        "Application Date,Company Name,Job Title\n"
        '"9/3/26, 10:12 AM",Acme,Engineer\n'  # 2
        '"9/14/26, 3:07 PM",Globex,Analyst\n'  # 3
        '"3/4/26, 8:00 AM",Initech,Tester\n'  # 4
    )
    result = read_tracker(text, FIXED_NOW)
    assert [row.application.applied_on for row in result.rows] == [
        date(2026, 9, 3),
        date(2026, 9, 14),
        date(2026, 3, 4),  # month first, as line 3 says
    ]
    assert [(note.line, note.message) for note in result.warnings] == [
        (
            2,
            "two-digit year 26 read as 2026 (9/3/26), and so in every date of column "
            "'Application Date'",
        )
    ]
    assert result.mapping_lines()[0] == (
        "Application Date -> applied_on (month first: 9/14/26 on line 3; "
        "two-digit years read as 20YY)"
    )


def test_a_column_of_full_years_has_no_year_warning() -> None:
    decision = decide_day_order([(2, "9/14/2026"), (3, "2026-09-04")])
    assert decision.short_year is None
    assert decision.year_warning("Applied") is None
    assert decision.describe() == "month first: 9/14/2026 on line 2"
