"""A text field for a day or a date and time, saying under it what it understood.

Typed as people say it (`next wed`, `tomorrow 2pm`, `1 Nov 2026`): a dim "→ Wed 9 Dec"
follows each keystroke once the text reads as a day. Text that does not read (yet) is
explained in the same place, in the warning colour, once the person pauses or leaves the
field, or when the form asks (`show_problem`): "2026-1" on its way to a date is not an error
worth shouting about. The field never changes what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import Input, Static

from postinterview.ui.markup import escape_markup
from postinterview.ui.widgets.shown_text import TextInput

Reader = Callable[[str], str]
"""Reads a field's text: returns what it was understood as ("→ Wed 9 Dec"), or raises
ValueError (a DateRefused, or a rule of the form such as "that is in the future") whose
str() is the message for the person."""

PAUSE_BEFORE_REFUSING = 0.8
"""Seconds of no typing before text that does not read is explained."""


class DateField(Vertical):
    """An Input (given `input_id`) with a hint line under it."""

    def __init__(
        self,
        reader: Reader,
        input_id: str,
        value: str = "",
        placeholder: str = "",
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(id=f"{input_id}-field")
        self.reader = reader
        """How the text is read; the form may replace it (the clock moved, a rule changed)."""
        self._clock = clock
        self.typed_at: datetime | None = clock() if clock else None
        """When the text last changed, by `clock`: read again later (an autosave minutes on),
        `now` or `tomorrow` must still mean what they meant when they were typed."""
        self._input = TextInput(value, placeholder=placeholder, id=input_id)
        self._hint = Static("", id=f"{input_id}-hint", classes="date-hint")
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield self._input
        yield self._hint

    @property
    def value(self) -> str:
        """What is typed."""
        return self._input.value

    @property
    def hint(self) -> str:
        """What the hint line says now."""
        return str(self._hint.render())

    @property
    def refused(self) -> bool:
        """True while the hint line explains why the text does not read."""
        return self._hint.has_class("refused")

    def on_mount(self) -> None:
        self.reread(explain=True)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if event.input is self._input:
            if self._clock is not None:
                self.typed_at = self._clock()
            self.reread(explain=not self._input.has_focus)

    @on(Input.Blurred)
    def _left(self, event: Input.Blurred) -> None:
        if event.input is self._input:
            self.reread(explain=True)

    def reread(self, explain: bool = True) -> None:
        """Read the text again and say what it means. Text that does not read is explained
        now when `explain`, else after a pause in the typing."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        text = self._input.value
        if not text.strip():
            self._show("", refused=False)
            return
        try:
            understood = self.reader(text)
        except ValueError as problem:
            if explain:
                self._show(str(problem), refused=True)
            else:
                self._show("", refused=False)  # an old "→ Wed 9 Dec" would be wrong now
                self._timer = self.set_timer(PAUSE_BEFORE_REFUSING, self.reread)
            return
        self._show(understood, refused=False)

    def show_problem(self, message: str) -> None:
        """Explain `message` under the field now (the form found it wrong); "" rereads."""
        if not message:
            self.reread()
            return
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._show(message, refused=True)

    def _show(self, text: str, refused: bool) -> None:
        self._hint.update(escape_markup(text))
        self._hint.set_class(refused, "refused")
