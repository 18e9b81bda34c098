"""What an import of a tracker file says, in words: one text for the CLI and the app.

`postinterview import --dry-run` prints these lines (the row notes on stderr, the mapping and
the summary on stdout), and the app's "Import a file" screen shows the same lines before it
saves anything. Pure: the caller decides where each line goes and adds its own prefix.
"""

from __future__ import annotations

from dataclasses import dataclass

from postinterview.transfer.import_csv import TrackerRead


@dataclass(frozen=True)
class ImportCounts:
    """How the rows of one file came out (or would come out)."""

    imported: int
    """Applications saved (or that would be)."""
    present: int = 0
    """Rows skipped as already present, in the folder or earlier in the file."""
    refused: int = 0
    """Rows refused, each with a line of its own."""
    left_out: int = 0
    """Rows their stage word says not to import (skip, n/a)."""


def row_lines(name: str, read: TrackerRead) -> list[str]:
    """'FILE, line N: refused: …' and '… warning: …', by line (a refusal before a warning
    on the same line)."""
    messages = [(note.line, f"refused: {note.message}") for note in read.refused]
    messages += [(note.line, f"warning: {note.message}") for note in read.warnings]
    ordered = sorted(messages, key=lambda pair: pair[0])  # stable: a refusal stays first
    return [f"{name}, line {line}: {' '.join(message.split())}" for line, message in ordered]


def column_lines(name: str, mapping: list[str]) -> list[str]:
    """'Columns of FILE:' and the `mapping` lines indented (`TrackerRead.mapping_lines`)."""
    return [f"Columns of {name}:", *(f"  {line}" for line in mapping)]


def summary_line(name: str, counts: ImportCounts, dry_run: bool) -> str:
    """'Imported 3 applications from FILE; 1 skipped as already present; 0 refused.'
    ('Would import' before anything is saved)."""
    verb = "Would import" if dry_run else "Imported"
    noun = "application" if counts.imported == 1 else "applications"
    text = (
        f"{verb} {counts.imported} {noun} from {name}; "
        f"{counts.present} skipped as already present; {counts.refused} refused"
    )
    return text + (f"; {counts.left_out} left out by their stage." if counts.left_out else ".")


def preview_lines(name: str, read: TrackerRead, fresh: int, encoding_note: str = "") -> list[str]:
    """Everything the dry run says about the file, in the order it prints it: how the text
    was read (when not UTF-8), each row's refusal or warning, the columns, the counts.
    `fresh` is how many rows are not already present."""
    counts = counts_of(read, fresh)
    lines = [f"{name}: {encoding_note}"] if encoding_note else []
    return [
        *lines,
        *row_lines(name, read),
        *column_lines(name, read.mapping_lines()),
        summary_line(name, counts, True),
    ]


def counts_of(read: TrackerRead, fresh: int) -> ImportCounts:
    """The counts of a read file of which `fresh` rows are new here."""
    return ImportCounts(fresh, len(read.rows) - fresh, len(read.refused), read.left_out)
