"""Undo and redo from the keyboard: a card move, a tick, a "no reply" close and a delete,
each checked on disk after the undo and after the redo."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList

from postinterview.app import PostInterviewApp
from postinterview.ui.screens.today import TodayScreen
from postinterview.ui.screens.weekly_review import WeeklyReviewScreen
from tests.pilot_tools import make_app, settle
from tests.pipeline import FRESH_ID, OVERDUE_ID, QUIET_ID, seed_pipeline

SIZE = (150, 45)


def _file(data_dir: Path, app_id: str) -> Path:
    return data_dir / "applications" / f"{app_id}.toml"


def _notices(app: PostInterviewApp) -> list[str]:
    return [notification.message for notification in app._notifications]


async def _undo_then_redo(
    pilot: Pilot[None], data_dir: Path, app_id: str, before: bytes | None, after: bytes | None
) -> None:
    """`u` puts the file back as `before` (None: gone), `U` as `after` again."""
    path = _file(data_dir, app_id)
    for key, expected in (("u", before), ("U", after)):
        await pilot.press(key)
        await settle(pilot)
        if expected is None:
            assert not path.exists()
        else:
            assert path.read_bytes() == expected


async def test_a_card_move_is_undone_and_redone(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    app = make_app(data_dir, "board")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = _file(data_dir, FRESH_ID).read_bytes()
        await pilot.press("shift+right")  # Acme: applied -> screening
        await settle(pilot)
        after = _file(data_dir, FRESH_ID).read_bytes()
        assert b'stage = "screening"' in after
        await _undo_then_redo(pilot, data_dir, FRESH_ID, before, after)
        assert app.screen.selected_id() == FRESH_ID  # type: ignore[attr-defined]
        assert any(
            text == "Undone: Acme Robotics (stage: Applied → Screening)." for text in _notices(app)
        )
        assert any(text.startswith("Redone: ") for text in _notices(app))


async def test_a_tick_is_undone_and_redone(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    app = make_app(data_dir, start_mode=None)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        option = f"{OVERDUE_ID}/thank-you:ana-ruiz"
        listing = screen.query_one("#today-list", OptionList)
        listing.highlighted = next(i for i, o in enumerate(listing.options) if o.id == option)
        before = _file(data_dir, OVERDUE_ID).read_bytes()
        await pilot.press("space")
        await settle(pilot)
        after = _file(data_dir, OVERDUE_ID).read_bytes()
        assert b"Sent a thank-you note." in after
        await pilot.press("u")
        await settle(pilot)
        assert _file(data_dir, OVERDUE_ID).read_bytes() == before
        assert option in screen.rows  # back on Today, to be done
        await pilot.press("U")
        await settle(pilot)
        assert _file(data_dir, OVERDUE_ID).read_bytes() == after
        assert option not in screen.rows


async def test_a_no_reply_close_is_undone_and_redone(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    app = make_app(data_dir, "board")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        review = app.screen
        assert isinstance(review, WeeklyReviewScreen)
        listing = review.query_one("#review-list", OptionList)
        listing.highlighted = next(
            i for i, o in enumerate(listing.options) if (o.id or "").startswith("quiet")
        )
        before = _file(data_dir, QUIET_ID).read_bytes()
        await pilot.press("x")
        await settle(pilot)
        after = _file(data_dir, QUIET_ID).read_bytes()
        assert b'stage = "no_reply"' in after
        await _undo_then_redo(pilot, data_dir, QUIET_ID, before, after)


async def test_a_delete_is_undone_and_redone(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    app = make_app(data_dir)  # the list, on its first row
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        deleted_id = app.screen.selected_id()  # type: ignore[attr-defined]
        before = _file(data_dir, deleted_id).read_bytes()
        await pilot.press("d", "y")
        await settle(pilot)
        assert not _file(data_dir, deleted_id).exists()
        assert deleted_id not in app.workspace.records
        await _undo_then_redo(pilot, data_dir, deleted_id, before, None)
        assert deleted_id not in app.workspace.records
        await pilot.press("u")
        await settle(pilot)
        assert _file(data_dir, deleted_id).read_bytes() == before
        assert deleted_id in app.workspace.records
