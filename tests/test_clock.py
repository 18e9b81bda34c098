"""Where the current time comes from: the system, or $POSTINTERVIEW_NOW in tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from postinterview.clock import NOW_ENV, ClockError, clock_from_env, system_clock


def test_without_the_variable_the_system_clock_is_used() -> None:
    assert clock_from_env({}) is system_clock
    assert clock_from_env({NOW_ENV: "  "}) is system_clock


def test_the_variable_fixes_the_time_with_its_offset() -> None:
    clock = clock_from_env({NOW_ENV: "2026-11-20T15:30:00+09:00"})
    assert clock() == datetime(2026, 11, 20, 15, 30, tzinfo=timezone(timedelta(hours=9)))
    assert clock() == clock()
    assert clock_from_env({NOW_ENV: "2026-11-20T15:30:00Z"})() == datetime(
        2026, 11, 20, 15, 30, tzinfo=UTC
    )


@pytest.mark.parametrize(
    ("value", "reason"),
    [("2026-11-20T15:30:00", "give its offset"), ("tomorrow", "not an ISO 8601")],
)
def test_a_time_without_offset_or_not_a_time_is_refused(value: str, reason: str) -> None:
    with pytest.raises(ClockError, match=reason):
        clock_from_env({NOW_ENV: value})
