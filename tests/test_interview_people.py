"""The interview form keeps people's identities through edits (DESIGN §7, issue 12 item 4).

Driven by keys through the real screen; what counts is the TOML on disk afterwards: renaming
or removing someone, or people reordered by hand, leaves every tick, note, warned date and
unknown key with the person it belongs to.
"""

from __future__ import annotations

import tomllib
from datetime import timedelta
from pathlib import Path
from typing import Any

import tomli_w
from textual.pilot import Pilot
from textual.widgets import Button, Input

from postinterview.domain.interviews import add_interview
from postinterview.storage.store import ApplicationStore, Stored
from postinterview.ui.screens.interview import InterviewScreen
from postinterview.ui.widgets.checklist_view import ChecklistList
from postinterview.ui.widgets.contacts_editor import ContactRow, ContactsEditor
from tests.conftest import FIXED_NOW, sample_application
from tests.pilot_tools import make_app, settle, stored_records, type_text

SIZE = (120, 50)
WARNED = FIXED_NOW - timedelta(hours=1)
DONE = {"state": "done", "at": WARNED}
LATER = FIXED_NOW + timedelta(days=1)


def with_people(data_dir: Path) -> Stored:
    """One interview with three interviewers and two referees, each with something recorded
    that the form does not show."""
    store = ApplicationStore(data_dir)
    stored = store.create(
        sample_application().revised(
            referees=[
                {"id": "r-dana", "name": "Dana Kay", "notified_at": WARNED, "note": "Ex-boss"},
                {"id": "r-eli", "name": "Eli Moss", "note": "Call after 6", "nickname": "E"},
            ]
        )
    )
    start = FIXED_NOW - timedelta(hours=2)
    interviewers = [
        {
            "id": "p-ana",
            "name": "Ana Ruiz",
            "title": "CTO",
            "note": "Loves Rust",
            "pronouns": "she/her",
        },
        {"id": "p-ben", "name": "Ben Okafor", "note": "Ask about Kafka", "team": "Data"},
        {"id": "p-cy", "name": "Cy Park", "email": "cy@acme.test"},
    ]
    return store.update(
        stored.application.id,
        lambda a: add_interview(
            a,
            "int1",
            start,
            FIXED_NOW,
            interviewers=interviewers,
            checklist={"thank-you:p-ana": DONE, "thank-you:p-ben": DONE},
            snoozed={"thank-you:p-cy": LATER},
        ),
        stored.revision,
    ).stored


