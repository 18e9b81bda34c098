"""The interview form's text, and turning it into Interview values with a message per bad field.

Pure functions (no widgets), so the rules are unit-tested and the screen stays thin.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from postinterview.domain.dates import DateRefused, day_label
from postinterview.domain.ids import new_person_id
from postinterview.domain.limits import field_too_long
from postinterview.domain.models import Contact, Interview, Referee, Reflection
from postinterview.domain.upcoming import FUTURE_TOLERANCE, start_problem
from postinterview.ui.date_text import (
    day_hint,
    local_moment_label,
    local_today,
    moment_hint,
    read_local_day,
    read_local_moment,
)

DATETIME_FORMAT = "%Y-%m-%d %H:%M"

FACT_FIELDS = (
    "at",
    "place",
    "round",
    "planned_minutes",
    "actual_minutes",
    "decision_expected_on",
    "contact_method",
    "next_steps",
    "promised_to_send",
)
REFLECTION_FIELDS = (
    "went_well",
    "to_improve",
    "interested_them",
    "struggled_with",
    "forgot_to_say",
)


@dataclass(frozen=True)
class ContactText:
    """One person's row as typed (an interviewer or a referee)."""

    name: str = ""
    title: str = ""
    contact: str = ""
    """An email address or a phone number; told apart by the '@'."""
    id: str = ""
    """The recorded person's id; "" for a row typed for someone new (parse_contacts gives
    them one). It is what ties the row to the person whatever the name or position."""

    @property
    def is_blank(self) -> bool:
        """True for a row nothing was typed in (it is ignored, not an error)."""
        return not (self.name.strip() or self.title.strip() or self.contact.strip())


def local_text(moment: datetime) -> str:
    """How a date and time is shown and typed: local time, to the minute."""
    return moment.astimezone().strftime(DATETIME_FORMAT)


def default_interview_start(now: datetime) -> datetime:
    """A guess at when an interview that just ended began: an hour ago, on the quarter hour."""
    start = (now - timedelta(hours=1)).astimezone()
    return start.replace(minute=start.minute - start.minute % 15, second=0, microsecond=0)


def contact_text(contact: Contact) -> ContactText:
    """The row text for a recorded person."""
    return ContactText(contact.name, contact.title, contact.email or contact.phone, contact.id)


def facts_text(interview: Interview) -> dict[str, str]:
    """The text each fact field shows for `interview`."""

    def number(value: int | None) -> str:
        return "" if value is None else str(value)

    decision = interview.decision_expected_on
    return {
        "at": local_text(interview.at),
        "place": interview.place,
        "round": number(interview.round),
        "planned_minutes": number(interview.planned_minutes),
        "actual_minutes": number(interview.actual_minutes),
        "decision_expected_on": decision.isoformat() if decision else "",
        "contact_method": interview.contact_method,
        "next_steps": interview.next_steps,
        "promised_to_send": interview.promised_to_send,
    }


def parse_local_time(text: str, now: datetime) -> tuple[datetime | None, str | None]:
    """A moment that has happened, typed in local time as people say it (`14:00`,
    `yesterday 2pm`, `mon 10:30`, `2026-11-20 14:00`), or None and why it is wrong."""
    try:
        moment = read_local_moment(text, now, prefer="past")
    except DateRefused as refusal:
        return None, str(refusal)
    if moment > now + FUTURE_TOLERANCE:
        when = local_moment_label(moment, now)
        return None, f"{when} is in the future: log it once it has happened."
    return moment, None


def read_interview_start(
    text: str, now: datetime, typed_at: datetime | None = None, upcoming: bool | None = False
) -> datetime:
    """When the interview began, or for one scheduled ahead (`upcoming`) when it begins (a
    weekday is the last one, or ahead, the coming one); ValueError saying why not.

    `typed_at` is when the text was typed: `now` or `14:00` mean that moment or day.
    `upcoming` is the start's rule (domain.upcoming.start_problem): True ahead, False
    behind, None either.
    """
    start = read_local_moment(text, typed_at or now, prefer="future" if upcoming else "past")
    refuse_future_start(start, now, upcoming)
    return start


def refuse_future_start(start: datetime, now: datetime, upcoming: bool | None = False) -> None:
    """ValueError when `start` breaks the start's rule (domain.upcoming.start_problem): an
    interview is recorded once it has happened, and scheduled ahead only for later."""
    problem = start_problem(start, now, upcoming, when=local_moment_label(start, now))
    if problem:
        raise ValueError(problem)


def read_decision_day(text: str, now: datetime) -> date:
    """The day they said they would decide by (`fri` is the coming one), counted from `now`
    (when it was typed); DateRefused why not."""
    return read_local_day(text, now, prefer="future")


def start_hint(text: str, now: datetime, upcoming: bool | None = False) -> str:
    """What the start field reads as: '→ today, Fri 20 Nov 14:30'; ValueError why not."""
    return moment_hint(read_interview_start(text, now, upcoming=upcoming), now)


def decision_hint(text: str, now: datetime) -> str:
    """What the decision field reads as: '→ Wed 9 Dec'; ValueError why not."""
    return day_hint(read_decision_day(text, now), local_today(now))


