"""`postinterview backup [DIR]`: a dated copy of the whole data folder (storage.backup)."""

from __future__ import annotations

import shlex
from datetime import datetime
from pathlib import Path
from typing import TextIO

from postinterview.commands.output import fail, warn
from postinterview.storage.backup import BackupFailed, make_backup


def run_backup(root: Path, into: Path, now: datetime, out: TextIO) -> int:
    """Copy data folder `root` into a new folder in `into`. Exit code 0, or 1 if no backup was
    made."""
    try:
        made = make_backup(root, into, now)
    except BackupFailed as error:
        return fail(str(error))
    for name in made.left_out:
        warn(f"not copied: {name} (a pipe, socket or device, not a file)")
    noun = "application" if made.applications == 1 else "applications"
    out.write(
        f"Backed up {made.applications} {noun} ({made.files} files in all) to {made.folder}\n"
        f"Open the copy with: postinterview --data-dir {shlex.quote(str(made.folder))}\n"
    )
    return 0
