"""What the command palette finds: applications, people and interviews, matched as typed.

Pure and Textual-free: the index is built once from the applications in memory when the
palette opens, and each keystroke only scans it (no file is read while typing).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from postinterview.domain.models import Application

LIMIT = 40
"""At most this many hits per query: the palette shows a handful, and 10,000 applications
could otherwise fill it with thousands."""


@dataclass(frozen=True)
class Entry:
    """One thing the palette can find, and the application it opens."""

    app_id: str
    label: str
    """What the palette shows (a person's own text: shown as text, never as markup)."""
    help: str
    """The line under it: what kind of thing it is and whose."""
    haystack: str
    """The words a query is matched against, folded to lower case."""


def _entry(app_id: str, label: str, help_text: str, *words: str) -> Entry:
    return Entry(app_id, label, help_text, " ".join(words).casefold())


def entries_for(application: Application) -> Iterable[Entry]:
    """The application itself, its people (interviewers, recruiter, referees), its interviews."""
    company, role = application.company, application.role
    whose = f"{company} — {role}"
    yield _entry(application.id, whose, f"Application · {application.stage.label}", company, role)
    if application.recruiter is not None:
        name = application.recruiter.name
        yield _entry(application.id, name, f"Recruiter · {whose}", name, company)
    for referee in application.referees:
        yield _entry(application.id, referee.name, f"Referee · {whose}", referee.name, company)
    for interview in application.interviews:
        day = interview.at.date().isoformat()
        yield _entry(
            application.id, f"{company} interview, {day}", f"Interview · {role}", company, day
        )
        for person in interview.interviewers:
            yield _entry(
                application.id, person.name, f"Interviewer · {whose}, {day}", person.name, company
            )


def build_index(applications: Iterable[Application]) -> list[Entry]:
    """Every entry of every application, in the order given."""
    return [entry for application in applications for entry in entries_for(application)]


def find(index: Iterable[Entry], query: str, limit: int = LIMIT) -> list[tuple[float, Entry]]:
    """The entries holding every word of `query` (any case), best first, with a score in
    (0, 1]: an entry whose words start with the query comes before one that holds it later."""
    text = " ".join(query.split()).casefold()
    words = text.split()
    if not words:
        return []
    first, at_word, inside = [], [], []  # by score; each keeps the folder's order
    spaced = f" {words[0]}"
    for entry in index:
        haystack = entry.haystack
        if words[0] not in haystack or not all(word in haystack for word in words[1:]):
            continue
        if haystack.startswith(text):
            first.append(entry)
            if len(first) >= limit:
                break  # nothing can rank above these
        elif spaced in haystack:
            at_word.append(entry)
        else:
            inside.append(entry)
    ranked = [(1.0, e) for e in first] + [(0.9, e) for e in at_word] + [(0.8, e) for e in inside]
    return ranked[:limit]
