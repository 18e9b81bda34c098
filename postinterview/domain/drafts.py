"""Ready-to-send drafts filled in from the record.

What each draft says is data (`content/drafts.toml`, validated by `domain.drafts_catalog`).
This module fills a draft in from an application, one of its interviews (or none, for a quiet
application never interviewed), the person it is addressed to and how the person signs;
`domain.draft_offers` says which drafts fit a moment.

Pure: no Textual, no storage, no clock, no I/O. The same record always gives the same draft.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from postinterview.domain.calendar_words import date_in_words
from postinterview.domain.checklist import join_names
from postinterview.domain.drafts_catalog import DraftsCatalog, Line, fill
from postinterview.domain.models import (
    Application,
    Channel,
    Contact,
    Interview,
    InterviewFormat,
    InterviewKind,
)
from postinterview.domain.settings import DEFAULT_SIGN_OFF, YouSettings

NO_PERSON_GREETING: Final = "Hiring team"
"""{greeting_name} when the draft is addressed to nobody in particular."""

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


@dataclass(frozen=True, slots=True)
class Draft:
    """A filled-in draft, ready to copy."""

    kind: str
    """The catalog id of the draft, e.g. 'thank-you'."""
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
    optional: tuple[str, ...] = ()
    """Lines the person may add if they wish (never in the body)."""
    note: tuple[str, ...] = ()
    """Where the sources disagree about what such a draft should say."""

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


def sign_off_text(you: YouSettings) -> str:
    """The closing words without their comma ('Kind regards'), whatever was typed."""
    return _tidy(you.sign_off).rstrip(" ,.;:!") or DEFAULT_SIGN_OFF


def _interest_of(interview: Interview, person: Contact | None) -> str:
    """What interested `person`, if the reflection says; else what interested them all."""
    reflection = interview.reflection
    own = reflection.interested_them_by_person.get(person.id, "") if person else ""
    return _phrase(own) or _phrase(reflection.interested_them)


def _interview_facts(interview: Interview, person: Contact | None) -> dict[str, str]:
    others = [_tidy(p.name) for p in interview.interviewers if person is None or p.id != person.id]
    return {
        "interview": interview_label(interview),
        "interview_date": date_in_words(interview.at.date()),  # in the interview's own zone
        "interviewer_names": join_names([_tidy(p.name) for p in interview.interviewers]),
        "other_interviewers": join_names(others),
        "interview_format": _FORMAT_LABELS[interview.format] if interview.format else "",
        "interested_them": _interest_of(interview, person),
        "forgot_to_say": _phrase(interview.reflection.forgot_to_say),
        "promised_to_send": _phrase(interview.promised_to_send),
        "decision_date": (
            date_in_words(interview.decision_expected_on) if interview.decision_expected_on else ""
        ),
    }


def _facts(
    application: Application, interview: Interview | None, person: Contact | None, you: YouSettings
) -> dict[str, str]:
    """Placeholder values; an optional one is left out when the record does not hold it."""
    facts = {
        "greeting_name": greeting_name(person),
        "company": _tidy(application.company),
        "role": _tidy(application.role),
        "sign_off": sign_off_text(you),
        "your_name": _tidy(you.name),
        "person_name": _tidy(person.name) if person else "",
        "person_title": _tidy(person.title) if person else "",
        "recruiter_name": _tidy(application.recruiter.name) if application.recruiter else "",
        "applied_date": date_in_words(application.applied_on) if application.applied_on else "",
    }
    if interview is not None:
        facts.update(_interview_facts(interview, person))
    return {name: value for name, value in facts.items() if value}


def _choose(lines: Sequence[Line], facts: dict[str, str], present: frozenset[str]) -> str:
    line = next(line for line in lines if line.applies(present))  # the last always applies
    return fill(line.text, facts)


def _used(lines: Sequence[Line], facts: dict[str, str], present: frozenset[str]) -> list[str]:
    return [fill(line.text, facts) for line in lines if line.applies(present)]


def render_draft(
    catalog: DraftsCatalog,
    kind: str,
    application: Application,
    interview: Interview | None,
    person: Contact | None = None,
    you: YouSettings | None = None,
) -> Draft:
    """Fill in draft `kind` of `catalog` for `application` (and `interview`, if any).

    `person` is whom it is addressed to (an interviewer, the recruiter, a referee) or None for
    nobody in particular; `you` signs it (no name: the sign-off alone, and a reminder to add
    one). Raises KeyError for an unknown kind and ValueError for a draft that needs an
    interview when there is none. Lines whose facts the record lacks are left out, never
    shown with a gap.
    """
    template = catalog.template(kind)
    if template.needs_interview and interview is None:
        raise ValueError(f"the {kind} draft is about an interview, and there is none")
    facts = _facts(application, interview, person, you or YouSettings())
    present = frozenset(facts)
    paragraphs = []
    for paragraph in template.body:
        lines = _used(paragraph, facts, present)
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
        reminders=_used(template.reminders, facts, present),
        to=address.strip(),
        optional=tuple(_used(template.optional, facts, present)),
        note=tuple(_used(template.note, facts, present)),
    )
