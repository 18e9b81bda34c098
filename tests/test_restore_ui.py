"""Getting things back in the app: a damaged file's last good version, a deleted application,
and an earlier version of one, each by keys, checked on disk."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from textual.widgets import OptionList, Static

from postinterview.domain.editing import apply_field_edits, move_stage
from postinterview.domain.stages import Stage
from postinterview.storage.store import ApplicationStore
from postinterview.ui.screens.application_detail import ApplicationDetailScreen
from postinterview.ui.screens.board import BoardScreen
from postinterview.ui.screens.confirm import ConfirmScreen
from postinterview.ui.screens.deleted import EMPTY, DeletedScreen
from postinterview.ui.screens.history import HistoryScreen
from postinterview.ui.screens.problems import ProblemsScreen
from tests.conftest import FIXED_NOW, sample_application
from tests.pilot_tools import make_app, settle, stored_record

SIZE = (120, 36)


def _text(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def _prompts(screen: Any, selector: str) -> list[str]:
    options = screen.query_one(selector, OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def _edit_notes(store: ApplicationStore, app_id: str, text: str) -> None:
    revision = store.load(app_id).revision
    store.update(app_id, lambda a: apply_field_edits(a, {"notes": text}, FIXED_NOW), revision)


def _without_updated_at(raw: bytes) -> dict[str, Any]:
    record = tomllib.loads(raw.decode("utf-8"))
    record.pop("updated_at")
    return record


async def test_an_empty_file_is_restored_from_history_on_the_problems_screen(
    data_dir: Path,
) -> None:
    store = ApplicationStore(data_dir)
    app_id = store.create(sample_application()).application.id
    _edit_notes(store, app_id, "the last good words")
    path = store.path_for(app_id)
    good = path.read_bytes()
    path.write_bytes(b"")  # a sync tool cut it to nothing
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        problems = app.screen
        assert isinstance(problems, ProblemsScreen)
        assert "r puts back the version saved" in _prompts(problems, "#problems")[0]
        await pilot.press("r")
        await settle(pilot)
        assert path.read_bytes() == good
        [quarantined] = (data_dir / "quarantine").iterdir()
        assert quarantined.read_bytes() == b""
        status = _text(problems, "#problems-status")
        assert "Restored " in status and "as it was saved" in status
        assert str(quarantined) in status.replace("\n", "")
        assert app.workspace.problems == []
        assert app.workspace.records[app_id].application.notes == "the last good words"
        await pilot.press("escape")
        await settle(pilot)
        assert not app.screen.query_one("#problems-banner").display


async def test_a_damaged_file_with_no_kept_version_stays_as_it_is(data_dir: Path) -> None:
    folder = data_dir / "applications"
    folder.mkdir(parents=True)
    broken = folder / "broken-abc123.toml"
    broken.write_bytes(b'company = "oops\n')  # written by hand: history never saw it
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        problems = app.screen
        assert isinstance(problems, ProblemsScreen)
        assert "No earlier version was kept" in _prompts(problems, "#problems")[0]
        await pilot.press("r")
        await settle(pilot)
        assert "No earlier version of broken-abc123.toml was kept" in _text(
            problems, "#problems-status"
        )
        assert isinstance(app.screen, ProblemsScreen)
    assert broken.read_bytes() == b'company = "oops\n'
    assert not (data_dir / "quarantine").exists()


async def test_a_deleted_application_is_put_back_from_the_deleted_list(data_dir: Path) -> None:
    store = ApplicationStore(data_dir)
    kept = store.create(sample_application("Initech", "Analyst")).application
    gone = store.create(sample_application("Acme Robotics", "Backend Engineer")).application
    original = store.path_for(gone.id).read_bytes()
    app = make_app(data_dir, "board")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        board = app.screen
        assert isinstance(board, BoardScreen)
        applied = board.column_of(Stage.APPLIED)
        applied.highlighted = applied.card_ids.index(gone.id)
        await pilot.press("d", "y")  # delete, confirmed
        await settle(pilot)
        assert applied.card_ids == [kept.id]
        await pilot.press("D")
        await settle(pilot)
        deleted = app.screen
        assert isinstance(deleted, DeletedScreen)
        [listed] = _prompts(deleted, "#deleted")
        assert "Acme Robotics — Backend Engineer  ·  Applied" in listed
        assert "deleted " in listed
        await pilot.press("enter")
        await settle(pilot)
        assert store.path_for(gone.id).read_bytes() == original
        assert list((data_dir / "deleted").iterdir()) == []
        assert "Acme Robotics — Backend Engineer is back." in _text(deleted, "#deleted-status")
        assert _prompts(deleted, "#deleted") == [EMPTY]
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is board
        assert sorted(applied.card_ids) == sorted([kept.id, gone.id])


async def test_a_deleted_file_is_not_put_back_over_one_with_its_id(data_dir: Path) -> None:
    store = ApplicationStore(data_dir)
    stored = store.create(sample_application())
    app_id = stored.application.id
    store.delete(app_id, stored.revision)
    store.create(sample_application("Globex", "Analyst").model_copy(update={"id": app_id}))
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("D")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        status = _text(app.screen, "#deleted-status")
        assert "Not put back" in status and "in the folder again" in status
    assert len(list((data_dir / "deleted").iterdir())) == 1
    assert stored_record(data_dir, app_id)["company"] == "Globex"


async def test_an_earlier_version_is_restored_from_the_history_screen(data_dir: Path) -> None:
    store = ApplicationStore(data_dir)
    app_id = store.create(sample_application()).application.id
    _edit_notes(store, app_id, "first words")
    with_notes = store.path_for(app_id).read_bytes()
    revision = store.load(app_id).revision
    store.update(app_id, lambda a: move_stage(a, Stage.INTERVIEWING, FIXED_NOW), revision)
    app = make_app(data_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ApplicationDetailScreen)
        await pilot.press("H")
        await settle(pilot)
        history = app.screen
        assert isinstance(history, HistoryScreen)
        rows = history.rows
        assert [row.changes for row in rows] == [
            "stage: Applied → Interviewing",
            "notes",
            "the oldest version kept",
        ]
        assert [row.current for row in rows] == [True, False, False]
        assert _prompts(history, "#history-versions")[0].startswith("●")
        await pilot.press("enter")  # the current one: nothing to restore, nothing asked
        await settle(pilot)
        assert app.screen is history
        assert "nothing to restore" in _text(history, "#history-status")
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is history
        on_disk = store.path_for(app_id).read_bytes()
        assert _without_updated_at(on_disk) == _without_updated_at(with_notes)
        assert len(app.workspace.versions(app_id)) == 4  # the restore is one more version
        assert history.rows[0].current
        assert history.rows[0].changes == "stage: Interviewing → Applied"
        assert history.query_one("#history-versions", OptionList).highlighted == 0
        assert "Restored the version saved" in _text(history, "#history-status")


async def test_the_palette_offers_the_deleted_list_and_the_history(data_dir: Path) -> None:
    ApplicationStore(data_dir).create(sample_application())
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Deleted applications" in titles
        await pilot.press("enter")
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "History of this application" in titles
