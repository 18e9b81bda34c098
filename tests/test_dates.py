"""Reading dates and times as people type them (domain/dates.py), with a fixed today.

Today is Tuesday 1 December 2026 unless a test says otherwise, as in the issue's example.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from postinterview.domain.dates import (
    DateRefused,
    day_label,
    moment_label,
    read_calendar_date,
    read_day,
    read_moment,
    read_time,
)

TODAY = date(2026, 12, 1)  # a Tuesday
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
SYDNEY = ZoneInfo("Australia/Sydney")
NEW_YORK = ZoneInfo("America/New_York")


def day(text: str, today: date = TODAY, prefer: str = "future") -> date:
    return read_day(text, today, prefer)  # type: ignore[arg-type]


# --- Words about today ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", date(2026, 12, 1)),
        ("Today", date(2026, 12, 1)),
        ("  TOMORROW ", date(2026, 12, 2)),
        ("tmrw", date(2026, 12, 2)),
        ("yesterday", date(2026, 11, 30)),
        ("the day after tomorrow", date(2026, 12, 3)),
        ("day before yesterday", date(2026, 11, 29)),
        ("+7d", date(2026, 12, 8)),
        ("+ 7 days", date(2026, 12, 8)),
        ("+2w", date(2026, 12, 15)),
        ("-3d", date(2026, 11, 28)),
        ("+0d", date(2026, 12, 1)),
        ("in 3 days", date(2026, 12, 4)),
        ("in 1 day", date(2026, 12, 2)),
        ("in 2 weeks", date(2026, 12, 15)),
        ("in a week", date(2026, 12, 8)),
        ("in two weeks", date(2026, 12, 15)),
        ("in a fortnight", date(2026, 12, 15)),
        ("3 days ago", date(2026, 11, 28)),
        ("2 weeks ago", date(2026, 11, 17)),
        ("in 1 month", date(2027, 1, 1)),
        ("2 months ago", date(2026, 10, 1)),
    ],
)
def test_words_about_today(text: str, expected: date) -> None:
    assert day(text) == expected


def test_relative_words_ignore_the_preferred_direction() -> None:
    assert day("tomorrow", prefer="past") == date(2026, 12, 2)
    assert day("3 days ago", prefer="future") == date(2026, 11, 28)


# --- Weekdays ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "future", "past"),
    [
        ("tue", date(2026, 12, 1), date(2026, 12, 1)),  # today counts, both ways
        ("wed", date(2026, 12, 2), date(2026, 11, 25)),
        ("wednesday", date(2026, 12, 2), date(2026, 11, 25)),
        ("fri", date(2026, 12, 4), date(2026, 11, 27)),
        ("Friday", date(2026, 12, 4), date(2026, 11, 27)),
        ("this fri", date(2026, 12, 4), date(2026, 11, 27)),
        ("on fri", date(2026, 12, 4), date(2026, 11, 27)),
        ("thurs", date(2026, 12, 3), date(2026, 11, 26)),
        ("sun", date(2026, 12, 6), date(2026, 11, 29)),
        ("mon", date(2026, 12, 7), date(2026, 11, 30)),
    ],
)
def test_a_bare_weekday_is_the_nearest_in_the_preferred_direction(
    text: str, future: date, past: date
) -> None:
    assert day(text) == future
    assert day(text, prefer="past") == past


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("next wed", date(2026, 12, 9)),  # "by next Wednesday", said on Tuesday 1 December
        ("next wednesday", date(2026, 12, 9)),
        ("next mon", date(2026, 12, 7)),
        ("next tue", date(2026, 12, 8)),
        ("next sun", date(2026, 12, 13)),
        ("last mon", date(2026, 11, 30)),
        ("last tue", date(2026, 11, 24)),  # before today, not today
        ("last wed", date(2026, 11, 25)),
        ("last sun", date(2026, 11, 29)),
        ("coming mon", date(2026, 12, 7)),
    ],
)
def test_next_is_in_next_week_and_last_is_the_most_recent_before_today(
    text: str, expected: date
) -> None:
    assert day(text) == expected
    assert day(text, prefer="past") == expected


def test_next_from_a_sunday_is_in_the_week_that_starts_tomorrow() -> None:
    sunday = date(2026, 12, 6)
    assert day("next mon", sunday) == date(2026, 12, 7)
    assert day("next sun", sunday) == date(2026, 12, 13)
    assert day("last sun", sunday) == date(2026, 11, 29)


# --- Dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-01", date(2026, 11, 1)),
        ("2026/11/01", date(2026, 11, 1)),
        ("2026-1-5", date(2026, 1, 5)),
        ("2026-11-01T09:30", date(2026, 11, 1)),
        ("2026-11-01 00:00:00", date(2026, 11, 1)),
        ("2026-11-01T23:30:00-05:00", date(2026, 11, 1)),  # the day as written
        ("1 Nov 2026", date(2026, 11, 1)),
        ("1 November 2026", date(2026, 11, 1)),
        ("1st of November 2026", date(2026, 11, 1)),
        ("1-Nov-2026", date(2026, 11, 1)),
        ("Nov 1 2026", date(2026, 11, 1)),
        ("Nov 1, 2026", date(2026, 11, 1)),
        ("nov. 1st 2026", date(2026, 11, 1)),
        ("Sun 1 Nov 2026", date(2026, 11, 1)),
        ("01.11.2026", date(2026, 11, 1)),
        ("1.11.2026", date(2026, 11, 1)),
        ("25/12/2026", date(2026, 12, 25)),
        ("12/25/2026", date(2026, 12, 25)),
        ("04/04/2026", date(2026, 4, 4)),
    ],
)
def test_dates_written_out(text: str, expected: date) -> None:
    assert day(text) == expected
    assert read_calendar_date(text) == expected


@pytest.mark.parametrize(
    ("text", "future", "past"),
    [
        ("1 Nov", date(2027, 11, 1), date(2026, 11, 1)),
        ("Dec 1", date(2026, 12, 1), date(2026, 12, 1)),  # today, both ways
        ("25 Dec", date(2026, 12, 25), date(2025, 12, 25)),
        ("25/12", date(2026, 12, 25), date(2025, 12, 25)),
        ("30.11", date(2027, 11, 30), date(2026, 11, 30)),
        ("2 Dec", date(2026, 12, 2), date(2025, 12, 2)),
    ],
)
def test_a_date_without_its_year_is_the_nearest_in_the_preferred_direction(
    text: str, future: date, past: date
) -> None:
    assert day(text) == future
    assert day(text, prefer="past") == past


# --- Month ends, leap days, year boundaries ------------------------------------------------


def test_month_ends_and_leap_days() -> None:
    assert day("31 Jan 2027") == date(2027, 1, 31)
    assert day("29 Feb 2028") == date(2028, 2, 29)
    assert day("in 1 month", date(2027, 1, 31)) == date(2027, 2, 28)
    assert day("in 1 month", date(2028, 1, 31)) == date(2028, 2, 29)
    assert day("in 1 month", date(2026, 3, 31)) == date(2026, 4, 30)
    assert day("1 month ago", date(2026, 3, 31)) == date(2026, 2, 28)
    assert day("tomorrow", date(2028, 2, 28)) == date(2028, 2, 29)
    assert day("tomorrow", date(2027, 2, 28)) == date(2027, 3, 1)
    assert day("+1d", date(2026, 4, 30)) == date(2026, 5, 1)


def test_29_february_without_a_year_is_the_nearest_leap_day() -> None:
    assert day("29 Feb") == date(2028, 2, 29)
    assert day("29/02", prefer="past") == date(2024, 2, 29)
    assert day("29 Feb", date(2028, 2, 29)) == date(2028, 2, 29)
    assert day("29 Feb", date(2096, 3, 1)) == date(2104, 2, 29)  # 2100 is no leap year


def test_year_boundaries() -> None:
    new_year_eve = date(2026, 12, 31)  # a Thursday
    assert day("tomorrow", new_year_eve) == date(2027, 1, 1)
    assert day("fri", new_year_eve) == date(2027, 1, 1)
    assert day("next mon", new_year_eve) == date(2027, 1, 4)
    assert day("+2w", new_year_eve) == date(2027, 1, 14)
    assert day("1 Jan", new_year_eve) == date(2027, 1, 1)
    assert day("31 Dec", new_year_eve, prefer="past") == date(2026, 12, 31)
    new_year = date(2027, 1, 1)  # a Friday
    assert day("yesterday", new_year) == date(2026, 12, 31)
    assert day("last mon", new_year) == date(2026, 12, 28)
    assert day("25 Dec", new_year, prefer="past") == date(2026, 12, 25)
    assert day("in 1 month", date(2026, 12, 15)) == date(2027, 1, 15)


# --- Refusals ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason", "example"),
    [
        ("03/04/2026", "could be 3 April or March 4", "3 Apr 2026 or 4 Mar 2026"),
        ("11-05-2026", "could be 11 May or November 5", "11 May 2026"),
        ("03/04", "could be 3 April or March 4", "3 Apr"),
        ("31/02/2026", "not a real date (February 2026 has 28 days)", "28 Feb 2026"),
        ("31/02", "not a real date (February has at most 29 days)", "29 Feb"),
        ("29 Feb 2027", "February 2027 has 28 days", "28 Feb 2027"),
        ("31 Apr", "April has 30 days", "30 Apr"),
        ("2026-13-01", "a year has 12 months", "2026-11-01"),
        ("0/5/2026", "days start at 1", "2026-11-01"),
        ("01/11/26", "year in full", "1 Nov 2026"),
        ("1 Nov 26", "year in full", "1 Nov 2026"),
        ("next blursday", "I do not know 'blursday'", "next wed"),
        ("blursday", "I do not know 'blursday'", "fri"),
        ("wendesday", "did you mean 'wednesday'?", "next wed"),
        ("tomorow", "did you mean 'tomorrow'?", "next wed"),
        ("1 Brumaire 2026", "I do not know 'brumaire'", "1 Nov 2026"),
        ("46327", "not a date I can read", "2026-11-01"),
        ("tomorrow 2pm", "has a time in it", "tomorrow"),
        ("next week", "names a week, not a day", "next fri"),
        ("this month", "names a month, not a day", "this fri"),
        ("Tue 2 Nov 2026", "names two different days (2 Nov 2026 is a Monday", "2 Nov 2026"),
        ("in 999999 weeks", "too far away", "+7d"),
        ("", "Nothing typed", "tomorrow"),
    ],
)
def test_what_a_day_field_refuses_says_why_and_gives_an_example(
    text: str, reason: str, example: str
) -> None:
    with pytest.raises(DateRefused) as refusal:
        day(text)
    message = str(refusal.value)
    assert reason in message
    assert example in message
    assert isinstance(refusal.value, ValueError)


def test_the_calendar_reader_needs_the_year_and_no_today() -> None:
    with pytest.raises(DateRefused, match="does not give the year"):
        read_calendar_date("1 Nov")
    with pytest.raises(DateRefused, match="not a date I can read"):
        read_calendar_date("tomorrow")


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)))
def test_every_iso_date_reads_back_as_itself(value: date) -> None:
    assert day(value.isoformat()) == value


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_what_a_day_is_labelled_reads_back_as_that_day(value: date) -> None:
    label = day_label(value, TODAY).split(", ")[-1]
    if value.year == TODAY.year:
        label = f"{label} {value.year}"  # the label leaves this year out; the reader needs it
    assert day(label) == value


# --- Times ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:00", time(14)),
        ("14.00", time(14)),
        ("9:05", time(9, 5)),
        ("09:05:30", time(9, 5, 30)),
        ("0:00", time(0)),
        ("23:59", time(23, 59)),
        ("14h", time(14)),
        ("14h30", time(14, 30)),
        ("2pm", time(14)),
        ("2 pm", time(14)),
        ("2PM", time(14)),
        ("2:30 pm", time(14, 30)),
        ("2.30pm", time(14, 30)),
        ("2:30 p.m.", time(14, 30)),
        ("9am", time(9)),
        ("12am", time(0)),
        ("12pm", time(12)),
        ("12:30am", time(0, 30)),
        ("noon", time(12)),
        ("midnight", time(0)),
    ],
)
def test_times(text: str, expected: time) -> None:
    assert read_time(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("25:00", "hours go 0 to 23"),
        ("24:00", "hours go 0 to 23"),
        ("14:60", "minutes go 0 to 59"),
        ("13pm", "with am or pm, hours go 1 to 12"),
        ("0am", "with am or pm, hours go 1 to 12"),
        ("9", "could be morning or evening"),
        ("14", "needs its minutes"),
        ("teatime", "not a time I can read"),
        ("", "Nothing typed"),
    ],
)
def test_bad_times_are_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(DateRefused, match=reason.replace("(", r"\(")) as refusal:
        read_time(text)
    assert "e.g." in str(refusal.value)


# --- Moments -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomorrow 2pm", datetime(2026, 12, 2, 14, 0)),
        ("tomorrow at 2pm", datetime(2026, 12, 2, 14, 0)),
        ("2pm tomorrow", datetime(2026, 12, 2, 14, 0)),
        ("at 9:30 on fri", datetime(2026, 12, 4, 9, 30)),
        ("fri 14:00", datetime(2026, 12, 4, 14, 0)),
        ("next wed 10:30", datetime(2026, 12, 9, 10, 30)),
        ("2026-12-09 14:00", datetime(2026, 12, 9, 14, 0)),
        ("2026-12-09T14:00", datetime(2026, 12, 9, 14, 0)),
        ("2026-12-09 2pm", datetime(2026, 12, 9, 14, 0)),
        ("9.12.2026 14.00", datetime(2026, 12, 9, 14, 0)),
        ("1 Nov 2026 09:15", datetime(2026, 11, 1, 9, 15)),
        ("25.12 14:00", datetime(2026, 12, 25, 14, 0)),
        ("14:00 25.12", datetime(2026, 12, 25, 14, 0)),
        ("14:00", datetime(2026, 12, 1, 14, 0)),  # a time alone is today
        ("8am", datetime(2026, 12, 1, 8, 0)),
        ("14.00", datetime(2026, 12, 1, 14, 0)),
        ("9.30", datetime(2026, 12, 1, 9, 30)),
        ("now", datetime(2026, 12, 1, 10, 0)),
        ("yesterday 16:45", datetime(2026, 11, 30, 16, 45)),
    ],
)
def test_moments(text: str, expected: datetime) -> None:
    assert read_moment(text, NOW) == expected.replace(tzinfo=UTC)


def test_a_moment_uses_the_preferred_direction_for_its_day() -> None:
    assert read_moment("mon 9am", NOW, prefer="past") == datetime(2026, 11, 30, 9, tzinfo=UTC)
    assert read_moment("mon 9am", NOW) == datetime(2026, 12, 7, 9, tzinfo=UTC)


def test_a_day_alone_takes_the_default_time_or_is_refused() -> None:
    with pytest.raises(DateRefused, match="has no time: add one, e.g. tomorrow 14:00"):
        read_moment("tomorrow", NOW)
    assert read_moment("tomorrow", NOW, default_time=time(9)) == datetime(
        2026, 12, 2, 9, tzinfo=UTC
    )
    with pytest.raises(DateRefused, match="has no time"):
        read_moment("25.12", NOW)  # 25 hours is no time: this is Christmas Day


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("25:00", "hours go 0 to 23"),
        ("tomorrow 25:00", "hours go 0 to 23"),
        ("next blursday 9am", "I do not know 'blursday'"),
        ("1.11", "could be 1 November or 01:11"),
        ("10.10", "could be 10 October or 10:10"),
        ("31/02 14:00", "February has at most 29 days"),
        ("2026-02-30 10:00", "February 2026 has 28 days"),
        ("2026-12-09T25:00", "hours go 0 to 23"),
        ("tomorrow 9", "'9' could be morning or evening"),
        ("fri at 21", "'21' needs its minutes"),
    ],
)
def test_bad_moments_are_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(DateRefused, match=reason.replace("(", r"\(")) as refusal:
        read_moment(text, NOW)
    assert "e.g." in str(refusal.value) or "try 14:00, 2pm, yesterday 2pm" in str(refusal.value)


# --- Time zones ----------------------------------------------------------------------------


def test_an_evening_in_sydney_stays_that_local_day() -> None:
    evening = datetime(2026, 12, 1, 21, 30, tzinfo=SYDNEY)  # 10:30 UTC, the same date
    late = datetime(2026, 12, 2, 0, 30, tzinfo=SYDNEY)  # still 1 December in UTC
    assert read_moment("today 22:00", evening) == datetime(2026, 12, 1, 22, tzinfo=SYDNEY)
    assert read_moment("tomorrow 9am", late) == datetime(2026, 12, 3, 9, tzinfo=SYDNEY)
    assert read_moment("14:00", late).date() == date(2026, 12, 2)
    assert read_moment("tomorrow 9am", late).utcoffset() == timedelta(hours=11)
    assert moment_label(read_moment("now", late), late) == "today, Wed 2 Dec 00:30"


def test_an_evening_in_new_york_is_not_moved_to_the_utc_day() -> None:
    evening = datetime(2026, 12, 1, 20, 0, tzinfo=NEW_YORK)  # 01:00 UTC on 2 December
    moment = read_moment("21:00", evening)
    assert moment == datetime(2026, 12, 1, 21, tzinfo=NEW_YORK)
    assert moment_label(moment, evening) == "today, Tue 1 Dec 21:00"
    # Seen from UTC, where it is already 2 December, it is on that day.
    assert moment_label(moment, evening.astimezone(UTC)) == "today, Wed 2 Dec 02:00"


def test_a_moment_across_a_clock_change_gets_that_days_offset() -> None:
    before = datetime(2026, 3, 7, 12, 0, tzinfo=NEW_YORK)  # summer time starts on 8 March
    assert read_moment("mon 9am", before).utcoffset() == timedelta(hours=-4)
    assert before.utcoffset() == timedelta(hours=-5)
    skipped = read_moment("tomorrow 2:30am", before)  # 02:30 does not exist that night
    assert skipped == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)


def test_an_iso_moment_with_an_offset_is_shown_in_nows_zone() -> None:
    evening = datetime(2026, 12, 1, 20, 0, tzinfo=SYDNEY)
    moment = read_moment("2026-12-01T09:00:00Z", evening)
    assert moment == datetime(2026, 12, 1, 20, tzinfo=SYDNEY)
    assert moment.tzinfo is SYDNEY
    assert read_moment("2026-12-01 09:00+01:00", NOW) == datetime(2026, 12, 1, 8, tzinfo=UTC)


def test_a_fixed_offset_now_gives_moments_at_that_offset() -> None:
    plus_one = timezone(timedelta(hours=1))
    assert read_moment("tomorrow 2pm", NOW.astimezone(plus_one)) == datetime(
        2026, 12, 2, 14, tzinfo=plus_one
    )


# --- Labels --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2026, 12, 9), "Wed 9 Dec"),
        (date(2026, 12, 1), "today, Tue 1 Dec"),
        (date(2026, 12, 2), "tomorrow, Wed 2 Dec"),
        (date(2026, 11, 30), "yesterday, Mon 30 Nov"),
        (date(2027, 1, 1), "Fri 1 Jan 2027"),
        (date(2025, 12, 25), "Thu 25 Dec 2025"),
    ],
)
def test_day_labels(value: date, expected: str) -> None:
    assert day_label(value, TODAY) == expected


def test_moment_labels() -> None:
    assert moment_label(datetime(2026, 12, 9, 14, tzinfo=UTC), NOW) == "Wed 9 Dec 14:00"
    assert moment_label(datetime(2027, 1, 4, 9, 5, tzinfo=UTC), NOW) == "Mon 4 Jan 2027 09:05"
