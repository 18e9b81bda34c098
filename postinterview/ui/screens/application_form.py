"""The add/edit application form, in a modal.

The form validates what was typed and hands the values to a `save` function given by the
screen that opened it; the form closes only when that save succeeds, so a failed save (full
disk, a conflict with another window) leaves everything typed on screen to try again. What is
typed is kept as it is typed (ui.kept_form), so a quit or a crash does not lose it either; a
problem moves the focus to the field at fault, with its message in view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
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
from postinterview.ui.kept_form import FormKeeper, KeptForm
from postinterview.ui.widgets.date_field import DateField
from postinterview.ui.widgets.form_messages import show_duplicates, show_message
from postinterview.ui.widgets.shown_text import PlainText, TextEditor, TextInput

SaveFunction = Callable[[dict[str, Any]], str | None]
"""Given the form's values, saves them and returns None, or returns why it could not."""

DuplicateFinder = Callable[[str], list[str]]
"""Given a company name, describes the applications already made to that company."""


CHOICES = ("stage", "source", "company_size")
"""The form's choices, kept by their values alongside the text."""


class ApplicationFormScreen(KeptForm):
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
        keeper: FormKeeper | None = None,
        restored: dict[str, str] | None = None,
    ) -> None:
        super().__init__(keeper)
        self._initial_company = initial_company
        self._restored = restored
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
        if self._restored is not None:
            initial = self._restored
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
                    value=_restored_choice(initial, "stage", OPEN_STAGES, Stage.APPLIED),
                    allow_blank=False,
                    id="stage",
                )
            yield Label("How you applied", classes="field-label")
            yield Select(
                SOURCE_CHOICES,
                value=_restored_choice(
                    initial,
                    "source",
                    _values(SOURCE_CHOICES),
                    _selected(app.source if app else None),
                ),
                prompt="Not recorded",
                id="source",
            )
            yield Label("Company size (sets when to follow up)", classes="field-label")
            yield Select(
                SIZE_CHOICES,
                value=_restored_choice(
                    initial,
                    "company_size",
                    _values(SIZE_CHOICES),
                    _selected(app.company_size if app else None),
                ),
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

    def form_fields(self) -> dict[str, str]:
        fields = self._text()
        for name in CHOICES:
            if self.is_new or name != "stage":
                choice = self._choice(name)
                fields[name] = "" if choice is None else str(choice.value)
        return fields

    def _choice(self, widget_id: str) -> Any:
        value = self.query_one(f"#{widget_id}", Select).value
        return None if value == Select.NULL else value

    # Reacting ----------------------------------------------------------------------------------

    @on(Input.Changed, "#company")
    def _company_changed(self, event: Input.Changed) -> None:
        self._show_duplicates(event.value)
        self._set_error("company", "")

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    def _typed(self) -> None:
        self.note_typing()

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
            self._set_form_error("Please correct the fields marked above.")
            first = next(spec.name for spec in (*TEXT_FIELDS, NOTES_FIELD) if spec.name in errors)
            self.show_fault(first, self._error_line(first))
            return
        duplicates = self._duplicates(values["company"])
        if duplicates and self._confirmed_duplicate_of != values["company"]:
            self._confirmed_duplicate_of = values["company"]
            warning = "You already applied to this company. Save again to add it anyway."
            self._set_form_error(warning)
            show_duplicates(self.query_one("#duplicate-warning", Static), duplicates, f" {warning}")
            self.show_fault("company", self.query_one("#duplicate-warning", Static))
            return
        if self.is_new:
            values["stage"] = self._choice("stage") or Stage.APPLIED
        problem = self._save(values)
        if problem:
            self._set_form_error(problem)
            self.show_fault("save", self.query_one("#form-error", Static))
            return
        self.saved()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    # Showing feedback --------------------------------------------------------------------------

    def _duplicates(self, company: str) -> list[str]:
        if self._application and company.strip() == self._application.company.strip():
            return []  # editing, and the company is unchanged: it is not a duplicate of itself
        return self._find_duplicates(company)

    def _show_duplicates(self, company: str) -> None:
        show_duplicates(self.query_one("#duplicate-warning", Static), self._duplicates(company))

    def _error_line(self, name: str) -> Widget:
        if name in DATE_FIELDS:
            return self.query_one(f"#{name}-field", DateField)
        return self.query_one(f"#{name}-error", Static)

    def _set_error(self, field: str, message: str) -> None:
        if field in DATE_FIELDS:
            self.query_one(f"#{field}-field", DateField).show_problem(message)
            return
        show_message(self.query_one(f"#{field}-error", Static), message)

    def _set_form_error(self, message: str) -> None:
        show_message(self.query_one("#form-error", Static), message)


def _restored_choice(
    initial: dict[str, str], name: str, allowed: Iterable[Any], otherwise: Any
) -> Any:
    """The choice restored from kept text (a value not offered is not restored)."""
    if name not in initial:
        return otherwise
    if not initial[name] and name != "stage":
        return Select.NULL
    return next((value for value in allowed if value.value == initial[name]), otherwise)


def _values(choices: Iterable[tuple[str, Any]]) -> list[Any]:
    return [value for _, value in choices]


def _selected(value: object | None) -> Any:
    """A Select's value for an optional model value."""
    return Select.NULL if value is None else value
