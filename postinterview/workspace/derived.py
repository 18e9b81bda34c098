"""What is derived from one record (its plan, a board card, a signal reading), computed once
per revision of the record, per version of the settings, and per stretch of time in which the
plan cannot change by itself.

A view registers what it derives as a `Derivation` and asks the workspace for it; every view
asking for the same thing of the same record gets the one value computed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Generic, TypeVar

from postinterview.domain.models import Application
from postinterview.domain.plan import PlannedAction, PlanSettings
from postinterview.domain.signals import SignalsCatalog

T = TypeVar("T")


@dataclass(frozen=True)
class Context:
    """Everything besides the record that a derived value may depend on."""

    now: datetime
    """The moment it is computed for."""
    plan: PlanSettings
    """The person's follow-up settings."""
    signals: SignalsCatalog
    """The signals catalog."""
    weights: Mapping[str, float]
    """The person's valid signal weight overrides."""


@dataclass(frozen=True)
class Derivation(Generic[T]):
    """A named value computed from one application and the context."""

    name: str
    """Unique per kind of value (e.g. "card")."""
    compute: Callable[[Application, Context, list[PlannedAction]], T]
    """From the application, the context and the application's plan (computed first, as
    nearly everything shown of an application starts from it)."""


@dataclass
class DerivedEntry:
    """The values derived from one revision of one record, and until when they hold."""

    revision: str
    generation: int
    """The settings' version they were computed with."""
    valid_until: datetime
    """The first moment at which the plan (and so anything shown from it) may change."""
    plan: list[PlannedAction]
    """The record's plan, which every other value may start from."""
    values: dict[str, object] = field(default_factory=dict)

    def holds(self, revision: str, generation: int, now: datetime) -> bool:
        """Whether these values still describe the record at `now`."""
        return (
            self.revision == revision and self.generation == generation and now < self.valid_until
        )


def next_local_midnight(now: datetime) -> datetime:
    """Day counts ("3d since contact") and deadlines by the day change at local midnight."""
    local = now.astimezone()
    return datetime.combine(local.date() + timedelta(days=1), time.min, tzinfo=local.tzinfo)


def valid_until(actions: Iterable[PlannedAction], now: datetime) -> datetime:
    """The first moment after `now` at which one of `actions` changes state by itself: an
    action opens, falls due, turns overdue, comes back from a snooze, lapses or is shown done
    by a contact logged for later; at the latest, the next local midnight."""
    moments = [next_local_midnight(now)]
    for action in actions:
        for moment in (
            action.opens_at,
            action.due_at,
            action.overdue_at,
            action.not_before,
            action.lapses_at,
            action.recorded_at,
        ):
            if moment is not None and moment > now:
                moments.append(moment)
    return min(moments)
