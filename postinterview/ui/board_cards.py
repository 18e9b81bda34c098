"""What one card of the board says, computed without Textual (so it is unit-tested and can be
computed for thousands of applications in a worker thread).

A card is a snapshot: company, role, how long since the last interview or contact, the next
action from the plan with its due date and state, the next interview if one is coming up, and
the signal reading where there is one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from postinterview.domain.models import Application
from postinterview.domain.plan import (
    ActionState,
    PlannedAction,
    PlanSettings,
    last_activity,
    last_contact,
)
from postinterview.domain.plan import next_action as plan_next_action
from postinterview.domain.search import fold, matches, search_text
from postinterview.domain.signals import SignalsCatalog
from postinterview.domain.stages import Stage
from postinterview.domain.upcoming import next_interview
from postinterview.formatting import READ_ONLY_NOTE
from postinterview.ui.signal_text import application_pair
from postinterview.workspace.derived import Derivation

STATE_RANK: Mapping[ActionState | None, int] = {
    ActionState.OVERDUE: 0,
    ActionState.DUE: 1,
    ActionState.TOO_SOON: 2,
    ActionState.UPCOMING: 3,
    None: 4,
}
"""Cards whose next action needs doing sort to the top of their column."""


@dataclass(frozen=True, slots=True)
class BoardCard:
    """One application as the board shows it."""

    app_id: str
    company: str
    role: str
    stage: Stage
    days_since_contact: int | None
    """Whole days since the last interview or logged contact; None if neither has happened."""
    days_since_added: int
    """Whole days since the application was recorded (or sent, if that date is known)."""
    next_action: str
    """What to do next, or "" when the plan has nothing open."""
    next_due: datetime | None
    """When the next action is due (or, when too soon, the earliest sensible moment)."""
    next_state: ActionState | None
    """The state of the next action; None when there is none."""
    score: int | None
    """The signal reading of the latest answered interview; None if none was answered."""
    last_activity: datetime
    """The latest change of any kind, for ordering and the weekly review."""
    search_text: str
    """Every text the person wrote in the application, folded (domain.search)."""
    next_interview: datetime | None = None
    """When the next upcoming interview starts; None when none is coming up."""
    read_only: bool = False
    """A newer postinterview wrote the file: it is shown, and cannot be changed here. (Not
    derived from the application, which does not know where it came from: the board marks the
    card from the workspace's record.)"""

    def as_read_only(self) -> BoardCard:
        """This card, marked as one that cannot be changed (and found by filtering for it)."""
        marked = f"{self.search_text}\n{fold(READ_ONLY_NOTE)}"
        return replace(self, read_only=True, search_text=marked)

    def matches(self, query: str) -> bool:
        """True when every word of `query` appears in something the person wrote in the
        application (case and accents ignored)."""
        return matches(self.search_text, query)

    @property
    def sort_key(self) -> tuple[int, float, float]:
        """Most pressing first; then the earliest due; then the most recently active."""
        due = self.next_due.timestamp() if self.next_due is not None else float("inf")
        return STATE_RANK[self.next_state], due, -self.last_activity.timestamp()


def card_for(
    application: Application,
    now: datetime,
    settings: PlanSettings,
    catalog: SignalsCatalog,
    weights: Mapping[str, float] | None = None,
    plan: Sequence[PlannedAction] | None = None,
) -> BoardCard:
    """The card of one application at `now`; `plan` is its plan, if already computed."""
    contact = last_contact(application)
    if contact is not None and contact > now:  # an upcoming interview is no contact yet
        contact = _held_contact(application, now)
    coming = next_interview(application, now)
    if plan is None:
        action = plan_next_action(application, now, settings)
    else:
        action = next((a for a in plan if a.state is not ActionState.DONE), None)
    pair = application_pair(application, catalog, weights)
    due = None
    if action is not None:
        due = action.not_before if action.state is ActionState.TOO_SOON else action.due_at
    return BoardCard(
        app_id=application.id,
        company=application.company,
        role=application.role,
        stage=application.stage,
        days_since_contact=(now - contact).days if contact is not None and contact <= now else None,
        days_since_added=_days_since_added(application, now),
        next_action=action.text if action is not None else "",
        next_due=due,
        next_state=action.state if action is not None else None,
        score=pair[0] if pair is not None else None,
        last_activity=last_activity(application),
        search_text=search_text(application),
        next_interview=coming.at if coming is not None else None,
    )


def _held_contact(application: Application, now: datetime) -> datetime | None:
    """The latest interview or logged contact that has happened by `now`."""
    moments = [i.at for i in application.interviews] + [e.at for e in application.contact_log]
    return max((moment for moment in moments if moment <= now), default=None)


CARD = Derivation[BoardCard](
    "card",
    lambda application, context, plan: card_for(
        application, context.now, context.plan, context.signals, context.weights, plan
    ),
)
"""A board card, derived once per revision of its application (see workspace.derived)."""


def _days_since_added(application: Application, now: datetime) -> int:
    # A saved role's date is when it was saved (applied_on, if set, is a plan or a guess).
    if application.applied_on is not None and application.stage != Stage.SAVED:
        return max(0, (now.astimezone().date() - application.applied_on).days)
    return max(0, (now - application.created_at).days)


def board_status(cards: Sequence[BoardCard], show_closed: bool, query: str) -> str:
    """The board's line of figures: active, saved (when any), overdue, closed (and whether they
    are shown), and what the filter leaves."""
    active = sum(1 for card in cards if card.stage.is_active)
    saved = sum(1 for card in cards if card.stage == Stage.SAVED)
    closed = sum(1 for card in cards if card.stage.is_closed)
    overdue = sum(1 for card in cards if card.next_state is ActionState.OVERDUE)
    fold = "c folds them" if show_closed else "c shows them"
    parts = [f"{active} active", *([f"{saved} saved"] if saved else [])]
    parts += [f"{overdue} overdue", f"{closed} closed ({fold})"]
    if query:
        shown = sum(1 for card in cards if card.matches(query))
        parts.append(f"filter “{query}”: {shown} shown (escape clears)")
    return "  ·  ".join(parts)


EMPTY_BOARD = (
    "[b]No applications yet.[/b]\n\n"
    "Press [b]n[/b] to add one, or [b]i[/b] right after an interview. Each application gets a "
    "card here, in the column of its stage."
)
"""What the board says on an empty folder (markup)."""


FILTER_HINT = "Filter: anything you wrote (notes, reflections, people, contact log)"
"""What the filter box of the board and of the list says it searches."""
