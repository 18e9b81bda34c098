"""The two forms of the interview screen: the facts, and the reflection.

They show values and report what is typed; the screen validates and saves.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Checkbox, Input, Label, RadioButton, RadioSet, Select, Static, TextArea

from postinterview.domain.models import Contact, Interview, InterviewFormat, InterviewKind
from postinterview.ui.interview_fields import (
    REFLECTION_FIELDS,
    contact_text,
    facts_text,
)
from postinterview.ui.markup import escape_markup
from postinterview.ui.widgets.contacts_editor import ContactsEditor

KIND_CHOICES = [(kind.value.capitalize(), kind) for kind in InterviewKind]
FORMAT_CHOICES = [
    ("In person", InterviewFormat.IN_PERSON),
    ("Phone", InterviewFormat.PHONE),
    ("Video", InterviewFormat.VIDEO),
]

# The single-line fact fields: label and placeholder.
FACT_LABELS = {
    "at": ("Started at (local time)", "YYYY-MM-DD HH:MM"),
    "round": ("Round", "1 for a first interview"),
    "planned_minutes": ("Planned minutes", "e.g. 45"),
    "actual_minutes": ("Actual minutes", "e.g. 60"),
    "decision_expected_on": ("They will decide by", "YYYY-MM-DD"),
    "contact_method": ("How they will contact you", "e.g. the recruiter will call"),
    "next_steps": ("Next steps they described", "e.g. a final round with the CTO"),
    "promised_to_send": ("Anything you promised to send", "e.g. my notice period"),
}

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


def _field(name: str) -> Vertical:
    """A labelled input with room for its error message under it."""
    label, placeholder = FACT_LABELS[name]
    return Vertical(
        Label(label, classes="field-label"),
        Input(placeholder=placeholder, id=name),
        Static("", id=f"{name}-error", classes="field-error"),
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

    def compose(self) -> ComposeResult:
        yield Horizontal(
            _field("at"),
            _select("kind", "Kind", KIND_CHOICES, "Kind"),
            _select("format", "Format", FORMAT_CHOICES, "Not recorded"),
            classes="row",
        )
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

    def text(self) -> dict[str, str]:
        """What is typed in each single-line field."""
        return {name: self.query_one(f"#{name}", Input).value for name in FACT_LABELS}

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
            error = self.query_one(f"#{name}-error", Static)
            error.update(escape_markup(errors.get(name, "")))
            error.display = name in errors


class ReflectionForm(VerticalScroll):
    """Honest notes while memory is fresh, and whether you still want the job."""

    def compose(self) -> ComposeResult:
        for name in REFLECTION_FIELDS:
            yield Label(REFLECTION_PROMPTS[name], classes="field-label")
            yield TextArea(id=name, classes="reflection")
        yield Label("Do you still want this job?", classes="field-label")
        with RadioSet(id="still_want"):
            for value, label in STILL_WANT:
                yield RadioButton(label, id=f"still-{value}")
        yield Checkbox("It went badly: show me the steps that help you recover", id="went_badly")
        yield Static(
            "Next (ctrl+n): the signs you noticed, then the checklist.", classes="dialog-detail"
        )

    def load(self, interview: Interview) -> None:
        """Show `interview`'s reflection."""
        reflection = interview.reflection
        for name in REFLECTION_FIELDS:
            self.query_one(f"#{name}", TextArea).text = getattr(reflection, name)
        for value, _ in STILL_WANT:
            self.query_one(f"#still-{value}", RadioButton).value = reflection.still_want == value
        self.query_one("#went_badly", Checkbox).value = interview.went_badly

    def values(self) -> tuple[dict[str, Any], bool]:
        """The reflection's fields, and whether it went badly."""
        answers: dict[str, Any] = {
            name: self.query_one(f"#{name}", TextArea).text for name in REFLECTION_FIELDS
        }
        pressed = self.query_one("#still_want", RadioSet).pressed_button
        answers["still_want"] = (
            pressed.id.removeprefix("still-") if pressed and pressed.id else None
        )
        return answers, self.query_one("#went_badly", Checkbox).value
