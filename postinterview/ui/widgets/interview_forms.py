"""The two forms of the interview screen: the facts, and the reflection.

They show values and report what is typed; the screen validates and saves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Checkbox, Input, Label, RadioButton, RadioSet, Select, Static, TextArea

from postinterview.domain.models import Contact, Interview, InterviewFormat, InterviewKind
from postinterview.ui.interview_fields import (
    REFLECTION_FIELDS,
    contact_text,
    decision_hint,
    facts_text,
    start_hint,
)
from postinterview.ui.markup import escape_markup
from postinterview.ui.widgets.contacts_editor import ContactsEditor
from postinterview.ui.widgets.date_field import DateField
from postinterview.ui.widgets.form_messages import show_message
from postinterview.ui.widgets.interest_lines import InterestLines
from postinterview.ui.widgets.shown_text import TextEditor, TextInput

KIND_CHOICES = [(kind.value.capitalize(), kind) for kind in InterviewKind]
FORMAT_CHOICES = [
    ("In person", InterviewFormat.IN_PERSON),
    ("Phone", InterviewFormat.PHONE),
    ("Video", InterviewFormat.VIDEO),
]

DATE_FIELDS = {"at": start_hint, "decision_expected_on": decision_hint}
"""The fact fields typed as days or moments, and how each says what it read."""

# The single-line fact fields: label and placeholder.
FACT_LABELS = {
    "at": ("Started at (local time)", "e.g. 14:00 or mon 2pm"),
    "place": ("Where, or the link", "e.g. 2 Dock St, 3rd floor; or https://meet.example/abc"),
    "round": ("Round", "1 for a first interview"),
    "planned_minutes": ("Planned minutes", "e.g. 45"),
    "actual_minutes": ("Actual minutes", "e.g. 60"),
    "decision_expected_on": ("They will decide by", "e.g. fri, next wed, 9 Dec"),
    "contact_method": ("How they will contact you", "e.g. the recruiter will call"),
    "next_steps": ("Next steps they described", "e.g. a final round with the CTO"),
    "promised_to_send": ("Anything you promised to send", "e.g. my notice period"),
}

UPCOMING_START = ("Starts at (local time)", "e.g. next wed 14:00")
"""The start field's label and placeholder for an interview still to come."""

REFLECTION_PROMPTS = {
    "went_well": "What went well?",
    "to_improve": "What would you do better next time?",
    "interested_them": "What seemed to interest them most?",
    "struggled_with": "Which questions did you struggle with?",
    "forgot_to_say": "Anything you forgot to say?",
}
STILL_WANT = (("yes", "Yes"), ("unsure", "Not sure"), ("no", "No"))


def _choice(value: object | None) -> Any:
    return Select.NULL if value is None else value


def _labelled(
    name: str, clock: Callable[[], datetime], start_rule: bool | None = False
) -> Vertical:
    """A labelled input with room for its error message (or, for a date, its reading) under it.

    `start_rule` is the start time's rule (interview_fields.read_interview_start)."""
    label, placeholder = FACT_LABELS[name]
    if name in DATE_FIELDS:
        hint = DATE_FIELDS[name]
        if name == "at":
            if start_rule is True:  # scheduling ahead
                label, placeholder = UPCOMING_START
            return Vertical(
                Label(label, id=f"{name}-label", classes="field-label"),
                DateField(
                    lambda text: start_hint(text, clock(), start_rule),
                    name,
                    placeholder=placeholder,
                    clock=clock,
                ),
                classes="field",
            )
        return Vertical(
            Label(label, id=f"{name}-label", classes="field-label"),
            DateField(lambda text: hint(text, clock()), name, placeholder=placeholder, clock=clock),
            classes="field",
        )
    return Vertical(
        Label(label, id=f"{name}-label", classes="field-label"),
        TextInput(placeholder=placeholder, id=name),
        Static("", id=f"{name}-error", classes="field-error"),
        id=f"{name}-field",
        classes="field",
    )


def _select(name: str, label: str, choices: list[tuple[str, Any]], prompt: str) -> Vertical:
    return Vertical(
        Label(label, classes="field-label"),
        Select(choices, prompt=prompt, id=name),
        classes="field",
    )


