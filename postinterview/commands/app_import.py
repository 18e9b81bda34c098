"""The file picked on the app's "Import a file" screen, read for it.

The composition root hands `preview_path` to the app (the UI may not import the formats
itself: see ARCHITECTURE.md); the screen calls it off the UI thread, since a file can be big.
Whatever the path is (missing, a folder, unreadable, a device, binary), the answer is a
preview that says so in one line, never an exception.
"""

from __future__ import annotations

import stat
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from postinterview.domain.models import Application
from postinterview.transfer.import_backup import MAX_BACKUP_BYTES
from postinterview.transfer.import_file import FilePreview, Refused, preview_file
from postinterview.transfer.import_invite import MAX_INVITE_BYTES
from postinterview.transfer.import_text import MAX_TRACKER_BYTES
from postinterview.transfer.invite_people import own_names

READ_LIMIT = max(MAX_TRACKER_BYTES, MAX_BACKUP_BYTES, MAX_INVITE_BYTES)
"""Bytes read at most (one more shows that a file is too big for its kind)."""


def preview_path(
    path: Path, now: datetime, existing: Sequence[Application], you: str | None = None
) -> FilePreview:
    """What importing the file at `path` (`~` expanded) into a folder holding `existing`
    would do, or why it cannot be read; `you` is the name in the settings, which an
    invitation does not list as an interviewer."""
    path = path.expanduser()
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            return Refused(f"{path}: is a folder; give the path of a file in it")
        if not stat.S_ISREG(mode):  # opening a pipe would wait for a writer
            return Refused(f"{path}: is not a file (a device or a pipe)")
        with path.open("rb") as handle:
            raw = handle.read(READ_LIMIT + 1)
    except FileNotFoundError:
        return Refused(f"{path}: no such file")
    except OSError as error:
        return Refused(f"{path}: cannot be read ({error.strerror or error})")
    return preview_file(path.name, raw, now, existing, you=own_names([you]))
