"""A count of work done, on stderr, for commands long enough to wait for (a large import).

On a terminal the count is one line redrawn in place with `\\r` (at most ten times a second),
cleared before any other message and at the end, so it never mixes with what stays on
screen. Anywhere else (a pipe, a log file) a carriage return would garble the log, so a plain
line is written every `every` items (10,000 by default) and nothing for smaller jobs.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

from postinterview.commands.output import PROG, one_line

LINE_EVERY = 10_000
"""Items between two progress lines when stderr is not a terminal."""

_REDRAW_SECONDS = 0.1


class Progress:
    """Reports `done of total` for one job at a time on `stream` (stderr by default)."""

    def __init__(
        self,
        stream: TextIO | None = None,
        every: int = LINE_EVERY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._stream = stream if stream is not None else sys.stderr
        self._terminal = _is_terminal(self._stream)
        self._every, self._clock = every, clock
        self._shown = ""
        self._drawn_at = -_REDRAW_SECONDS

    def count(self, done: int, total: int, what: str) -> None:
        """`what` (e.g. "tracker.csv: 1,200 of 100,000 rows saved") after item `done`."""
        if self._terminal:
            now = self._clock()
            if done == total or now - self._drawn_at >= _REDRAW_SECONDS:
                self._drawn_at = now
                self._draw(f"{PROG}: {one_line(what)}")
        elif done % self._every == 0:
            print(f"{PROG}: {one_line(what)}", file=self._stream, flush=True)

    def show(self, what: str) -> None:
        """`what` on the terminal's count line (e.g. "reading"); nothing elsewhere."""
        if self._terminal:
            self._draw(f"{PROG}: {one_line(what)}")

    def say(self, line: str) -> None:
        """A message of its own (a refused row), on a line the count does not overwrite."""
        self.clear()
        print(line, file=self._stream, flush=True)

    def clear(self) -> None:
        """Take the count off the terminal line (at the end, or before another message)."""
        if self._shown:
            self._stream.write("\r" + " " * len(self._shown) + "\r")
            self._stream.flush()
            self._shown = ""

    def _draw(self, text: str) -> None:
        padding = " " * max(0, len(self._shown) - len(text))
        self._stream.write("\r" + text + padding)
        self._stream.flush()
        self._shown = text


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream: no terminal tricks
        return False
