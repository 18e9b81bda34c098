"""Days and times typed in the app's fields are read in the machine's local time zone."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta

import pytest

from postinterview.ui.date_text import (
    day_hint,
    local_today,
    moment_hint,
    read_local_day,
    read_local_moment,
)
from tests.conftest import FIXED_NOW


def local_zone(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv("TZ", name)
    time.tzset()


def test_an_early_morning_in_sydney_is_that_local_day(monkeypatch: pytest.MonkeyPatch) -> None:
    local_zone(monkeypatch, "Australia/Sydney")
    # FIXED_NOW is Friday 20 November 15:30 UTC: in Sydney it is already Saturday, 02:30.
    assert local_today(FIXED_NOW) == date(2026, 11, 21)
    assert read_local_day("today", FIXED_NOW, "past") == date(2026, 11, 21)
    assert read_local_day("fri", FIXED_NOW, "past") == date(2026, 11, 20)
    moment = read_local_moment("yesterday 22:00", FIXED_NOW, "past")
    assert moment == datetime(2026, 11, 20, 11, 0, tzinfo=UTC)
    assert moment.utcoffset() == timedelta(hours=11)
    assert moment_hint(moment, FIXED_NOW) == "→ yesterday, Fri 20 Nov 22:00"
    assert day_hint(date(2026, 11, 21), local_today(FIXED_NOW)) == "→ today, Sat 21 Nov"


def test_an_evening_in_new_york_is_not_the_next_utc_day(monkeypatch: pytest.MonkeyPatch) -> None:
    local_zone(monkeypatch, "America/New_York")
    evening = datetime(2026, 11, 21, 1, 0, tzinfo=UTC)  # 20:00 on Friday 20 November there
    assert local_today(evening) == date(2026, 11, 20)
    moment = read_local_moment("14:00", evening, "past")
    assert moment == datetime(2026, 11, 20, 19, 0, tzinfo=UTC)
    assert moment_hint(moment, evening) == "→ today, Fri 20 Nov 14:00"


def test_a_moment_beyond_a_clock_change_gets_the_offset_of_its_own_day(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    local_zone(monkeypatch, "America/New_York")
    saturday = datetime(2026, 3, 7, 17, 0, tzinfo=UTC)  # noon, winter time (-5)
    monday = read_local_moment("mon 9am", saturday, "future")  # summer time from the 8th
    assert monday == datetime(2026, 3, 9, 13, 0, tzinfo=UTC)
    assert monday.utcoffset() == timedelta(hours=-4)
    assert moment_hint(monday, saturday) == "→ Mon 9 Mar 09:00"
