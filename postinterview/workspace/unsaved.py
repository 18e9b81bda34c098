"""The workspace's side of unsaved form text: keeping it as it is typed, finding what an
earlier session left, and forgetting it once saved or discarded (see domain.unsaved)."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path

from postinterview.clock import Clock
from postinterview.domain.unsaved import UnsavedForm, has_changes
from postinterview.storage.unsaved_store import (
    CannotKeepUnsaved,
    forget_unsaved,
    keep_unsaved,
    read_unsaved,
)


class UnsavedForms:
    """The `unsaved/` folder of one data folder."""

    def __init__(self, root: Path, clock: Clock) -> None:
        self._root = root
        self._clock = clock

    def new_key(self, form: str) -> str:
        """A key for a form being opened: one file per open form, so two windows adding at
        once keep two copies."""
        return f"{form}-{secrets.token_hex(6)}"

    def keep(
        self,
        form: str,
        key: str,
        fields: Mapping[str, str],
        opened_with: Mapping[str, str],
        app_id: str = "",
        then: str = "",
        about: str = "",
    ) -> str:
        """Keep what the form holds (or forget it, when nothing differs from what it opened
        with): "" when done, else why not."""
        if not has_changes(fields, opened_with):
            self.forget(key)
            return ""
        unsaved = UnsavedForm(
            form,
            key,
            dict(fields),
            dict(opened_with),
            self._clock(),
            app_id,
            then,
            about,
            os.getpid(),
        )
        try:
            keep_unsaved(self._root, unsaved)
        except (CannotKeepUnsaved, ValueError) as error:
            return str(error)
        return ""

    def forget(self, key: str) -> None:
        """Remove the kept copy of the form `key`: it was saved, or its text discarded."""
        try:
            forget_unsaved(self._root, key)
        except ValueError:
            pass

    def left_over(self) -> list[UnsavedForm]:
        """What forms held when an earlier session ended, latest first (not those of another
        window still open: its forms are still on its screen)."""
        return [
            unsaved
            for unsaved in read_unsaved(self._root)
            if unsaved.changed and not _running_elsewhere(unsaved.process)
        ]


def _running_elsewhere(process: int) -> bool:
    # Windows' os.kill ends the process it is given: there, every copy is offered.
    if process <= 0 or process == os.getpid() or os.name == "nt":
        return False
    try:
        os.kill(process, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # it exists, though not ours to signal
    return True
