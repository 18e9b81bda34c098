"""Applications from a spreadsheet tracker: a CSV sheet or a Markdown pipe table.

The file needs a header row naming at least a company and a role column (import_fields has
the accepted names) and at least one row under it. import_text turns the bytes into text and
import_tables the text into rows; this module reads the header (import_columns), decides each
date column's day order (import_day_order) and hands each row to import_row.

Each row becomes an application or is refused with its line number and the reason; one bad
row never stops the others. A date cell that cannot be read costs only the date: the row is
imported with the cell's text in its notes and a warning (import_dates reads date cells).
Refusing the whole file is kept for what makes every row doubtful: binary data, broken
quoting, no rows, or no company or role column.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from postinterview.domain.models import Application
from postinterview.transfer.import_columns import (
    ColumnMap,
    MappingRefused,
    map_header,
    missing_column_message,
)
from postinterview.transfer.import_day_order import (
    DayOrderDecision,
    decide_columns,
    year_warnings,
)
from postinterview.transfer.import_duplicates import ImportKey as ImportKey
from postinterview.transfer.import_duplicates import import_key as import_key
from postinterview.transfer.import_duplicates import new_rows as new_rows
from postinterview.transfer.import_fields import DATE_FIELDS
from postinterview.transfer.import_options import ImportOptions
from postinterview.transfer.import_own_export import without_our_bookkeeping
from postinterview.transfer.import_row import RowLeftOut, row_application
from postinterview.transfer.import_tables import TableRefused, read_records
from postinterview.transfer.import_values import (
    CellRefused,
)

_SAMPLE_ROWS = 200
"""Rows looked at to tell a yes/no column from a date column."""


class TrackerRefused(ValueError):
    """The file as a whole cannot be imported; the message says why, in one line."""


@dataclass(frozen=True)
class RowNote:
    """Something said about one row: why it was refused, or a warning about it."""

    line: int
    """The line of the file the row starts on (the header is usually line 1)."""
    message: str


@dataclass(frozen=True)
class ImportRow:
    """A row that became an application."""

    line: int
    application: Application


@dataclass
class TrackerRead:
    """Everything read from a tracker file."""

    rows: list[ImportRow] = field(default_factory=list)
    refused: list[RowNote] = field(default_factory=list)
    warnings: list[RowNote] = field(default_factory=list)
    left_out: int = 0
    """Rows their stage word says not to import; each also has a warning naming it."""
    columns: ColumnMap = field(default_factory=ColumnMap)
    """How the header was read (the dry run shows it)."""
    day_orders: dict[int, DayOrderDecision] = field(default_factory=dict)
    """Date column (cell index) -> how its slashed dates are read, and what decided it."""

    def mapping_lines(self) -> list[str]:
        """The dry run's mapping: each column's field, a date column with its day order."""
        return mapping_lines(self.columns, self.day_orders)


def mapping_lines(columns: ColumnMap, day_orders: dict[int, DayOrderDecision]) -> list[str]:
    """`columns.lines()`, each date column's line with how its day order was decided."""
    lines = columns.lines()
    for index, decision in day_orders.items():
        if index < len(lines) and (said := decision.describe()):
            lines[index] += f" ({said})"
    return lines


@dataclass(frozen=True)
class RowOutcome:
    """What one row of the file became: an application (with warnings), a refusal, or a row
    left out by its stage word (its warning says so)."""

    line: int
    row: ImportRow | None = None
    refusal: str = ""
    warnings: tuple[str, ...] = ()
    left_out: bool = False


@dataclass(frozen=True)
class TrackerRows:
    """A tracker's rows, read one at a time: a file of 100,000 rows never holds all its
    applications in memory at once. Iterate `outcomes` once, in the file's order."""

    columns: ColumnMap
    total: int
    """Rows under the header (for progress)."""
    outcomes: Iterator[RowOutcome]
    day_orders: dict[int, DayOrderDecision] = field(default_factory=dict)
    """Date column (cell index) -> how its slashed dates are read, and what decided it."""

    def mapping_lines(self) -> list[str]:
        """The dry run's mapping: each column's field, a date column with its day order."""
        return mapping_lines(self.columns, self.day_orders)


def read_tracker(
    text: str, now: datetime, origin: str = "", options: ImportOptions | None = None
) -> TrackerRead:
    """Every row of a tracker's text, as applications added at `now` or as refusals.

    `origin` (the file name) goes in each new application's first history note; `options`
    holds the person's own reading of columns and stage words.
    """
    rows = tracker_rows(text, now, origin, options)
    result = TrackerRead(columns=rows.columns, day_orders=rows.day_orders)
    for outcome in rows.outcomes:
        if outcome.row is not None:
            result.rows.append(outcome.row)
        elif outcome.refusal:
            result.refused.append(RowNote(outcome.line, outcome.refusal))
        result.left_out += outcome.left_out
        result.warnings += [RowNote(outcome.line, warning) for warning in outcome.warnings]
    result.warnings.sort(key=lambda warning: warning.line)
    return result


def tracker_rows(
    text: str, now: datetime, origin: str = "", options: ImportOptions | None = None
) -> TrackerRows:
    """The header read and every row checked as a table (TrackerRefused for the file as a
    whole, before any row is made an application); the rows then become applications as
    `outcomes` is iterated. See `read_tracker` for the arguments."""
    options = options or ImportOptions()
    try:
        records = read_records(text)
    except TableRefused as refusal:
        raise TrackerRefused(str(refusal)) from refusal
    if not records:
        raise TrackerRefused("is empty: it needs a header row naming the columns")
    header_line, header = records[0]
    sample = [cells for _, cells in records[1:_SAMPLE_ROWS]]
    try:
        columns = without_our_bookkeeping(map_header(header, sample, options.columns))
    except MappingRefused as refusal:
        raise TrackerRefused(str(refusal)) from refusal
    for missing in columns.missing():
        raise TrackerRefused(f"line {header_line}: {missing_column_message(columns, missing)}")
    if len(records) == 1:
        raise TrackerRefused(
            f"line {header_line}: has a header but no rows of applications under it"
        )
    date_columns = [columns.fields[name] for name in DATE_FIELDS if name in columns.fields]
    day_orders = decide_columns(records[1:], date_columns, options.day_order)
    note = f"Imported from {origin}" if origin else "Imported"
    rows = deque(records[1:])  # each row's cells let go once it is made an application
    del records
    outcomes = _outcomes(rows, columns, now, note, options, day_orders)
    return TrackerRows(columns, len(rows), outcomes, day_orders)


def _outcomes(
    rows: deque[tuple[int, list[str]]],
    columns: ColumnMap,
    now: datetime,
    note: str,
    options: ImportOptions,
    day_orders: dict[int, DayOrderDecision],
) -> Iterator[RowOutcome]:
    for line, said in year_warnings(day_orders, columns.header):  # one per column, not row
        yield RowOutcome(line, warnings=(said,))
    while rows:
        line, cells = rows.popleft()
        try:
            application, warnings = row_application(cells, columns, now, note, options, day_orders)
        except RowLeftOut as left_out:
            yield RowOutcome(line, warnings=(str(left_out),), left_out=True)
            continue
        except CellRefused as refusal:
            yield RowOutcome(line, refusal=str(refusal))
            continue
        yield RowOutcome(line, ImportRow(line, application), warnings=tuple(warnings))
