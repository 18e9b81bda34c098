"""Which application an invitation is for, and the interview and notes it adds."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from postinterview.domain.editing import move_stage, new_application
from postinterview.domain.interviews import upcoming_interviews
from postinterview.domain.models import Application, InterviewFormat, InterviewKind
from postinterview.domain.stages import Stage
from postinterview.domain.upcoming import awaiting_record, people_text
from postinterview.transfer.ical import document
from postinterview.transfer.ical_interviews import interview_event_lines
from postinterview.transfer.import_invite import Invite, InvitePerson, read_invite
from postinterview.transfer.invite_interview import (
    InviteNotAdded,
    application_for,
    describe_invite,
    imported_from,
    interview_kind,
    invite_interview,
    with_invite,
)
from postinterview.transfer.invite_match import invite_candidates, match_reasons
from tests.test_import_invite import NOW, invite

BASE = Invite(
    uid="uid-1",
    summary="Catch-up",
    description="",
    start=NOW + timedelta(days=3),
    minutes=None,
    people=(),
    left_out=(),
    location="",
    link="",
    cancelled=False,
    notes=(),
)


def app(company: str, role: str = "Designer", hours: int = 0) -> Application:
    made = new_application(company, role, NOW - timedelta(days=10, hours=hours))
    return made.model_copy(update={"id": f"{company}-{role}".lower().replace(" ", "-")})


@pytest.mark.parametrize(
    "summary",
    [
        "Interview with Acme",
        "Acme <> Dana",
        "Acme - Product Designer interview",
        "ACME, Inc.: portfolio review",
        "Äcme / second round",
    ],
)
def test_the_summary_names_the_company(summary: str) -> None:
    acme, globex = app("Acme Inc."), app("Globex")
    assert invite_candidates(replace(BASE, summary=summary), [acme, globex]) == [acme]


def test_a_longer_word_is_not_the_company() -> None:
    assert invite_candidates(replace(BASE, summary="Interview with Acmeco"), [app("Acme")]) == []


def test_the_organisers_domain_names_the_company() -> None:
    northwind = app("Northwind Traders GmbH")
    found = replace(BASE, organiser_email="jonas@mail.northwind-traders.de")
    assert invite_candidates(found, [northwind, app("Acme")]) == [northwind]
    assert match_reasons(found, northwind) == ["mail.northwind-traders.de is its domain"]


def test_an_interviewers_domain_names_it_but_a_mail_providers_does_not() -> None:
    lindqvist = app("Lindqvist Studio")
    by_guest = replace(BASE, people=(InvitePerson("Tomas", "tomas@lindqvist.studio"),))
    assert invite_candidates(by_guest, [lindqvist]) == [lindqvist]
    gmail = app("Gmail")  # a company called like a provider is still not told by gmail.com
    assert invite_candidates(replace(BASE, organiser_email="x@gmail.com"), [gmail]) == []


def test_the_location_names_the_company() -> None:
    acme = app("Acme")
    assert invite_candidates(replace(BASE, location="Acme HQ, room 4"), [acme]) == [acme]


def test_several_at_one_company_are_narrowed_by_the_role_named() -> None:
    designer, analyst = app("Acme", "Product Designer"), app("Acme", "Data Analyst", hours=1)
    named = replace(BASE, summary="Acme - Product Designer interview")
    assert invite_candidates(named, [analyst, designer]) == [designer]
    unnamed = replace(BASE, summary="Interview with Acme")
    assert invite_candidates(unnamed, [analyst, designer]) == [designer, analyst]  # newest first


def test_closed_applications_are_not_candidates() -> None:
    rejected = move_stage(app("Acme"), Stage.REJECTED, NOW)
    assert invite_candidates(replace(BASE, summary="Interview with Acme"), [rejected]) == []


def test_each_fixture_matches_its_application() -> None:
    apps = [
        app("Acme", "Product Designer"),
        app("Northwind Traders GmbH", "Backend Engineer"),
        app("Lindqvist Studio"),
        app("BrightPath"),
        app("Quillworks", "Content Strategist"),
    ]
    for name, company in [
        ("google.ics", "Acme"),
        ("outlook.ics", "Northwind Traders GmbH"),
        ("apple.ics", "Lindqvist Studio"),
        ("recurring.ics", "BrightPath"),
        ("no_attendees.ics", "Quillworks"),
    ]:
        assert [a.company for a in invite_candidates(invite(name), apps)] == [company], name


def test_the_interview_holds_the_time_people_place_length_and_uid() -> None:
    read = invite("outlook.ics", you=("Alex Morgan",))
    interview = invite_interview(read, "i1")
    assert interview.id == "i1"
    assert interview.at == datetime(2026, 12, 8, 13, 0, tzinfo=UTC)
    assert interview.scheduled and interview.planned_minutes == 60
    assert interview.format is InterviewFormat.VIDEO
    assert interview.kind is InterviewKind.OTHER  # "interview" alone says no kind
    assert interview.place == read.link
    assert [(c.name, c.email) for c in interview.interviewers] == [
        ("Jonas Weber", "jonas.weber@northwind-traders.de"),
        ("Priya Nair", "priya.nair@northwind-traders.de"),
    ]
    assert interview.calendar_uid == read.uid
    in_person = invite_interview(invite("apple.ics"))
    assert in_person.format is InterviewFormat.IN_PERSON


@pytest.mark.parametrize(
    ("summary", "kind"),
    [
        ("Acme technical interview", InterviewKind.TECHNICAL),
        ("Final round with the CEO", InterviewKind.FINAL),
        ("Quillworks - intro call", InterviewKind.SCREEN),
        ("Acme: case study review", InterviewKind.ASSESSMENT),
        ("Acme <> Dana", InterviewKind.OTHER),
    ],
)
def test_the_summary_says_the_kind(summary: str, kind: InterviewKind) -> None:
    assert interview_kind(summary) is kind


def test_with_invite_schedules_it_moves_the_stage_and_adds_the_notes() -> None:
    acme = app("Acme", "Product Designer").revised(notes="Met Dana at a meetup.")
    read = invite("google.ics")
    updated = with_invite(acme, read, NOW)
    assert updated.stage is Stage.INTERVIEWING
    assert updated.stage_history[-1].note == "Interview scheduled"
    (interview,) = updated.interviews
    assert interview.calendar_uid == read.uid
    assert updated.notes.startswith("Met Dana at a meetup.\n\nFrom the invitation ")
    assert "'Interview with Acme: Product Designer' for Wed 2026-12-09 15:00" in updated.notes
    assert "walk through your portfolio" in updated.notes
    assert imported_from(read, [updated]) == (updated, interview)
    with pytest.raises(InviteNotAdded, match="already in this application"):
        with_invite(updated, read, NOW)


def test_a_cancelled_or_passed_invitation_adds_nothing() -> None:
    acme = app("Acme")
    with pytest.raises(InviteNotAdded, match="cancels the event"):
        with_invite(acme, invite("cancelled.ics"), NOW)
    with pytest.raises(InviteNotAdded, match="which has passed"):
        with_invite(acme, replace(BASE, passed=True), NOW)


def test_application_for_makes_a_new_one_holding_the_interview() -> None:
    made = application_for(invite("apple.ics"), "Lindqvist Studio", "Designer", NOW)
    assert (made.company, made.role, made.stage) == (
        "Lindqvist Studio",
        "Designer",
        Stage.INTERVIEWING,
    )
    assert [s.to_stage for s in made.stage_history] == [Stage.APPLIED, Stage.INTERVIEWING]
    assert len(made.interviews) == 1


def test_describe_invite_says_what_the_dry_run_shows() -> None:
    assert describe_invite(invite("recurring.ics", you=("Sam Okafor",))) == [
        "Invitation: BrightPath onsite loop (3 days)",
        "When: Mon 2026-12-14 09:30 (UTC-05:00), 30 minutes",
        "With: Riley Chen <riley@brightpath.io>",
        "Not interviewers: Sam Okafor (you)",
        "Where: https://brightpath.zoom.us/j/91234567890?pwd=QWxhZGRpbjpvcGVu",
        "Note: a recurring event: its first occurrence, 2026-12-14 09:30, is taken",
    ]
    cancelled = describe_invite(invite("cancelled.ics"))
    assert "Cancelled: this invitation cancels the event." in cancelled


def test_our_own_exported_interview_event_is_recognised_as_imported() -> None:
    acme = with_invite(app("Acme", "Product Designer"), invite("google.ics"), NOW)
    lines = interview_event_lines(acme, acme.interviews[0], NOW)
    exported = document(["BEGIN:VCALENDAR", "VERSION:2.0", *lines, "END:VCALENDAR"])
    read = read_invite(exported.encode(), NOW)
    assert read.start == acme.interviews[0].at
    assert imported_from(read, [app("Globex"), acme]) == (acme, acme.interviews[0])


def test_the_added_interview_is_upcoming_then_asked_about_once_it_has_passed() -> None:
    acme = with_invite(app("Acme", "Product Designer"), invite("google.ics"), NOW)
    (interview,) = acme.interviews
    assert upcoming_interviews(acme, NOW) == [interview]
    assert people_text(interview) == "Dana Whitfield and Lee Park"
    assert awaiting_record(acme, NOW) == []
    after = interview.at + timedelta(hours=2)
    assert upcoming_interviews(acme, after) == [] and awaiting_record(acme, after) == [interview]
