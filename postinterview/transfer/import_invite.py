"""An interview invitation (an .ics file, RFC 5545) read into an `Invite`, or refused.

The parsing is the `icalendar` package's, imported here only (never on the app's start-up
path). What is taken from the event, and why:

- the start: a TZID is read through the file's own VTIMEZONE, else as an IANA name or a
  Windows name as Outlook writes it ("W. Europe Standard Time"); a time in UTC as it is; a
  floating time (no zone), or a zone nobody knows, as local time, said in `notes`. An all-day
  event has no time, so it is refused. A recurring event gives its first occurrence (said).
- the length, from DTEND or DURATION, when it is between a minute and a day.
- the people: the organiser and the attendees, with their emails, as the interviewers.
  Left out (and said in `left_out`): you, told by the names and addresses passed in (the
  settings' name); rooms and resources (CUTYPE, or Google's resource calendars); whoever
  declined. PARTSTAT/RSVP are not used to guess who you are: Google and Outlook mark every
  guest NEEDS-ACTION/RSVP=TRUE, so they tell nobody apart.
- where: the video link (see invite_links), else LOCATION.
- what: SUMMARY and DESCRIPTION, the description without the join instructions calendars
  append after a rule of underscores or Google's "-::~:~::~" line.
- the UID, so the same invitation imported twice is recognised; a file without one gets one
  made from its start, summary and organiser.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any

from postinterview.domain.limits import LINE_LIMIT, NAME_LIMIT
from postinterview.transfer.import_values import fold
from postinterview.transfer.invite_links import GENERIC_PLACES, LINK_PROPERTIES, video_link

MAX_INVITE_BYTES = 2 * 1024 * 1024
"""Larger files are refused unread: an invitation is a few KiB, even with its HTML copy."""

DESCRIPTION_LIMIT = 8_000
"""How much of the description goes to the notes: the words, not pages of pasted mail."""

_JOIN_RULE = re.compile(r"^\s*(?:_{10,}|-::~:~::~.*)$", re.MULTILINE)
_ROOM_DOMAINS = ("resource.calendar.google.com", "group.calendar.google.com")
PERSONAL_MAIL = frozenset(
    "gmail.com googlemail.com outlook.com hotmail.com hotmail.co.uk live.com msn.com yahoo.com "
    "yahoo.co.uk icloud.com me.com mac.com proton.me protonmail.com gmx.de gmx.net web.de "
    "aol.com".split()
)
"""Mail providers of personal addresses: an invitation from a company's address to exactly
one guest at one of these was sent to you there."""


class InviteRefused(ValueError):
    """The file is not an invitation we can read; the message says why, in one line."""


@dataclass(frozen=True)
class InvitePerson:
    name: str
    """Their name (CN), else their address."""
    email: str


@dataclass(frozen=True)
class Invite:
    """What an invitation says, read and checked; nothing stored yet."""

    uid: str
    summary: str
    description: str
    start: datetime
    """Aware, at the event's own UTC offset."""
    minutes: int | None
    people: tuple[InvitePerson, ...]
    """The organiser first, then the attendees: the interviewers."""
    left_out: tuple[str, ...]
    """Who was not taken as an interviewer, and why: 'Alex Morgan (you)'."""
    location: str
    link: str
    cancelled: bool
    notes: tuple[str, ...]
    """What the person should know about how it was read (a guessed zone, a recurrence)."""
    organiser_email: str = ""
    passed: bool = False
    """It started before the `now` it was read at: it cannot be an upcoming interview."""

    @property
    def place(self) -> str:
        """Where it happens: the location, the video link, or both when both say something."""
        location = self.location
        if self.link and (
            not location or fold(location) in GENERIC_PLACES or self.link in location
        ):
            return self.link[:LINE_LIMIT]
        if self.link:
            return f"{location} {self.link}"[:LINE_LIMIT]
        return location[:LINE_LIMIT]


def read_invite(
    raw: bytes, now: datetime, you: Sequence[str] = (), local_zone: tzinfo | None = None
) -> Invite:
    """The invitation in `raw`; InviteRefused saying why when it cannot be one.

    `you` are the person's own names or addresses (left out of the people); a floating time
    is read in `local_zone`, else in this computer's zone; `now` tells whether it has passed.
    """
    calendar = _calendar(_text(raw))
    method = str(calendar.get("METHOD", "")).upper()
    event = _the_event(calendar.walk("VEVENT"))
    notes: list[str] = []
    start = _moment(event, "DTSTART", local_zone, notes)
    if start is None:
        raise InviteRefused("its event has no start time (DTSTART)")
    if skipped := len(getattr(event, "errors", [])):
        notes.append(f"{skipped} of its lines could not be read and were left out")
    if event.get("RRULE") or event.get("RDATE"):
        notes.append(f"a recurring event: its first occurrence, {start:%Y-%m-%d %H:%M}, is taken")
    people, left_out = _people(event, you)
    summary = _line(event.get("SUMMARY", ""), NAME_LIMIT)
    location = _line(", ".join(str(event.get("LOCATION", "")).splitlines()), LINE_LIMIT)
    description = _description(str(event.get("DESCRIPTION", "")))
    links = [str(value) for name in LINK_PROPERTIES for value in _values(event, name)]
    organiser = event.get("ORGANIZER")
    return Invite(
        uid=_uid(event, start, summary),
        summary=summary,
        description=description,
        start=start,
        minutes=_minutes(event, start, local_zone),
        people=people,
        left_out=left_out,
        location=location,
        link=video_link(links, [location, str(event.get("DESCRIPTION", ""))]),
        cancelled=method == "CANCEL" or str(event.get("STATUS", "")).upper() == "CANCELLED",
        notes=tuple(notes),
        organiser_email=_address(organiser) if organiser is not None else "",
        passed=start <= now,
    )


