"""How commands talk to people: errors and warnings on stderr, results on stdout or a file."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any, TextIO, cast

from postinterview.formatting import shown
from postinterview.storage.atomic import write_atomic
from postinterview.storage.settings_store import SettingsLoad
from postinterview.storage.store import LoadResult

PROG = "postinterview"

SOME_REFUSED = 3
"""The exit code of a command that takes entries in (`import`'s rows, `restore`'s backup
entries) when the file was read but some of its entries were refused: each is named on
stderr, and the others were taken."""


def fail(message: str) -> int:
    """Say what went wrong on one line of stderr; returns the exit code for it (1)."""
    print(f"{PROG}: error: {one_line(message)}", file=sys.stderr)
    return 1


def read_input(path: Path, limit: int, kind: str) -> bytes | int:
    """The bytes of the file a command reads (up to one past `limit`, so that an oversized
    file shows), or, once it has said why it cannot be read, the exit code (1). `kind` names
    what the file should be ("a CSV file")."""
    try:
        with path.open("rb") as handle:
            return handle.read(limit + 1)
    except FileNotFoundError:
        return fail(f"{path}: no such file")
    except IsADirectoryError:
        return fail(f"{path}: is a folder, not {kind}")
    except OSError as error:
        return fail(f"{path}: cannot be read ({error.strerror or error})")


def warn(message: str) -> None:
    """One line of warning on stderr."""
    print(f"{PROG}: warning: {one_line(message)}", file=sys.stderr)


def one_line(text: str) -> str:
    """`text` with its line breaks folded, so one message is one line; control characters in
    it (a company's name, a file name) are shown, never obeyed by the terminal."""
    return shown(" ".join(text.split()))


class ShownWriter(io.TextIOBase):
    """A text stream that writes everything through `formatting.shown`: what commands print
    for people (the list, `due`, summaries) goes through one of these, so a company name
    holding an escape sequence is shown on the terminal, never obeyed by it."""

    def __init__(self, out: TextIO) -> None:
        super().__init__()
        self._out = out

    def write(self, text: str) -> int:
        self._out.write(shown(text))
        return len(text)

    def flush(self) -> None:
        self._out.flush()


def shown_stream(out: TextIO) -> TextIO:
    """`out` behind a `ShownWriter`."""
    return cast(TextIO, ShownWriter(out))


_JSON_CONTROLS = {code: f"\\u{code:04x}" for code in [0x7F, *range(0x80, 0xA0)]}


def json_text(data: Any) -> str:
    """`data` as indented JSON for scripts: exact, and with no raw control character in it.
    (`json.dumps` escapes C0 controls but writes DEL and C1 as they are; they are escaped
    here too, which JSON readers read back as the same characters.)"""
    return json.dumps(data, ensure_ascii=False, indent=2).translate(_JSON_CONTROLS)


def warn_about_problems(result: LoadResult) -> None:
    """Name each application file that could not be read (the rest were)."""
    for problem in result.problems:
        warn(f"skipped {problem.describe()}")


def warn_about_settings(loaded: SettingsLoad) -> None:
    """Name each problem in settings.toml (the defaults are used for those)."""
    for problem in loaded.problems:
        warn(problem)


class OutputFailed(Exception):
    """The output could not be written; the message says why, for people."""


def write_output(data: bytes, output: Path | None) -> None:
    """`data` to the file `output` (replaced atomically), or to stdout when None."""
    if output is None:
        if sys.stdout.isatty():  # read by a person, not piped: shown, never obeyed
            data = shown(data.decode("utf-8", "replace")).encode("utf-8")
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    if output.is_dir():
        raise OutputFailed(f"cannot write {output}: it is a folder")
    try:
        write_atomic(output, data)
    except OSError as error:
        raise OutputFailed(f"cannot write {output}: {error.strerror or error}") from error
