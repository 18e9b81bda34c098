"""A tracker's stage-history cell read back: which stage the application reached on which day.

Our own CSV export writes the history as `2026-11-01 applied; 2026-11-05 screening`. Other
trackers write the same facts their own way: `Applied (2026-11-01) → Interview (2026-11-09)`,
`Saved: 1 Nov 2026 | Applied: 3 Nov 2026`, one entry per line. An entry is a day and a stage
word in either order; brackets, colons, dashes and the words "on" / "at" / "since" between them
are ignored. Days go through `import_values.parse_day` and stage words through
`import_stages.read_stage_cell`, so the history reads dates and words exactly as the row's own
cells do. An entry whose day or word cannot be read is reported, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from postinterview.domain.stages import Stage
from postinterview.transfer.import_stages import read_stage_cell
from postinterview.transfer.import_values import CellRefused, parse_day

_ENTRY_SEPARATORS = re.compile(r"\s*(?:;|\||\n|→|->|=>|»)\s*")
"""Between entries; a comma is tried only when these find no second entry (see _entries)."""

_FILLER = re.compile(r"^(?:[\s()\[\]:=,–—-]|\b(?:on|at|since|am|le|el|seit)\b)+|[\s()\[\]:=,–—-]+$")
"""Punctuation and little words around a day or a stage word: `applied on 1 Nov`, `(1 Nov)`."""


MAX_ENTRY_WORDS = 12
"""An entry longer than this is not read: every split of its words is tried, so a long one
(a paragraph, a hostile cell) would cost many reads and is no day-and-stage pair anyway."""


@dataclass(frozen=True)
class HistoryEntry:
    """One step of a history as the file wrote it: the day a stage was reached."""

    day: date
    stage: Stage


@dataclass(frozen=True)
class HistoryReading:
    """What a history cell says: its readable entries in the order of their days, and the
    entries it could not read (as written)."""

    entries: list[HistoryEntry] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)


def read_history(text: str, stage_words: Mapping[str, Stage] | None = None) -> HistoryReading:
    """The stage history in `text`; `stage_words` are the person's `--stage` words.

    The entries come back sorted by day (a history written newest first reads the same), with
    a stage repeated on a later entry dropped: staying in a stage is not a move.
    """
    entries: list[HistoryEntry] = []
    unreadable: list[str] = []
    for written in _entries(text, stage_words):
        entry = _entry(written, stage_words)
        if entry is None:
            unreadable.append(written)
        else:
            entries.append(entry)
    entries.sort(key=lambda entry: entry.day)  # stable: same-day entries keep their order
    moves = [e for i, e in enumerate(entries) if i == 0 or e.stage != entries[i - 1].stage]
    return HistoryReading(moves, unreadable)


def _entries(text: str, stage_words: Mapping[str, Stage] | None) -> list[str]:
    """The entries of a cell. Commas separate entries only when every part then reads, since a
    date such as `Nov 1, 2026` holds one."""
    parts = [part for part in _ENTRY_SEPARATORS.split(text.strip()) if part]
    if len(parts) == 1 and "," in parts[0]:
        pieces = [piece.strip() for piece in parts[0].split(",") if piece.strip()]
        if len(pieces) > 1 and all(_entry(piece, stage_words) for piece in pieces):
            return pieces
    return parts


def _entry(written: str, stage_words: Mapping[str, Stage] | None) -> HistoryEntry | None:
    """A day and a stage word, in either order; None when no split of the words reads as both."""
    words = written.split()
    if len(words) > MAX_ENTRY_WORDS:
        return None
    for cut in range(1, len(words)):
        for day_part, stage_part in (
            (words[:cut], words[cut:]),
            (words[cut:], words[:cut]),
        ):
            day = _day(" ".join(day_part))
            stage = _stage(" ".join(stage_part), stage_words) if day is not None else None
            if day is not None and stage is not None:
                return HistoryEntry(day, stage)
    return None


def _day(text: str) -> date | None:
    try:
        return parse_day(_FILLER.sub("", text))
    except CellRefused:
        return None


def _stage(text: str, stage_words: Mapping[str, Stage] | None) -> Stage | None:
    """The stage a word names, only when the word table knows it as written: a history entry
    whose word would be a guess is not read."""
    word = _FILLER.sub("", text)
    if not word:
        return None
    reading = read_stage_cell(word, stage_words)
    return reading.stage if not reading.kept else None
