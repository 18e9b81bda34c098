"""A yes/no question in a modal."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button

from postinterview.ui.widgets.shown_text import PlainText


class ConfirmScreen(ModalScreen[bool]):
    """Asks a question; dismisses True for yes, False for no or escape."""

    BINDINGS = [
        Binding("escape,n", "answer(False)", "No"),
        Binding("y", "answer(True)", "Yes"),
    ]

    def __init__(self, question: str, detail: str, yes_label: str = "Yes") -> None:
        super().__init__()
        self._question = question
        self._detail = detail
        self._yes_label = yes_label

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield PlainText(self._question, classes="form-title")
            yield PlainText(self._detail, classes="dialog-detail")
            with Horizontal(classes="buttons"):
                yield Button(f"{self._yes_label}  y", variant="error", id="yes")
                yield Button("Cancel  n", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no(self) -> None:
        self.dismiss(False)

    def action_answer(self, answer: bool) -> None:
        """Close with `answer`."""
        self.dismiss(answer)
