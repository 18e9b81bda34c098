"""A list of people (name, title, email or phone) that grows and shrinks: interviewers, referees."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Static

from postinterview.ui.interview_fields import ContactText
from postinterview.ui.markup import escape_markup
from postinterview.ui.widgets.shown_text import TextInput


class ContactRow(Vertical):
    """One person."""

    def __init__(self, person: ContactText) -> None:
        super().__init__(classes="contact-row")
        self._person = person
        self.person_id = person.id
        """The id of the person this row is about ("" until a new row's person gets one): it
        stays with the row whatever is typed in it or wherever the row moves."""
        self.removed = False
        """Set as the row starts going away: an autosave meanwhile must not count it."""
        # Held, not queried: a save can read the row while it is being taken down.
        self._name_input = TextInput(person.name, placeholder="Name", classes="name")
        self._title_input = TextInput(person.title, placeholder="Job title", classes="title")
        self._contact_input = TextInput(
            person.contact, placeholder="Email or phone", classes="contact"
        )
        self._error_line = Static("", classes="field-error")

    def compose(self) -> ComposeResult:
        with Horizontal(classes="contact-fields"):
            yield self._name_input
            yield self._title_input
            yield self._contact_input
            yield Button("✕", classes="remove", tooltip="Remove this person")
        yield self._error_line

    def value(self) -> ContactText:
        """What is typed in the row."""
        return ContactText(
            self._name_input.value,
            self._title_input.value,
            self._contact_input.value,
            self.person_id,
        )

    def show_error(self, message: str) -> None:
        """Show (or clear, with "") the row's message."""
        self._error_line.update(escape_markup(message))
        self._error_line.display = bool(message)


class ContactsEditor(Vertical):
    """People of one kind. The screen reads `rows()`; this never saves."""

    class Changed(Message):
        """A row was added or removed (typing in a row arrives as Input.Changed)."""

    def __init__(self, add_label: str, *, id: str) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self._add_label = add_label

    def compose(self) -> ComposeResult:
        yield Vertical(classes="contact-rows")
        yield Button(self._add_label, classes="add-contact", compact=True)

    async def set_rows(self, people: list[ContactText]) -> None:
        """Replace every row; always leaves at least one (empty) row to type in."""
        container = self.query_one(".contact-rows")
        await container.remove_children()
        await container.mount_all([ContactRow(p) for p in people or [ContactText()]])

    def rows(self) -> list[ContactText]:
        """Every row's text, in order."""
        return [row.value() for row in self._live_rows()]

    def _live_rows(self) -> list[ContactRow]:
        return [row for row in self.query(ContactRow) if not row.removed]

    def keep_ids(self, people: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Remember on each row the id parse_contacts gave its person; returns `people`.

        `people` is what parse_contacts made of `rows()` (one per row that is not blank, in
        order). Without this a new person would get another fresh id at every keystroke and
        save, and lose the marks made on them in between.
        """
        filled = [row for row in self._live_rows() if not row.value().is_blank]
        for row, person in zip(filled, people, strict=False):
            row.person_id = str(person["id"])
        return people

    def show_errors(self, errors: dict[int, str]) -> None:
        """Show the message for each row that has one; clear the others."""
        for index, row in enumerate(self._live_rows()):
            row.show_error(errors.get(index, ""))

    @on(Button.Pressed, ".add-contact")
    async def add_row(self) -> None:
        """Add an empty row and put the cursor in it."""
        row = ContactRow(ContactText())
        await self.query_one(".contact-rows").mount(row)
        row.query_one(".name", Input).focus()
        self.post_message(self.Changed())

    @on(Button.Pressed, ".remove")
    async def _remove_row(self, event: Button.Pressed) -> None:
        event.stop()
        row = next(a for a in event.button.ancestors if isinstance(a, ContactRow))
        row.removed = True
        await row.remove()
        if not self._live_rows():
            await self.query_one(".contact-rows").mount(ContactRow(ContactText()))
        self.post_message(self.Changed())
