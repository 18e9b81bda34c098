"""The signals and cautions of one interview as a keyboard-driven list of yes/no toggles.

Shows state and asks for changes (messages up); never saves anything itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets.option_list import Option

from postinterview.ui.widgets.option_list import OptionList

SIGNALS_HEADING = "Encouraging signs: did you notice…"
CAUTIONS_HEADING = "Cautions: general experience, not from the articles; they weigh lightly"


@dataclass(frozen=True)
class SignalRow:
    """One signal or caution as the list shows it."""

    id: str
    """The signal or caution id (the key in `Interview.signals`)."""
    label: str
    """Its short name."""
    question: str
    """The question to ask yourself."""
    answer: bool | None
    """True: noticed; False: considered and not noticed; None: not answered yet."""
    suggestion: str = ""
    """Why the interview record suggests it ('ran 60 min of a planned 45'); "" if it does not."""
    note: str = ""
    """Nuance shown under the question (a signal's note, a caution's why)."""
    caution: bool = False
    """True for a caution (listed apart, and it lowers the score)."""


def _marker(row: SignalRow) -> Text:
    if row.answer is True:
        return Text("[✔]", style="bold red" if row.caution else "bold green")
    if row.answer is False:
        return Text("[✘]", style="bright_black")
    if row.suggestion:
        return Text("[?]", style="bold yellow")
    return Text("[ ]", style="bright_black")


def _state(row: SignalRow) -> Text:
    if row.answer is True:
        return Text("  yes", style="red" if row.caution else "green")
    if row.answer is False:
        return Text("  no", style="bright_black")
    if row.suggestion:
        return Text("  suggested", style="yellow")
    return Text()


def row_prompt(row: SignalRow) -> RenderableType:
    """The option for one row: a marker column, then label, state, question and notes."""
    body = Text()
    body.append(row.label, style="bold" if row.answer is not False else "")
    body.append_text(_state(row))
    body.append(f"\n{row.question}", style="italic")
    if row.suggestion and row.answer is None:
        body.append(f"\nSuggested from your notes: {row.suggestion}. ", style="yellow")
        body.append("y confirms", style="dim yellow")
    elif row.suggestion:
        body.append(f"\nYour notes say: {row.suggestion}", style="bright_black")
    if row.note:
        body.append(f"\n{row.note}", style="bright_black")
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(width=3, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(_marker(row), body)
    return grid


class SignalList(OptionList):
    """Signals, then cautions. y / n answer and move on; space/enter/click flips yes ↔ no;
    backspace clears an answer."""

    BINDINGS = [
        Binding("y", "answer(True)", "Noticed"),
        Binding("n", "answer(False)", "Not noticed"),
        Binding("space", "select", "Yes / no", show=False),  # y and n say it more plainly
        Binding("backspace", "clear", "Not answered", show=False),
    ]

    class AnswerRequested(Message):
        """The person answered one signal or caution (y or n)."""

        def __init__(self, item_id: str, noticed: bool) -> None:
            super().__init__()
            self.item_id = item_id
            """The signal or caution id."""
            self.noticed = noticed
            """True: noticed; False: considered and not noticed."""

    class ToggleRequested(Message):
        """The person asked to flip the answer to one signal or caution."""

        def __init__(self, item_id: str) -> None:
            super().__init__()
            self.item_id = item_id
            """The signal or caution id."""

    class ClearRequested(Message):
        """The person asked to take back the answer to one signal or caution."""

        def __init__(self, item_id: str) -> None:
            super().__init__()
            self.item_id = item_id
            """The signal or caution id."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._shown: dict[str, SignalRow] = {}

    def show(self, rows: Sequence[SignalRow]) -> None:
        """Display `rows`, redrawing only those that changed and keeping the highlight."""
        if list(self._shown) == [row.id for row in rows]:
            for row in rows:
                if self._shown[row.id] != row:
                    self.replace_option_prompt(row.id, row_prompt(row))
            self._shown = {row.id: row for row in rows}
            return
        options: list[Option | None] = [Option(Text(SIGNALS_HEADING, "bold"), disabled=True)]
        options += [Option(row_prompt(row), id=row.id) for row in rows if not row.caution]
        cautions = [Option(row_prompt(row), id=row.id) for row in rows if row.caution]
        if cautions:
            options += [None, Option(Text(CAUTIONS_HEADING, "bold"), disabled=True), *cautions]
        self.set_options(options)
        self._shown = {row.id: row for row in rows}
        self.highlighted = 1 if rows else None

    @property
    def highlighted_id(self) -> str | None:
        """The id of the highlighted row, if any."""
        option = self.highlighted_option
        return option.id if option is not None else None

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.ToggleRequested(event.option.id))

    def action_answer(self, noticed: bool) -> None:
        """Ask for the highlighted row's answer to be `noticed`, and move to the next row
        (the last one stays highlighted)."""
        item_id = self.highlighted_id
        if item_id is None:
            return
        self.post_message(self.AnswerRequested(item_id, noticed))
        current = self.highlighted if self.highlighted is not None else -1
        following = [i for i, o in enumerate(self.options) if i > current and not o.disabled]
        if following:
            self.highlighted = following[0]

    def action_clear(self) -> None:
        """Ask for the highlighted row's answer to be taken back."""
        if self.highlighted_id is not None:
            self.post_message(self.ClearRequested(self.highlighted_id))
