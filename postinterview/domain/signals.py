"""The "positive signals" catalog and the pure scorer.

The catalog is data (`postinterview/content/signals.toml`): the signs people commonly notice after
an interview that went well, each with a weight; reassurances (things that are not bad signs by
themselves); a few mild cautions that are not from the source articles; and the names of score
bands. This module validates that data, suggests which signals the interview record hints at,
turns what the person noticed into a 0-100 reading with its reasons, checks custom weights, and
summarises a person's own history of readings against outcomes.

Nothing here touches Textual, the clock or any file except the packaged catalog. A reading is
never a promise: every result carries a sentence of what it does not mean.
"""

from __future__ import annotations

import functools
import math
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from postinterview.domain.catalog_files import read_packaged_text
from postinterview.domain.models import Interview

CATALOG_FILE = "signals.toml"
"""The catalog's file name inside the `postinterview.content` package."""

MAX_CATALOG_WEIGHT = 10.0
"""The largest weight the catalog itself may give a signal or caution."""
MAX_OVERRIDE_WEIGHT = 100.0
"""The largest custom weight accepted; anything above is treated as a typing mistake."""

MIDDLE_SCORE = 50
"""History summaries split readings at this score: at or above versus below."""
MIN_CASES_PER_SIDE = 5
"""Fewer decided cases than this on either side earns the small-sample caution."""

Fact = Literal["ran_long", "several_interviewers", "next_steps_known", "references_requested"]
"""A fact of the interview record that hints at a signal."""

_ID_PATTERN = r"^[a-z][a-z0-9_]*$"

Weight = Annotated[float, Field(gt=0, le=MAX_CATALOG_WEIGHT)]
"""A catalog weight: more than nothing, at most `MAX_CATALOG_WEIGHT`."""
Text = Annotated[str, Field(min_length=1)]
"""Text that must not be empty."""
ItemId = Annotated[str, Field(pattern=_ID_PATTERN, max_length=60)]
"""A stable id: lower-case letters, digits and underscores, starting with a letter."""


class SignalsCatalogError(ValueError):
    """The signals catalog is missing, is not valid TOML, or does not validate."""


# ---------------------------------------------------------------------------------------------
# Catalog models
# ---------------------------------------------------------------------------------------------


class _CatalogModel(BaseModel):
    """Base of the catalog models: immutable, and unknown keys are errors (they are typos here)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Signal(_CatalogModel):
    """One encouraging sign the articles name."""

    id: ItemId
    """Stable id; stored in `Interview.signals`."""
    label: Text
    """A short name, e.g. 'Ran past the planned time'."""
    question: Text
    """The question to ask yourself."""
    weight: Weight
    """How strong a sign it is (1 weak - 5 strong in the shipped catalog)."""
    inferred_from: Fact | None = None
    """The record fact that suggests it, if any; the person still confirms it."""
    note: str = ""
    """Nuance worth showing next to it, if any."""
    sources: tuple[Text, ...] = Field(min_length=1)
    """The source articles (seed file stems) that name it."""


class Caution(_CatalogModel):
    """A mild warning sign. Not from the source articles; it lowers the score lightly."""

    id: ItemId
    """Stable id; stored in `Interview.signals` like a signal's."""
    label: Text
    """A short name."""
    question: Text
    """The question to ask yourself."""
    weight: Weight
    """How much it subtracts, in the same units as signal weights."""
    from_articles: Literal[False]
    """Always false: marks that this comes from general experience, not the articles."""
    why: Text
    """One or two sentences on why it matters and what to do."""


class Reassurance(_CatalogModel):
    """Something that is not a bad sign by itself."""

    id: ItemId
    """Stable id."""
    text: Text
    """The reassurance, in our own words."""
    sources: tuple[Text, ...] = Field(min_length=1)
    """The source articles (seed file stems) that support it."""


class Band(_CatalogModel):
    """A named range of scores, from `min_score` up to the next band's `min_score`."""

    min_score: Annotated[int, Field(ge=0, le=100)]
    """The lowest score in the band (inclusive)."""
    name: Text
    """A plain name such as 'Some encouraging signs'."""
    meaning: Text
    """What the band says, without promising anything."""


