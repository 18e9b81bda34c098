"""Files written by a newer postinterview (issue 12, item 5): shown read-only, never changed.

A newer version's file is read with today's models as far as they go; if it fits, it is listed
everywhere like any other, marked read-only, and every write to it is refused with the reason,
its bytes left exactly as they were. If it does not fit, it stays an unreadable file.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Static

from postinterview.app import PostInterviewApp
from postinterview.domain.editing import move_stage
from postinterview.domain.stages import Stage
from postinterview.storage.codec import decode_record
from postinterview.storage.migrations import SCHEMA_VERSION, MigrationError, NewerSchema, migrate
from postinterview.storage.store import ApplicationStore, StoreError, WrittenByNewerVersion
from postinterview.ui.screens.application_detail import ApplicationDetailScreen
from postinterview.ui.screens.board import BoardScreen
from postinterview.ui.screens.interview import InterviewScreen
from postinterview.ui.screens.today import TodayScreen
from postinterview.ui.widgets.board_column import card_prompt
from postinterview.workspace import Workspace
from tests.conftest import FIXED_NOW, sample_application
from tests.pilot_tools import make_app, settle

NEWER = 99
APP_ID = "acme-robotics-new999"


def write_newer_file(store: ApplicationStore, valid: bool = True) -> Path:
    """A file as a newer postinterview might write it: schema 99, a key and a table this
    version does not know; when not `valid`, a stage this version has no name for."""
    interview = {
        "id": "i1",
        "at": FIXED_NOW - timedelta(days=1),
        "interviewers": [{"id": "ann", "name": "Ann"}],
    }
    created = store.create(sample_application().revised(interviews=[interview]))
    path = store.path_for(created.application.id)
    text = path.read_text("utf-8")
    text = text.replace(f"schema_version = {SCHEMA_VERSION}\n", f"schema_version = {NEWER}\n")
    text = text.replace('\nstage = "applied"', '\nstage = "applied"\nmood = "hopeful"')
    text = text.replace("\n[file_end]", '\n[future_table]\nflavour = "kept"\n\n[file_end]')
    if not valid:
        text = text.replace('stage = "applied"', 'stage = "hired-on-the-spot"')
    newer = store.path_for(APP_ID)
    newer.write_text(text, "utf-8")
    path.unlink()
    return newer


# Storage -----------------------------------------------------------------------------------


def test_migrate_still_refuses_to_migrate_a_newer_schema() -> None:
    with pytest.raises(NewerSchema, match=f"newer postinterview \\(schema {NEWER}\\)") as caught:
        migrate({"company": "A"}, NEWER)
    assert isinstance(caught.value, MigrationError)
    assert caught.value.version == NEWER


def test_the_codec_hands_over_a_newer_record_unmigrated() -> None:
    raw = f'schema_version = {NEWER}\ncompany = "A"\nx = 1\n[file_end]\nwritten_by = "v9"\n'
    decoded = decode_record(raw.encode())
    assert decoded.newer_schema == NEWER
    assert decoded.migrated_from is None
    assert decoded.data == {"company": "A", "x": 1}


def test_a_newer_file_that_fits_loads_read_only_with_its_data(store: ApplicationStore) -> None:
    write_newer_file(store)
    result = store.load_all()
    assert result.problems == []
    [stored] = result.applications
    assert stored.application.id == APP_ID
    assert stored.application.company == "Acme Robotics"
    assert stored.application.stage is Stage.APPLIED
    extra = stored.application.model_extra or {}
    assert extra["mood"] == "hopeful"
    assert extra["future_table"] == {"flavour": "kept"}
    assert stored.newer_schema == NEWER
    assert f"newer postinterview (schema {NEWER})" in stored.read_only
    assert "update postinterview" in stored.read_only
    assert store.load(APP_ID).read_only == stored.read_only


def test_an_ordinary_file_is_not_read_only(store: ApplicationStore) -> None:
    stored = store.create(sample_application())
    assert stored.read_only == "" and stored.newer_schema is None
    assert store.load(stored.application.id).read_only == ""


def test_every_write_to_a_newer_file_is_refused_and_its_bytes_kept(
    store: ApplicationStore, now: datetime
) -> None:
    path = write_newer_file(store)
    before = path.read_bytes()
    stat_before = path.stat()
    seen = store.load(APP_ID)
    with pytest.raises(WrittenByNewerVersion) as refused:
        store.update(APP_ID, lambda a: move_stage(a, Stage.SCREENING, now), seen.revision)
    message = str(refused.value)
    assert f"written by a newer postinterview (schema {NEWER})" in message
    assert "Update postinterview to change it" in message
    assert isinstance(refused.value, StoreError)
    with pytest.raises(WrittenByNewerVersion):
        store.update(APP_ID, lambda a: a, None)  # even a change that changes nothing
    with pytest.raises(WrittenByNewerVersion):
        store.delete(APP_ID, seen.revision)
    with pytest.raises(WrittenByNewerVersion):
        store.quarantine(path)
    with pytest.raises(StoreError):
        store.create(sample_application().model_copy(update={"id": APP_ID}))
    assert path.read_bytes() == before
    assert path.stat().st_ino == stat_before.st_ino  # not replaced by an identical copy
    assert path.stat().st_mtime_ns == stat_before.st_mtime_ns
    assert not (store.root / "deleted").exists()
    assert not (store.root / "quarantine").exists()


def test_the_refusal_checks_the_file_on_disk_not_what_the_caller_read(
    store: ApplicationStore, now: datetime
) -> None:
    """A sync may bring a newer version's file after this window read the old one."""
    path = write_newer_file(store)
    newer_bytes = path.read_bytes()
    old = newer_bytes.replace(
        f"schema_version = {NEWER}\n".encode(), f"schema_version = {SCHEMA_VERSION}\n".encode()
    )
    path.write_bytes(old)
    seen = store.load(APP_ID)
    assert seen.read_only == ""
    path.write_bytes(newer_bytes)  # the sync
    with pytest.raises(WrittenByNewerVersion):
        store.update(APP_ID, lambda a: move_stage(a, Stage.SCREENING, now), seen.revision)
    assert path.read_bytes() == newer_bytes


