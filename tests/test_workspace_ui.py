"""Every screen is a view of one workspace: replayed journeys that used to lose data or crash."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, OptionList, Static

from postinterview.app import PostInterviewApp
from postinterview.domain.editing import move_stage
from postinterview.domain.interviews import add_interview
from postinterview.domain.plan import ActionState
from postinterview.domain.stages import Stage
from postinterview.storage.store import ApplicationStore, Stored
from postinterview.ui.board_cards import CARD
from postinterview.ui.screens.board import BoardScreen
from postinterview.ui.screens.interview import InterviewScreen
from postinterview.ui.screens.stage_picker import StagePickerScreen
from postinterview.ui.screens.today import TodayScreen
from tests.conftest import FIXED_NOW, sample_application
from tests.pilot_tools import make_app, poll, settle, stored_record, stored_records, type_text
from tests.pipeline import FRESH_ID, OVERDUE_ID, seed_pipeline

SIZE = (120, 40)


def with_interview(data_dir: Path) -> Stored:
    store = ApplicationStore(data_dir)
    stored = store.create(sample_application())
    start = FIXED_NOW - timedelta(hours=2)
    return store.update(
        stored.application.id,
        lambda a: move_stage(add_interview(a, "int1", start, FIXED_NOW), Stage.INTERVIEWING, start),
        stored.revision,
    ).stored


async def open_interview(pilot: Any, app_id: str) -> InterviewScreen:
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, PostInterviewApp)
    screen = InterviewScreen(app.workspace, app_id, "int1")
    await app.push_screen(screen)
    await pilot.pause()
    return screen


def interviewer_names(data_dir: Path, app_id: str) -> list[str]:
    return [p["name"] for p in stored_record(data_dir, app_id)["interviews"][0]["interviewers"]]


def status(screen: InterviewScreen) -> str:
    return str(screen.query_one("#save-status", Static).render())


@pytest.mark.parametrize("gap", [0.1, 0.3, 0.5])
async def test_a_second_interviewer_typed_right_after_the_first_autosave_is_kept(
    data_dir: Path, gap: float
) -> None:
    """The replay of the lost interviewer: type one, let it autosave, ctrl+o and type the
    next within the autosave delay. The screen's baseline used to differ from what it had
    written, so the second save was reported as a clash and the interviewer dropped."""
    stored = with_interview(data_dir)
    app_id = stored.application.id
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, app_id)
        screen.query_one("#interviewers .name", Input).focus()
        await type_text(pilot, "Ana Ruiz")
        await pilot.pause(1.0)  # the first autosave
        assert status(screen).startswith("Saved at")
        await pilot.press("ctrl+o")
        await pilot.pause(gap)
        await type_text(pilot, "Ben")
        await pilot.pause(gap)
        await type_text(pilot, " Okafor")
        await pilot.pause(1.0)  # the second autosave
        assert "Changed elsewhere" not in status(screen)
        assert status(screen).startswith("Saved at")
        names = [
            p["name"] for p in stored_record(data_dir, app_id)["interviews"][0]["interviewers"]
        ]
        assert names == ["Ana Ruiz", "Ben Okafor"]
        await pilot.press("ctrl+q")
    names = [p["name"] for p in stored_record(data_dir, app_id)["interviews"][0]["interviewers"]]
    assert names == ["Ana Ruiz", "Ben Okafor"]


async def test_a_stage_chosen_after_another_window_moved_it_there_ends_with_a_message(
    data_dir: Path,
) -> None:
    stored = with_interview(data_dir)
    app_id = stored.application.id
    app = make_app(data_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_interview(pilot, app_id)
        # Another window moves it to Rejected while this one has the interview open.
        ApplicationStore(data_dir).update(
            app_id, lambda a: move_stage(a, Stage.REJECTED, FIXED_NOW), None
        )
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, StagePickerScreen)
        app.screen.dismiss(Stage.REJECTED)
        await pilot.pause()
        assert app.screen is screen  # no traceback: the app runs on
        assert "Not saved" in status(screen) and "Rejected" in status(screen)
        # The refused save read the file again: the screen now shows where it really is.
        assert "Rejected" in str(screen.query_one("#interview-title", Static).render())
    assert stored_record(data_dir, app_id)["stage"] == "rejected"


async def test_a_card_move_and_visiting_every_view_read_the_folder_once(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_pipeline(data_dir)
    files_read: list[int] = []
    real_load_all = ApplicationStore.load_all

    def counted(self: ApplicationStore, progress: Any = None, paths: Any = None) -> Any:
        # The poller's scans call this too, with only the files that changed (none here).
        files_read.append(len(self.files() if paths is None else paths))
        return real_load_all(self, progress, paths)

    monkeypatch.setattr(ApplicationStore, "load_all", counted)
    app = make_app(data_dir, "board")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        board = app.screen
        assert isinstance(board, BoardScreen)
        board.column_of(Stage.APPLIED).focus()
        await pilot.press("shift+right")
        await pilot.pause()
        for key in ("t", "a", "w", "escape", "b"):
            await pilot.press(key)
            await settle(pilot)
        assert app.workspace.loads == 1
    # The first read; the move, the views and any scan read nothing more.
    assert sum(files_read) == 5


async def test_a_tick_on_today_is_what_the_board_shows_next(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    app = make_app(data_dir, "board")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        board = app.screen
        assert isinstance(board, BoardScreen)
        await pilot.press("t")
        await settle(pilot)
        today = app.screen
        assert isinstance(today, TodayScreen)
        listing = today.query_one("#today-list", OptionList)
        first = next(o for o in listing.options if o.id and o.id.startswith(OVERDUE_ID + "/"))
        listing.highlighted = listing.get_option_index(first.id or "")
        entry_id = (first.id or "").split("/", 1)[1]
        today.action_done()
        # No pause: the plan every view draws from has the tick already.
        after = app.workspace.plan(OVERDUE_ID)
        assert next(a for a in after if a.entry_id == entry_id).state is ActionState.DONE
        still_open = [a.text for a in after if a.state is not ActionState.DONE]
        expected = still_open[0] if still_open else ""
        assert app.workspace.derive(CARD, OVERDUE_ID).next_action == expected
        await pilot.press("b")  # the board, hidden meanwhile, catches up as it is shown
        await pilot.pause()
        assert board.cards[OVERDUE_ID].next_action == expected
        assert entry_id not in {
            (o.id or "").split("/", 1)[-1]
            for o in listing.options
            if (o.id or "").startswith(OVERDUE_ID + "/")
        }


async def test_an_application_added_in_another_window_reaches_every_open_view(
    data_dir: Path,
) -> None:
    seed_pipeline(data_dir)
    app = make_app(data_dir, "board")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        board = app.screen
        assert isinstance(board, BoardScreen)
        await pilot.press("a")
        await settle(pilot)
        listing = app.screen
        other = ApplicationStore(data_dir).create(
            sample_application("Hooli").model_copy(update={"id": "hooli-added"})
        )
        app.folder_sync.poll()
        await settle(pilot)
        assert listing.query_one("#applications").row_count == 6  # type: ignore[attr-defined]
        await pilot.press("b")
        await pilot.pause()
        assert other.application.id in board.cards and FRESH_ID in board.cards


async def test_two_moves_in_one_burst_move_the_same_card_twice(data_dir: Path) -> None:
    """In a terminal, keys typed fast arrive together: the second shift+right is handled
    before anything queued by the first. It used to find the focus still on the old column
    and move the card now under its cursor."""
    seed_pipeline(data_dir)
    before = {r["company"]: r["stage"] for r in stored_records(data_dir)}
    app = make_app(data_dir, "board")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        board = app.screen
        assert isinstance(board, BoardScreen)
        board.column_of(Stage.APPLIED).focus()
        await pilot.pause()
        moved = board.selected_id()
        assert moved is not None
        board.action_move_card(1)  # both in the same turn of the event loop
        board.action_move_card(1)
        await pilot.pause()
        assert board.selected_id() == moved
    company = stored_record(data_dir, moved)["company"]
    after = {r["company"]: r["stage"] for r in stored_records(data_dir)}
    assert after == {**before, company: "interviewing"}  # applied -> screening -> interviewing


async def test_a_clashing_field_waits_for_ctrl_s_and_leaving_asks_first(data_dir: Path) -> None:
    """Another window changed "what went well" while this one typed in it: theirs stays on
    disk through later autosaves and escape, until the person chooses ctrl+s."""
    stored = with_interview(data_dir)
    app_id = stored.application.id
    app = make_app(data_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_interview(pilot, app_id)
        await pilot.press("ctrl+n")  # the reflection
        ApplicationStore(data_dir).update(
            app_id,
            lambda a: a.revised(
                interviews=[a.interviews[0].revised(reflection={"went_well": "Theirs"})]
            ),
            None,
        )
        await type_text(pilot, "Mine")
        await pilot.pause(1.0)  # autosave: the clash
        assert "Changed elsewhere meanwhile: went well" in status(screen)

        def went_well() -> str:
            reflection = stored_record(data_dir, app_id)["interviews"][0]["reflection"]
            return str(reflection["went_well"])

        assert went_well() == "Theirs"
        await type_text(pilot, " too")
        await pilot.pause(1.0)  # another autosave: still theirs
        assert went_well() == "Theirs"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen  # asked first, not left with theirs replaced
        assert went_well() == "Theirs"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert went_well() == "Mine too"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not screen


async def test_an_open_interview_shows_what_another_window_saved(data_dir: Path) -> None:
    stored = with_interview(data_dir)
    app_id = stored.application.id
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, app_id)
        ApplicationStore(data_dir).update(
            app_id,
            lambda a: a.revised(interviews=[a.interviews[0].revised(next_steps="Meet the CTO")]),
            None,
        )
        await poll(pilot)
        assert screen.query_one("#next_steps", Input).value == "Meet the CTO"
        # Typing after that is saved on top of theirs, with no clash.
        screen.query_one("#contact_method", Input).value = "Email from Gus"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Changed elsewhere" not in status(screen)
    interview = stored_record(data_dir, app_id)["interviews"][0]
    assert (interview["next_steps"], interview["contact_method"]) == (
        "Meet the CTO",
        "Email from Gus",
    )
