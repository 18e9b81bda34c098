"""The other places typing waits for a save: the contact log (kept and offered back), the
schedule form and the drafts (escape asks), and the interview screen (saved on SIGTERM)."""

from __future__ import annotations

import signal
from pathlib import Path

from textual.widgets import Input, TextArea

from postinterview.app import PostInterviewApp
from postinterview.storage import paths
from postinterview.ui.screens.contact_log_form import ContactLogFormScreen
from postinterview.ui.screens.draft import DraftScreen
from postinterview.ui.screens.schedule_form import ScheduleFormScreen
from postinterview.ui.screens.unsaved import RestoreOfferScreen, UnsavedQuestionScreen
from tests.pilot_tools import make_app, settle, stored_record, type_text
from tests.test_drafts_ui import open_draft
from tests.test_interview_flow import push_interview, with_interview

SIZE = (80, 24)


def kept_files(data_dir: Path) -> list[Path]:
    folder = paths.unsaved_dir(data_dir)
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


async def test_a_contact_being_logged_survives_ctrl_q_and_is_logged_after(
    data_dir: Path,
) -> None:
    app_id = with_interview(data_dir).application.id
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "l")  # the application, then log a contact
        await pilot.pause()
        assert isinstance(app.screen, ContactLogFormScreen)
        await type_text(pilot, "Rae")
        await pilot.press("tab")
        await type_text(pilot, "Asked about timing")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert "contact_log" not in stored_record(data_dir, app_id)

    again = make_app(data_dir)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        offer = again.screen
        assert isinstance(offer, RestoreOfferScreen)
        detail = str(offer.query_one(".dialog-detail").render())
        assert "You were logging a contact with Acme Robotics" in detail
        await pilot.press("r")
        await pilot.pause()
        form = again.screen
        assert isinstance(form, ContactLogFormScreen)
        assert form.query_one("#note", Input).value == "Asked about timing"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(again.screen, ContactLogFormScreen)
    [entry] = stored_record(data_dir, app_id)["contact_log"]
    assert (entry["with_whom"], entry["note"]) == ("Rae", "Asked about timing")
    assert kept_files(data_dir) == []


async def test_escape_on_a_contact_log_with_text_asks(data_dir: Path) -> None:
    with_interview(data_dir)
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "l")
        await pilot.pause()
        await pilot.press("escape")  # nothing typed: closes at once
        await pilot.pause()
        assert not isinstance(app.screen, ContactLogFormScreen | UnsavedQuestionScreen)
        await pilot.press("l")
        await type_text(pilot, "Rae")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedQuestionScreen)
        await pilot.press("d")
        await pilot.pause()
        assert not isinstance(app.screen, ContactLogFormScreen | UnsavedQuestionScreen)
    assert kept_files(data_dir) == []


async def test_escape_on_a_typed_interview_time_asks(data_dir: Path) -> None:
    with_interview(data_dir)
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "I")
        await pilot.pause()
        assert isinstance(app.screen, ScheduleFormScreen)
        await type_text(pilot, "fri 2pm")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedQuestionScreen)
        await pilot.press("escape")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ScheduleFormScreen)
        assert form.query_one("#when", Input).value == "fri 2pm"


async def test_escape_on_an_edited_draft_asks_and_an_untouched_one_closes(
    data_dir: Path,
) -> None:
    stored = with_interview(
        data_dir, interviewers=[{"id": "ana", "name": "Ana Ruiz", "email": "ana@acme.test"}]
    )
    (data_dir / "settings.toml").write_text('[you]\nname = "Sam Lee"\n', "utf-8")
    async with make_app(data_dir, "today").run_test(size=(130, 44)) as pilot:
        await open_draft(pilot, f"{stored.application.id}/thank-you:ana")
        assert isinstance(pilot.app.screen, DraftScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, DraftScreen | UnsavedQuestionScreen)

        await open_draft(pilot, f"{stored.application.id}/thank-you:ana")
        draft = pilot.app.screen
        assert isinstance(draft, DraftScreen)
        draft.query_one("#draft-text-0", TextArea).insert("P.S. ")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, UnsavedQuestionScreen)
        await pilot.press("s")  # saved as a file, then closed
        await pilot.pause()
        assert not isinstance(pilot.app.screen, DraftScreen | UnsavedQuestionScreen)
    [saved] = paths.drafts_dir(data_dir).glob("*.txt")
    assert "P.S. " in saved.read_text("utf-8")


async def test_sigterm_saves_what_the_interview_screen_holds(data_dir: Path) -> None:
    stored = with_interview(data_dir)
    app = make_app(data_dir)
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await push_interview(pilot, stored)
        screen.query_one("#actual_minutes", Input).value = "75"
        await pilot.pause()
        assert isinstance(app, PostInterviewApp)
        app._signalled(signal.SIGTERM)  # what the loop calls on SIGTERM
        await pilot.pause()
    assert app.return_code == 128 + signal.SIGTERM
    [interview] = stored_record(data_dir, stored.application.id)["interviews"]
    assert interview["actual_minutes"] == 75
