"""Dates written as dates: ISO, numbers with `/` `.` `-`, and month names; the shared refusal.

The half of `dates.py` that needs no clock: the CSV import reads its cells with
`read_calendar_date` alone, and the app's fields add the words that need today
(`tomorrow`, `next wed`, `+7d`) on top of it. See `dates.py` for the conventions.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from postinterview.domain.calendar_words import DAY_NAMES, MONTH_NAMES

Prefer = Literal["past", "future"]
"""Which way a day given without its year or week (`1 Nov`, `fri`) is looked for."""

DAY_EXAMPLES = "try today, tomorrow, fri, next wed, +7d, in 2 weeks, 1 Nov 2026 or 2026-11-01"
"""The forms a day field takes, named in a refusal."""

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed", "weds"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}


class DateRefused(ValueError):
    """The text could not be read as one day/time; str() is the message for the person."""

    def __init__(self, text: str, why: str, example: str = DAY_EXAMPLES) -> None:
        self.text = text
        """What was typed, spaces folded."""
        self.why = why
        """Why it was refused, as the rest of a sentence: 'could be 3 April or March 4'."""
        self.example = example
        """What to type instead."""
        super().__init__(f"{text!r} {why}: {example}" if text else f"Nothing typed: {example}")


def normalise(text: str) -> str:
    """Lower case, commas as spaces, runs of spaces folded, a full stop at the end dropped."""
    return " ".join(text.casefold().replace(",", " ").split()).rstrip(".").strip()


def shown(text: str) -> str:
    """What was typed as a refusal quotes it: spaces folded, case kept."""
    return " ".join(text.split())


def short_date(day: date) -> str:
    """'9 Dec 2026': how a refusal names a day."""
    return f"{day.day} {MONTH_NAMES[day.month - 1][:3]} {day.year}"


_TIME_TAIL = r"(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:z|[+-]\d{2}:?\d{2})?)?"
_ISO = re.compile(
    rf"^(?P<y>\d{{4}})(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}}){_TIME_TAIL}$"
)
_NUMERIC = re.compile(r"^(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?:(?P=sep)(?P<y>\d+))?$")
_ORDINAL = r"(?:st|nd|rd|th)?"
_DAY_MONTH = re.compile(
    rf"^(?P<d>\d{{1,2}}){_ORDINAL}(?: of)?[ -](?P<m>[a-z]+)\.?(?:[ -](?P<y>\d+))?$"
)
_MONTH_DAY = re.compile(rf"^(?P<m>[a-z]+)\.? (?P<d>\d{{1,2}}){_ORDINAL}(?: (?P<y>\d+))?$")


def read_calendar_date(text: str, today: date | None = None, prefer: Prefer = "future") -> date:
    """The date in `text` written as a date, not as words about today.

    Without `today` the year must be given in full (what the CSV import needs); with it, a
    date without a year (`1 Nov`, `25/12`) is the nearest such day in the `prefer` direction.
    """
    day = calendar_date(normalise(text), shown(text), today, prefer)
    if day is None:
        raise DateRefused(shown(text), "is not a date I can read", DAY_EXAMPLES)
    return day


def calendar_date(value: str, typed: str, today: date | None, prefer: Prefer) -> date | None:
    """The date `value` (normalised) writes out; None when it is not written as a date.

    DateRefused when it is written as one but names no single real day (`typed` is quoted).
    """
    if match := _ISO.match(value):
        return real_date(typed, int(match["y"]), int(match["m"]), int(match["d"]))
    if match := _NUMERIC.match(value):
        first, second = int(match["a"]), int(match["b"])
        return _numeric(typed, first, second, match["sep"], match["y"], today, prefer)
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        if (match := pattern.match(value)) and match["m"] in MONTHS:
            month, day = MONTHS[match["m"]], int(match["d"])
            return _with_year(typed, match["y"], month, day, today, prefer)
    head, _, rest = value.partition(" ")
    if rest and head.rstrip(".") in WEEKDAYS:  # 'Mon, 2 Nov 2026': the weekday must agree
        day_named = calendar_date(rest, typed, today, prefer)
        if day_named is None:
            return None
        named = WEEKDAYS[head.rstrip(".")]
        if day_named.weekday() != named:
            raise DateRefused(
                typed,
                f"names two different days ({short_date(day_named)} is a "
                f"{DAY_NAMES[day_named.weekday()]}, not a {DAY_NAMES[named]})",
                f"type {short_date(day_named)} alone, or the weekday alone",
            )
        return day_named
    return None


def _numeric(
    typed: str,
    first: int,
    second: int,
    separator: str,
    year: str | None,
    today: date | None,
    prefer: Prefer,
) -> date:
    """`25/12/2026`, `01.11.2026`, `12/25/2026`: day first unless only month first is real."""
    if separator == "." or first > 12 or first == second or min(first, second) < 1:
        return _with_year(typed, year, second, first, today, prefer)  # day first
    if second > 12:
        return _with_year(typed, year, first, second, today, prefer)  # month first: 12/25
    _full_year(typed, year)
    day_first = f"{first} {MONTH_NAMES[second - 1]}"
    month_first = f"{MONTH_NAMES[first - 1]} {second}"
    in_year = f" {year}" if year else ""
    raise DateRefused(
        typed,
        f"could be {day_first} or {month_first}",
        f"type the month's name: {first} {MONTH_NAMES[second - 1][:3]}{in_year} "
        f"or {second} {MONTH_NAMES[first - 1][:3]}{in_year}",
    )


def _full_year(typed: str, year: str | None) -> None:
    if year is not None and len(year) != 4:
        raise DateRefused(typed, "does not give the year in full", "e.g. 1 Nov 2026 or 01.11.2026")


def _with_year(
    typed: str, year: str | None, month: int, day: int, today: date | None, prefer: Prefer
) -> date:
    """The date with the year given, or else the nearest one in the `prefer` direction."""
    _full_year(typed, year)
    if year is not None:
        return real_date(typed, int(year), month, day)
    if today is None:
        raise DateRefused(typed, "does not give the year", "e.g. 1 Nov 2026 or 01.11.2026")
    _some_year_has(typed, month, day)
    step = 1 if prefer == "future" else -1
    year_number = today.year
    for _ in range(9):  # 29 Feb comes round at least every 8 years
        try:
            candidate = date(year_number, month, day)
        except ValueError:  # 29 Feb in a common year, or past year 9999
            candidate = None
        if candidate is not None and (candidate - today).days * step >= 0:
            return candidate
        year_number += step
    raise DateRefused(typed, "is too far away", "give the year, e.g. 1 Nov 2026")


def _some_year_has(typed: str, month: int, day: int) -> None:
    """Refuse a day no year has (31 Feb, 31 Apr), saying how long the month is."""
    try:
        real_date(typed, 2000, month, day)  # 2000 was a leap year: every day some year has
    except DateRefused:
        if not 1 <= month <= 12 or day < 1:
            raise
        name = MONTH_NAMES[month - 1]
        most = _last_day(2000, month)
        length = f"at most {most}" if month == 2 else str(most)
        raise DateRefused(
            typed, f"is not a real date ({name} has {length} days)", f"e.g. {most} {name[:3]}"
        ) from None


def real_date(typed: str, year: int, month: int, day: int) -> date:
    """date(year, month, day), or DateRefused saying why no such day exists."""
    if not 1 <= month <= 12:
        raise DateRefused(typed, "is not a real date (a year has 12 months)", DAY_EXAMPLES)
    if day < 1:
        raise DateRefused(typed, "is not a real date (days start at 1)", DAY_EXAMPLES)
    try:
        return date(year, month, day)
    except ValueError:
        pass
    if not 1 <= year <= 9999:
        raise DateRefused(typed, "is not a real date (the year is out of range)", DAY_EXAMPLES)
    last = _last_day(year, month)
    name = MONTH_NAMES[month - 1]
    raise DateRefused(
        typed,
        f"is not a real date ({name} {year} has {last} days)",
        f"e.g. {last} {name[:3]} {year}",
    )


def _last_day(year: int, month: int) -> int:
    for day in (31, 30, 29, 28):
        try:
            date(year, month, day)
        except ValueError:
            continue
        return day
    raise AssertionError("every month has at least 28 days")
