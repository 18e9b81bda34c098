"""`postinterview import FILE`: applications from a tracker (CSV, Markdown or a JSON list).

Refused rows and warnings go to stderr with their line numbers, and so does the count of
progress (commands.progress); the summary goes to stdout.
Exit code 0 when the file was read and every row imported or already present, 3 when the
file was read but some rows were refused (they are listed; the others are saved), 1 when the
file could not be read or an application could not be saved.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import TextIO

from postinterview.commands.import_saving import import_rows, present_applications
from postinterview.commands.output import PROG, SOME_REFUSED, fail, read_input
from postinterview.commands.progress import Progress
from postinterview.domain.stages import Stage
from postinterview.storage.store import ApplicationStore
from postinterview.transfer.import_csv import TrackerRefused, tracker_rows
from postinterview.transfer.import_day_order import DayOrder
from postinterview.transfer.import_fields import Field
from postinterview.transfer.import_options import ImportOptions
from postinterview.transfer.import_report import ImportCounts, column_lines, summary_line
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
`postinterview restore --help`. An invitation (.ics) adds an upcoming interview (see the
end). Other JSON, a tracker's list of applications (a list of objects, or an object holding
one, as ghosted writes), is read as a table whose columns are the objects' fields (nested
ones dotted: contact.name, contact.email; lists joined; true and false as yes and no).
Anything else is read as a table: a Markdown pipe table
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
Other columns are kept in the notes as 'Column: value' lines; a cell holding only - or N/A
is empty.
Dates are read as exports write them: 2026-11-01, 01.11.2026, 25/09/2026, 9/14/26,
1 Nov 2026, Sept 4, 2026, with a time after them (3:07 PM, 09:30,
2026-09-04T09:30:00+02:00: the day as written is kept), and with month names in English,
German, French or Spanish (4. März 2026, 1er mai 2026, 4 de septiembre de 2026); a
two-digit year 26 is read as 2026, with a warning. Whether 03/04/2026 is 3 April or March 4
is decided once per date column from its cells that can only be read one way (25/09/2026:
day first; 9/14/26: month first), and --dry-run says which; --day-first or --month-first
decides it instead. A date that still cannot be read does not cost the row: it is imported
without that date, the cell's text is kept in the notes ("Applied: 03/04/2026") and a
warning says why.
A row already present (same company, role and applied
date) is skipped, so importing a file twice adds nothing. Refused rows are listed on stderr
with their line numbers. Exit code 0 when the file was read, 3 when it was read but some
rows were refused (the others are saved), 1 when it cannot be read, is binary, empty or
header-only, has over 1,000 columns, lacks a company or role column, or saving fails.
Stage words are read in English, German, French and Spanish, and as Huntr and Teal name
them; --stage WORD=STAGE reads a word your way. A role not applied for yet (wishlist,
bookmarked, to apply) is imported as Saved, the stage before Applied; a row whose stage says
skip, ignore or n/a is left out with a warning.
An application keeps its age: it is created on the row's date saved or created (Date Saved,
createdAt, created_at), else its applied date; its stage dates from a last moved / stage
since / updated column (lastMovedAt), and a history column ('2026-11-01 applied; 2026-11-05
screening', as `export --format csv` writes it) becomes its stage history. A day without a
time is read as noon in your time zone; with no date at all it is dated now. Company size
reads small, large or a head count (under 250 is small). A file made by `export --format
csv` is read back whole, leaving out its id, interview count and interviewers (the JSON
export keeps the interviews).
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
        "file",
        metavar="FILE",
        type=Path,
        help="the CSV, Markdown, JSON list, backup or invitation (.ics) file",
    )
    importing.add_argument(
        "--dry-run",
        action="store_true",
        help="show how each column (or the invitation) is read and report, without saving",
    )
    importing.add_argument(
        "--map",
        metavar="COLUMN=FIELD",
        action="append",
        default=[],
        type=column_override,
        help=f"read COLUMN as FIELD ({', '.join(field.value for field in Field)}) or skip it; "
        "repeatable",
    )
    order = importing.add_mutually_exclusive_group()
    for flag, day_order, example in (
        ("--day-first", DayOrder.DAY_FIRST, "03/04/2026 is 3 April"),
        ("--month-first", DayOrder.MONTH_FIRST, "03/04/2026 is March 4"),
    ):
        order.add_argument(
            flag,
            dest="day_order",
            action="store_const",
            const=day_order,
            help=f"read slashed dates {day_order} ({example}) instead of deciding it from "
            "each date column's cells",
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
    counts = ImportCounts(tally.imported, tally.present, tally.refused, tally.left_out)
    if dry_run:
        out.writelines(f"{line}\n" for line in column_lines(path.name, rows.mapping_lines()))
        out.write(f"{summary_line(path.name, counts, True)} Nothing was saved (--dry-run).\n")
    else:
        out.write(summary_line(path.name, counts, False) + "\n")
    if tally.failure:
        return fail(tally.failure)
    return SOME_REFUSED if tally.refused else 0
