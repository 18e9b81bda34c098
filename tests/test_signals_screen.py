"""The Signals screen, driven with the Pilot; and the pure text helpers behind it."""

from __future__ import annotations

import io
import tomllib
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console, RenderableType
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from postinterview.app import PostInterviewApp
from postinterview.domain.editing import move_stage, new_application
from postinterview.domain.interviews import revise_interview
from postinterview.domain.models import Application, Contact, Interview
from postinterview.domain.signals import (
    Outcome,
    load_signals_catalog,
    summarize_history,
)
from postinterview.domain.stages import Stage
from postinterview.storage.store import ApplicationStore, CannotSave
from postinterview.ui.screens.interview import InterviewScreen
from postinterview.ui.screens.signals import SignalsScreen
from postinterview.ui.signal_text import (
    application_pair,
    history_lines,
    outcome_of,
    suggestion_reason,
)
from postinterview.ui.widgets.signal_list import SignalList
from tests.conftest import FIXED_NOW
from tests.pilot_tools import make_app, settle

SIZE = (110, 40)
APP_ID = "acme-robotics-abc123"
INTERVIEW_ID = "iv1"
TOTAL_WEIGHT = sum(signal.weight for signal in load_signals_catalog().signals)


def interview(**fields: Any) -> Interview:
    data: dict[str, Any] = {
        "id": INTERVIEW_ID,
        "at": FIXED_NOW - timedelta(hours=5),
        "planned_minutes": 45,
        "actual_minutes": 60,
        "interviewers": [
            Contact(name="Ana Ng", title="Engineering Manager"),
            Contact(name="Bo Li"),
        ],
    }
    data.update(fields)
    return Interview.model_validate(data)


def application(
    app_id: str = APP_ID, company: str = "Acme Robotics", **interview_fields: Any
) -> Application:
    app = new_application(company, "Backend Engineer", FIXED_NOW)
    return app.revised(id=app_id, interviews=[interview(**interview_fields)])


def seeded_store(data_dir: Path, **interview_fields: Any) -> ApplicationStore:
    store = ApplicationStore(data_dir)
    store.create(application(**interview_fields))
    return store


def on_disk(data_dir: Path, app_id: str = APP_ID) -> tuple[str, dict[str, Any]]:
    text = (data_dir / "applications" / f"{app_id}.toml").read_text("utf-8")
    return text, tomllib.loads(text)


def disk_signals(data_dir: Path) -> dict[str, bool]:
    _, record = on_disk(data_dir)
    signals: dict[str, bool] = record["interviews"][0].get("signals", {})
    return signals


async def open_signals(pilot: Pilot[None], store: ApplicationStore) -> SignalsScreen:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(pilot.app, PostInterviewApp)
    screen = SignalsScreen(pilot.app.workspace, APP_ID, INTERVIEW_ID)
    await pilot.app.push_screen(screen)
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return screen


