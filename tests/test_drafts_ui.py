"""Drafts in the app: signed as the person chose (asked once), and personal to each reader."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Label, Static, TextArea

from postinterview.ui.screens.draft import DraftScreen
from postinterview.ui.screens.today import TodayScreen
from postinterview.ui.screens.your_name import YourNameScreen
from postinterview.ui.widgets.interest_lines import InterestLines
from tests.pilot_tools import make_app, settle, stored_record, type_text, wait_until
from tests.pipeline import OVERDUE_ID, seed_pipeline
from tests.test_interview_flow import push_interview, with_interview
from tests.test_today import highlight

SIZE = (130, 44)
SETTINGS = """# tuned by hand
[follow_up]
quiet_after_days = 10 # I check weekly
"""


async def open_draft(pilot: Pilot[None], option_id: str) -> None:
    await highlight(pilot, option_id)
    await pilot.press("d")
    await pilot.pause()


def shown_draft(pilot: Pilot[None]) -> DraftScreen:
    screen = pilot.app.screen
    assert isinstance(screen, DraftScreen)
    return screen


async def test_the_name_is_asked_once_and_saved_with_the_rest_of_the_settings(
    data_dir: Path,
) -> None:
    seed_pipeline(data_dir)
    settings = data_dir / "settings.toml"
    settings.write_text(SETTINGS, "utf-8")
    async with make_app(data_dir, "today").run_test(size=SIZE) as pilot:
        await open_draft(pilot, f"{OVERDUE_ID}/thank-you:ana-ruiz")
        dialog = pilot.app.screen
        assert isinstance(dialog, YourNameScreen)
        await pilot.press("enter")  # no name yet: said inline, and the dialog stays
        await pilot.pause()
        error = str(dialog.query_one("#your-name-error", Static).render())
        assert "Type your name" in error and pilot.app.screen is dialog
        await type_text(pilot, "Sam Lee")
        await pilot.press("tab", "ctrl+a", "ctrl+k")
        await type_text(pilot, "Best wishes")
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = shown_draft(pilot).query_one("#draft-text-0", TextArea).text
        assert text.startswith("Subject: ") and text.endswith("Best wishes,\nSam Lee")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TodayScreen)
        await open_draft(pilot, f"{OVERDUE_ID}/thank-you:ben-okafor")  # not asked again
        assert shown_draft(pilot).drafts[0].body.endswith("Best wishes,\nSam Lee")
    written = settings.read_text("utf-8")
    assert written.startswith(SETTINGS)  # the comments and the other settings, as they were
    assert tomllib.loads(written)["you"] == {"name": "Sam Lee", "sign_off": "Best wishes"}


async def test_settings_that_cannot_be_read_are_left_alone_and_the_name_still_used(
    data_dir: Path,
) -> None:
    seed_pipeline(data_dir)
    settings = data_dir / "settings.toml"
    settings.write_text("[follow_up\n", "utf-8")
    async with make_app(data_dir, "today").run_test(size=SIZE, notifications=True) as pilot:
        await open_draft(pilot, f"{OVERDUE_ID}/thank-you:ana-ruiz")
        await type_text(pilot, "Sam Lee")
        await pilot.press("enter")
        await pilot.pause()
        assert shown_draft(pilot).drafts[0].body.endswith("Kind regards,\nSam Lee")
        messages = [n.message for n in pilot.app._notifications]
        assert any("not saved" in m and "left as it is" in m for m in messages)
    assert settings.read_text("utf-8") == "[follow_up\n"


async def test_the_thank_you_shows_what_you_may_add_and_where_the_advice_differs(
    data_dir: Path,
) -> None:
    stored = with_interview(
        data_dir,
        interviewers=[{"id": "ana", "name": "Ana Ruiz", "email": "ana@acme.test"}],
        reflection={"forgot_to_say": "My open-source work."},
    )
    (data_dir / "settings.toml").write_text('[you]\nname = "Sam Lee"\n', "utf-8")
    async with make_app(data_dir, "today").run_test(size=SIZE) as pilot:
        await open_draft(pilot, f"{stored.application.id}/thank-you:ana")
        draft = shown_draft(pilot)
        beside = str(draft.query_one(".draft-reminders", Static).render())
        assert "To: ana@acme.test" in beside
        assert "A line you may add" in beside
        assert '"One thing I would add to our conversation: my open-source work."' in beside
        assert "Where the advice differs" in beside and "never to write that you forgot" in beside
        assert "open-source" not in draft.query_one("#draft-text-0", TextArea).text


async def test_what_interested_each_interviewer_goes_in_their_own_note(data_dir: Path) -> None:
    stored = with_interview(
        data_dir,
        interviewers=[{"id": "ana", "name": "Ana Ruiz"}, {"id": "ben", "name": "Ben Okafor"}],
    )
    app_id = stored.application.id
    (data_dir / "settings.toml").write_text('[you]\nname = "Sam Lee"\n', "utf-8")
    async with make_app(data_dir, "today").run_test(size=SIZE) as pilot:
        screen = await push_interview(pilot, stored)
        await pilot.press("ctrl+n")
        await pilot.pause()
        for index, text in ((0, "the on-call rota"), (1, "our Rust parser")):
            screen.query_one(f"#interest-{index}", Input).focus()
            await type_text(pilot, text)

        def saved_interests() -> dict[str, str]:
            interview = stored_record(data_dir, app_id)["interviews"][0]
            return interview.get("reflection", {}).get("interested_them_by_person", {})  # type: ignore[no-any-return]

        await wait_until(pilot, lambda: len(saved_interests()) == 2)
        reflection = stored_record(data_dir, app_id)["interviews"][0]["reflection"]
        assert reflection["interested_them_by_person"] == {
            "ana": "the on-call rota",
            "ben": "our Rust parser",
        }
        # Someone added in the facts gets a line of their own once saved; the others keep theirs.
        await pilot.press("ctrl+o")
        await type_text(pilot, "Cy Lee")
        await wait_until(pilot, lambda: bool(screen.query("#interest-name-2")))
        assert str(screen.query_one("#interest-name-2", Label).render()) == "Cy Lee"
        assert screen.query_one(InterestLines).answers() == reflection["interested_them_by_person"]
        await pilot.press("escape")
        await settle(pilot)
        notes = {}
        for person in ("ana", "ben"):
            await open_draft(pilot, f"{app_id}/thank-you:{person}")
            notes[person] = shown_draft(pilot).drafts[0].body
            await pilot.press("escape")
            await pilot.pause()
    assert "our conversation about the on-call rota." in notes["ana"]
    assert "our conversation about our Rust parser." in notes["ben"]
    assert "Rust" not in notes["ana"] and "rota" not in notes["ben"]
    # A blank line is not written: the file holds only what was said about someone.
    final = stored_record(data_dir, app_id)["interviews"][0]["reflection"]
    assert final["interested_them_by_person"] == {
        "ana": "the on-call rota",
        "ben": "our Rust parser",
    }
