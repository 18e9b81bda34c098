"""What changed between two versions of an application, as the history screen says it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from postinterview.domain.contacts import keep_waiting, log_contact
from postinterview.domain.editing import apply_field_edits, move_stage, new_application
from postinterview.domain.interviews import add_interview, remove_interview, revise_interview
from postinterview.domain.models import Application
from postinterview.domain.record_changes import short_day, what_changed
from postinterview.domain.stages import Stage
from postinterview.domain.ticks import tick_entry
from tests.conftest import FIXED_NOW

LATER = FIXED_NOW + timedelta(hours=1)
INTERVIEW_AT = datetime(2026, 11, 19, 10, tzinfo=UTC)


def _base() -> Application:
    application = new_application(
        "Acme", "Engineer", FIXED_NOW, referees=[{"id": "dana", "name": "Dana Mentor"}]
    )
    return add_interview(application, "iv1", INTERVIEW_AT, FIXED_NOW)


def test_saving_again_changes_nothing_a_person_sees() -> None:
    before = _base()
    assert what_changed(before, before.revised(updated_at=LATER), FIXED_NOW) == []


def test_a_stage_move_names_both_stages() -> None:
    before = _base()
    after = move_stage(before, Stage.INTERVIEWING, LATER)
    assert what_changed(before, after, FIXED_NOW) == ["stage: Applied → Interviewing"]


def test_fields_are_named_in_plain_words() -> None:
    before = _base()
    after = apply_field_edits(
        before,
        {
            "notes": "Call back Monday",
            "job_link": "https://acme.test/jobs/1",
            "company_size": "small",
            "applied_on": date(2026, 11, 3),
        },
        LATER,
    )
    assert what_changed(before, after, FIXED_NOW) == [
        "company size: none → small",
        "applied on: none → 3 Nov",
        "advert link",
        "notes",
    ]


def test_a_day_in_another_year_says_the_year() -> None:
    assert short_day(date(2025, 12, 3), date(2026, 1, 5)) == "3 Dec 2025"
    assert short_day(date(2026, 12, 3), date(2026, 1, 5)) == "3 Dec"


def test_interview_changes_name_the_interview_by_its_day() -> None:
    before = _base()
    reflected = revise_interview(before, "iv1", {"reflection": {"went_well": "Rapport"}}, LATER)
    assert what_changed(before, reflected, FIXED_NOW) == ["interview on 19 Nov: reflection"]
    longer = revise_interview(before, "iv1", {"actual_minutes": 70, "signals": {"a": True}}, LATER)
    assert what_changed(before, longer, FIXED_NOW) == ["interview on 19 Nov: signals, details"]


def test_the_interview_day_is_the_local_one() -> None:
    before = _base()
    after = revise_interview(before, "iv1", {"reflection": {"went_well": "x"}}, LATER)
    tokyo = FIXED_NOW.astimezone(timezone(timedelta(hours=15)))  # 10:00 UTC is the next day
    assert what_changed(before, after, tokyo) == ["interview on 20 Nov: reflection"]


def test_ticks_are_counted_and_a_logged_note_is_said() -> None:
    before = _base()
    once = tick_entry(before, "iv1", "reflect-on-the-interview", "done", LATER)
    assert what_changed(before, once, FIXED_NOW) == ["interview on 19 Nov: a checklist tick"]
    twice = tick_entry(once, "iv1", "dont-dwell-on-mistakes", "done", LATER)
    assert what_changed(before, twice, FIXED_NOW) == ["interview on 19 Nov: 2 checklist ticks"]
    assert what_changed(twice, before, FIXED_NOW) == ["interview on 19 Nov: 2 ticks taken back"]
    unticked = tick_entry(once, "iv1", "reflect-on-the-interview", "not_applicable", LATER)
    assert what_changed(once, unticked, FIXED_NOW) == ["interview on 19 Nov: a checklist mark"]


def test_interviews_added_and_removed() -> None:
    before = _base()
    added = add_interview(before, "iv2", INTERVIEW_AT + timedelta(days=14), LATER)
    assert what_changed(before, added, FIXED_NOW) == ["interview on 3 Dec added"]
    assert what_changed(before, remove_interview(before, "iv1", LATER), FIXED_NOW) == [
        "interview on 19 Nov removed"
    ]


def test_contacts_referees_and_waiting() -> None:
    before = _base()
    logged = log_contact(before, LATER, "Thanked them")
    assert what_changed(before, logged, FIXED_NOW) == ["a contact logged"]
    assert what_changed(logged, before, FIXED_NOW) == ["a contact removed"]
    edited = logged.revised(contact_log=[logged.contact_log[0].revised(note="Called")])
    assert what_changed(logged, edited, FIXED_NOW) == ["contact log"]
    warned = before.revised(referees=[before.referees[0].revised(notified_at=LATER)])
    assert what_changed(before, warned, FIXED_NOW) == ["Dana Mentor warned"]
    renamed = before.revised(referees=[before.referees[0].revised(name="Dana M.")])
    assert what_changed(before, renamed, FIXED_NOW) == ["referees"]
    added = before.revised(referees=[*before.referees, {"id": "lee", "name": "Lee Park"}])
    assert what_changed(before, added, FIXED_NOW) == ["referee Lee Park added"]
    assert what_changed(before, keep_waiting(before, LATER), FIXED_NOW) == ["kept waiting"]


def test_several_changes_are_all_said_and_unknown_keys_too() -> None:
    before = _base()
    after = move_stage(before, Stage.SCREENING, LATER).revised(company="Acme Ltd", extra_key=1)
    assert what_changed(before, after, FIXED_NOW) == [
        "company: Acme → Acme Ltd",
        "stage: Applied → Screening",
        "other fields in the file",
    ]