def parse_facts(
    text: dict[str, str],
    now: datetime,
    typed_at: Mapping[str, datetime] | None = None,
    upcoming: bool | None = False,
) -> tuple[dict[str, Any], dict[str, str]]:
    """Interview values from the fact fields, and a message for each field that is wrong.

    Wrong fields are left out of the values, so what is on disk for them stays as it was
    while the person corrects what they typed. `typed_at` says when a date field was typed:
    its words (`now`, `fri`) are read as of then. `upcoming` is the start's rule (see
    read_interview_start).
    """
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    typed = typed_at or {}

    at: datetime | None = None
    try:
        at = values["at"] = read_interview_start(text.get("at", ""), now, typed.get("at"), upcoming)
    except ValueError as problem:
        errors["at"] = str(problem)

    for name, label, low, high in (
        ("round", "The round", 1, 50),
        ("planned_minutes", "The planned length", 1, 24 * 60),
        ("actual_minutes", "The actual length", 1, 24 * 60),
    ):
        raw = text.get(name, "").strip()
        if not raw:
            values[name] = None
            continue
        try:
            number = int(raw)
        except ValueError:
            errors[name] = f"{label} is a whole number, e.g. 45."
            continue
        if not low <= number <= high:
            errors[name] = f"{label} must be between {low} and {high}."
        else:
            values[name] = number

    decision_text = text.get("decision_expected_on", "").strip()
    values["decision_expected_on"] = None
    if decision_text:
        try:
            decision = read_decision_day(decision_text, typed.get("decision_expected_on", now))
        except DateRefused as refusal:
            errors["decision_expected_on"] = str(refusal)
            del values["decision_expected_on"]
        else:
            if at is not None and decision < at.date():
                when = day_label(decision, local_today(now))
                errors["decision_expected_on"] = f"{when} is before the interview."
                del values["decision_expected_on"]
            else:
                values["decision_expected_on"] = decision

    for name, label in _TEXT_FACTS.items():
        value = text.get(name, "").strip()
        if too_long := field_too_long(Interview, name, label, value):
            errors[name] = f"{too_long}."  # left out: what is on disk stays
        else:
            values[name] = value
    return values, errors


_TEXT_FACTS = {
    "place": "Where",
    "contact_method": "How they will contact you",
    "next_steps": "The next steps",
    "promised_to_send": "What you promised",
}


def reflection_problems(answers: Mapping[str, Any]) -> dict[str, str]:
    """A message for each reflection answer too long to keep (see domain.limits)."""
    problems = {}
    for name, value in answers.items():
        if isinstance(value, str) and name in Reflection.model_fields:
            if problem := field_too_long(Reflection, name, "This answer", value):
                problems[name] = f"{problem}."
    return problems


def parse_contacts(
    rows: list[ContactText], recorded: Sequence[Contact], role: str = "interviewer"
) -> tuple[list[dict[str, Any]] | None, dict[int, str]]:
    """The people to store, or None while a row is wrong; and a message per bad row.

    Rows are matched to `recorded` people by id, never by name or position: a person keeps
    their other recorded details (notes, when a referee was warned, unknown keys) through a
    rename, a reorder or someone else's removal. A row without an id (someone new), or with an
    id another row already claimed, gets a fresh one.

    Each person comes out in full, as the model would dump them (defaults included): the
    screen compares these with what it last saved, and a new person missing a default field
    would look changed by someone else at the next edit.
    """
    model = Referee if role == "referee" else Contact
    by_id = {person.id: person for person in reversed(recorded)}  # the first wins, like a lookup
    taken = {row.id for row in rows if row.id} | set(by_id)
    claimed: set[str] = set()
    people: list[dict[str, Any]] = []
    errors: dict[int, str] = {}
    for index, row in enumerate(rows):
        if row.is_blank:
            continue
        if not row.name.strip():
            errors[index] = f"Give the {role}'s name, or clear the row."
            continue
        if problem := _row_too_long(row):
            errors[index] = problem
            continue
        person_id = row.id
        if not person_id or person_id in claimed:
            person_id = _fresh_id(taken)
        claimed.add(person_id)
        known = by_id.get(person_id)
        kept: dict[str, Any] = known.model_dump() if known is not None else {}
        contact = row.contact.strip()
        typed = {
            **kept,
            "id": person_id,
            "name": row.name.strip(),
            "title": row.title.strip(),
            "email": contact if "@" in contact else "",
            "phone": "" if "@" in contact else contact,
        }
        people.append(model.model_validate(typed).model_dump())
    return (None if errors else people), errors


def _row_too_long(row: ContactText) -> str:
    """Why a person's row cannot be kept as typed ('The name is 300 characters; ...'), or ''."""
    for label, field, value in (
        ("The name", "name", row.name),
        ("The title", "title", row.title),
        ("The email or phone", "email", row.contact),
    ):
        if problem := field_too_long(Contact, field, label, value.strip()):
            return f"{problem}."
    return ""


def _fresh_id(taken: set[str]) -> str:
    """A new person id unlike any in `taken` (which it joins)."""
    person_id = new_person_id()
    while person_id in taken:
        person_id = new_person_id()
    taken.add(person_id)
    return person_id
