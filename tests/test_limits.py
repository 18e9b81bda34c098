"""Field length limits: refused by the models, said at the field in the forms, by line in the
CSV import; a file on disk holding an over-long field is reported damaged and never written."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError
from textual.widgets import Input, Static, TextArea

from postinterview.commands.output import SOME_REFUSED
from postinterview.domain.editing import describe_validation_error
from postinterview.domain.limits import LINE_LIMIT, NAME_LIMIT, NOTE_LIMIT, limit_of, too_long
from postinterview.domain.models import Application, Contact, ContactLogEntry, Interview
from postinterview.storage import codec
from postinterview.storage.store import ApplicationStore
from postinterview.transfer.import_csv import read_tracker
from postinterview.ui.interview_fields import ContactText, parse_contacts, parse_facts
from postinterview.ui.screens.application_form import ApplicationFormScreen
from postinterview.ui.screens.contact_log_form import ContactLogFormScreen
from tests.cli_tools import cli
from tests.conftest import FIXED_NOW, sample_application
from tests.pilot_tools import make_app, settle, stored_record, stored_records

SIZE = (110, 40)


def refusal(**fields: object) -> list[str]:
    """What the models say about an application with `fields`."""
    with pytest.raises(ValidationError) as caught:
        sample_application().revised(**fields)
    return describe_validation_error(caught.value)


# --- The models ---------------------------------------------------------------------------


def test_the_limits_are_the_models_own() -> None:
    assert limit_of(Application, "company") == limit_of(Contact, "name") == NAME_LIMIT
    assert limit_of(Application, "job_link") == limit_of(Interview, "place") == LINE_LIMIT
    assert limit_of(Application, "notes") == limit_of(ContactLogEntry, "note") == NOTE_LIMIT
    assert limit_of(Application, "stage") is None


def test_text_up_to_the_limit_is_kept_and_one_more_character_is_refused() -> None:
    kept = sample_application().revised(company="é" * NAME_LIMIT, notes="\x1b" * NOTE_LIMIT)
    assert len(kept.company) == NAME_LIMIT and len(kept.notes) == NOTE_LIMIT
    assert refusal(company="x" * 10_240) == ["company is 10,240 characters; the limit is 200"]
    assert refusal(notes="n" * (NOTE_LIMIT + 1)) == [
        "notes is 100,001 characters; the limit is 100,000"
    ]
    assert refusal(recruiter={"name": "r" * 201}) == [
        "recruiter.name is 201 characters; the limit is 200"
    ]


def test_every_text_field_of_an_interview_has_a_limit() -> None:
    at = FIXED_NOW - timedelta(hours=1)
    base = {"id": "i1", "at": at}
    for field in ("place", "contact_method", "next_steps", "promised_to_send"):
        with pytest.raises(ValidationError, match="at most"):
            Interview.model_validate({**base, field: "x" * (NOTE_LIMIT + 1)})
    with pytest.raises(ValidationError):
        Interview.model_validate({**base, "reflection": {"went_well": "x" * (NOTE_LIMIT + 1)}})
    with pytest.raises(ValidationError):
        Interview.model_validate({**base, "interviewers": [{"name": "x" * (NAME_LIMIT + 1)}]})


def test_too_long_says_by_how_much() -> None:
    assert too_long("Company", "x" * 200, 200) == ""
    assert too_long("Company", "x" * 1_201, 200) == "Company is 1,201 characters; the limit is 200"


# --- The CSV import -----------------------------------------------------------------------


def test_the_import_names_the_line_of_an_over_long_cell() -> None:
    text = (
        "Company,Role,Notes\n"
        "Fine Ltd,Engineer,ok\n"
        f"{'C' * 10_240},Engineer,\n"
        f"Also Fine,{'R' * 201},\n"
        f"Third,Analyst,{'n' * (NOTE_LIMIT + 1)}\n"
    )
    read = read_tracker(text, FIXED_NOW)
    assert [row.application.company for row in read.rows] == ["Fine Ltd"]
    assert [(note.line, note.message) for note in read.refused] == [
        (3, "company is 10,240 characters; the limit is 200"),
        (4, "role is 201 characters; the limit is 200"),
        (5, "notes is 100,001 characters; the limit is 100,000"),
    ]


@pytest.mark.usefixtures("fixed_now_env")
def test_the_import_command_reports_it_by_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tracker = tmp_path / "tracker.csv"
    tracker.write_text(f"Company,Role\nFine,Dev\n{'C' * 10_240},Dev\n", "utf-8")
    code, out, err = cli(capsys, "--data-dir", str(tmp_path / "data"), "import", str(tracker))
    assert code == SOME_REFUSED
    assert "Imported 1 application" in out
    assert "tracker.csv, line 3: refused: company is 10,240 characters; the limit is 200" in err


# --- A file on disk -----------------------------------------------------------------------


def test_a_file_with_an_over_long_field_is_reported_damaged_and_never_written(
    tmp_path: Path,
) -> None:
    """Chosen: such a file is damaged (as any file the models refuse): listed with the field,
    its line and the reason, kept byte for byte, every other application still loading."""
    store = ApplicationStore(tmp_path / "data")
    good = store.create(sample_application())
    text = codec.encode_application(sample_application(company="Placeholder")).decode()
    long_file = store.folder / "long-abc123.toml"
    long_file.write_text(text.replace("Placeholder", "L" * 300), "utf-8")
    before = long_file.read_bytes()
    result = store.load_all()
    assert [s.application.id for s in result.applications] == [good.application.id]
    [problem] = result.problems
    assert "company is 300 characters; the limit is 200" in problem.describe()
    assert "line" in problem.message
    assert long_file.read_bytes() == before


# --- The forms ----------------------------------------------------------------------------


def error_text(app: object, widget_id: str) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    line = screen.query_one(f"#{widget_id}", Static)
    return str(line.render()) if line.display else ""


async def test_the_application_form_says_the_limit_at_the_field(data_dir: Path) -> None:
    store = ApplicationStore(data_dir)
    stored = store.create(sample_application())
    before = stored_record(data_dir, stored.application.id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationFormScreen)
        app.screen.query_one("#company", Input).value = "C" * 250
        app.screen.query_one("#notes", TextArea).text = "n" * (NOTE_LIMIT + 5)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationFormScreen)  # still open, nothing lost
        assert error_text(app, "company-error") == ("Company is 250 characters; the limit is 200.")
        assert error_text(app, "notes-error") == (
            "Notes is 100,005 characters; the limit is 100,000."
        )
        assert app.screen.query_one("#company", Input).value == "C" * 250
        assert app.screen.focused is app.screen.query_one("#company", Input)
    assert stored_record(data_dir, stored.application.id) == before


async def test_the_quick_add_says_the_limit_at_the_field(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        screen = app.screen
        while not screen.query("#role"):  # the picker first, when there are applications
            await pilot.press("enter")
            await pilot.pause()
            screen = app.screen
        screen.query_one("#company", Input).value = "Acme"
        screen.query_one("#role", Input).value = "R" * 300
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error_text(app, "role-error") == "Role is 300 characters; the limit is 200."
    assert stored_records(data_dir) == []


async def test_the_contact_log_says_the_limit_at_the_field(data_dir: Path) -> None:
    store = ApplicationStore(data_dir)
    stored = store.create(sample_application())
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, ContactLogFormScreen)
        app.screen.query_one("#with_whom", Input).value = "W" * 201
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ContactLogFormScreen)
        assert error_text(app, "with_whom-error") == (
            "With whom is 201 characters; the limit is 200."
        )
    assert "contact_log" not in stored_record(data_dir, stored.application.id)


def test_the_interview_form_reads_limits_as_field_errors() -> None:
    values, errors = parse_facts(
        {"at": "2026-11-20 14:00", "place": "p" * (LINE_LIMIT + 1), "next_steps": "ok"},
        FIXED_NOW,
    )
    assert errors == {"place": "Where is 2,001 characters; the limit is 2,000."}
    assert "place" not in values and values["next_steps"] == "ok"
    people, row_errors = parse_contacts([ContactText(name="N" * 201)], [])
    assert people is None
    assert row_errors == {0: "The name is 201 characters; the limit is 200."}
