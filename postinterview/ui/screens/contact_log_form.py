"""Log a contact with the employer or recruiter: when, how, with whom, and what was said."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from postinterview.domain.limits import field_too_long
from postinterview.domain.models import Channel, ContactLogEntry
from postinterview.ui.date_text import moment_hint
from postinterview.ui.interview_fields import DATETIME_FORMAT, parse_local_time
from postinterview.ui.widgets.date_field import DateField
from postinterview.ui.widgets.form_messages import show_message
from postinterview.ui.widgets.shown_text import PlainText, TextInput

LogFunction = Callable[[datetime, Channel, str, str], str | None]
"""Given when, channel, with whom and note, saves the entry and returns None, or why not."""

CHANNEL_CHOICES = [(channel.value.replace("_", " ").capitalize(), channel) for channel in Channel]


_LABELS = {"with_whom": "With whom", "note": "What was said"}


class ContactLogFormScreen(ModalScreen[bool]):
    """Dismisses True once the entry is saved, False when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]

    def __init__(self, company: str, now: datetime, log: LogFunction) -> None:
        super().__init__()
        self._company = company
        self._now = now
        self._log = log

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield PlainText(f"Log a contact with {self._company}", classes="form-title")
            yield Label("When (local time)", classes="field-label")
            yield DateField(
                self._read_at,
                "at",
                f"{self._now.astimezone():{DATETIME_FORMAT}}",
                placeholder="e.g. now, 14:00, yesterday 4pm",
            )
            yield Label("How", classes="field-label")
            yield Select(CHANNEL_CHOICES, value=Channel.EMAIL, allow_blank=False, id="channel")
            yield Label("With whom", classes="field-label")
            yield TextInput(placeholder="e.g. Rae, the recruiter", id="with_whom")
            yield Static("", id="with_whom-error", classes="field-error")
            yield Label("What was said or sent", classes="field-label")
            yield TextInput(placeholder="e.g. asked how the decision is going", id="note")
            yield Static("", id="save-error", classes="field-error")
            with Horizontal(classes="buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="save")
                yield Button("Cancel  esc", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#with_whom", Input).focus()

    def _read_at(self, text: str) -> str:
        at, problem = parse_local_time(text, self._now)
        if at is None:
            raise ValueError(problem)
        return moment_hint(at, self._now)

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def action_save(self) -> None:
        """Check the time, then hand the entry to the log function."""
        at, problem = parse_local_time(self.query_one("#at", Input).value, self._now)
        self.query_one("#at-field", DateField).show_problem(problem or "")
        if at is None:
            self.query_one("#at", Input).focus()
            return
        channel = self.query_one("#channel", Select).value
        assert isinstance(channel, Channel)
        typed = {name: self.query_one(f"#{name}", Input).value.strip() for name in _LABELS}
        too_long = {
            name: field_too_long(ContactLogEntry, name, label, typed[name])
            for name, label in _LABELS.items()
        }
        for name, problem in too_long.items():  # said at the field; the note's under it
            line = "#with_whom-error" if name == "with_whom" else "#save-error"
            show_message(self.query_one(line, Static), f"{problem}." if problem else "")
        if wrong := [name for name, problem in too_long.items() if problem]:
            self.query_one(f"#{wrong[0]}", Input).focus()
            return
        failure = self._log(at, channel, typed["with_whom"], typed["note"])
        if failure is not None:
            show_message(self.query_one("#save-error", Static), failure)
            return
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(False)
