"""The command palette finds applications, people and interviews, and opens the application."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.command import CommandList

from postinterview.domain.interviews import add_interview
from postinterview.domain.models import Application
from postinterview.storage.store import ApplicationStore
from postinterview.ui.palette_index import build_index, find
from postinterview.ui.screens.application_detail import ApplicationDetailScreen
from tests.conftest import FIXED_NOW, sample_application
from tests.pilot_tools import make_app, settle, type_text

EVIL = "Mal [b]Bold[/b] \x1b]0;owned\x07"


def with_people(application: Application) -> Application:
    """`application` with a recruiter, a referee and an interview with one interviewer."""
    revised = application.revised(
        recruiter={"name": "Rita Recruits"},
        referees=[{"id": "r-dana", "name": "Dana Kay"}],
    )
    return add_interview(
        revised,
        "iv000001",
        FIXED_NOW - timedelta(days=2),
        FIXED_NOW,
        interviewers=[{"name": "Ivan Interviews"}],
    )


def test_find_by_company_role_person_and_day() -> None:
    acme = with_people(sample_application("Acme Robotics", "Backend Engineer"))
    other = sample_application("Globex", "Data Analyst")
    index = build_index([acme, other])
    assert [e.app_id for _, e in find(index, "globex")] == [other.id]
    assert [e.label for _, e in find(index, "data analyst")] == ["Globex — Data Analyst"]
    assert {e.app_id for _, e in find(index, "RITA")} == {acme.id}
    assert [e.help for _, e in find(index, "dana")] == [
        "Referee · Acme Robotics — Backend Engineer"
    ]
    assert find(index, "ivan")[0][1].help.startswith("Interviewer · Acme Robotics")
    day = (FIXED_NOW - timedelta(days=2)).date().isoformat()
    assert [e.label for _, e in find(index, f"acme {day}")] == [f"Acme Robotics interview, {day}"]
    assert find(index, "nobody") == []
    assert find(index, "   ") == []


def test_a_query_starting_the_entry_comes_first() -> None:
    index = build_index(
        [sample_application("Big Acme", "Tester"), sample_application("Acme", "Tester")]
    )
    assert [e.label for _, e in find(index, "acme")] == ["Acme — Tester", "Big Acme — Tester"]


def test_ten_thousand_applications_find_the_one_named_and_cap_the_rest() -> None:
    """At 10,000 applications the exact one ranks first and a broad query stops at the
    limit (its speed is measured apart, not asserted here)."""
    base = with_people(sample_application())
    apps = [base.revised(company=f"Company {n}") for n in range(10_000)]
    apps = [a.model_copy(update={"id": f"app-{n}"}) for n, a in enumerate(apps)]
    index = build_index(apps)  # once, when the palette opens
    hits = find(index, "company 9999")
    assert hits[0][1].app_id == "app-9999"
    assert len(find(index, "company")) == 40


async def open_palette_and_choose(data_dir: Path, typed: str) -> tuple[object, str]:
    """Type `typed` in the palette and press enter: the screen on top and what the list showed."""
    app = make_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, typed)
        await pilot.pause(0.5)
        await settle(pilot)
        commands = app.screen.query_one(CommandList)
        listed = "\n".join(
            str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)
        )
        await pilot.press("enter")
        await settle(pilot)
        return app.screen, listed


async def test_typing_part_of_a_company_opens_its_application(data_dir: Path) -> None:
    store = ApplicationStore(data_dir)
    store.create(sample_application("Globex", "Data Analyst"))
    acme = store.create(with_people(sample_application("Acme Robotics", "Backend"))).application
    screen, _ = await open_palette_and_choose(data_dir, "robot")
    assert isinstance(screen, ApplicationDetailScreen)
    assert screen.app_id == acme.id


async def test_a_persons_name_finds_their_application(data_dir: Path) -> None:
    store = ApplicationStore(data_dir)
    store.create(sample_application("Globex", "Data Analyst"))
    acme = store.create(with_people(sample_application("Acme Robotics", "Backend"))).application
    screen, listed = await open_palette_and_choose(data_dir, "ivan")
    assert "Ivan Interviews" in listed
    assert isinstance(screen, ApplicationDetailScreen)
    assert screen.app_id == acme.id


async def test_a_hostile_name_is_shown_as_text(data_dir: Path) -> None:
    store = ApplicationStore(data_dir)
    hostile = sample_application(EVIL, "Role").revised(recruiter={"name": f"Rex {EVIL}"})
    evil = store.create(hostile).application
    screen, listed = await open_palette_and_choose(data_dir, "mal")
    assert "Mal [b]Bold[/b] ␛]0;owned␇ — Role" in listed  # the name, as text
    assert "Recruiter · Mal [b]Bold[/b] ␛]0;owned␇" in listed  # and in the line under one
    assert "\x1b" not in listed
    assert isinstance(screen, ApplicationDetailScreen)
    assert screen.app_id == evil.id
