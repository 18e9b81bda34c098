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
from postinterview.domain.models import CompanySize, Contact, Source


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


# --- Company sizes -------------------------------------------------------------------------

_SIZE_WORDS: dict[str, CompanySize] = {
    fold(word): size
    for size, words in (
        (CompanySize.SMALL, ("small", "startup", "start-up", "scale-up", "sme", "smb", "klein")),
        (CompanySize.SMALL, ("small business", "petite", "pequeña", "pequeño", "kmu")),
        (CompanySize.LARGE, ("large", "big", "enterprise", "corporate", "corporation", "groß")),
        (CompanySize.LARGE, ("multinational", "konzern", "grande", "grand groupe")),
    )
    for word in words
}

SMALL_BELOW = 250
"""Fewer employees than this is a small company (the EU's bound for a small or medium one)."""


def parse_company_size(text: str) -> CompanySize | None:
    """Small or large from a word (`startup`, `enterprise`, `klein`) or a head count (`40`,
    `51-200`, `1000+`): a range counts only when all of it is on one side of SMALL_BELOW."""
    if (size := _SIZE_WORDS.get(fold(text))) is not None:
        return size
    counts = [int(n) for n in re.findall(r"\d+", text.replace(",", "").replace(".", ""))]
    if not counts or len(counts) > 2:
        return None
    if max(counts) < SMALL_BELOW and not text.rstrip().endswith("+"):
        return CompanySize.SMALL
    return CompanySize.LARGE if min(counts) >= SMALL_BELOW else None


# --- Recruiters ----------------------------------------------------------------------------

_NAME_AND_EMAIL = re.compile(r"^(?P<name>[^<>]*?)\s*<(?P<email>[^<>@\s]+@[^<>\s]+)>$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_AND_PHONE = re.compile(r"^(?P<rest>.*?),\s*(?P<phone>\+?[\d(][\d\s().\-/]{4,}\d)$")
"""A phone number after the last comma (our CSV export writes 'Name <email>, +44 20 …')."""


def parse_recruiter(text: str) -> Contact:
    """A recruiter from 'Jane Doe', 'Jane Doe <jane@agency.example>' or an email address,
    each optionally followed by ', ' and a phone number."""
    value = " ".join(text.split())
    phone = ""
    if (with_phone := _AND_PHONE.match(value)) and with_phone["rest"].strip():
        value, phone = with_phone["rest"].strip(), with_phone["phone"]
    match = _NAME_AND_EMAIL.match(value)
    if match:
        email = match["email"]
        return Contact(name=match["name"].strip(" \"'") or email, email=email, phone=phone)
    if _EMAIL.match(value):
        return Contact(name=value, email=value, phone=phone)
    return Contact(name=value, phone=phone)


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