class SignalsCatalog(_CatalogModel):
    """The whole catalog, validated as one."""

    schema_version: Literal[1]
    """Format version of the catalog file."""
    disclaimer: Text
    """What a reading does not mean; attached to every reading."""
    signals: tuple[Signal, ...] = Field(min_length=1)
    """The encouraging signs, in display order."""
    reassurances: tuple[Reassurance, ...] = ()
    """Things that are not bad signs by themselves."""
    cautions: tuple[Caution, ...] = ()
    """Mild warning signs (not from the articles)."""
    bands: tuple[Band, ...] = Field(min_length=1)
    """Score bands, lowest first; the first starts at 0."""

    @model_validator(mode="after")
    def _check_consistency(self) -> Self:
        """Ids unique across signals, cautions and reassurances; bands start at 0 and ascend."""
        seen: set[str] = set()
        for item_id in (
            [s.id for s in self.signals]
            + [c.id for c in self.cautions]
            + [r.id for r in self.reassurances]
        ):
            if item_id in seen:
                raise ValueError(f"id {item_id!r} is used more than once")
            seen.add(item_id)
        if self.bands[0].min_score != 0:
            raise ValueError("the first band must start at min_score = 0")
        for lower, upper in zip(self.bands, self.bands[1:], strict=False):
            if upper.min_score <= lower.min_score:
                raise ValueError(
                    f"bands must ascend: {upper.name!r} starts at {upper.min_score}, "
                    f"not above {lower.name!r} at {lower.min_score}"
                )
        return self

    @property
    def signal_ids(self) -> frozenset[str]:
        """The ids of all signals."""
        return frozenset(s.id for s in self.signals)

    @property
    def caution_ids(self) -> frozenset[str]:
        """The ids of all cautions."""
        return frozenset(c.id for c in self.cautions)

    def signal(self, signal_id: str) -> Signal:
        """The signal with this id; `KeyError` if there is none."""
        for item in self.signals:
            if item.id == signal_id:
                return item
        raise KeyError(signal_id)

    def band_for(self, score: int) -> Band:
        """The band a score falls in."""
        chosen = self.bands[0]
        for band in self.bands:
            if score >= band.min_score:
                chosen = band
        return chosen


def _describe_validation_error(error: ValidationError) -> str:
    """One line per problem, each naming where it is, e.g. `signals[3].weight: ...`."""
    lines = []
    for problem in error.errors():
        where = ""
        for part in problem["loc"]:
            where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else str(part))
        lines.append(f"{where or 'catalog'}: {problem['msg']}")
    return "\n".join(lines)


def parse_signals_catalog(data: Mapping[str, object]) -> SignalsCatalog:
    """Validate parsed catalog data; `SignalsCatalogError` lists every problem with its place."""
    try:
        return SignalsCatalog.model_validate(data)
    except ValidationError as error:
        raise SignalsCatalogError(
            f"the signals catalog is not valid:\n{_describe_validation_error(error)}"
        ) from error


@functools.cache
def load_signals_catalog() -> SignalsCatalog:
    """The packaged catalog, read and validated once per process.

    Raises `SignalsCatalogError` if the file is missing, is not TOML, or does not validate.
    """
    text = read_packaged_text(CATALOG_FILE, SignalsCatalogError)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SignalsCatalogError(f"{CATALOG_FILE}: not valid TOML: {error}") from error
    return parse_signals_catalog(data)


# ---------------------------------------------------------------------------------------------
# Inference from the record
# ---------------------------------------------------------------------------------------------


def record_facts(interview: Interview) -> set[Fact]:
    """The facts of the interview record that hint at signals.

    Missing data never counts: no planned or no actual length means no `ran_long`.
    """
    facts: set[Fact] = set()
    planned, actual = interview.planned_minutes, interview.actual_minutes
    if planned is not None and actual is not None and actual > planned:
        facts.add("ran_long")
    if len(interview.interviewers) > 1:
        facts.add("several_interviewers")
    if interview.decision_expected_on is not None or interview.next_steps.strip():
        facts.add("next_steps_known")
    if interview.references_requested:
        facts.add("references_requested")
    return facts


