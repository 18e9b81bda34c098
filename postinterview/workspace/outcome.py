"""What a save came to, in words a person can act on; and the one policy for its errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from postinterview.domain.editing import describe_validation_error
from postinterview.storage.history import Version
from postinterview.storage.store import Stored, StoreError

COMMENTS_LOST = "Your comments in this file could not be kept; the earlier text is in history/."
"""Said once, by the save that wrote a hand-edited file's plain form (storage/hand_edits.py)."""


@dataclass(frozen=True)
class SaveOutcome:
    """The result of one save: what is on disk now, or why nothing was written."""

    stored: Stored | None
    """The record as written; None when the save was refused (nothing on disk changed)."""
    error: str = ""
    """Why it was refused, for people; "" when saved."""
    merged: bool = False
    """The file had been changed elsewhere since it was last read here; the change was
    applied on top of that version, so nothing of it was lost."""

    @property
    def ok(self) -> bool:
        """True when the change is on disk."""
        return self.stored is not None

    @property
    def note(self) -> str:
        """What the person must be told even about a save that worked ("" mostly): that the
        comments they had written in the file could not be kept."""
        return COMMENTS_LOST if self.stored is not None and self.stored.comments_lost else ""

    def status(self, done: str = "Saved.") -> str:
        """One line saying what happened: `done`, the merge, or the error; and the note."""
        if not self.ok:
            return f"Not saved: {self.error}"
        if self.merged:
            done = f"{done.removesuffix('.')}, together with changes made in another window."
        return f"{done} {self.note}".strip()


@dataclass(frozen=True)
class EditOutcome:
    """The result of saving fields a person edited (see `Workspace.save_fields`)."""

    saved: SaveOutcome
    written: dict[str, object] = field(default_factory=dict)
    """Each field written, as it is on disk now: the editor's new baseline for it."""
    clashes: dict[str, object] = field(default_factory=dict)
    """Fields both the person and someone else changed since the baseline, with the other
    version's value. Not written: the person's text stays on screen."""


@dataclass(frozen=True)
class RestoreOutcome:
    """The result of putting the last good version in place of a damaged file."""

    saved: SaveOutcome
    version: Version | None = None
    """The kept version now in the file; None when nothing was restored."""
    quarantined: Path | None = None
    """Where the damaged bytes went (None when nothing was restored, or no file was there)."""


REFUSALS: tuple[type[Exception], ...] = (StoreError, ValidationError, ValueError, LookupError)
"""What a save may meet that is not a bug: a store failure (disk full, no permission, the file
damaged or gone), a record that would not validate, a change the domain refuses (a stage move
that cannot be, an interview removed elsewhere). `StageMoveRefused` is a ValueError;
`InterviewNotFound` a LookupError."""


def describe_refusal(error: Exception) -> str:
    """The message for a refused save."""
    if isinstance(error, ValidationError):
        return "; ".join(describe_validation_error(error))
    return str(error)