def test_a_newer_file_that_does_not_fit_is_a_problem(store: ApplicationStore) -> None:
    path = write_newer_file(store, valid=False)
    before = path.read_bytes()
    result = store.load_all()
    assert result.applications == []
    [problem] = result.problems
    assert problem.path == path
    assert f"written by a newer postinterview (schema {NEWER})" in problem.message
    assert "field stage" in problem.message
    assert "Update postinterview to open it" in problem.message
    with pytest.raises(StoreError):
        store.update(APP_ID, lambda a: a, None)
    assert path.read_bytes() == before


# The workspace -------------------------------------------------------------------------------


def test_the_workspace_holds_a_newer_record_and_turns_a_refused_save_into_its_message(
    store: ApplicationStore, now: datetime
) -> None:
    path = write_newer_file(store)
    before = path.read_bytes()
    workspace = Workspace(store, clock=lambda: FIXED_NOW)
    workspace.apply(workspace.read_all())
    assert workspace.problems == []
    assert workspace.records[APP_ID].read_only
    assert workspace.read_only(APP_ID) == workspace.records[APP_ID].read_only
    assert workspace.read_only("not-there-abc123") == ""
    assert any("Ann" in a.text for a in workspace.plan(APP_ID))  # derived like any other

    outcome = workspace.update(APP_ID, lambda a: move_stage(a, Stage.SCREENING, now))
    assert not outcome.ok
    assert f"written by a newer postinterview (schema {NEWER})" in outcome.error
    assert "Update postinterview to change it" in outcome.error
    deleted, moved_to = workspace.delete(APP_ID)
    assert not deleted.ok and moved_to is None
    assert "newer postinterview" in deleted.error
    assert path.read_bytes() == before
    assert workspace.records[APP_ID].read_only  # still listed, still read-only


# The screens -------------------------------------------------------------------------------

SIZE = (130, 40)


def messages(app: App[None]) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def open_detail_from_board(pilot: Pilot[None]) -> ApplicationDetailScreen:
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, BoardScreen)
    assert screen.selected_id() == APP_ID
    await pilot.press("enter")
    await settle(pilot)
    detail = pilot.app.screen
    assert isinstance(detail, ApplicationDetailScreen)
    return detail