def suggested_signals(interview: Interview, catalog: SignalsCatalog | None = None) -> set[str]:
    """Ids of the signals the record suggests, for the person to confirm.

    Pure inference: it does not look at what the person already answered in `interview.signals`
    (a caller that only wants open questions can drop those ids itself).
    """
    if catalog is None:
        catalog = load_signals_catalog()
    facts = record_facts(interview)
    return {s.id for s in catalog.signals if s.inferred_from in facts}


# ---------------------------------------------------------------------------------------------
# Custom weights
# ---------------------------------------------------------------------------------------------


def validate_weight_overrides(
    raw: object, catalog: SignalsCatalog
) -> tuple[dict[str, float], list[str]]:
    """Split custom weights into the usable ones and human-readable problems.

    `raw` is expected to be a mapping from a signal or caution id to a number from 0 (ignore
    this one) to `MAX_OVERRIDE_WEIGHT`. Anything else is reported and left out, so the caller
    can show the problems and carry on with the catalog weights for those ids.
    """
    if raw is None:
        return {}, []
    if not isinstance(raw, Mapping):
        return {}, [
            f"custom weights must be a table of id = number, not {type(raw).__name__}; "
            "using the standard weights"
        ]
    known = catalog.signal_ids | catalog.caution_ids
    usable: dict[str, float] = {}
    problems: list[str] = []
    for key, value in raw.items():
        if not isinstance(key, str) or key not in known:
            problems.append(f"{key!r} is not a known signal; ignored")
            continue
        if isinstance(value, bool) or not isinstance(value, int | float):
            problems.append(f"weight for {key!r} must be a number, not {value!r}; ignored")
            continue
        number = float(value)
        if not math.isfinite(number):
            problems.append(f"weight for {key!r} must be a finite number, not {value!r}; ignored")
        elif number < 0:
            problems.append(f"weight for {key!r} must not be negative ({value!r}); ignored")
        elif number > MAX_OVERRIDE_WEIGHT:
            problems.append(
                f"weight for {key!r} is implausibly large ({value!r}, at most "
                f"{MAX_OVERRIDE_WEIGHT:g}); ignored"
            )
        else:
            usable[key] = number
    return usable, problems


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reason:
    """One signal that counted, or one caution that subtracted."""

    id: str
    """The signal or caution id."""
    label: str
    """Its short name."""
    weight: float
    """The weight used (catalog or custom)."""
    points: float
    """Score points it contributed, rounded to one decimal; negative for a caution."""


@dataclass(frozen=True, slots=True)
class SignalReading:
    """What the noticed signals add up to. Never a forecast."""

    score: int
    """0-100: the share of the total signal weight noticed, less the cautions."""
    band: str
    """The band's plain name, e.g. 'Some encouraging signs'."""
    band_meaning: str
    """A sentence on what the band says."""
    reasons: tuple[Reason, ...]
    """The signals that counted, strongest first."""
    caution_reasons: tuple[Reason, ...]
    """The cautions that subtracted (reported apart from the signals)."""
    not_meaning: str
    """What the reading does NOT mean."""
    weight_problems: tuple[str, ...] = ()
    """Problems with custom weights; those weights were ignored."""
    unknown_ids: tuple[str, ...] = ()
    """Noticed ids the catalog does not know (e.g. from a newer version); not counted."""


def _noticed_ids(observed: Mapping[str, bool] | Iterable[str]) -> set[str]:
    """The ids marked as noticed; a mapping's False entries (considered, not seen) are dropped."""
    if isinstance(observed, str):
        raise TypeError("observed must be a mapping or a collection of ids, not a single string")
    if isinstance(observed, Mapping):
        return {key for key, value in observed.items() if value is True}
    return set(observed)


