"""The board on an ordinary terminal: every column and every card reachable at 80x24, the
closed stages too, with the stages beyond the edges named."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from postinterview.domain.stages import ACTIVE_STAGES, Stage
from postinterview.ui.screens.board import BoardScreen
from postinterview.ui.widgets.board_column import BoardColumn
from tests.pilot_tools import make_app, settle, stored_record
from tests.pipeline import CLOSED_ID, FRESH_ID, seed_pipeline

SIZE = (80, 24)


def board(pilot: Pilot[None]) -> BoardScreen:
    screen = pilot.app.screen
    assert isinstance(screen, BoardScreen)
    return screen


def screen_lines(screen: BoardScreen) -> list[str]:
    """The text on the terminal, line by line, as last drawn."""
    return [strip.text for strip in screen._compositor.render_strips()]


def assert_in_sight(screen: BoardScreen, stage: Stage, app_id: str, company: str) -> None:
    """The focused column is `stage`'s, wholly on screen, its highlighted card is `app_id`,
    and that card's company is drawn inside the column."""
    column = screen.focused
    assert isinstance(column, BoardColumn) and column.stage is stage
    assert column.highlighted_card_id == app_id
    assert column.display and screen.region.contains_region(column.region)
    region = column.region
    inside = [line[region.x : region.right] for line in screen_lines(screen)]
    assert any(company in line for line in inside[region.y : region.bottom]), inside


async def press(pilot: Pilot[None], *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def test_every_column_is_reached_and_a_card_moved_in_each_at_80x24(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with make_app(data_dir, "board").run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = board(pilot)
        await press(pilot, "c")  # the closed stages: the board goes over to Rejected's card
        assert_in_sight(screen, Stage.REJECTED, CLOSED_ID, "Umbrella Health")
        left = str(screen.query_one("#board-more-left", Static).render())
        assert left.startswith("◀ h  4 more: Awaiting decision (0)")
        for _ in range(6):  # back to the first column, past the edge each time
            await press(pilot, "h")
        assert_in_sight(screen, Stage.APPLIED, FRESH_ID, "Acme Robotics")
        assert str(screen.query_one("#board-more-left", Static).render()) == ""

        # Acme along every open stage into Accepted, the cursor (and the view) following it.
        for target in [*ACTIVE_STAGES[1:], Stage.ACCEPTED]:
            await press(pilot, "greater_than_sign")
            assert stored_record(data_dir, FRESH_ID)["stage"] == target.value
            assert_in_sight(screen, target, FRESH_ID, "Acme Robotics")
        # An accepted offer can only be withdrawn from: through the stage picker.
        await press(pilot, "s", "enter")
        assert stored_record(data_dir, FRESH_ID)["stage"] == Stage.WITHDRAWN.value
        await press(pilot, "l", "l")
        assert_in_sight(screen, Stage.WITHDRAWN, FRESH_ID, "Acme Robotics")
        await press(pilot, "greater_than_sign")
        assert stored_record(data_dir, FRESH_ID)["stage"] == Stage.NO_REPLY.value
        assert_in_sight(screen, Stage.NO_REPLY, FRESH_ID, "Acme Robotics")
        await press(pilot, "less_than_sign")  # and back from the last column
        assert stored_record(data_dir, FRESH_ID)["stage"] == Stage.WITHDRAWN.value
        assert_in_sight(screen, Stage.WITHDRAWN, FRESH_ID, "Acme Robotics")

        # Umbrella, rejected by mistake, moved on from Rejected.
        await press(pilot, "h")
        assert_in_sight(screen, Stage.REJECTED, CLOSED_ID, "Umbrella Health")
        await press(pilot, "greater_than_sign")
        assert stored_record(data_dir, CLOSED_ID)["stage"] == Stage.WITHDRAWN.value
        assert_in_sight(screen, Stage.WITHDRAWN, CLOSED_ID, "Umbrella Health")
        left = str(screen.query_one("#board-more-left", Static).render())
        assert left.startswith("◀ h  6 more: Accepted (0), ")  # nearest first
        assert str(screen.query_one("#board-more-right", Static).render()) == ""


async def test_the_focused_column_stays_in_view_as_the_terminal_narrows(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with make_app(data_dir, "board").run_test(size=(150, 40)) as pilot:
        await settle(pilot)
        screen = board(pilot)
        await press(pilot, "l", "l")  # Interviewing: every open column is in view
        assert not screen.query_one("#board-edges").display
        for size in [(80, 24), (60, 20), (40, 12)]:
            await pilot.resize_terminal(*size)
            await settle(pilot)
            column = screen.focused
            assert isinstance(column, BoardColumn) and column.stage is Stage.INTERVIEWING
            assert screen.region.contains_region(column.region)
        shown = [c.stage for c in screen.query(BoardColumn) if c.display]
        assert shown == [Stage.INTERVIEWING]  # 40 columns: one column, the edges say the rest
        left = str(screen.query_one("#board-more-left", Static).render())
        assert left.startswith("◀ h  2 more")
