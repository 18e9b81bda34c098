"""Days named by words about today: `tomorrow`, `fri`, `next wed`, `last mon`, `+7d`,
`in 2 weeks`, `3 days ago`. The conventions are in `dates.py`, which reads with these.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from postinterview.domain.calendar_dates import DAY_EXAMPLES, WEEKDAYS, DateRefused, Prefer

DAY_WORDS: dict[str, int] = {
    "today": 0,
    "now": 0,
    "tomorrow": 1,
    "tmrw": 1,
    "tmr": 1,
    "day after tomorrow": 2,
    "the day after tomorrow": 2,
    "yesterday": -1,
    "day before yesterday": -2,
    "the day before yesterday": -2,
}
"""Days named by a word, and how many days from today they are."""
NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
"""Counts written as words (`in a week`, `in two weeks`)."""
UNITS: dict[str, int] = {
    **dict.fromkeys(("d", "day", "days"), 1),
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks"), 7),
    **dict.fromkeys(("fortnight", "fortnights"), 14),
}
"""Spans of days, and their length."""
MONTH_UNITS = ("month", "months")
"""Months: counted on the calendar (a month from 31 Jan is the last day of February)."""
_COUNT = rf"(?P<n>\d{{1,6}}|{'|'.join(NUMBER_WORDS)})"
_UNIT = rf"(?P<unit>{'|'.join([*UNITS, *MONTH_UNITS])})"
_SIGNED = re.compile(rf"^(?P<sign>[+-]) ?{_COUNT} ?{_UNIT}$")
_IN = re.compile(rf"^in {_COUNT} {_UNIT}(?: time)?$")
_AGO = re.compile(rf"^{_COUNT} {_UNIT} ago$")
_WEEKDAY = re.compile(r"^(?:(?P<which>this|next|last|coming|on) )?(?P<day>[a-z]+)\.?$")


def relative_day(value: str, typed: str, today: date, prefer: Prefer) -> date | None:
    """The day a word about today names (`tomorrow`, `fri`, `+7d`); None for other text."""
    if value in DAY_WORDS:
        return _shift(typed, today, DAY_WORDS[value])
    for pattern, sign in ((_SIGNED, 0), (_IN, 1), (_AGO, -1)):
        if match := pattern.match(value):
            count = NUMBER_WORDS.get(match["n"]) or int(match["n"])
            if sign == 0:
                sign = -1 if match["sign"] == "-" else 1
            if match["unit"] in MONTH_UNITS:
                return _add_months(typed, today, sign * count)
            return _shift(typed, today, sign * count * UNITS[match["unit"]])
    match = _WEEKDAY.match(value)
    if match is None or match["day"] not in WEEKDAYS:
        return None
    target, which = WEEKDAYS[match["day"]], match["which"]
    if which == "next":  # the one in next week, Monday to Sunday
        return today + timedelta(days=7 - today.weekday() + target)
    if which == "last":  # the most recent before today
        return today - timedelta(days=(today.weekday() - target - 1) % 7 + 1)
    if which == "coming" or prefer == "future":
        return today + timedelta(days=(target - today.weekday()) % 7)
    return today - timedelta(days=(today.weekday() - target) % 7)


def _shift(typed: str, today: date, days: int) -> date:
    try:
        return today + timedelta(days=days)
    except OverflowError:
        raise DateRefused(typed, "is too far away", DAY_EXAMPLES) from None


def _add_months(typed: str, today: date, months: int) -> date:
    """The same day `months` on, or the last day of that month if it is shorter."""
    year, month = divmod(today.year * 12 + today.month - 1 + months, 12)
    for day in range(today.day, 27, -1) if today.day > 28 else (today.day,):
        try:
            return date(year, month + 1, day)
        except ValueError:  # 31 Jan + 1 month: no 31 Feb (or 30, or 29 in a common year)
            if not 1 <= year <= 9999:
                break
    raise DateRefused(typed, "is too far away", DAY_EXAMPLES)
