"""Which way round a column writes its slashed dates, decided once from all its cells.

`03/04/2026` is 3 April in some countries and March 4 in others. A file is written by one
person's spreadsheet, so a column settles it with its cells that can be read one way only:
25/09/2026 says day first, 9/14/26 month first. A column showing both, or neither, leaves
its ambiguous cells unread (import_dates says why); the person can say the order instead
(`--day-first`, `--month-first`). The decision is made per column index, for every date
column of the file, and the dry run says it beside the column.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

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
            return f"day order unclear: {self.both_orders()}"
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
        match = NUMERIC_DATE.match(self.short_year.text)
        digits = match["y"] if match else "YY"
        return (
            f"two-digit year {digits} read as 20{digits} ({self.short_year.text}), "
            f"and so in every date of column {column!r}"
        )

    def both_orders(self) -> str:
        """The two cells of a conflicting column that show each order."""
        assert self.day_first and self.month_first
        return (
            f"{self.day_first.text} on line {self.day_first.line} is day first, "
            f"{self.month_first.text} on line {self.month_first.line} month first"
        )


# --- The shapes the decision looks at ------------------------------------------------------

_CLOCK = r"\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?"
_WITH_TIME = re.compile(
    rf"^(?P<day>.*?[^\s,])(?:\s*,\s*|\s+(?:at\s+|um\s+|a\s+las\s+)?|t)(?P<time>{_CLOCK})"
    r"(?:\s*uhr)?\s*(?P<zone>z|[+-]\d{2}(?::?\d{2})?(?:\s*[a-z]{2,5})?|[a-z]{2,5})?$",
    re.IGNORECASE,
)


def split_time(text: str) -> tuple[str, str | None]:
    """A cell as (its day's text, its time's text or None): `9/14/26, 3:07 PM` is
    ('9/14/26', '3:07 PM'); a zone after the time (`+02:00`, `Z`, `UTC`) is dropped."""
    value = " ".join(text.split())
    match = _WITH_TIME.match(value)
    if match is None:
        return value, None
    return match["day"], match["time"]


NUMERIC_DATE = re.compile(
    r"^(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?:(?P=sep)(?P<y>\d+))?\.?$"
)
"""A date written as numbers: day and month in either order, then the year if any."""


# --- Deciding ------------------------------------------------------------------------------


@dataclass
class ColumnEvidence:
    """What a column's cells have shown so far; fed one cell at a time, so that a file of any
    length is decided in one pass that holds nothing but these four cells."""

    day_first: Evidence | None = None
    month_first: Evidence | None = None
    ambiguous: Evidence | None = None
    short_year: Evidence | None = None

    def see(self, line: int, text: str) -> None:
        """Take one cell into account."""
        day_text, _ = split_time(text)
        match = NUMERIC_DATE.match(day_text)
        if match is None:
            return
        if self.short_year is None and match["y"] is not None and len(match["y"]) == 2:
            self.short_year = Evidence(line, day_text)
        first, second = int(match["a"]), int(match["b"])
        if first < 1 or second < 1 or first == second:
            return  # no date, or the same day either way
        if first <= 12 and second <= 12:
            if self.ambiguous is None and match["sep"] != ".":
                self.ambiguous = Evidence(line, day_text)
        elif first <= 31 and second <= 12:
            self.day_first = self.day_first or Evidence(line, day_text)
        elif first <= 12 and second <= 31:
            self.month_first = self.month_first or Evidence(line, day_text)

    def decision(self, given: DayOrder | None = None) -> DayOrderDecision:
        """The column's order from what it showed; `given` (the person's) wins."""
        shown = (self.day_first, self.month_first, self.ambiguous)
        if given is not None:
            option = "--day-first" if given is DayOrder.DAY_FIRST else "--month-first"
            return DayOrderDecision(given, *shown, given=option, short_year=self.short_year)
        if self.day_first and self.month_first:
            order = DayOrder.CONFLICTING
        elif self.day_first or self.month_first:
            order = DayOrder.DAY_FIRST if self.day_first else DayOrder.MONTH_FIRST
        else:
            order = DayOrder.UNSETTLED
        return DayOrderDecision(order, *shown, short_year=self.short_year)


def decide_day_order(
    cells: Iterable[tuple[int, str]], given: DayOrder | None = None
) -> DayOrderDecision:
    """A column's day order from its (line, cell) pairs; `given` (the person's) wins."""
    evidence = ColumnEvidence()
    for line, text in cells:
        evidence.see(line, text)
    return evidence.decision(given)


def decide_columns(
    rows: Iterable[tuple[int, Sequence[str]]], indices: Iterable[int], given: DayOrder | None
) -> dict[int, DayOrderDecision]:
    """The day order of each date column (by cell index) from every row, in one pass."""
    columns = {index: ColumnEvidence() for index in indices}
    for line, cells in rows:
        for index, evidence in columns.items():
            if index < len(cells):
                evidence.see(line, cells[index])
    return {index: evidence.decision(given) for index, evidence in columns.items()}


def year_warnings(
    decisions: Mapping[int, DayOrderDecision], header: Sequence[str]
) -> list[tuple[int, str]]:
    """(line, warning) for each date column with two-digit years, said once per column."""
    said = []
    for index, decision in decisions.items():
        name = (header[index].strip() if index < len(header) else "") or f"Column {index + 1}"
        if decision.short_year and (warning := decision.year_warning(name)):
            said.append((decision.short_year.line, warning))
    return said
