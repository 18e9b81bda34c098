"""The follow-up plan: from an application and the clock, what to do next and by when.

One place computes this; screens and the command line only display it. The actions are the
checklist catalog's items marked `in_plan`, timed by the catalog's own due rules (the person's
`[follow_up]` settings only replace its fallback days), done when ticked or when the record
shows them done (checklist.entry_state), and gone once their moment has passed (lapsed). The
one rule of its own here is about badgering: a chase (a follow-up) is held back (TOO_SOON)
until `min_days_between_chases` whole days after the last chase in the contact log. Nothing
else holds it back: a thank-you note or a call to the recruiter is not a chase.

Pure: no Textual, no storage, no clock (`now` is always passed in).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from functools import cache
from typing import Final

from postinterview.domain.checklist import (
    CatalogItem,
    ChecklistCatalog,
    ChecklistEntry,
    EntryState,
    build_checklist,
    entry_state,
    is_chase,
    load_checklist_catalog,
)
from postinterview.domain.evidence import note_matches
from postinterview.domain.interviews import (
    find_interview,
    is_upcoming,
    latest_held_interview,
    revise_interview,
)
from postinterview.domain.models import Application, Channel, Interview
from postinterview.domain.settings import (
    DEFAULT_ACTIVE_TARGET,
    DEFAULT_MIN_DAYS_BETWEEN_CHASES,
    DEFAULT_QUIET_AFTER_DAYS,
    Settings,
)
from postinterview.domain.ticks import tick_entry


class ActionState(StrEnum):
    """Where a planned action stands at a given moment."""

    UPCOMING = "upcoming"
    """Not open yet."""
    DUE = "due"
    """Open: worth doing now."""
    OVERDUE = "overdue"
    """Its deadline has passed."""
    DONE = "done"
    """Ticked off, or marked as not applying."""
    TOO_SOON = "too_soon"
    """Open by its date, but you chased them so recently that chasing again would badger."""


# Most urgent first: the order of plan_for's list.
_STATE_ORDER: Final = (
    ActionState.OVERDUE,
    ActionState.DUE,
    ActionState.TOO_SOON,
    ActionState.UPCOMING,
    ActionState.DONE,
)

_FROM_ENTRY: Final[Mapping[EntryState, ActionState]] = {
    EntryState.UPCOMING: ActionState.UPCOMING,
    EntryState.DUE: ActionState.DUE,
    EntryState.OVERDUE: ActionState.OVERDUE,
    EntryState.DONE: ActionState.DONE,
    EntryState.NOT_APPLICABLE: ActionState.DONE,
}


@dataclass(frozen=True, slots=True)
class PlannedAction:
    """One thing to do for one application, with its dates and its state at `now`."""

    application_id: str
    interview_id: str | None
    entry_id: str
    """The checklist entry id (key in Interview.checklist), e.g. 'thank-you:ana-ruiz'."""
    item_id: str
    """The catalog item id, e.g. 'thank-you'."""
    text: str
    """What to do, names filled in."""
    why: str
    opens_at: datetime
    due_at: datetime | None
    overdue_at: datetime | None
    state: ActionState
    not_before: datetime | None = None
    """For TOO_SOON: the earliest moment a contact stops being badgering; for a snoozed
    action (UPCOMING): when the snooze runs out; for a chase not open yet (UPCOMING) whose
    hold lasts past its opening: when the hold ends."""
    names: tuple[str, ...] = ()
    """The people the action is about (interviewer, referees or recruiter), if recorded."""
    timing_note: str | None = None
    """Where the sources disagree on its timing, one line saying so (catalog data)."""
    lapses_at: datetime | None = None
    """When it leaves the plan if still undone: its moment will have passed."""
    recorded_at: datetime | None = None
    """When the record shows it done without a tick (a logged contact, warned referees)."""


@dataclass(frozen=True, slots=True)
class PlanSettings:
    """The person's waiting times and review thresholds (see settings.FollowUpSettings)."""

    follow_up_days: int | None = None
    """None: the checklist catalog's fallback days for the follow-up rule."""
    follow_up_days_small: int | None = None
    follow_up_days_large: int | None = None
    min_days_between_chases: int = DEFAULT_MIN_DAYS_BETWEEN_CHASES
    quiet_after_days: int = DEFAULT_QUIET_AFTER_DAYS
    active_target: int = DEFAULT_ACTIVE_TARGET


DEFAULT_PLAN_SETTINGS: Final = PlanSettings()


