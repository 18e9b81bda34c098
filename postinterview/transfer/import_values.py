"""Reading the cells of a spreadsheet tracker: text folding, sources and recruiters.

Date cells are read in `import_dates` (with their column's day order); `parse_day` here
reads one cell alone, refusing a slashed date that could be read two ways.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

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


def parse_day(text: str) -> date:
    """The calendar date in one cell read alone; CellRefused saying why when it cannot be read
    safely (see import_dates, which reads a row's cells with their column's day order)."""
    from postinterview.transfer import import_dates  # it builds on this module's fold

    return import_dates.read_date_cell(text).day
