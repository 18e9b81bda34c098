"""The keys of each step of the journey: the welcome and Today, the short form, where the
cursor lands, the checklist's sections and counts, and y / n on the signals."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Button, Input, Static, TabbedContent

from postinterview.app import PostInterviewApp
from postinterview.domain.checklist import Phase
from postinterview.domain.interviews import add_interview
from postinterview.domain.signals import load_signals_catalog
from postinterview.storage.store import ApplicationStore, Stored
from postinterview.ui.screens.interview import InterviewScreen
from postinterview.ui.screens.interview_picker import InterviewPickerScreen
from postinterview.ui.screens.quick_application import QuickApplicationScreen
from postinterview.ui.screens.signals import SignalsScreen
from postinterview.ui.widgets.checklist_view import PAST_TEXT, ChecklistList
from postinterview.ui.widgets.signal_list import SignalList
from tests.conftest import FIXED_NOW, sample_application
from tests.pilot_tools import burst, make_app, settle, stored_records, type_text

SIZE = (120, 40)


def with_interview(data_dir: Path, **fields: object) -> Stored:
    """One application with the interview 'int1', which started two hours ago."""
    store = ApplicationStore(data_dir)
    stored = store.create(sample_application())
    start = FIXED_NOW - timedelta(hours=2)
    return store.update(
        stored.application.id,
        lambda a: add_interview(a, "int1", start, FIXED_NOW, **fields),
        stored.revision,
    ).stored


async def open_interview(pilot: Pilot[None], stored: Stored) -> InterviewScreen:
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, PostInterviewApp)
    screen = InterviewScreen(app.workspace, stored.application.id, "int1")
    await app.push_screen(screen)
    await settle(pilot)
    return screen


def highlighted_id(listing: ChecklistList | SignalList) -> str | None:
    option = listing.highlighted_option
    return option.id if option is not None else None


async def test_from_the_picker_a_new_application_asks_only_for_the_role(
    data_dir: Path,
) -> None:
    with_interview(data_dir)  # an application exists: the picker comes first
    async with make_app(data_dir, start_mode="today").run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(pilot.app.screen, InterviewPickerScreen)
        await type_text(pilot, "Globex")
        await pilot.press("enter")  # no match: "+ A new application…" is highlighted
        await settle(pilot)
        form = pilot.app.screen
        assert isinstance(form, QuickApplicationScreen)
        assert form.query_one("#company", Input).value == "Globex"
        assert pilot.app.focused is form.query_one("#role", Input)
        await type_text(pilot, "Data Analyst")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, InterviewScreen)
    globex = next(r for r in stored_records(data_dir) if r["company"] == "Globex")
    assert (globex["role"], globex["stage"], len(globex["interviews"])) == (
        "Data Analyst",
        "interviewing",
        1,
    )
    started = globex["interviews"][0]["at"]
    assert timedelta(minutes=60) <= FIXED_NOW - started < timedelta(minutes=75)  # an hour ago


async def test_the_short_form_warns_of_a_company_already_in_the_list(data_dir: Path) -> None:
    with_interview(data_dir)  # Acme Robotics
    async with make_app(data_dir, start_mode="today").run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        await type_text(pilot, "ACME Robotics.")  # matches no line of the list
        await pilot.press("enter")  # "+ A new application…"
        await settle(pilot)
        form = pilot.app.screen
        assert isinstance(form, QuickApplicationScreen)
        assert form.query_one("#duplicate-warning").display  # the same company, plainly
        await type_text(pilot, "Tester")
        await pilot.press("enter")  # asks first
        await settle(pilot)
        assert pilot.app.screen is form and len(stored_records(data_dir)) == 1
        assert "already applied" in str(form.query_one("#form-error", Static).render())
        await pilot.press("enter")  # yes, add it anyway
        await settle(pilot)
        assert isinstance(pilot.app.screen, InterviewScreen)
    assert len(stored_records(data_dir)) == 2


async def test_company_and_role_typed_in_one_burst_land_in_their_own_fields(
    data_dir: Path,
) -> None:
    async with make_app(data_dir).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(pilot.app.screen, QuickApplicationScreen)
        await burst(pilot, *"Acme", "enter", *"Backend Engineer")
        form = pilot.app.screen
        assert isinstance(form, QuickApplicationScreen)
        assert form.query_one("#company", Input).value == "Acme"
        assert form.query_one("#role", Input).value == "Backend Engineer"


async def test_today_names_the_key_for_a_new_interview(data_dir: Path) -> None:
    with_interview(data_dir)
    async with make_app(data_dir, start_mode="today").run_test(size=SIZE) as pilot:
        await settle(pilot)
        summary = str(pilot.app.screen.query_one("#today-summary", Static).render())
        assert "i I just had an interview" in summary


async def test_the_cursor_starts_on_the_first_interviewer_until_one_is_named(
    data_dir: Path,
) -> None:
    stored = with_interview(data_dir)
    async with make_app(data_dir).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, stored)
        first_name = screen.query_one("#interviewers .name", Input)
        assert pilot.app.focused is first_name
        await type_text(pilot, "Ana Ruiz")
        await pilot.press("escape")
        await settle(pilot)
        screen = await open_interview(pilot, stored)
        assert pilot.app.focused is screen.query_one("#at", Input)  # named: the facts first


async def test_after_the_reflection_come_the_signals_then_the_checklist(data_dir: Path) -> None:
    stored = with_interview(data_dir, interviewers=[{"id": "ana", "name": "Ana Ruiz"}])
    async with make_app(data_dir).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, stored)
        await pilot.press("ctrl+n")
        assert pilot.app.focused is screen.query_one("#went_well")
        await type_text(pilot, "Clear answers")
        await pilot.press("ctrl+n")
        await settle(pilot)
        signals = pilot.app.screen
        assert isinstance(signals, SignalsScreen)
        footer = {b.binding.description for b in signals.active_bindings.values()}
        assert "Next step: checklist" in footer and "Back" not in footer
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert pilot.app.screen is screen
        assert screen.query_one(TabbedContent).active == "checklist-tab"
        assert pilot.app.focused is screen.query_one(ChecklistList)
        # Typed before the signals opened, so saved before they were shown.
        assert stored_records(data_dir)[0]["interviews"][0]["reflection"] == {
            "went_well": "Clear answers"
        }

        # ctrl+g from elsewhere is a side trip: escape goes back to where you were.
        await pilot.press("ctrl+b", "ctrl+b")  # the reflection, then the facts
        await pilot.press("ctrl+g")
        await settle(pilot)
        signals = pilot.app.screen
        assert isinstance(signals, SignalsScreen)
        footer = {b.binding.description for b in signals.active_bindings.values()}
        assert "Back" in footer and "Next step: checklist" not in footer
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen is screen
        assert screen.query_one(TabbedContent).active == "facts"


async def test_the_checklist_opens_on_what_is_due_and_jumps_between_sections(
    data_dir: Path,
) -> None:
    stored = with_interview(data_dir, interviewers=[{"id": "ana", "name": "Ana Ruiz"}])
    async with make_app(data_dir).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, stored)
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")  # reflection, signals, checklist
        await settle(pilot)
        listing = screen.query_one(ChecklistList)
        assert pilot.app.focused is listing
        assert highlighted_id(listing) == "write-down-who-you-met"  # not a heading

        await pilot.press("right_square_bracket")
        assert highlighted_id(listing) == "reflect-on-the-interview"  # the same day
        await pilot.press("ctrl+down")
        assert highlighted_id(listing) == "thank-you:ana"  # within two days
        await pilot.press("down", "left_square_bracket")  # back to the start of the section
        assert highlighted_id(listing) == "thank-you:ana"
        await pilot.press("ctrl+up")
        assert highlighted_id(listing) == "reflect-on-the-interview"
        for _ in range(12):
            await pilot.press("right_square_bracket")  # past the last section: it stays
        last_heading = max(i for i, o in enumerate(listing.options) if o.id is None)
        assert listing.highlighted == last_heading + 1

        for _ in range(12):
            await pilot.press("ctrl+up")  # back past the first section: it stays
        assert highlighted_id(listing) == "ask-about-the-process"  # the past is still there

        # The tick keeps the place: the list is redrawn in place, not scrolled to the top.
        listing.highlighted = [o.id for o in listing.options].index("thank-you:ana")
        await pilot.pause()
        scrolled = listing.scroll_y
        await pilot.press("space")
        await settle(pilot)
        assert highlighted_id(listing) == "thank-you:ana"
        assert listing.scroll_y == scrolled
        assert stored_records(data_dir)[0]["interviews"][0]["checklist"]["thank-you:ana"]


async def test_the_checklist_counts_only_what_can_still_be_done(data_dir: Path) -> None:
    stored = with_interview(data_dir, interviewers=[{"id": "ana", "name": "Ana Ruiz"}])
    async with make_app(data_dir).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, stored)
        listing = screen.query_one(ChecklistList)
        headings = [str(o.prompt) for o in listing.options if o.id is None]
        assert headings[0].startswith(f"{Phase.BEFORE_YOU_LEAVE.label} — {PAST_TEXT}")
        entries = [o for o in listing.options if o.id is not None]
        before_leaving = 6  # the format is not recorded: "check the call has ended" too
        summary = str(screen.query_one("#checklist-summary", Static).render())
        assert summary.startswith(f"0 of {len(entries) - before_leaving} handled")
        tab = screen.query_one(TabbedContent).get_tab("checklist-tab")
        assert str(tab.label).endswith(f"0/{len(entries) - before_leaving}")


async def test_signals_take_y_and_n_and_move_on(data_dir: Path) -> None:
    stored = with_interview(data_dir)
    catalog = load_signals_catalog()
    ids = [s.id for s in catalog.signals] + [c.id for c in catalog.cautions]
    async with make_app(data_dir).run_test(size=SIZE) as pilot:
        await open_interview(pilot, stored)
        await pilot.press("ctrl+g")
        await settle(pilot)
        listing = pilot.app.screen.query_one(SignalList)
        assert highlighted_id(listing) == ids[0]
        await pilot.press("y", "n")
        await settle(pilot)
        assert highlighted_id(listing) == ids[2]
        assert stored_records(data_dir)[0]["interviews"][0]["signals"] == {
            ids[0]: True,
            ids[1]: False,
        }
        await pilot.press("up", "y")  # changing an answer: n -> y
        await settle(pilot)
        assert stored_records(data_dir)[0]["interviews"][0]["signals"][ids[1]] is True
        for _ in ids:
            await pilot.press("n")  # over the heading of the cautions, to the last one
        await settle(pilot)
        assert highlighted_id(listing) == ids[-1]  # the last one stays highlighted
        signals = stored_records(data_dir)[0]["interviews"][0]["signals"]
        assert signals[ids[0]] is True and set(signals) == set(ids)
        assert not any(signals[i] for i in ids[2:])


async def test_the_welcome_offers_both_and_enter_takes_the_interview_one(data_dir: Path) -> None:
    async with make_app(data_dir, start_mode=None).run_test(size=SIZE) as pilot:
        await settle(pilot)
        welcome = pilot.app.screen
        labels = [str(b.label) for b in welcome.query("#welcome Button").results(Button)]
        assert labels == ["I just had an interview  i", "Add an application  n"]
        assert pilot.app.focused is welcome.query_one("#just-had-one", Button)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, QuickApplicationScreen)
        await pilot.press("escape")  # nothing saved, back to the welcome
        await settle(pilot)
        assert pilot.app.screen is welcome and stored_records(data_dir) == []
        await pilot.press("n")
        await settle(pilot)
        assert type(pilot.app.screen).__name__ == "ApplicationFormScreen"  # the full form


async def test_a_tab_in_a_burst_moves_on_before_the_next_key(
    data_dir: Path,
) -> None:
    from postinterview.ui.screens.application_form import ApplicationFormScreen

    async with make_app(data_dir).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ApplicationFormScreen)
        await burst(pilot, *"Acme", "tab", *"Engineer")
        form = pilot.app.screen
        assert form.query_one("#company", Input).value == "Acme"
        assert form.query_one("#role", Input).value == "Engineer"
