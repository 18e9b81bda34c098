"""Today on a small terminal: the list of actions keeps the rows, the reminders take one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from postinterview.ui.screens.today import TodayScreen
from postinterview.ui.widgets.sectioned_list import SectionedList
from tests.pilot_tools import make_app, settle
from tests.pipeline import OVERDUE_ID, seed_pipeline


def parts(screen: TodayScreen) -> tuple[SectionedList[object], Static, Static, Static]:
    return (
        screen.query_one("#today-list", SectionedList),
        screen.query_one("#today-reminder", Static),
        screen.query_one("#today-reminder-line", Static),
        screen.query_one("#today-summary", Static),
    )


@pytest.mark.parametrize("size", [(60, 20), (45, 15), (40, 12), (30, 20)])
async def test_on_a_short_terminal_the_reminders_yield_to_the_list(
    data_dir: Path, size: tuple[int, int]
) -> None:
    seed_pipeline(data_dir)
    async with make_app(data_dir, "today").run_test(size=size) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, TodayScreen)
        listing, reminder, line, summary = parts(screen)
        assert not reminder.display and line.display
        assert line.size.height == 1 and summary.size.height == 1
        assert str(line.render()).startswith("While you wait — Don't pause your search")
        # Header, summary, reminder and footer take one row each: the rest is the list's.
        assert listing.size.height >= size[1] - 4 - 2  # less its border
        assert screen.region.contains_region(listing.region)
        await pilot.press("pagedown", "pagedown", "pageup", "end", "home")
        await settle(pilot)
        assert screen.selected_id() == OVERDUE_ID


async def test_on_a_tall_terminal_every_reminder_is_shown(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with make_app(data_dir, "today").run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, TodayScreen)
        listing, reminder, line, _ = parts(screen)
        assert reminder.display and not line.display
        assert str(reminder.render()).count("•") == 4
        assert listing.size.height >= 10
        await pilot.resize_terminal(80, 18)  # and it follows the terminal's height
        await settle(pilot)
        assert not reminder.display and line.display