class FactsForm(VerticalScroll):
    """When, what kind, who, how long, and what they said would happen next."""

    def __init__(self, clock: Callable[[], datetime], start_rule: bool | None = False) -> None:
        super().__init__()
        self._clock = clock
        self._start_rule = start_rule
        """The start time's rule: True ahead (scheduling), False behind, None either."""

    def compose(self) -> ComposeResult:
        def _field(name: str) -> Vertical:
            return _labelled(name, self._clock, self._start_rule)

        yield Horizontal(
            _field("at"),
            _select("kind", "Kind", KIND_CHOICES, "Kind"),
            _select("format", "Format", FORMAT_CHOICES, "Not recorded"),
            classes="row",
        )
        yield _field("place")
        yield Horizontal(
            _field("round"), _field("planned_minutes"), _field("actual_minutes"), classes="row"
        )
        yield Label("Interviewers (name, job title, email or phone)", classes="field-label")
        yield ContactsEditor("+ Add interviewer  ctrl+o", id="interviewers")
        yield Horizontal(_field("decision_expected_on"), _field("contact_method"), classes="row")
        yield _field("next_steps")
        yield _field("promised_to_send")
        yield Checkbox("They asked for references", id="references_requested")
        yield Label(
            "Your referees for this application (they are named in the checklist)",
            classes="field-label",
        )
        yield ContactsEditor("+ Add referee", id="referees")

    async def load(self, interview: Interview, referees: Sequence[Contact]) -> None:
        """Show `interview`, and the application's referees."""
        for name, text in facts_text(interview).items():
            self.query_one(f"#{name}", Input).value = text
        self.query_one("#kind", Select).value = interview.kind
        self.query_one("#format", Select).value = _choice(interview.format)
        self.query_one("#references_requested", Checkbox).value = interview.references_requested
        interviewers = self.query_one("#interviewers", ContactsEditor)
        await interviewers.set_rows([contact_text(p) for p in interview.interviewers])
        await self.query_one("#referees", ContactsEditor).set_rows(
            [contact_text(p) for p in referees]
        )

    def show_moment(self, upcoming: bool, has_place: bool) -> None:
        """Word the start for an interview still to come, or one that has happened; where it
        is matters beforehand, so afterwards it is shown only if it was recorded (and right
        after an interview, tabbing through the form does not pass it)."""
        label = UPCOMING_START[0] if upcoming else FACT_LABELS["at"][0]
        self.query_one("#at-label", Label).update(label)
        self.query_one("#place-field").display = upcoming or has_place

    def text(self) -> dict[str, str]:
        """What is typed in each single-line field."""
        return {name: self.query_one(f"#{name}", Input).value for name in FACT_LABELS}

    def typed_at(self) -> dict[str, datetime]:
        """When each date field was last typed in (its words are read as of then)."""
        fields = {name: self.query_one(f"#{name}-field", DateField) for name in DATE_FIELDS}
        return {name: field.typed_at for name, field in fields.items() if field.typed_at}

    def choices(self) -> dict[str, Any]:
        """The kind, format and references answers."""
        kind = self.query_one("#kind", Select).value
        fmt = self.query_one("#format", Select).value
        return {
            "kind": InterviewKind.OTHER if kind == Select.NULL else kind,
            "format": None if fmt == Select.NULL else fmt,
            "references_requested": self.query_one("#references_requested", Checkbox).value,
        }

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each field's message; clear the rest."""
        for name in FACT_LABELS:
            if name in DATE_FIELDS:
                self.query_one(f"#{name}-field", DateField).show_problem(errors.get(name, ""))
                continue
            error = self.query_one(f"#{name}-error", Static)
            error.update(escape_markup(errors.get(name, "")))
            error.display = name in errors


class ReflectionForm(VerticalScroll):
    """Honest notes while memory is fresh, and whether you still want the job."""

    def compose(self) -> ComposeResult:
        for name in REFLECTION_FIELDS:
            yield Label(REFLECTION_PROMPTS[name], classes="field-label")
            yield TextEditor(id=name, classes="reflection")
            yield Static("", id=f"{name}-error", classes="field-error")
            if name == "interested_them":
                yield Label(
                    "And each of them? One line each, for their own thank-you note",
                    classes="field-label",
                )
                yield InterestLines(id="interest-lines")
        yield Label("Do you still want this job?", classes="field-label")
        with RadioSet(id="still_want"):
            for value, label in STILL_WANT:
                yield RadioButton(label, id=f"still-{value}")
        yield Checkbox("It went badly: show me the steps that help you recover", id="went_badly")
        yield Static(
            "Next (ctrl+n): the signs you noticed, then the checklist.", classes="dialog-detail"
        )

    async def load(self, interview: Interview) -> None:
        """Show `interview`'s reflection."""
        reflection = interview.reflection
        for name in REFLECTION_FIELDS:
            self.query_one(f"#{name}", TextArea).text = getattr(reflection, name)
        lines = self.query_one(InterestLines)
        await lines.show(interview.interviewers, reflection.interested_them_by_person)
        for value, _ in STILL_WANT:
            self.query_one(f"#still-{value}", RadioButton).value = reflection.still_want == value
        self.query_one("#went_badly", Checkbox).value = interview.went_badly

    async def follow_people(self, people: Sequence[Contact]) -> None:
        """The interviewers as saved now: one line each for what interested them."""
        await self.query_one(InterestLines).follow(people)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each answer's message (one too long to keep); clear the rest."""
        for name in REFLECTION_FIELDS:
            show_message(self.query_one(f"#{name}-error", Static), errors.get(name, ""))

    def values(self) -> tuple[dict[str, Any], bool]:
        """The reflection's fields, and whether it went badly."""
        answers: dict[str, Any] = {
            name: self.query_one(f"#{name}", TextArea).text for name in REFLECTION_FIELDS
        }
        answers["interested_them_by_person"] = self.query_one(InterestLines).answers()
        pressed = self.query_one("#still_want", RadioSet).pressed_button
        answers["still_want"] = (
            pressed.id.removeprefix("still-") if pressed and pressed.id else None
        )
        return answers, self.query_one("#went_badly", Checkbox).value
