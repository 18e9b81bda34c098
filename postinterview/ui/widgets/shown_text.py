"""Widgets that put a person's own text on screen: shown, never obeyed.

Textual sends a value's control characters to the terminal as they are (Rich drops only BEL,
BS, VT, FF and CR; ESC, C1 and DEL go through), so a company typed or imported as
`Acme ESC[2J` would clear the screen. These draw every control character as a visible
stand-in (`formatting.shown`); the value they hold, edit and hand back is untouched.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import App, SuspendNotSupported
from textual.binding import Binding, BindingType
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


def suspended(app: App[Any]) -> AbstractContextManager[None]:
    """The app handing the terminal over while the `with` block runs."""
    return app.suspend()


class TextEditor(TextArea):
    """A TextArea whose lines are drawn with control characters as visible stand-ins;
    `ctrl+e` edits its text in the person's own editor (`ui/external_editor.py`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+e", "edit_outside", "Own editor", show=False),
    ]

    suspension: ClassVar[Callable[[App[Any]], AbstractContextManager[None]]] = staticmethod(
        suspended
    )
    """How the app gives up the terminal; tests put a stand-in here (a headless app cannot)."""

    def action_edit_outside(self) -> None:
        """Edit the text in `$VISUAL` or `$EDITOR`, then take it back as one edit (so undo and
        saving treat it as typing)."""
        from postinterview.ui.external_editor import NO_EDITOR, edit_text, editor_command

        if self.read_only:
            return
        command = editor_command(os.environ)
        if command is None:
            self.notify(NO_EDITOR, severity="warning")
            return
        try:
            with type(self).suspension(self.app):
                edited = edit_text(self.text, command)
        except SuspendNotSupported:
            self.notify("This terminal cannot hand over to an editor.", severity="warning")
            return
        if edited.text is None:
            self.notify(edited.problem, severity="warning")
        elif edited.text != self.text:
            self.replace(edited.text, (0, 0), self.document.end)

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        line.plain = shown_in_place(self.document.get_line(line_index))
        return line