def plain_text(renderable: RenderableType) -> str:
    """A Rich renderable (a table, say) as the plain text it shows."""
    console = Console(width=100, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def text_of(screen: SignalsScreen, selector: str) -> str:
    """What a Static shows, as plain text."""
    widget = screen.query_one(selector, Static)
    if isinstance(widget.content, str | Content):
        return str(widget.render())
    return plain_text(widget.content)


def prompt_text(screen: SignalsScreen, option_id: str) -> str:
    """What one row of the list says, as plain text."""
    return plain_text(screen.query_one(SignalList).get_option(option_id).prompt)


def refuse_to_save(*args: Any, **kwargs: Any) -> None:
    raise CannotSave("Could not save Acme Robotics: No space left on device.")


# Pilot ------------------------------------------------------------------------------------------


async def test_ctrl_g_on_the_interview_opens_signals_with_the_weights_in_settings_toml(
    data_dir: Path,
) -> None:
    store = seeded_store(data_dir)
    (data_dir / "settings.toml").write_text(
        '[signal_weights]\nran_long = 29\nmet_team = "lots"\n', encoding="utf-8"
    )
    async with make_app(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(pilot.app, PostInterviewApp)
        interview_screen = InterviewScreen(pilot.app.workspace, APP_ID, INTERVIEW_ID)
        await pilot.app.push_screen(interview_screen)
        await settle(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, SignalsScreen)
        banner = str(screen.query_one("#weight-problems", Static).render())
        assert "signal_weights.met_team" in banner and "line 3" in banner
        await pilot.press("space")  # ran long, weighed 29 by the settings file
        await pilot.pause()
        expected = round(100 * 29 / (TOTAL_WEIGHT - 2 + 29))
        assert text_of(screen, "#score").startswith(f"{expected} / 100")

        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is interview_screen
        # Back on the interview, the next save builds on the signals just saved, quietly.
        interview_screen.query_one("#went_well", TextArea).text = "Clear answers"
        interview_screen.action_save_now()
        await pilot.pause()
        status = str(interview_screen.query_one("#save-status", Static).render())
        assert status.startswith("Saved at") and "another window" not in status
    assert disk_signals(data_dir) == {"ran_long": True}
    _, record = on_disk(data_dir)
    assert record["interviews"][0]["reflection"]["went_well"] == "Clear answers"


async def test_toggling_updates_the_score_and_the_toml_on_disk(data_dir: Path) -> None:
    store = seeded_store(data_dir)
    async with make_app(store).run_test(size=SIZE) as pilot:
        screen = await open_signals(pilot, store)
        assert pilot.app.screen is screen
        assert text_of(screen, "#score").startswith("0 / 100")
        assert "Few signs yet" in text_of(screen, "#score")

        await pilot.press("space")  # first row: ran past the planned time (weight 2)
        await pilot.pause()
        assert text_of(screen, "#score").startswith(f"{round(200 / TOTAL_WEIGHT)} / 100")
        assert "Ran past the planned time" in text_of(screen, "#reasons")
        assert disk_signals(data_dir) == {"ran_long": True}

        await pilot.press("down", "down", "space")  # spoke as if the job were yours (weight 3)
        await pilot.pause()
        assert text_of(screen, "#score").startswith(f"{round(500 / TOTAL_WEIGHT)} / 100")
        assert disk_signals(data_dir) == {"ran_long": True, "future_language": True}

        await pilot.press("up", "up", "space")  # ran long again: now "not noticed"
        await pilot.pause()
        assert text_of(screen, "#score").startswith(f"{round(300 / TOTAL_WEIGHT)} / 100")
        assert "Ran past" not in text_of(screen, "#reasons")
        assert "  no" in prompt_text(screen, "ran_long")

        await pilot.press("backspace")  # and back to "not answered"
        await pilot.pause()
    text, _ = on_disk(data_dir)
    assert "[interviews.signals]" in text
    assert disk_signals(data_dir) == {"future_language": True}


async def test_a_false_answer_is_stored_as_false(data_dir: Path) -> None:
    store = seeded_store(data_dir)
    async with make_app(store).run_test(size=SIZE) as pilot:
        await open_signals(pilot, store)
        await pilot.press("down", "space", "space")
        await pilot.pause()
    assert disk_signals(data_dir) == {"easy_rapport": False}


async def test_record_facts_are_suggested_and_do_not_count_until_confirmed(data_dir: Path) -> None:
    store = seeded_store(data_dir)
    async with make_app(store).run_test(size=SIZE) as pilot:
        screen = await open_signals(pilot, store)
        assert "Suggested from your notes: ran 60 min of a planned 45" in prompt_text(
            screen, "ran_long"
        )
        assert "you met 2 people: Ana Ng, Bo Li" in prompt_text(screen, "met_team")
        assert "Suggested" not in prompt_text(screen, "easy_rapport")
        assert "2 suggestions from your notes not confirmed yet" in text_of(screen, "#band-meaning")
        assert text_of(screen, "#score").startswith("0 / 100")

        await pilot.press("space")  # confirm the first suggestion
        await pilot.pause()
        assert "Suggested from" not in prompt_text(screen, "ran_long")
        assert "Your notes say: ran 60 min" in prompt_text(screen, "ran_long")
        assert "1 suggestion from your notes" in text_of(screen, "#band-meaning")


async def test_a_accepts_every_open_suggestion_but_not_over_an_answer(data_dir: Path) -> None:
    store = seeded_store(data_dir, next_steps="Second round with the CTO next week.")
    async with make_app(store).run_test(size=SIZE) as pilot:
        screen = await open_signals(pilot, store)
        await pilot.press("space", "space")  # ran long: considered and not noticed
        await pilot.press("a")
        await pilot.pause()
        assert text_of(screen, "#score").startswith(f"{round(400 / TOTAL_WEIGHT)} / 100")
        assert "not confirmed" not in text_of(screen, "#band-meaning")
    assert disk_signals(data_dir) == {
        "ran_long": False,  # the person's answer wins over the suggestion
        "met_team": True,
        "next_steps_explained": True,
    }


async def test_cautions_are_listed_apart_and_take_off_points(data_dir: Path) -> None:
    store = seeded_store(data_dir)
    async with make_app(store).run_test(size=SIZE) as pilot:
        screen = await open_signals(pilot, store)
        listing = screen.query_one(SignalList)
        ids = [option.id for option in listing.options]
        caution_ids = [c.id for c in load_signals_catalog().cautions]
        first_caution = ids.index(caution_ids[0])
        heading = listing.options[first_caution - 1]  # the cautions have their own heading
        assert heading.disabled and heading.id is None
        assert "not from the articles" in str(heading.prompt)
        assert all(ids.index(s.id) < first_caution for s in load_signals_catalog().signals)

        await pilot.press("a")  # ran long + met the team: 4 of 31
        listing.highlighted = first_caution  # no timeline given (weight 1)
        await pilot.press("space")
        await pilot.pause()
        assert text_of(screen, "#score").startswith(f"{round(300 / TOTAL_WEIGHT)} / 100")
        assert "No timeline given" in text_of(screen, "#caution-reasons")
        assert "No timeline given" not in text_of(screen, "#reasons")
    assert disk_signals(data_dir)["no_timeline"] is True


async def test_custom_weights_change_the_score(data_dir: Path) -> None:
    store = seeded_store(data_dir)
    (data_dir / "settings.toml").write_text("[signal_weights]\nran_long = 29\n", "utf-8")
    async with make_app(store).run_test(size=SIZE) as pilot:
        screen = await open_signals(pilot, store)
        await pilot.press("space")
        await pilot.pause()
        score = text_of(screen, "#score")
        assert score.startswith("50 / 100")  # 29 of 29 + 29 other
        assert "Some encouraging signs" in score
        assert "your own weights" in text_of(screen, "#band-meaning")
        assert not screen.query_one("#weight-problems").display


async def test_weight_problems_are_shown_and_the_standard_weights_used(data_dir: Path) -> None:
    store = seeded_store(data_dir)
    (data_dir / "settings.toml").write_text(
        '[signal_weights]\nmet_team = "lots"\nran_long = -1\nbogus = 2\n', "utf-8"
    )
    async with make_app(store).run_test(size=SIZE) as pilot:
        screen = await open_signals(pilot, store)
        banner = screen.query_one("#weight-problems", Static)
        assert banner.display
        shown = str(banner.render())
        assert "settings.toml: line 2" in shown and "signal_weights.met_team" in shown
        assert "'bogus' is not a known signal" in shown
        assert "must not be negative" in shown
        await pilot.press("space")
        await pilot.pause()
        assert text_of(screen, "#score").startswith(f"{round(200 / TOTAL_WEIGHT)} / 100")


async def test_a_failed_save_is_reported_and_the_answer_stays(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = seeded_store(data_dir)
    before, _ = on_disk(data_dir)
    messages: list[tuple[str, str]] = []
    real_notify = PostInterviewApp.notify

    def record(self: PostInterviewApp, message: str, **kwargs: Any) -> None:
        messages.append((message, kwargs.get("severity", "information")))
        real_notify(self, message, **kwargs)

    monkeypatch.setattr(PostInterviewApp, "notify", record)
    async with make_app(store).run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_signals(pilot, store)
        with monkeypatch.context() as patch:
            patch.setattr(ApplicationStore, "update", refuse_to_save)
            await pilot.press("space")
            await pilot.pause()
            assert ("Could not save Acme Robotics: No space left on device.", "error") in messages
            assert "Not saved" in text_of(screen, "#save-status")
            assert screen.answers == {"ran_long": True}
            assert "  yes" in prompt_text(screen, "ran_long")
            assert text_of(screen, "#score").startswith(f"{round(200 / TOTAL_WEIGHT)} / 100")
            assert on_disk(data_dir)[0] == before

            await pilot.press("escape")  # unsaved: the first escape warns and stays
            await pilot.pause()
            assert pilot.app.screen is screen
        await pilot.press("ctrl+s")  # the disk is back: try again
        await pilot.pause()
        assert "Saved at" in text_of(screen, "#save-status")
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is not screen
    assert disk_signals(data_dir) == {"ran_long": True}


async def test_a_later_answer_also_saves_an_earlier_failed_one(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = seeded_store(data_dir)
    async with make_app(store).run_test(size=SIZE) as pilot:
        await open_signals(pilot, store)
        with monkeypatch.context() as patch:
            patch.setattr(ApplicationStore, "update", refuse_to_save)
            await pilot.press("space")
            await pilot.pause()
        await pilot.press("down", "space")
        await pilot.pause()
    assert disk_signals(data_dir) == {"ran_long": True, "easy_rapport": True}


async def test_answers_from_another_window_are_kept(data_dir: Path) -> None:
    store = seeded_store(data_dir)
    async with make_app(store).run_test(size=SIZE) as pilot:
        screen = await open_signals(pilot, store)
        other = ApplicationStore(data_dir)
        current = other.load(APP_ID)
        other.update(
            APP_ID,
            lambda a: revise_interview(a, INTERVIEW_ID, {"signals": {"met_team": True}}, FIXED_NOW),
            current.revision,
        )
        await pilot.press("space")
        await pilot.pause()
        assert "another window" in text_of(screen, "#save-status")
        assert screen.answers == {"ran_long": True, "met_team": True}
    assert disk_signals(data_dir) == {"ran_long": True, "met_team": True}


async def test_history_counts_offers_on_each_side_with_a_small_sample_warning(
    data_dir: Path,
) -> None:
    store = seeded_store(data_dir)
    strong = {s.id: True for s in load_signals_catalog().signals}
    for index, (stage, signals) in enumerate(
        [
            (Stage.OFFER, strong),
            (Stage.REJECTED, strong),
            (Stage.REJECTED, {"ran_long": True}),
            (Stage.WITHDRAWN, strong),
            (Stage.INTERVIEWING, {}),  # no reading: not a case at all
        ]
    ):
        app = application(f"other-{index}-abc123", f"Company {index}", signals=signals)
        store.create(move_stage(app, stage, FIXED_NOW))
    async with make_app(store).run_test(size=SIZE) as pilot:
        screen = await open_signals(pilot, store)
        history = text_of(screen, "#history")
        assert "Readings of 50 or more: 1 of 2 decided cases ended in an offer." in history
        assert "Readings under 50: 0 of 1 decided case ended in an offer." in history
        assert "1 application with a reading is still open or closed another way" in history
        assert "Too few decided cases" in history
        await pilot.press("space")  # this (open) application now has a reading too
        await pilot.pause()
        assert "2 applications with a reading are still open" in text_of(screen, "#history")


async def test_escape_goes_back(data_dir: Path) -> None:
    store = seeded_store(data_dir)
    async with make_app(store).run_test(size=SIZE) as pilot:
        screen = await open_signals(pilot, store)
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is not screen
        assert screen not in pilot.app.screen_stack


async def test_a_missing_interview_is_explained_not_crashed(data_dir: Path) -> None:
    store = seeded_store(data_dir)
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.app.workers.wait_for_complete()
        assert isinstance(pilot.app, PostInterviewApp)
        screen = SignalsScreen(pilot.app.workspace, APP_ID, "gone")
        await pilot.app.push_screen(screen)
        await pilot.pause()
        assert "cannot be opened" in text_of(screen, "#signals-title")
        await pilot.press("space", "a")
        await pilot.pause()
        assert pilot.app.screen is screen
    assert disk_signals(data_dir) == {}


# Pure helpers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "stage, outcome",
    [
        (Stage.OFFER, Outcome.OFFER),
        (Stage.ACCEPTED, Outcome.OFFER),
        (Stage.REJECTED, Outcome.REJECTED),
        (Stage.WITHDRAWN, Outcome.OTHER_CLOSED),
        (Stage.NO_REPLY, Outcome.OTHER_CLOSED),
        (Stage.APPLIED, Outcome.OPEN),
        (Stage.AWAITING_DECISION, Outcome.OPEN),
    ],
)
def test_outcome_of_stage(stage: Stage, outcome: Outcome) -> None:
    assert outcome_of(stage) is outcome


def test_suggestion_reasons_name_the_facts() -> None:
    catalog = load_signals_catalog()
    record = interview(decision_expected_on=date(2026, 11, 27), references_requested=True)
    assert suggestion_reason(catalog.signal("ran_long"), record) == "ran 60 min of a planned 45"
    assert "27 Nov" in suggestion_reason(catalog.signal("next_steps_explained"), record)
    assert "references" in suggestion_reason(catalog.signal("references_requested"), record)
    assert suggestion_reason(catalog.signal("easy_rapport"), record) == ""
    assert suggestion_reason(catalog.signal("ran_long"), interview(actual_minutes=40)) == ""


def test_an_application_counts_once_with_its_latest_answered_interview() -> None:
    catalog = load_signals_catalog()
    early = interview(id="a", at=FIXED_NOW - timedelta(days=9), signals={"ran_long": True})
    late = interview(id="b", at=FIXED_NOW - timedelta(days=2), signals={"met_team": True})
    unanswered = interview(id="c", at=FIXED_NOW - timedelta(days=1))
    app = move_stage(
        application().revised(interviews=[early, late, unanswered]), Stage.OFFER, FIXED_NOW
    )
    assert application_pair(app, catalog) == (round(200 / TOTAL_WEIGHT), Outcome.OFFER)
    everything = {s.id: True for s in catalog.signals}
    assert application_pair(app, catalog, answers={"c": everything}) == (100, Outcome.OFFER)
    assert application_pair(application(), catalog) is None


def test_history_lines_without_decided_cases_say_so() -> None:
    lines = history_lines(summarize_history([(80, Outcome.OPEN)]), 50)
    assert lines[0].startswith("No application with a reading has ended")
    assert "1 application with a reading is still open" in lines[1]
    assert not any("forecast" in line for line in lines)
