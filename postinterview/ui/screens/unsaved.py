"""The two questions about unsaved typing: escape on a changed form, and, at start, text an
earlier session left in a form."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from postinterview.domain.unsaved import EDIT, UnsavedForm, describe
from postinterview.ui.widgets.shown_text import PlainText


class UnsavedQuestionScreen(ModalScreen[str]):
    """Escape on a changed form: dismisses "keep" (go on editing), "discard" or "save"."""

    BINDINGS = [
        Binding("escape,k", "answer('keep')", "Keep editing"),
        Binding("d", "answer('discard')", "Discard"),
        Binding("s", "answer('save')", "Save"),
    ]

    def __init__(
        self,
        detail: str = "This form holds changes that are not saved yet. Save them, throw them "
        "away, or go back to the form.",
        save_label: str = "Save",
    ) -> None:
        super().__init__()
        self._detail = detail
        self._save_label = save_label

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Close without saving?", classes="form-title")
            yield PlainText(self._detail, classes="dialog-detail")
            with Horizontal(classes="buttons"):
                yield Button("Keep editing  esc", id="keep")
                yield Button("Discard  d", variant="error", id="discard")
                yield Button(f"{self._save_label}  s", variant="primary", id="save")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "keep")

    def action_answer(self, answer: str) -> None:
        """Close with `answer`."""
        self.dismiss(answer)


class RestoreOfferScreen(ModalScreen[str]):
    """Text left in a form when the app last closed: dismisses "restore", "discard" or
    "later" (asked again at the next start)."""

    BINDINGS = [
        Binding("r", "answer('restore')", "Restore"),
        Binding("d", "answer('discard')", "Discard"),
        Binding("escape,l", "answer('later')", "Later"),
    ]

    def __init__(self, unsaved: UnsavedForm, gone: bool = False) -> None:
        """`gone`: the application the form was about is no longer in the list."""
        super().__init__()
        self._unsaved = unsaved
        self._gone = gone

    def compose(self) -> ComposeResult:
        doing = describe(self._unsaved)
        kept = self._unsaved.kept_at.astimezone()
        detail = (
            f"You were {doing} when the app closed, at {kept:%H:%M} on {kept:%d %b}. "
            "Restore opens the form with that text, to check and save; discard throws it away."
        )
        if self._gone and self._unsaved.form == EDIT:
            detail += " That application is no longer in your list: restoring adds it again."
        elif self._gone:
            detail += " That application is no longer in your list."
        with Vertical(id="dialog"):
            yield Static("Unsaved text from last time", classes="form-title")
            yield PlainText(detail, classes="dialog-detail")
            with Horizontal(classes="buttons"):
                yield Button("Restore  r", variant="primary", id="restore")
                yield Button("Discard  d", variant="error", id="discard")
                yield Button("Later  esc", id="later")

    def on_mount(self) -> None:
        self.query_one("#restore", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "later")

    def action_answer(self, answer: str) -> None:
        """Close with `answer`."""
        self.dismiss(answer)
