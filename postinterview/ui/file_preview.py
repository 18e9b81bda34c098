"""What the "Import a file" screen needs of a file's preview, and of what reads one.

The formats live in `transfer/`, which the UI does not import (ARCHITECTURE.md): the command
line builds the reader (`commands/app_import.preview_path`) and hands it to the app, so the
screen knows only these shapes. Every kind of file (a tracker, our backup, an invitation)
comes as one preview, and the screen treats them all alike.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from typing import Protocol, runtime_checkable

from postinterview.domain.models import Application
from postinterview.workspace import SaveOutcome, Stored


class ImportSaver(Protocol):
    """The workspace's save path as an import uses it (the workspace itself, or the screen's
    stand-in that runs each save on the UI thread)."""

    @property
    def records(self) -> Mapping[str, Stored]: ...

    def one_step(self, label: str) -> AbstractContextManager[None]: ...

    def add(self, application: Application) -> SaveOutcome: ...

    def update(self, app_id: str, change: Callable[[Application], Application]) -> SaveOutcome:
        """Change an application as it is on disk now (an invitation's interview added)."""
        ...


class ImportResult(Protocol):
    """What confirming did."""

    @property
    def message(self) -> str:
        """In words, for the notification."""
        ...

    @property
    def saved(self) -> int:
        """Applications saved."""
        ...

    @property
    def failed(self) -> bool:
        """A save was refused (the message says which row and why)."""
        ...


class FilePreview(Protocol):
    """One file, read but not saved."""

    @property
    def refused(self) -> bool:
        """The file cannot be imported; `lines()` says why."""
        ...

    @property
    def action(self) -> str:
        """What confirming does ("Import 3 applications"); "" when there is nothing to do."""
        ...

    def lines(self) -> list[str]:
        """What importing would do, as `postinterview import --dry-run` says it."""
        ...

    def apply(self, saver: ImportSaver) -> ImportResult:
        """Save it through the workspace, as one step for undo. Called off the UI thread:
        `saver` runs each save on it."""
        ...


@runtime_checkable
class ChoosesApplication(Protocol):
    """A preview (an invitation's) that waits for the person to say which application it
    goes to: `choices` are offered, `choose` gives the preview once one is picked (for a new
    application, with the company and role typed)."""

    @property
    def choices(self) -> Sequence[Choice]: ...

    def choose(self, key: str, company: str = "", role: str = "") -> FilePreview: ...


class Choice(Protocol):
    """One application offered, or a new one."""

    @property
    def key(self) -> str: ...

    @property
    def label(self) -> str: ...

    @property
    def new(self) -> bool:
        """A new application: the person types its company and role."""
        ...


class OpenFile(Protocol):
    """Reads the file at a path (run off the UI thread) into a preview against the
    applications already here; a path that cannot be read gives a refused preview, never an
    exception. `you` is the person's name in the settings (not one of their interviewers)."""

    def __call__(
        self, path: Path, now: datetime, existing: Sequence[Application], you: str | None = None
    ) -> FilePreview: ...
