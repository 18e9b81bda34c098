"""`postinterview import FILE`: applications from a tracker (CSV, Markdown or a JSON list).

Refused rows and warnings go to stderr with their line numbers, and so does the count of
progress (commands.progress); the summary goes to stdout.
Exit code 0 when the file was read (even if some rows were refused: they are listed), 1 when
the file could not be read or an application could not be saved.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import TextIO

from postinterview.commands.import_saving import import_rows, present_applications
from postinterview.commands.output import PROG, fail, read_input
from postinterview.commands.progress import Progress
from postinterview.domain.stages import Stage
from postinterview.storage.store import ApplicationStore
from postinterview.transfer.import_csv import TrackerRefused, tracker_rows
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
`postinterview restore --help`. Other JSON, a tracker's list of applications (a list of
objects, or an object holding one, as ghosted writes), is read as a table whose columns are
the objects' fields (nested ones dotted: contact.name, contact.email; lists joined; true and
false as yes and no). Anything else is read as a table: a Markdown pipe table
(headings and text before it are skipped; links are read as their text) or CSV (comma,
semicolon or tab). Text is UTF-8 or UTF-16; a file that is not UTF-8 is read as
Windows-1252 and stderr says so. The first row must name the columns, and at least one row
must follow it: company and role are required; stage (or status), applied (date applied),
location, link (url), recruiter (contact; its email and phone beside it), source and notes
are optional. Names are matched
ignoring case, punctuation, accents and camelCase (companyName, Job Title:, job_url), with
the usual names of Huntr, JobSync, LinkedIn and Teal exports and German, French and Spanish
ones (Firma, Stelle, entreprise, poste, empresa, puesto...). A column of only yes/no values
is never read as a date or a stage. --map COLUMN=FIELD reads a column your way (FIELD may
also be notes or skip); --dry-run lists how each column is read.
Other columns are kept in the notes as 'Column: value' lines. Dates: 2026-11-01,
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
Rows are saved as they are read, with a count on stderr (on a terminal one line kept up to
date; elsewhere a line every 10,000 rows). If a save fails (a full disk), the import stops
there: what was saved stays, the error names the line, and importing the same file again
adds only the rest.
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
        "file", metavar="FILE", type=Path, help="the CSV, Markdown, JSON or backup file"
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
        "recruiter, recruiter_email, recruiter_phone, source, notes) or skip it; repeatable",
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
    progress: Progress | None = None,
) -> int:
    """Import the tracker at `path` into `store`, read with the person's `options`, counting
    its progress on stderr (see commands.progress).

    See the module docstring for exit codes.
    """
    raw = read_input(path, MAX_TRACKER_BYTES, "a CSV file")
    if isinstance(raw, int):
        return raw
    progress = progress or Progress()
    try:
        decoded = decode_text(raw)
        del raw  # a large file is held once, as text
        progress.show(f"{path.name}: reading")
        rows = tracker_rows(decoded.text, now, origin=path.name, options=options)
    except (TextRefused, TrackerRefused) as refusal:
        progress.clear()
        return fail(f"{path}: {refusal}")
    if note := encoding_note(decoded):
        progress.say(f"{PROG}: {path.name}: {note}")
    del decoded
    tally = import_rows(store, path, rows, present_applications(store, progress), dry_run, progress)
    if dry_run:
        out.write(f"Columns of {path.name}:\n")
        out.writelines(f"  {line}\n" for line in rows.columns.lines())
    out.write(_summary(path, tally.imported, tally.present, tally.refused, dry_run, tally.left_out))
    return fail(tally.failure) if tally.failure else 0


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
