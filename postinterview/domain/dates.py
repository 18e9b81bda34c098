"""Dates and times as people type them, and what was understood, said back in words.

One parser for every date and time field of the app and for the CSV import. Pure: today or
now is passed in, and a moment is read in the time zone of the `now` it is given. Dates
written as dates are read in `calendar_dates.py`, words about today in `day_words.py`.

Days (`read_day`):
- `today`, `tomorrow`, `yesterday` (also `tmrw`, `day after tomorrow`).
- A weekday, named in full or short (`fri`, `friday`, `thurs`): the nearest such day in the
  `prefer` direction, today included. On Tuesday 1 Dec 2026 `tue` is that day, `wed` is
  2 Dec looking forward and 25 Nov looking back. `this fri` is the same as `fri`.
- `next wed`: the Wednesday of next week (weeks run Monday to Sunday). On Tuesday 1 Dec 2026
  that is 9 Dec, so "by next Wednesday" means what people mean by it.
- `last mon`: the most recent Monday before today (30 Nov, on Tuesday 1 Dec).
- `+7d`, `+2w`, `-3d`, `in 3 days`, `in 2 weeks`, `in a week`, `3 days ago`, `2 weeks ago`,
  `in 1 month` (a month on from 31 Jan is the last day of February).
- Dates: ISO `2026-11-01` (also with `/` or `.`, and with a time after it, which a day field
  ignores: spreadsheets write `2026-11-01 00:00:00`), `1 Nov 2026`, `Nov 1 2026`,
  `1st November 2026`, `01.11.2026` (dotted dates are day first), `25/12/2026`, `12/25/2026`.
  Without a year (`1 Nov`, `25/12`) the nearest such day in the `prefer` direction.
  A weekday before a date (`Mon 2 Nov 2026`) must agree with it.

Refused, with why and what to type instead (DateRefused): a date that could mean two days
(`03/04/2026` is 3 April in some countries and March 4 in others), days no calendar has
(`31/02/2026`), two-digit years (`01/11/26`), and words that are not one of the forms
above (`next blursday`).

Times (`read_time`): `14:00`, `14.00`, `14h`, `14h30`, `2pm`, `2 pm`, `2:30 pm`, `noon`,
`midnight`. A bare `9` is refused (9 in the morning or 21:00?), as are `25:00` and `14:60`.

Moments (`read_moment`): a day and a time in either order (`tomorrow 2pm`, `fri 14:00`,
`next wed at 10:30`, `2pm tomorrow`, `2026-12-09 14:00`, ISO with `T` and an offset);
a time alone is that time today, `now` is now. `1.11` alone could be 1 Nov or 01:11 and is
refused. A day without a time is refused unless a `default_time` is given.
"""

from __future__ import annotations

import difflib
import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo

from postinterview.domain.calendar_dates import (
    DAY_EXAMPLES,
    MONTHS,
    WEEKDAYS,
    DateRefused,
    Prefer,
    calendar_date,
    normalise,
    read_calendar_date,
    real_date,
    shown,
)
from postinterview.domain.calendar_words import DAY_NAMES, MONTH_NAMES
from postinterview.domain.day_words import DAY_WORDS, MONTH_UNITS, NUMBER_WORDS, UNITS, relative_day

__all__ = [
    "DateRefused",
    "Prefer",
    "day_label",
    "moment_label",
    "read_calendar_date",
    "read_day",
    "read_moment",
    "read_time",
]

TIME_EXAMPLES = "e.g. 14:00, 2pm or 2:30 pm"
"""The forms a time takes, named in a refusal."""
MOMENT_EXAMPLES = "try 14:00, 2pm, yesterday 2pm, fri 9:30, next wed 10:00 or 2026-11-01 14:00"
"""The forms a date and time takes, named in a refusal."""

