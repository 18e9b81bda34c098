"""Text is shown, never obeyed: escape sequences in every text field, whether they came in by
the app itself, a CSV import or a hand edit of the TOML, reach the terminal as visible
stand-ins on every screen, in toasts and the palette, and in the command line's output.

The check (tests/terminal_output.py) reads what Textual would write for the whole screen; the
last tests prove it finds a raw control character when `shown` lets them through.
"""

from __future__ import annotations

import io
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, TextArea

from postinterview import formatting
from postinterview.commands.import_tracker import run_import
from postinterview.storage import codec
from postinterview.storage.store import ApplicationStore
from postinterview.ui.screens.interview import InterviewScreen
from postinterview.ui.screens.signals import SignalsScreen
from tests.cli_tools import cli
from tests.conftest import FIXED_NOW
from tests.pilot_tools import make_app, settle, stored_record
from tests.terminal_output import CONTROL, control_leaks, screen_text
from tests.test_reliability_text import application_with

EVIL = "Evil\x1b]0;owned\x07\x1b[2J\x1b[1;1H\x9b31m\x7f\x00\x08\x1b[?1049l"
"""Set the window title, clear the screen, move the cursor, C1 CSI, DEL, NUL, backspace, and
leave the alternate screen: everything a hostile name could try."""

HAND_EDITED = "Hand\\u001b[2J\\u009b1m\\u001b]0;x\\u0007"
"""The same kind of text as a person types it into the TOML file by hand (TOML escapes)."""

CSV = (
    "Company,Job Title,Status,Date Applied,City,URL,Recruiter,Comments\r\n"
    f"Csv{EVIL},Role{EVIL},interviewing,2026-11-01,City{EVIL},https://x.example/{EVIL},"
    f"Rae{EVIL} <rae@agency.example>,Note{EVIL}\r\n"
).replace("\x00", "")  # a CSV cell cannot hold NUL; everything else goes in


def hostile_folder(root: Path) -> tuple[ApplicationStore, str, str]:
    """A data folder with EVIL in every text field of one application, a hand-edited file, a
    CSV import and a damaged file whose name holds an escape; returns the ids of the first
    application and of its interview."""
    store = ApplicationStore(root)
    stored = store.create(application_with(EVIL))
    plain = codec.encode_application(application_with("plainword")).decode("utf-8")
    hand = store.folder / "hand-edited-abc123.toml"
    hand.write_text(plain.replace('= "plainword"', f'= "{HAND_EDITED}"'), "utf-8")
    tracker = root / "tracker.csv"
    tracker.write_text(CSV, "utf-8")
    assert run_import(store, tracker, FIXED_NOW, False, io.StringIO()) == 0
    (store.folder / "dam\x1b[2Jaged-abc123.toml").write_text('company = "\x1b[2J', "utf-8")
    application = stored.application
    return store, application.id, application.interviews[0].id


Step = Callable[[Pilot[None]], Awaitable[None]]


async def assert_shown(pilot: Pilot[None], where: str) -> None:
    await settle(pilot)
    leaks = control_leaks(pilot.app)
    assert not leaks, f"{where}: raw control characters reach the terminal: {leaks[:3]!r}"


def select(app: App[object], table_or_list: str, wanted: str) -> None:
    """Put the cursor on the row of `table_or_list` whose key or text holds `wanted`."""
    widget = app.screen.query_one(table_or_list)
    if isinstance(widget, DataTable):
        widget.move_cursor(row=widget.get_row_index(wanted))
    else:
        assert isinstance(widget, OptionList)
        prompts = [str(getattr(o.prompt, "plain", o.prompt)) for o in widget.options]
        widget.highlighted = next(i for i, p in enumerate(prompts) if wanted in p)


