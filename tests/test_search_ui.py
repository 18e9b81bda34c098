"""`/` on the board and the list finds anything written in an application; the list sorts."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.app import App
from textual.widgets import Input, Static

from postinterview.domain.editing import move_stage
from postinterview.domain.models import Application, ContactLogEntry, Reflection
from postinterview.domain.stages import STAGE_ORDER, Stage
from postinterview.storage.store import ApplicationStore
from postinterview.ui.screens.applications import ApplicationsScreen
from postinterview.ui.screens.board import BoardScreen
from postinterview.ui.widgets.application_table import ApplicationTable
from tests.conftest import FIXED_NOW, sample_application
from tests.pilot_tools import make_app, poll, settle, type_text
from tests.pipeline import ANSWERED_ID, CLOSED_ID, FRESH_ID, OVERDUE_ID, QUIET_ID, pipeline

SIZE = (150, 45)
BY_COMPANY = [FRESH_ID, QUIET_ID, ANSWERED_ID, OVERDUE_ID, CLOSED_ID]
"""Acme, Globex, Hooli, Initech, Umbrella."""


def seed(data_dir: Path) -> None:
    """The pipeline, with a word in a reflection of one and in the contact log of another."""
    store = ApplicationStore(data_dir)
    for application in pipeline():
        store.create(_with_words(application))


def _with_words(application: Application) -> Application:
    if application.id == ANSWERED_ID:
        [interview] = application.interviews
        reflection = Reflection(struggled_with="The Zanzibar scaling question")
        return application.revised(interviews=[interview.revised(reflection=reflection)])
    if application.id == QUIET_ID:
        entry = ContactLogEntry(at=FIXED_NOW - timedelta(days=2), note="Kumquat budget talk")
        return application.revised(contact_log=[entry])
    return application


def board(app: App[None]) -> BoardScreen:
    assert isinstance(app.screen, BoardScreen)
    return app.screen


def listing(app: App[None]) -> ApplicationsScreen:
    assert isinstance(app.screen, ApplicationsScreen)
    return app.screen


def shown_cards(screen: BoardScreen) -> list[str]:
    return [card for stage in STAGE_ORDER for card in screen.column_of(stage).card_ids]


def status(screen: ApplicationsScreen) -> str:
    return str(screen.query_one("#list-status", Static).render())


def headers(table: ApplicationTable) -> list[str]:
    return [column.label.plain for column in table.ordered_columns]


async def test_the_board_filter_finds_a_word_only_in_a_reflection_or_the_contact_log(
    data_dir: Path,
) -> None:
    seed(data_dir)
    async with make_app(data_dir, "board").run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = board(pilot.app)
        await pilot.press("c")  # closed stages shown too: the filter alone decides
        everything = shown_cards(screen)
        assert sorted(everything) == sorted(BY_COMPANY)
        await pilot.press("slash")
        assert "reflections" in str(screen.query_one("#board-filter", Input).placeholder)
        await type_text(pilot, "zanzibar")
        await pilot.press("enter")
        await pilot.pause()
        assert shown_cards(screen) == [ANSWERED_ID]
        await pilot.press("escape", "slash")
        await type_text(pilot, "KUMQUAT")
        await pilot.press("enter")
        await pilot.pause()
        assert shown_cards(screen) == [QUIET_ID]
        await pilot.press("escape")
        await pilot.pause()
        assert shown_cards(screen) == everything


async def test_the_list_filter_shows_the_matching_rows_and_escape_brings_back_all(
    data_dir: Path,
) -> None:
    seed(data_dir)
    async with make_app(data_dir).run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = listing(pilot.app)
        table = screen.query_one(ApplicationTable)
        assert table.shown_ids == BY_COMPANY
        assert not screen.query_one("#list-filter").display
        await pilot.press("slash")
        assert screen.query_one("#list-filter").has_focus
        await type_text(pilot, "zanzibar")
        await pilot.pause(0.3)  # the filter follows typing, after a short pause
        assert table.shown_ids == [ANSWERED_ID]
        assert "filter “zanzibar”: 1 of 5 shown" in status(screen)
        await pilot.press("escape")
        await pilot.pause()
        assert table.shown_ids == BY_COMPANY
        assert not screen.query_one("#list-filter").display and table.has_focus
        assert status(screen).startswith("5 applications")
        await pilot.press("slash")
        await type_text(pilot, "kumquat")
        await pilot.press("enter")
        await pilot.pause()
        assert table.shown_ids == [QUIET_ID] and table.has_focus
        await pilot.press("escape", "slash")
        await type_text(pilot, "[b]x")  # shown as typed, never read as markup
        await pilot.press("enter")
        await pilot.pause()
        assert "filter “[b]x”: 0 of 5 shown" in status(screen) and table.shown_ids == []
        await pilot.press("escape", "slash")
        await type_text(pilot, "kumquat")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # the row opens, as any row does
        await pilot.pause()
        assert not isinstance(pilot.app.screen, ApplicationsScreen)


async def test_the_list_sorts_by_company_then_reversed_by_keys_and_by_a_header_click(
    data_dir: Path,
) -> None:
    seed(data_dir)
    async with make_app(data_dir).run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = listing(pilot.app)
        table = screen.query_one(ApplicationTable)
        assert table.shown_ids == BY_COMPANY
        assert headers(table)[:2] == ["Company ▲", "Role"]
        await pilot.press("R")
        await pilot.pause()
        assert table.shown_ids == BY_COMPANY[::-1]
        assert headers(table)[0] == "Company ▼"
        await pilot.press("S")  # the next column: role, A to Z
        await pilot.pause()
        roles = {app.id: app.role.casefold() for app in pipeline()}
        assert table.shown_ids == sorted(roles, key=roles.__getitem__)
        assert headers(table)[:2] == ["Company", "Role ▲"]
        await pilot.click(ApplicationTable, offset=(2, 0))  # the Company header
        await pilot.pause()
        assert table.shown_ids == BY_COMPANY and headers(table)[0] == "Company ▲"
        await pilot.click(ApplicationTable, offset=(2, 0))  # again: the other way
        await pilot.pause()
        assert table.shown_ids == BY_COMPANY[::-1]


async def test_the_sort_and_the_filter_stay_when_another_window_saves(data_dir: Path) -> None:
    seed(data_dir)
    async with make_app(data_dir).run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = listing(pilot.app)
        table = screen.query_one(ApplicationTable)
        await pilot.press("R")
        other = ApplicationStore(data_dir)
        zeta = other.create(sample_application("Zeta Labs").model_copy(update={"id": "zeta"}))
        await poll(pilot)
        assert table.shown_ids == ["zeta", *BY_COMPANY[::-1]]
        assert headers(table)[0] == "Company ▼"
        await pilot.press("slash")
        await type_text(pilot, "meetup")  # the notes of the one just added
        await pilot.press("enter")
        await pilot.pause()
        assert table.shown_ids == ["zeta"]
        other.create(sample_application("Aardvark").model_copy(update={"id": "aardvark"}))
        other.delete(zeta.application.id, zeta.revision)
        await poll(pilot)
        assert table.shown_ids == ["aardvark"]  # filtered still: the new one's notes match
        assert headers(table)[0] == "Company ▼"
        assert "filter “meetup”: 1 of 6 shown" in status(screen)


async def test_a_row_saved_elsewhere_is_drawn_again_and_takes_its_place(data_dir: Path) -> None:
    seed(data_dir)
    async with make_app(data_dir).run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = listing(pilot.app).query_one(ApplicationTable)
        await pilot.press("S", "S")  # by stage, in pipeline order
        await pilot.pause()
        assert headers(table)[2] == "Stage ▲"
        assert table.shown_ids == [FRESH_ID, QUIET_ID, ANSWERED_ID, OVERDUE_ID, CLOSED_ID]
        other = ApplicationStore(data_dir)
        seen = other.load(QUIET_ID).revision
        other.update(QUIET_ID, lambda a: move_stage(a, Stage.OFFER, FIXED_NOW), seen)
        await poll(pilot)
        assert table.shown_ids == [FRESH_ID, ANSWERED_ID, OVERDUE_ID, QUIET_ID, CLOSED_ID]
        assert table.get_cell(QUIET_ID, "stage").plain == "Offer"
        assert headers(table)[2] == "Stage ▲"
