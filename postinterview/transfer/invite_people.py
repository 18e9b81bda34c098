"""The people of an invitation: who are the interviewers, and who is left out and why.

The organiser and the attendees, with their emails, are the interviewers, each once (Google
lists the organiser as an attendee too). Left out, and said: you, told by the names and
addresses passed in (the settings' name) or, when those tell nobody, as the one guest at a
personal address (gmail.com, icloud.com...) of an invitation sent from a company's address;
rooms and resources (CUTYPE, or Google's resource calendars); whoever declined. PARTSTAT
and RSVP do not tell you apart: Google and Outlook mark every guest NEEDS-ACTION/RSVP=TRUE.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from postinterview.domain.limits import NAME_LIMIT
from postinterview.transfer.import_values import fold

MAX_PEOPLE = 30
"""At most this many interviewers are taken: a panel is a handful, an all-hands invite is not
an interview panel (the rest are counted in `left_out`)."""

_ROOM_DOMAINS = ("resource.calendar.google.com", "group.calendar.google.com")
PERSONAL_MAIL = frozenset(
    "gmail.com googlemail.com outlook.com hotmail.com hotmail.co.uk live.com msn.com yahoo.com "
    "yahoo.co.uk icloud.com me.com mac.com proton.me protonmail.com gmx.de gmx.net web.de "
    "aol.com".split()
)
"""Mail providers of personal addresses: an invitation from a company's address to exactly
one guest at one of these was sent to you there."""


@dataclass(frozen=True)
class InvitePerson:
    name: str
    """Their name (CN), else their address."""
    email: str


def property_values(event: Any, name: str) -> list[Any]:
    """Every value of the property `name` (the parser gives one, or a list when repeated)."""
    value = event.get(name)
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def address(value: Any) -> str:
    """A calendar address without its `mailto:`."""
    text = str(value).strip()
    return text[len("mailto:") :] if text.lower().startswith("mailto:") else text


def flat_line(value: Any, limit: int) -> str:
    """`value` as one line of at most `limit` characters (runs of white space as one space)."""
    return " ".join(str(value).split())[:limit]


def invite_people(
    event: Any, you: Sequence[str]
) -> tuple[tuple[InvitePerson, ...], tuple[str, ...]]:
    """The interviewers of `event`, and who was left out with why ('Raum Elbe (a room)')."""
    mine = {fold(name) for name in you if fold(name)}
    people: list[InvitePerson] = []
    left_out: list[str] = []
    seen: set[str] = set()
    for value in [*property_values(event, "ORGANIZER")[:1], *property_values(event, "ATTENDEE")]:
        params = getattr(value, "params", {})
        email = flat_line(address(value), NAME_LIMIT)
        name = flat_line(str(params.get("CN", "")).strip("\"' "), NAME_LIMIT) or email
        key = email.casefold() or fold(name)
        if not name or key in seen:
            continue
        seen.add(key)
        why = _left_out_because(params, email, name, mine)
        if why:
            left_out.append(f"{name} ({why})")
        else:
            people.append(InvitePerson(name=name, email=email))
    if not any(entry.endswith("(you)") for entry in left_out):
        people, left_out = _personal_address_left_out(people, left_out)
    if len(people) > MAX_PEOPLE:
        left_out.append(f"{len(people) - MAX_PEOPLE} more attendees (over {MAX_PEOPLE})")
        people = people[:MAX_PEOPLE]
    return tuple(people), tuple(left_out)


def _personal_address_left_out(
    people: list[InvitePerson], left_out: list[str]
) -> tuple[list[InvitePerson], list[str]]:
    """With you not told by name: the one guest at a personal address, when the organiser
    (the first person) writes from a company's, is you."""
    if len(people) < 2 or _domain(people[0].email) in PERSONAL_MAIL:
        return people, left_out
    personal = [person for person in people[1:] if _domain(person.email) in PERSONAL_MAIL]
    if len(personal) != 1:
        return people, left_out
    you = personal[0]
    return [person for person in people if person is not you], [
        *left_out,
        f"{you.name} (you: a personal address)",
    ]


def _domain(email: str) -> str:
    return email.rpartition("@")[2].casefold()


def _left_out_because(params: Any, email: str, name: str, mine: set[str]) -> str:
    if fold(name) in mine or (email and fold(email) in mine):
        return "you"
    if str(params.get("CUTYPE", "")).upper() in {"ROOM", "RESOURCE"} or email.endswith(
        _ROOM_DOMAINS
    ):
        return "a room"
    if str(params.get("PARTSTAT", "")).upper() == "DECLINED":
        return "declined"
    return ""


def own_names(names: Iterable[str | None]) -> tuple[str, ...]:
    """The person's names and addresses as `read_invite` takes them, blanks dropped."""
    return tuple(name for name in names if name and name.strip())
