"""Importing a tracker's file from the app: opened from the palette or by `o`, the dry run's
lines on screen, the cards on the board once confirmed, and one `u` taking it all back;
checked on disk each time."""

from __future__ import annotations

import threading
import tomllib
from pathlib import Path
from typing import Any

from textual.widgets import Button, Input

from postinterview.app import PostInterviewApp
from postinterview.domain.stages import Stage
from postinterview.storage.store import ApplicationStore
from postinterview.transfer.export_json import export_json
from postinterview.ui.screens.board import BoardScreen
from postinterview.ui.screens.import_file import ImportFileScreen
from postinterview.ui.widgets.shown_text import PlainText
from tests.conftest import FIXED_NOW, sample_application
from tests.pilot_tools import make_app, settle, stored_records, type_text
from tests.test_import_file import TRACKER

SIZE = (120, 40)


def _notices(app: PostInterviewApp) -> list[str]:
    return [notification.message for notification in app._notifications]


def _text(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, PlainText).render())


def _ids_by_company(data_dir: Path) -> dict[str, str]:
    """The id (the file's name) of each application on disk, by company."""
    found = {}
    for path in sorted((data_dir / "applications").glob("*.toml")):
        found[tomllib.loads(path.read_text("utf-8"))["company"]] = path.stem
    return found


def _tracker(folder: Path, name: str = "huntr.csv") -> Path:
    path = folder / name
    path.write_text(TRACKER, encoding="utf-8")
    return path


async def _read(pilot: Any, path: str, by_keys: bool = False) -> ImportFileScreen:
    """Put `path` in the open import screen (typed key by key if `by_keys`), then enter."""
    screen = pilot.app.screen
    assert isinstance(screen, ImportFileScreen)
    field = screen.query_one("#path", Input)
    field.value = ""
    if by_keys:
        await type_text(pilot, path)
    else:
        field.value = path
    field.focus()
    await pilot.press("enter")
    await settle(pilot)
    return screen


async def test_a_tracker_imported_from_the_palette_lands_on_the_board_and_u_takes_it_back(
    data_dir: Path, tmp_path: Path
) -> None:
    path = _tracker(tmp_path)
    app = make_app(data_dir, "applications")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "import a file")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = await _read(pilot, str(path), by_keys=True)
        lines = _text(screen, "#import-lines").splitlines()
        assert "huntr.csv, line 4: refused: role is empty" in lines
        assert "  companyName -> company" in lines and "  listName -> stage" in lines
        assert lines[-1].startswith("Would import 2 applications from huntr.csv; 0 skipped")
        assert str(screen.query_one("#import", Button).label) == "Import 2 applications  ctrl+s"
        assert stored_records(data_dir) == []  # nothing yet
        await pilot.press("enter")  # the import button has the focus once the file is read
        await settle(pilot)
        board = app.screen
        assert isinstance(board, BoardScreen)
        records = {record["company"]: record for record in stored_records(data_dir)}
        assert sorted(records) == ["Acme Robotics", "Globex"]
        assert records["Globex"]["stage"] == "interviewing"
        assert records["Acme Robotics"]["job_link"] == "https://acme.example/1"
        ids = _ids_by_company(data_dir)
        assert board.column_of(Stage.APPLIED).card_ids == [ids["Acme Robotics"]]
        assert board.column_of(Stage.INTERVIEWING).card_ids == [ids["Globex"]]
        assert "Imported 2 applications from huntr.csv (u to undo)." in _notices(app)
        await pilot.press("u")
        await settle(pilot)
        assert stored_records(data_dir) == []
        assert list((data_dir / "applications").glob("*.toml")) == []
        assert board.column_of(Stage.APPLIED).card_ids == []
        assert board.column_of(Stage.INTERVIEWING).card_ids == []
        assert "Undone: imported 2 applications from huntr.csv." in _notices(app)


async def test_a_path_that_cannot_be_read_is_said_on_the_screen_and_nothing_is_written(
    data_dir: Path, tmp_path: Path
) -> None:
    binary = tmp_path / "sheet.csv"
    binary.write_bytes(b"PK\x03\x04 a workbook")
    app = make_app(data_dir, "board")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        for typed, said in (
            (str(tmp_path / "missing.csv"), f"{tmp_path / 'missing.csv'}: no such file"),
            (str(tmp_path), f"{tmp_path}: is a folder"),
            (str(binary), "sheet.csv: is a spreadsheet workbook, not CSV"),
        ):
            screen = await _read(pilot, typed)
            status = screen.query_one("#import-status", PlainText)
            assert _text(screen, "#import-status").startswith(said)
            assert status.has_class("error")
            assert screen.query_one("#import", Button).disabled
            assert not screen.query_one("#import-preview").display
        await pilot.press("ctrl+s")  # nothing to import: the key does nothing
        await settle(pilot)
        assert isinstance(app.screen, ImportFileScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, BoardScreen)
        assert not (data_dir / "applications").exists() or stored_records(data_dir) == []


