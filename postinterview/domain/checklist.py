"""The post-interview do/don't checklist: the catalog (data) and the pure logic around it.

The catalog lives in `postinterview/content/checklist.toml`; its header comment documents every
key and the due-rule format. This module validates it, turns it into concrete entries for one
interview (named interviewers and referees, only the formats and outcomes that apply, each with
its due window) and works out each entry's state for a given moment.

Pure: no Textual, no clock (`now` is always passed in) and no I/O apart from reading the
packaged TOML through importlib.resources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from functools import cache
from typing import Annotated, Literal, Protocol, Self, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from postinterview.domain.catalog_files import parse_catalog, read_packaged_text
from postinterview.domain.evidence import all_warned_at, logged_at
from postinterview.domain.interviews import interview_end
from postinterview.domain.models import (
    Application,
    Channel,
    ChecklistMark,
    CompanySize,
    Contact,
    Interview,
    InterviewFormat,
    Source,
)
from postinterview.domain.stages import Stage

CATALOG_FILE = "checklist.toml"
WHO = "{who}"
"""Placeholder in an item's text for the people it is about."""
WHAT = "{what}"
"""Placeholder in a promise item's text for what you promised to send."""

_KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_MAX_HOURS = 24 * 366  # a rule further out than a year is a typo, not a plan


# --- Vocabulary --------------------------------------------------------------------------------


class Phase(StrEnum):
    """When in the life of an interview an item belongs; the order is the display order."""

    BEFORE_THE_INTERVIEW = "before_the_interview"
    BEFORE_YOU_LEAVE = "before_you_leave"
    RIGHT_AFTER = "right_after"
    SAME_DAY = "same_day"
    WITHIN_TWO_DAYS = "within_two_days"
    WHILE_WAITING = "while_waiting"
    DECISION_DATE_PASSED = "decision_date_passed"
    IF_OFFERED = "if_offered"
    IF_UNSUCCESSFUL = "if_unsuccessful"
    IF_IT_WENT_BADLY = "if_it_went_badly"

    @property
    def label(self) -> str:
        """Short heading shown to people."""
        return _PHASE_LABELS[self]

    @property
    def hint(self) -> str:
        """One line saying what the phase covers."""
        return _PHASE_HINTS[self]


PHASE_ORDER: tuple[Phase, ...] = tuple(Phase)

_PHASE_LABELS: dict[Phase, str] = {
    Phase.BEFORE_THE_INTERVIEW: "Before the interview",
    Phase.BEFORE_YOU_LEAVE: "Before you leave",
    Phase.RIGHT_AFTER: "Right after",
    Phase.SAME_DAY: "The same day",
    Phase.WITHIN_TWO_DAYS: "Within two days",
    Phase.WHILE_WAITING: "While you wait",
    Phase.DECISION_DATE_PASSED: "Once their date has passed",
    Phase.IF_OFFERED: "If they make an offer",
    Phase.IF_UNSUCCESSFUL: "If you are unsuccessful",
    Phase.IF_IT_WENT_BADLY: "If it went badly",
}

_PHASE_HINTS: dict[Phase, str] = {
    Phase.BEFORE_THE_INTERVIEW: "Getting ready, in the days before it.",
    Phase.BEFORE_YOU_LEAVE: "In the room or on the call, before it ends.",
    Phase.RIGHT_AFTER: "The first hour or so after it ends.",
    Phase.SAME_DAY: "Later on the day of the interview.",
    Phase.WITHIN_TWO_DAYS: "Thank-you notes, referees and anything you promised.",
    Phase.WHILE_WAITING: "Until they give you an answer.",
    Phase.DECISION_DATE_PASSED: "When their date, or about a week, has gone by without news.",
    Phase.IF_OFFERED: "Only while the application is at Offer.",
    Phase.IF_UNSUCCESSFUL: "Only once the application has been turned down.",
    Phase.IF_IT_WENT_BADLY: "Only when you marked the interview as having gone badly.",
}


class ItemKind(StrEnum):
    """Whether an item is something to do or something to avoid."""

    DO = "do"
    DONT = "dont"


class Outcome(StrEnum):
    """The outcomes that unlock their own items."""

    WENT_BADLY = "went_badly"
    REJECTED = "rejected"
    OFFER = "offer"


class Per(StrEnum):
    """Whom an item is expanded or named for."""

    INTERVIEWER = "interviewer"
    """One entry per interviewer, each naming its person."""
    REFEREE = "referee"
    """One entry naming all the application's referees (for a warning: those not yet warned)."""
    PANEL = "panel"
    """One entry naming all the interview's interviewers."""
    CONTACT = "contact"
    """One entry naming whom to get in touch with: the recruiter if recorded, else the
    interview's first interviewer (as drafts.follow_up_contact)."""