def score_signals(
    observed: Mapping[str, bool] | Iterable[str],
    catalog: SignalsCatalog | None = None,
    weights: Mapping[str, float] | None = None,
) -> SignalReading:
    """Read the noticed signals as a 0-100 score with a band and reasons.

    `observed` is `Interview.signals` (id -> noticed; False means considered and not seen) or a
    set of noticed ids; it may hold signal and caution ids. The score is the noticed signal
    weight as a share of all signal weight, less each noticed caution's weight on the same scale,
    rounded and kept within 0-100. `weights` overrides catalog weights by id; bad entries are
    ignored and listed in `weight_problems`.
    """
    if catalog is None:
        catalog = load_signals_catalog()
    overrides, problems = validate_weight_overrides(weights, catalog)
    noticed = _noticed_ids(observed)

    def weight_of(item: Signal | Caution) -> float:
        return overrides.get(item.id, item.weight)

    total = sum(weight_of(s) for s in catalog.signals)
    scale = 100.0 / total if total > 0 else 0.0

    signal_reasons = [
        Reason(s.id, s.label, weight_of(s), round(weight_of(s) * scale, 1))
        for s in catalog.signals
        if s.id in noticed and weight_of(s) > 0
    ]
    caution_reasons = [
        Reason(c.id, c.label, weight_of(c), -round(weight_of(c) * scale, 1))
        for c in catalog.cautions
        if c.id in noticed and weight_of(c) > 0
    ]
    gained = sum(weight_of(s) for s in catalog.signals if s.id in noticed)
    lost = sum(weight_of(c) for c in catalog.cautions if c.id in noticed)
    score = max(0, min(100, round((gained - lost) * scale)))
    band = catalog.band_for(score)
    known = catalog.signal_ids | catalog.caution_ids
    return SignalReading(
        score=score,
        band=band.name,
        band_meaning=band.meaning,
        reasons=tuple(sorted(signal_reasons, key=lambda r: -r.weight)),
        caution_reasons=tuple(caution_reasons),
        not_meaning=catalog.disclaimer,
        weight_problems=tuple(problems),
        unknown_ids=tuple(sorted(noticed - known)),
    )


# ---------------------------------------------------------------------------------------------
# Learning from your own history
# ---------------------------------------------------------------------------------------------


class Outcome(StrEnum):
    """How an application that had a reading ended, as far as the history summary cares."""

    OFFER = "offer"
    REJECTED = "rejected"
    OTHER_CLOSED = "other-closed"
    OPEN = "open"


@dataclass(frozen=True, slots=True)
class HistorySide:
    """Decided cases on one side of the middle score."""

    cases: int
    """Decided cases (offer or rejected) on this side."""
    offers: int
    """How many of them ended in an offer."""


@dataclass(frozen=True, slots=True)
class HistorySummary:
    """How past readings lined up with outcomes; descriptive only."""

    at_or_above: HistorySide
    """Readings scoring `MIDDLE_SCORE` or more."""
    below: HistorySide
    """Readings scoring under `MIDDLE_SCORE`."""
    not_counted: int
    """Cases still open or closed without a decision on you (e.g. withdrawn); left out."""
    caution: str | None
    """A warning not to read much into it when either side has too few cases; else None."""


def summarize_history(
    pairs: Iterable[tuple[float, Outcome | str]],
    middle: int = MIDDLE_SCORE,
    min_cases: int = MIN_CASES_PER_SIDE,
) -> HistorySummary:
    """Count decided cases and offers at or above versus below the middle score.

    Only offers and rejections are cases: an open application has no outcome yet, and one closed
    otherwise (withdrawn, role cancelled) says nothing about how the employer judged you.
    Raises `ValueError` for a score outside 0-100 or an unknown outcome.
    """
    counts = {True: [0, 0], False: [0, 0]}  # at_or_above -> [cases, offers]
    not_counted = 0
    for score, raw_outcome in pairs:
        if isinstance(score, bool) or not isinstance(score, int | float) or not 0 <= score <= 100:
            raise ValueError(f"score must be a number from 0 to 100, not {score!r}")
        try:
            outcome = Outcome(raw_outcome)
        except ValueError:
            allowed = ", ".join(o.value for o in Outcome)
            message = f"unknown outcome {raw_outcome!r}; expected one of {allowed}"
            raise ValueError(message) from None
        if outcome in (Outcome.OPEN, Outcome.OTHER_CLOSED):
            not_counted += 1
            continue
        side = counts[score >= middle]
        side[0] += 1
        side[1] += outcome is Outcome.OFFER
    above = HistorySide(*counts[True])
    below = HistorySide(*counts[False])
    caution = None
    if min(above.cases, below.cases) < min_cases:
        caution = (
            f"Too few decided cases to learn from yet ({above.cases} at or above {middle}, "
            f"{below.cases} below; at least {min_cases} on each side are needed). "
            "Treat these counts as anecdotes, not evidence."
        )
    return HistorySummary(at_or_above=above, below=below, not_counted=not_counted, caution=caution)
