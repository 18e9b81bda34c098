"""Editing a long text in the person's own editor (`$VISUAL`, else `$EDITOR`).

The text goes to a private file (mode 0600) in a private folder (mode 0700) that is removed
whatever happens: the editor saved, failed, was killed, or could not be started. The command
is split with `shlex` and run without a shell, with the file's path as its last argument.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

NO_EDITOR = "Set $EDITOR to edit in your own editor (e.g. EDITOR=nano)."

Runner = Callable[[Sequence[str]], int]
"""Runs a command to its end and gives its exit status (negative: killed by that signal)."""


@dataclass(frozen=True)
class Edited:
    """What came back: the new text, or why there is none (`text` is then None)."""

    text: str | None
    problem: str = ""


def editor_command(environ: Mapping[str, str]) -> list[str] | None:
    """The editor to run, split as a shell would but never run by one; None if unset or
    unreadable (unbalanced quotes)."""
    for name in ("VISUAL", "EDITOR"):
        value = environ.get(name, "").strip()
        if value:
            try:
                words = shlex.split(value)
            except ValueError:
                return None
            return words or None
    return None


def run_command(command: Sequence[str]) -> int:
    """Run `command` in the terminal the app gave up, and wait for it."""
    return subprocess.run(list(command), check=False).returncode


def file_text(text: str) -> str:
    """The text as the file holds it: ending with a line break, as editors expect."""
    return text if text.endswith("\n") or not text else text + "\n"


def read_back(original: str, written: str) -> str:
    """The text the field takes from the file: the line break `file_text` added (or the
    editor did) taken off again when the original had none."""
    if not original.endswith("\n") and written.endswith("\n"):
        return written[:-1]
    return written


def edit_text(text: str, command: Sequence[str], run: Runner = run_command) -> Edited:
    """Let the person edit `text` with `command`; the temporary folder is always removed."""
    folder = tempfile.mkdtemp(prefix="postinterview-")  # mode 0700, only ours
    try:
        path = Path(folder) / "text.txt"
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as out:
            out.write(file_text(text))
        name = shlex.join(command[:1])
        try:
            status = run([*command, str(path)])
        except OSError as error:
            return Edited(None, f"Could not start {name}: {error.strerror or error}.")
        if status != 0:
            how = f"was stopped (signal {-status})" if status < 0 else f"exited with {status}"
            return Edited(None, f"{name} {how}; the text is unchanged.")
        try:
            with open(path, encoding="utf-8", errors="replace", newline="") as back:
                written = back.read()
        except OSError as error:
            return Edited(None, f"Could not read the edited text: {error.strerror or error}.")
        return Edited(read_back(text, written))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
