"""What an import picked in the app needs of the workspace, and what it tells the person.

The workspace is reached only through `Saver`, the part of its save path an import uses, so
that the app's import and a test's fake save the same way. Pure: no storage, no Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

from postinterview.domain.models import Application


class Saved(Protocol):
    """What a save came to (the workspace's `SaveOutcome`)."""

    @property
    def ok(self) -> bool: ...

    @property
    def error(self) -> str: ...


class HoldsApplication(Protocol):
    """A record read from the folder (the workspace's `Stored`)."""

    @property
    def application(self) -> Application: ...


class Saver(Protocol):
    """The workspace's save path, as far as an import uses it."""

    @property
    def records(self) -> Mapping[str, HoldsApplication]: ...

    def one_step(self, label: str) -> AbstractContextManager[None]: ...

    def add(self, application: Application) -> Saved: ...

    def update(self, app_id: str, change: Callable[[Application], Application]) -> Saved:
        """Apply the pure `change` to the application as it is on disk now (an invitation's
        interview added to it)."""
        ...


@dataclass(frozen=True)
class ImportDone:
    """What `apply` did, in words for the person."""

    message: str
    saved: int = 0
    """Applications saved."""
    failed: bool = False
    """A save was refused: the message says which row and why; the rows before it are saved
    (and undone together)."""
