"""Applications from a spreadsheet tracker: a CSV sheet or a Markdown pipe table.

The file needs a header row naming at least a company and a role column (import_columns has
the accepted names) and at least one row under it. import_text turns the bytes into text and
import_tables the text into rows; this module turns rows into applications.

Each row becomes an application or is refused with its line number and the reason; one bad
row never stops the others. Refusing the whole file is kept for what makes every row
doubtful: binary data, broken quoting, no rows, or no company or role column.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError

from postinterview.domain.editing import company_key, describe_validation_error
from postinterview.domain.models import Application, StageChange
from postinterview.domain.stages import Stage
from postinterview.transfer.import_columns import (
    ColumnMap,
    Field,
    MappingRefused,
    map_header,
    missing_column_message,
)
from postinterview.transfer.import_options import ImportOptions
from postinterview.transfer.import_stages import leaves_row_out, read_stage_cell
from postinterview.transfer.import_tables import TableRefused, read_records
from postinterview.transfer.import_values import (
    CellRefused,
    parse_day,
    parse_recruiter,
    parse_source,
    without_placeholder,
)

_SAMPLE_ROWS = 200
"""Rows looked at to tell a yes/no column from a date column."""


class RowLeftOut(ValueError):
    """A row its stage word says not to import (skip, ignore, n/a); the message says so."""


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


def read_tracker(
    text: str, now: datetime, origin: str = "", options: ImportOptions | None = None
) -> TrackerRead:
    """Every row of a tracker's text, as applications added at `now` or as refusals.

    `origin` (the file name) goes in each new application's first history note; `options`
    holds the person's own reading of columns and stage words.
    """
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
        columns = map_header(header, sample, options.columns)
    except MappingRefused as refusal:
        raise TrackerRefused(str(refusal)) from refusal
    for missing in columns.missing():
        raise TrackerRefused(f"line {header_line}: {missing_column_message(columns, missing)}")
    if len(records) == 1:
        raise TrackerRefused(
            f"line {header_line}: has a header but no rows of applications under it"
        )
    result = TrackerRead(columns=columns)
    note = f"Imported from {origin}" if origin else "Imported"
    for line, cells in records[1:]:
        try:
            application, warnings = _application(cells, columns, now, note, options)
        except RowLeftOut as left_out:
            result.warnings.append(RowNote(line, str(left_out)))
            result.left_out += 1
            continue
        except CellRefused as refusal:
            result.refused.append(RowNote(line, str(refusal)))
            continue
        result.rows.append(ImportRow(line, application))
        result.warnings += [RowNote(line, warning) for warning in warnings]
    return result


def _application(
    cells: Sequence[str], columns: ColumnMap, now: datetime, note: str, options: ImportOptions
) -> tuple[Application, list[str]]:
    """One row as an application, and warnings; CellRefused when it cannot be imported."""

    def cell(name: Field) -> str:
        index = columns.fields.get(name)
        text = cells[index].strip() if index is not None and index < len(cells) else ""
        if name is Field.STAGE and leaves_row_out(text):
            return text  # there `n/a` is the person's word for "do not import this row"
        return without_placeholder(text)

    company, role = cell(Field.COMPANY), cell(Field.ROLE)
    empty = [name for name, value in (("company", company), ("role", role)) if not value]
    if empty:
        raise CellRefused(f"{' and '.join(empty)} {'is' if len(empty) == 1 else 'are'} empty")
    warnings: list[str] = []
    kept = _extra_lines(cells, columns)
    fields: dict[str, Any] = {
        "location": cell(Field.LOCATION),
        "job_link": cell(Field.JOB_LINK),
    }
    stage = Stage.APPLIED
    if stage_text := cell(Field.STAGE):
        reading = read_stage_cell(stage_text, options.stages)
        if reading.stage is None:
            raise RowLeftOut(reading.warning)
        stage = reading.stage
        warnings += [reading.warning] if reading.warning else []
        kept[:0] = [reading.kept] if reading.kept else []
    if source_text := cell(Field.SOURCE):
        source = parse_source(source_text)
        if source is None:
            warnings.append(f"source {source_text!r} is not one I know: kept in the notes")
            kept.insert(0, f"Source: {source_text}")
        fields["source"] = source
    if recruiter := cell(Field.RECRUITER):
        fields["recruiter"] = parse_recruiter(recruiter)
    if applied := cell(Field.APPLIED_ON):
        try:
            fields["applied_on"] = parse_day(applied)
        except CellRefused as refusal:
            raise CellRefused(f"applied date {refusal}") from refusal
    notes = "\n\n".join(part for part in (cell(Field.NOTES), "\n".join(kept)) if part)
    try:
        application = Application.model_validate(
            {
                "company": company,
                "role": role,
                "stage": stage,
                "created_at": now,
                "updated_at": now,
                "stage_history": [StageChange(at=now, to_stage=stage, note=note)],
                "notes": notes,
                **{name: value for name, value in fields.items() if value is not None},
            }
        )
    except ValidationError as error:
        raise CellRefused("; ".join(describe_validation_error(error))) from error
    return application, warnings


def _extra_lines(cells: Sequence[str], columns: ColumnMap) -> list[str]:
    """'Column: value' for each filled cell of a column we do not know, then stray cells."""
    lines = [
        f"{name}: {cells[index].strip()}"
        for index, name in columns.extra
        if index < len(cells) and without_placeholder(cells[index].strip())
    ]
    width = len(columns.header)
    lines += [
        f"Column {index + 1}: {value.strip()}"
        for index, value in enumerate(cells[width:], start=width)
        if without_placeholder(value.strip())
    ]
    return lines


# --- Duplicates ----------------------------------------------------------------------------

ImportKey = tuple[str, str, date | None]
"""What makes two applications the same on import: company, role and applied date."""


def import_key(application: Application) -> ImportKey:
    """Company (punctuation, case and accents ignored), role (case ignored), applied date."""
    company = company_key(application.company) or application.company.casefold().strip()
    role = " ".join(application.role.casefold().split())
    return company, role, application.applied_on


def new_rows(rows: Iterable[ImportRow], existing: Iterable[Application]) -> list[ImportRow]:
    """The rows not already present, in the store or earlier in the same file."""
    seen = {import_key(application) for application in existing}
    fresh = []
    for row in rows:
        key = import_key(row.application)
        if key not in seen:
            seen.add(key)
            fresh.append(row)
    return fresh
