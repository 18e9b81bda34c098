"""Widgets that put a person's own text on screen: shown, never obeyed.

Textual sends a value's control characters to the terminal as they are (Rich drops only BEL,
BS, VT, FF and CR; ESC, C1 and DEL go through), so a company typed or imported as
`Acme ESC[2J` would clear the screen. These draw every control character as a visible
stand-in (`formatting.shown`); the value they hold, edit and hand back is untouched.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual.expand_tabs import expand_tabs_inline
from textual.widgets import Input, Static, TextArea

from postinterview.formatting import shown, shown_in_place


class PlainText(Static):
    """A person's text as it is: no markup read in it, control characters shown."""

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        super().__init__(shown(text), markup=False, **kwargs)

    def show_text(self, text: str) -> None:
        """Show `text` instead."""
        self.update(shown(text))


class TextInput(Input):
    """An Input whose value is drawn with one visible stand-in per control character, so the
    cursor and the selection stay on the characters they belong to. Its placeholder, which may
    name someone ("what Sam asked about"), is shown too."""

    def validate_placeholder(self, placeholder: str) -> str:
        return shown(placeholder)

    def _position_to_cell(self, position: int) -> int:
        # As drawn: a stand-in takes a cell where the control character took none.
        return cell_len(expand_tabs_inline(shown_in_place(self.value[:position]), 4))

    @property
    def _value(self) -> Text:
        text = super()._value
        text.plain = shown_in_place(self.value) if not self.password else text.plain
        return text


class TextEditor(TextArea):
    """A TextArea whose lines are drawn with control characters as visible stand-ins."""

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        line.plain = shown_in_place(self.document.get_line(line_index))
        return line
