"""Reading the cells of a spreadsheet tracker: text folding, sources and recruiters.

Date cells are read in `import_dates` (with their column's day order); `parse_day` here
reads one cell alone, refusing a slashed date that could be read two ways.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from pydantic import ValidationError

from postinterview.domain.editing import describe_validation_error
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


def parse_contact(name: str, email: str = "", phone: str = "") -> Contact | None:
    """The recruiter from a contact cell and the separate email and phone cells a tracker may
    have (ghosted's contact_name and contact_email); None when all three are empty. A contact
    known only by an email address or a phone number is named by it."""
    email, phone = " ".join(email.split()), " ".join(phone.split())
    if not (name.strip() or email or phone):
        return None
    try:
        read = parse_recruiter(name or email or phone)
        return Contact.model_validate(
            {"name": read.name, "email": email or read.email, "phone": phone or read.phone}
        )
    except ValidationError as error:
        raise CellRefused("recruiter " + "; ".join(describe_validation_error(error))) from error


# --- Dates ---------------------------------------------------------------------------------


def parse_day(text: str) -> date:
    """The calendar date in one cell read alone; CellRefused saying why when it cannot be read
    safely (see import_dates, which reads a row's cells with their column's day order)."""
    from postinterview.transfer import import_dates  # it builds on this module's fold

    return import_dates.read_date_cell(text).day