_TIME_WORD = (
    r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?(?: ?[ap]\.?m\.?)?|\d{1,2} ?[ap]\.?m\.?"
    r"|\d{1,2}h(?:\d{2})?|noon|midday|midnight)"
)
_TIME_LAST = re.compile(rf"^(?:(?P<day>.+?) (?:at )?|at )?(?P<time>{_TIME_WORD})$")
_TIME_FIRST = re.compile(rf"^(?:at )?(?P<time>{_TIME_WORD}) (?:on )?(?P<day>.+)$")
_CLOCK = re.compile(
    r"^(?P<h>\d{1,2})(?:(?P<sep>[:.h])(?P<m>\d{2})(?::(?P<s>\d{2}))?|(?P<bare_h>h))?"
    r" ?(?P<half>am|pm)?$"
)
_ISO_MOMENT = re.compile(
    r"^(?P<y>\d{4})(?P<sep>[-/.])(?P<mo>\d{1,2})(?P=sep)(?P<d>\d{1,2})[t ]"
    r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?"
    r" ?(?P<zone>z|[+-]\d{2}:?\d{2})?$"
)
_BARE_HOUR = re.compile(r"^(?P<day>.+?) (?:at )?(?P<hour>\d{1,2})$")
_DAY_OR_TIME = re.compile(r"^(?P<a>\d{1,2})\.(?P<b>\d{2})$")  # 1.11: 1 Nov, or 01:11?
_KNOWN_WORDS = {
    *MONTHS,
    *WEEKDAYS,
    *(word for words in DAY_WORDS for word in words.split()),
    *NUMBER_WORDS,
    *UNITS,
    *MONTH_UNITS,
    *("this next last coming on in ago time at of st nd rd th am pm t z noon midday year".split()),
    "midnight",
    "h",
}


def read_day(text: str, today: date, prefer: Prefer = "future") -> date:
    """The day `text` names, counted from `today`; DateRefused saying why when it names none."""
    typed, value = shown(text), normalise(text)
    day = relative_day(value, typed, today, prefer)
    if day is None:
        day = calendar_date(value, typed, today, prefer)
    if day is not None:
        return day
    if _TIME_LAST.match(value) or _TIME_FIRST.match(value):
        raise DateRefused(typed, "has a time in it, and this takes a day", "e.g. tomorrow or 9 Dec")
    raise _unreadable(typed, value)


def read_time(text: str) -> time:
    """The time of day `text` names ("14:00", "14.00", "2pm", "2:30 pm", "14h")."""
    typed = shown(text)
    value = re.sub(r"([ap])\.?m\.?$", r"\1m", normalise(text))
    named = {"noon": time(12), "midday": time(12), "midnight": time(0)}
    if value in named:
        return named[value]
    match = _CLOCK.match(value)
    if match is None:
        raise DateRefused(typed, "is not a time I can read", TIME_EXAMPLES)
    hour, half = int(match["h"]), match["half"]
    minute, second = int(match["m"] or 0), int(match["s"] or 0)
    if match["m"] is None and match["bare_h"] is None and half is None:
        if hour <= 12:
            example = f"e.g. {hour}am, {hour}:00 or {hour + 12}:00"
            raise DateRefused(typed, "could be morning or evening", example)
        raise DateRefused(typed, "needs its minutes", f"e.g. {hour}:00")
    if half is not None:
        if not 1 <= hour <= 12:
            raise DateRefused(typed, "is not a time (with am or pm, hours go 1 to 12)", "e.g. 2pm")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23:
        raise DateRefused(typed, "is not a time (hours go 0 to 23)", TIME_EXAMPLES)
    if minute > 59 or second > 59:
        raise DateRefused(typed, "is not a time (minutes go 0 to 59)", TIME_EXAMPLES)
    return time(hour, minute, second)


def read_moment(
    text: str,
    now: datetime,
    prefer: Prefer = "future",
    default_time: time | None = None,
) -> datetime:
    """The moment `text` names, aware, in `now`'s time zone.

    A day and a time; a time alone is that time today. A day alone takes `default_time`,
    and is refused without one (the person is asked for the time).
    """
    try:
        return _moment(text, now, prefer, default_time)
    except DateRefused as refusal:
        if refusal.example != DAY_EXAMPLES:
            raise
        raise DateRefused(refusal.text, refusal.why, MOMENT_EXAMPLES) from None


