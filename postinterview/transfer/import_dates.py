"""Date cells as trackers export them, read as the day they name.

A cell may carry a time (`9/14/26, 3:07 PM`, `September 4, 2026 9:30 AM`, `2026-09-04 09:30`,
`04.09.2026 09:30`, RFC 3339 `2026-09-04T09:30:00+02:00`, `...Z`, `...T09:30:00.000Z`, Go's
`2026-09-04 09:30:00 +0000 UTC`, a zone name after the time): the time is checked and
dropped, because an application is filed under a day. With an offset
(`+02:00`, `Z`) the day kept is the one written, which is the day in that offset: the day
the person saw on their calendar when they applied, not the day it was in our time zone.
Numbers of seconds since 1970 and spreadsheet serial numbers (`46327`) are not dates here.

Months are read by name in English, German, French and Spanish, in full or short, case and
accents ignored (`4. September 2026`, `4 septembre 2026`, `4 de septiembre de 2026`,
`Sept 4, 2026`, `März`, `Mär`, `févr.`, `ene`, `1er mai 2026`); what is left is read by the
app's one date reader (`domain/calendar_dates.py`). A two-digit year is read as 20YY, with a
warning saying so.

`03/04/2026` could be 3 April or March 4: it is read in its column's day order
(`import_day_order`), and left unread, with the reason, when the column does not settle it.
Dotted dates (`04.09.2026`) are day first unless the column says otherwise. A row keeps
going without a date that cannot be read (`row_date`): its text goes to the notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from postinterview.domain.calendar_dates import DateRefused, read_calendar_date, real_date
from postinterview.domain.calendar_words import MONTH_NAMES
from postinterview.domain.dates import read_time
from postinterview.transfer.import_date_words import in_english
from postinterview.transfer.import_day_order import (
    NUMERIC_DATE,
    ORDER_OPTIONS,
    DayOrder,
    DayOrderDecision,
    split_time,
)
from postinterview.transfer.import_values import CellRefused

ISO_EXAMPLE = "write it as YYYY-MM-DD, e.g. 2026-11-01"


class DateCellRefused(CellRefused):
    """A date cell that names no single day; `why` and `hint` as the rest of a sentence."""

    def __init__(self, text: str, why: str, hint: str = "") -> None:
        self.text, self.why, self.hint = text, why, hint
        super().__init__(f"{text!r} {why}: {hint or ISO_EXAMPLE}")


@dataclass(frozen=True)
class DateCell:
    """The day a cell names, and what the person should know about how it was read."""

    day: date
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class RowDate:
    """A date cell as a row takes it: the day, or the text kept in the notes and why."""

    day: date | None
    warnings: list[str]
    kept: str | None = None
    """The notes line keeping a cell that could not be read ('Applied: 03/04/2026')."""


# --- Numbers: 25/09/2026, 9/14/26, 04.09.2026 ----------------------------------------------


def _only_reading(first: int, second: int) -> DayOrder | None:
    """The order a cell itself settles: None when both readings are real and differ (the
    same day either way, or no real reading, counts as day first: real_date then says why)."""
    if first == second or not (1 <= first <= 12 and 1 <= second <= 12):
        return DayOrder.MONTH_FIRST if first <= 12 < second else DayOrder.DAY_FIRST
    return None


def _year(typed: str, digits: str | None, warnings: list[str]) -> int:
    if digits is None:
        raise DateCellRefused(typed, "does not give the year")
    if len(digits) == 2:
        year = 2000 + int(digits)
        warnings.append(f"two-digit year {digits} read as {year}")
        return year
    if len(digits) != 4:
        raise DateCellRefused(typed, "does not give the year in full")
    return int(digits)


def _numeric(
    typed: str, match: re.Match[str], decision: DayOrderDecision | None, warnings: list[str]
) -> date:
    first, second = int(match["a"]), int(match["b"])
    year = _year(typed, match["y"], warnings)
    order = _only_reading(first, second)
    if order is None:
        order = decision.order if decision else DayOrder.UNSETTLED
        if order is DayOrder.UNSETTLED and match["sep"] == ".":
            order = DayOrder.DAY_FIRST  # dotted dates are written day first
    if order is DayOrder.DAY_FIRST:
        return _real(typed, year, second, first)
    if order is DayOrder.MONTH_FIRST:
        return _real(typed, year, first, second)
    readings = f"could be {first} {MONTH_NAMES[second - 1]} or {MONTH_NAMES[first - 1]} {second}"
    if decision is None:
        raise DateCellRefused(typed, readings)
    if order is DayOrder.CONFLICTING:
        both = f"{readings}, and its column has both ({decision.both_orders()})"
        raise DateCellRefused(typed, both, f"{ORDER_OPTIONS} reads it")
    raise DateCellRefused(
        typed, f"{readings}, and no date in its column settles which", f"{ORDER_OPTIONS} reads it"
    )


def _real(typed: str, year: int, month: int, day: int) -> date:
    try:
        return real_date(typed, year, month, day)
    except DateRefused as refusal:
        raise DateCellRefused(typed, refusal.why) from refusal


# --- Reading a cell ----------------------------------------------------------------------------


def read_date_cell(text: str, decision: DayOrderDecision | None = None) -> DateCell:
    """The day a date cell names; DateCellRefused saying why when it names no single day.

    `decision` is the day order of the cell's column; without one, a slashed date that can be
    read two ways is refused.
    """
    typed = " ".join(text.split())
    day_text, time_text = split_time(typed)
    if time_text is not None:
        clock = re.sub(r"([ap])\.?\s?m\.?$", r"\1m", re.sub(r"[.,]\d+", "", time_text.casefold()))
        try:
            read_time(clock)
        except DateRefused as refusal:
            raise DateCellRefused(
                typed, f"has a time I cannot read ({time_text!r} {refusal.why})"
            ) from None
    warnings: list[str] = []
    if match := NUMERIC_DATE.match(day_text):
        day = _numeric(typed, match, decision, warnings)
        if decision is not None and decision.short_year is not None:
            warnings.clear()  # the column says it once (year_warning), not once per row
        return DateCell(day, tuple(warnings))
    words = in_english(day_text) if re.search(r"[^\W\d_]", day_text) else day_text
    try:
        return DateCell(read_calendar_date(words))
    except DateRefused as refusal:
        raise DateCellRefused(typed, refusal.why) from refusal


def row_date(
    text: str,
    decision: DayOrderDecision | None,
    label: str = "applied date",
    kept_as: str = "Applied",
) -> RowDate:
    """A row's date cell: its day, or else its text for the notes and a warning saying why.

    A cell that cannot be read never costs the row: `label` names it in the warning and
    `kept_as` in the notes line (`Applied: 03/04/2026`).
    """
    try:
        cell = read_date_cell(text, decision)
    except DateCellRefused as refusal:
        kept = f"{kept_as}: {text.strip()}"
        hint = f"; {refusal.hint}" if refusal.hint else ""
        warning = f"{label} {refusal.text!r} {refusal.why}: kept in the notes{hint}"
        return RowDate(None, [warning], kept)
    return RowDate(cell.day, [f"{label}: {warning}" for warning in cell.warnings])
