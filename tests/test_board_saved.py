"""A saved role on the board (issue 16): its own first column, moved on to Applied by keys;
and added at Saved through the application form.

The Saved column is there while it holds cards; shift+right applies for the role: the file
says applied, the history records the move, and the empty applied date becomes the day.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from postinterview.domain.editing import new_application
from postinterview.domain.stages import Stage
from postinterview.storage.store import ApplicationStore
from postinterview.ui.screens.application_form import ApplicationFormScreen
from postinterview.ui.screens.board import BoardScreen
from postinterview.ui.widgets.board_column import BoardColumn, card_prompt
from tests.conftest import FIXED_NOW
from tests.pilot_tools import make_app, settle, stored_record, stored_records, type_text
from tests.pipeline import FRESH_ID, seed_pipeline

SAVED_ID = "lumen"


def seed_with_a_saved_role(data_dir: Path) -> ApplicationStore:
    """The shared pipeline and one role saved four days ago, not applied for yet."""
    store = seed_pipeline(data_dir)
    saved = new_application(
        "Lumen Labs", "Data Engineer", FIXED_NOW - timedelta(days=4), stage=Stage.SAVED
    )
    store.create(saved.model_copy(update={"id": SAVED_ID}))
    return store


def board(pilot: Pilot[None]) -> BoardScreen:
    screen = pilot.app.screen
    assert isinstance(screen, BoardScreen)
    return screen


async def test_a_saved_card_is_first_and_moves_on_to_applied_with_its_date(
    data_dir: Path,
) -> None:
    seed_with_a_saved_role(data_dir)
    async with make_app(data_dir, "board").run_test(size=(150, 45)) as pilot:
        await settle(pilot)
        screen = board(pilot)
        saved = screen.column_of(Stage.SAVED)
        assert [c.stage for c in screen.query(BoardColumn) if c.display][:2] == [
            Stage.SAVED,
            Stage.APPLIED,
        ]
        assert saved.card_ids == [SAVED_ID] and saved.border_title == "Saved (1)"
        # It opens on the work under way: the first active column with cards.
        assert screen.focused is screen.column_of(Stage.APPLIED)
        card = screen.cards[SAVED_ID]
        assert (card.next_action, card.next_state) == ("", None)  # nothing to follow up yet
        assert "saved 4 days ago" in card_prompt(card, FIXED_NOW).plain
        status = str(screen.query_one("#board-status", Static).render())
        assert "4 active  ·  1 saved  ·  1 overdue  ·  1 closed" in status

        await pilot.press("h", "shift+right")
        await settle(pilot)
        applied = screen.column_of(Stage.APPLIED)
        assert screen.focused is applied and screen.selected_id() == SAVED_ID
        assert set(applied.card_ids) == {SAVED_ID, FRESH_ID}
        assert not saved.display  # its last card gone, the column folds away
        assert "5 active  ·  1 overdue" in str(screen.query_one("#board-status", Static).render())
    stored = stored_record(data_dir, SAVED_ID)
    assert stored["stage"] == "applied"
    assert stored["applied_on"] == FIXED_NOW.astimezone().date()
    last = stored["stage_history"][-1]
    assert (last["from_stage"], last["to_stage"]) == ("saved", "applied")
    assert last["at"] == FIXED_NOW


async def test_the_saved_column_is_reached_at_80x24_and_named_beyond_the_edge(
    data_dir: Path,
) -> None:
    seed_with_a_saved_role(data_dir)
    async with make_app(data_dir, "board").run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = board(pilot)
        assert screen.frame.in_view == [Stage.SAVED, Stage.APPLIED, Stage.SCREENING]
        for _ in range(3):
            await pilot.press("l")
        await settle(pilot)
        assert isinstance(screen.focused, BoardColumn)
        assert screen.focused.stage is Stage.AWAITING_DECISION
        assert not screen.column_of(Stage.SAVED).display  # out of view, to the left
        left = str(screen.query_one("#board-more-left", Static).render())
        assert left == "◀ h  2 more: Applied (1), Saved (1)"
        for _ in range(4):
            await pilot.press("h")
        await settle(pilot)
        assert screen.focused is screen.column_of(Stage.SAVED)
        assert screen.region.contains_region(screen.column_of(Stage.SAVED).region)
        assert screen.selected_id() == SAVED_ID


async def test_the_form_offers_saved_first_keeps_applied_as_default_and_stores_it(
    data_dir: Path,
) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await type_text(pilot, "Lumen Labs")
        await pilot.press("tab")
        await type_text(pilot, "Data Engineer")
        form = app.screen
        assert isinstance(form, ApplicationFormScreen)
        choice = form.query_one("#stage", Select)
        assert choice.value == Stage.APPLIED
        assert [value for _, value in choice._options][:2] == [Stage.SAVED, Stage.APPLIED]
        choice.value = Stage.SAVED
        form.query_one("#role", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ApplicationFormScreen)
    [record] = stored_records(data_dir)
    assert (record["company"], record["stage"], record["schema_version"]) == (
        "Lumen Labs",
        "saved",
        3,
    )
    assert "applied_on" not in record
