"""Dates typed as people say them into the app's real fields: the hint beside what was typed,
the refusal in the same place, and what reaches the file on disk.

FIXED_NOW is Friday 20 November 2026, 15:30, and the local zone is UTC in tests.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from postinterview.domain.editing import new_application
from postinterview.domain.interviews import add_interview
from postinterview.storage.store import ApplicationStore
from postinterview.ui.screens.application_form import ApplicationFormScreen
from postinterview.ui.screens.contact_log_form import ContactLogFormScreen
from postinterview.ui.screens.interview import InterviewScreen
from postinterview.ui.widgets.date_field import DateField
from tests.conftest import FIXED_NOW, sample_application
from tests.pilot_tools import make_app, settle, stored_record, stored_records, type_text
from tests.pipeline import QUIET_ID, seed_pipeline

SIZE = (120, 50)


def field(pilot: Pilot[None], name: str) -> DateField:
    return pilot.app.screen.query_one(f"#{name}-field", DateField)


def typed(pilot: Pilot[None], name: str) -> str:
    return pilot.app.screen.query_one(f"#{name}", Input).value


async def retype(pilot: Pilot[None], text: str) -> None:
    """Select what the focused field holds, by keys, and type `text` over it (with no
    moment in between when the field is empty, which an autosave would store)."""
    await pilot.press("end", "shift+home")
    await type_text(pilot, text)


# --- The application form ------------------------------------------------------------------


async def open_new_form_at_applied_on(pilot: Pilot[None]) -> ApplicationFormScreen:
    await settle(pilot)
    await pilot.press("n")
    await pilot.pause()
    await type_text(pilot, "Acme")
    await pilot.press("tab")
    await type_text(pilot, "Engineer")
    await pilot.press("tab", "tab", "tab")  # location, link, applied on
    form = pilot.app.screen
    assert isinstance(form, ApplicationFormScreen)
    assert pilot.app.focused is form.query_one("#applied_on", Input)
    return form


@pytest.mark.parametrize(
    ("text", "hint", "stored"),
    [
        ("1 Nov 2026", "→ Sun 1 Nov", date(2026, 11, 1)),
        ("01.11.2026", "→ Sun 1 Nov", date(2026, 11, 1)),
        ("25 Dec", "→ Thu 25 Dec 2025", date(2025, 12, 25)),  # applied: the last one
    ],
)
async def test_the_applied_date_says_what_it_read_and_saves_that_day(
    data_dir: Path, text: str, hint: str, stored: date
) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_new_form_at_applied_on(pilot)
        await type_text(pilot, text)
        assert field(pilot, "applied_on").hint == hint  # as it is typed, before any save
        assert not field(pilot, "applied_on").refused
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is not form
    assert stored_records(data_dir)[0]["applied_on"] == stored


async def test_the_hint_follows_the_typing_and_never_shows_a_stale_day(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await open_new_form_at_applied_on(pilot)
        date_field = field(pilot, "applied_on")
        await type_text(pilot, "1 Nov")
        assert date_field.hint == "→ Sun 1 Nov"
        await type_text(pilot, " 2")  # '1 Nov 2' is on its way to a year: no old day, no alarm
        assert date_field.hint == ""
        assert not date_field.refused
        await type_text(pilot, "025")
        assert date_field.hint == "→ Sat 1 Nov 2025"
        assert typed(pilot, "applied_on") == "1 Nov 2025"  # the text is never rewritten


APPLIED_REFUSALS = [
    ("31/02", "'31/02' is not a real date (February has at most 29 days): e.g. 29 Feb"),
    ("next blursday", "I do not know 'blursday'"),
    ("03/04/2026", "could be 3 April or March 4"),
    ("next wed", "Wed 25 Nov is in the future: give the day you applied."),
]


async def test_a_refused_applied_date_is_explained_in_place_and_nothing_is_lost(
    data_dir: Path,
) -> None:
    store = ApplicationStore(data_dir)
    store.create(new_application("Acme", "Engineer", FIXED_NOW, applied_on=date(2026, 11, 2)))
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ApplicationFormScreen)
        assert field(pilot, "applied_on").hint == "→ Mon 2 Nov"  # what is stored, read back
        await pilot.press("tab", "tab", "tab", "tab")
        for text, message in APPLIED_REFUSALS:
            await retype(pilot, text)
            await pilot.press("tab")  # leaving the field explains it
            assert message in field(pilot, "applied_on").hint
            assert field(pilot, "applied_on").refused
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is form  # not saved, and still open
            assert message in field(pilot, "applied_on").hint
            assert typed(pilot, "applied_on") == text
            assert stored_records(data_dir)[0]["applied_on"] == date(2026, 11, 2)
            await pilot.click("#applied_on")


# --- The interview screen ------------------------------------------------------------------


async def open_interview(pilot: Pilot[None]) -> InterviewScreen:
    await settle(pilot)
    await pilot.press("i")
    await settle(pilot)
    await pilot.press("enter", "down", "enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, InterviewScreen)
    return screen


def with_interview(data_dir: Path) -> str:
    store = ApplicationStore(data_dir)
    stored = store.create(sample_application())
    start = FIXED_NOW - timedelta(hours=2)
    store.update(
        stored.application.id,
        lambda a: add_interview(
            a, "int1", start, FIXED_NOW, decision_expected_on=date(2026, 11, 27)
        ),
        stored.revision,
    )
    return stored.application.id


AS_RECORDED = {"at": "13:30", "decision_expected_on": "27 nov"}
"""What `with_interview` recorded, typed short."""


def interview_on_disk(data_dir: Path, app_id: str) -> dict[str, object]:
    interview: dict[str, object] = stored_record(data_dir, app_id)["interviews"][0]
    return interview


async def test_the_interview_start_and_decision_are_typed_as_people_say_them(
    data_dir: Path,
) -> None:
    app_id = with_interview(data_dir)
    async with make_app(data_dir).run_test(size=SIZE) as pilot:
        await open_interview(pilot)
        assert field(pilot, "at").hint == "→ today, Fri 20 Nov 13:30"
        await pilot.click("#at")  # the cursor starts on the first interviewer's name
        await retype(pilot, "yesterday 2pm")
        assert field(pilot, "at").hint == "→ yesterday, Thu 19 Nov 14:00"
        await pilot.click("#decision_expected_on")
        await retype(pilot, "next wed")
        assert field(pilot, "decision_expected_on").hint == "→ Wed 25 Nov"
        await pilot.press("ctrl+s")
        await pilot.pause()
        on_disk = interview_on_disk(data_dir, app_id)
        assert on_disk["at"] == datetime(2026, 11, 19, 14, 0, tzinfo=UTC)
        assert on_disk["decision_expected_on"] == date(2026, 11, 25)
        assert (typed(pilot, "at"), typed(pilot, "decision_expected_on")) == (
            "yesterday 2pm",
            "next wed",
        )  # saved, and still as typed


INTERVIEW_REFUSALS = [
    ("at", "25:00", "'25:00' is not a time (hours go 0 to 23)"),
    ("at", "tomorrow 2pm", "tomorrow, Sat 21 Nov 14:00 is in the future: record it once"),
    ("at", "next blursday 10am", "I do not know 'blursday'"),
    ("decision_expected_on", "31/02", "February has at most 29 days"),
    ("decision_expected_on", "next blursday", "I do not know 'blursday'"),
    ("decision_expected_on", "last mon", "Mon 16 Nov is before the interview"),
]


async def test_a_refused_interview_date_is_explained_in_place_and_the_file_keeps_its_value(
    data_dir: Path,
) -> None:
    app_id = with_interview(data_dir)
    before = interview_on_disk(data_dir, app_id)
    async with make_app(data_dir).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot)
        for name, text, message in INTERVIEW_REFUSALS:
            await pilot.click(f"#{name}")
            await retype(pilot, text)
            await pilot.press("ctrl+s")  # what the autosave does a moment after the last key
            await pilot.pause()
            assert message in field(pilot, name).hint
            assert field(pilot, name).refused
            assert typed(pilot, name) == text
            assert "1 field to correct" in str(screen.query_one("#save-status").render())
            assert interview_on_disk(data_dir, app_id)[name] == before[name]
            await retype(pilot, AS_RECORDED[name])  # put back, for the next case
        assert not field(pilot, "at").refused


async def test_now_typed_as_the_start_keeps_meaning_the_moment_it_was_typed(
    data_dir: Path,
) -> None:
    app_id = with_interview(data_dir)
    clock = {"now": FIXED_NOW}
    app = make_app(data_dir)
    app.workspace.clock = lambda: clock["now"]
    async with app.run_test(size=SIZE) as pilot:
        await open_interview(pilot)
        await pilot.click("#at")
        await retype(pilot, "now")
        await pilot.press("ctrl+s")
        await pilot.pause()
        clock["now"] = FIXED_NOW + timedelta(minutes=40)
        await pilot.click("#contact_method")
        await type_text(pilot, "email")  # an autosave later re-reads every field
        await pilot.press("ctrl+s")
        await pilot.pause()
    on_disk = interview_on_disk(data_dir, app_id)
    assert on_disk["at"] == FIXED_NOW
    assert on_disk["contact_method"] == "email"


# --- The contact log -----------------------------------------------------------------------


async def open_contact_log(pilot: Pilot[None]) -> ContactLogFormScreen:
    await settle(pilot)
    await pilot.press("right", "enter", "l")  # Globex on the board, its detail, log
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, ContactLogFormScreen)
    await pilot.press("shift+tab", "shift+tab")  # from 'with whom' back to 'when'
    assert pilot.app.focused is form.query_one("#at", Input)
    return form


async def test_a_contact_is_logged_at_a_time_typed_as_people_say_it(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with make_app(data_dir, "board").run_test(size=(150, 45)) as pilot:
        await open_contact_log(pilot)
        assert field(pilot, "at").hint == "→ today, Fri 20 Nov 15:30"
        await type_text(pilot, "yesterday 4pm")
        assert field(pilot, "at").hint == "→ yesterday, Thu 19 Nov 16:00"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, ContactLogFormScreen)
    entry = stored_record(data_dir, QUIET_ID)["contact_log"][0]
    assert entry["at"] == datetime(2026, 11, 19, 16, 0, tzinfo=UTC)


CONTACT_REFUSALS = [
    ("25:00", "hours go 0 to 23"),
    ("31/02 10:00", "February has at most 29 days"),
    ("next blursday 9am", "I do not know 'blursday'"),
    ("tomorrow 9am", "is in the future: log it once it has happened"),
]


async def test_a_refused_contact_time_is_explained_in_place(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with make_app(data_dir, "board").run_test(size=(150, 45)) as pilot:
        form = await open_contact_log(pilot)
        for text, message in CONTACT_REFUSALS:
            await retype(pilot, text)
            await pilot.press("enter")
            await pilot.pause()
            assert pilot.app.screen is form
            assert message in field(pilot, "at").hint
            assert field(pilot, "at").refused
            assert typed(pilot, "at") == text
    assert "contact_log" not in stored_record(data_dir, QUIET_ID)
