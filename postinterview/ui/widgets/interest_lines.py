"""One optional line per interviewer: what seemed to interest that person, for their note."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static

from postinterview.domain.drafts import greeting_name
from postinterview.domain.models import Contact


class InterestLines(Vertical):
    """The lines, keyed by each interviewer's id, so a rename or a reorder keeps the text
    with its person. Answers for people no longer listed are kept, never dropped unseen."""

    def __init__(self, id: str | None = None) -> None:  # noqa: A002 - Textual's own name
        super().__init__(id=id)
        self._ids: list[str] = []
        self._kept: dict[str, str] = {}

    async def show(self, people: Sequence[Contact], answers: Mapping[str, str]) -> None:
        """One line per person in `people`, filled from `answers` (person id -> text)."""
        self._ids = [person.id for person in people]
        self._kept = {pid: text for pid, text in answers.items() if pid not in self._ids}
        rows: list[Static | Horizontal] = []
        if not people:
            rows.append(
                Static("Name your interviewers in step 1 to note what interested each one.")
            )
        for index, person in enumerate(people):
            rows.append(
                Horizontal(
                    Label(person.name, id=f"interest-name-{index}", markup=False),
                    Input(
                        answers.get(person.id, ""),
                        placeholder=f"what {greeting_name(person)} asked most about (optional)",
                        id=f"interest-{index}",
                    ),
                    classes="interest-row",
                )
            )
        await self.remove_children()
        await self.mount_all(rows)

    async def follow(self, people: Sequence[Contact]) -> None:
        """Show `people` (saved just now, perhaps renamed, added or removed), keeping what is
        typed in each line with its person."""
        if [person.id for person in people] != self._ids:
            await self.show(people, self.answers(keep_blank=True))
            return
        for index, person in enumerate(people):
            self.query_one(f"#interest-name-{index}", Label).update(person.name)

    def answers(self, keep_blank: bool = False) -> dict[str, str]:
        """Person id -> what is typed for them (blank lines left out unless `keep_blank`),
        and the kept answers of people not listed."""
        typed = {
            pid: self.query_one(f"#interest-{index}", Input).value
            for index, pid in enumerate(self._ids)
        }
        answers = {**self._kept, **typed}
        return {pid: text for pid, text in answers.items() if keep_blank or text.strip()}