class Requirement(StrEnum):
    """Something the record must hold for an item to appear at all."""

    RECRUITER = "recruiter"
    """The application has a recruiter (a contact, or came through a recruiter or agency)."""
    PROMISE = "promise"
    """The interview records something you promised to send."""
    REFEREES = "referees"
    """The application has referees, or the interview says references were asked for."""


class TickRecord(StrEnum):
    """Something a tick writes on the application besides the mark itself."""

    REFEREES_WARNED = "referees_warned"
    """Each referee not yet warned gets `notified_at` = the moment of the tick."""


class Anchor(StrEnum):
    """The moment a due rule counts from."""

    INTERVIEW = "interview"
    """The interview's start time."""
    DECISION_DATE = "decision_date"
    """The start of the day after their decision date, else a fallback number of days."""
    OUTCOME = "outcome"
    """When the application reached its current stage (the rejection, the offer)."""
    OFFER_DEADLINE = "offer_deadline"
    """The start of the day they want your answer to their offer by (opens with the offer)."""


class EntryState(StrEnum):
    """Where one checklist entry stands at a given moment."""

    UPCOMING = "upcoming"
    """Not open yet."""
    DUE = "due"
    """Open: worth doing (or, for a don't, worth heeding) now."""
    OVERDUE = "overdue"
    """A do whose deadline has passed without being marked."""
    DONE = "done"
    """Marked done."""
    NOT_APPLICABLE = "not_applicable"
    """Marked as not applying, or a don't whose window has closed."""
    LAPSED = "lapsed"
    """A do whose moment has passed undone (its rule's lapses_after_hours): no longer asked
    for, and not counted as to do."""


# The outcome phases and the `when` they require: keeps an outcome item from being filed
# somewhere it would show up for everyone.
_OUTCOME_PHASES: dict[Phase, Outcome] = {
    Phase.IF_UNSUCCESSFUL: Outcome.REJECTED,
    Phase.IF_IT_WENT_BADLY: Outcome.WENT_BADLY,
    Phase.IF_OFFERED: Outcome.OFFER,
}

# --- Catalog models ----------------------------------------------------------------------------


