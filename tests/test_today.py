"""Today: the default start screen once there is data; tick, snooze and open actions by keys."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList, Static, TextArea

from postinterview.app import PostInterviewApp
from postinterview.domain.plan import ActionState, plan_for
from postinterview.storage.store import ApplicationStore
from postinterview.ui.screens.application_detail import ApplicationDetailScreen
from postinterview.ui.screens.applications import ApplicationsScreen
from postinterview.ui.screens.draft import DraftScreen
from postinterview.ui.screens.snooze_picker import snooze_choices
from postinterview.ui.screens.today import TodayScreen, today_sections
from postinterview.ui.screens.your_name import YourNameScreen
from tests.conftest import FIXED_NOW
from tests.pilot_tools import make_app, settle, stored_record, type_text
from tests.pipeline import ANSWERED_ID, CLOSED_ID, OVERDUE_ID, pipeline, seed_pipeline

SIZE = (130, 40)


def default_app(data_dir: Path) -> PostInterviewApp:
    """The app as the command line opens it: no start mode chosen."""
    return make_app(data_dir, start_mode=None)


async def highlight(pilot: Pilot[None], option_id: str) -> TodayScreen:
    """Once Today has loaded, put its cursor on `option_id` ('<app id>/<entry id>')."""
    await settle(pilot)
    screen = today(pilot.app)
    listing = screen.query_one("#today-list", OptionList)
    listing.highlighted = next(i for i, o in enumerate(listing.options) if o.id == option_id)
    return screen


def today(app: PostInterviewApp) -> TodayScreen:
    screen = app.screen
    assert isinstance(screen, TodayScreen)
    return screen


async def test_an_empty_folder_opens_on_the_welcome_and_data_on_today(data_dir: Path) -> None:
    async with default_app(data_dir).run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(pilot.app.screen, ApplicationsScreen)
    seed_pipeline(data_dir)
    async with default_app(data_dir).run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(pilot.app.screen, TodayScreen)


async def test_today_lists_overdue_then_due_actions_across_applications(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with default_app(data_dir).run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = today(pilot.app)
        shown = [(a.application_id, a.state) for a in screen.rows.values()]
        states = [state for _, state in shown]
        assert states == sorted(
            states, key=[ActionState.OVERDUE, ActionState.DUE, ActionState.UPCOMING].index
        )
        assert (OVERDUE_ID, ActionState.OVERDUE) in shown
        assert (ANSWERED_ID, ActionState.DUE) in shown
        assert screen.selected_id() == OVERDUE_ID  # the most pressing is highlighted
        summary = str(screen.query_one("#today-summary", Static).render())
        overdue = sum(1 for _, state in shown if state is ActionState.OVERDUE)
        assert summary.startswith(f"{overdue} overdue")
        reminder = str(screen.query_one("#today-reminder", Static).render())
        assert reminder.startswith("While you wait")


async def test_space_ticks_an_action_off_and_logs_it_in_the_toml(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with default_app(data_dir).run_test(size=SIZE) as pilot:
        screen = await highlight(pilot, f"{OVERDUE_ID}/thank-you:ana-ruiz")
        await pilot.press("space")
        await pilot.pause()
        assert f"{OVERDUE_ID}/thank-you:ana-ruiz" not in screen.rows
    saved = stored_record(data_dir, OVERDUE_ID)
    assert saved["interviews"][0]["checklist"]["thank-you:ana-ruiz"]["state"] == "done"
    assert saved["contact_log"][0]["note"] == "Sent a thank-you note."
    assert saved["contact_log"][0]["with_whom"] == "Ana Ruiz"


async def test_z_snoozes_an_action_until_the_chosen_day(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with default_app(data_dir).run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = today(pilot.app)
        first = next(iter(screen.rows.values()))
        await pilot.press("z")
        await pilot.pause()
        await pilot.press("enter")  # the first choice: tomorrow morning
        await pilot.pause()
        key = f"{first.application_id}/{first.entry_id}"
        assert screen.rows[key].state is ActionState.UPCOMING  # now under "coming up"
    tomorrow = snooze_choices(FIXED_NOW)[0][1]
    saved = stored_record(data_dir, first.application_id)
    assert saved["interviews"][0]["snoozed"] == {first.entry_id: tomorrow}


async def test_escape_leaves_the_snooze_picker_without_snoozing(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with default_app(data_dir).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("z")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TodayScreen)
    assert "snoozed" not in stored_record(data_dir, OVERDUE_ID)["interviews"][0]


async def test_enter_opens_the_application_of_the_action(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with default_app(data_dir).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        detail = pilot.app.screen
        assert isinstance(detail, ApplicationDetailScreen)
        assert detail.app_id == OVERDUE_ID


async def test_t_b_and_a_switch_between_today_the_board_and_the_list(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with default_app(data_dir).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert pilot.app.screen.sub_title == "Board"
        await pilot.press("a")
        await settle(pilot)
        assert pilot.app.screen.sub_title == "Applications"
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TodayScreen)


def test_sections_put_coming_up_actions_by_when_they_open_and_skip_far_ones() -> None:
    applications = {app.id: app for app in pipeline()}
    plans = {app_id: plan_for(app, FIXED_NOW) for app_id, app in applications.items()}
    grouped = today_sections(plans, applications, FIXED_NOW)
    upcoming = grouped[ActionState.UPCOMING]
    opens = [a.not_before or a.opens_at for a in upcoming]
    assert opens == sorted(opens)
    assert all(moment <= FIXED_NOW + timedelta(days=7) for moment in opens)
    # Nothing from a closed application but the after-rejection courtesies.
    closed = [a for g in grouped.values() for a in g if a.application_id == CLOSED_ID]
    assert all(a.item_id in {"ask-for-feedback", "thank-your-recruiter"} for a in closed)


def test_snooze_choices_are_mornings_ahead() -> None:
    choices = snooze_choices(FIXED_NOW)  # Friday 20 November, 15:30 UTC
    moments: list[datetime] = [when for _, when in choices]
    assert [m.strftime("%a %d %H:%M") for m in moments] == [
        "Sat 21 09:00",
        "Mon 23 09:00",
        "Fri 27 09:00",
    ]


async def test_d_drafts_a_thank_you_note_to_copy_or_save(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with default_app(data_dir).run_test(size=SIZE, notifications=True) as pilot:
        await highlight(pilot, f"{OVERDUE_ID}/thank-you:ben-okafor")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(pilot.app.screen, YourNameScreen)  # asked once, the first time
        await type_text(pilot, "Sam Lee")
        await pilot.press("enter")
        await pilot.pause()
        draft = pilot.app.screen
        assert isinstance(draft, DraftScreen)
        text = draft.query_one("#draft-text-0", TextArea).text
        assert "Dear Ben," in text and "Initech" in text and "Platform Engineer" in text
        assert text.endswith("Kind regards,\nSam Lee")
        reminders = str(draft.query_one(".draft-reminders", Static).render())
        assert "Ben Okafor" in reminders  # check the spelling of the name
        await pilot.press("end")
        await type_text(pilot, " PS")
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert pilot.app.clipboard.startswith("Subject: ")
        assert pilot.app.clipboard == draft.query_one("#draft-text-0", TextArea).text
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = list((data_dir / "drafts").glob("*.txt"))
        assert len(saved) == 1 and saved[0].read_text("utf-8") == pilot.app.clipboard
        assert saved[0].stat().st_mode & 0o777 == 0o600
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TodayScreen)
    # Drafting changes nothing in the application itself.
    assert "contact_log" not in stored_record(data_dir, OVERDUE_ID)


async def test_a_follow_up_offers_an_email_and_a_call_script(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with make_app(data_dir, "today").run_test(size=SIZE) as pilot:
        await highlight(pilot, f"{OVERDUE_ID}/follow-up")
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("escape")  # not now: the drafts open unsigned
        await pilot.pause()
        draft = pilot.app.screen
        assert isinstance(draft, DraftScreen)
        assert [d.kind for d in draft.drafts] == ["follow-up-email", "follow-up-call"]
        assert draft.drafts[0].body.endswith("Kind regards,")
    assert not (data_dir / "settings.toml").exists()  # and it asks again next time


async def test_actions_without_a_draft_say_so(data_dir: Path) -> None:
    store = ApplicationStore(data_dir)
    for app in pipeline():
        store.create(app.revised(referees=[{"name": "Dana Kay"}]) if app.id == OVERDUE_ID else app)
    async with default_app(data_dir).run_test(size=SIZE, notifications=True) as pilot:
        await highlight(pilot, f"{OVERDUE_ID}/warn-your-referees")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TodayScreen)
        assert any("no draft" in n.message for n in pilot.app._notifications)
