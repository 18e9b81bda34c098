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

`03/04/2026` is 3 April in some countries and March 4 in others. Which one a file means is
decided once per column (`decide_day_order`), from the column's cells that can only be read
one way: 25/09/2026 says day first, 9/14/26 month first. A column showing both, or neither,
leaves such a cell unread, with the reason; the person can say the order (`--day-first`,
`--month-first`). Dotted dates (`04.09.2026`) are day first unless the column says otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from postinterview.domain.calendar_dates import MONTHS, DateRefused, read_calendar_date, real_date
from postinterview.domain.calendar_words import DAY_NAMES, MONTH_NAMES
from postinterview.domain.dates import read_time
from postinterview.transfer.import_values import CellRefused, fold

ISO_EXAMPLE = "write it as YYYY-MM-DD, e.g. 2026-11-01"
ORDER_OPTIONS = "--day-first or --month-first"
"""The way out named when a column does not settle its day order."""


class DayOrder(StrEnum):
    """How a column's slashed dates such as 03/04/2026 are read."""

    DAY_FIRST = "day first"
    MONTH_FIRST = "month first"
    UNSETTLED = "unsettled"
    """No cell of the column can only be read one way."""
    CONFLICTING = "conflicting"
    """Some cells can only be day first and others only month first."""


@dataclass(frozen=True)
class Evidence:
    """A cell that can only be read one way, and its line."""

    line: int
    text: str


@dataclass(frozen=True)
class DayOrderDecision:
    """A column's day order and what decided it."""

    order: DayOrder
    day_first: Evidence | None = None
    """The first cell that can only be day first (25/09/2026)."""
    month_first: Evidence | None = None
    """The first cell that can only be month first (9/14/26)."""
    ambiguous: Evidence | None = None
    """The first slashed or dashed cell that needs the order (03/09/2026)."""
    given: str = ""
    """The option the person gave (`--day-first`), when they gave one."""
    short_year: Evidence | None = None
    """The first cell with a two-digit year (9/14/26): said once for the whole column."""

    def describe(self) -> str | None:
        """The decision as the dry run says it; None for a column with nothing to decide."""
        said = [part for part in (self._order(), self._year()) if part]
        return "; ".join(said) or None

    def _order(self) -> str | None:
        if self.given:
            return f"{self.order}: {self.given}"
        if self.order is DayOrder.DAY_FIRST and self.day_first:
            return f"day first: {self.day_first.text} on line {self.day_first.line}"
        if self.order is DayOrder.MONTH_FIRST and self.month_first:
            return f"month first: {self.month_first.text} on line {self.month_first.line}"
        if self.order is DayOrder.CONFLICTING:
            return f"day order unclear: {self._both()}"
        if self.ambiguous:
            return (
                f"day order unknown: nothing settles {self.ambiguous.text} on line "
                f"{self.ambiguous.line}; {ORDER_OPTIONS} does"
            )
        return None

    def _year(self) -> str | None:
        return "two-digit years read as 20YY" if self.short_year else None

    def year_warning(self, column: str) -> str | None:
        """The column's one warning about two-digit years, None when it has none."""
        if self.short_year is None:
            return None
        match = _NUMERIC.match(self.short_year.text)
        digits = match["y"] if match else "YY"
        return (
            f"two-digit year {digits} read as 20{digits} ({self.short_year.text}), "
            f"and so in every date of column {column!r}"
        )

    def _both(self) -> str:
        assert self.day_first and self.month_first
        return (
            f"{self.day_first.text} on line {self.day_first.line} is day first, "
            f"{self.month_first.text} on line {self.month_first.line} month first"
        )


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


# --- Splitting off the time -------------------------------------------------------------------

_CLOCK = r"\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?"
_WITH_TIME = re.compile(
    rf"^(?P<day>.*?[^\s,])(?:\s*,\s*|\s+(?:at\s+|um\s+|a\s+las\s+)?|t)(?P<time>{_CLOCK})"
    r"(?:\s*uhr)?\s*(?P<zone>z|[+-]\d{2}(?::?\d{2})?(?:\s*[a-z]{2,5})?|[a-z]{2,5})?$",
    re.IGNORECASE,
)


def _split_time(text: str) -> tuple[str, str | None]:
    """(the day's text, the time's text or None)."""
    value = " ".join(text.split())
    match = _WITH_TIME.match(value)
    if match is None:
        return value, None
    return match["day"], match["time"]


# --- Numbers: 25/09/2026, 9/14/26, 04.09.2026 ---------------------------------------------------

_NUMERIC = re.compile(r"^(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?:(?P=sep)(?P<y>\d+))?\.?$")


def _only_reading(first: int, second: int) -> DayOrder | None:
    """The order a cell itself settles: None when both readings are real and differ."""
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
        raise DateCellRefused(typed, f"{readings}, and its column has both ({decision._both()})")
    raise DateCellRefused(
        typed, f"{readings}, and no date in its column settles which", f"{ORDER_OPTIONS} reads it"
    )


def _real(typed: str, year: int, month: int, day: int) -> date:
    try:
        return real_date(typed, year, month, day)
    except DateRefused as refusal:
        raise DateCellRefused(typed, refusal.why) from refusal