def _one_line(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    if "\n" in value or "\r" in value:
        raise ValueError("must be a single line")
    return value.strip()


def _kebab(value: str) -> str:
    if not _KEBAB.fullmatch(value):
        raise ValueError("must be kebab-case: lower-case letters and digits joined by hyphens")
    return value


ShortLine = Annotated[str, AfterValidator(_one_line), Field(max_length=100)]
"""A one-line text shown in a list: short enough for a narrow terminal."""
ItemId = Annotated[str, AfterValidator(_kebab), Field(max_length=60)]
Hours = Annotated[float, Field(ge=0, le=_MAX_HOURS)]
Days = Annotated[int, Field(ge=0, le=366)]


class _CatalogModel(BaseModel):
    # The catalog is our own data: an unknown key is a typo to report, not data to keep.
    model_config = ConfigDict(extra="forbid", frozen=True)


class DueRule(_CatalogModel):
    """When an item opens and when it is late, relative to the interview (see the TOML header)."""

    anchor: Anchor = Anchor.INTERVIEW
    """What the hours and days count from."""
    opens_after_hours: Hours = 0
    """The item opens this many hours after the anchor."""
    opens_on_day: Days | None = None
    """...and not before the start of this calendar day after the interview's day (1 = never
    on the interview day itself)."""
    due_within_hours: Hours | None = None
    """Target: the end of the local day in which anchor + these hours falls."""
    overdue_after_hours: Hours | None = None
    """A do turns overdue (a don't stops applying) at the end of the day of anchor + hours."""
    fallback_days: Days | None = None
    """Decision-date anchor only: days after the interview day when no date was given."""
    fallback_days_small: Days | None = None
    """As fallback_days, for a small company."""
    fallback_days_large: Days | None = None
    """As fallback_days, for a large company."""
    fallback_due_days: Days | None = None
    """Decision-date anchor without a date: the target day, in days after the interview day
    (so the window runs from fallback_days to this day); None: due_within_hours decides."""
    fallback_due_days_small: Days | None = None
    """As fallback_due_days, for a small company."""
    fallback_due_days_large: Days | None = None
    """As fallback_due_days, for a large company."""
    lapses_after_hours: Hours | None = None
    """A do not done by the end of the day of anchor + hours has had its moment: it lapses
    (leaves the plan, and the checklist's counts). None: it never does."""
    lapses_when_over: bool = False
    """The entry lapses, undone, the moment the interview ends (start plus its actual, else
    planned, length, else an hour): the steps of the interview itself, do or don't."""

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        fallbacks = (
            self.fallback_days,
            self.fallback_days_small,
            self.fallback_days_large,
            self.fallback_due_days,
            self.fallback_due_days_small,
            self.fallback_due_days_large,
        )
        if self.anchor == Anchor.DECISION_DATE and self.fallback_days is None:
            raise ValueError("a decision_date anchor needs fallback_days")
        if self.anchor != Anchor.DECISION_DATE and any(days is not None for days in fallbacks):
            raise ValueError("fallback days only make sense with anchor = 'decision_date'")
        if (
            self.due_within_hours is not None
            and self.overdue_after_hours is not None
            and self.overdue_after_hours < self.due_within_hours
        ):
            raise ValueError("overdue_after_hours must not come before due_within_hours")
        for size in (None, CompanySize.SMALL, CompanySize.LARGE):
            due = self.fallback_due_for(size)
            if due is not None and due < self.fallback_for(size):
                raise ValueError("a fallback due day must not come before its fallback day")
        deadlines = (self.due_within_hours, self.overdue_after_hours)
        if self.lapses_after_hours is not None and any(
            hours is not None and self.lapses_after_hours < hours for hours in deadlines
        ):
            raise ValueError("lapses_after_hours must not come before the item's deadlines")
        if self.lapses_when_over and self.lapses_after_hours is not None:
            raise ValueError("give lapses_when_over or lapses_after_hours, not both")
        return self

    def with_fallbacks(
        self, days: int | None = None, small: int | None = None, large: int | None = None
    ) -> DueRule:
        """This rule with the given fallback days in place of its own (None keeps its own).

        Only decision-date rules have fallbacks; any other rule is returned unchanged.
        """
        if self.anchor != Anchor.DECISION_DATE:
            return self
        changes = {
            "fallback_days": days,
            "fallback_days_small": small,
            "fallback_days_large": large,
        }
        data = self.model_dump()
        for key, value in changes.items():
            if value is None:
                continue
            # The target day moves with the first day: the window keeps its length.
            due_key = key.replace("fallback_days", "fallback_due_days")
            if data[due_key] is not None and data[key] is not None:
                data[due_key] += value - data[key]
            data[key] = value
        return DueRule.model_validate(data)

    def fallback_for(self, size: CompanySize | None) -> int:
        """Days after the interview to use when they gave no decision date."""
        by_size = {
            CompanySize.SMALL: self.fallback_days_small,
            CompanySize.LARGE: self.fallback_days_large,
        }
        chosen = by_size.get(size) if size is not None else None
        return chosen if chosen is not None else (self.fallback_days or 0)

    def fallback_due_for(self, size: CompanySize | None) -> int | None:
        """The target day after the interview when they gave no decision date, if the rule
        sets one: the size's own, else the general window's length from the size's first day."""
        by_size = {
            CompanySize.SMALL: self.fallback_due_days_small,
            CompanySize.LARGE: self.fallback_due_days_large,
        }
        chosen = by_size.get(size) if size is not None else None
        if chosen is not None:
            return chosen
        if self.fallback_due_days is None:
            return None
        return self.fallback_for(size) + self.fallback_due_days - (self.fallback_days or 0)


class ContactEntry(_CatalogModel):
    """The contact-log entry a tick writes: the record of the contact, and for a chase what
    the no-badgering rule reads (a follow-up sent today holds back the next one a while)."""

    channel: Channel
    """The usual channel; the person may say otherwise (a follow-up made by phone)."""
    note: ShortLine
    """The log's note, e.g. 'Sent a thank-you note.'."""


class CatalogItem(_CatalogModel):
    """One do or don't of the catalog, before it is adapted to an interview."""

    id: ItemId
    phase: Phase
    kind: ItemKind
    text: ShortLine
    """What to do or avoid; may contain {who} (and, for a promise, {what})."""
    text_if_missing: ShortLine | None = None
    """The text when the record lacks what the item is about: no referee recorded (they asked
    for references), or no offer deadline recorded."""
    why: ShortLine
    """The reason, in one line."""
    sources: Annotated[list[str], Field(min_length=1)]
    """Seed article file names the item is drawn from."""
    who_fallback: str | None = None
    """Replaces {who} when the record names nobody (e.g. 'your referees')."""
    note: str | None = None
    """Where the sources disagree, and how the item handles it."""
    due: DueRule | None = None
    applies_to_formats: Annotated[list[InterviewFormat], Field(min_length=1)] | None = None
    per: Per | None = None
    requires: Requirement | None = None
    when: Outcome | None = None
    in_plan: bool = False
    """A concrete action for the follow-up plan (the Today list), not only checklist advice."""
    drafts: list[ItemId] = Field(default_factory=list)
    """Ids of the drafts (content/drafts.toml) its planned action offers, in tab order."""
    logs_contact: ContactEntry | None = None
    """Ticking it done is a contact with the company or recruiter, written in the contact log."""
    records: TickRecord | None = None
    """What else ticking it done writes on the application."""
    done_when_logged: Annotated[list[ShortLine], Field(min_length=1)] | None = None
    """Words that make a contact-log entry count as this item done (see domain.evidence)."""
    timing_note: ShortLine | None = None
    """Where the sources disagree on timing, one line saying so, shown with the action."""

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if len(set(self.sources)) != len(self.sources):
            raise ValueError("sources are listed twice")
        if self.phase == Phase.BEFORE_THE_INTERVIEW and (self.due is not None or self.in_plan):
            raise ValueError("getting ready has no due rule and no place in the follow-up plan")
        if self.kind != ItemKind.DO and self.done_when_logged is not None:
            raise ValueError("only a 'do' can be done by what the contact log says")
        if self.per == Per.REFEREE and self.requires != Requirement.REFEREES:
            raise ValueError("per = 'referee' needs requires = 'referees'")
        anchor = self.due.anchor if self.due is not None else Anchor.INTERVIEW
        if self.text_if_missing is not None and not (
            self.per == Per.REFEREE or anchor == Anchor.OFFER_DEADLINE
        ):
            raise ValueError("text_if_missing is for per = 'referee' or an offer_deadline anchor")
        if anchor == Anchor.OFFER_DEADLINE and self.when != Outcome.OFFER:
            raise ValueError("anchor = 'offer_deadline' needs when = 'offer'")
        if anchor == Anchor.OUTCOME and self.when not in (Outcome.OFFER, Outcome.REJECTED):
            raise ValueError("anchor = 'outcome' needs when = 'rejected' or 'offer'")
        allowed = (WHO, WHAT) if self.requires == Requirement.PROMISE else (WHO,)
        for text in (self.text, self.text_if_missing or ""):
            for placeholder in allowed:
                text = text.replace(placeholder, "")
            if "{" in text or "}" in text:
                raise ValueError(f"text may only use the {' and '.join(allowed)} placeholder")
        if self.in_plan and self.kind != ItemKind.DO:
            raise ValueError("only a 'do' can be in the plan: there is nothing to tick for a don't")
        if self.kind != ItemKind.DO and (self.logs_contact is not None or self.records):
            raise ValueError("only a 'do' can log a contact or record anything when ticked")
        if self.drafts and not self.in_plan:
            raise ValueError("only an item in the plan offers drafts: set in_plan = true")
        if self.records == TickRecord.REFEREES_WARNED and self.per != Per.REFEREE:
            raise ValueError("records = 'referees_warned' needs per = 'referee'")
        uses_who = WHO in self.text or WHO in (self.text_if_missing or "")
        if uses_who and not (self.per is not None or self.requires == Requirement.RECRUITER):
            raise ValueError("{who} needs a per = ... or requires = 'recruiter'")
        if uses_who != bool(self.who_fallback and self.who_fallback.strip()):
            raise ValueError("who_fallback must be given exactly when the text uses {who}")
        if self.per is not None and self.requires == Requirement.RECRUITER:
            raise ValueError("an item cannot be both per-person and about the recruiter")
        expected = _OUTCOME_PHASES.get(self.phase)
        if self.when != expected:
            if expected is None:
                raise ValueError(f"'when' is only for the outcome phases, not {self.phase}")
            raise ValueError(f"items in {self.phase} need when = '{expected}'")
        return self


class ChecklistCatalog(_CatalogModel):
    """The whole catalog: the seed articles it cites and its items."""

    version: Literal[1]
    sources: dict[str, Annotated[str, AfterValidator(_one_line)]]
    """Seed file name to a description of the article."""
    items: Annotated[list[CatalogItem], Field(min_length=1)]

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        seen: set[str] = set()
        for item in self.items:
            if item.id in seen:
                raise ValueError(f"item id {item.id!r} is used twice")
            seen.add(item.id)
            unknown = [name for name in item.sources if name not in self.sources]
            if unknown:
                raise ValueError(f"item {item.id!r} cites unknown sources: {', '.join(unknown)}")
        return self

    def with_fallbacks(
        self, days: int | None = None, small: int | None = None, large: int | None = None
    ) -> ChecklistCatalog:
        """The catalog with a person's own waiting times in every decision-date rule.

        The one place where settings change due rules, so the checklist and the plan agree.
        """
        if days is None and small is None and large is None:
            return self
        items = [
            item
            if item.due is None
            else item.model_copy(update={"due": item.due.with_fallbacks(days, small, large)})
            for item in self.items
        ]
        return self.model_copy(update={"items": items})

    def item(self, item_id: str) -> CatalogItem:
        """The item with this id (an entry id such as 'thank-you:ana' works too)."""
        wanted = base_item_id(item_id)
        for item in self.items:
            if item.id == wanted:
                return item
        raise KeyError(item_id)


class ChecklistCatalogError(ValueError):
    """The catalog file is missing, is not TOML, or does not match the expected shape."""


def parse_checklist_catalog(text: str, origin: str = CATALOG_FILE) -> ChecklistCatalog:
    """Validate catalog TOML; raise ChecklistCatalogError saying where and what is wrong."""
    return parse_catalog(
        text, origin, ChecklistCatalog, ChecklistCatalogError, "items", "checklist"
    )


@cache
def load_checklist_catalog() -> ChecklistCatalog:
    """The packaged catalog, validated once and then shared (the models are frozen)."""
    return parse_checklist_catalog(
        read_packaged_text(CATALOG_FILE, ChecklistCatalogError), CATALOG_FILE
    )


# --- Entries for one interview -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DueWindow:
    """When an entry opens, its target, and when it turns overdue (None: never)."""

    opens_at: datetime
    due_at: datetime | None
    overdue_at: datetime | None
    lapses_at: datetime | None = None
    """When a do not done by then has had its moment (None: never)."""


@dataclass(frozen=True, slots=True)
class ChecklistEntry:
    """One concrete checklist line for one interview."""

    id: str
    """Key in Interview.checklist: the item id, or '<item id>:<person id>' for per-interviewer."""
    item_id: str
    phase: Phase
    kind: ItemKind
    text: str
    """The item's text with {who} (and {what}) filled in."""
    why: str
    note: str | None
    sources: tuple[str, ...]
    names: tuple[str, ...]
    """The people this entry is about (interviewer, referees or recruiter), if recorded."""
    detail: str | None
    """Extra context from the record, e.g. what you promised to send."""
    opens_at: datetime
    due_at: datetime | None
    overdue_at: datetime | None
    lapses_at: datetime | None = None
    """When its moment passes if not done by then (None: never)."""
    recorded_at: datetime | None = None
    """When the record shows it done without a tick (a contact-log entry, warned referees)."""
    timing_note: str | None = None
    """Where the sources disagree on its timing, one line saying so."""


def entry_id(item_id: str, person: Contact) -> str:
    """The entry id of a per-person item for `person`: '<item id>:<person id>'."""
    return f"{item_id}:{person.id}"


def base_item_id(entry_id: str) -> str:
    """The catalog item id of an entry id ('thank-you:ana-ruiz' -> 'thank-you')."""
    return entry_id.split(":", 1)[0]


def has_recruiter(application: Application) -> bool:
    """True when someone recruits for this application, even if they are not recorded yet."""
    return application.recruiter is not None or application.source in (
        Source.RECRUITER,
        Source.AGENCY,
    )


def join_names(names: Sequence[str]) -> str:
    """'Ana', 'Ana and Ben', 'Ana, Ben and Cy'."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def is_chase(item: CatalogItem) -> bool:
    """A contact that asks for news: held back after a recent chase, pointless once decided."""
    return (
        item.kind == ItemKind.DO
        and item.due is not None
        and item.due.anchor == Anchor.DECISION_DATE
        and item.logs_contact is not None
    )


def fits_stage(item: CatalogItem, stage: Stage) -> bool:
    """Whether an item still makes sense at this stage: the one rule, for every view.

    The checklist (build_checklist) applies it, and the plan is built from the checklist, so
    Today, the weekly review, the board and the interview screen always offer the same steps.

    Closed (rejected, withdrawn, accepted, no reply): there is no decision left to wait for,
    chase or prepare a note for, so only the outcome's own items remain, the after-rejection
    courtesies and advice (item_applies keeps those to a rejection). That goes for the don'ts
    and the reflection items too: "don't chase too soon" or "decide if you still want it" are
    moot, and a rejection's own "learn from it" takes over the looking back. Their marks stay
    in the file, so moving the application back brings them back ticked.

    Offer: they have decided, so nothing that chases the decision: the chase itself and the
    decision-date phase that prepares it, nor the recovery from an interview that went badly
    (it did not cost the job). Waiting-phase advice (keep applying until it is signed, no
    counteroffer bargaining) still holds.

    Saved: not applied for yet, so nothing to follow up or prepare (an interview at Saved is
    a contradiction the interview flows resolve by moving it on: interviews.record_interview).
    """
    if stage == Stage.SAVED:
        return False
    if stage.is_closed:
        return item.when == Outcome.REJECTED
    if stage == Stage.OFFER:
        return (
            not is_chase(item)
            and item.phase != Phase.DECISION_DATE_PASSED
            and item.when != Outcome.WENT_BADLY
        )
    return True


def item_applies(item: CatalogItem, application: Application, interview: Interview) -> bool:
    """Whether the record, and the application's stage, leave room for this item at all."""
    if not fits_stage(item, application.stage):
        return False
    formats = item.applies_to_formats
    # An unrecorded format keeps the item: it may still apply, and n/a is one key away.
    if formats is not None and interview.format is not None and interview.format not in formats:
        return False
    if item.when == Outcome.WENT_BADLY and not interview.went_badly:
        return False
    if item.when == Outcome.REJECTED and application.stage != Stage.REJECTED:
        return False
    if item.when == Outcome.OFFER and application.stage != Stage.OFFER:
        return False
    if item.requires == Requirement.REFEREES and not (
        application.referees or interview.references_requested
    ):
        return False
    if item.requires == Requirement.RECRUITER and not has_recruiter(application):
        return False
    if item.requires == Requirement.PROMISE and not interview.promised_to_send.strip():
        return False
    return True


def build_checklist(
    application: Application,
    interview: Interview,
    catalog: ChecklistCatalog | None = None,
) -> list[ChecklistEntry]:
    """The checklist for one interview of `application`, in phase order then catalog order."""
    catalog = catalog if catalog is not None else load_checklist_catalog()
    items = sorted(catalog.items, key=lambda item: PHASE_ORDER.index(item.phase))  # stable
    entries: list[ChecklistEntry] = []
    for item in items:
        if not item_applies(item, application, interview):
            continue
        window = due_window(item.due, interview, application.company_size, application)
        entries.extend(_expand(item, application, interview, window))
    return entries


def find_entry(
    application: Application,
    interview: Interview,
    entry_id: str,
    catalog: ChecklistCatalog | None = None,
) -> ChecklistEntry | None:
    """The entry `entry_id` as the record names it now, whatever the stage or format.

    Not filtered like build_checklist: a tick on a step the view has just hidden still means
    what it says. None when the catalog has no such item or the record no longer yields that
    entry (an interviewer renamed or removed since).
    """
    catalog = catalog if catalog is not None else load_checklist_catalog()
    try:
        item = catalog.item(entry_id)
    except KeyError:
        return None
    window = due_window(item.due, interview, application.company_size, application)
    return next(
        (e for e in _expand(item, application, interview, window) if e.id == entry_id), None
    )


def _expand(
    item: CatalogItem, application: Application, interview: Interview, window: DueWindow
) -> list[ChecklistEntry]:
    """One entry per interviewer for per-interviewer items, else exactly one entry."""
    since = _counts_from(item, application, interview)
    if item.per == Per.INTERVIEWER and interview.interviewers:
        people = interview.interviewers
        # Keyed by the person's stable id, so marks and snoozes follow them through renames.
        return [
            _entry(
                item,
                entry_id(item.id, p),
                (p.name.strip(),),
                item.text,
                interview,
                window,
                _logged(item, application, since, p.name, [o.name for o in people if o is not p]),
            )
            for p in people
        ]
    recorded: datetime | None
    if item.records == TickRecord.REFEREES_WARNED:
        recorded = all_warned_at(application.referees)
    elif item.requires == Requirement.RECRUITER and application.recruiter is not None:
        recorded = _logged(item, application, since, application.recruiter.name)
    else:
        recorded = _logged(item, application, since)
    text = item.text_if_missing if _missing(item, application) else None
    names = _names(item, application, interview)
    return [_entry(item, item.id, names, text or item.text, interview, window, recorded)]


def _names(item: CatalogItem, application: Application, interview: Interview) -> tuple[str, ...]:
    """The people a one-entry item names, in the order the record lists them."""
    people: Sequence[Contact] = []
    if item.per == Per.REFEREE:
        people = application.referees
        if item.records == TickRecord.REFEREES_WARNED:
            # A warning names only those still to warn; once all are, it is done (evidence).
            people = [r for r in application.referees if r.notified_at is None] or people
    elif item.per == Per.PANEL:
        people = interview.interviewers
    elif item.per == Per.CONTACT:
        if application.recruiter is not None:
            people = [application.recruiter]
        else:
            people = interview.interviewers[:1]
    elif item.requires == Requirement.RECRUITER and application.recruiter is not None:
        people = [application.recruiter]
    return tuple(person.name.strip() for person in people)


def _missing(item: CatalogItem, application: Application) -> bool:
    """Whether the record lacks what the item is about (then text_if_missing is used)."""
    if item.per == Per.REFEREE:
        return not application.referees
    return (
        item.due is not None
        and item.due.anchor == Anchor.OFFER_DEADLINE
        and application.offer_respond_by is None
    )


def _counts_from(item: CatalogItem, application: Application, interview: Interview) -> datetime:
    """From when a contact-log entry can show the item done: the interview, or the outcome."""
    if item.due is not None and item.due.anchor in (Anchor.OUTCOME, Anchor.OFFER_DEADLINE):
        return outcome_moment(application, interview)
    return interview.at


def _logged(
    item: CatalogItem,
    application: Application,
    since: datetime,
    person: str | None = None,
    others: Sequence[str] = (),
) -> datetime | None:
    if item.done_when_logged is None:
        return None
    tick = item.logs_contact.note if item.logs_contact is not None else None
    return logged_at(application.contact_log, since, item.done_when_logged, tick, person, others)


_PLACEHOLDER = re.compile(r"\{(who|what)\}")


def _entry(
    item: CatalogItem,
    entry_id: str,
    names: tuple[str, ...],
    text: str,
    interview: Interview,
    window: DueWindow,
    recorded_at: datetime | None = None,
) -> ChecklistEntry:
    # One line, without its own full stop: the text ends the sentence.
    promise = " ".join(interview.promised_to_send.split()).rstrip(".")
    values = {"who": join_names(names) or (item.who_fallback or ""), "what": promise}
    return ChecklistEntry(
        id=entry_id,
        item_id=item.id,
        phase=item.phase,
        kind=item.kind,
        # One pass, not format(): names and promises may contain braces.
        text=_PLACEHOLDER.sub(lambda found: values[found.group(1)], text),
        why=item.why,
        note=item.note,
        sources=tuple(item.sources),
        names=names,
        detail=(interview.promised_to_send.strip() or None)
        if item.requires == Requirement.PROMISE
        else None,
        opens_at=window.opens_at,
        due_at=window.due_at,
        overdue_at=window.overdue_at,
        lapses_at=window.lapses_at,
        recorded_at=recorded_at,
        timing_note=item.timing_note,
    )


# --- Due windows and states ----------------------------------------------------------------


def _start_of_day(day: date, zone: tzinfo | None) -> datetime:
    return datetime.combine(day, time.min, tzinfo=zone)


def _end_of_day_containing(moment: datetime) -> datetime:
    """The local midnight that ends the calendar day `moment` falls in."""
    return _start_of_day(moment.date() + timedelta(days=1), moment.tzinfo)


def outcome_moment(application: Application, interview: Interview) -> datetime:
    """When the application reached its current stage: its latest move there in the stage
    history (the interview's start if the history has none, and never before it)."""
    moves = [c.at for c in application.stage_history if c.to_stage == application.stage]
    return max([interview.at, *moves])


def due_window(
    rule: DueRule | None,
    interview: Interview,
    company_size: CompanySize | None = None,
    application: Application | None = None,
) -> DueWindow:
    """Compute a rule's window for an interview, in the interview's own time zone.

    Days are counted in the zone the interview time was recorded in, so an evening interview
    in Sydney is not shifted to the next UTC day. Without a rule the entry opens when the
    interview starts and is never late. `application` gives the outcome and offer anchors
    (without it, they count from the interview).
    """
    zone = interview.at.tzinfo
    if rule is None:
        return DueWindow(opens_at=interview.at, due_at=None, overdue_at=None)
    outcome = outcome_moment(application, interview) if application else interview.at
    fallback_due: int | None = None
    starts = None
    if rule.anchor == Anchor.DECISION_DATE:
        if interview.decision_expected_on is not None:
            first_day = interview.decision_expected_on + timedelta(days=1)
        else:
            first_day = interview.at.date() + timedelta(days=rule.fallback_for(company_size))
            fallback_due = rule.fallback_due_for(company_size)
        anchor = _start_of_day(first_day, zone)
    elif rule.anchor == Anchor.OUTCOME:
        anchor = outcome
    elif rule.anchor == Anchor.OFFER_DEADLINE:
        # Open from the offer; the deadline counts from the start of the day they named.
        starts = outcome
        deadline_day = application.offer_respond_by if application is not None else None
        if deadline_day is None:
            return DueWindow(_opening(rule, outcome, interview), due_at=None, overdue_at=None)
        anchor = _start_of_day(deadline_day, zone)
    else:
        anchor = interview.at
    opens = _opening(rule, starts or anchor, interview)
    target_hours = rule.due_within_hours
    late_hours = rule.overdue_after_hours
    if target_hours is None:
        target_hours = late_hours
    if late_hours is None:
        late_hours = target_hours

    def deadline(hours: float | None) -> datetime | None:
        if hours is None:
            return None
        return _end_of_day_containing(anchor + timedelta(hours=hours))

    due, late = deadline(target_hours), deadline(late_hours)
    if fallback_due is not None:
        # No date given: the advice's own window by company size, e.g. days 4-5 or 8-12.
        due = _start_of_day(interview.at.date() + timedelta(days=fallback_due + 1), zone)
        late = max(late, due) if late is not None else due
    lapses = interview_end(interview) if rule.lapses_when_over else None
    return DueWindow(
        opens_at=opens,
        due_at=due,
        overdue_at=late,
        lapses_at=lapses or deadline(rule.lapses_after_hours),
    )


def _opening(rule: DueRule, start: datetime, interview: Interview) -> datetime:
    opens = start + timedelta(hours=rule.opens_after_hours)
    if rule.opens_on_day is not None:
        day = interview.at.date() + timedelta(days=rule.opens_on_day)
        opens = max(opens, _start_of_day(day, interview.at.tzinfo))
    return opens


def _require_aware(now: datetime) -> None:
    # A naive `now` would compare wrongly (or raise) against the aware interview times.
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")


def entry_state(
    entry: ChecklistEntry, marks: Mapping[str, ChecklistMark], now: datetime
) -> EntryState:
    """Where `entry` stands at `now`, given the interview's checklist marks.

    A mark always wins; then what the record shows (entry.recorded_at). A don't whose window
    has closed is not applicable rather than overdue: there is nothing left to avoid, and
    nothing to chase. An entry whose moment has passed unmarked (entry.lapses_at) has lapsed.
    """
    _require_aware(now)
    mark = marks.get(entry.id)
    if mark is not None:
        return EntryState.DONE if mark.state == "done" else EntryState.NOT_APPLICABLE
    if entry.recorded_at is not None and entry.recorded_at <= now:
        return EntryState.DONE
    if now < entry.opens_at:
        return EntryState.UPCOMING
    if entry.lapses_at is not None and now >= entry.lapses_at:
        return EntryState.LAPSED
    if entry.overdue_at is not None and now >= entry.overdue_at:
        return EntryState.OVERDUE if entry.kind == ItemKind.DO else EntryState.NOT_APPLICABLE
    return EntryState.DUE


def checklist_states(
    entries: Iterable[ChecklistEntry], marks: Mapping[str, ChecklistMark], now: datetime
) -> list[tuple[ChecklistEntry, EntryState]]:
    """Each entry with its state at `now`, in the given order."""
    return [(entry, entry_state(entry, marks, now)) for entry in entries]


@dataclass(frozen=True, slots=True)
class ChecklistProgress:
    """How much of a checklist is settled: done plus not applicable, out of all entries whose
    moment has not passed (lapsed ones are left out of every count but their own)."""

    done: int
    not_applicable: int
    total: int
    overdue: int = 0
    """Dos past their deadline."""
    to_do_now: int = 0
    """Dos open now with a deadline ahead: what "N to do now" counts. Undated advice ("take a
    moment to celebrate") is open for good, so counting it would never reach zero."""
    lapsed: int = 0
    """Dos whose moment passed undone (not in `total`: they can no longer be done)."""

    @property
    def finished(self) -> int:
        """Entries that need nothing more."""
        return self.done + self.not_applicable

    @property
    def fraction(self) -> float:
        """Between 0 and 1; an empty checklist counts as complete."""
        return self.finished / self.total if self.total else 1.0

    @property
    def complete(self) -> bool:
        """True when nothing is left open."""
        return self.finished == self.total

    def __str__(self) -> str:
        return f"{self.finished}/{self.total}"


def checklist_progress(
    entries: Iterable[ChecklistEntry], marks: Mapping[str, ChecklistMark], now: datetime
) -> ChecklistProgress:
    """Progress at `now`: a don't whose window closed counts as settled, like a marked n/a.

    Built from the same entries as the list (build_checklist, which applies the stage rule),
    so after a rejection no waiting or follow-up step is counted as to do; lapsed entries
    ("before you leave" once the interview day is over) count for nothing but `lapsed`.
    """
    pairs = checklist_states(entries, marks, now)
    states = [state for _, state in pairs]
    lapsed = states.count(EntryState.LAPSED)
    return ChecklistProgress(
        done=states.count(EntryState.DONE),
        not_applicable=states.count(EntryState.NOT_APPLICABLE),
        total=len(states) - lapsed,
        lapsed=lapsed,
        overdue=states.count(EntryState.OVERDUE),
        to_do_now=sum(
            state == EntryState.DUE and entry.kind == ItemKind.DO and entry.due_at is not None
            for entry, state in pairs
        ),
    )


class _HasPhase(Protocol):
    @property
    def phase(self) -> Phase: ...


PhasedT = TypeVar("PhasedT", bound=_HasPhase)


def group_by_phase(
    entries: Iterable[PhasedT], include_empty: bool = False
) -> list[tuple[Phase, list[PhasedT]]]:
    """Entries (or catalog items) grouped by phase in PHASE_ORDER, keeping their order inside.

    Empty phases are left out unless `include_empty`; `phase.label` gives the heading.
    """
    groups: dict[Phase, list[PhasedT]] = {phase: [] for phase in PHASE_ORDER}
    for entry in entries:
        groups[entry.phase].append(entry)
    return [(phase, found) for phase, found in groups.items() if found or include_empty]
