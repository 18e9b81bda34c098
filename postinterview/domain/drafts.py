"""Ready-to-send drafts: a thank-you note, a follow-up email and a follow-up call script.

The wording lives in `postinterview/content/drafts.toml`; its header comment documents every
key, the placeholders and the conditions. This module validates that catalog (an unknown or
unguarded placeholder is a catalog error, found when it loads, never a gap in a draft) and
fills a draft in from an application, one of its interviews and the person it is addressed to.

Pure: no Textual, no storage, no clock, and no I/O apart from reading the packaged TOML through
importlib.resources. The same record always gives the same draft.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Final, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)

from postinterview.domain.calendar_words import date_in_words
from postinterview.domain.catalog_files import parse_catalog, read_packaged_text
from postinterview.domain.checklist import base_item_id, join_names
from postinterview.domain.interviews import latest_interview
from postinterview.domain.models import (
    Application,
    Channel,
    Contact,
    Interview,
    InterviewFormat,
    InterviewKind,
)

if TYPE_CHECKING:
    from postinterview.domain.plan import PlannedAction

CATALOG_FILE = "drafts.toml"

DEFAULT_YOUR_NAME: Final = "[Your name]"
"""Signs a draft when the person's own name is not known: the one visible blank to fill in."""
NO_PERSON_GREETING: Final = "Hiring team"
"""{greeting_name} when the draft is addressed to nobody in particular."""

THANK_YOU_ITEM: Final = "thank-you"
"""The checklist item whose planned actions offer a thank-you note."""
FOLLOW_UP_ITEM: Final = "follow-up"
"""The checklist item whose planned actions offer a follow-up email and call."""


class DraftKind(StrEnum):
    """The drafts there are; the catalog holds exactly one of each."""

    THANK_YOU = "thank-you"
    FOLLOW_UP_EMAIL = "follow-up-email"
    FOLLOW_UP_CALL = "follow-up-call"


# --- Placeholders and conditions ----------------------------------------------------------------

REQUIRED_PLACEHOLDERS: Final = frozenset(
    {"greeting_name", "company", "role", "interview", "interview_date", "your_name"}
)
"""Filled for every draft, so any line may use them."""
OPTIONAL_PLACEHOLDERS: Final = frozenset(
    {
        "person_name",
        "person_title",
        "interviewer_names",
        "interview_format",
        "interested_them",
        "promised_to_send",
        "decision_date",
        "recruiter_name",
    }
)
"""Filled only when the record holds them: a line using one must list it in `when`."""
PLACEHOLDERS: Final = REQUIRED_PLACEHOLDERS | OPTIONAL_PLACEHOLDERS
FLAGS: Final = frozenset({"needs_your_name"})
"""Conditions that are not placeholders."""
CONDITIONS: Final = OPTIONAL_PLACEHOLDERS | FLAGS

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

_KIND_LABELS: Final[Mapping[InterviewKind, str]] = {
    InterviewKind.SCREEN: "screening interview",
    InterviewKind.TECHNICAL: "technical interview",
    InterviewKind.PANEL: "panel interview",
    InterviewKind.FINAL: "final interview",
    InterviewKind.ASSESSMENT: "assessment",
}
_FORMAT_LABELS: Final[Mapping[InterviewFormat, str]] = {
    InterviewFormat.IN_PERSON: "in person",
    InterviewFormat.PHONE: "by phone",
    InterviewFormat.VIDEO: "by video",
}
_FORMAT_INTERVIEWS: Final[Mapping[InterviewFormat, str]] = {
    InterviewFormat.PHONE: "phone interview",
    InterviewFormat.VIDEO: "video interview",
}
# Words that open a phrase typed with a capital only because it began the answer:
# "The migration I led" reads "about the migration I led" mid-sentence. Names keep theirs.
_LOWER_FIRST_WORDS = frozenset(
    {"a", "an", "the", "my", "our", "your", "their", "his", "her", "its", "this", "that"}
    | {"these", "those", "how", "what", "why", "when", "where", "which", "some", "all"}
)
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"})


def placeholders_in(text: str) -> list[str]:
    """The placeholder names `text` uses, in order of first use."""
    names: list[str] = []
    for name in _PLACEHOLDER.findall(text):
        if name not in names:
            names.append(name)
    return names


# --- Catalog models ----------------------------------------------------------------------------