# --- Words: months and weekdays in four languages --------------------------------------------

_FOREIGN_MONTHS: dict[str, int] = {
    word: number
    for number, words in enumerate(
        (
            "januar janner jan janvier janv enero ene",
            "februar feb fevrier fevr fev febrero",
            "marz mar mrz mars marzo",
            "april apr avril avr abril abr",
            "mai mayo",
            "juni jun juin junio",
            "juli jul juillet juil julio",
            "august aug aout agosto ago",
            "september sep sept septembre septiembre setiembre set",
            "oktober okt octobre octubre",
            "november nov novembre noviembre",
            "dezember dez decembre diciembre dic",
        ),
        start=1,
    )
    for word in words.split()
    if word not in MONTHS
}
"""German, French and Spanish month names and abbreviations (folded) -> month number."""

_FOREIGN_DAYS: dict[str, int] = {
    word: number
    for number, words in enumerate(
        (
            "montag lundi lunes",
            "dienstag mardi martes",
            "mittwoch mercredi miercoles",
            "donnerstag jeudi jueves",
            "freitag vendredi viernes",
            "samstag sonnabend samedi sabado",
            "sonntag dimanche domingo",
        )
    )
    for word in words.split()
}
"""German, French and Spanish weekdays in full (folded); short ones clash with months."""

_FILLER = frozenset({"de", "del"})  # '4 de septiembre de 2026'
_ORDINAL = re.compile(r"^(?P<n>\d{1,2})(?:er|re|e|o|a)$")  # '1er mai', '1o de mayo'


def _in_english(text: str) -> str:
    """A date in words with its month and weekday names in English, for the shared reader."""
    words = []
    for word in fold(text).split():
        if word in _FILLER:
            continue
        if ordinal := _ORDINAL.match(word):
            word = ordinal["n"]
        elif word in _FOREIGN_MONTHS:
            word = MONTH_NAMES[_FOREIGN_MONTHS[word] - 1]
        elif word in _FOREIGN_DAYS:
            word = DAY_NAMES[_FOREIGN_DAYS[word]]
        words.append(word)
    return " ".join(words)


# --- Reading a cell ----------------------------------------------------------------------------


def read_date_cell(text: str, decision: DayOrderDecision | None = None) -> DateCell:
    """The day a date cell names; DateCellRefused saying why when it names no single day.

    `decision` is the day order of the cell's column; without one, a slashed date that can be
    read two ways is refused.
    """
    typed = " ".join(text.split())
    day_text, time_text = _split_time(typed)
    if time_text is not None:
        clock = re.sub(r"([ap])\.?\s?m\.?$", r"\1m", re.sub(r"[.,]\d+", "", time_text.casefold()))
        try:
            read_time(clock)
        except DateRefused as refusal:
            raise DateCellRefused(
                typed, f"has a time I cannot read ({time_text!r} {refusal.why})"
            ) from None
    warnings: list[str] = []
    if match := _NUMERIC.match(day_text):
        day = _numeric(typed, match, decision, warnings)
        if decision is not None and decision.short_year is not None:
            warnings.clear()  # the column says it once (year_warning), not once per row
        return DateCell(day, tuple(warnings))
    words = _in_english(day_text) if re.search(r"[^\W\d_]", day_text) else day_text
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


# --- Deciding a column's order ---------------------------------------------------------------


def decide_day_order(
    cells: Iterable[tuple[int, str]], given: DayOrder | None = None
) -> DayOrderDecision:
    """A column's day order from its (line, cell) pairs; `given` (the person's) wins."""
    day_first = month_first = ambiguous = short_year = None
    for line, text in cells:
        day_text, _ = _split_time(text)
        match = _NUMERIC.match(day_text)
        if match is None:
            continue
        if short_year is None and match["y"] is not None and len(match["y"]) == 2:
            short_year = Evidence(line, day_text)
        first, second = int(match["a"]), int(match["b"])
        if first < 1 or second < 1 or first == second:
            continue  # no date, or the same day either way
        if first <= 12 and second <= 12:
            if ambiguous is None and match["sep"] != ".":
                ambiguous = Evidence(line, day_text)
        elif first <= 31 and second <= 12:
            day_first = day_first or Evidence(line, day_text)
        elif first <= 12 and second <= 31:
            month_first = month_first or Evidence(line, day_text)
    if given is not None:
        option = "--day-first" if given is DayOrder.DAY_FIRST else "--month-first"
        return DayOrderDecision(given, day_first, month_first, ambiguous, option, short_year)
    if day_first and month_first:
        order = DayOrder.CONFLICTING
    elif day_first or month_first:
        order = DayOrder.DAY_FIRST if day_first else DayOrder.MONTH_FIRST
    else:
        order = DayOrder.UNSETTLED
    return DayOrderDecision(order, day_first, month_first, ambiguous, short_year=short_year)


def decide_columns(
    rows: Iterable[tuple[int, Sequence[str]]], indices: Iterable[int], given: DayOrder | None
) -> dict[int, DayOrderDecision]:
    """The day order of each date column (by cell index) from every row of the file."""
    listed = list(rows)
    return {
        index: decide_day_order(
            ((line, cells[index]) for line, cells in listed if index < len(cells)), given
        )
        for index in indices
    }
