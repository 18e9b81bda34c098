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
from postinterview.domain.stages import Stage
from postinterview.storage.store import ApplicationStore, StoreError
from postinterview.transfer.import_csv import TrackerRefused, new_rows, read_tracker
from postinterview.transfer.import_options import ImportOptions
from postinterview.transfer.import_stages import parse_stage_override
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


IMPORT_HELP = """\
A backup (a .json file made by `export --format json`) is restored as `restore` does; see
`postinterview restore --help`. Anything else is read as a table: a Markdown pipe table
(headings and text before it are skipped; links are read as their text) or CSV (comma,
semicolon or tab). Text is UTF-8 or UTF-16; a file that is not UTF-8 is read as
Windows-1252 and stderr says so. The first row must name the columns, and at least one row
must follow it: company and role are required; stage (or status), applied (date applied),
location, link (url), recruiter (contact), source and notes are optional. Names are matched
ignoring case, punctuation, accents and camelCase (companyName, Job Title:, job_url), with
the usual names of Huntr, JobSync, LinkedIn and Teal exports and German, French and Spanish
ones (Firma, Stelle, entreprise, poste, empresa, puesto...). A column of only yes/no values
is never read as a date or a stage. --map COLUMN=FIELD reads a column your way (FIELD may
also be notes or skip); --dry-run lists how each column is read.
Other columns are kept in the notes as 'Column: value' lines; a cell holding only - or N/A
is empty. Dates: 2026-11-01,
01.11.2026 (day first), 1 Nov 2026 or Nov 1, 2026; a slashed date such as 03/04/2026 that
could be read two ways is refused. A row already present (same company, role and applied
date) is skipped, so importing a file twice adds nothing. Refused rows are listed on stderr
with their line numbers. Exit code 0 when the file was read (even if rows were refused),
1 when it cannot be read, is binary, empty or header-only, has over 1,000 columns, lacks a
company or role column, or saving fails.
Stage words are read in English, German, French and Spanish, and as Huntr and Teal name
them; --stage WORD=STAGE reads a word your way. A saved role not applied for yet (wishlist,
bookmarked) is imported as Applied with a warning; a row whose stage says skip, ignore or
n/a is left out with a warning.
"""


def stage_override(text: str) -> tuple[str, Stage]:
    """`--stage WORD=stage`, refused by argparse in one line when it names no stage."""
    try:
        return parse_stage_override(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def add_import_arguments(importing: argparse.ArgumentParser) -> None:
    """The import subcommand's file and options."""
    importing.add_argument(
        "file", metavar="FILE", type=Path, help="the CSV, Markdown or backup file"
    )
    importing.add_argument(
        "--dry-run",
        action="store_true",
        help="show how each column is read, check the file and report, without saving",
    )
    importing.add_argument(
        "--map",
        metavar="COLUMN=FIELD",
        action="append",
        default=[],
        type=column_override,
        help="read COLUMN as FIELD (company, role, stage, applied_on, location, job_link, "
        "recruiter, source, notes) or skip it; repeatable",
    )
    importing.add_argument(
        "--stage",
        metavar="WORD=STAGE",
        action="append",
        default=[],
        type=stage_override,
        help="read the stage word WORD as STAGE (repeatable), e.g. --stage 'Phase 2=interviewing'",
    )


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
