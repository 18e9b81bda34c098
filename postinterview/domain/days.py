"""Calendar days of the moments the plan works with, in the person's local time zone."""

from __future__ import annotations

from datetime import date, datetime, timedelta


def local_day(moment: datetime) -> date:
    """The local calendar day `moment` falls on."""
    return moment.astimezone().date()


def last_day(deadline: datetime) -> date:
    """The last local day before `deadline`.

    Deadlines are the midnight that ends a day (see checklist.due_window): a note due by
    2026-11-17 00:00 must be sent on Monday the 16th; naming the 17th gives a day too many.
    """
    return local_day(deadline - timedelta(microseconds=1))
