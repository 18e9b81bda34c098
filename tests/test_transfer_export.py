"""The export formats, read back with real parsers: csv, json, markdown and iCalendar."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from postinterview.domain.days import last_day
from postinterview.domain.editing import move_stage
from postinterview.domain.interviews import add_interview
from postinterview.domain.models import Application, Contact
from postinterview.domain.plan import DEFAULT_PLAN_SETTINGS, ActionState, complete_action, plan_for
from postinterview.domain.stages import Stage
from postinterview.transfer.days import action_days
from postinterview.transfer.export_csv import CSV_COLUMNS, export_csv, history_text
from postinterview.transfer.export_ics import event_uid, export_ics
from postinterview.transfer.export_json import FORMAT, export_json
from postinterview.transfer.export_markdown import export_markdown, md_text
from postinterview.transfer.ical import MAX_OCTETS, escape_text, fold
from tests.conftest import FIXED_NOW
from tests.pipeline import pipeline

TRICKY = 'Ünïcode Wëltraum 株式会社, "Research"; Development\\Division'
"""A company name that needs quoting in csv, escaping in iCalendar and folding by octets."""


def rejected_with_recruiter() -> Application:
    """Interviewed ten days ago through a recruiter, turned down two days ago."""
    base = replace_id(pipeline()[0], "tricky")
    held = FIXED_NOW - timedelta(days=10)
    app = base.revised(
        company=TRICKY, recruiter=Contact(id="recruiter-jill-valentine", name="Jill Valentine")
    )
    app = add_interview(
        app, "iv-tricky", held, held, interviewers=[Contact(id="zoe-ng", name="Dr. Zoë Ng")]
    )
    app = move_stage(app, Stage.INTERVIEWING, held)
    return move_stage(app, Stage.REJECTED, FIXED_NOW - timedelta(days=2))


def replace_id(app: Application, app_id: str) -> Application:
    return app.model_copy(update={"id": app_id})


def everything() -> list[Application]:
    return [*pipeline(), rejected_with_recruiter()]


# --- Days ---------------------------------------------------------------------------------


def test_a_deadline_at_midnight_belongs_to_the_day_before() -> None:
    assert last_day(datetime(2026, 11, 17, tzinfo=UTC)) == date(2026, 11, 16)
    assert last_day(datetime(2026, 11, 17, 0, 0, 1, tzinfo=UTC)) == date(2026, 11, 17)
    # Local time (UTC in the tests) decides: Sydney's midnight is 13:00 the day before here.
    sydney = timezone(timedelta(hours=11))
    assert last_day(datetime(2026, 11, 17, tzinfo=sydney)) == date(2026, 11, 16)


def test_the_calendar_days_of_an_action_are_the_days_due_lists_it() -> None:
    [overdue, *_] = plan_for(pipeline()[2], FIXED_NOW)
    today = FIXED_NOW.date()
    assert overdue.state == ActionState.OVERDUE
    assert action_days(overdue, today) == (today, today)  # past its last day: today only
    undated = replace(overdue, due_at=None, overdue_at=None, state=ActionState.DUE)
    assert action_days(undated, today) == (today, today)  # open already: today
    later = replace(undated, opens_at=FIXED_NOW + timedelta(days=3), state=ActionState.UPCOMING)
    assert action_days(later, today) == (date(2026, 11, 23), date(2026, 11, 23))
    window = replace(later, due_at=datetime(2026, 11, 26, tzinfo=UTC))
    assert action_days(window, today) == (date(2026, 11, 23), date(2026, 11, 25))
    open_now = replace(window, opens_at=FIXED_NOW - timedelta(days=1), state=ActionState.DUE)
    assert action_days(open_now, today) == (today, date(2026, 11, 25))  # from today on
    held_back = replace(overdue, state=ActionState.TOO_SOON, not_before=FIXED_NOW + timedelta(2))
    assert action_days(held_back, today) == (date(2026, 11, 22), date(2026, 11, 22))


# --- iCalendar primitives -----------------------------------------------------------------


def test_text_values_are_escaped() -> None:
    assert escape_text("a\\b, c; d\ne\r\nf\rg") == "a\\\\b\\, c\\; d\\ne\\nf\\ng"
    assert escape_text("bell\x07 tab\t del\x7f") == "bell tab\t del"


# A content line never holds a line break: TEXT values are escaped before folding.
@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"),
        max_size=400,
    )
)
def test_folding_keeps_lines_within_75_octets_and_unfolds_to_the_original(line: str) -> None:
    folded = fold(line)
    physical = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= MAX_OCTETS for part in physical)
    assert all(part.startswith(" ") for part in physical[1:])
    assert folded.replace("\r\n ", "") == line


def test_folding_never_splits_a_character() -> None:
    line = "SUMMARY:" + "株" * 40  # 3 octets each
    for part in fold(line).split("\r\n"):
        part.encode("utf-8").decode("utf-8")  # whole characters only
        assert len(part.encode("utf-8")) <= MAX_OCTETS


# --- ics ----------------------------------------------------------------------------------


def events_of(text: str) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_the_calendar_is_valid_rfc5545_for_a_real_parser() -> None:
    text = export_ics(everything(), FIXED_NOW, DEFAULT_PLAN_SETTINGS)
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")  # CRLF only
    lines = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= MAX_OCTETS for line in lines)
    assert any(line.startswith(" ") for line in lines)  # the long ones were folded
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0"
    assert "postinterview" in str(calendar["PRODID"])
    events = events_of(text)
    ana = events["initech.iv-initech.thank-you:ana-ruiz@postinterview"]
    assert ana.decoded("DTSTART") == date(2026, 11, 20)  # overdue: today
    assert ana.decoded("DTEND") == date(2026, 11, 21)
    assert ana.decoded("DTSTAMP") == FIXED_NOW
    assert str(ana["SUMMARY"]) == "Initech: Send Ana Ruiz a short thank-you note."
    assert "courtesy" in str(ana["DESCRIPTION"])
    assert "Sources differ" in str(ana["DESCRIPTION"])  # the timing note travels with it
    gavin = events["hooli.iv-hooli.thank-you:gavin-belson@postinterview"]
    # Due by the end of tomorrow: on the calendar today and tomorrow.
    assert gavin.decoded("DTSTART") == date(2026, 11, 20)
    assert gavin.decoded("DTEND") == date(2026, 11, 22)


def test_every_pending_action_is_one_event_and_done_ones_are_left_out() -> None:
    apps = everything()
    expected = {
        event_uid(app, action)
        for app in apps
        for action in plan_for(app, FIXED_NOW)
        if action.state != ActionState.DONE
    }
    assert set(events_of(export_ics(apps, FIXED_NOW, DEFAULT_PLAN_SETTINGS))) == expected
    initech = apps[2]
    ana = next(a for a in plan_for(initech, FIXED_NOW) if a.entry_id == "thank-you:ana-ruiz")
    apps[2] = complete_action(initech, ana, FIXED_NOW)
    events = events_of(export_ics(apps, FIXED_NOW, DEFAULT_PLAN_SETTINGS))
    assert event_uid(initech, ana) not in events
    assert len(events) == len(expected) - 1


def test_after_a_rejection_the_courtesies_are_on_the_calendar_with_text_escaped() -> None:
    events = events_of(export_ics(everything(), FIXED_NOW, DEFAULT_PLAN_SETTINGS))
    feedback = events["tricky.iv-tricky.ask-for-feedback@postinterview"]
    assert str(feedback["SUMMARY"]).startswith(f"{TRICKY}: Thank Dr. Zoë Ng for their time")
    assert "ask for feedback" in str(feedback["SUMMARY"])
    # Rejected two days ago, so due by the end of today: today only.
    assert feedback.decoded("DTSTART") == FIXED_NOW.date()
    assert feedback.decoded("DTEND") == FIXED_NOW.date() + timedelta(days=1)
    thanks = events["tricky.iv-tricky.thank-your-recruiter@postinterview"]
    assert "Jill Valentine" in str(thanks["SUMMARY"])
    assert str(thanks["DESCRIPTION"]).endswith(f"at {TRICKY}.")
    assert not any(uid.startswith("umbrella.") for uid in events)  # rejected, no interview


def test_the_same_data_gives_the_same_calendar() -> None:
    first = export_ics(everything(), FIXED_NOW, DEFAULT_PLAN_SETTINGS)
    assert export_ics(list(reversed(everything())), FIXED_NOW, DEFAULT_PLAN_SETTINGS) == first


def test_an_empty_calendar_still_parses() -> None:
    text = export_ics([], FIXED_NOW, DEFAULT_PLAN_SETTINGS)
    assert icalendar.Calendar.from_ical(text).walk("VEVENT") == []


# --- csv ----------------------------------------------------------------------------------


def test_csv_has_a_fixed_header_and_one_row_per_application() -> None:
    text = export_csv(everything())
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [row["id"] for row in rows] == [
        "umbrella",
        "globex",
        "initech",
        "hooli",
        "acme",
        "tricky",
    ]
    by_id = {row["id"]: row for row in rows}
    assert by_id["tricky"]["company"] == TRICKY  # quotes, commas and backslashes survive
    assert by_id["tricky"]["recruiter"] == "Jill Valentine"
    initech = by_id["initech"]
    assert (initech["stage"], initech["interviews"]) == ("interviewing", "1")
    assert initech["history"] == "2026-10-31 applied; 2026-11-15 interviewing"
    assert initech["created_at"] == "2026-10-31T15:30:00+00:00"
    assert by_id["acme"]["applied_on"] == ""


def test_history_text_lists_every_move_with_its_local_day() -> None:
    app = pipeline()[1]
    assert history_text(app) == "2026-10-26 applied; 2026-10-30 screening"


# --- json ---------------------------------------------------------------------------------


def test_json_holds_every_record_in_full() -> None:
    document = json.loads(export_json(everything(), FIXED_NOW))
    assert document["format"] == FORMAT
    assert document["exported_at"] == FIXED_NOW.isoformat()
    records = {record["id"]: record for record in document["applications"]}
    assert len(records) == 6
    initech = records["initech"]
    assert [change["to_stage"] for change in initech["stage_history"]] == [
        "applied",
        "interviewing",
    ]
    assert initech["interviews"][0]["interviewers"][0]["name"] == "Ana Ruiz"
    restored = Application.model_validate_json(json.dumps(initech))
    assert restored.model_dump() == pipeline()[2].model_dump()


# --- markdown -----------------------------------------------------------------------------


def test_markdown_groups_by_stage_open_stages_first() -> None:
    text = export_markdown(everything(), FIXED_NOW, DEFAULT_PLAN_SETTINGS)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Applied (1)",
        "## Screening (1)",
        "## Interviewing (2)",
        "## Rejected (2)",
    ]
    assert text.startswith("# Job applications\n")
    assert "### Initech — Platform Engineer" in text
    initech = text[text.index("### Initech") : text.index("## Rejected")]
    assert "with Ana Ruiz (CTO), Ben Okafor" in initech
    assert "overdue: Send Ana Ruiz a short thank-you note. (by Mon 16 Nov 2026)" in initech
    assert "later: Get in touch with Ana Ruiz to ask how their decision is coming along." in initech


def test_markdown_escapes_what_people_typed() -> None:
    assert md_text("*Stars* & [Co]\nLtd") == "\\*Stars\\* & \\[Co\\] Ltd"
    text = export_markdown(everything(), FIXED_NOW, DEFAULT_PLAN_SETTINGS)
    assert "Development\\\\Division" in text


def test_markdown_of_nothing() -> None:
    assert "No applications yet." in export_markdown([], FIXED_NOW, DEFAULT_PLAN_SETTINGS)


@pytest.mark.parametrize("fmt", ["csv", "md", "ics", "json"])
def test_exports_depend_only_on_the_data_and_the_clock(fmt: str) -> None:
    def render(apps: list[Application]) -> str:
        if fmt == "csv":
            return export_csv(apps)
        if fmt == "json":
            return export_json(apps, FIXED_NOW)
        if fmt == "md":
            return export_markdown(apps, FIXED_NOW, DEFAULT_PLAN_SETTINGS)
        return export_ics(apps, FIXED_NOW, DEFAULT_PLAN_SETTINGS)

    assert render(everything()) == render(list(reversed(everything())))
