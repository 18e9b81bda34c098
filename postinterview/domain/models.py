"""What an application, an interview and a contact are.

Pure data with validation: no files, no clock, no Textual. Text fields have length limits
(domain.limits). Every model keeps keys it does not
know (`extra="allow"`), so a file written by a newer version survives a rewrite by this one.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal, Self

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, Strict

from postinterview.domain.ids import PERSON_ID_PATTERN, new_person_id
from postinterview.domain.limits import LineText, NameText, NoteText
from postinterview.domain.stages import Stage


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


NonEmptyText = Annotated[str, AfterValidator(_not_blank)]
"""Text that must hold something other than white space; otherwise kept exactly as typed."""

NonEmptyName = Annotated[NameText, AfterValidator(_not_blank)]
"""A name (a company, a role, a person) that must hold something, at most NAME_LIMIT long."""

Timestamp = Annotated[AwareDatetime, Strict()]
"""A date and time with its time zone. Strict: a bare number is not silently read as seconds."""

Day = Annotated[date, Strict()]
"""A calendar date (TOML's local date)."""


def _person_id(value: str) -> str:
    if not PERSON_ID_PATTERN.fullmatch(value):
        raise ValueError("must be 1 to 64 characters with no spaces and no ':'")
    return value


PersonId = Annotated[str, AfterValidator(_person_id)]
"""A person's stable id within an application (see Contact.id)."""

Minutes = Annotated[int, Field(ge=1, le=24 * 60)]
"""A length in minutes: at least one, at most a day."""


class Record(BaseModel):
    """Base of every stored model: keeps unknown keys, validates on construction."""

    model_config = ConfigDict(extra="allow", use_enum_values=False)

    def revised(self, **changes: Any) -> Self:
        """A validated copy with `changes` applied (model_copy alone would skip validation)."""
        data = self.model_dump(mode="python", round_trip=True)
        data.update(changes)
        if "id" in type(self).model_fields:
            data.setdefault("id", getattr(self, "id", ""))
        return type(self).model_validate(data)


class Source(StrEnum):
    """How the application came about."""

    DIRECT = "direct"
    RECRUITER = "recruiter"
    REFERRAL = "referral"
    AGENCY = "agency"


class CompanySize(StrEnum):
    """Drives follow-up timing: small firms decide faster than large ones."""

    SMALL = "small"
    LARGE = "large"


class InterviewKind(StrEnum):
    """What sort of interview it was."""

    SCREEN = "screen"
    TECHNICAL = "technical"
    PANEL = "panel"
    FINAL = "final"
    ASSESSMENT = "assessment"
    OTHER = "other"


class InterviewFormat(StrEnum):
    """Where it happened; a call or video needs a 'hang up properly' reminder, a visit does not."""

    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"


class Channel(StrEnum):
    """How a contact happened."""

    EMAIL = "email"
    PHONE = "phone"
    MESSAGE = "message"
    IN_PERSON = "in_person"
    OTHER = "other"


class Contact(Record):
    """A person: an interviewer, a recruiter or a referee."""

    id: PersonId = Field(default_factory=new_person_id)
    """Stable id, stored in the file: checklist marks, snoozes and drafts refer to the person by
    it (`thank-you:<id>`), and the interview form matches edited rows to people by it, so a
    renamed, reordered or removed person never takes someone else's marks or notes.

    Someone created without one (a new row, an import, the demo) gets a fresh random id here;
    a file's people without one get deterministic ids when it is read (storage.migrations), so
    the same person has the same id at every load until the file is rewritten."""
    name: NonEmptyName
    """Full name, as they spell it."""
    title: NameText = ""
    """Job title, e.g. 'Engineering Manager'."""
    email: NameText = ""
    """Work email address."""
    phone: NameText = ""
    """Work phone number."""
    note: NoteText = ""
    """Anything worth remembering about them."""


class Referee(Contact):
    """Someone who will vouch for you, and whether they know a call may come."""

    notified_at: Timestamp | None = None
    """When you warned them they might be contacted about this application."""


class ContactLogEntry(Record):
    """One contact with the company or recruiter, in either direction."""

    at: Timestamp
    """When it happened."""
    channel: Channel = Channel.EMAIL
    """How it happened."""
    with_whom: NameText = ""
    """Who you spoke or wrote to."""
    note: NoteText = ""
    """What was said."""


class StageChange(Record):
    """One move on the board, kept forever in the application's history."""

    at: Timestamp
    """When the move was made."""
    from_stage: Stage | None = None
    """The stage before the move; absent for the first entry."""
    to_stage: Stage
    """The stage after the move."""
    note: NoteText = ""
    """Why, if the person said."""


class ChecklistMark(Record):
    """The state of one checklist item for one interview."""

    state: Literal["done", "not_applicable"]
    """Done, or marked as not applying to this interview."""
    at: Timestamp
    """When it was marked."""


def _answered_only(value: dict[str, str]) -> dict[str, str]:
    return {person_id: text for person_id, text in value.items() if text.strip()}


class Reflection(Record):
    """Answers to the reflection prompts, written while memory is fresh."""

    went_well: NoteText = ""
    to_improve: NoteText = ""
    interested_them: NoteText = ""
    interested_them_by_person: Annotated[
        dict[PersonId, NoteText], AfterValidator(_answered_only)
    ] = Field(default_factory=dict)
    """Interviewer id -> what seemed to interest that person (their thank-you note uses it).
    Blank answers are dropped, so the file holds only what was written."""
    struggled_with: NoteText = ""
    forgot_to_say: NoteText = ""
    still_want: Literal["yes", "no", "unsure"] | None = None


class Interview(Record):
    """One interview of an application."""

    id: str
    """Stable id within the application (checklist and plan refer to it)."""
    at: Timestamp
    """When it started; for an upcoming interview, when it starts (interviews.is_upcoming)."""
    round: Annotated[int, Field(ge=1, le=50)] | None = None
    """1 for the first interview, 2 for the second, ..."""
    kind: InterviewKind = InterviewKind.OTHER
    format: InterviewFormat | None = None
    interviewers: list[Contact] = Field(default_factory=list)
    place: LineText = ""
    """Where it happens, or the link to the call (an address, a room, a video link)."""
    scheduled: bool = False
    """Put in ahead of time, as an upcoming interview: once its start has passed, Today asks
    how it went until the reflection or the signals say (domain.upcoming.awaiting_record)."""
    calendar_uid: LineText = ""
    """The UID of the calendar invitation (.ics) it was imported from, if it was: importing
    the same invitation again is then recognised rather than adding the interview twice."""
    planned_minutes: Minutes | None = None
    actual_minutes: Minutes | None = None
    decision_expected_on: Day | None = None
    """The date by which they said they would decide."""
    contact_method: LineText = ""
    """How they said they would get in touch."""
    next_steps: NoteText = ""
    """The next steps they described."""
    promised_to_send: NoteText = ""
    """Anything you promised to send them."""
    references_requested: bool = False
    went_badly: bool = False
    reflection: Reflection = Field(default_factory=Reflection)
    checklist: dict[str, ChecklistMark] = Field(default_factory=dict)
    """Checklist item id to its mark; items not present are still open."""
    signals: dict[str, bool] = Field(default_factory=dict)
    """Signal id to whether you noticed it (False: you considered it and did not)."""
    snoozed: dict[str, Timestamp] = Field(default_factory=dict)
    """Checklist entry id to the moment a snoozed action comes back to Today."""


class Application(Record):
    """One job application and everything that happened to it."""

    id: str = Field(default="", exclude=True)
    """The file name stem; not stored inside the file, so the two can never disagree."""
    company: NonEmptyName
    role: NonEmptyName
    stage: Stage
    created_at: Timestamp
    updated_at: Timestamp
    source: Source | None = None
    company_size: CompanySize | None = None
    location: LineText = ""
    job_link: LineText = ""
    applied_on: Day | None = None
    recruiter: Contact | None = None
    notes: NoteText = ""
    referees: list[Referee] = Field(default_factory=list)
    contact_log: list[ContactLogEntry] = Field(default_factory=list)
    stage_history: list[StageChange] = Field(default_factory=list)
    interviews: list[Interview] = Field(default_factory=list)
    quiet_acknowledged_at: Timestamp | None = None
    """The person chose to keep waiting at this moment; the quiet clock restarts from it."""
    offer_respond_by: Day | None = None
    """The day they want your answer to their offer by, if they named one."""

    def to_record(self) -> dict[str, Any]:
        """The data to store: absent and empty fields left out, unknown keys kept."""
        return self.model_dump(mode="python", exclude_none=True, exclude_defaults=True)
