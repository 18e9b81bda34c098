"""Calendar days of the moments the plan works with, in the person's local time zone."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from postinterview.domain.plan import PlannedAction


def local_day(moment: datetime) -> date:
    """The local calendar day `moment` falls on."""
    return moment.astimezone().date()


def last_day(deadline: datetime) -> date:
    """The last local day before `deadline`.

    Deadlines are the midnight that ends a day: a note due by 2026-11-17 00:00 must be sent on
    Monday the 16th (the same rule as postinterview.ui.formatting.deadline_day).
    """
    return local_day(deadline - timedelta(microseconds=1))


def action_day(action: PlannedAction, today: date) -> date:
    """The day an action belongs on a calendar.

    Its last day when it has a deadline (in the past if it is overdue). Without a deadline,
    the day it opens, or `today` if it is open already: an open action with no deadline is
    worth doing now. An action held back (a chase too soon after a contact, or one the person
    snoozed) goes no earlier than the day it comes back.
    """
    if action.due_at is not None:
        day = last_day(action.due_at)
    else:
        day = max(local_day(action.opens_at), today)
    if action.not_before is not None:
        return max(day, local_day(action.not_before))
    return day
