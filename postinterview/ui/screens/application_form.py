"""The add/edit application form, in a modal.

The form validates what was typed and hands the values to a `save` function given by the
screen that opened it; the form closes only when that save succeeds, so a failed save (full
disk, a conflict with another window) leaves everything typed on screen to try again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from postinterview.domain.models import Application, CompanySize, Source
from postinterview.domain.stages import OPEN_STAGES, Stage
from postinterview.ui.application_fields import (
    DATE_FIELDS,
    NOTES_FIELD,
    SIZE_CHOICES,
    SOURCE_CHOICES,
    TEXT_FIELDS,
    form_text_of,
    parse_form,
    read_field_day,
)
from postinterview.ui.date_text import day_hint
from postinterview.ui.widgets.date_field import DateField
from postinterview.ui.widgets.form_messages import show_duplicates, show_message
from postinterview.ui.widgets.shown_text import PlainText, TextEditor, TextInput

SaveFunction = Callable[[dict[str, Any]], str | None]
"""Given the form's values, saves them and returns None, or returns why it could not."""

DuplicateFinder = Callable[[str], list[str]]
"""Given a company name, describes the applications already made to that company."""


class ApplicationFormScreen(ModalScreen[bool]):
    """Add a new application, or edit one. Dismisses True once saved, False if cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]

    def __init__(
        self,
        save: SaveFunction,
        find_duplicates: DuplicateFinder,
        today: date,
        application: Application | None = None,
        initial_company: str = "",
    ) -> None:
        super().__init__()
        self._initial_company = initial_company
        self._save = save
        self._find_duplicates = find_duplicates
        self._today = today
        self._application = application
        self._confirmed_duplicate_of: str | None = None

    @property
    def is_new(self) -> bool:
        """True when adding rather than editing."""
        return self._application is None

    def compose(self) -> ComposeResult:
        app = self._application
        initial = form_text_of(app) if app else {"company": self._initial_company}
        title = f"Edit {app.company}" if app else "New application"
        with VerticalScroll(id="form"):
            yield PlainText(title, classes="form-title")
            for spec in TEXT_FIELDS:
                label = f"{spec.label} *" if spec.required else spec.label
                yield Label(label, classes="field-label")
                if spec.name in DATE_FIELDS:
                    yield DateField(
                        partial(self._read_day, spec.name),
                        spec.name,
                        initial.get(spec.name, ""),
                        placeholder=spec.placeholder,
                    )
                    continue
                yield TextInput(
                    initial.get(spec.name, ""), placeholder=spec.placeholder, id=spec.name
                )
                yield Static("", id=f"{spec.name}-error", classes="field-error")
                if spec.name == "company":
                    yield Static("", id="duplicate-warning", classes="field-warning")
            if self.is_new:
                yield Label("Stage", classes="field-label")
                yield Select(
                    [(stage.label, stage) for stage in OPEN_STAGES],
                    value=Stage.APPLIED,
                    allow_blank=False,
                    id="stage",
                )
            yield Label("How you applied", classes="field-label")
            yield Select(
                SOURCE_CHOICES,
                value=_selected(app.source if app else None),
                prompt="Not recorded",
                id="source",
            )
            yield Label("Company size (sets when to follow up)", classes="field-label")
            yield Select(
                SIZE_CHOICES,
                value=_selected(app.company_size if app else None),
                prompt="Not recorded",
                id="company_size",
            )
            yield Label("Notes", classes="field-label")
            yield TextEditor(initial.get("notes", ""), id="notes")
            yield Static("", id="notes-error", classes="field-error")
            yield Static("", id="form-error", classes="form-error")
            with Horizontal(classes="buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="save")
                yield Button("Cancel  esc", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#role" if self._initial_company else "#company", Input).focus()
        self._show_duplicates(self.query_one("#company", Input).value)

    # Reading the form --------------------------------------------------------------------------

    def _read_day(self, name: str, text: str) -> str:
        return day_hint(read_field_day(name, text, self._today), self._today)

    def _text(self) -> dict[str, str]:
        text = {spec.name: self.query_one(f"#{spec.name}", Input).value for spec in TEXT_FIELDS}
        text["notes"] = self.query_one("#notes", TextArea).text
        return text

    def _choice(self, widget_id: str) -> Any:
        value = self.query_one(f"#{widget_id}", Select).value
        return None if value == Select.NULL else value

    # Reacting ----------------------------------------------------------------------------------

    @on(Input.Changed, "#company")
    def _company_changed(self, event: Input.Changed) -> None:
        self._show_duplicates(event.value)
        self._set_error("company", "")

    @on(Input.Changed)
    def _clear_error(self, event: Input.Changed) -> None:
        # A date field says itself, as it is typed, what it reads.
        if event.input.id and event.input.id not in ("company", *DATE_FIELDS):
            self._set_error(event.input.id, "")

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        """Validate, then save through the screen; stay open with the reason if it fails."""
        source: Source | None = self._choice("source")
        size: CompanySize | None = self._choice("company_size")
        values, errors = parse_form(self._text(), source, size, self._today, self._application)
        for spec in (*TEXT_FIELDS, NOTES_FIELD):
            self._set_error(spec.name, errors.get(spec.name, ""))
        if errors:
            self.query_one(f"#{next(iter(errors))}").focus()
            self._set_form_error("Please correct the fields marked above.")
            return
        duplicates = self._duplicates(values["company"])
        if duplicates and self._confirmed_duplicate_of != values["company"]:
            self._confirmed_duplicate_of = values["company"]
            self._set_form_error(
                "You already applied to this company. Save again to add it anyway."
            )
            return
        if self.is_new:
            values["stage"] = self._choice("stage") or Stage.APPLIED
        problem = self._save(values)
        if problem:
            self._set_form_error(problem)
            return
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(False)

    # Showing feedback --------------------------------------------------------------------------

    def _duplicates(self, company: str) -> list[str]:
        if self._application and company.strip() == self._application.company.strip():
            return []  # editing, and the company is unchanged: it is not a duplicate of itself
        return self._find_duplicates(company)

    def _show_duplicates(self, company: str) -> None:
        show_duplicates(self.query_one("#duplicate-warning", Static), self._duplicates(company))

    def _set_error(self, field: str, message: str) -> None:
        if field in DATE_FIELDS:
            self.query_one(f"#{field}-field", DateField).show_problem(message)
            return
        show_message(self.query_one(f"#{field}-error", Static), message)

    def _set_form_error(self, message: str) -> None:
        show_message(self.query_one("#form-error", Static), message)


def _selected(value: object | None) -> Any:
    """A Select's value for an optional model value."""
    return Select.NULL if value is None else value
