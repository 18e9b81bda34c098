"""The clock, passed into the app so tests and the domain never read the real time themselves.

The one place the current time comes from. `$POSTINTERVIEW_NOW` (an ISO 8601 date and time
with its offset, e.g. `2026-11-20T15:30:00+00:00`) freezes it: it exists for tests and for
reproducible demos and screenshots, not for everyday use.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from datetime import UTC, datetime

Clock = Callable[[], datetime]
"""Returns the current time, timezone-aware."""

NOW_ENV = "POSTINTERVIEW_NOW"
"""Environment variable that fixes the current time (for tests)."""


class ClockError(ValueError):
    """`$POSTINTERVIEW_NOW` holds something that is not an aware ISO 8601 date and time."""


def system_clock() -> datetime:
    """Now, in UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0)  # whole seconds read better in the files


def fixed_clock(moment: datetime) -> Clock:
    """A clock that always says `moment` (which must be timezone-aware)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ClockError(f"{moment.isoformat()} has no time zone offset")
    return lambda: moment


def clock_from_env(environ: Mapping[str, str] | None = None) -> Clock:
    """The system clock, or a fixed one when `$POSTINTERVIEW_NOW` is set (for tests)."""
    env = os.environ if environ is None else environ
    value = env.get(NOW_ENV, "").strip()
    if not value:
        return system_clock
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise ClockError(
            f"${NOW_ENV} is {value!r}, not an ISO 8601 date and time such as "
            "2026-11-20T15:30:00+00:00"
        ) from error
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ClockError(f"${NOW_ENV} is {value!r}: give its offset, e.g. {value}+00:00")
    return fixed_clock(moment)
