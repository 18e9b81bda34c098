"""The main journey, as a newcomer finds it, in at most 30 keys beyond the text they type.

Someone who has just come out of an interview opens the app on an empty data folder, records
the interview with two interviewers, writes a short reflection, answers every signal, and
ticks one thank-you note. Every key is pressed through the Pilot, exactly as typed, and the
keys that are not typed text are counted. The README's journey section lists the same keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from textual.pilot import Pilot
from textual.widgets import Button, Input

from postinterview.domain.signals import load_signals_catalog
from postinterview.ui.screens.applications import ApplicationsScreen
from postinterview.ui.screens.interview import InterviewScreen
from postinterview.ui.screens.quick_application import QuickApplicationScreen
from postinterview.ui.screens.signals import SignalsScreen
from postinterview.ui.widgets.checklist_view import ChecklistList
from tests.pilot_tools import make_app, settle, stored_records, type_text

README = Path(__file__).resolve().parents[1] / "README.md"

KEY_BUDGET = 30
"""Keys beyond the typed text that the journey may take (issue #13)."""

SIGNAL_ANSWERS = "ynyyynynnnny" + "nnn"
"""y or n for each of the 12 encouraging signs, then the 3 cautions, in the order shown."""


@dataclass
class Keyboard:
    """Presses keys through the Pilot and records each press as typed text or a key."""

    pilot: Pilot[None]
    presses: list[tuple[Literal["text", "key"], str]] = field(default_factory=list)

    async def type(self, text: str) -> None:
        """Type `text`, character by character (it counts as text, not as keys)."""
        self.presses.append(("text", text))
        await type_text(self.pilot, text)

    async def key(self, *keys: str) -> None:
        """Press each of `keys` (each one counts)."""
        for key in keys:
            self.presses.append(("key", key))
            await self.pilot.press(key)
        await settle(self.pilot)

    @property
    def keys(self) -> list[str]:
        """Every key pressed that was not typed text, in order."""
        return [value for kind, value in self.presses if kind == "key"]


async def test_the_newcomers_journey_takes_at_most_30_keys(data_dir: Path) -> None:
    app = make_app(data_dir, start_mode=None)  # as launched: an empty folder, the welcome
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        welcome = app.screen
        assert isinstance(welcome, ApplicationsScreen)
        assert welcome.query_one("#welcome").display
        assert "I just had an interview" in str(welcome.query_one("#just-had-one", Button).label)
        keyboard = Keyboard(pilot)

        # The welcome offers it: only the company and the role.
        await keyboard.key("i")
        assert isinstance(app.screen, QuickApplicationScreen)
        await keyboard.type("Acme Robotics")
        await keyboard.key("enter")  # on to the role
        await keyboard.type("Backend Engineer")
        await keyboard.key("enter")  # saved; the interview is recorded and opened
        screen = app.screen
        assert isinstance(screen, InterviewScreen)

        # The start time is filled in (an hour ago): the cursor waits on the first name.
        await keyboard.type("Ana Ruiz")
        await keyboard.key("ctrl+o")  # a second interviewer, the cursor in the new row
        await keyboard.type("Ben Okafor")

        await keyboard.key("ctrl+n")  # the reflection, the cursor in its first answer
        await keyboard.type("The system design discussion")
        await keyboard.key("tab")
        await keyboard.type("Shorter answers about past projects")

        await keyboard.key("ctrl+n")  # the signals, the first one highlighted
        assert isinstance(app.screen, SignalsScreen)
        for answer in SIGNAL_ANSWERS:
            await keyboard.key(answer)  # each answer moves on to the next

        await keyboard.key("escape")  # the footer: "esc Next step: checklist"
        assert app.screen is screen
        listing = screen.query_one(ChecklistList)
        assert app.focused is listing
        highlighted = listing.highlighted_option
        assert highlighted is not None and highlighted.id == "write-down-who-you-met"

        await keyboard.key("right_square_bracket", "right_square_bracket")  # within two days
        [record] = stored_records(data_dir)
        ana_id = record["interviews"][0]["interviewers"][0]["id"]
        highlighted = listing.highlighted_option
        assert highlighted is not None and highlighted.id == f"thank-you:{ana_id}"
        await keyboard.key("space")

        assert len(keyboard.keys) <= KEY_BUDGET, keyboard.keys
        # The README's journey section gives the same count.
        assert f"the whole journey in {len(keyboard.keys)} keys" in README.read_text("utf-8")

    [record] = stored_records(data_dir)
    assert (record["company"], record["role"], record["stage"]) == (
        "Acme Robotics",
        "Backend Engineer",
        "interviewing",
    )
    [interview] = record["interviews"]
    assert [person["name"] for person in interview["interviewers"]] == ["Ana Ruiz", "Ben Okafor"]
    assert interview["reflection"]["went_well"] == "The system design discussion"
    assert interview["reflection"]["to_improve"] == "Shorter answers about past projects"
    catalog = load_signals_catalog()
    shown = [s.id for s in catalog.signals] + [c.id for c in catalog.cautions]
    assert interview["signals"] == {
        signal_id: answer == "y" for signal_id, answer in zip(shown, SIGNAL_ANSWERS, strict=True)
    }
    assert list(interview["checklist"]) == [f"thank-you:{ana_id}"]  # not Ben's
    assert interview["checklist"][f"thank-you:{ana_id}"]["state"] == "done"
    assert [(entry["with_whom"], entry["note"]) for entry in record["contact_log"]] == [
        ("Ana Ruiz", "Sent a thank-you note.")
    ]


async def test_an_interview_recorded_from_the_welcome_keeps_what_was_typed_when_refused(
    data_dir: Path,
) -> None:
    """The short form refuses a missing role inline and keeps the company typed."""
    app = make_app(data_dir, start_mode=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, QuickApplicationScreen)
        await type_text(pilot, "Acme")
        await pilot.press("enter", "enter")  # on to the role, then save with no role
        await settle(pilot)
        assert app.screen is form
        assert form.query_one("#role-error").display
        assert form.query_one("#company", Input).value == "Acme"
        assert app.focused is form.query_one("#role", Input)
        assert stored_records(data_dir) == []
