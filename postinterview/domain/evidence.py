"""What the record already shows was done, without a tick: a contact-log entry, a warned date.

The checklist (and so the plan) counts these as done, so a thank-you note written in the
contact log, or referees whose warned date is set, are not asked for again.

The matching rule, for a catalog item with `done_when_logged` words:
- a contact-log entry made from the item's starting moment on (the interview's start; for
  an outcome's items, the moment of the outcome);
- whose note contains one of the words (case-insensitive), and is not the note the item's
  own tick writes (`logs_contact`): for those the tick's mark speaks, so clearing a tick
  made by mistake reopens the item although its log entry stays;
- and, when the entry is about one person (an interviewer, or the recruiter if named), whose
  `with_whom` names that person: their full name, or their first name when nobody else in
  the interview shares it.
The earliest such entry is when it was done; one logged for later counts from its time.

Whether you chased them (the no-badgering rule in domain.plan) reads the log more widely:
there a chase's own tick note counts too (note_matches).

Pure: no Textual, no storage, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime

from postinterview.domain.models import ContactLogEntry, Referee

_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def note_matches(note: str, words: Sequence[str], own_note: str | None = None) -> bool:
    """Whether a log note says the thing was done: one of `words`, or the tick's own note."""
    said = note.casefold()
    if own_note is not None and said.strip() == own_note.casefold().strip():
        return True
    return any(word.casefold() in said for word in words)


def names_person(with_whom: str, name: str, others: Iterable[str] = ()) -> bool:
    """Whether `with_whom` names `name`: the full name in order, or the first name alone when
    none of `others` has the same first name."""
    said, full = _words(with_whom), _words(name)
    if not full:
        return False
    if any(said[i : i + len(full)] == full for i in range(len(said) - len(full) + 1)):
        return True
    first = full[0]
    if any(_words(other)[:1] == [first] for other in others):
        return False
    return first in said


def logged_at(
    log: Iterable[ContactLogEntry],
    since: datetime,
    words: Sequence[str],
    tick_note: str | None = None,
    person: str | None = None,
    others: Iterable[str] = (),
) -> datetime | None:
    """The earliest log entry from `since` on that shows the thing done (see the module's
    rule), if any; entries whose note is `tick_note` (what the tick wrote) do not count."""
    others = tuple(others)
    tick = tick_note.casefold().strip() if tick_note is not None else None
    moments = [
        entry.at
        for entry in log
        if entry.at >= since
        and entry.note.casefold().strip() != tick
        and note_matches(entry.note, words)
        and (person is None or names_person(entry.with_whom, person, others))
    ]
    return min(moments, default=None)


def all_warned_at(referees: Sequence[Referee]) -> datetime | None:
    """When the last of the referees was warned, once every one of them has been; else None."""
    if not referees or any(referee.notified_at is None for referee in referees):
        return None
    return max(referee.notified_at for referee in referees if referee.notified_at is not None)
