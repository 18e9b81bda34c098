"""The Applications screen, driven through the real UI with the Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from postinterview.app import PostInterviewApp
from postinterview.domain.editing import move_stage
from postinterview.domain.ids import PERSON_ID_PATTERN
from postinterview.domain.stages import Stage
from postinterview.storage.store import ApplicationStore, CannotSave
from postinterview.ui.screens.application_form import ApplicationFormScreen
from postinterview.ui.screens.applications import ApplicationsScreen
from postinterview.ui.screens.confirm import ConfirmScreen
from postinterview.ui.screens.help import HelpScreen
from postinterview.ui.screens.problems import ProblemsScreen
from postinterview.ui.screens.stage_picker import StagePickerScreen
from postinterview.ui.widgets.application_table import ApplicationTable
from tests.conftest import FIXED_NOW, sample_application
from tests.pilot_tools import make_app, poll, settle, stored_records, type_text

SIZE = (110, 40)


def main_screen(app: PostInterviewApp) -> ApplicationsScreen:
    return next(s for s in app.screen_stack if isinstance(s, ApplicationsScreen))


async def add_by_keys(pilot: Pilot[None], company: str, role: str) -> None:
    """Press n, type the company, tab, the role, and enter."""
    await pilot.press("n")
    await type_text(pilot, company)
    await pilot.press("tab")
    await type_text(pilot, role)
    await pilot.press("enter")
    await pilot.pause()


async def test_an_empty_folder_welcomes_and_leads_to_the_first_application(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert screen.query_one("#welcome").display
        assert not screen.query_one(ApplicationTable).display
        assert str(data_dir) in str(screen.query_one("#data-location", Static).render())
        await pilot.click("#add-first")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationFormScreen)
    assert not data_dir.exists()  # looking creates nothing


async def test_adding_an_application_by_keyboard_writes_its_toml_file(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await add_by_keys(pilot, "Acme Robotics", "Backend Engineer")
        assert not isinstance(app.screen, ApplicationFormScreen)
        table = main_screen(app).query_one(ApplicationTable)
        assert table.row_count == 1
        assert not main_screen(app).query_one("#welcome").display
    [record] = stored_records(data_dir)
    assert (record["company"], record["role"], record["stage"]) == (
        "Acme Robotics",
        "Backend Engineer",
        "applied",
    )
    assert record["created_at"] == FIXED_NOW


async def test_missing_fields_are_flagged_inline_and_nothing_is_written(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ApplicationFormScreen)
        company_error = form.query_one("#company-error", Static)
        assert company_error.display
        assert "Company is required" in str(company_error.render())
        assert "Role is required" in str(form.query_one("#role-error", Static).render())
        assert app.focused is form.query_one("#company", Input)
        await type_text(pilot, "Globex")
        assert not company_error.display  # the message goes as soon as it is fixed
    assert not (data_dir / "applications").exists()


@pytest.mark.parametrize(
    "typed, message",
    [("2026-13-01", "a year has 12 months"), ("2027-01-01", "Fri 1 Jan 2027 is in the future")],
)
async def test_a_bad_applied_date_is_explained_and_the_form_keeps_the_text(
    data_dir: Path, typed: str, message: str
) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        form = app.screen
        form.query_one("#company", Input).value = "Acme"
        form.query_one("#role", Input).value = "Engineer"
        form.query_one("#applied_on", Input).value = typed
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert message in str(form.query_one("#applied_on-hint", Static).render())
        assert form.query_one("#company", Input).value == "Acme"
    assert stored_records(data_dir) == []


async def test_a_duplicate_company_is_warned_about_before_it_is_saved(
    data_dir: Path,
) -> None:
    ApplicationStore(data_dir).create(sample_application("Acme, Inc."))
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await type_text(pilot, "ACME inc")
        await pilot.pause()
        form = app.screen
        warning = form.query_one("#duplicate-warning", Static)
        assert warning.display
        assert "Acme, Inc." in str(warning.render())
        await pilot.press("tab")
        await type_text(pilot, "Designer")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form  # first save only warns
        assert len(stored_records(data_dir)) == 1
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ApplicationFormScreen)
    assert sorted(r["company"] for r in stored_records(data_dir)) == ["ACME inc", "Acme, Inc."]


async def test_editing_saves_the_change_at_once(data_dir: Path) -> None:
    ApplicationStore(data_dir).create(sample_application())
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, ApplicationFormScreen)
        assert form.query_one("#role", Input).value == "Backend Engineer"
        form.query_one("#role", Input).value = "Staff Engineer"
        form.query_one("#recruiter_name", Input).value = "Rae Recruiter"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ApplicationFormScreen)
    [record] = stored_records(data_dir)
    assert record["role"] == "Staff Engineer"
    # Someone new: a fresh id of their own is stored with them (marks will refer to it).
    assert record["recruiter"] == {"id": record["recruiter"]["id"], "name": "Rae Recruiter"}
    assert PERSON_ID_PATTERN.fullmatch(record["recruiter"]["id"])
    assert record["notes"] == "Met at the meetup."  # untouched fields stay


async def test_moving_a_stage_by_keys_is_saved_with_its_history(data_dir: Path) -> None:
    ApplicationStore(data_dir).create(sample_application())
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StagePickerScreen)
        await pilot.press("down", "enter")  # Screening is highlighted first; down: Interviewing
        await pilot.pause()
    [record] = stored_records(data_dir)
    assert record["stage"] == "interviewing"
    history = record["stage_history"]
    assert isinstance(history, list)
    assert [(h.get("from_stage"), h["to_stage"]) for h in history] == [
        (None, "applied"),
        ("applied", "interviewing"),
    ]


async def test_impossible_stage_moves_are_shown_disabled_with_the_reason(data_dir: Path) -> None:
    ApplicationStore(data_dir).create(sample_application())
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        accepted = options.get_option(Stage.ACCEPTED.value)
        assert accepted.disabled
        assert "Only an offer can be accepted" in str(accepted.prompt)
        assert not options.get_option(Stage.OFFER.value).disabled


async def test_delete_asks_first_and_moves_the_file_aside(data_dir: Path) -> None:
    stored = ApplicationStore(data_dir).create(sample_application())
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # no: nothing happens
        await pilot.pause()
        assert len(stored_records(data_dir)) == 1
        await pilot.press("d", "y")
        await pilot.pause()
        assert main_screen(app).query_one("#welcome").display
    assert stored_records(data_dir) == []
    [moved] = (data_dir / "deleted").iterdir()
    assert moved.name.startswith(stored.application.id)


async def test_a_second_app_on_the_same_folder_sees_the_data(data_dir: Path) -> None:
    first = make_app(data_dir)
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await add_by_keys(pilot, "Initech", "Analyst")
    second = make_app(data_dir)
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(second)
        assert [s.application.company for s in screen.entries.values()] == ["Initech"]
        assert screen.query_one(ApplicationTable).row_count == 1


async def test_changes_from_another_window_appear_without_restarting(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        ApplicationStore(data_dir).create(sample_application("Hooli"))
        await poll(pilot)
        assert main_screen(app).query_one(ApplicationTable).row_count == 1


async def test_an_edit_clashing_with_another_window_is_not_lost(data_dir: Path) -> None:
    store = ApplicationStore(data_dir)
    stored = store.create(sample_application())
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        form = app.screen
        # Meanwhile, another window moves the stage and rewrites the notes.
        store.update(
            stored.application.id,
            lambda a: move_stage(a, Stage.SCREENING, FIXED_NOW).revised(notes="Theirs"),
            None,
        )
        form.query_one("#role", Input).value = "Lead"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ApplicationFormScreen)  # no clash on role
        [record] = stored_records(data_dir)
        assert (record["role"], record["stage"], record["notes"]) == ("Lead", "screening", "Theirs")

        await pilot.press("e")
        form = app.screen
        store.update(stored.application.id, lambda a: a.revised(notes="Theirs again"), None)
        form.query_one("#notes").text = "Mine"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # the clash is shown, the form stays open with our text
        assert "Changed elsewhere" in str(form.query_one("#form-error", Static).render())
        assert stored_records(data_dir)[0]["notes"] == "Theirs again"
        await pilot.press("ctrl+s")  # saving again is a deliberate choice to replace theirs
        await pilot.pause()
    assert stored_records(data_dir)[0]["notes"] == "Mine"


async def test_a_failed_save_keeps_the_form_open_with_the_reason(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*_: object) -> None:
        raise CannotSave("Could not save Acme: No space left on device. Nothing was lost.")

    monkeypatch.setattr(ApplicationStore, "create", disk_full)
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await add_by_keys(pilot, "Acme", "Engineer")
        form = app.screen
        assert isinstance(form, ApplicationFormScreen)
        assert "No space left" in str(form.query_one("#form-error", Static).render())
        assert form.query_one("#role", Input).value == "Engineer"


async def test_damaged_files_are_listed_and_can_be_moved_aside(data_dir: Path) -> None:
    store = ApplicationStore(data_dir)
    store.create(sample_application())
    broken = store.folder / "broken-abc123.toml"
    broken.write_bytes(b'company = "oops\n')
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        banner = screen.query_one("#problems-banner", Static)
        assert banner.display
        assert "1 file could not be read" in str(banner.render())
        assert screen.query_one(ApplicationTable).row_count == 1
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        listed = str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert "broken-abc123.toml" in listed and "not valid TOML" in listed
        await pilot.press("m")
        await settle(pilot)
        assert not isinstance(app.screen, ProblemsScreen)
        assert not main_screen(app).query_one("#problems-banner").display
    [moved] = (data_dir / "quarantine").iterdir()
    assert moved.read_bytes() == b'company = "oops\n'


async def test_help_and_the_command_palette_offer_the_actions(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for expected in ("Add application", "Change stage", "Delete application", "Help"):
            assert expected in titles
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationsScreen)