async def visit_every_screen(pilot: Pilot[None], app_id: str, interview_id: str) -> list[str]:
    """Open every screen and dialog over the hostile folder, checking each (and that it is the
    screen meant); returns the plain text of each screen, to see the stand-ins are there."""
    app = pilot.app
    workspace = app.workspace  # type: ignore[attr-defined]
    seen: list[str] = []

    async def check(where: str) -> None:
        await assert_shown(pilot, where)
        assert type(app.screen).__name__ == where.split(",")[0], where
        seen.append(screen_text(app))

    async def press(where: str, *keys: str) -> None:
        await pilot.press(*keys)
        await check(where)

    for mode in ("Applications", "Today", "Board"):
        await app.switch_mode(mode.lower())
        await check(f"{mode}Screen")
    await press("BoardScreen, closed stages", "c")
    await app.switch_mode("applications")
    await pilot.pause()
    select(app, "#applications", app_id)
    await press("ApplicationFormScreen", "e")
    await press("ApplicationFormScreen, at the notes", *["tab"] * 8)
    await press("ApplicationsScreen", "escape")
    await press("StagePickerScreen", "s")
    await press("ApplicationsScreen", "escape")
    await press("ConfirmScreen, delete", "d")
    await press("ApplicationsScreen", "escape")
    await press("InterviewPickerScreen", "i")
    await press("ApplicationsScreen", "escape")
    await press("ProblemsScreen", "p")
    await press("ApplicationsScreen", "escape")
    await press("HelpScreen", "question_mark")
    await press("ApplicationsScreen", "escape")
    await press("ApplicationDetailScreen", "enter")
    await press("ContactLogFormScreen", "l")
    await press("ApplicationDetailScreen", "escape")
    await press("ScheduleFormScreen", "I")
    await press("ApplicationDetailScreen", "escape")
    await press("HistoryScreen", "H")
    await press("ApplicationDetailScreen", "escape")
    await press("ApplicationsScreen", "escape")
    await press("Palette", "ctrl+p")
    await press("Palette, searching", *"evil")
    await press("ApplicationsScreen", "escape")
    await app.switch_mode("today")
    await pilot.pause()
    select(app, "#today-list", "thank-you")
    await press("SnoozePickerScreen", "z")
    await press("TodayScreen", "escape")
    await press("YourNameScreen", "d")
    await press("DraftScreen", "escape")
    await press("TodayScreen", "escape")
    await press("WeeklyReviewScreen", "w")
    await press("TodayScreen", "escape")
    for step in ("facts", "reflection", "checklist"):
        app.push_screen(InterviewScreen(workspace, app_id, interview_id, step))
        await check(f"InterviewScreen, {step}")
        await press("TodayScreen", "escape")
    app.push_screen(SignalsScreen(workspace, app_id, interview_id))
    await check("SignalsScreen")
    await press("TodayScreen", "escape")
    await app.switch_mode("applications")
    await pilot.pause()
    select(app, "#applications", app_id)
    await press("ConfirmScreen, delete", "d")
    await press("ApplicationsScreen, deleted", "y")
    await press("Palette, offering to undo the delete", "ctrl+p", *"undo")
    assert "Take back deleting Evil␛]0;owned" in seen[-1]
    await press("ApplicationsScreen", "escape")
    await press("DeletedScreen", "D")
    await press("ApplicationsScreen", "escape")
    app.notify(f"Added {EVIL}.", title=EVIL)
    await check("ApplicationsScreen, a toast")
    return seen


async def test_every_screen_shows_escape_sequences_and_never_sends_them(tmp_path: Path) -> None:
    store, app_id, interview_id = hostile_folder(tmp_path / "data")
    app = make_app(store, "applications")
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        seen = await visit_every_screen(pilot, app_id, interview_id)
    everything = "\n".join(seen)
    assert "Evil␛]0;owned" in everything  # shown as stand-ins, not dropped
    assert "Hand␛[2J" in everything and "Csv" in everything
    assert len({text for text in seen}) > 20  # the steps really did open different screens


async def test_edit_fields_show_stand_ins_and_keep_the_value(tmp_path: Path) -> None:
    """Textual draws an Input's or a TextArea's value as it is (it drops only BEL, BS, VT,
    FF and CR): ours show each control character as one stand-in, in place, so the cursor
    still sits where it should, and the value itself is untouched."""
    store, app_id, _ = hostile_folder(tmp_path / "data")
    app = make_app(store, "applications")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        select(app, "#applications", app_id)
        await pilot.press("e")
        await assert_shown(pilot, "edit form")
        company = app.screen.query_one("#company", Input)
        notes = app.screen.query_one("#notes", TextArea)
        assert company.value == EVIL and notes.text == EVIL
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert stored_record(store.root, app_id)["company"] == EVIL


def test_the_check_finds_raw_control_characters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without `shown` (its table emptied), the same screens leak: the check can fail."""
    monkeypatch.setattr(formatting, "_STAND_INS", {})
    monkeypatch.setattr(formatting, "_IN_PLACE", {})
    store, app_id, interview_id = hostile_folder(tmp_path / "data")

    async def run() -> None:
        app = make_app(store, "applications")
        async with app.run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            assert control_leaks(app)
            await pilot.press("e")
            await settle(pilot)
            assert control_leaks(app)

    import asyncio

    asyncio.run(run())


@pytest.mark.usefixtures("fixed_now_env")
def test_the_command_line_shows_escape_sequences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store, _, _ = hostile_folder(tmp_path / "data")
    folder = str(store.root)
    for args in (["list"], ["due"], ["list", "--json"], ["due", "--json"]):
        code, out, err = cli(capsys, "--data-dir", folder, *args)
        assert code == 0
        for name, text in (("stdout", out), ("stderr", err)):
            raw = CONTROL.sub("", text.replace("\n", ""))
            assert raw == text.replace("\n", ""), f"{args} {name}: {text!r}"
        assert "Evil" in out
    code, out, err = cli(capsys, "--data-dir", folder, "list")
    assert "Evil␛]0;owned␇␛[2J" in out
    assert "dam␛[2Jaged-abc123.toml" in err
