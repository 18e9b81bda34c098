"""One row of a tracker as an application: its cells read by their columns' fields.

A cell holding only a placeholder (`-`, `N/A`) is empty. A cell that cannot be read costs
only itself where it can (a date, a company size, a source: a warning and the text kept in
the notes); a row with no company and no role is refused (CellRefused), and a row whose stage
word says not to import it is left out (RowLeftOut).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from postinterview.domain.editing import describe_validation_error
from postinterview.domain.models import Application
from postinterview.domain.stages import Stage
from postinterview.transfer.import_age import read_row_age
from postinterview.transfer.import_columns import ColumnMap
from postinterview.transfer.import_dates import row_date
from postinterview.transfer.import_day_order import DayOrderDecision
from postinterview.transfer.import_fields import Field
from postinterview.transfer.import_options import ImportOptions
from postinterview.transfer.import_own_export import is_our_export
from postinterview.transfer.import_stages import leaves_row_out, read_stage_cell
from postinterview.transfer.import_values import (
    CellRefused,
    parse_company_size,
    parse_contact,
    parse_source,
    without_placeholder,
)


class RowLeftOut(ValueError):
    """A row its stage word says not to import (skip, ignore, n/a); the message says so."""


def row_application(
    cells: Sequence[str],
    columns: ColumnMap,
    now: datetime,
    note: str,
    options: ImportOptions,
    day_orders: dict[int, DayOrderDecision],
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
    for name, parse, unread in (
        (Field.SOURCE, parse_source, "is not one I know"),
        (Field.COMPANY_SIZE, parse_company_size, "is not small or large"),
    ):
        if text := cell(name):
            fields[name.value] = value = parse(text)
            if value is None:  # the text is kept, first in the notes, and said
                what = name.value.replace("_", " ")
                warnings.append(f"{what} {text!r} {unread}: kept in the notes")
                kept.insert(0, f"{what.capitalize()}: {text}")
    fields["recruiter"] = parse_contact(
        cell(Field.RECRUITER), cell(Field.RECRUITER_EMAIL), cell(Field.RECRUITER_PHONE)
    )
    if applied := cell(Field.APPLIED_ON):
        applied_day = row_date(applied, day_orders.get(columns.fields[Field.APPLIED_ON]))
        fields["applied_on"] = applied_day.day
        warnings += applied_day.warnings
        kept[:0] = [applied_day.kept] if applied_day.kept else []
    given = stage if stage_text else None
    age = read_row_age(
        cell, columns, given, fields.get("applied_on"), now, note, options.stages, day_orders
    )
    warnings += age.warnings
    kept += age.kept
    if age.age.stage == Stage.SAVED and not is_our_export(columns.header):
        # Not applied for yet: a tracker's applied date on a saved row says when it was saved
        # (career-ops' Date; ghosted fills date_applied on creation), as created_at does. Our
        # own export keeps it: a role moved back to Saved keeps the day it was applied for.
        fields.pop("applied_on", None)
    notes = "\n\n".join(part for part in (cell(Field.NOTES), "\n".join(kept)) if part)
    try:
        application = Application.model_validate(
            {
                "company": company,
                "role": role,
                "stage": age.age.stage,
                "created_at": age.age.created_at,
                "updated_at": now,
                "stage_history": age.age.stage_history,
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
