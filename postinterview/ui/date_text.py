"""Days and times typed in the app's fields, read in the machine's local time zone.

The domain's reader (`domain/dates.py`) reads in the zone of the `now` it is given; here
that zone is the machine's, with its clock changes (`datetime.astimezone()` alone gives a
fixed offset, today's, which is an hour out for a moment on the far side of a change).
Moments come back with a plain local offset, as the app has always stored them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo

from postinterview.domain.dates import Prefer, day_label, moment_label, read_day, read_moment

HINT_ARROW = "→"
"""What starts a hint: what the text was read as."""


class _SystemZone(tzinfo):
    """The machine's local time zone, asked afresh for each moment (so DST is right)."""

    def utcoffset(self, moment: datetime | None) -> timedelta | None:
        if moment is None:
            return None
        return moment.replace(tzinfo=None).astimezone().utcoffset()

    def dst(self, moment: datetime | None) -> timedelta | None:
        return None

    def tzname(self, moment: datetime | None) -> str | None:
        if moment is None:
            return None
        return moment.replace(tzinfo=None).astimezone().tzname()

    def fromutc(self, moment: datetime) -> datetime:
        local = moment.replace(tzinfo=UTC).astimezone()
        return local.replace(tzinfo=self)


SYSTEM_ZONE = _SystemZone()


def local_now(now: datetime) -> datetime:
    """`now` in the machine's local time zone (with its clock changes)."""
    return now.astimezone(SYSTEM_ZONE)


def local_today(now: datetime) -> date:
    """The local calendar day `now` falls on."""
    return local_now(now).date()


def read_local_day(text: str, now: datetime, prefer: Prefer) -> date:
    """The day typed, counted from the local today; DateRefused why not."""
    return read_day(text, local_today(now), prefer)


def read_local_moment(
    text: str, now: datetime, prefer: Prefer, default_time: time | None = None
) -> datetime:
    """The moment typed in local time, with its local offset; DateRefused why not."""
    moment = read_moment(text, local_now(now), prefer, default_time)
    return moment.astimezone(UTC).astimezone()


def day_hint(day: date, today: date) -> str:
    """'→ Wed 9 Dec': what a day field understood."""
    return f"{HINT_ARROW} {day_label(day, today)}"


def local_moment_label(moment: datetime, now: datetime) -> str:
    """'tomorrow, Wed 2 Dec 14:00', in local time."""
    return moment_label(moment.astimezone(SYSTEM_ZONE), local_now(now))


def moment_hint(moment: datetime, now: datetime) -> str:
    """'→ tomorrow, Wed 2 Dec 14:00': what a date-and-time field understood."""
    return f"{HINT_ARROW} {local_moment_label(moment, now)}"
