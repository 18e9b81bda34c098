"""Reading an interview invitation (.ics): each calendar's layout, and what is refused."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from postinterview.transfer.import_invite import (
    MAX_INVITE_BYTES,
    Invite,
    InvitePerson,
    InviteRefused,
    read_invite,
)
from postinterview.transfer.invite_people import MAX_PEOPLE

FIXTURES = Path(__file__).parent / "fixtures" / "invites"
NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
LONDON = ZoneInfo("Europe/London")


def invite(name: str, you: tuple[str, ...] = (), now: datetime = NOW) -> Invite:
    return read_invite((FIXTURES / name).read_bytes(), now, you, local_zone=LONDON)


def minimal(*lines: str) -> bytes:
    body = ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", *lines, "END:VEVENT"]
    return ("\r\n".join([*body, "END:VCALENDAR"]) + "\r\n").encode()


def test_google_invite_gives_the_meet_link_the_people_and_the_utc_time() -> None:
    read = invite("google.ics")
    assert read.start == datetime(2026, 12, 9, 15, 0, tzinfo=UTC)
    assert read.minutes == 45
    assert read.link == "https://meet.google.com/qwe-rtyu-iop"
    assert read.place == read.link  # an empty LOCATION says nothing more
    # The organiser once (Google lists them as an attendee too); the declined guest and the
    # one personal address (you, when the settings name nobody) are left out, and said.
    assert read.people == (
        InvitePerson("Dana Whitfield", "dana.whitfield@acme.com"),
        InvitePerson("Lee Park", "lee.park@acme.com"),
    )
    assert read.left_out == (
        "Morgan Hale (declined)",
        "sam.okafor@gmail.com (you: a personal address)",
    )
    assert read.uid == "5k2v9qv0m1a7c3hq2bd4ph8r1e@google.com"
    assert not read.cancelled and not read.passed and read.notes == ()
    # The description's own words; Google's join block after its "-::~" rule is not kept.
    assert read.description.startswith("Hi Sam, this is the first conversation")
    assert "dial" not in read.description and "-::~" not in read.description


def test_outlook_invite_reads_a_windows_zone_and_the_teams_link() -> None:
    read = invite("outlook.ics", you=("Alex Morgan",))
    # "W. Europe Standard Time" in December is UTC+1: 14:00 there is 13:00 UTC.
    assert read.start == datetime(2026, 12, 8, 13, 0, tzinfo=UTC)
    assert read.start.utcoffset() == timedelta(hours=1)
    assert read.minutes == 60
    assert read.link.startswith("https://teams.microsoft.com/l/meetup-join/19%3ameeting_")
    assert read.link.endswith("%7b%22Tid%22%3a%22abc%22%7d")
    assert read.place == read.link  # "Microsoft Teams Meeting" only says it is online
    assert [(p.name, p.email) for p in read.people] == [
        ("Jonas Weber", "jonas.weber@northwind-traders.de"),
        ("Priya Nair", "priya.nair@northwind-traders.de"),
    ]
    assert read.left_out == ("Alex Morgan (you)", "Raum Elbe (a room)")
    assert "Microsoft Teams meeting" not in read.description  # after the rule of underscores
    assert "technical interview about the Backend Engineer role" in read.description


def test_a_windows_zone_without_its_vtimezone_is_still_known() -> None:
    read = read_invite(
        minimal("UID:w", "DTSTART;TZID=W. Europe Standard Time:20270708T140000"), NOW
    )
    assert read.start == datetime(2027, 7, 8, 12, 0, tzinfo=UTC)  # summer: UTC+2
    assert read.notes == ()


def test_apple_invite_keeps_the_address_and_tells_you_by_the_settings_name() -> None:
    read = invite("apple.ics", you=("Sam Okafor",))
    assert read.start == datetime(2026, 12, 10, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    assert read.minutes == 90
    assert read.link == ""
    assert read.place == "Lindqvist Studio, Torstraße 1, 10119 Berlin"
    assert [(p.name, p.email) for p in read.people] == [
        ("Ingrid Lindqvist", "ingrid@lindqvist.studio"),
        ("Tomas Berg", "tomas@lindqvist.studio"),
    ]
    assert read.left_out == ("Sam Okafor (you)",)


def test_you_are_told_by_address_as_well_as_by_name() -> None:
    read = invite("apple.ics", you=("SAM.OKAFOR@icloud.com",))
    assert "Sam Okafor (you)" in read.left_out


def test_a_floating_time_is_local_and_a_duration_gives_the_length() -> None:
    read = invite("no_attendees.ics")
    assert read.start == datetime(2026, 12, 11, 16, 0, tzinfo=LONDON)
    assert read.minutes == 30
    assert read.people == () and read.left_out == ()
    assert read.link == "https://us02web.zoom.us/j/85512345678?pwd=abc123"
    assert read.notes == ("the time has no time zone: it is read as local time",)


def test_an_unknown_zone_is_read_as_local_time_and_said() -> None:
    read = read_invite(
        minimal("UID:z", "DTSTART;TZID=Mars/Olympus:20261214T100000"), NOW, local_zone=LONDON
    )
    assert read.start == datetime(2026, 12, 14, 10, 0, tzinfo=LONDON)
    assert read.notes == ("time zone 'Mars/Olympus' is not known: the time is read as local time",)


def test_a_recurring_event_gives_its_first_occurrence_and_says_so() -> None:
    read = invite("recurring.ics", you=("Sam Okafor",))
    assert read.start == datetime(2026, 12, 14, 9, 30, tzinfo=ZoneInfo("America/New_York"))
    assert read.notes == ("a recurring event: its first occurrence, 2026-12-14 09:30, is taken",)
    assert read.link.startswith("https://brightpath.zoom.us/j/91234567890")


def test_a_cancelling_invitation_is_read_as_cancelled() -> None:
    read = invite("cancelled.ics")
    assert read.cancelled
    assert read.uid == invite("google.ics").uid  # the same event, so it can be found


def test_a_status_cancelled_event_is_cancelled_too() -> None:
    read = read_invite(minimal("UID:c", "DTSTART:20261214T100000Z", "STATUS:CANCELLED"), NOW)
    assert read.cancelled


def test_hostile_text_is_kept_as_text_and_kept_out_of_the_link() -> None:
    read = invite("hostile.ics")
    assert "\x1b[2J" in read.summary  # kept as written: shown, never obeyed, by the printers
    assert read.link == "https://meet.google.com/abc-defg-hij"  # the escape is no part of it
    assert read.notes == ("1 of its lines could not be read and were left out",)


def test_an_event_that_has_passed_is_marked() -> None:
    assert invite("google.ics", now=datetime(2026, 12, 9, 15, 0, tzinfo=UTC)).passed
    assert not invite("google.ics", now=datetime(2026, 12, 9, 14, 59, tzinfo=UTC)).passed


def test_an_invitation_without_a_uid_gets_one_made_from_what_it_says() -> None:
    first = read_invite(minimal("DTSTART:20261214T100000Z", "SUMMARY:Acme"), NOW)
    again = read_invite(minimal("DTSTART:20261214T100000Z", "SUMMARY:Acme"), NOW)
    other = read_invite(minimal("DTSTART:20261214T110000Z", "SUMMARY:Acme"), NOW)
    assert first.uid == again.uid != other.uid
    assert first.uid.startswith("made-")


def test_an_offset_time_keeps_its_offset() -> None:
    read = read_invite(minimal("UID:o", "DTSTART;TZID=Asia/Kolkata:20261214T100000"), NOW)
    assert read.start.utcoffset() == timedelta(hours=5, minutes=30)
    assert read.start.tzinfo == timezone(timedelta(hours=5, minutes=30))


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "holds binary data"),
        (b"", "does not begin with BEGIN:VCALENDAR"),
        (b"company,role\nAcme,Designer\n", "does not begin with BEGIN:VCALENDAR"),
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "holds no event (VEVENT)"),
        (minimal("UID:a", "SUMMARY:No time"), "has no start time (DTSTART)"),
        (minimal("UID:a", "DTSTART;VALUE=DATE:20261214"), "is an all-day event"),
        (
            minimal("UID:a", "DTSTART:20261214T100000Z", "END:VEVENT", "BEGIN:VEVENT", "UID:b"),
            "holds 2 different events",
        ),
    ],
)
def test_what_is_not_an_invitation_is_refused_in_one_line(raw: bytes, message: str) -> None:
    with pytest.raises(InviteRefused, match=re.escape(message)) as refused:
        read_invite(raw, NOW)
    assert "\n" not in str(refused.value)


def test_a_huge_file_is_refused_by_its_size_unparsed() -> None:
    raw = minimal("UID:big", "DTSTART:20261214T100000Z", "X-PAD:" + "x" * MAX_INVITE_BYTES)
    with pytest.raises(InviteRefused, match="is larger than 2 MiB"):
        read_invite(raw, NOW)


def test_the_parser_is_loaded_only_when_an_invitation_is_read() -> None:
    """The app's start and the other commands never pay for icalendar."""
    code = (
        "import sys\n"
        "import postinterview.cli, postinterview.app, postinterview.launch\n"
        "import postinterview.transfer.import_invite, postinterview.commands.import_invite\n"
        "print('icalendar' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    "line",
    [
        "CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=Join:https://acme.zoom.us/j/123",
        "DESCRIPTION:Docs: https://acme.example/help then https://acme.zoom.us/j/123.",
        "LOCATION:Online (https://acme.zoom.us/j/123)",
    ],
)
def test_the_video_link_is_found_where_calendars_put_it(line: str) -> None:
    read = read_invite(minimal("UID:l", "DTSTART:20261214T100000Z", line), NOW)
    assert read.link == "https://acme.zoom.us/j/123"


def test_a_crowd_of_attendees_is_cut_to_a_panel_and_said() -> None:
    guests = [f"ATTENDEE;CN=Guest {n}:mailto:guest{n}@acme.com" for n in range(5000)]
    raw = minimal("UID:crowd", "DTSTART:20261214T100000Z", *guests)
    started = time.perf_counter()
    read = read_invite(raw, NOW)
    assert time.perf_counter() - started < 10
    assert len(read.people) == MAX_PEOPLE
    assert read.left_out[-1] == f"{5000 - MAX_PEOPLE} more attendees (over {MAX_PEOPLE})"
