"""The footer at ordinary widths: the main keys (I just had an interview, Help, the palette)
stay on every screen, and no key is shown cut in half."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from postinterview.app import PostInterviewApp
from postinterview.ui import navigation
from postinterview.ui.screens.signals import SignalsScreen
from tests.pilot_tools import make_app, settle
from tests.pipeline import OVERDUE_ID, seed_pipeline

Opener = Callable[[PostInterviewApp], object]

SCREENS: dict[str, Opener] = {
    "today": lambda app: app.switch_mode("today"),
    "applications": lambda app: app.switch_mode("applications"),
    "board": lambda app: app.switch_mode("board"),
    "detail": lambda app: navigation.open_application(app, app.workspace, OVERDUE_ID),
    "history": lambda app: navigation.open_history(app, app.workspace, OVERDUE_ID),
    "interview": lambda app: navigation.open_interview(
        app, app.workspace, OVERDUE_ID, "iv-initech"
    ),
    "signals": lambda app: app.push_screen(SignalsScreen(app.workspace, OVERDUE_ID, "iv-initech")),
    "review": lambda app: navigation.open_weekly_review(app, app.workspace),
}
"""Every screen with a footer, and how to open it (the draft is opened from Today)."""


def shown_keys(app: PostInterviewApp) -> dict[str, str]:
    """Action -> key of each footer key wholly on screen."""
    footer = app.screen.query_one(Footer)
    keys = [key for key in footer.query(FooterKey) if key.display]
    for key in keys:
        assert footer.region.contains_region(key.region), f"{key.description} is cut off"
    return {key.action: key.key_display for key in keys}


def assert_main_keys(app: PostInterviewApp, where: str) -> None:
    keys = shown_keys(app)
    assert "new_interview" in keys and "help" in keys, (where, keys)
    assert "command_palette" in keys, (where, keys)
    # Where a text field has the focus, i and ? type; the footer gives the other key.
    assert keys["new_interview"] in ("i", "f2") and keys["help"] in ("?", "f1"), keys


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_the_main_keys_stay_in_the_footer_on_every_screen(
    data_dir: Path, size: tuple[int, int]
) -> None:
    seed_pipeline(data_dir)
    (data_dir / "settings.toml").write_text('[you]\nname = "Sam Lee"\n', "utf-8")
    app = make_app(data_dir, "today")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for name, opener in SCREENS.items():
            opener(app)
            await settle(pilot)
            assert_main_keys(app, name)
            if name in ("today", "board"):
                assert shown_keys(app)["new_interview"] == "i"
                assert shown_keys(app)["help"] == "?"
            if len(app.screen_stack) > 1:
                app.pop_screen()
                await settle(pilot)
        app.switch_mode("today")
        await settle(pilot)
        await pilot.press("d")  # the first action's drafts
        await settle(pilot)
        assert type(app.screen).__name__ == "DraftScreen"
        assert_main_keys(app, "draft")


async def test_the_board_s_own_keys_come_before_the_shared_ones(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    app = make_app(data_dir, "board")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        keys = list(shown_keys(app))
        assert keys[:4] == ["new_interview", "help", "move_card(-1)", "move_card(1)"]


async def test_below_60_columns_the_interview_key_says_less_to_keep_help(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    app = make_app(data_dir, "today")
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        assert_main_keys(app, "today at 40")
        labels = {key.action: key.description for key in app.screen.query(FooterKey)}
        assert labels["new_interview"] == "Interview"
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        labels = {key.action: key.description for key in app.screen.query(FooterKey)}
        assert labels["new_interview"] == "I just had an interview"
