"""Nothing typed in a form is lost: kept on ctrl+q and offered back at the next start,
escape asks once the form has changed, and a form error shows itself at 80x24 with the
focus on the field at fault. Driven through the real UI with the Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, Select, TextArea

from postinterview.domain.editing import apply_field_edits
from postinterview.domain.models import CompanySize
from postinterview.storage import paths
from postinterview.storage.store import ApplicationStore, CannotSave
from postinterview.ui.screens.application_form import ApplicationFormScreen
from postinterview.ui.screens.interview import InterviewScreen
from postinterview.ui.screens.quick_application import QuickApplicationScreen
from postinterview.ui.screens.unsaved import RestoreOfferScreen, UnsavedQuestionScreen
from tests.conftest import FIXED_NOW, sample_application
from tests.pilot_tools import make_app, settle, stored_record, stored_records, type_text

SIZE = (80, 24)


def kept_files(data_dir: Path) -> list[Path]:
    folder = paths.unsaved_dir(data_dir)
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


async def open_add_form(pilot: Pilot[None], company: str, role: str) -> ApplicationFormScreen:
    await settle(pilot)
    await pilot.press("n")
    await type_text(pilot, company)
    await pilot.press("tab")
    await type_text(pilot, role)
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, ApplicationFormScreen)
    return form


async def quit_with_ctrl_q(pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+q")
    await pilot.pause()


async def test_text_typed_in_the_add_form_survives_ctrl_q_and_is_restored(
    data_dir: Path,
) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_add_form(pilot, "Acme", "Designer")
        form.query_one("#notes", TextArea).text = "Ask about the team"
        form.query_one("#company_size", Select).value = CompanySize.SMALL
        await quit_with_ctrl_q(pilot)
    assert stored_records(data_dir) == []  # nothing saved behind the person's back
    assert len(kept_files(data_dir)) == 1

    again = make_app(data_dir)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        offer = again.screen
        assert isinstance(offer, RestoreOfferScreen)
        assert "You were adding Acme — Designer when the app closed" in str(
            offer.query_one(".dialog-detail").render()
        )
        await pilot.press("r")
        await pilot.pause()
        form = again.screen
        assert isinstance(form, ApplicationFormScreen)
        assert form.query_one("#company", Input).value == "Acme"
        assert form.query_one("#role", Input).value == "Designer"
        assert form.query_one("#notes", TextArea).text == "Ask about the team"
        assert form.query_one("#company_size", Select).value == CompanySize.SMALL
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(again.screen, ApplicationFormScreen)
    [record] = stored_records(data_dir)
    assert (record["company"], record["role"], record["notes"]) == (
        "Acme",
        "Designer",
        "Ask about the team",
    )
    assert kept_files(data_dir) == []  # saved: nothing left to offer

    third = make_app(data_dir)
    async with third.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not isinstance(third.screen, RestoreOfferScreen)


async def test_text_is_kept_as_it_is_typed_not_only_on_quit(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await open_add_form(pilot, "Acme", "Designer")
        await pilot.pause(0.8)  # past the pause after which typing is written down
        [path] = kept_files(data_dir)
        text = path.read_text("utf-8")
        assert 'company = "Acme"' in text and 'role = "Designer"' in text


async def test_discarding_the_offer_removes_the_text_and_later_keeps_it(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await open_add_form(pilot, "Acme", "Designer")
        await quit_with_ctrl_q(pilot)
    for answer, left in (("escape", 1), ("d", 0)):
        again = make_app(data_dir)
        async with again.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert isinstance(again.screen, RestoreOfferScreen)
            await pilot.press(answer)
            await pilot.pause()
            assert not isinstance(again.screen, RestoreOfferScreen | ApplicationFormScreen)
        assert len(kept_files(data_dir)) == left


async def test_an_edit_is_restored_over_what_changed_elsewhere_since(data_dir: Path) -> None:
    store = ApplicationStore(data_dir)
    app_id = store.create(sample_application("Acme", "Designer")).application.id
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ApplicationFormScreen)
        form.query_one("#role", Input).value = "Lead Designer"
        await pilot.pause()
        await quit_with_ctrl_q(pilot)
    # Meanwhile, another window (or a sync) changes the location.
    store.update(
        app_id,
        lambda a: apply_field_edits(a, {"location": "Leeds"}, FIXED_NOW),
        store.load(app_id).revision,
    )
    again = make_app(data_dir)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, RestoreOfferScreen)
        await pilot.press("r")
        await pilot.pause()
        form = again.screen
        assert isinstance(form, ApplicationFormScreen) and not form.is_new
        assert form.query_one("#role", Input).value == "Lead Designer"
        assert form.query_one("#location", Input).value == "Leeds"
        await pilot.press("ctrl+s")
        await pilot.pause()
    record = stored_record(data_dir, app_id)
    assert (record["role"], record["location"]) == ("Lead Designer", "Leeds")


async def test_the_short_form_survives_ctrl_q_and_leads_on_to_the_interview(
    data_dir: Path,
) -> None:
    app = make_app(data_dir, start_mode="today")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, QuickApplicationScreen)
        await type_text(pilot, "Acme")
        await pilot.press("tab")
        await type_text(pilot, "Designer")
        await quit_with_ctrl_q(pilot)
    again = make_app(data_dir, start_mode="today")
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await pilot.pause()
        form = again.screen
        assert isinstance(form, QuickApplicationScreen)
        assert form.query_one("#role", Input).value == "Designer"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(again.screen, InterviewScreen)
    [record] = stored_records(data_dir)
    assert (record["company"], record["role"], len(record["interviews"])) == (
        "Acme",
        "Designer",
        1,
    )
    assert kept_files(data_dir) == []


# Escape ------------------------------------------------------------------------------------


async def test_escape_on_an_unchanged_form_closes_at_once(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationFormScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ApplicationFormScreen | UnsavedQuestionScreen)


async def test_escape_on_a_changed_form_asks_and_each_answer_does_what_it_says(
    data_dir: Path,
) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_add_form(pilot, "Acme", "Designer")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedQuestionScreen)
        await pilot.press("escape")  # keep editing
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#role", Input).value == "Designer"
        await type_text(pilot, "s")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("s")  # save
        await pilot.pause()
        assert not isinstance(app.screen, ApplicationFormScreen | UnsavedQuestionScreen)
        [record] = stored_records(data_dir)
        assert record["role"] == "Designers"

        form = await open_add_form(pilot, "Beta", "Writer")
        await pilot.pause(0.8)
        assert len(kept_files(data_dir)) == 1
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("d")  # discard
        await pilot.pause()
        assert not isinstance(app.screen, ApplicationFormScreen | UnsavedQuestionScreen)
    assert len(stored_records(data_dir)) == 1
    assert kept_files(data_dir) == []


async def test_escape_on_a_changed_short_form_asks_too(data_dir: Path) -> None:
    app = make_app(data_dir, start_mode="today")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await type_text(pilot, "Acme")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedQuestionScreen)


# Errors in view ----------------------------------------------------------------------------


def in_view(form: Widget, widget: Widget) -> bool:
    """True when all of `widget` shows inside the form's scrolling area."""
    scroller = form.query_one(VerticalScroll)
    region = widget.region
    return bool(region) and scroller.content_region.contains_region(region)