def plan_settings(settings: Settings) -> PlanSettings:
    """The plan's settings from the `[follow_up]` table of settings.toml."""
    table = settings.follow_up
    return PlanSettings(
        follow_up_days=table.follow_up_days,
        follow_up_days_small=table.follow_up_days_small,
        follow_up_days_large=table.follow_up_days_large,
        min_days_between_chases=table.min_days_between_chases,
        quiet_after_days=table.quiet_after_days,
        active_target=table.active_target,
    )


def catalog_for(settings: PlanSettings = DEFAULT_PLAN_SETTINGS) -> ChecklistCatalog:
    """The checklist catalog with the person's follow-up days: use it for the checklist screen
    too, so that it and the plan always show the same dates."""
    return _catalog_with(
        settings.follow_up_days, settings.follow_up_days_small, settings.follow_up_days_large
    )


@cache
def _catalog_with(days: int | None, small: int | None, large: int | None) -> ChecklistCatalog:
    return load_checklist_catalog().with_fallbacks(days, small, large)


@cache
def _plan_catalog_with(days: int | None, small: int | None, large: int | None) -> ChecklistCatalog:
    """The catalog's in-plan items only. Building every item's entry and then dropping most of
    them was most of the cost of a board card (BENCHMARKS.md)."""
    full = _catalog_with(days, small, large)
    return full.model_copy(update={"items": [item for item in full.items if item.in_plan]})


def _require_aware(now: datetime) -> None:
    # A naive `now` would compare wrongly (or raise) against the aware record times.
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")


def last_chase(
    application: Application, chases: Sequence[CatalogItem], now: datetime
) -> datetime | None:
    """When you last chased them, as the contact log shows: an entry whose note a chase item
    would count (its own note or its done_when_logged words; see domain.evidence). A contact
    logged for later (a call booked for Friday) has not happened yet."""
    return max(
        (
            entry.at
            for entry in application.contact_log
            if entry.at <= now
            and any(
                note_matches(
                    entry.note,
                    item.done_when_logged or (),
                    item.logs_contact.note if item.logs_contact is not None else None,
                )
                for item in chases
            )
        ),
        default=None,
    )


def _action(
    application: Application,
    interview: Interview,
    entry: ChecklistEntry,
    chases: Sequence[CatalogItem] | None,
    now: datetime,
    settings: PlanSettings,
) -> PlannedAction | None:
    """The entry as an action at `now` (`chases`: the catalog's chase items, when the entry
    is one), or None once its moment has passed."""
    entry_now = entry_state(entry, interview.checklist, now)
    if entry_now is EntryState.LAPSED:
        return None
    state = _FROM_ENTRY[entry_now]
    not_before = None
    snoozed_until = interview.snoozed.get(entry.id)
    if snoozed_until is not None and now < snoozed_until and state is not ActionState.DONE:
        # Put off by the person: back among the open actions once the snooze runs out.
        return _planned(application, interview, entry, ActionState.UPCOMING, snoozed_until)
    chased = last_chase(application, chases, now) if chases else None
    if chased is not None and state is not ActionState.DONE:
        # Whole days, so the day it comes back is a day `due` and the calendar agree on.
        zone = interview.at.tzinfo
        day = chased.astimezone(zone).date() + timedelta(days=settings.min_days_between_chases)
        earliest = datetime.combine(day, time.min, tzinfo=zone)
        if state is ActionState.UPCOMING and earliest > entry.opens_at:
            not_before = earliest  # it will open into a hold: say when it really comes
        elif state is not ActionState.UPCOMING and now < earliest:
            state, not_before = ActionState.TOO_SOON, earliest
    return _planned(application, interview, entry, state, not_before)


def _planned(
    application: Application,
    interview: Interview,
    entry: ChecklistEntry,
    state: ActionState,
    not_before: datetime | None,
) -> PlannedAction:
    return PlannedAction(
        application_id=application.id,
        interview_id=interview.id,
        entry_id=entry.id,
        item_id=entry.item_id,
        text=entry.text,
        why=entry.why,
        opens_at=entry.opens_at,
        due_at=entry.due_at,
        overdue_at=entry.overdue_at,
        state=state,
        not_before=not_before,
        names=entry.names,
        timing_note=entry.timing_note,
        lapses_at=entry.lapses_at,
        recorded_at=entry.recorded_at,
    )


def _by_urgency(action: PlannedAction) -> tuple[int, bool, datetime, datetime]:
    # Undated actions go after dated ones; the placeholder only compares with other undated ones.
    return (
        _STATE_ORDER.index(action.state),
        action.due_at is None,
        action.due_at or action.opens_at,
        action.opens_at,
    )


