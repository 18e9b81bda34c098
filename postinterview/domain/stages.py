"""The stages an application moves through, and which moves make sense.

The order here is the order of the pipeline board's columns.

Saved comes first: a role kept to apply for later (a tracker's wishlist). It is open (on the
board, never folded, not closed) but not yet applied for, so it is not *active*: it has no
follow-up plan, it never goes quiet, and the weekly review leaves it out of its counts. Leaving
Saved for an active stage is the moment of applying (editing.move_stage dates it).
"""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    """Where an application stands. Values are what the TOML files hold."""

    SAVED = "saved"
    APPLIED = "applied"
    SCREENING = "screening"
    INTERVIEWING = "interviewing"
    AWAITING_DECISION = "awaiting_decision"
    OFFER = "offer"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    NO_REPLY = "no_reply"

    @property
    def label(self) -> str:
        """The name shown to people."""
        return _LABELS[self]

    @property
    def is_closed(self) -> bool:
        """True for the stages that end an application."""
        return self in CLOSED_STAGES

    @property
    def is_active(self) -> bool:
        """True for the stages of an application applied for and still open."""
        return self in ACTIVE_STAGES


_LABELS: dict[Stage, str] = {
    Stage.SAVED: "Saved",
    Stage.APPLIED: "Applied",
    Stage.SCREENING: "Screening",
    Stage.INTERVIEWING: "Interviewing",
    Stage.AWAITING_DECISION: "Awaiting decision",
    Stage.OFFER: "Offer",
    Stage.ACCEPTED: "Accepted",
    Stage.REJECTED: "Rejected",
    Stage.WITHDRAWN: "Withdrawn",
    Stage.NO_REPLY: "No reply",
}

STAGE_ORDER: tuple[Stage, ...] = tuple(Stage)
OPEN_STAGES: tuple[Stage, ...] = (
    Stage.SAVED,
    Stage.APPLIED,
    Stage.SCREENING,
    Stage.INTERVIEWING,
    Stage.AWAITING_DECISION,
    Stage.OFFER,
)
ACTIVE_STAGES: tuple[Stage, ...] = OPEN_STAGES[1:]
"""The open stages once applied: what counts as an application in progress."""
CLOSED_STAGES: frozenset[Stage] = frozenset(
    {Stage.ACCEPTED, Stage.REJECTED, Stage.WITHDRAWN, Stage.NO_REPLY}
)


def move_refusal(current: Stage, target: Stage) -> str | None:
    """Why moving from `current` to `target` is refused, or None when the move is allowed.

    The rules stay permissive on purpose: real hiring goes backwards (a second screen) and
    closed applications come back (a company reconsiders), so only moves that cannot be
    true are refused. Saved is the one exception to going backwards: a role applied for
    cannot be un-applied for, so only Applied may go back to it (a move made too early);
    and a role never applied for has no reply to wait for.
    """
    if current == target:
        return f"It is already at {current.label}."
    if target == Stage.SAVED and current != Stage.APPLIED:
        return "Saved is for roles not applied for yet: only Applied can go back to it."
    if current == Stage.SAVED and target == Stage.NO_REPLY:
        return "Nothing was sent, so there is no reply to wait for: Withdrawn drops the role."
    if target == Stage.ACCEPTED and current != Stage.OFFER:
        return "Only an offer can be accepted: move it to Offer first."
    if current == Stage.ACCEPTED and target != Stage.WITHDRAWN:
        return "An accepted offer can only be withdrawn from."
    return None


def allowed_targets(current: Stage) -> list[Stage]:
    """Every stage `current` may move to, in board order."""
    return [stage for stage in STAGE_ORDER if move_refusal(current, stage) is None]


def neighbour(current: Stage, step: int) -> Stage | None:
    """The stage `step` places along the board from `current`, or None past either end."""
    index = STAGE_ORDER.index(current) + step
    if 0 <= index < len(STAGE_ORDER):
        return STAGE_ORDER[index]
    return None
