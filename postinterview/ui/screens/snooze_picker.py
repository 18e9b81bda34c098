"""Choose how long to put an action off."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.widgets.option_list import Option

from postinterview.ui.widgets.option_list import OptionList
from postinterview.ui.widgets.shown_text import PlainText

MORNING = time(9, 0)
"""Snoozed actions come back at this local time."""


def snooze_choices(now: datetime) -> list[tuple[str, datetime]]:
    """(label, until) for tomorrow, in three days and in a week, each at 09:00 local time."""
    local = now.astimezone()

    def morning(days: int) -> datetime:
        day = local.date() + timedelta(days=days)
        return datetime.combine(day, MORNING, tzinfo=local.tzinfo)

    choices = [("Tomorrow", morning(1)), ("In three days", morning(3)), ("In a week", morning(7))]
    return [(f"{label}  ({when:%a %d %b}, {when:%H:%M})", when) for label, when in choices]


class SnoozePickerScreen(ModalScreen[datetime | None]):
    """Dismisses with the moment the action comes back, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, action_text: str, now: datetime) -> None:
        super().__init__()
        self._action_text = action_text
        self._choices = snooze_choices(now)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Snooze until…", classes="form-title")
            yield PlainText(self._action_text, classes="dialog-detail")
            yield OptionList(
                *[Option(label, id=str(index)) for index, (label, _) in enumerate(self._choices)],
                id="snooze-choices",
            )

    def on_mount(self) -> None:
        self.query_one("#snooze-choices").focus()

    @on(OptionList.OptionSelected, "#snooze-choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._choices[int(event.option.id or 0)][1])

    def action_cancel(self) -> None:
        """Close without snoozing."""
        self.dismiss(None)