def _text(raw: bytes) -> str:
    if len(raw) > MAX_INVITE_BYTES:
        raise InviteRefused(f"is larger than {MAX_INVITE_BYTES // (1024 * 1024)} MiB")
    if b"\x00" in raw:
        raise InviteRefused("holds binary data, so it is not a calendar invitation")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", "replace")  # RFC 5545 says UTF-8; old Outlook did not
    text = text.removeprefix(codecs.BOM_UTF8.decode("utf-8"))
    if not text.lstrip().upper().startswith("BEGIN:VCALENDAR"):
        raise InviteRefused("is not an iCalendar file: it does not begin with BEGIN:VCALENDAR")
    return text


def _calendar(text: str) -> Any:
    import icalendar  # here only: the app's start and the other commands never load it

    try:
        return icalendar.Calendar.from_ical(text)
    except Exception as error:  # the parser's errors have no common base class
        raise InviteRefused(f"cannot be read as iCalendar: {_line(str(error), 200)}") from error


def _the_event(events: list[Any]) -> Any:
    """The one event of an invitation: its series' main event when it has overrides."""
    if not events:
        raise InviteRefused("holds no event (VEVENT), so there is no interview in it")
    uids = {str(event.get("UID", "")) for event in events}
    if len(uids) > 1:
        raise InviteRefused(
            f"holds {len(uids)} different events; an invitation holds one "
            "(export that one event from your calendar)"
        )
    masters = [event for event in events if event.get("RECURRENCE-ID") is None]
    return (masters or events)[0]


def _moment(event: Any, name: str, zone: tzinfo | None, notes: list[str]) -> datetime | None:
    prop = event.get(name)
    if prop is None:
        return None
    value = prop.dt
    if not isinstance(value, datetime):
        if isinstance(value, date):
            raise InviteRefused("is an all-day event: an interview needs a start time")
        return None
    if value.tzinfo is None:
        tzid = prop.params.get("TZID")
        notes.append(
            f"time zone {tzid!r} is not known: the time is read as local time"
            if tzid
            else "the time has no time zone: it is read as local time"
        )
        value = value.replace(tzinfo=zone) if zone is not None else value.astimezone()
    offset = value.utcoffset() or timedelta(0)
    return value.astimezone(timezone(offset))


def _minutes(event: Any, start: datetime, zone: tzinfo | None) -> int | None:
    end = _moment(event, "DTEND", zone, []) if event.get("DTEND") is not None else None
    if end is not None:
        length = end - start
    elif event.get("DURATION") is not None and isinstance(event["DURATION"].dt, timedelta):
        length = event["DURATION"].dt
    else:
        return None
    minutes = int(length.total_seconds() // 60)
    return minutes if 1 <= minutes <= 24 * 60 else None


def _values(event: Any, name: str) -> list[Any]:
    value = event.get(name)
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _address(value: Any) -> str:
    text = str(value).strip()
    return text[len("mailto:") :] if text.lower().startswith("mailto:") else text


def _people(event: Any, you: Sequence[str]) -> tuple[tuple[InvitePerson, ...], tuple[str, ...]]:
    mine = {fold(name) for name in you if fold(name)}
    people: list[InvitePerson] = []
    left_out: list[str] = []
    seen: set[str] = set()
    for value in [*_values(event, "ORGANIZER"), *_values(event, "ATTENDEE")]:
        email = _line(_address(value), NAME_LIMIT)
        name = _line(str(value.params.get("CN", "")).strip("\"' "), NAME_LIMIT) or email
        key = email.casefold() or fold(name)
        if not name or key in seen:
            continue
        seen.add(key)
        why = _left_out_because(value.params, email, name, mine)
        if why:
            left_out.append(f"{name} ({why})")
        else:
            people.append(InvitePerson(name=name, email=email))
    if not any(entry.endswith("(you)") for entry in left_out):
        people, left_out = _personal_address_left_out(people, left_out)
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


def _line(value: Any, limit: int) -> str:
    return " ".join(str(value).split())[:limit]


def _description(text: str) -> str:
    """The description's own words: join instructions after a rule are left out."""
    rule = _JOIN_RULE.search(text)
    kept = text[: rule.start()] if rule else text
    kept = "\n".join(line.rstrip() for line in kept.strip().splitlines())
    return kept[:DESCRIPTION_LIMIT]


def _uid(event: Any, start: datetime, summary: str) -> str:
    uid = _line(event.get("UID", ""), LINE_LIMIT)
    if uid:
        return uid
    organiser = _address(event.get("ORGANIZER", ""))
    made = hashlib.sha256(f"{start.isoformat()}|{summary}|{organiser}".encode()).hexdigest()
    return f"made-{made[:32]}"


def own_names(names: Iterable[str | None]) -> tuple[str, ...]:
    """The person's names and addresses as `read_invite` takes them, blanks dropped."""
    return tuple(name for name in names if name and name.strip())