async def test_a_duplicate_found_from_the_bottom_of_the_form_shows_at_the_company(
    data_dir: Path,
) -> None:
    ApplicationStore(data_dir).create(sample_application("Acme"))
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_add_form(pilot, "Acme", "Designer")
        recruiter_phone = form.query_one("#recruiter_phone", Input)
        recruiter_phone.focus()
        await pilot.pause()
        assert not in_view(form, form.query_one("#company", Input))
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is form.query_one("#company", Input)
        warning = form.query_one("#duplicate-warning")
        assert in_view(form, warning) and in_view(form, form.query_one("#company", Input))
        assert "Save again to add it anyway" in str(warning.render())
        await pilot.press("enter")
        await settle(pilot)
    assert len(stored_records(data_dir)) == 2


async def test_a_field_at_fault_below_the_fold_gets_the_focus_and_its_message_shows(
    data_dir: Path,
) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_add_form(pilot, "Acme", "Designer")
        email = form.query_one("#recruiter_email", Input)
        email.value = "rae@example.com"  # a recruiter's details without their name
        form.query_one("#company", Input).focus()
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is form.query_one("#recruiter_name", Input)
        message = form.query_one("#recruiter_name-error")
        assert in_view(form, message) and "recruiter's name" in str(message.render())
    assert stored_records(data_dir) == []


async def test_a_save_that_fails_shows_why_with_the_focus_on_save(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*_: object) -> None:
        raise CannotSave("Could not save Acme: No space left on device. Nothing was lost.")

    monkeypatch.setattr(ApplicationStore, "create", disk_full)
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_add_form(pilot, "Acme", "Designer")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is form
        assert app.focused is form.query_one("#save")
        message = form.query_one("#form-error")
        assert in_view(form, message) and "No space left" in str(message.render())
