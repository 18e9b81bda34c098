"""An interview invitation (an .ics file, RFC 5545) read into an `Invite`, or refused.

The parsing is the `icalendar` package's, imported here only (never on the app's start-up
path). What is taken from the event, and why:

- the start: a TZID is read through the file's own VTIMEZONE, else as an IANA name or a
  Windows name as Outlook writes it ("W. Europe Standard Time"); a time in UTC as it is; a
  floating time (no zone), or a zone nobody knows, as local time, said in `notes`. An all-day
  event has no time, so it is refused. A recurring event gives its first occurrence (said).
- the length, from DTEND or DURATION, when it is between a minute and a day.
- the people: the organiser and the attendees, with their emails, as the interviewers; you,
  rooms and whoever declined left out, and said (see invite_people).
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
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any

from postinterview.domain.limits import LINE_LIMIT, NAME_LIMIT
from postinterview.transfer.import_values import fold
from postinterview.transfer.invite_links import GENERIC_PLACES, LINK_PROPERTIES, video_link
from postinterview.transfer.invite_people import (
    InvitePerson,
    address,
    flat_line,
    invite_people,
    property_values,
)

MAX_INVITE_BYTES = 2 * 1024 * 1024
"""Larger files are refused unread: an invitation is a few KiB, even with its HTML copy."""

DESCRIPTION_LIMIT = 8_000
"""How much of the description goes to the notes: the words, not pages of pasted mail."""

_JOIN_RULE = re.compile(r"^\s*(?:_{10,}|-::~:~::~.*)$", re.MULTILINE)


class InviteRefused(ValueError):
    """The file is not an invitation we can read; the message says why, in one line."""


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
    people, left_out = invite_people(event, you)
    summary = flat_line(event.get("SUMMARY", ""), NAME_LIMIT)
    location = flat_line(", ".join(str(event.get("LOCATION", "")).splitlines()), LINE_LIMIT)
    description = _description(str(event.get("DESCRIPTION", "")))
    links = [str(value) for name in LINK_PROPERTIES for value in property_values(event, name)]
    organisers = property_values(event, "ORGANIZER")
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
        organiser_email=address(organisers[0]) if organisers else "",
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
        raise InviteRefused(f"cannot be read as iCalendar: {flat_line(str(error), 200)}") from error


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


def _description(text: str) -> str:
    """The description's own words: join instructions after a rule are left out."""
    rule = _JOIN_RULE.search(text)
    kept = text[: rule.start()] if rule else text
    kept = "\n".join(line.rstrip() for line in kept.strip().splitlines())
    return kept[:DESCRIPTION_LIMIT]


def _uid(event: Any, start: datetime, summary: str) -> str:
    uid = flat_line(event.get("UID", ""), LINE_LIMIT)
    if uid:
        return uid
    organiser = address(event.get("ORGANIZER", ""))
    made = hashlib.sha256(f"{start.isoformat()}|{summary}|{organiser}".encode()).hexdigest()
    return f"made-{made[:32]}"