async def test_escape_after_the_preview_saves_nothing(data_dir: Path, tmp_path: Path) -> None:
    path = _tracker(tmp_path)
    app = make_app(data_dir, "applications")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        screen = await _read(pilot, str(path))
        assert not screen.query_one("#import", Button).disabled
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ImportFileScreen)
        assert stored_records(data_dir) == []
        assert not app.workspace.undo_history.done


async def test_a_path_changed_after_the_preview_must_be_read_again(
    data_dir: Path, tmp_path: Path
) -> None:
    path = _tracker(tmp_path)
    app = make_app(data_dir, "applications")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        screen = await _read(pilot, str(path))
        screen.query_one("#path", Input).focus()
        await pilot.press("x")  # the preview no longer says what this path holds
        await settle(pilot)
        assert screen.query_one("#import", Button).disabled
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert stored_records(data_dir) == []


async def test_importing_the_same_file_again_offers_nothing(data_dir: Path, tmp_path: Path) -> None:
    path = _tracker(tmp_path)
    app = make_app(data_dir, "applications")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(2):
            await pilot.press("o")
            await settle(pilot)
            screen = await _read(pilot, str(path))
            await pilot.press("ctrl+s")
            await settle(pilot)
        assert isinstance(app.screen, ImportFileScreen)  # the second time there was nothing
        lines = _text(screen, "#import-lines").splitlines()
        assert lines[-1].startswith("Would import 0 applications from huntr.csv; 2 skipped")
        assert "nothing in it to import" in _text(screen, "#import-status")
        assert len(stored_records(data_dir)) == 2


async def test_our_backup_picked_here_points_to_the_restore(data_dir: Path, tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    backup.write_text(export_json([sample_application()], FIXED_NOW), encoding="utf-8")
    ApplicationStore(data_dir)
    app = make_app(data_dir, "applications")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        screen = await _read(pilot, str(backup))
        text = _text(screen, "#import-lines")
        assert "backup.json is a postinterview backup of 1 application" in text
        assert "postinterview restore backup.json --dry-run" in text
        assert screen.query_one("#import", Button).disabled
        assert stored_records(data_dir) == []


async def test_a_long_file_is_saved_off_the_ui_thread_and_drawn_once(
    data_dir: Path, tmp_path: Path
) -> None:
    rows = [f"Company {n},Engineer,Applied,2026-10-{1 + n % 28:02d}" for n in range(120)]
    path = tmp_path / "long.csv"
    path.write_text("company,role,stage,applied\n" + "\n".join(rows) + "\n", encoding="utf-8")
    app = make_app(data_dir, "board")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        heard: list[int] = []
        app.workspace.subscribe(lambda change: heard.append(len(change.ids)))
        await pilot.press("o")
        await settle(pilot)
        await _read(pilot, str(path))
        await pilot.press("ctrl+s")
        await settle(pilot)
        board = app.screen
        assert isinstance(board, BoardScreen)
        assert board.column_of(Stage.APPLIED).card_count == 120
        assert len(stored_records(data_dir)) == 120
        assert heard == [120]  # the views were told once, not 120 times
        assert "Imported 120 applications from long.csv (u to undo)." in _notices(app)
        await pilot.press("u")
        await settle(pilot)
        assert stored_records(data_dir) == []
        assert board.column_of(Stage.APPLIED).card_count == 0
        assert heard == [120, 120]


async def test_escape_while_saving_waits_for_the_last_save(
    data_dir: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    rows = [f"Company {n},Engineer" for n in range(20)]
    path = tmp_path / "slow.csv"
    path.write_text("company,role\n" + "\n".join(rows) + "\n", encoding="utf-8")
    app = make_app(data_dir, "board")
    disk = threading.Event()
    real_call = app.call_from_thread

    def call_from_thread(callback: Any, *args: Any, **kwargs: Any) -> Any:
        if threading.current_thread() is not threading.main_thread():
            disk.wait(5)  # a slow disk: the saving worker waits until the test says
        return real_call(callback, *args, **kwargs)

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        screen = await _read(pilot, str(path))
        monkeypatch.setattr(app, "call_from_thread", call_from_thread)
        screen.action_confirm()
        assert screen.saving
        await pilot.press("escape")  # ignored until the import is done
        assert app.screen is screen and stored_records(data_dir) == []
        disk.set()
        await settle(pilot)
        assert isinstance(app.screen, BoardScreen)
        assert len(stored_records(data_dir)) == 20
        assert len(app.workspace.undo_history.done) == 1
