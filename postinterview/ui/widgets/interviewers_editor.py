"""A list of interviewer rows (name, title, email or phone) that grows and shrinks."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Static

from postinterview.ui.interview_fields import InterviewerText


class InterviewerRow(Vertical):
    """One interviewer."""

    def __init__(self, person: InterviewerText) -> None:
        super().__init__(classes="interviewer-row")
        self._person = person

    def compose(self) -> ComposeResult:
        with Horizontal(classes="interviewer-fields"):
            yield Input(self._person.name, placeholder="Name", classes="name")
            yield Input(self._person.title, placeholder="Job title", classes="title")
            yield Input(self._person.contact, placeholder="Email or phone", classes="contact")
            yield Button("✕", classes="remove", tooltip="Remove this interviewer")
        yield Static("", classes="field-error")

    def value(self) -> InterviewerText:
        """What is typed in the row."""
        return InterviewerText(
            self.query_one(".name", Input).value,
            self.query_one(".title", Input).value,
            self.query_one(".contact", Input).value,
        )

    def show_error(self, message: str) -> None:
        """Show (or clear, with "") the row's message."""
        error = self.query_one(".field-error", Static)
        error.update(message)
        error.display = bool(message)


class InterviewersEditor(Vertical):
    """The interviewers of one interview. The screen reads `rows()`; this never saves."""

    class Changed(Message):
        """A row was added or removed (typing in a row arrives as Input.Changed)."""

    def compose(self) -> ComposeResult:
        yield Vertical(id="interviewer-rows")
        yield Button("+ Add interviewer  ctrl+o", id="add-interviewer", compact=True)

    async def set_rows(self, people: list[InterviewerText]) -> None:
        """Replace every row; always leaves at least one (empty) row to type in."""
        container = self.query_one("#interviewer-rows")
        await container.remove_children()
        await container.mount_all([InterviewerRow(p) for p in people or [InterviewerText()]])

    def rows(self) -> list[InterviewerText]:
        """Every row's text, in order."""
        return [row.value() for row in self.query(InterviewerRow)]

    def show_errors(self, errors: dict[int, str]) -> None:
        """Show the message for each row that has one; clear the others."""
        for index, row in enumerate(self.query(InterviewerRow)):
            row.show_error(errors.get(index, ""))

    @on(Button.Pressed, "#add-interviewer")
    async def add_row(self) -> None:
        """Add an empty row and put the cursor in it."""
        row = InterviewerRow(InterviewerText())
        await self.query_one("#interviewer-rows").mount(row)
        row.query_one(".name", Input).focus()
        self.post_message(self.Changed())

    @on(Button.Pressed, ".remove")
    async def _remove_row(self, event: Button.Pressed) -> None:
        event.stop()
        row = next(a for a in event.button.ancestors if isinstance(a, InterviewerRow))
        await row.remove()
        if not self.query(InterviewerRow):
            await self.query_one("#interviewer-rows").mount(InterviewerRow(InterviewerText()))
        self.post_message(self.Changed())
