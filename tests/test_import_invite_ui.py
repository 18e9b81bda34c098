"""An invitation imported from the app's "Import a file" screen: what it says on screen, the
application it goes to (named by it, chosen, or new), one `u` taking it back; checked on disk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Button, Input

from postinterview.app import PostInterviewApp
from postinterview.storage.store import ApplicationStore
from postinterview.ui.screens.import_file import ImportFileScreen
from postinterview.ui.widgets.option_list import OptionList
from postinterview.ui.widgets.shown_text import PlainText
from tests.conftest import sample_application
from tests.pilot_tools import make_app, settle, stored_records, type_text
from tests.test_import_invite import FIXTURES

SIZE = (120, 40)
GOOGLE = FIXTURES / "google.ics"
UID = "5k2v9qv0m1a7c3hq2bd4ph8r1e@google.com"


def _notices(app: PostInterviewApp) -> list[str]:
    return [notification.message for notification in app._notifications]


def _text(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, PlainText).render())


def _folder(data_dir: Path, *companies: str) -> None:
    store = ApplicationStore(data_dir)
    for company in companies:
        store.create(sample_application(company, "Product Designer"))
    # The person's own name, from the settings: a colleague's here, to see it left out.
    (data_dir / "settings.toml").write_text('[you]\nname = "Lee Park"\n', "utf-8")


async def _open(pilot: Any, path: Path) -> ImportFileScreen:
    """Open the import screen with `o`, type `path`, enter."""
    await settle(pilot)
    await pilot.press("o")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ImportFileScreen)
    await type_text(pilot, str(path))
    await pilot.press("enter")
    await settle(pilot)
    return screen


async def test_an_invitation_goes_to_the_application_it_names_and_u_takes_it_back(
    data_dir: Path,
) -> None:
    _folder(data_dir, "Acme", "Globex")
    app = make_app(data_dir, "applications")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await _open(pilot, GOOGLE)
        lines = _text(screen, "#import-lines").splitlines()
        assert lines[0] == "Invitation: Interview with Acme: Product Designer"
        assert lines[-1] == "Adds the interview to Product Designer at Acme."
        assert "Lee Park" not in next(line for line in lines if line.startswith("With: "))
        assert str(screen.query_one("#import", Button).label) == "Add the interview  ctrl+s"
        assert not screen.query_one("#import-choices", OptionList).display
        assert all("interviews" not in record for record in stored_records(data_dir))
        await pilot.press("enter")  # the button has the focus
        await settle(pilot)
        records = {record["company"]: record for record in stored_records(data_dir)}
        [interview] = records["Acme"]["interviews"]
        assert interview["calendar_uid"] == UID
        people = {person["name"]: person.get("email") for person in interview["interviewers"]}
        assert people["Dana Whitfield"] == "dana.whitfield@acme.com"
        assert "Lee Park" not in people  # the name in the settings
        assert records["Acme"]["stage"] == "interviewing"
        assert "interviews" not in records["Globex"]
        assert any(notice.startswith("Added the interview on ") for notice in _notices(app))
        await pilot.press("u")
        await settle(pilot)
        records = {record["company"]: record for record in stored_records(data_dir)}
        assert "interviews" not in records["Acme"] and records["Acme"]["stage"] == "applied"


async def test_a_cancelled_invitation_shows_the_reason_and_writes_nothing(
    data_dir: Path,
) -> None:
    _folder(data_dir, "Acme")
    files = sorted((data_dir / "applications").glob("*.toml"))
    before = [path.read_bytes() for path in files]
    app = make_app(data_dir, "applications")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await _open(pilot, FIXTURES / "cancelled.ics")
        status = _text(screen, "#import-status")
        assert status == "cancelled.ics: the invitation cancels the event, so no interview is added"
        assert screen.query_one("#import-status").has_class("error")
        assert screen.query_one("#import", Button).disabled
        await pilot.press("ctrl+s")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ImportFileScreen)
    assert sorted((data_dir / "applications").glob("*.toml")) == files
    assert [path.read_bytes() for path in files] == before


async def test_several_applications_named_are_chosen_among(data_dir: Path) -> None:
    _folder(data_dir, "Acme", "Acme")
    app = make_app(data_dir, "applications")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await _open(pilot, GOOGLE)
        choices = screen.query_one("#import-choices", OptionList)
        assert choices.display and choices.has_focus and choices.option_count == 3
        assert screen.query_one("#import", Button).disabled
        assert _text(screen, "#import-status") == "Choose the application it is for, then enter."
        chosen_id = choices.get_option_at_index(1).id
        await pilot.press("down", "enter")
        await settle(pilot)
        assert not screen.query_one("#import", Button).disabled
        await pilot.press("ctrl+s")
        await settle(pilot)
        files = sorted((data_dir / "applications").glob("*.toml"))
        with_interview = [path.stem for path in files if UID in path.read_text("utf-8")]
        assert with_interview == [chosen_id]


async def test_an_invitation_naming_none_can_start_a_new_application(data_dir: Path) -> None:
    _folder(data_dir, "Globex")
    app = make_app(data_dir, "applications")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await _open(pilot, GOOGLE)
        choices = screen.query_one("#import-choices", OptionList)
        assert choices.option_count == 2  # Globex, and a new application
        await pilot.press("down", "enter")
        await settle(pilot)
        assert screen.query_one("#new-company", Input).has_focus
        await type_text(pilot, "Acme")
        await pilot.press("enter")
        assert screen.query_one("#new-role", Input).has_focus
        await pilot.press("enter")  # no role yet
        await settle(pilot)
        assert _text(screen, "#import-status") == "Type the new application's company and its role."
        assert screen.query_one("#import", Button).disabled
        await type_text(pilot, "Designer")
        await pilot.press("enter")
        await settle(pilot)
        lines = _text(screen, "#import-lines").splitlines()
        assert lines[-1] == "Adds the interview to a new application, Designer at Acme."
        await pilot.press("ctrl+s")
        await settle(pilot)
        records = {record["company"]: record for record in stored_records(data_dir)}
        assert sorted(records) == ["Acme", "Globex"]
        assert records["Acme"]["role"] == "Designer"
        assert records["Acme"]["interviews"][0]["calendar_uid"] == UID


async def test_in_a_short_terminal_the_preview_and_the_button_stay_in_view(data_dir: Path) -> None:
    """60x20: the page scrolls instead of squeezing the preview to nothing, and the button
    the focus moves to is on screen."""
    _folder(data_dir, "Globex")
    app = make_app(data_dir, "applications")
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        screen = await _open(pilot, GOOGLE)
        await pilot.press("down", "enter")
        await settle(pilot)
        await type_text(pilot, "Acme")
        await pilot.press("enter")
        await type_text(pilot, "Designer")
        await pilot.press("enter")
        await settle(pilot)
        preview = screen.query_one("#import-preview")
        button = screen.query_one("#import", Button)
        assert preview.content_region.height >= 3
        assert button.has_focus and not button.disabled
        assert screen.region.contains_region(button.region)
