"""Reading the cells of a spreadsheet tracker: dates, stages, sources and recruiters.

Dates: ISO `2026-11-01` (also with `/` or `.`, and with a time after it), day-first dotted
`01.11.2026`, and written months (`1 Nov 2026`, `Nov 1, 2026`, `1 November 2026`). A slashed
or dashed date such as `03/04/2026` means 3 April in some countries and March 4 in others:
it is accepted only when it cannot be read two ways (`25/12/2026`, `12/25/2026`, `04/04/2026`),
and refused otherwise, as are two-digit years. Guessing would file applications on the wrong
day, and the applied date is part of what makes a row the same application on a re-import.
"""

from __future__ import annotations

import re
from datetime import date

from postinterview.domain.calendar_words import MONTH_NAMES
from postinterview.domain.models import Contact, Source
from postinterview.domain.stages import Stage


class CellRefused(ValueError):
    """A cell that cannot be read; the message says why, for people."""


def normalise(text: str) -> str:
    """Lower case, `_` and `-` as spaces, runs of spaces folded, edge punctuation dropped."""
    spaced = re.sub(r"[_\-]+", " ", text.casefold())
    return " ".join(spaced.split()).strip(" .:*?!")


# --- Stages --------------------------------------------------------------------------------

_STAGE_WORDS: dict[str, Stage] = {
    **{normalise(stage.value): stage for stage in Stage},
    **{normalise(stage.label): stage for stage in Stage},
    **{
        word: Stage.APPLIED
        for word in ("application sent", "sent", "submitted", "cv sent", "applied online")
    },
    **{
        word: Stage.SCREENING
        for word in (
            "screen",
            "phone screen",
            "phone screening",
            "screening call",
            "recruiter call",
            "recruiter screen",
            "hr screen",
            "initial call",
        )
    },
    **{
        word: Stage.INTERVIEWING
        for word in (
            "interview",
            "interviews",
            "interviewed",
            "first interview",
            "second interview",
            "final interview",
            "technical interview",
            "onsite",
            "on site",
            "assessment",
            "in progress",
        )
    },
    **{
        word: Stage.AWAITING_DECISION
        for word in ("awaiting", "waiting", "waiting for decision", "decision pending")
    },
    **{word: Stage.OFFER for word in ("offered", "offer received", "job offer")},
    **{word: Stage.ACCEPTED for word in ("offer accepted", "hired", "signed")},
    **{
        word: Stage.REJECTED
        for word in ("rejection", "declined", "turned down", "unsuccessful", "not selected")
    },
    **{
        word: Stage.WITHDRAWN
        for word in ("withdrew", "withdraw", "cancelled", "canceled", "not interested")
    },
    **{
        word: Stage.NO_REPLY
        for word in (
            "ghosted",
            "no response",
            "no answer",
            "no news",
            "never heard back",
            "silence",
        )
    },
}


def parse_stage(text: str) -> Stage | None:
    """The stage a tracker's status word means; None when it is not one we know."""
    return _STAGE_WORDS.get(normalise(text))


# --- Sources -------------------------------------------------------------------------------

_SOURCE_WORDS: dict[str, Source] = {
    **{source.value: source for source in Source},
    "referred": Source.REFERRAL,
    "recruitment agency": Source.AGENCY,
    "agent": Source.AGENCY,
    "headhunter": Source.RECRUITER,
}


def parse_source(text: str) -> Source | None:
    """How the application came about, if the word is one we know."""
    return _SOURCE_WORDS.get(normalise(text))


# --- Recruiters ----------------------------------------------------------------------------

_NAME_AND_EMAIL = re.compile(r"^(?P<name>[^<>]*?)\s*<(?P<email>[^<>@\s]+@[^<>\s]+)>$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def parse_recruiter(text: str) -> Contact:
    """A recruiter from 'Jane Doe', 'Jane Doe <jane@agency.example>' or an email address."""
    value = " ".join(text.split())
    match = _NAME_AND_EMAIL.match(value)
    if match:
        email = match["email"]
        return Contact(name=match["name"].strip(" \"'") or email, email=email)
    if _EMAIL.match(value):
        return Contact(name=value, email=value)
    return Contact(name=value)


# --- Dates ---------------------------------------------------------------------------------

_MONTHS = {
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
_TIME = r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_ISO = re.compile(rf"^(?P<y>\d{{4}})([-/.])(?P<m>\d{{1,2}})\2(?P<d>\d{{1,2}}){_TIME}$")
_NUMERIC = re.compile(rf"^(?P<a>\d{{1,2}})(?P<sep>[-/.])(?P<b>\d{{1,2}})(?P=sep)(?P<y>\d+){_TIME}$")
_DAY_MONTH = re.compile(r"^(?P<d>\d{1,2})(?:st|nd|rd|th)?[ -](?P<m>[a-z]+)\.?,?[ -](?P<y>\d{4})$")
_MONTH_DAY = re.compile(r"^(?P<m>[a-z]+)\.? (?P<d>\d{1,2})(?:st|nd|rd|th)?,? (?P<y>\d{4})$")
_WEEKDAY = re.compile(
    r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE
)
_EXAMPLE = "write it as YYYY-MM-DD, e.g. 2026-11-01"


def parse_day(text: str) -> date:
    """The calendar date in `text`; CellRefused saying why when it cannot be read safely."""
    value = " ".join(text.split())
    if match := _ISO.match(value):
        return _real(value, int(match["y"]), int(match["m"]), int(match["d"]))
    if match := _NUMERIC.match(value):
        return _numeric(value, int(match["a"]), int(match["b"]), match["sep"], match["y"])
    words = _WEEKDAY.sub("", value).casefold()
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        if match := pattern.match(words):
            month = _MONTHS.get(match["m"])
            if month is not None:
                return _real(value, int(match["y"]), month, int(match["d"]))
    raise CellRefused(f"{value!r} is not a date I can read: {_EXAMPLE}")


def _numeric(value: str, first: int, second: int, separator: str, year_text: str) -> date:
    if len(year_text) != 4:
        raise CellRefused(f"{value!r} does not give the year in full: {_EXAMPLE}")
    year = int(year_text)
    if separator == "." or first > 12 or first == second or min(first, second) < 1:
        return _real(value, year, second, first)  # day first: 25/12/2026, 01.11.2026
    if second > 12:
        return _real(value, year, first, second)  # month first: 12/25/2026
    day_first = f"{first} {MONTH_NAMES[second - 1]}"
    month_first = f"{MONTH_NAMES[first - 1]} {second}"
    raise CellRefused(f"{value!r} could be {day_first} or {month_first}: {_EXAMPLE}")


def _real(value: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as error:
        raise CellRefused(f"{value!r} is not a real date ({error})") from error
