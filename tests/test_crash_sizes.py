"""The crashes of issue #14, each replayed: small terminals, fast keys, ctrl+c's message.

Each one took the app down with a traceback before the option list's paging was guarded
(`ui/widgets/option_list.py`); here each must leave the app running on the same screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import OptionList as TextualOptionList
from textual.widgets import Static

from postinterview.app import PostInterviewApp
from postinterview.demo import demo_applications
from postinterview.storage.store import ApplicationStore
from postinterview.ui.screens.interview import InterviewScreen
from postinterview.ui.screens.signals import SignalsScreen
from postinterview.ui.screens.today import TodayScreen
from postinterview.ui.screens.weekly_review import WeeklyReviewScreen
from postinterview.ui.widgets.option_list import OptionList
from tests.conftest import FIXED_NOW
from tests.pilot_tools import burst, make_app, settle, stored_record

SMALL = [(45, 15), (40, 12), (30, 20)]
GLOBEX = ("globex-data-analyst-demo03", "iv-globex-first")
PACKAGE = Path(__file__).resolve().parent.parent / "postinterview"


@pytest.fixture
def demo_dir(data_dir: Path) -> Path:
    store = ApplicationStore(data_dir)
    for application in demo_applications(FIXED_NOW):
        store.create(application)
    return data_dir


def still_running(app: PostInterviewApp) -> None:
    assert app._exception is None
    assert app.return_code is None  # not exited, with or without an error


async def page_both_ways(pilot: Pilot[None]) -> None:
    await pilot.press("pagedown", "pagedown", "pageup", "end", "pageup", "home", "pagedown")
    await settle(pilot)


@pytest.mark.parametrize("size", SMALL, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_today_pages_at_small_sizes(demo_dir: Path, size: tuple[int, int]) -> None:
    app = make_app(demo_dir, "today")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await page_both_ways(pilot)
        assert isinstance(app.screen, TodayScreen)
        still_running(app)


async def test_weekly_review_pages_at_40x12(demo_dir: Path) -> None:
    app = make_app(demo_dir, "applications")
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, WeeklyReviewScreen)
        await page_both_ways(pilot)
        assert isinstance(app.screen, WeeklyReviewScreen)
        still_running(app)


@pytest.mark.parametrize("height", [12, 15, 24])
async def test_signals_page_at_40_columns(demo_dir: Path, height: int) -> None:
    app = make_app(demo_dir, "applications")
    async with app.run_test(size=(40, height)) as pilot:
        await settle(pilot)
        screen = SignalsScreen(app.workspace, "globex-data-analyst-demo03", "iv-globex-first")
        await app.push_screen(screen)
        await settle(pilot)
        await page_both_ways(pilot)
        assert app.screen is screen
        still_running(app)


async def test_palette_paged_the_moment_it_opens(demo_dir: Path) -> None:
    app = make_app(demo_dir, "applications")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await burst(pilot, "ctrl+p", "pagedown", "pageup", "pagedown")
        assert isinstance(app.screen, CommandPalette)
        still_running(app)
        # Once its list shows, paging it works as before.
        await pilot.press("down", "pagedown")
        await settle(pilot)
        palette_list = app.screen.query_one("CommandList", TextualOptionList)
        assert palette_list.highlighted is not None and palette_list.highlighted > 0
        still_running(app)


async def test_theme_palette_paged_the_moment_it_opens(demo_dir: Path) -> None:
    app = make_app(demo_dir, "applications")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.search_themes()
        await burst(pilot, "pagedown", "pageup")
        assert isinstance(app.screen, CommandPalette)
        still_running(app)


async def test_paging_still_moves_when_the_list_has_room(demo_dir: Path) -> None:
    app = make_app(demo_dir, "today")
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        today = app.screen.query_one("#today-list", OptionList)
        today.focus()
        await pilot.press("home")
        start = today.highlighted
        await pilot.press("pagedown")
        await settle(pilot)
        assert today.highlighted is not None and start is not None
        assert today.highlighted > start


async def test_ctrl_c_says_how_to_quit_in_plain_words(demo_dir: Path) -> None:
    app = make_app(demo_dir, "applications")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+c")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert messages == ["Press ctrl+q to quit the app."]
        assert "[" not in messages[0]
        still_running(app)


def test_every_option_list_is_the_guarded_one() -> None:
    """A new screen importing Textual's OptionList directly would bring the crash back."""
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if path.name != "option_list.py"
        and "from textual.widgets import" in (text := path.read_text("utf-8"))
        and any(
            "OptionList" in line.split("import", 1)[1]
            for line in text.splitlines()
            if line.startswith("from textual.widgets import")
        )
    ]
    assert offenders == []


async def test_a_board_filter_that_looks_like_markup_is_shown_as_typed(demo_dir: Path) -> None:
    """Found by the random-key run (seed 3574826375 at 45x15): a filter typed as `[/x]` was
    read as a closing tag by the board's status line, and the app stopped with MarkupError."""
    app = make_app(demo_dir, "board")
    async with app.run_test(size=(45, 15)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await burst(pilot, *"[//f3nt]", "enter")
        still_running(app)
        status = app.screen.query_one("#board-status", Static)
        assert "filter “[//f3nt]”" in str(status.render())


async def test_the_interview_screen_closed_while_its_keys_are_still_arriving(
    demo_dir: Path,
) -> None:
    """Found by the random-key run (`--random-keys-replay=1082728199:60x20:empty:1000`, which
    replays it): escape right after typing and a save closed the interview screen while the
    save's redraw and the typing's autosave were still queued; they looked for fields already
    gone (NoMatches). This short burst does not always hit that moment; the replay does."""
    app = make_app(demo_dir, "applications")
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        for _ in range(3):
            app.push_screen(InterviewScreen(app.workspace, *GLOBEX, "reflection"))
            await settle(pilot)
            await burst(pilot, *"fine", "ctrl+s", *"more", "escape", "escape")
            still_running(app)
        assert not isinstance(app.screen, InterviewScreen)
    reflection = stored_record(demo_dir, GLOBEX[0])["interviews"][0]["reflection"]
    assert "fine" in str(reflection)  # what was typed before escape is kept
