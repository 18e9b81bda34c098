"""The calendar days a planned action belongs on."""

from __future__ import annotations

from datetime import date

from postinterview.domain.days import last_day, local_day
from postinterview.domain.plan import PlannedAction


def action_days(action: PlannedAction, today: date) -> tuple[date, date]:
    """The first and last day an action belongs on a calendar: the days `postinterview due`
    will list it, as far as the record tells on `today`.

    From the day it opens, or comes back (a chase held back, a snooze), and `today` at the
    earliest, to its last day (the day of its deadline). Without a deadline, or once past
    it, the first day only: `due` lists it every day until it is done, and a calendar event
    cannot run "until done".
    """
    first = max(today, local_day(action.opens_at))
    if action.not_before is not None:
        first = max(first, local_day(action.not_before))
    last = last_day(action.due_at) if action.due_at is not None else first
    return first, max(first, last)
