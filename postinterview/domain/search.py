"""Finding an application by anything the person wrote in it.

`search_text` gathers every text of an application (its notes, each interview's reflection
and notes, the people, the contact log, the reasons given for stage moves) into one folded
string, computed once per revision of the record; `matches` then asks whether every word of
a query is in it. Folding ignores case and accents ("Zoë" is found by "zoe"), and control
characters a file may hold are dropped. Pure: no Textual, no files.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from postinterview.domain.models import Application, Contact, Interview

_SEPARATOR = "\n"
"""Between two texts: no query word (split on white space) matches across it."""


def fold(text: str) -> str:
    """`text` as searched: case folded, accents dropped, control characters made spaces."""
    folded = text.casefold()
    if folded.isascii():
        if folded.isprintable():
            return folded
        return "".join(ch if ch.isprintable() else " " for ch in folded)
    decomposed = unicodedata.normalize("NFKD", folded)
    kept = []
    for ch in decomposed:
        kind = unicodedata.category(ch)
        if kind == "Mn":  # a combining mark: the accent of the letter before it
            continue
        kept.append(" " if kind.startswith("C") or kind in ("Zl", "Zp") else ch)
    return "".join(kept)


def matches(search_text: str, query: str) -> bool:
    """True when every word of `query` appears in `search_text` (made by `search_text`, or
    folded the same way); an empty query matches everything."""
    return all(word in search_text for word in fold(query).split())


def search_text(application: Application) -> str:
    """Every text the person wrote in `application`, folded, in one string."""
    return _SEPARATOR.join(fold(text) for text in application_texts(application) if text)


def application_texts(application: Application) -> Iterator[str]:
    """Every text of `application` a search looks in, unfolded (some may be empty)."""
    yield from (application.company, application.role, application.location)
    yield from (application.job_link, application.notes)
    if application.recruiter is not None:
        yield from _contact_texts(application.recruiter)
    for referee in application.referees:
        yield from _contact_texts(referee)
    for entry in application.contact_log:
        yield from (entry.with_whom, entry.note)
    for change in application.stage_history:
        yield change.note
    for interview in application.interviews:
        yield from _interview_texts(interview)


def _contact_texts(person: Contact) -> Iterator[str]:
    yield from (person.name, person.title, person.email, person.phone, person.note)


def _interview_texts(interview: Interview) -> Iterator[str]:
    yield from (interview.place, interview.contact_method)
    yield from (interview.next_steps, interview.promised_to_send)
    for person in interview.interviewers:
        yield from _contact_texts(person)
    reflection = interview.reflection
    yield from (reflection.went_well, reflection.to_improve, reflection.interested_them)
    yield from reflection.interested_them_by_person.values()
    yield from (reflection.struggled_with, reflection.forgot_to_say)
