"""'I just had an interview' for a company not in your list yet: the company and the role only.

The interview is then recorded at once, as having started about an hour ago, and opened; the
rest of the application (location, recruiter, company size...) can be added later with `e`.
What is typed is kept as it is typed (ui.kept_form) until it is saved or discarded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from postinterview.domain.days import local_day
from postinterview.domain.editing import same_company
from postinterview.domain.interviews import new_interview_id, record_interview
from postinterview.domain.unsaved import QUICK_ADD, THEN_INTERVIEW, THEN_SCHEDULE, UnsavedForm
from postinterview.ui.application_fields import describe_company, parse_form
from postinterview.ui.interview_fields import default_interview_start
from postinterview.ui.kept_form import FormKeeper, KeptForm
from postinterview.ui.saving import create_application
from postinterview.ui.widgets.form_messages import show_duplicates, show_message
from postinterview.ui.widgets.shown_text import TextInput
from postinterview.workspace import Stored, Workspace

SaveFunction = Callable[[dict[str, Any]], str | None]
"""Given the application's values, saves them and returns None, or returns why it could not."""

DuplicateFinder = Callable[[str], list[str]]
"""Given a company name, describes the applications already made to that company."""

Choice = tuple[str, str]
"""The id of the application, and of the interview to open."""

FIELDS = {"company": "Company *", "role": "Role *"}


