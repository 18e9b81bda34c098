"""The pipeline board, the application detail and the weekly review, driven by keys."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from postinterview.domain.editing import move_stage, new_application
from postinterview.domain.interviews import add_interview
from postinterview.domain.models import Contact
from postinterview.domain.plan import PlanSettings, plan_for
from postinterview.domain.review import WeeklyReview
from postinterview.domain.stages import Stage
from postinterview.storage.store import ApplicationStore
from postinterview.ui.screens.application_detail import ApplicationDetailScreen
from postinterview.ui.screens.board import BoardScreen
from postinterview.ui.screens.draft import DraftScreen
from postinterview.ui.screens.interview import InterviewScreen
from postinterview.ui.screens.weekly_review import WeeklyReviewScreen
from postinterview.ui.widgets.board_column import BoardColumn
from postinterview.workspace import folder as workspace_folder
from tests.conftest import FIXED_NOW
from tests.pilot_tools import make_app, settle, stored_record, stored_records, type_text
from tests.pipeline import (
    ANSWERED_ID,
    CLOSED_ID,
    FRESH_ID,
    OVERDUE_ID,
    QUIET_ID,
    seed_pipeline,
)

SIZE = (150, 45)


def board(app: App[None]) -> BoardScreen:
    screen = app.screen
    assert isinstance(screen, BoardScreen)
    return screen


def column(screen: BoardScreen, stage: Stage) -> BoardColumn:
    return screen.column_of(stage)


def text_of(static: Static) -> str:
    return str(static.render())


async def test_the_board_shows_each_application_in_the_column_of_its_stage(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with make_app(data_dir, "board").run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = board(pilot.app)
        assert column(screen, Stage.APPLIED).card_ids == [FRESH_ID]
        assert column(screen, Stage.SCREENING).card_ids == [QUIET_ID]
        # Overdue thank-you notes put Initech above Hooli, whose notes are only due.
        assert column(screen, Stage.INTERVIEWING).card_ids == [OVERDUE_ID, ANSWERED_ID]
        assert column(screen, Stage.INTERVIEWING).border_title == "Interviewing (2)"
        assert not column(screen, Stage.REJECTED).display  # closed stages start folded
        status = text_of(screen.query_one("#board-status", Static))
        assert "4 active" in status and "1 closed" in status and "1 overdue" in status
        card = screen.cards[OVERDUE_ID]
        assert card.next_action == "Send Ana Ruiz a short thank-you note."
        assert card.days_since_contact == 5
        assert screen.cards[ANSWERED_ID].score is not None
        assert screen.cards[FRESH_ID].score is None


async def test_moving_a_card_by_keys_saves_the_stage_and_its_history(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with make_app(data_dir, "board").run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        screen = board(pilot.app)
        assert screen.focused is column(screen, Stage.APPLIED)
        screening = column(screen, Stage.SCREENING)
        options_before = {o.id: o for o in screening.options}
        await pilot.press("shift+right")  # Acme: applied -> screening
        await pilot.pause()
        assert FRESH_ID in screening.card_ids
        assert screen.focused is screening  # the focus follows the card
        assert screen.selected_id() == FRESH_ID
        # The cards already there keep their options (and their laid-out text); the card
        # showing up in its column is the confirmation, with no "Saved." on top.
        options_after = {o.id: o for o in screening.options}
        assert options_before and all(options_after[i] is o for i, o in options_before.items())
        assert "Saved." not in [n.message for n in pilot.app._notifications]
        await pilot.press("greater_than_sign")  # and on to interviewing
        await pilot.pause()
        await pilot.press("less_than_sign")  # and back to screening
        await pilot.pause()
    saved = stored_record(data_dir, FRESH_ID)
    assert saved["stage"] == "screening"
    moves = [(c.get("from_stage"), c["to_stage"]) for c in saved["stage_history"]]
    assert moves[1:] == [
        ("applied", "screening"),
        ("screening", "interviewing"),
        ("interviewing", "screening"),
    ]


async def test_arrows_and_hjkl_move_the_focus_between_and_within_columns(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with make_app(data_dir, "board").run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = board(pilot.app)
        await pilot.press("l", "right")
        assert screen.focused is column(screen, Stage.INTERVIEWING)
        assert screen.selected_id() == OVERDUE_ID
        await pilot.press("j")
        assert screen.selected_id() == ANSWERED_ID
        await pilot.press("k", "h")
        assert screen.focused is column(screen, Stage.SCREENING)
        await pilot.press("left", "left")  # stays on the first column
        assert screen.focused is column(screen, Stage.APPLIED)


async def test_applied_goes_back_to_saved_and_saved_is_the_first_stage(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with make_app(data_dir, "board").run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        screen = board(pilot.app)
        assert not column(screen, Stage.SAVED).display  # no saved roles: no Saved column
        await pilot.press("shift+left")  # Acme: applied -> saved, the column comes
        await pilot.pause()
        assert screen.focused is column(screen, Stage.SAVED)
        assert column(screen, Stage.SAVED).card_ids == [FRESH_ID]
        await pilot.press("shift+left")
        await pilot.pause()
        assert "Saved is the first stage." in [n.message for n in pilot.app._notifications]
    stored = stored_record(data_dir, FRESH_ID)
    assert stored["stage"] == "saved"
    assert stored["stage_history"][-1]["from_stage"] == "applied"


async def test_filtering_narrows_the_cards_and_escape_brings_them_back(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with make_app(data_dir, "board").run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = board(pilot.app)
        await pilot.press("slash")
        await type_text(pilot, "ana ruiz")  # an interviewer's name
        await pilot.press("enter")
        await pilot.pause()
        assert column(screen, Stage.INTERVIEWING).card_ids == [OVERDUE_ID]
        assert column(screen, Stage.INTERVIEWING).border_title == "Interviewing (1 of 2)"
        assert column(screen, Stage.APPLIED).card_ids == []
        assert "filter “ana ruiz”: 1 shown" in text_of(screen.query_one("#board-status", Static))
        assert isinstance(screen.focused, BoardColumn)
        await pilot.press("escape")
        await pilot.pause()
        assert column(screen, Stage.INTERVIEWING).card_ids == [OVERDUE_ID, ANSWERED_ID]
        assert column(screen, Stage.APPLIED).card_ids == [FRESH_ID]


async def test_c_shows_and_folds_the_closed_stages(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with make_app(data_dir, "board").run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = board(pilot.app)
        await pilot.press("c")
        assert column(screen, Stage.REJECTED).display
        assert column(screen, Stage.REJECTED).card_ids == [CLOSED_ID]
        await pilot.press("c")
        assert not column(screen, Stage.REJECTED).display


async def test_moving_into_a_folded_stage_says_where_it_went(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with make_app(data_dir, "board").run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        screen = board(pilot.app)
        await pilot.press("right", "right", "right")  # the empty Awaiting decision column
        await pilot.press("right")  # Offer, empty too
        assert screen.focused is column(screen, Stage.OFFER)
        await pilot.press("h", "h")  # back to Interviewing
        await pilot.press("shift+right", "shift+right", "shift+right")  # -> accepted (closed)
        await pilot.pause()
        messages = [n.message for n in pilot.app._notifications]
        assert any("Moved to Accepted" in m and "c shows them" in m for m in messages)
    assert stored_record(data_dir, OVERDUE_ID)["stage"] == "accepted"


async def test_n_adds_an_application_to_the_board(data_dir: Path) -> None:
    async with make_app(data_dir, "board").run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = board(pilot.app)
        assert screen.query_one("#board-empty").display  # an empty folder says what to do
        await pilot.press("n")
        await type_text(pilot, "Wonka")
        await pilot.press("tab")
        await type_text(pilot, "Chocolatier")
        await pilot.press("enter")
        await settle(pilot)
        assert len(column(screen, Stage.APPLIED).card_ids) == 1
        assert not screen.query_one("#board-empty").display
    assert [r["company"] for r in stored_records(data_dir)] == ["Wonka"]


async def test_b_and_a_switch_between_the_list_and_the_board(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with make_app(data_dir).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(pilot.app.screen, BoardScreen)
        await pilot.press("a")
        await pilot.pause()
        assert pilot.app.screen.sub_title == "Applications"


# Application detail -----------------------------------------------------------------------------


async def test_enter_opens_the_detail_with_everything_about_the_application(
    data_dir: Path,
) -> None:
    seed_pipeline(data_dir)
    async with make_app(data_dir, "board").run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("right", "right", "enter")  # Initech
        await pilot.pause()
        detail = pilot.app.screen
        assert isinstance(detail, ApplicationDetailScreen)
        actions = text_of(detail.query_one("#detail-actions", Static))
        assert "overdue · Send Ana Ruiz a short thank-you note." in actions
        assert "overdue · Send Ben Okafor a short thank-you note." in actions
        interviews = detail.query_one("#detail-interviews", OptionList)
        assert interviews.option_count == 1
        assert "2 interviewers · checklist " in str(interviews.get_option_at_index(0).prompt)
        rest = text_of(detail.query_one("#detail-rest", Static))
        assert "Applied → Interviewing" in rest
        await pilot.press("enter")  # opens the interview
        await pilot.pause()
        assert isinstance(pilot.app.screen, InterviewScreen)


async def test_logging_a_contact_from_the_detail_saves_it_at_once(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with make_app(data_dir, "board").run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("right", "enter")  # Globex
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        await type_text(pilot, "Rae")
        await pilot.press("tab")
        await type_text(pilot, "Asked about timing")
        await pilot.press("enter")
        await pilot.pause()
        detail = pilot.app.screen
        assert isinstance(detail, ApplicationDetailScreen)
        assert "with Rae: Asked about timing" in text_of(detail.query_one("#detail-rest", Static))
    entry = stored_record(data_dir, QUIET_ID)["contact_log"][0]
    assert entry["with_whom"] == "Rae" and entry["note"] == "Asked about timing"
    assert entry.get("channel", "email") == "email"  # the default is not written out


async def test_a_contact_time_in_the_future_is_refused_inline(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with make_app(data_dir, "board").run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("right", "enter", "l")
        await pilot.pause()
        form = pilot.app.screen
        form.query_one("#at").value = "2030-01-01 10:00"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is form
        assert "in the future" in text_of(form.query_one("#at-hint", Static))
    assert "contact_log" not in stored_record(data_dir, QUIET_ID)


# Weekly review ----------------------------------------------------------------------------------


async def open_review(pilot: Pilot[None]) -> WeeklyReviewScreen:
    await settle(pilot)
    await pilot.press("w")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, WeeklyReviewScreen)
    return screen


def shown(review: WeeklyReviewScreen) -> WeeklyReview:
    """What the review screen shows now."""
    assert review.review is not None
    return review.review


def highlight_first_quiet(review: WeeklyReviewScreen) -> None:
    """Put the review's cursor on the first application that has gone quiet."""
    listing = review.query_one("#review-list", OptionList)
    listing.highlighted = next(
        i for i, o in enumerate(listing.options) if (o.id or "").startswith("quiet")
    )


