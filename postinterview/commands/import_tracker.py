"""`postinterview import FILE`: applications from a spreadsheet tracker (CSV or Markdown).

Refused rows and warnings go to stderr with their line numbers; the summary goes to stdout.
Exit code 0 when the file was read (even if some rows were refused: they are listed), 1 when
the file could not be read or an application could not be saved.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from postinterview.commands.output import (
    PROG,
    fail,
    one_line,
    read_input,
    warn_about_problems,
)
from postinterview.storage.store import ApplicationStore, StoreError
from postinterview.transfer.import_csv import TrackerRefused, new_rows, read_tracker
from postinterview.transfer.import_options import ImportOptions
from postinterview.transfer.import_text import (
    MAX_TRACKER_BYTES,
    TextRefused,
    decode_text,
    encoding_note,
)


def column_override(text: str) -> tuple[str, str]:
    """`--map COLUMN=FIELD` as (column, field); the field is checked against the file later."""
    column, sep, target = text.rpartition("=")
    if not sep or not column.strip() or not target.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is not COLUMN=FIELD (e.g. JobTitle=role)")
    return column.strip(), target.strip()


def run_import(
    store: ApplicationStore,
    path: Path,
    now: datetime,
    dry_run: bool,
    out: TextIO,
    options: ImportOptions | None = None,
) -> int:
    """Import the tracker at `path` into `store`, read with the person's `options`.

    See the module docstring for exit codes.
    """
    raw = read_input(path, MAX_TRACKER_BYTES, "a CSV file")
    if isinstance(raw, int):
        return raw
    try:
        decoded = decode_text(raw)
        read = read_tracker(decoded.text, now, origin=path.name, options=options)
    except (TextRefused, TrackerRefused) as refusal:
        return fail(f"{path}: {refusal}")
    if note := encoding_note(decoded):
        print(f"{PROG}: {path.name}: {note}", file=sys.stderr)
    messages = [(note.line, f"refused: {note.message}") for note in read.refused]
    messages += [(note.line, f"warning: {note.message}") for note in read.warnings]
    for line, message in sorted(messages, key=lambda pair: pair[0]):  # stable: refusal first
        _row_message(path, line, message)
    existing = store.load_all()
    warn_about_problems(existing)
    fresh = new_rows(read.rows, (stored.application for stored in existing.applications))
    present, refused = len(read.rows) - len(fresh), len(read.refused)
    left_out = read.left_out
    if dry_run:
        out.write(f"Columns of {path.name}:\n")
        out.writelines(f"  {line}\n" for line in read.columns.lines())
        out.write(_summary(path, len(fresh), present, refused, dry_run=True, left_out=left_out))
        return 0
    for imported, row in enumerate(fresh):
        try:
            store.create(row.application)
        except StoreError as error:
            out.write(_summary(path, imported, present, refused, dry_run=False, left_out=left_out))
            return fail(f"{path}, line {row.line}: not saved: {error}")
    out.write(_summary(path, len(fresh), present, refused, dry_run=False, left_out=left_out))
    return 0


def _row_message(path: Path, line: int, message: str) -> None:
    print(f"{PROG}: {path.name}, line {line}: {one_line(message)}", file=sys.stderr)


def _summary(
    path: Path, imported: int, present: int, refused: int, dry_run: bool, left_out: int = 0
) -> str:
    verb = "Would import" if dry_run else "Imported"
    noun = "application" if imported == 1 else "applications"
    text = (
        f"{verb} {imported} {noun} from {path.name}; "
        f"{present} skipped as already present; {refused} refused"
    )
    text += f"; {left_out} left out by their stage." if left_out else "."
    if dry_run:
        text += " Nothing was saved (--dry-run)."
    return text + "\n"