def plan_for(
    application: Application, now: datetime, settings: PlanSettings = DEFAULT_PLAN_SETTINGS
) -> list[PlannedAction]:
    """Every action for one application, most urgent first.

    Order: overdue, due, too soon, upcoming, done; then by due date (undated last). Only the
    latest interview counts: a later round supersedes the earlier ones, whose thank-you notes
    and follow-ups are no longer the next step. No interview, no actions; a saved role (not
    applied for yet) has none either (checklist.fits_stage). A closed application
    keeps only the after-rejection courtesies (asking for feedback, thanking the recruiter).
    An action whose moment has passed undone (a thank-you note a week on) is left out. An
    upcoming interview (domain.upcoming) drives nothing until it has been held, and while
    one is booked nobody is chased for a decision.
    """
    _require_aware(now)
    interview = latest_held_interview(application, now)  # an upcoming one drives nothing yet
    if interview is None:
        return []
    catalog = _plan_catalog_with(
        settings.follow_up_days, settings.follow_up_days_small, settings.follow_up_days_large
    )
    chases = [item for item in catalog.items if is_chase(item)]
    actions = []
    booked = any(is_upcoming(other, now) for other in application.interviews)
    # build_checklist already leaves out what the stage rules out (checklist.fits_stage), so
    # the plan and the interview's checklist offer the same steps.
    for entry in build_checklist(application, interview, catalog):
        chase = is_chase(catalog.item(entry.item_id))
        if chase and booked:
            continue  # the next round is booked: asking how the decision goes would badger
        action = _action(application, interview, entry, chases if chase else None, now, settings)
        if action is not None:
            actions.append(action)
    return sorted(actions, key=_by_urgency)


def next_action(
    application: Application, now: datetime, settings: PlanSettings = DEFAULT_PLAN_SETTINGS
) -> PlannedAction | None:
    """The most urgent action not yet done, or None."""
    return next(
        (a for a in plan_for(application, now, settings) if a.state != ActionState.DONE), None
    )


def plan_all(
    applications: Iterable[Application],
    now: datetime,
    settings: PlanSettings = DEFAULT_PLAN_SETTINGS,
) -> list[PlannedAction]:
    """What to do now across every application: due and overdue actions, overdue first, then
    by due date (undated last). A closed one has only its courtesies (plan_for)."""
    _require_aware(now)
    actions = [
        action
        for application in applications
        for action in plan_for(application, now, settings)
        if action.state in (ActionState.DUE, ActionState.OVERDUE)
    ]
    return sorted(actions, key=_by_urgency)


def complete_action(
    application: Application,
    action: PlannedAction,
    now: datetime,
    channel: Channel | None = None,
) -> Application:
    """Tick `action` off, meaning what a tick means everywhere (ticks.tick_entry): a contact
    action is also written in the contact log, once.

    The log entry is what the no-badgering rule looks at: a follow-up made today holds back
    the next chase for a while (a thank-you note holds nothing back). `channel` overrides the
    usual one (a follow-up made by phone). Completing an action already done changes nothing,
    so a double press logs once.
    """
    if action.interview_id is None:
        raise ValueError("This action belongs to no interview, so there is nothing to tick.")
    return tick_entry(
        application, action.interview_id, action.entry_id, "done", now, channel=channel
    )


def snooze_action(
    application: Application, action: PlannedAction, until: datetime, now: datetime
) -> Application:
    """Put `action` off until `until`: it leaves Today and comes back then, undone."""
    _require_aware(until)
    if action.interview_id is None:
        raise ValueError("This action belongs to no interview, so it cannot be snoozed.")
    if until <= now:
        raise ValueError("A snooze must end in the future.")
    interview = find_interview(application, action.interview_id)
    snoozed = {**interview.snoozed, action.entry_id: until}
    return revise_interview(application, action.interview_id, {"snoozed": snoozed}, now)


def last_contact(application: Application) -> datetime | None:
    """When you were last in touch: the latest interview or contact-log entry, if any."""
    moments = [i.at for i in application.interviews] + [e.at for e in application.contact_log]
    return max(moments, default=None)


def last_activity(application: Application) -> datetime:
    """The latest sign of life: creation, a stage move, an interview, a contact, or the person
    choosing to keep waiting."""
    moments = [application.created_at]
    moments += [change.at for change in application.stage_history]
    moments += [interview.at for interview in application.interviews]
    moments += [entry.at for entry in application.contact_log]
    if application.quiet_acknowledged_at is not None:
        moments.append(application.quiet_acknowledged_at)
    return max(moments)