async def test_the_detail_shows_why_it_cannot_be_changed_and_refuses_every_edit(
    store: ApplicationStore,
) -> None:
    path = write_newer_file(store)
    before = path.read_bytes()
    async with make_app(store, "board").run_test(size=SIZE, notifications=True) as pilot:
        detail = await open_detail_from_board(pilot)
        banner = detail.query_one("#detail-read-only", Static)
        assert banner.display
        text = str(banner.render())
        assert text.startswith("Read-only:")
        assert f"written by a newer postinterview (schema {NEWER})" in text
        assert "update postinterview to change it" in text
        assert "Acme Robotics" in str(detail.query_one("#detail-title", Static).render())
        for key in ("s", "e", "l"):
            await pilot.press(key)
            await pilot.pause()
            assert pilot.app.screen is detail, f"{key} opened a dialog"
        assert messages(pilot.app).count(text) == 3
    assert path.read_bytes() == before


async def test_an_ordinary_detail_has_no_banner(store: ApplicationStore) -> None:
    store.create(sample_application().model_copy(update={"id": APP_ID}))
    async with make_app(store, "board").run_test(size=SIZE) as pilot:
        detail = await open_detail_from_board(pilot)
        assert not detail.query_one("#detail-read-only", Static).display


async def test_stage_keys_on_the_board_end_with_the_reason_and_the_file_unchanged(
    store: ApplicationStore,
) -> None:
    path = write_newer_file(store)
    before = path.read_bytes()
    async with make_app(store, "board").run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, BoardScreen)
        card = screen.cards[APP_ID]
        assert card.read_only
        assert "read-only" in card_prompt(card, FIXED_NOW).plain
        assert card.matches("read-only")
        for key in ("s", "greater_than_sign", "d", "e"):
            await pilot.press(key)
            await pilot.pause()
            assert pilot.app.screen is screen, f"{key} opened a dialog"
            assert "newer postinterview" in messages(pilot.app)[-1]
        assert screen.cards[APP_ID].stage is Stage.APPLIED
    assert path.read_bytes() == before


async def test_the_list_marks_the_row_read_only(store: ApplicationStore) -> None:
    write_newer_file(store)
    store.create(sample_application("Other Co"))
    async with make_app(store, "applications").run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = pilot.app.screen.query_one(DataTable)
        stages = {str(key.value): table.get_row(key)[2].plain for key in table.rows}
    assert stages[APP_ID] == "Applied (read-only)"
    assert [stage for app_id, stage in stages.items() if app_id != APP_ID] == ["Applied"]


async def test_ticking_its_action_on_today_ends_with_the_refusal(store: ApplicationStore) -> None:
    path = write_newer_file(store)
    before = path.read_bytes()
    async with make_app(store, "today").run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, TodayScreen)
        row = f"{APP_ID}/thank-you:ann"
        assert row in screen.rows  # its actions are still listed
        listing = screen.query_one("#today-list", OptionList)
        listing.highlighted = next(i for i, o in enumerate(listing.options) if o.id == row)
        await pilot.press("space")
        await pilot.pause()
        last = messages(pilot.app)[-1]
        assert f"written by a newer postinterview (schema {NEWER})" in last
        assert "Update postinterview to change it" in last
        assert row in screen.rows  # still to do: nothing was ticked
    assert path.read_bytes() == before


async def test_its_interview_says_it_is_read_only_and_typing_changes_nothing(
    store: ApplicationStore,
) -> None:
    path = write_newer_file(store)
    before = path.read_bytes()
    async with make_app(store).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app = pilot.app
        assert isinstance(app, PostInterviewApp)
        screen = InterviewScreen(app.workspace, APP_ID, "i1")
        await app.push_screen(screen)
        await pilot.pause()
        status = str(screen.query_one("#save-status", Static).render())
        assert status.startswith("Read-only: written by a newer postinterview")
        screen.query_one("#next_steps", Input).value = "Typed anyway"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Not saved" in str(screen.query_one("#save-status", Static).render())
    assert path.read_bytes() == before
