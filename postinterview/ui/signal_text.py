"""Words and numbers for the Signals screen, computed without Textual (so they are unit-tested).

- why the record suggests a signal ("ran 60 min of a planned 45");
- an application's outcome for the history summary, from its stage;
- the (score, outcome) pair one application contributes to that summary;
- the summary as sentences that describe the past and promise nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from postinterview.domain.models import Application, Interview
from postinterview.domain.signals import (
    HistorySummary,
    Outcome,
    Signal,
    SignalsCatalog,
    score_signals,
)
from postinterview.domain.stages import Stage
from postinterview.formatting import one_line
from postinterview.workspace.derived import Derivation

OUTCOME_OF_STAGE: Mapping[Stage, Outcome] = {
    Stage.OFFER: Outcome.OFFER,
    Stage.ACCEPTED: Outcome.OFFER,
    Stage.REJECTED: Outcome.REJECTED,
    Stage.WITHDRAWN: Outcome.OTHER_CLOSED,
    Stage.NO_REPLY: Outcome.OTHER_CLOSED,
}
"""Stages that settle an outcome; every other stage is still open."""

HistoryPair = tuple[int, Outcome]
"""One application's reading (0-100) and how it ended."""


def outcome_of(stage: Stage) -> Outcome:
    """Offer/accepted: offer; rejected: rejected; withdrawn/no reply: other closed; else open."""
    return OUTCOME_OF_STAGE.get(stage, Outcome.OPEN)


def suggestion_reason(signal: Signal, interview: Interview) -> str:
    """What in the record suggests `signal`, in a few words; "" when nothing does."""
    fact = signal.inferred_from
    planned, actual = interview.planned_minutes, interview.actual_minutes
    if fact == "ran_long" and planned is not None and actual is not None and actual > planned:
        return f"ran {actual} min of a planned {planned}"
    if fact == "several_interviewers" and len(interview.interviewers) > 1:
        names = ", ".join(person.name for person in interview.interviewers)
        return one_line(f"you met {len(interview.interviewers)} people: {names}", 60)
    if fact == "next_steps_known":
        if interview.decision_expected_on is not None:
            return f"they said they would decide by {interview.decision_expected_on:%a %d %b}"
        if interview.next_steps.strip():
            return one_line(f"next steps noted: {interview.next_steps}", 60)
    if fact == "references_requested" and interview.references_requested:
        return "you noted that they asked for references"
    return ""


def application_pair(
    application: Application,
    catalog: SignalsCatalog,
    weights: Mapping[str, float] | None = None,
    answers: Mapping[str, Mapping[str, bool]] | None = None,
) -> HistoryPair | None:
    """The reading of the application's latest interview with any answer, with its outcome.

    One pair per application, so an application with three interviews is not counted three
    times. `answers` replaces the stored answers of interviews by id (what is on screen now).
    None when no interview has an answer.
    """
    answers = answers or {}
    answered = [
        (interview.at, answers.get(interview.id, interview.signals))
        for interview in application.interviews
    ]
    latest = max((pair for pair in answered if pair[1]), key=lambda pair: pair[0], default=None)
    if latest is None:
        return None
    score = score_signals(latest[1], catalog, weights).score
    return score, outcome_of(application.stage)


READING = Derivation[HistoryPair | None](
    "reading",
    lambda application, context, _: application_pair(application, context.signals, context.weights),
)
"""An application's signal reading with its outcome, derived once per revision."""


def history_pairs(
    applications: Iterable[Application],
    catalog: SignalsCatalog,
    weights: Mapping[str, float] | None = None,
) -> list[HistoryPair]:
    """The pairs of every application that has a reading."""
    pairs = (application_pair(app, catalog, weights) for app in applications)
    return [pair for pair in pairs if pair is not None]


def history_lines(summary: HistorySummary, middle: int) -> list[str]:
    """The summary as short sentences: counts, what was left out, and the small-sample caution."""
    above, below = summary.at_or_above, summary.below
    decided = above.cases + below.cases
    lines: list[str] = []
    if decided == 0:
        lines.append(
            "No application with a reading has ended in an offer or a rejection yet. Once some "
            "have, this shows how your readings and the outcomes lined up."
        )
    else:
        lines.append(f"Readings of {middle} or more: {_side(above.offers, above.cases)}")
        lines.append(f"Readings under {middle}: {_side(below.offers, below.cases)}")
    if summary.not_counted:
        lines.append(
            f"{_count(summary.not_counted, 'application')} with a reading "
            f"{'is' if summary.not_counted == 1 else 'are'} still open or closed another way "
            "(withdrawn, no reply): not counted."
        )
    if summary.caution:
        lines.append(summary.caution)
    if decided:
        lines.append("This describes your past applications; it does not forecast this one.")
    return lines


def _side(offers: int, cases: int) -> str:
    if cases == 0:
        return "no decided cases yet."
    return f"{offers} of {_count(cases, 'decided case')} ended in an offer."


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
