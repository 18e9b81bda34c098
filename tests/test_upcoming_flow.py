"""Scheduling an interview ahead, by keys: Today shows it with its steps, and once the clock
has passed its start the app asks how it went and opens the reflection."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from textual.widgets import Input, OptionList, Static, TabbedContent

from postinterview.app import PostInterviewApp
from postinterview.domain.editing import move_stage
from postinterview.domain.interviews import add_interview, schedule_interview
from postinterview.domain.stages import Stage
from postinterview.storage.store import ApplicationStore
from postinterview.ui.messages import ScheduleInterview
from postinterview.ui.screens.application_detail import ApplicationDetailScreen
from postinterview.ui.screens.interview import InterviewScreen
from postinterview.ui.screens.interview_picker import InterviewPickerScreen
from postinterview.ui.screens.schedule_form import ScheduleFormScreen
from postinterview.ui.screens.today import TodayScreen
from postinterview.ui.widgets.date_field import DateField
from postinterview.workspace import Workspace
from tests.conftest import FIXED_NOW, sample_application
from tests.pilot_tools import settle, stored_record, type_text

SIZE = (130, 44)
NEXT_WED_14 = datetime(2026, 11, 25, 14, 0, tzinfo=FIXED_NOW.tzinfo)


class MovableClock:
    """A clock the test moves forward, as time passes for a person with the app open."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def app_on(data_dir: Path, clock: MovableClock, mode: str = "today") -> PostInterviewApp:
    return PostInterviewApp(Workspace(ApplicationStore(data_dir), clock=clock), mode)


def seeded(data_dir: Path) -> str:
    """One application at Interviewing, with nothing planned."""
    store = ApplicationStore(data_dir)
    stored = store.create(sample_application())
    store.update(
        stored.application.id,
        lambda a: move_stage(a, Stage.INTERVIEWING, FIXED_NOW),
        stored.revision,
    )
    return stored.application.id


def text_of(widget: Static) -> str:
    return str(widget.render())


def today(app: PostInterviewApp) -> TodayScreen:
    assert isinstance(app.screen, TodayScreen)
    return app.screen


async def highlight(app: PostInterviewApp, option_id: str) -> None:
    listing = today(app).query_one("#today-list", OptionList)
    listing.highlighted = next(i for i, o in enumerate(listing.options) if o.id == option_id)


async def test_schedule_see_it_on_today_then_be_asked_how_it_went(data_dir: Path) -> None:
    app_id = seeded(data_dir)
    clock = MovableClock(FIXED_NOW)  # Friday 20 November, 15:30
    app = app_on(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("I")
        await settle(pilot)
        assert isinstance(app.screen, InterviewPickerScreen)
        await type_text(pilot, "Acme")
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ScheduleFormScreen)
        await type_text(pilot, "next wed 14:00")  # as people say it
        assert form.query_one("#when-field", DateField).hint == "→ Wed 25 Nov 14:00"
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        title = text_of(screen.query_one("#interview-title", Static))
        assert "upcoming interview: Wed 25 Nov 14:00, in 5 days" in title
        assert "Get ready" in str(screen.query_one(TabbedContent).get_tab("checklist-tab").label)
        # Where it is comes first; then who you will meet.
        await type_text(pilot, "https://meet.example/acme")
        await pilot.press("ctrl+o")
        await type_text(pilot, "Ana Ruiz")
        await pilot.press("tab")
        await type_text(pilot, "CTO")
        await pilot.press("escape")  # saves what is typed, back to Today
        await settle(pilot)

        [interview] = stored_record(data_dir, app_id)["interviews"]
        assert interview["at"] == NEXT_WED_14 and interview["scheduled"] is True
        assert interview["place"] == "https://meet.example/acme"
        assert interview["interviewers"][0]["name"] == "Ana Ruiz"

        screen_today = today(app)
        rows = screen_today.interview_rows
        key = f"{app_id}/{interview['id']}"
        header = rows[f"{key}/interview"]
        assert header.interview.place == "https://meet.example/acme"
        steps = [row.entry.item_id for row in rows.values() if row.entry is not None]
        assert "write-your-closing-questions" in steps and "note-who-you-will-meet" in steps
        assert screen_today.rows == {}  # nothing planned yet: the interview has not happened
        shown = str(
            screen_today.query_one("#today-list", OptionList).get_option(f"{key}/interview").prompt
        )
        assert "Wed 25 Nov 14:00, in 5 days" in shown and "with Ana Ruiz (CTO)" in shown

        # A step is ticked like any action.
        await highlight(app, f"{key}/step/write-your-closing-questions")
        await pilot.press("space")
        await settle(pilot)
        marks = stored_record(data_dir, app_id)["interviews"][0]["checklist"]
        assert marks["write-your-closing-questions"]["state"] == "done"
        assert f"{key}/step/write-your-closing-questions" not in today(app).interview_rows

        # Time passes: the afternoon of the interview, an hour after it began.
        clock.now = NEXT_WED_14 + timedelta(hours=1, minutes=30)
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        rows = today(app).interview_rows
        assert f"{key}/interview" not in rows
        ask = rows[f"{key}/ask"]
        assert ask.kind == "ask"
        asked = str(today(app).query_one("#today-list", OptionList).get_option(f"{key}/ask").prompt)
        assert "How did the interview with Ana Ruiz go?" in asked
        # The after-interview plan now applies: the thank-you note to Ana is due.
        assert any(a.entry_id.startswith("thank-you:") for a in today(app).rows.values())

        await highlight(app, f"{key}/ask")
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.query_one(TabbedContent).active == "reflection"
        assert "interview of 2026-11-25 14:00" in text_of(
            screen.query_one("#interview-title", Static)
        )
        await type_text(pilot, "The system design part")
        await pilot.press("escape")
        await settle(pilot)
        assert f"{key}/ask" not in today(app).interview_rows
    reflection = stored_record(data_dir, app_id)["interviews"][0]["reflection"]
    assert reflection["went_well"] == "The system design part"


