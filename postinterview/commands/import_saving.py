"""The rows of a tracker saved one at a time, with a count of progress on stderr.

Rows are made applications, checked against what is present and saved as they are read, so a
file of 100,000 rows holds one application at a time, not all of them (the cells of the rows
not reached yet are kept: the whole table is checked before anything is saved). The folder's
applications are read in chunks and only what makes a row a duplicate is kept of them.

The first save that fails stops the import: every application before it is saved (each file
is written atomically, so none is half-written), the one that failed and the rows after it
are not, and running the same import again adds only those (the saved ones are duplicates).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from postinterview.commands.output import PROG, one_line, warn_about_problems
from postinterview.commands.progress import Progress
from postinterview.storage.store import ApplicationStore, StoreError
from postinterview.transfer.import_csv import TrackerRows
from postinterview.transfer.import_duplicates import Duplicates

_FOLDER_CHUNK = 1_000
"""Application files read at a time when gathering what is present."""


@dataclass
class Tally:
    """What the import did (or, in a dry run, would do) so far."""

    imported: int = 0
    present: int = 0
    refused: int = 0
    left_out: int = 0
    failure: str = ""
    """Why it stopped, naming the line, when a save failed; empty when every row was done."""


def present_applications(store: ApplicationStore, progress: Progress) -> Duplicates:
    """The import keys of every application in the folder, naming files that cannot be read."""
    files = store.files()
    duplicates = Duplicates()
    for start in range(0, len(files), _FOLDER_CHUNK):
        loaded = store.load_all(paths=files[start : start + _FOLDER_CHUNK])
        if loaded.problems:
            progress.clear()
            warn_about_problems(loaded)
        for stored in loaded.applications:
            duplicates.add_present(stored.application)
        done = min(start + _FOLDER_CHUNK, len(files))
        progress.count(done, len(files), f"reading the folder: {done:,} of {len(files):,} files")
    return duplicates


def import_rows(
    store: ApplicationStore,
    path: Path,
    rows: TrackerRows,
    duplicates: Duplicates,
    dry_run: bool,
    progress: Progress,
) -> Tally:
    """Every row of `rows` saved in `store` unless present (none in a dry run), its refusal or
    warnings said on stderr with its line; stops at the first save that fails."""
    tally = Tally()
    done_word = "checked" if dry_run else "read"
    new_word = "new" if dry_run else "saved"
    for done, outcome in enumerate(rows.outcomes, start=1):
        if outcome.refusal:
            tally.refused += 1
            progress.say(_row_message(path, outcome.line, f"refused: {outcome.refusal}"))
        for warning in outcome.warnings:
            progress.say(_row_message(path, outcome.line, f"warning: {warning}"))
        tally.left_out += outcome.left_out
        if outcome.row is not None:
            if not duplicates.is_new(outcome.row.application):
                tally.present += 1
            elif not dry_run:
                try:
                    store.create(outcome.row.application)
                except StoreError as error:
                    progress.clear()
                    tally.failure = (
                        f"{path}, line {outcome.line}: not saved: {error} "
                        f"{_saved(tally.imported)} before it; importing the file again adds "
                        "only the rest"
                    )
                    return tally
                tally.imported += 1
            else:
                tally.imported += 1
        progress.count(
            done,
            rows.total,
            f"{path.name}: {done:,} of {rows.total:,} rows {done_word}, "
            f"{tally.imported:,} {new_word}",
        )
    progress.clear()
    return tally


def _saved(count: int) -> str:
    return f"{count:,} {'was' if count == 1 else 'were'} saved"


def _row_message(path: Path, line: int, message: str) -> str:
    return f"{PROG}: {path.name}, line {line}: {one_line(message)}"
