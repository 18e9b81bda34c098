"""One optional line per interviewer: what seemed to interest that person, for their note."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence

from textual import on
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static

from postinterview.domain.drafts import greeting_name
from postinterview.domain.models import Contact
from postinterview.formatting import shown
from postinterview.ui.widgets.shown_text import TextInput


class InterestLines(Vertical):
    """The lines, keyed by each interviewer's id, so a rename or a reorder keeps the text
    with its person. Answers for people no longer listed are kept, never dropped unseen.

    What is typed is kept here as it is typed, not read back from the inputs: while the
    lines are redrawn (someone added in the facts) the answers stay whole.
    """

    def __init__(self, id: str | None = None) -> None:  # noqa: A002 - Textual's own name
        super().__init__(id=id)
        self._shown: list[tuple[str, str]] = []
        """(id, name) of each person with a line now."""
        self._answers: dict[str, str] = {}
        """Person id -> the line as typed, for everyone, listed or not."""
        self._drawing = asyncio.Lock()

    async def show(self, people: Sequence[Contact], answers: Mapping[str, str]) -> None:
        """One line per person in `people`, filled from `answers` (person id -> text)."""
        async with self._drawing:
            self._answers = dict(answers)
            await self._draw(people)

    async def follow(self, people: Sequence[Contact]) -> None:
        """Show `people` (saved just now, perhaps renamed, added or removed), keeping what is
        typed in each line with its person."""
        async with self._drawing:
            if not self.is_attached:  # the screen has closed meanwhile
                return
            if [(person.id, person.name) for person in people] != self._shown:
                await self._draw(people)

    async def _draw(self, people: Sequence[Contact]) -> None:
        self._shown = [(person.id, person.name) for person in people]
        rows: list[Static | Horizontal] = []
        if not people:
            rows.append(
                Static("Name your interviewers in step 1 to note what interested each one.")
            )
        for index, person in enumerate(people):
            rows.append(
                Horizontal(
                    Label(shown(person.name), id=f"interest-name-{index}", markup=False),
                    TextInput(
                        self._answers.get(person.id, ""),
                        placeholder=f"what {greeting_name(person)} asked most about (optional)",
                        id=f"interest-{index}",
                        name=person.id,
                    ),
                    classes="interest-row",
                )
            )
        await self.remove_children()
        await self.mount_all(rows)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        # Not stopped: the screen saves on the same message, after this has kept the text.
        if event.input.name is not None:
            self._answers[event.input.name] = event.value

    def answers(self) -> dict[str, str]:
        """Person id -> what is typed for them, blank lines left out (people not listed now
        included)."""
        return {pid: text for pid, text in self._answers.items() if text.strip()}