async def test_the_weekly_review_lists_the_overdue_application_first(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with make_app(data_dir, "board").run_test(size=SIZE) as pilot:
        review = await open_review(pilot)
        listing = review.query_one("#review-list", OptionList)
        first = listing.highlighted_option
        assert first is not None
        assert review.rows[first.id or ""].app_id == OVERDUE_ID
        assert str(first.prompt).startswith("Initech — ")
        assert "was due by Mon 16 Nov 2026" in str(first.prompt)
        assert [q.application_id for q in shown(review).quiet] == [QUIET_ID]
        summary = text_of(review.query_one("#review-summary", Static))
        assert "4 active applications" in summary


async def test_space_ticks_an_overdue_action_and_logs_the_contact(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with make_app(data_dir, "board").run_test(size=SIZE) as pilot:
        review = await open_review(pilot)
        before = len(shown(review).overdue)
        listing = review.query_one("#review-list", OptionList)
        listing.highlighted = next(
            index
            for index, option in enumerate(listing.options)
            if (row := review.rows.get(option.id or "")) is not None
            and row.action is not None
            and row.action.entry_id == "thank-you:ana-ruiz"
        )
        await pilot.press("space")
        await pilot.pause()
        assert len(shown(review).overdue) == before - 1
    saved = stored_record(data_dir, OVERDUE_ID)
    marks = saved["interviews"][0]["checklist"]
    assert marks["thank-you:ana-ruiz"]["state"] == "done"
    assert "thank-you:ben-okafor" not in marks
    assert saved["contact_log"][0]["with_whom"] == "Ana Ruiz"


async def test_quiet_applications_are_decided_in_one_key(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with make_app(data_dir, "board").run_test(size=SIZE) as pilot:
        review = await open_review(pilot)
        highlight_first_quiet(review)
        await pilot.press("w")  # keep waiting
        await pilot.pause()
        assert shown(review).quiet == []
    assert "quiet_acknowledged_at" in stored_record(data_dir, QUIET_ID)


async def test_x_closes_a_quiet_application_as_no_reply(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with make_app(data_dir, "board").run_test(size=SIZE) as pilot:
        review = await open_review(pilot)
        highlight_first_quiet(review)
        await pilot.press("x")
        await pilot.pause()
        assert shown(review).active_count == 3
    saved = stored_record(data_dir, QUIET_ID)
    assert saved["stage"] == "no_reply"
    assert saved["stage_history"][-1]["from_stage"] == "screening"


async def test_f_logs_a_follow_up_on_a_quiet_application(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    async with make_app(data_dir, "board").run_test(size=SIZE) as pilot:
        review = await open_review(pilot)
        highlight_first_quiet(review)
        await pilot.press("f")
        await pilot.pause()
        assert shown(review).quiet == []
    assert "quiet spell" in stored_record(data_dir, QUIET_ID)["contact_log"][0]["note"]


async def test_follow_up_days_in_settings_move_the_checklist_and_the_plan_alike(
    data_dir: Path,
) -> None:
    store = seed_pipeline(data_dir)
    (data_dir / "settings.toml").write_text("[follow_up]\nfollow_up_days = 3\n", "utf-8")
    async with make_app(data_dir, "board").run_test(size=SIZE) as pilot:
        await settle(pilot)
        card = board(pilot.app).cards[OVERDUE_ID]
        interview = InterviewScreen(pilot.app.workspace, OVERDUE_ID, "iv-initech")
        await pilot.app.push_screen(interview)
        await pilot.pause()
        listing = interview.query_one("#checklist", OptionList)
        follow_up = str(listing.get_option("follow-up").prompt)
    # Interview on Sunday 15 Nov: three days later the follow-up is open (the usual week is not up).
    assert "(due now)" in follow_up
    assert card.next_action  # the board computed its card with the same settings
    planned = {
        a.item_id: a
        for a in plan_for(
            store.load(OVERDUE_ID).application, FIXED_NOW, PlanSettings(follow_up_days=3)
        )
    }
    assert f"{planned['follow-up'].opens_at:%a %d %b}" == "Wed 18 Nov"
    usual = {a.item_id: a for a in plan_for(store.load(OVERDUE_ID).application, FIXED_NOW)}
    assert f"{usual['follow-up'].opens_at:%a %d %b}" == "Sun 22 Nov"


async def test_a_column_draws_a_page_of_its_most_pressing_cards_and_more_on_the_way_down(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_pipeline(data_dir)
    monkeypatch.setattr(BoardColumn, "PAGE", 1)
    async with make_app(data_dir, "board").run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = board(pilot.app)
        interviewing = column(screen, Stage.INTERVIEWING)
        assert interviewing.card_ids == [OVERDUE_ID]  # the overdue one, not Hooli
        assert interviewing.border_title == "Interviewing (2)"
        assert interviewing.border_subtitle == "1 more below ↓"
        await pilot.press("right", "right")  # on its last drawn card: the next page is drawn
        await pilot.pause()
        assert interviewing.card_ids == [OVERDUE_ID, ANSWERED_ID]
        assert interviewing.border_subtitle == ""
        await pilot.press("j")
        assert screen.selected_id() == ANSWERED_ID
        await pilot.press("shift+left")  # Hooli to Screening, and back: still found and drawn
        await pilot.press("shift+right")
        await pilot.pause()
        assert screen.selected_id() == ANSWERED_ID


def hold_back_the_full_load(
    monkeypatch: pytest.MonkeyPatch, early_files: int | None = None
) -> threading.Event:
    """Make the screen's full load wait until the event returned is set (the early load of a
    large folder, with more than `early_files` files, goes ahead)."""
    if early_files is not None:
        monkeypatch.setattr(workspace_folder, "EARLY_FILES", early_files)
    release = threading.Event()
    real_load_all = ApplicationStore.load_all

    def held_back(self: ApplicationStore, progress: Any = None, paths: Any = None) -> Any:
        if paths is None or len(paths) > (early_files or 0):  # the read of every file
            release.wait(10)
        return real_load_all(self, progress, paths)

    monkeypatch.setattr(ApplicationStore, "load_all", held_back)
    return release


async def early_cards_shown(pilot: Pilot[None], screen: BoardScreen) -> None:
    """Wait (two seconds at most) for the early cards of a large folder."""
    for _ in range(200):
        await pilot.pause(0.01)
        if screen.cards:
            return


async def test_a_large_folder_shows_its_most_recent_applications_while_the_rest_load(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = seed_pipeline(data_dir)
    # Touch two files last: they are the "most recently changed" ones.
    for app_id in (QUIET_ID, FRESH_ID):
        path = store.path_for(app_id)
        path.write_bytes(path.read_bytes())
    release = hold_back_the_full_load(monkeypatch, early_files=2)
    async with make_app(data_dir, "board").run_test(size=SIZE) as pilot:
        screen = board(pilot.app)
        await early_cards_shown(pilot, screen)
        assert set(screen.cards) == {QUIET_ID, FRESH_ID}
        assert not screen.loaded
        release.set()
        await settle(pilot)
        assert screen.loaded and len(screen.cards) == 5


async def test_once_every_card_is_in_the_board_starts_at_the_top_of_a_column_with_cards(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The early cards are a sample: the highlight must not stay on one of them (halfway down
    # a column once the rest are in), nor the focus on a column that got no early card.
    store = ApplicationStore(data_dir)
    ids = []
    for number in range(6):
        added = FIXED_NOW - timedelta(days=20 - number)
        applied = new_application(f"Firm {number}", "Engineer", added)
        ids.append(store.create(move_stage(applied, Stage.SCREENING, added)).application.id)
    oldest = store.path_for(ids[0])
    oldest.write_bytes(oldest.read_bytes())  # the one early card: the last of its column
    release = hold_back_the_full_load(monkeypatch, early_files=1)
    async with make_app(data_dir, "board").run_test(size=SIZE) as pilot:
        screen = board(pilot.app)
        await early_cards_shown(pilot, screen)
        screening = column(screen, Stage.SCREENING)
        early_card = screening.highlighted_card_id
        assert len(screening.card_ids) == 1
        release.set()
        await settle(pilot)
        assert len(screening.card_ids) == 6 and screening.card_ids[0] != early_card
        assert screen.focused is screening
        assert [c.highlighted for c in screen.columns() if c.card_ids] == [0]
        assert screening.scroll_y == 0


async def test_moving_down_a_long_column_scrolls_to_the_highlighted_card(data_dir: Path) -> None:
    store = ApplicationStore(data_dir)
    for number in range(12):
        store.create(new_application(f"Company {number:02}", "Engineer", FIXED_NOW))
    async with make_app(data_dir, "board").run_test(size=(150, 24)) as pilot:
        await settle(pilot)
        applied = column(board(pilot.app), Stage.APPLIED)
        assert applied.scroll_y == 0
        await pilot.press(*["j"] * 11)
        await pilot.pause()
        assert board(pilot.app).selected_id() == applied.card_ids[11]
        assert applied.scroll_y > 0


async def test_d_in_the_review_drafts_a_follow_up_for_a_quiet_application(
    data_dir: Path,
) -> None:
    store = ApplicationStore(data_dir)
    long_ago = FIXED_NOW - timedelta(days=20)
    quiet = add_interview(
        new_application("Wonka", "Chocolatier", long_ago - timedelta(days=5)),
        "iv-wonka",
        long_ago,
        long_ago,
        interviewers=[Contact(name="Charlie Bucket")],
    )
    store.create(quiet.model_copy(update={"id": "wonka"}))
    store.create(new_application("Globex", "Analyst", long_ago).model_copy(update={"id": "globex"}))
    (data_dir / "settings.toml").write_text('[you]\nname = "Sam Lee"\n', "utf-8")
    async with make_app(data_dir, "board").run_test(size=SIZE, notifications=True) as pilot:
        review = await open_review(pilot)
        assert {q.application_id for q in shown(review).quiet} == {"wonka", "globex"}
        listing = review.query_one("#review-list", OptionList)
        bodies: dict[str, str] = {}
        for app_id in ("globex", "wonka"):
            listing.highlighted = next(
                i
                for i, o in enumerate(listing.options)
                if (row := review.rows.get(o.id or ""))
                and row.kind == "quiet"
                and row.app_id == app_id
            )
            await pilot.press("d")
            await pilot.pause()
            draft = pilot.app.screen
            assert isinstance(draft, DraftScreen)
            assert [d.kind for d in draft.drafts] == ["follow-up-email", "follow-up-call"]
            bodies[app_id] = draft.drafts[0].body
            await pilot.press("escape")
            await pilot.pause()
        # Never interviewed: it asks about the application; interviewed: about the interview.
        assert "where my application stands" in bodies["globex"]
        assert "Dear Charlie," in bodies["wonka"] and "I had my interview" in bodies["wonka"]
        assert not any("No draft" in n.message for n in pilot.app._notifications)
