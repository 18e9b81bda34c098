"""The stages an application moves through, and which moves make sense.

The order here is the order of the pipeline board's columns.
"""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    """Where an application stands. Values are what the TOML files hold."""

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


_LABELS: dict[Stage, str] = {
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
    Stage.APPLIED,
    Stage.SCREENING,
    Stage.INTERVIEWING,
    Stage.AWAITING_DECISION,
    Stage.OFFER,
)
CLOSED_STAGES: frozenset[Stage] = frozenset(
    {Stage.ACCEPTED, Stage.REJECTED, Stage.WITHDRAWN, Stage.NO_REPLY}
)


def move_refusal(current: Stage, target: Stage) -> str | None:
    """Why moving from `current` to `target` is refused, or None when the move is allowed.

    The rules stay permissive on purpose: real hiring goes backwards (a second screen) and
    closed applications come back (a company reconsiders), so only moves that cannot be
    true are refused.
    """
    if current == target:
        return f"It is already at {current.label}."
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