async def test_a_start_in_the_past_is_refused_inline_and_kept_to_correct(data_dir: Path) -> None:
    app_id = seeded(data_dir)
    app = app_on(data_dir, MovableClock(FIXED_NOW), "applications")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.post_message(ScheduleInterview(app_id))
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ScheduleFormScreen)
        await type_text(pilot, "9am")  # this morning
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is form
        field = form.query_one("#when-field", DateField)
        assert field.refused and "today, Fri 20 Nov 09:00 has passed" in field.hint
        assert form.query_one("#when", Input).value == "9am"  # nothing lost
        form.query_one("#when", Input).value = "next blursday"
        await pilot.press("enter")
        await settle(pilot)
        assert field.refused and "blursday" in field.hint
        assert form.query_one("#when", Input).value == "next blursday"
        await pilot.press("escape")
        await settle(pilot)
    assert "interviews" not in stored_record(data_dir, app_id)  # nothing was scheduled


async def test_an_upcoming_interview_s_start_cannot_be_moved_into_the_past(data_dir: Path) -> None:
    app_id = seeded(data_dir)
    store = ApplicationStore(data_dir)
    current = store.load(app_id)
    store.update(
        app_id, lambda a: schedule_interview(a, "next", NEXT_WED_14, FIXED_NOW), current.revision
    )
    app = app_on(data_dir, MovableClock(FIXED_NOW), "applications")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = InterviewScreen(app.workspace, app_id, "next")
        await app.push_screen(screen)
        await settle(pilot)
        start = screen.query_one("#at", Input)
        start.value = "yesterday 14:00"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Thu 19 Nov 14:00 has passed" in screen.query_one("#at-field", DateField).hint
        assert start.value == "yesterday 14:00"
    assert stored_record(data_dir, app_id)["interviews"][0]["at"] == NEXT_WED_14


async def test_the_detail_screen_schedules_for_its_application_and_marks_upcoming_ones(
    data_dir: Path,
) -> None:
    app_id = seeded(data_dir)
    store = ApplicationStore(data_dir)
    current = store.load(app_id)
    held = FIXED_NOW - timedelta(days=3)
    store.update(app_id, lambda a: add_interview(a, "held", held, held), current.revision)
    clock = MovableClock(FIXED_NOW)
    app = app_on(data_dir, clock, "applications")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.push_screen(ApplicationDetailScreen(app.workspace, app_id))
        await settle(pilot)
        await pilot.press("I")  # no application to choose: it is this one
        await settle(pilot)
        assert isinstance(app.screen, ScheduleFormScreen)
        await type_text(pilot, "in 1 week 9:30")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("escape")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, ApplicationDetailScreen)
        listing = detail.query_one("#detail-interviews", OptionList)
        lines = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert lines[0].startswith("2026-11-17 15:30")
        assert lines[1].startswith("upcoming · Fri 27 Nov 09:30, in 7 days")
        assert "get ready 0/" in lines[1]
        actions = text_of(detail.query_one("#detail-actions", Static))
        assert "get ready · interview Fri 27 Nov 09:30, in 7 days" in actions

        # 'I just had an interview' lists the upcoming one apart, and once it has passed
        # offers it first: it is likely the one just had.
        await pilot.press("escape")
        await settle(pilot)
        for moment, first, highlighted in (
            (FIXED_NOW, "upcoming · Fri 27 Nov 09:30", 0),
            (datetime(2026, 11, 27, 11, 0, tzinfo=FIXED_NOW.tzinfo), "2026-11-27 09:30", 1),
        ):
            clock.now = moment
            await pilot.press("i")
            await settle(pilot)
            await type_text(pilot, "Acme")
            await pilot.press("enter")
            await settle(pilot)
            choices = app.screen.query_one("#choices", OptionList)
            count = choices.option_count
            prompts = [str(choices.get_option_at_index(i).prompt) for i in range(count)]
            assert prompts[1].startswith(first)
            assert prompts[1].endswith("how did it go?") == bool(highlighted)
            assert choices.highlighted == highlighted
            await pilot.press("escape")
            await settle(pilot)
