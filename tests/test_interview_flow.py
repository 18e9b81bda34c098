"""'I just had an interview': the picker, the interview form, reflection and checklist, by keys."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Static, TextArea

from postinterview.app import PostInterviewApp
from postinterview.domain.interviews import add_interview
from postinterview.domain.models import Channel, ContactLogEntry
from postinterview.domain.stages import Stage
from postinterview.storage.store import ApplicationStore, CannotSave, Stored
from postinterview.ui.interview_fields import local_text
from postinterview.ui.screens.interview import InterviewScreen
from postinterview.ui.screens.quick_application import QuickApplicationScreen
from postinterview.ui.screens.stage_picker import StagePickerScreen
from postinterview.ui.widgets.checklist_view import ChecklistList
from tests.conftest import FIXED_NOW, sample_application
from tests.pilot_tools import make_app, settle, stored_records, type_text, wait_until

SIZE = (120, 50)


async def open_recorded_interview(pilot: Pilot[None]) -> InterviewScreen:
    """Open the one recorded interview of the one application, by keys."""
    await settle(pilot)
    await pilot.press("i")
    await settle(pilot)
    await pilot.press("enter", "down", "enter")  # the application, then its interview
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, InterviewScreen)
    return screen


async def push_interview(pilot: Pilot[None], stored: Stored) -> InterviewScreen:
    """Open the interview 'int1' of `stored` directly."""
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, PostInterviewApp)
    screen = InterviewScreen(app.workspace, stored.application.id, "int1")
    await app.push_screen(screen)
    await pilot.pause()
    return screen


def with_interview(data_dir: Path, **fields: Any) -> Stored:
    store = ApplicationStore(data_dir)
    stored = store.create(sample_application())
    start = FIXED_NOW - timedelta(hours=2)
    return store.update(
        stored.application.id,
        lambda a: add_interview(a, "int1", start, FIXED_NOW, **fields),
        stored.revision,
    ).stored


async def test_from_launch_to_a_recorded_interview_and_a_ticked_thank_you(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, QuickApplicationScreen)  # nothing to choose from yet
        await type_text(pilot, "Acme")
        await pilot.press("enter")  # on to the role
        await type_text(pilot, "Engineer")
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)

        # The cursor starts on the first interviewer's name; the facts above come first here.
        await pilot.press(*["shift+tab"] * 6)  # actual, planned, round, format, kind, start
        await type_text(pilot, "2026-11-20 13:00")  # replaces the suggested time
        await pilot.press("tab", "tab", "tab")  # kind, format, round
        await type_text(pilot, "1")
        await pilot.press("tab")
        await type_text(pilot, "45")
        await pilot.press("tab")
        await type_text(pilot, "70")
        await pilot.press("tab")
        await type_text(pilot, "Ana Ruiz")
        await pilot.press("tab")
        await type_text(pilot, "CTO")
        await pilot.press("tab")
        await type_text(pilot, "ana@acme.test")
        await pilot.press("ctrl+o")  # a second interviewer
        await type_text(pilot, "Ben Okafor")
        await pilot.press("ctrl+n")  # reflection
        await type_text(pilot, "The system design part")
        await pilot.press("ctrl+n")  # the signals
        await settle(pilot)
        await pilot.press("ctrl+n")  # the checklist
        await settle(pilot)
        listing = screen.query_one(ChecklistList)
        for _ in range(60):
            if (listing.highlighted_option and listing.highlighted_option.id or "").startswith(
                "thank-you:"
            ):
                break
            await pilot.press("down")
        await pilot.press("space")
        await pilot.pause()
        ticked = listing.highlighted_option
        # The entry is keyed by the id Ana was given when her row was first saved.
        ana_id = stored_records(data_dir)[0]["interviews"][0]["interviewers"][0]["id"]
        assert ticked is not None and ticked.id == f"thank-you:{ana_id}"

    [record] = stored_records(data_dir)
    assert record["stage"] == "interviewing"  # recording an interview moved it on
    [interview] = record["interviews"]
    assert interview["at"].isoformat() == "2026-11-20T13:00:00+00:00"
    assert (interview["round"], interview["planned_minutes"], interview["actual_minutes"]) == (
        1,
        45,
        70,
    )
    assert [{k: v for k, v in p.items() if k != "id"} for p in interview["interviewers"]] == [
        {"name": "Ana Ruiz", "title": "CTO", "email": "ana@acme.test"},
        {"name": "Ben Okafor"},
    ]
    ids = [person["id"] for person in interview["interviewers"]]
    assert ids[0] == ana_id and len(set(ids)) == 2  # kept through every later save
    assert interview["reflection"]["went_well"] == "The system design part"
    assert interview["checklist"][f"thank-you:{ana_id}"]["state"] == "done"

    reopened = make_app(data_dir)
    async with reopened.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await settle(pilot)
        await pilot.press("enter")  # Acme
        await pilot.pause()
        await pilot.press("down", "enter")  # the recorded interview, not a new one
        await settle(pilot)
        screen = reopened.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.query_one("#actual_minutes", Input).value == "70"
        assert screen.query_one("#went_well", TextArea).text == "The system design part"
        assert "Ana Ruiz" in [row.name for row in screen.query_one("#interviewers").rows()]  # type: ignore[attr-defined]


async def test_bad_input_is_explained_inline_and_the_rest_is_saved(data_dir: Path) -> None:
    with_interview(data_dir, planned_minutes=30)
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_recorded_interview(pilot)
        screen.query_one("#at", Input).value = "2027-01-01 10:00"
        screen.query_one("#actual_minutes", Input).value = "-5"
        screen.query_one("#planned_minutes", Input).value = "40"
        screen.query_one("#interviewers .title", Input).value = "Recruiter"  # no name
        status = screen.query_one("#save-status", Static)
        await wait_until(pilot, lambda: "to correct" in str(status.render()))

        def error(name: str) -> str:
            kind = "hint" if name == "at" else "error"  # a date field explains in its hint line
            return str(screen.query_one(f"#{name}-{kind}", Static).render())

        assert "in the future" in error("at")
        assert "between 1 and 1440" in error("actual_minutes")
        row_error = screen.query_one("#interviewers .contact-row .field-error", Static)
        assert "interviewer's name" in str(row_error.render())
        assert "3 fields to correct" in str(screen.query_one("#save-status", Static).render())
        assert screen.query_one("#actual_minutes", Input).value == "-5"  # kept to correct
        # Corrected back to what was there: nothing to write, and the warning goes.
        screen.query_one("#at", Input).value = local_text(FIXED_NOW - timedelta(hours=2))
        screen.query_one("#actual_minutes", Input).value = ""
        screen.query_one("#interviewers .title", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert str(screen.query_one("#save-status", Static).render()) == "Everything is saved."
    interview = stored_records(data_dir)[0]["interviews"][0]
    assert interview["planned_minutes"] == 40  # the valid change was saved
    assert "actual_minutes" not in interview
    assert interview["at"] == FIXED_NOW - timedelta(hours=2)
    assert "interviewers" not in interview


async def test_typing_is_saved_even_when_leaving_at_once(data_dir: Path) -> None:
    with_interview(data_dir)
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await open_recorded_interview(pilot)
        await pilot.press("ctrl+n")
        await type_text(pilot, "Clear answers")
        await pilot.press("escape")  # before the autosave delay has passed
        await pilot.pause()
    assert (
        stored_records(data_dir)[0]["interviews"][0]["reflection"]["went_well"] == "Clear answers"
    )


async def test_checklist_ticks_marks_and_unticks(data_dir: Path) -> None:
    stored = with_interview(
        data_dir,
        format="in_person",
        interviewers=[{"id": "ana-ruiz", "name": "Ana Ruiz"}, {"id": "ben", "name": "Ben"}],
    )
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await push_interview(pilot, stored)
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")  # reflection, signals, checklist
        listing = screen.query_one(ChecklistList)
        ids = [option.id for option in listing.options]
        assert "thank-you:ana-ruiz" in ids and "thank-you:ben" in ids
        assert "check-the-call-has-ended" not in ids  # an in-person interview
        summary = screen.query_one("#checklist-summary", Static)
        before = str(summary.render())

        listing.highlighted = ids.index("thank-you:ben")
        await pilot.press("space")
        await pilot.pause()
        assert (
            stored_records(data_dir)[0]["interviews"][0]["checklist"]["thank-you:ben"]["state"]
            == "done"
        )
        assert str(summary.render()) != before

        listing.highlighted = ids.index("research-the-company-again")
        await pilot.press("x")
        await pilot.pause()
        marks = stored_records(data_dir)[0]["interviews"][0]["checklist"]
        assert marks["research-the-company-again"]["state"] == "not_applicable"

        listing.highlighted = ids.index("thank-you:ben")
        await pilot.press("space")  # untick
        await pilot.pause()
        assert "thank-you:ben" not in stored_records(data_dir)[0]["interviews"][0]["checklist"]


async def test_a_thank_you_ticked_in_the_checklist_is_logged_as_a_contact(data_dir: Path) -> None:
    stored = with_interview(data_dir, interviewers=[{"id": "ana-ruiz", "name": "Ana Ruiz"}])
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await push_interview(pilot, stored)
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")  # reflection, signals, checklist
        listing = screen.query_one(ChecklistList)
        ids = [option.id for option in listing.options]
        listing.highlighted = ids.index("thank-you:ana-ruiz")
        await pilot.press("space")
        await pilot.pause()
        listing.highlighted = ids.index("thank-you:ana-ruiz")
        await pilot.press("space", "space")  # untick, tick again: still one contact
        await pilot.pause()
    [record] = stored_records(data_dir)
    assert record["interviews"][0]["checklist"]["thank-you:ana-ruiz"]["state"] == "done"
    [logged] = record["contact_log"]
    assert (logged["note"], logged["with_whom"], logged["at"]) == (
        "Sent a thank-you note.",
        "Ana Ruiz",
        FIXED_NOW,
    )
    # The file leaves out a default channel: read it back as the app does.
    assert ContactLogEntry.model_validate(logged).channel == Channel.EMAIL


async def test_went_badly_and_rejected_bring_their_own_steps(data_dir: Path) -> None:
    stored = with_interview(data_dir)
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await push_interview(pilot, stored)

        def entry_ids() -> list[str | None]:
            return [option.id for option in screen.query_one(ChecklistList).options]

        assert "write-it-down-honestly" not in entry_ids()
        assert "ask-for-feedback" not in entry_ids()
        screen.query_one("#went_badly", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "write-it-down-honestly" in entry_ids()
        assert stored_records(data_dir)[0]["interviews"][0]["went_badly"] is True

        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, StagePickerScreen)
        app.screen.dismiss(Stage.REJECTED)
        await pilot.pause()
        assert "ask-for-feedback" in entry_ids()
        assert stored_records(data_dir)[0]["stage"] == "rejected"
        # Nothing left to wait for: the waiting and follow-up steps go, as they do from Today.
        assert not {"follow-up", "keep-applying", "thank-you"} & set(entry_ids())
        summary = str(screen.query_one("#checklist-summary", Static).render())
        assert "to do now" not in summary and "overdue" not in summary


async def test_a_failed_save_is_shown_and_the_typing_stays(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = with_interview(data_dir)
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await push_interview(pilot, stored)

        def disk_full(*_: object, **__: object) -> None:
            raise CannotSave("Could not save Acme: No space left on device.")

        monkeypatch.setattr(ApplicationStore, "update", disk_full)
        screen.query_one("#next_steps", Input).value = "Final round next week"
        await pilot.press("ctrl+s")
        await pilot.pause()
        status = screen.query_one("#save-status", Static)
        assert "No space left" in str(status.render())
        assert status.has_class("error")
        assert screen.query_one("#next_steps", Input).value == "Final round next week"
        monkeypatch.undo()
        await pilot.press("ctrl+s")  # retry once the disk has room
        await pilot.pause()
    assert stored_records(data_dir)[0]["interviews"][0]["next_steps"] == "Final round next week"
