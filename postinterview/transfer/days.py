"""The calendar day a planned action belongs on."""

from __future__ import annotations

from datetime import date

from postinterview.domain.days import last_day, local_day
from postinterview.domain.plan import PlannedAction


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
