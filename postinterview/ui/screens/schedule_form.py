"""Schedule an interview ahead: when it starts. The rest (kind, format, where, who) is typed
on the interview screen, which opens next and saves as you type.

Asking for the start first means nothing is saved until there is a real time to save: an
interview booked with a made-up time would sit on Today and in the calendar.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from postinterview.ui.interview_fields import read_interview_start, start_hint
from postinterview.ui.kept_form import KeptForm
from postinterview.ui.markup import escape_markup
from postinterview.ui.widgets.date_field import DateField

ScheduleFunction = Callable[[datetime], str | None]
"""Given the start, saves the upcoming interview and returns None, or why it could not."""


class ScheduleFormScreen(KeptForm):
    """Dismisses True once the interview is saved, False when cancelled (escape asks first
    once a time is typed)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, describe: str, clock: Callable[[], datetime], schedule: ScheduleFunction):
        super().__init__()
        self._describe = describe
        self._clock = clock
        self._schedule = schedule

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Schedule an interview", classes="form-title")
            yield Static(
                f"{escape_markup(self._describe)}: when does it start?", classes="dialog-detail"
            )
            yield Label("Starts at (local time)", classes="field-label")
            yield DateField(
                lambda text: start_hint(text, self._clock(), upcoming=True),
                "when",
                placeholder="e.g. next wed 14:00, fri 2pm, 9 Dec 10:30",
                clock=self._clock,
            )
            yield Static(
                "[dim]enter saves it; kind, format, where and who come next · escape cancels[/]"
            )

    def on_mount(self) -> None:
        self.query_one("#when", Input).focus()

    def form_fields(self) -> dict[str, str]:
        return {"when": self.query_one("#when", Input).value}

    @on(Input.Submitted, "#when")
    def action_save(self) -> None:
        """Schedule the interview at the time typed; stay open with the reason if not."""
        field = self.query_one("#when-field", DateField)
        typed = self.query_one("#when", Input).value
        try:
            at = read_interview_start(typed, self._clock(), field.typed_at, upcoming=True)
        except ValueError as refusal:
            problem: str | None = str(refusal)
        else:
            problem = self._schedule(at)
        # What was typed stays in the field, so it can be corrected rather than retyped.
        field.show_problem(problem or "")
        if problem is None:
            self.saved()
