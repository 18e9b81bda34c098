"""The program's entry point (`postinterview` and `python -m postinterview`): settings that
belong to the whole process first, then the command line."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from postinterview.workspace import Workspace


def main() -> int:
    """Run the command line with the garbage collector paused until start-up is over."""
    # Importing the app and starting it build a great many objects and hardly any garbage: the
    # collector's passes over them were about a sixth of the time to the first cards. It
    # resumes once the whole folder has been read; the other commands finish in moments.
    gc.disable()
    from postinterview.cli import main as run_command_line

    try:
        return run_command_line(workspace_ready=resume_collection_once_read)
    finally:
        gc.enable()  # the app may end before the folder was read


def resume_collection_once_read(workspace: Workspace) -> None:
    """Turn the collector back on once `workspace` holds every record, with what was read so
    far frozen: thousands of records live as long as the app, and each full collection would
    rescan them all (60-90 ms pauses in the middle of a card move at 1,000 applications).
    Frozen, they are still freed by reference counting, just not rescanned."""

    def changed(_: object) -> None:
        if workspace.loaded:
            stop()
            gc.freeze()
            gc.enable()

    stop = workspace.subscribe(changed)