def _moment(text: str, now: datetime, prefer: Prefer, default_time: time | None) -> datetime:
    typed, value = shown(text), normalise(text)
    zone = now.tzinfo or UTC
    today = now.date()
    if value == "now":
        return now.replace(second=0, microsecond=0)
    if match := _ISO_MOMENT.match(value):
        return _iso_moment(typed, match, zone)
    splits = [m for m in (_TIME_LAST.match(value), _TIME_FIRST.match(value)) if m is not None]
    if match := _DAY_OR_TIME.match(value):
        first, second = int(match["a"]), int(match["b"])
        if not _is_time(value):
            splits = []  # 25.12 is a day: it has no time
        elif 1 <= second <= 12 and 1 <= first <= 31:
            raise DateRefused(
                typed,
                f"could be {first} {MONTH_NAMES[second - 1]} or {first:02}:{second:02}",
                f"e.g. {first} {MONTH_NAMES[second - 1][:3]} 14:00, or {first}:{second:02}",
            )
    if not splits:
        if (bare := _BARE_HOUR.match(value)) and _is_day(bare["day"], today):
            read_time(bare["hour"])  # 'tomorrow 9': refused, saying why the hour is not enough
        day = read_day(text, today, prefer)
        if default_time is None:
            raise DateRefused(typed, "has no time", f"add one, e.g. {typed} 14:00")
        return _at(day, default_time, zone)
    first_refusal: DateRefused | None = None
    for split in splits:
        try:
            clock = read_time(split["time"])
            day = read_day(split["day"], today, prefer) if split["day"] else today
        except DateRefused as refusal:
            first_refusal = first_refusal or refusal
            continue
        return _at(day, clock, zone)
    assert first_refusal is not None
    raise first_refusal


def day_label(day: date, today: date) -> str:
    """'Wed 9 Dec' ('tomorrow, Wed 2 Dec'; 'Fri 1 Jan 2027' in another year)."""
    label = f"{DAY_NAMES[day.weekday()][:3]} {day.day} {MONTH_NAMES[day.month - 1][:3]}"
    if day.year != today.year:
        label = f"{label} {day.year}"
    near = {0: "today", 1: "tomorrow", -1: "yesterday"}.get((day - today).days)
    return f"{near}, {label}" if near else label


def moment_label(moment: datetime, now: datetime) -> str:
    """'Wed 9 Dec 14:00', in `now`'s time zone."""
    local = moment.astimezone(now.tzinfo or UTC)
    return f"{day_label(local.date(), now.date())} {local:%H:%M}"


# --- Reading ---------------------------------------------------------------------------------


def _is_day(value: str, today: date) -> bool:
    try:
        read_day(value, today)
    except DateRefused:
        return False
    return True


def _is_time(value: str) -> bool:
    try:
        read_time(value)
    except DateRefused:
        return False
    return True


def _iso_moment(typed: str, match: re.Match[str], zone: tzinfo) -> datetime:
    day = real_date(typed, int(match["y"]), int(match["mo"]), int(match["d"]))
    clock = read_time(f"{match['h']}:{match['mi']}:{match['s'] or '00'}")
    offset = match["zone"]
    if offset is None:
        return _at(day, clock, zone)
    delta = timedelta(0)
    if offset != "z":
        digits = offset[1:].replace(":", "")
        delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        delta = -delta if offset[0] == "-" else delta
    if delta >= timedelta(hours=24):
        raise DateRefused(typed, "has an offset of a day or more", "e.g. 2026-12-09T14:00+01:00")
    return datetime.combine(day, clock, tzinfo=timezone(delta)).astimezone(zone)


def _at(day: date, clock: time, zone: tzinfo) -> datetime:
    """`clock` on `day` in `zone`; a time skipped by a clock change moves on by the gap."""
    moment = datetime.combine(day, clock, tzinfo=zone)
    return moment.astimezone(UTC).astimezone(zone)


def _unreadable(typed: str, value: str) -> DateRefused:
    """The refusal of text in none of the forms, naming a word it does not know."""
    if match := re.match(r"^(?P<which>this|next|last|coming) (?P<span>week|month|year)$", value):
        which, span = match["which"], match["span"]
        return DateRefused(typed, f"names a {span}, not a day", f"e.g. {which} fri, or +7d")
    unknown = [word for word in re.findall(r"[a-z]+", value) if word not in _KNOWN_WORDS]
    if not unknown:
        return DateRefused(typed, "is not a date I can read", DAY_EXAMPLES)
    word = unknown[0]
    close = difflib.get_close_matches(word, sorted(_KNOWN_WORDS), n=1, cutoff=0.8)
    guess = f"; did you mean '{close[0]}'?" if close else ""
    return DateRefused(typed, f"is not a date I can read (I do not know '{word}'{guess})")
