"""Log a contact with the employer or recruiter: when, how, with whom, and what was said.

What is typed is kept as it is typed (ui.kept_form) until it is saved or discarded."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from postinterview.domain.limits import field_too_long
from postinterview.domain.models import Channel, ContactLogEntry
from postinterview.ui.date_text import moment_hint
from postinterview.ui.interview_fields import DATETIME_FORMAT, parse_local_time
from postinterview.ui.kept_form import FormKeeper, KeptForm
from postinterview.ui.widgets.date_field import DateField
from postinterview.ui.widgets.form_messages import show_message
from postinterview.ui.widgets.shown_text import PlainText, TextInput

LogFunction = Callable[[datetime, Channel, str, str], str | None]
"""Given when, channel, with whom and note, saves the entry and returns None, or why not."""

CHANNEL_CHOICES = [(channel.value.replace("_", " ").capitalize(), channel) for channel in Channel]


_LABELS = {"with_whom": "With whom", "note": "What was said"}
FIELDS = ("at", "channel", "with_whom", "note")
"""The form's fields, by their ids."""


class ContactLogFormScreen(KeptForm):
    """Dismisses True once the entry is saved, False when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]

    def __init__(
        self,
        company: str,
        now: datetime,
        log: LogFunction,
        keeper: FormKeeper | None = None,
        restored: dict[str, str] | None = None,
    ) -> None:
        super().__init__(keeper)
        self._restored = restored or {}
        self._company = company
        self._now = now
        self._log = log

    def compose(self) -> ComposeResult:
        restored = self._restored
        with VerticalScroll(id="dialog"):
            yield PlainText(f"Log a contact with {self._company}", classes="form-title")
            yield Label("When (local time)", classes="field-label")
            yield DateField(
                self._read_at,
                "at",
                restored.get("at", f"{self._now.astimezone():{DATETIME_FORMAT}}"),
                placeholder="e.g. now, 14:00, yesterday 4pm",
            )
            yield Label("How", classes="field-label")
            yield Select(CHANNEL_CHOICES, value=_channel(restored), allow_blank=False, id="channel")
            yield Label("With whom", classes="field-label")
            yield TextInput(
                restored.get("with_whom", ""), placeholder="e.g. Rae, the recruiter", id="with_whom"
            )
            yield Static("", id="with_whom-error", classes="field-error")
            yield Label("What was said or sent", classes="field-label")
            yield TextInput(
                restored.get("note", ""),
                placeholder="e.g. asked how the decision is going",
                id="note",
            )
            yield Static("", id="save-error", classes="field-error")
            with Horizontal(classes="buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="save")
                yield Button("Cancel  esc", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#with_whom", Input).focus()

    def form_fields(self) -> dict[str, str]:
        fields = {
            name: self.query_one(f"#{name}", Input).value for name in FIELDS if name != "channel"
        }
        channel = self.query_one("#channel", Select).value
        fields["channel"] = channel.value if isinstance(channel, Channel) else ""
        return fields

    @on(Input.Changed)
    @on(Select.Changed)
    def _typed(self) -> None:
        self.note_typing()

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
            self.show_fault("at", self.query_one("#at-field", DateField))
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
            self.show_fault("save", self.query_one("#save-error", Static))
            return
        self.saved()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()


def _channel(restored: dict[str, str]) -> Channel:
    try:
        return Channel(restored.get("channel", Channel.EMAIL.value))
    except ValueError:
        return Channel.EMAIL
