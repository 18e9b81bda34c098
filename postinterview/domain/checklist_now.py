"""What of an interview's checklist can still be done now, and the entry it opens on.

"Before you leave" steps belong to the interview itself: once it is over they cannot be done
any more, so they are kept on screen as advice for next time but neither counted nor offered
first. When a moment has passed is the due rule's (`lapses_when_over`, `lapses_after_hours`:
EntryState.LAPSED), the same for the plan and every checklist view; this module only reads it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from postinterview.domain.checklist import (
    ChecklistEntry,
    ChecklistProgress,
    EntryState,
    ItemKind,
    checklist_progress,
    checklist_states,
)
from postinterview.domain.models import ChecklistMark, Interview

OPEN_STATES = (EntryState.DUE, EntryState.OVERDUE)
"""Unmarked entries that are open now."""

States = Sequence[tuple[ChecklistEntry, EntryState]]


def past_entries(states: States, interview: Interview, now: datetime) -> frozenset[str]:
    """Ids of the entries whose moment has passed unmarked (EntryState.LAPSED): "before you
    leave" steps once the interview is over (the catalog's `lapses_when_over`), a thank-you
    note weeks later. A step marked done or not applicable keeps its mark and its count."""
    return frozenset(entry.id for entry, state in states if state is EntryState.LAPSED)


def doable_progress(
    entries: Iterable[ChecklistEntry],
    marks: Mapping[str, ChecklistMark],
    now: datetime,
    past: frozenset[str],
) -> ChecklistProgress:
    """The checklist's progress counting only what can still be done (the past left out)."""
    return checklist_progress([e for e in entries if e.id not in past], marks, now)


def progress_now(
    entries: Sequence[ChecklistEntry], interview: Interview, now: datetime
) -> ChecklistProgress:
    """`doable_progress` of `interview`'s checklist at `now`, in one call."""
    states = checklist_states(entries, interview.checklist, now)
    return doable_progress(entries, interview.checklist, now, past_entries(states, interview, now))


def is_to_do_now(entry: ChecklistEntry, state: EntryState) -> bool:
    """What the checklist counts as "to do now" or overdue: a do open now with a deadline,
    or one past its deadline. Undated advice is open for good and never pressing."""
    if state is EntryState.OVERDUE:
        return True
    return state is EntryState.DUE and entry.kind is ItemKind.DO and entry.due_at is not None


def first_to_do(states: States, past: frozenset[str]) -> str | None:
    """The entry the checklist opens on: the first to do now (overdue or due, in list
    order), else the first still open, else the first not yet marked; None if all are."""
    current = [(entry, state) for entry, state in states if entry.id not in past]
    for wanted in (
        lambda e, s: is_to_do_now(e, s),
        lambda e, s: s in OPEN_STATES,
        lambda e, s: s is EntryState.UPCOMING,
    ):
        found = next((entry.id for entry, state in current if wanted(entry, state)), None)
        if found is not None:
            return found
    return None
