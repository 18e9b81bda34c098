"""Interview edits (domain) and the interview form's parsing (pure UI rules)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from pydantic import ValidationError

from postinterview.domain.interviews import (
    InterviewNotFound,
    add_interview,
    find_interview,
    latest_interview,
    record_interview,
    remove_interview,
    revise_interview,
)
from postinterview.domain.models import Contact, Referee
from postinterview.domain.stages import Stage
from postinterview.ui.interview_fields import (
    ContactText,
    default_interview_start,
    facts_text,
    parse_contacts,
    parse_facts,
)
from tests.conftest import FIXED_NOW, sample_application


def test_add_find_revise_and_remove_an_interview(now: datetime) -> None:
    app = add_interview(sample_application(), "int1", now, now, kind="technical")
    assert find_interview(app, "int1").kind == "technical"
    later = now + timedelta(hours=1)
    app = add_interview(app, "int2", later, later)
    assert latest_interview(app) is not None and latest_interview(app).id == "int2"  # type: ignore[union-attr]
    app = revise_interview(app, "int1", {"actual_minutes": 50}, later)
    assert find_interview(app, "int1").actual_minutes == 50
    assert app.updated_at == later
    app = remove_interview(app, "int1", later)
    with pytest.raises(InterviewNotFound):
        find_interview(app, "int1")
    with pytest.raises(ValueError, match="already taken"):
        add_interview(app, "int2", now, now)


@pytest.mark.parametrize(
    "stage, expected",
    [
        (Stage.APPLIED, Stage.INTERVIEWING),
        (Stage.SCREENING, Stage.INTERVIEWING),
        (Stage.INTERVIEWING, Stage.INTERVIEWING),
        (Stage.AWAITING_DECISION, Stage.AWAITING_DECISION),
        (Stage.OFFER, Stage.OFFER),
    ],
)
def test_recording_an_interview_moves_an_early_application_on(
    stage: Stage, expected: Stage, now: datetime
) -> None:
    app = sample_application().model_copy(update={"stage": stage})
    recorded = record_interview(app, "int1", now, now)
    assert recorded.stage == expected
    moved = recorded.stage_history[-1]
    if stage != expected:
        assert (moved.from_stage, moved.to_stage, moved.note) == (
            stage,
            expected,
            "Interview recorded",
        )
    else:
        assert len(recorded.stage_history) == len(app.stage_history)


def test_revise_validates(now: datetime) -> None:
    app = add_interview(sample_application(), "int1", now, now)
    with pytest.raises(ValidationError):
        revise_interview(app, "int1", {"actual_minutes": -5}, now)


def test_parse_facts_accepts_a_complete_record() -> None:
    values, errors = parse_facts(
        {
            "at": "2026-11-20 13:00",
            "round": "2",
            "planned_minutes": "45",
            "actual_minutes": "",
            "decision_expected_on": "2026-11-27",
            "contact_method": " email ",
        },
        FIXED_NOW,
    )
    assert errors == {}
    assert values["at"] == datetime(2026, 11, 20, 13, 0, tzinfo=UTC)
    assert (values["round"], values["planned_minutes"], values["actual_minutes"]) == (2, 45, None)
    assert values["decision_expected_on"] == date(2026, 11, 27)
    assert values["contact_method"] == "email"


@pytest.mark.parametrize(
    "field, typed, message",
    [
        ("at", "yesterday", "has no time: add one, e.g. yesterday 14:00"),
        ("at", "25:00", "hours go 0 to 23"),
        ("at", "next blursday 10am", "I do not know 'blursday'"),
        ("at", "2026-11-20 16:00", "today, Fri 20 Nov 16:00 is in the future"),
        ("at", "tomorrow 9am", "record it once it has happened"),
        ("actual_minutes", "-5", "between 1 and 1440"),
        ("planned_minutes", "forty", "whole number"),
        ("round", "0", "between 1 and 50"),
        ("decision_expected_on", "2026-11-19", "Thu 19 Nov is before the interview"),
        ("decision_expected_on", "yesterday", "before the interview"),
        ("decision_expected_on", "next week", "names a week, not a day: e.g. next fri"),
        ("decision_expected_on", "31/02", "February has at most 29 days"),
        ("decision_expected_on", "03/04/2026", "could be 3 April or March 4"),
    ],
)
def test_parse_facts_explains_bad_fields_and_leaves_them_out(
    field: str, typed: str, message: str
) -> None:
    text = {"at": "2026-11-20 13:00", field: typed}
    values, errors = parse_facts(text, FIXED_NOW)
    assert message in errors[field]
    assert field not in values


@pytest.mark.parametrize(
    ("typed", "start"),
    [
        # FIXED_NOW is Friday 20 November 2026, 15:30 UTC (the local zone in tests).
        ("14:00", datetime(2026, 11, 20, 14, 0, tzinfo=UTC)),
        ("2pm", datetime(2026, 11, 20, 14, 0, tzinfo=UTC)),
        ("yesterday 9:30", datetime(2026, 11, 19, 9, 30, tzinfo=UTC)),
        ("mon 10am", datetime(2026, 11, 16, 10, 0, tzinfo=UTC)),  # the last Monday
        ("fri 9am", datetime(2026, 11, 20, 9, 0, tzinfo=UTC)),  # today is a Friday
        ("20.11.2026 11.15", datetime(2026, 11, 20, 11, 15, tzinfo=UTC)),
    ],
)
def test_the_start_is_typed_as_people_say_it_and_looked_for_in_the_past(
    typed: str, start: datetime
) -> None:
    values, errors = parse_facts({"at": typed}, FIXED_NOW)
    assert errors == {}
    assert values["at"] == start


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("fri", date(2026, 11, 20)),  # today counts
        ("wed", date(2026, 11, 25)),  # the coming one
        ("next wed", date(2026, 11, 25)),  # the Wednesday of next week
        ("in 2 weeks", date(2026, 12, 4)),
        ("+7d", date(2026, 11, 27)),
        ("1 Dec", date(2026, 12, 1)),
        ("01.12.2026", date(2026, 12, 1)),
    ],
)
def test_the_decision_day_is_typed_as_people_say_it_and_looked_for_ahead(
    typed: str, expected: date
) -> None:
    values, errors = parse_facts(
        {"at": "2026-11-20 13:00", "decision_expected_on": typed}, FIXED_NOW
    )
    assert errors == {}
    assert values["decision_expected_on"] == expected


def test_a_time_a_few_minutes_ahead_is_tolerated() -> None:
    _, errors = parse_facts({"at": "2026-11-20 15:40"}, FIXED_NOW)  # the clock says 15:30
    assert errors == {}


def test_default_start_is_an_hour_ago_on_the_quarter() -> None:
    start = default_interview_start(datetime(2026, 11, 20, 15, 38, tzinfo=UTC))
    assert start == datetime(2026, 11, 20, 14, 30, tzinfo=UTC)
    assert (
        facts_text(find_interview(add_interview(sample_application(), "i", start, start), "i"))[
            "at"
        ]
        == "2026-11-20 14:30"
    )


def test_parse_contacts_skips_blank_rows_and_needs_a_name() -> None:
    rows = [
        ContactText("Ana Ruiz", "CTO", "ana@acme.test"),
        ContactText(),
        ContactText("Ben", "", "+44 20 7946 0000"),
    ]
    people, errors = parse_contacts(rows, [])
    assert errors == {}
    assert people is not None
    assert [{k: v for k, v in p.items() if k != "id"} for p in people] == [
        {"name": "Ana Ruiz", "title": "CTO", "email": "ana@acme.test", "phone": "", "note": ""},
        {"name": "Ben", "title": "", "email": "", "phone": "+44 20 7946 0000", "note": ""},
    ]
    # Someone new gets a fresh id of their own, and it is a valid one.
    ids = [Contact.model_validate(person).id for person in people]
    assert len(set(ids)) == 2 and all(ids)
    people, errors = parse_contacts([ContactText("", "Recruiter", "")], [], "referee")
    assert people is None
    assert errors == {0: "Give the referee's name, or clear the row."}


def test_parse_contacts_keeps_details_the_form_does_not_show(now: datetime) -> None:
    recorded = [Contact(name="Ana Ruiz", note="Loves Rust", future_key=1)]  # type: ignore[call-arg]
    ana = recorded[0].id
    people, _ = parse_contacts([ContactText("Ana Ruiz", "CTO", "", ana)], recorded)
    assert people is not None
    assert (people[0]["note"], people[0]["future_key"], people[0]["title"]) == (
        "Loves Rust",
        1,
        "CTO",
    )
    assert people[0]["id"] == ana
    # Renamed: still the same person (same row, same id), so the details stay.
    renamed, _ = parse_contacts([ContactText("Ana Ruíz-Ng", "", "", ana)], recorded)
    assert renamed is not None
    assert (renamed[0]["id"], renamed[0]["name"], renamed[0]["note"]) == (
        ana,
        "Ana Ruíz-Ng",
        "Loves Rust",
    )
    # A new row that happens to carry the same name is someone new: nothing is borrowed.
    namesake, _ = parse_contacts([ContactText("Ana Ruiz", "", "")], recorded)
    assert namesake is not None and namesake[0]["note"] == "" and namesake[0]["id"] != ana
    assert "future_key" not in namesake[0]


def test_parse_contacts_matches_by_id_through_reorders_and_removals(now: datetime) -> None:
    ana = Contact(name="Ana Ruiz", note="Loves Rust")
    ben = Contact(name="Ben Okafor", note="Ask about Kafka", pronouns="he/him")  # type: ignore[call-arg]
    cy = Contact(name="Cy Park")
    recorded = [ana, ben, cy]
    # Ana removed, Cy moved first: Ben keeps his note and unknown key, Cy keeps nothing extra.
    rows = [ContactText("Cy Park", "", "", cy.id), ContactText("Ben Okafor", "", "", ben.id)]
    people, _ = parse_contacts(rows, recorded)
    assert people is not None
    assert [(p["id"], p["note"]) for p in people] == [(cy.id, ""), (ben.id, "Ask about Kafka")]
    assert people[1]["pronouns"] == "he/him"


def test_parse_contacts_keeps_when_a_renamed_referee_was_warned(now: datetime) -> None:
    dana = Referee(name="Dana Kay", notified_at=now)
    eli = Referee(name="Eli Moss")
    rows = [ContactText("Eli Moss", "", "", eli.id), ContactText("Dana Kay-Lim", "", "", dana.id)]
    people, _ = parse_contacts(rows, [dana, eli], "referee")
    assert people is not None
    # A referee comes out in full (notified_at included), as the screen's baseline has them.
    assert [(p["name"], p["notified_at"]) for p in people] == [
        ("Eli Moss", None),
        ("Dana Kay-Lim", now),
    ]
    fay, _ = parse_contacts([ContactText("Fay Lim")], [], "referee")
    assert fay is not None and fay[0]["notified_at"] is None  # someone new: not warned yet


def test_parse_contacts_gives_a_second_row_claiming_an_id_a_fresh_one() -> None:
    ana = Contact(name="Ana Ruiz", note="Loves Rust")
    rows = [ContactText("Ana Ruiz", "", "", ana.id), ContactText("Ana copy", "", "", ana.id)]
    people, _ = parse_contacts(rows, [ana])
    assert people is not None
    assert people[0]["id"] == ana.id and people[1]["id"] != ana.id
    assert people[1]["note"] == ""