class _CatalogModel(BaseModel):
    # The catalog is our own data: an unknown key is a typo to report, not data to keep.
    model_config = ConfigDict(extra="forbid", frozen=True)


def _template_text(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    if "\n" in value or "\r" in value:
        raise ValueError("must be a single line: write a list of lines for several")
    if value != value.strip() or "  " in value:
        raise ValueError("must not start or end with spaces or hold double spaces")
    unknown = [name for name in placeholders_in(value) if name not in PLACEHOLDERS]
    if unknown:
        listed = ", ".join(f"{{{name}}}" for name in unknown)
        raise ValueError(f"unknown placeholder {listed}; known: {', '.join(sorted(PLACEHOLDERS))}")
    if "{" in _PLACEHOLDER.sub("", value) or "}" in _PLACEHOLDER.sub("", value):
        raise ValueError("braces are only for placeholders such as {company}")
    if "[" in value or "]" in value:
        raise ValueError("square brackets look like a blank to fill in; the only one is your_name")
    return value


def _known_condition(value: str) -> str:
    if value not in CONDITIONS:
        raise ValueError(f"unknown condition {value!r}; known: {', '.join(sorted(CONDITIONS))}")
    return value


Condition = Annotated[str, AfterValidator(_known_condition)]
"""An optional placeholder's name or a flag."""


class Line(_CatalogModel):
    """One line of a draft, used only when its conditions hold."""

    text: Annotated[str, AfterValidator(_template_text)]
    when: list[Condition] = Field(default_factory=list)
    """Used only when all these facts are present."""
    unless: list[Condition] = Field(default_factory=list)
    """...and none of these are."""

    @model_validator(mode="after")
    def _guarded(self) -> Self:
        both = sorted(set(self.when) & set(self.unless))
        if both:
            raise ValueError(f"{', '.join(both)} is in both when and unless")
        unguarded = [
            name
            for name in placeholders_in(self.text)
            if name in OPTIONAL_PLACEHOLDERS and name not in self.when
        ]
        if unguarded:
            names = ", ".join(unguarded)
            raise ValueError(f"uses {names}, which may be missing: add it to `when`")
        return self

    @property
    def conditional(self) -> bool:
        """Whether the line depends on the record at all."""
        return bool(self.when or self.unless)

    def applies(self, present: frozenset[str]) -> bool:
        """Whether the line is used when exactly the `present` facts are known."""
        return all(name in present for name in self.when) and not any(
            name in present for name in self.unless
        )


def _as_line(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


def _as_lines(value: Any) -> Any:
    return value if isinstance(value, list) else [value]


LineSpec = Annotated[Line, BeforeValidator(_as_line)]
"""A line: a plain string, or a table with text, when and unless."""
Paragraph = Annotated[list[LineSpec], BeforeValidator(_as_lines), Field(min_length=1)]
"""A paragraph: one line, or several shown one under the other."""


def _one_of(lines: list[Line]) -> list[Line]:
    if lines and lines[-1].conditional:
        raise ValueError("the last choice must have no conditions, so one always applies")
    return lines


Choice = Annotated[
    list[LineSpec], BeforeValidator(_as_lines), Field(min_length=1), AfterValidator(_one_of)
]
"""One line out of several: the first whose conditions hold."""


class DraftTemplate(_CatalogModel):
    """One kind of draft, before it is filled in."""

    id: DraftKind
    channel: Literal["email", "phone"]
    title: Choice
    subject: Choice | None = None
    body: Annotated[list[Paragraph], Field(min_length=1)]
    reminders: Annotated[list[LineSpec], Field(min_length=1, max_length=10)]
    sources: Annotated[list[str], Field(min_length=1)]
    note: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.channel == "email" and self.subject is None:
            raise ValueError("an email draft needs a subject")
        if self.channel == "phone" and self.subject is not None:
            raise ValueError("a phone draft has no subject")
        if len(set(self.sources)) != len(self.sources):
            raise ValueError("sources are listed twice")
        return self


class DraftsCatalog(_CatalogModel):
    """The whole catalog: the seed articles it cites and one template per draft kind."""

    version: Literal[1]
    sources: dict[str, str]
    drafts: list[DraftTemplate]

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        ids = [draft.id for draft in self.drafts]
        twice = sorted({str(kind) for kind in ids if ids.count(kind) > 1})
        if twice:
            raise ValueError(f"draft {', '.join(twice)} is defined twice")
        missing = [str(kind) for kind in DraftKind if kind not in ids]
        if missing:
            raise ValueError(f"no draft for {', '.join(missing)}")
        for draft in self.drafts:
            unknown = [name for name in draft.sources if name not in self.sources]
            if unknown:
                raise ValueError(f"draft {draft.id!r} cites unknown sources: {', '.join(unknown)}")
        return self

    def template(self, kind: str) -> DraftTemplate:
        """The template of draft kind `kind`; KeyError for an unknown kind."""
        for draft in self.drafts:
            if draft.id == kind:
                return draft
        raise KeyError(kind)

    def lines(self) -> list[Line]:
        """Every line of every draft: titles, subjects, bodies and reminders."""
        found: list[Line] = []
        for draft in self.drafts:
            found += draft.title + (draft.subject or [])
            found += [line for paragraph in draft.body for line in paragraph]
            found += draft.reminders
        return found


class DraftsCatalogError(ValueError):
    """The drafts catalog is missing, is not TOML, or does not match the expected shape."""


def parse_drafts_catalog(text: str, origin: str = CATALOG_FILE) -> DraftsCatalog:
    """Validate catalog TOML; raise DraftsCatalogError saying where and what is wrong."""
    return parse_catalog(text, origin, DraftsCatalog, DraftsCatalogError, "drafts", "drafts")


@cache
def load_drafts_catalog() -> DraftsCatalog:
    """The packaged catalog, validated once and then shared (the models are frozen)."""
    return parse_drafts_catalog(read_packaged_text(CATALOG_FILE, DraftsCatalogError), CATALOG_FILE)


# --- Filling a draft in ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Draft:
    """A filled-in draft, ready to copy."""

    kind: DraftKind
    channel: Channel
    """EMAIL or PHONE: pass it to complete_action when the draft was used."""
    title: str
    subject: str
    """The email subject; "" for a call."""
    body: str
    """Plain text: paragraphs unwrapped, separated by one empty line; no trailing spaces."""
    reminders: list[str]
    to: str = ""
    """The person's work email (for an email) or phone (for a call), if recorded."""

    @property
    def text(self) -> str:
        """Everything to copy in one go: the subject line (emails only), then the body."""
        return f"Subject: {self.subject}\n\n{self.body}" if self.subject else self.body


def _tidy(value: str) -> str:
    """One line, single spaces: free text typed over several lines reads as one phrase."""
    return " ".join(value.split())


def _phrase(value: str) -> str:
    """A typed answer made to fit mid-sentence: no closing full stop, no capital on 'The'."""
    text = _tidy(value).rstrip(" .;:,!")
    first, _, rest = text.partition(" ")
    if first.lower() in _LOWER_FIRST_WORDS and first[1:] == first[1:].lower():
        text = f"{first.lower()} {rest}".rstrip()
    return text


def greeting_name(person: Contact | None) -> str:
    """The first name to greet `person` by (titles such as 'Dr' skipped), else 'Hiring team'."""
    if person is None:
        return NO_PERSON_GREETING
    words = person.name.split()
    for word in words:
        if word.rstrip(".").lower() not in _HONORIFICS:
            return word
    return _tidy(person.name)


def interview_label(interview: Interview) -> str:
    """What the interview was: 'technical interview', 'video interview', or just 'interview'."""
    label = _KIND_LABELS.get(interview.kind)
    if label is None and interview.format is not None:
        label = _FORMAT_INTERVIEWS.get(interview.format)
    return label or "interview"


def _facts(
    application: Application, interview: Interview, person: Contact | None, your_name: str
) -> dict[str, str]:
    """Placeholder values; an optional one is left out when the record does not hold it."""
    signature = _tidy(your_name) or DEFAULT_YOUR_NAME
    facts = {
        "greeting_name": greeting_name(person),
        "company": _tidy(application.company),
        "role": _tidy(application.role),
        "interview": interview_label(interview),
        "interview_date": date_in_words(interview.at.date()),  # in the interview's own zone
        "your_name": signature,
        "person_name": _tidy(person.name) if person else "",
        "person_title": _tidy(person.title) if person else "",
        "interviewer_names": join_names([_tidy(p.name) for p in interview.interviewers]),
        "interview_format": _FORMAT_LABELS[interview.format] if interview.format else "",
        "interested_them": _phrase(interview.reflection.interested_them),
        "promised_to_send": _phrase(interview.promised_to_send),
        "decision_date": (
            date_in_words(interview.decision_expected_on) if interview.decision_expected_on else ""
        ),
        "recruiter_name": _tidy(application.recruiter.name) if application.recruiter else "",
    }
    present = {name: value for name, value in facts.items() if value}
    if signature == DEFAULT_YOUR_NAME:
        present["needs_your_name"] = "yes"
    return present


def _fill(text: str, facts: Mapping[str, str]) -> str:
    # One pass: a value that happens to contain braces is never read as a placeholder.
    return _PLACEHOLDER.sub(lambda match: facts[match.group(1)], text)


def _choose(lines: Sequence[Line], facts: Mapping[str, str], present: frozenset[str]) -> str:
    line = next(line for line in lines if line.applies(present))  # the last always applies
    return _fill(line.text, facts)


def render_draft(
    kind_id: str,
    application: Application,
    interview: Interview,
    person: Contact | None = None,
    your_name: str = DEFAULT_YOUR_NAME,
) -> Draft:
    """Fill in draft `kind_id` (a DraftKind value) for `interview` of `application`.

    `person` is whom it is addressed to (an interviewer, the recruiter) or None for the hiring
    team; `your_name` signs it (blank: the visible '[Your name]'). Raises KeyError for an
    unknown kind. Lines whose facts the record lacks are left out, never shown with a gap.
    """
    template = load_drafts_catalog().template(kind_id)
    facts = _facts(application, interview, person, your_name)
    present = frozenset(facts)
    paragraphs = []
    for paragraph in template.body:
        lines = [_fill(line.text, facts) for line in paragraph if line.applies(present)]
        if lines:
            paragraphs.append("\n".join(lines))
    channel = Channel.EMAIL if template.channel == "email" else Channel.PHONE
    address = ""
    if person is not None:
        address = person.email if channel == Channel.EMAIL else person.phone
    return Draft(
        kind=template.id,
        channel=channel,
        title=_choose(template.title, facts, present),
        subject=_choose(template.subject, facts, present) if template.subject else "",
        body="\n\n".join(paragraphs),
        reminders=[_fill(line.text, facts) for line in template.reminders if line.applies(present)],
        to=address.strip(),
    )


# --- Which drafts fit a planned action -----------------------------------------------------------


def _action_interview(action: PlannedAction, application: Application) -> Interview | None:
    for interview in application.interviews:
        if interview.id == action.interview_id:
            return interview
    return latest_interview(application)


def _interviewer_for(entry_id: str, name: str, interview: Interview | None) -> Contact:
    """The interviewer a thank-you entry is about: by their id (namesakes apart), else by name."""
    people = interview.interviewers if interview is not None else []
    _, _, person_id = entry_id.partition(":")
    for person in people:
        if person_id and person.id == person_id:
            return person
    for person in people:
        if _tidy(person.name) == _tidy(name):
            return person
    return Contact(name=name)  # renamed or removed since the plan was made: still greet them


def follow_up_contact(
    application: Application, interview: Interview | None = None
) -> Contact | None:
    """Whom to follow up with: the recruiter if recorded, else the first interviewer of
    `interview` (default: the latest one), else nobody in particular."""
    if application.recruiter is not None:
        return application.recruiter
    interview = interview if interview is not None else latest_interview(application)
    if interview is not None and interview.interviewers:
        return interview.interviewers[0]
    return None


def drafts_for_action(
    action: PlannedAction, application: Application
) -> list[tuple[str, Contact | None]]:
    """The drafts that fit a planned action, as (draft kind, whom to address it to).

    A thank-you action offers a note to each interviewer it names (None: no names recorded);
    a follow-up offers an email and a call to the follow-up contact; other actions offer none.
    """
    item_id = base_item_id(action.item_id)
    if item_id == THANK_YOU_ITEM:
        if not action.names:
            return [(DraftKind.THANK_YOU.value, None)]
        interview = _action_interview(action, application)
        return [
            (DraftKind.THANK_YOU.value, _interviewer_for(action.entry_id, name, interview))
            for name in action.names
        ]
    if item_id == FOLLOW_UP_ITEM:
        person = follow_up_contact(application, _action_interview(action, application))
        return [
            (DraftKind.FOLLOW_UP_EMAIL.value, person),
            (DraftKind.FOLLOW_UP_CALL.value, person),
        ]
    return []