class QuickApplicationScreen(KeptForm):
    """Company and role; enter moves on, then saves. Dismisses True once saved."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
        # Enter is handled before the next key is: moving on from Input.Submitted came after
        # the keys already typed, so "Acme⏎Engineer" typed fast went into the company field.
        Binding("enter", "enter", show=False, priority=True),
    ]

    def __init__(
        self,
        save: SaveFunction,
        find_duplicates: DuplicateFinder,
        today: date,
        start: datetime,
        initial_company: str = "",
        keeper: FormKeeper | None = None,
        restored: dict[str, str] | None = None,
    ) -> None:
        super().__init__(keeper)
        self._restored = restored or {}
        self._save = save
        self._find_duplicates = find_duplicates
        self._today = today
        self._start = start
        self._initial_company = initial_company
        self._confirmed_duplicate_of: str | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog"):
            yield Static("I just had an interview", classes="form-title")
            yield Static(
                "Who was it with? The company and the role are enough for now. The interview "
                f"is recorded as starting at {self._start.astimezone():%H:%M}, about an hour "
                "ago; you can change that on the next screen.",
                classes="dialog-detail",
            )
            for name, label in FIELDS.items():
                yield Label(label, classes="field-label")
                value = self._initial_company if name == "company" else ""
                value = self._restored.get(name, value)
                placeholder = "e.g. Acme Robotics" if name == "company" else "e.g. Data Engineer"
                yield TextInput(value, placeholder=placeholder, id=name)
                yield Static("", id=f"{name}-error", classes="field-error")
                if name == "company":
                    yield Static("", id="duplicate-warning", classes="field-warning")
            yield Static("", id="form-error", classes="form-error")
            with Horizontal(classes="buttons"):
                yield Button("Record the interview  enter", variant="primary", id="save")
                yield Button("Cancel  esc", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#role" if self._initial_company else "#company", Input).focus()
        self._show_duplicates(self.query_one("#company", Input).value)

    def form_fields(self) -> dict[str, str]:
        return {name: self.query_one(f"#{name}", Input).value for name in FIELDS}

    @on(Input.Changed)
    def _typed(self) -> None:
        self.note_typing()

    @on(Input.Changed, "#company")
    def _company_changed(self, event: Input.Changed) -> None:
        self._show_duplicates(event.value)
        self._set_error("company", "")

    @on(Input.Changed, "#role")
    def _role_changed(self) -> None:
        self._set_error("role", "")

    def action_enter(self) -> None:
        """From the company to the role (focus moves at once), else save; a button presses."""
        focused = self.focused
        if isinstance(focused, Button):
            focused.press()
            return
        role = self.query_one("#role", Input)
        if focused is self.query_one("#company", Input) and not role.value.strip():
            self.set_focus(role)
        else:
            self.action_save()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        """Check both fields, then save through the opener; stay open if that fails."""
        values, errors = parse_form(self.form_fields(), None, None, self._today)
        for name in FIELDS:
            self._set_error(name, errors.get(name, ""))
        wrong = [name for name in FIELDS if name in errors]
        if wrong:
            self.show_fault(wrong[0], self.query_one(f"#{wrong[0]}-error", Static))
            return
        company = values["company"]
        if self._find_duplicates(company) and self._confirmed_duplicate_of != company:
            self._confirmed_duplicate_of = company
            self._set_form_error(
                "You already applied to this company: escape and choose it from the list, "
                "or press enter again to add it anyway."
            )
            self.show_fault("company", self.query_one("#form-error", Static))
            return
        problem = self._save(values)
        if problem:
            self._set_form_error(problem)
            self.show_fault("save", self.query_one("#form-error", Static))
            return
        self.saved()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def _show_duplicates(self, company: str) -> None:
        duplicates = self._find_duplicates(company) if company.strip() else []
        show_duplicates(self.query_one("#duplicate-warning", Static), duplicates)

    def _set_error(self, name: str, message: str) -> None:
        show_message(self.query_one(f"#{name}-error", Static), message)

    def _set_form_error(self, message: str) -> None:
        show_message(self.query_one("#form-error", Static), message)


def record_interview_now(
    workspace: Workspace, stored: Stored, merge_key: str = ""
) -> tuple[Choice | None, str]:
    """Add an interview that started about an hour ago to `stored`, saved at once: the
    application and interview ids, or None and why it could not be saved. (`merge_key`: the
    one the application was added with, so one undo takes both back.)"""
    interview_id = new_interview_id()
    now = workspace.clock()
    start = default_interview_start(now)
    app_id = stored.application.id
    outcome = workspace.update(
        app_id, lambda a: record_interview(a, interview_id, start, now), merge_key=merge_key
    )
    if not outcome.ok:
        return None, outcome.error
    return (app_id, interview_id), ""


def add_and_record(
    app: App[Any],
    workspace: Workspace,
    company: str,
    then: Callable[[Choice], object],
    record: bool = True,
    restored: UnsavedForm | None = None,
) -> None:
    """Ask for the company and role, add the application, record the interview (unless not
    `record`: then the interview id is ""), then `then(choice)`; nothing happens if the
    person cancels. `restored`: the text an earlier session left in this form."""
    created: list[Stored] = []
    merge_key = f"quick-add:{new_interview_id()}"  # the add and its interview: one undo

    def save(values: dict[str, Any]) -> str | None:
        outcome = create_application(workspace, values, merge_key)
        if outcome.stored is not None:
            created.append(outcome.stored)
        return outcome.error or None

    def duplicates(name: str) -> list[str]:
        return [describe_company(a) for a in same_company(workspace.applications(), name)]

    def closed(saved: bool | None) -> None:
        if not saved or not created:
            return
        if not record:
            then((created[0].application.id, ""))
            return
        choice, problem = record_interview_now(workspace, created[0], merge_key)
        if choice is None:
            app.notify(problem, severity="error", timeout=8)
            return
        then(choice)

    now = workspace.clock()
    keeper = FormKeeper(
        workspace.unsaved,
        QUICK_ADD,
        key=restored.key if restored else "",
        then=THEN_INTERVIEW if record else THEN_SCHEDULE,
        opened_with=dict(restored.opened_with) if restored else None,
    )
    form = QuickApplicationScreen(
        save,
        duplicates,
        local_day(now),
        default_interview_start(now),
        initial_company=company,
        keeper=keeper,
        restored=dict(restored.fields) if restored else None,
    )
    app.push_screen(form, closed)
