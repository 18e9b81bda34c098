"""The weekly review: what is late, what has gone quiet, what must wait, and a look at the week.

Built on the plan (domain.plan), so the review and the Today list never disagree. Pure: `now`
is passed in. The wording is calm and never promises an outcome.

Saved roles (not applied for yet) are out of its counts: not active, never quiet, not added
until applied for (`applied_at`); one nudge says how many are waiting to be applied for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from postinterview.domain.checklist import is_chase
from postinterview.domain.models import Application
from postinterview.domain.plan import (
    DEFAULT_PLAN_SETTINGS,
    ActionState,
    PlannedAction,
    PlanSettings,
    catalog_for,
    last_activity,
    plan_for,
)
from postinterview.domain.stages import Stage

WEEK = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class QuietApplication:
    """An open application with no sign of life for longer than the person's threshold."""

    application_id: str
    company: str
    role: str
    stage: Stage
    quiet_days: int
    """Whole days since `last_activity`."""
    last_activity: datetime


@dataclass(frozen=True, slots=True)
class WeekSummary:
    """What happened from `since` (7 days before now) up to now."""

    since: datetime
    added: int
    """Applications applied for (`applied_at`): created, or moved on from Saved."""
    interviews_held: int
    """Interviews that took place (not those still to come)."""
    stage_moves: int
    """Moves on the board, not counting where a new application started."""


@dataclass(frozen=True, slots=True)
class WeeklyReview:
    """Everything the weekly review shows, most pressing first."""

    overdue: list[PlannedAction]
    """Overdue actions across all applications (a closed one's courtesies too), oldest
    deadline first."""
    quiet: list[QuietApplication]
    """Open applications quiet for more than quiet_after_days, quietest first."""
    too_soon: list[PlannedAction]
    """Follow-ups that must wait (too soon after a contact, or before their date), soonest first."""
    active_count: int
    """Applications in active stages (open and applied for: not Saved)."""
    nudges: list[str]
    """Plain sentences about keeping the search going; empty when there is nothing to say."""
    summary: WeekSummary


def weekly_review(
    applications: Sequence[Application],
    now: datetime,
    settings: PlanSettings = DEFAULT_PLAN_SETTINGS,
    plans: Mapping[str, Sequence[PlannedAction]] | None = None,
) -> WeeklyReview:
    """The weekly review of `applications` at `now`; `plans` holds each application's plan
    by id where it is already computed."""
    open_ones = [a for a in applications if a.stage.is_active]
    known = plans or {}
    # Every application's plan, as Today and `due` show it: a closed one keeps its courtesies.
    actions = [
        action
        for a in applications
        for action in (known[a.id] if a.id in known else plan_for(a, now, settings))
    ]
    return WeeklyReview(
        overdue=_overdue(actions),
        quiet=_quiet(open_ones, now, settings.quiet_after_days),
        too_soon=_waiting_follow_ups(actions, settings),
        active_count=len(open_ones),
        nudges=_nudges(applications, len(open_ones), now, settings.active_target)
        + _saved_nudge(applications),
        summary=_summary(applications, now),
    )


def _overdue(actions: list[PlannedAction]) -> list[PlannedAction]:
    late = [a for a in actions if a.state == ActionState.OVERDUE]
    # Overdue actions always have both dates; `or` only satisfies the type checker.
    return sorted(late, key=lambda a: (a.overdue_at or a.opens_at, a.due_at or a.opens_at))


def _quiet(
    applications: list[Application], now: datetime, after_days: int
) -> list[QuietApplication]:
    quiet = []
    for application in applications:
        latest = last_activity(application)
        # Whole days, so the list never says "quiet for 14 days" against a threshold of 14.
        days = (now - latest).days
        if days > after_days:
            quiet.append(
                QuietApplication(
                    application_id=application.id,
                    company=application.company,
                    role=application.role,
                    stage=application.stage,
                    quiet_days=days,
                    last_activity=latest,
                )
            )
    return sorted(quiet, key=lambda q: (q.last_activity, q.company.casefold()))


def _waiting_follow_ups(
    actions: list[PlannedAction], settings: PlanSettings
) -> list[PlannedAction]:
    catalog = catalog_for(settings)
    waiting = [
        a
        for a in actions
        if a.state in (ActionState.TOO_SOON, ActionState.UPCOMING)
        and is_chase(catalog.item(a.item_id))
    ]
    return sorted(waiting, key=lambda a: a.not_before or a.opens_at)


def _plural(count: int, word: str) -> str:
    if count == 0:
        return f"no {word}s"
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _nudges(
    applications: Sequence[Application], active: int, now: datetime, target: int
) -> list[str]:
    nudges = []
    if active < target:
        nudges.append(
            f"You have {_plural(active, 'active application')}; your target is {target}. "
            "A few more in progress mean no single answer has to carry all your hopes."
        )
    held = [i.at for a in applications for i in a.interviews if i.at <= now]
    if held:
        last = max(held)
        applied = [moment for a in applications if (moment := applied_at(a)) is not None]
        if not any(moment > last for moment in applied):
            nudges.append(
                f"No application added since your last interview on {last:%a %d %b %Y}. "
                "Keep applying: nothing is settled until an offer is signed, and other "
                "options take the pressure off the wait."
            )
    return nudges


def _saved_nudge(applications: Sequence[Application]) -> list[str]:
    saved = sum(1 for a in applications if a.stage == Stage.SAVED)
    if not saved:
        return []
    roles = "1 saved role" if saved == 1 else f"{saved} saved roles"
    return [
        f"{roles} not applied for yet. Applying for one this week keeps the search moving; "
        "one you no longer want can go to Withdrawn."
    ]


def applied_at(application: Application) -> datetime | None:
    """When the application was applied for, as far as the record tells: its creation, or
    for one that started at Saved its first move on to an active stage. None while it is
    Saved, and for a saved role dropped without applying."""
    if application.stage == Stage.SAVED:
        return None
    history = application.stage_history
    if not history or history[0].to_stage != Stage.SAVED:
        return application.created_at
    return next((change.at for change in history if change.to_stage.is_active), None)


def _summary(applications: Sequence[Application], now: datetime) -> WeekSummary:
    since = now - WEEK

    def within(moment: datetime) -> bool:
        return since <= moment <= now

    return WeekSummary(
        since=since,
        added=sum(within(moment) for a in applications if (moment := applied_at(a)) is not None),
        interviews_held=sum(within(i.at) for a in applications for i in a.interviews),
        stage_moves=sum(
            # The first entry (no from_stage) is where the application started, not a move.
            within(change.at) and change.from_stage is not None
            for a in applications
            for change in a.stage_history
        ),
    )
