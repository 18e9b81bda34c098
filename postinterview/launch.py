"""The program's entry point (`postinterview` and `python -m postinterview`): settings that
belong to the whole process first, then the command line."""

from __future__ import annotations

import gc


def main() -> int:
    """Run the command line with the garbage collector paused until start-up is over."""
    # Importing the app and starting it build a great many objects and hardly any garbage: the
    # collector's passes over them were about a sixth of the time to the first cards. The app
    # turns collection back on once its first screen has loaded, or when it ends (app.py);
    # the other commands finish in moments.
    gc.disable()
    from postinterview.cli import main as run_command_line

    return run_command_line()