async def open_interview(pilot: Pilot[None]) -> InterviewScreen:
    """Open the one recorded interview by keys, as a person would."""
    await settle(pilot)
    await pilot.press("i")
    await settle(pilot)
    await pilot.press("enter", "down", "enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, InterviewScreen)
    return screen


def rows(screen: InterviewScreen, editor: str) -> list[ContactRow]:
    return list(screen.query_one(f"#{editor}", ContactsEditor).query(ContactRow))


async def append_to_name(pilot: Pilot[None], row: ContactRow, text: str) -> None:
    row.query_one(".name", Input).focus()
    await pilot.press("end")
    await type_text(pilot, text)


async def remove(pilot: Pilot[None], row: ContactRow) -> None:
    row.query_one(".remove", Button).focus()
    await pilot.press("enter")
    await pilot.pause()


async def save(pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()


def people(
    data_dir: Path,
) -> tuple[dict[str, Any], dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """The interview on disk, and its interviewers and the referees by id."""
    [record] = stored_records(data_dir)
    [interview] = record["interviews"]
    return (
        interview,
        {p["id"]: p for p in interview["interviewers"]},
        {r["id"]: r for r in record["referees"]},
    )


def assert_untouched_but_names(
    data_dir: Path, names: dict[str, str], gone: frozenset[str] = frozenset()
) -> None:
    """Everyone (bar `gone`) keeps every recorded detail; only `names` differ from the start."""
    interview, interviewers, referees = people(data_dir)
    expected_interviewers = {
        "p-ana": {
            "id": "p-ana",
            "name": "Ana Ruiz",
            "title": "CTO",
            "note": "Loves Rust",
            "pronouns": "she/her",
        },
        "p-ben": {"id": "p-ben", "name": "Ben Okafor", "note": "Ask about Kafka", "team": "Data"},
        "p-cy": {"id": "p-cy", "name": "Cy Park", "email": "cy@acme.test"},
    }
    expected_referees = {
        "r-dana": {"id": "r-dana", "name": "Dana Kay", "notified_at": WARNED, "note": "Ex-boss"},
        "r-eli": {"id": "r-eli", "name": "Eli Moss", "note": "Call after 6", "nickname": "E"},
    }
    for expected in (expected_interviewers, expected_referees):
        for person_id, name in names.items():
            if person_id in expected:
                expected[person_id]["name"] = name
        for person_id in gone:
            expected.pop(person_id, None)
    assert interviewers == expected_interviewers
    assert referees == expected_referees
    # Marks and snoozes are keyed by id, so they are exactly as they were.
    assert interview["checklist"] == {"thank-you:p-ana": DONE, "thank-you:p-ben": DONE}
    assert interview["snoozed"] == {"thank-you:p-cy": LATER}


async def test_renaming_people_keeps_their_ticks_notes_warned_dates_and_unknown_keys(
    data_dir: Path,
) -> None:
    with_people(data_dir)
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot)
        ana, _, _ = rows(screen, "interviewers")
        dana, _ = rows(screen, "referees")
        await append_to_name(pilot, ana, "-Ng")  # a typo fixed
        await append_to_name(pilot, dana, " Lim")
        await save(pilot)
        assert_untouched_but_names(data_dir, {"p-ana": "Ana Ruiz-Ng", "r-dana": "Dana Kay Lim"})

        # The checklist still shows Ana's thank-you as done, under her new name.
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")  # reflection, signals, checklist
        await pilot.pause()
        listing = screen.query_one(ChecklistList)
        ids = [option.id for option in listing.options]
        assert "thank-you:p-ana" in ids
        assert "Ana Ruiz-Ng" in str(listing.get_option("thank-you:p-ana").prompt)
        assert screen.interview.checklist["thank-you:p-ana"].state == "done"


async def test_removing_the_first_person_keeps_everyone_elses_details(data_dir: Path) -> None:
    with_people(data_dir)
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot)
        await remove(pilot, rows(screen, "interviewers")[0])  # Ana
        await remove(pilot, rows(screen, "referees")[0])  # Dana
        await save(pilot)
        # Then rename the one who is now first: still Ben, not Ana's leftovers.
        await append_to_name(pilot, rows(screen, "interviewers")[0], " Jr")
        await save(pilot)
    interview, interviewers, referees = people(data_dir)
    assert list(interviewers) == ["p-ben", "p-cy"]
    assert interviewers["p-ben"] == {
        "id": "p-ben",
        "name": "Ben Okafor Jr",
        "note": "Ask about Kafka",
        "team": "Data",
    }
    assert interviewers["p-cy"] == {"id": "p-cy", "name": "Cy Park", "email": "cy@acme.test"}
    assert referees == {
        "r-eli": {"id": "r-eli", "name": "Eli Moss", "note": "Call after 6", "nickname": "E"}
    }
    assert interview["checklist"]["thank-you:p-ben"] == DONE
    assert interview["snoozed"] == {"thank-you:p-cy": LATER}


async def test_people_reordered_by_hand_keep_their_details_through_an_edit(data_dir: Path) -> None:
    stored = with_people(data_dir)
    path = ApplicationStore(data_dir).path_for(stored.application.id)
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    people_on_disk = document["interviews"][0]["interviewers"]
    document["interviews"][0]["interviewers"] = [
        people_on_disk[2],
        people_on_disk[0],
        people_on_disk[1],
    ]
    document["referees"].reverse()
    path.write_text(tomli_w.dumps(document), encoding="utf-8")

    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot)
        cy, ana, ben = rows(screen, "interviewers")
        assert [r.person_id for r in (cy, ana, ben)] == ["p-cy", "p-ana", "p-ben"]
        await append_to_name(pilot, ben, "-Adeyemi")
        await append_to_name(pilot, rows(screen, "referees")[0], "-Park")  # Eli, now first
        await save(pilot)
    _, interviewers, _ = people(data_dir)
    assert list(interviewers) == ["p-cy", "p-ana", "p-ben"]
    assert_untouched_but_names(data_dir, {"p-ben": "Ben Okafor-Adeyemi", "r-eli": "Eli Moss-Park"})


async def test_someone_added_keeps_the_id_they_were_given_through_later_edits(
    data_dir: Path,
) -> None:
    with_people(data_dir)
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot)
        rows(screen, "interviewers")[-1].query_one(".name", Input).focus()
        await pilot.press("ctrl+o")
        await type_text(pilot, "Dee")
        await save(pilot)
        _, interviewers, _ = people(data_dir)
        [new_id] = set(interviewers) - {"p-ana", "p-ben", "p-cy"}
        await type_text(pilot, " Lopez")
        await save(pilot)
        assert "elsewhere" not in str(screen.query_one("#save-status").render())
        _, interviewers, _ = people(data_dir)
        assert interviewers[new_id]["name"] == "Dee Lopez"
        assert rows(screen, "interviewers")[-1].person_id == new_id
    interview, interviewers, _ = people(data_dir)
    assert list(interviewers) == ["p-ana", "p-ben", "p-cy", new_id]
    assert interviewers["p-ana"]["note"] == "Loves Rust"
    assert interview["checklist"] == {"thank-you:p-ana": DONE, "thank-you:p-ben": DONE}
