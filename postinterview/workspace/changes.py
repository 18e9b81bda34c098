"""What a workspace tells its views after anything changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    """Which records changed (saved here, saved in another window, edited by hand, deleted)."""

    ids: frozenset[str] = frozenset()
    """The applications added, changed or gone; a view redraws only these."""
    everything: bool = False
    """The whole folder was (re)loaded or the settings changed: redraw all."""
    problems: bool = False
    """The list of unreadable files changed."""

    def merged(self, other: Change) -> Change:
        """One change saying what this one and `other` say."""
        return Change(
            self.ids | other.ids,
            self.everything or other.everything,
            self.problems or other.problems,
        )

    def touches(self, app_id: str) -> bool:
        """Whether a view showing `app_id` needs to redraw it."""
        return self.everything or app_id in self.ids


class HeldChanges:
    """What changed while the listeners were held (`Workspace.changes_held`), told once."""

    def __init__(self) -> None:
        self._ids: set[str] = set()
        self._everything = self._problems = False

    def add(self, change: Change) -> None:
        self._ids |= change.ids
        self._everything |= change.everything
        self._problems |= change.problems

    def change(self) -> Change | None:
        """All of it as one change; None when nothing changed."""
        if not (self._ids or self._everything or self._problems):
            return None
        return Change(frozenset(self._ids), self._everything, self._problems)


Listener = Callable[[Change], None]
"""Called on the thread that changed the workspace (the UI's), once per change."""
