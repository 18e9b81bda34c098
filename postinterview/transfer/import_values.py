"""Reading the cells of a spreadsheet tracker: dates, sources and recruiters.

Dates are read by the app's one date reader (`domain/dates.py`), given no today: ISO
`2026-11-01` (also with `/` or `.`, and with a time after it), day-first dotted
`01.11.2026`, and written months (`1 Nov 2026`, `Nov 1, 2026`, `1 November 2026`). A slashed
or dashed date such as `03/04/2026` means 3 April in some countries and March 4 in others:
it is accepted only when it cannot be read two ways (`25/12/2026`, `12/25/2026`, `04/04/2026`),
and refused otherwise, as are two-digit years and dates without a year. Guessing would file
applications on the wrong day, and the applied date is part of what makes a row the same
application on a re-import.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from postinterview.domain.dates import DateRefused, read_calendar_date
from postinterview.domain.models import Contact, Source


class CellRefused(ValueError):
    """A cell that cannot be read; the message says why, for people."""


def normalise(text: str) -> str:
    """Lower case, `_` and `-` as spaces, runs of spaces folded, edge punctuation dropped."""
    spaced = re.sub(r"[_\-]+", " ", text.casefold())
    return " ".join(spaced.split()).strip(" .:*?!")


def fold(text: str) -> str:
    """Text as imports compare it: case and accents folded, punctuation and `_` as spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.sub(r"[\W_]+", " ", bare).split())


# --- Placeholders --------------------------------------------------------------------------

_PLACEHOLDERS = frozenset({"-", "--", "–", "—", "n/a", "#n/a", "n.a."})
"""What exports write in a cell that has nothing: Huntr a dash, JobSync `N/A`, Excel `#N/A`."""


def without_placeholder(text: str) -> str:
    """`text`, or empty when it only says the cell is empty (`-`, `N/A`).

    Stored as a value, a dash would become the location or the link of an application, and
    `N/A` a company. In the stage column `n/a` is kept: there it is a word a person writes
    to leave the row out (import_stages).
    """
    return "" if text.strip().casefold() in _PLACEHOLDERS else text


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

_EXAMPLE = "write it as YYYY-MM-DD, e.g. 2026-11-01"


def parse_day(text: str) -> date:
    """The calendar date in `text`; CellRefused saying why when it cannot be read safely.

    The app's own reader (domain/dates.py) without the words that need a today: a
    spreadsheet's "yesterday" was written on a day nobody knows.
    """
    try:
        return read_calendar_date(text)
    except DateRefused as refusal:
        raise CellRefused(f"{refusal.text!r} {refusal.why}: {_EXAMPLE}") from refusal
