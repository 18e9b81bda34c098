from datetime import datetime, timedelta

import pytest
from pydantic import ValidationError

from postinterview.domain.editing import (
    StageMoveRefused,
    apply_field_edits,
    company_key,
    describe_validation_error,
    move_stage,
    new_application,
    same_company,
)
from postinterview.domain.ids import is_valid_id, new_application_id, slugify
from postinterview.domain.models import Application, Interview
from postinterview.domain.stages import Stage
from tests.conftest import sample_application


def test_new_application_records_its_first_stage(now: datetime) -> None:
    app = new_application("Acme", "Engineer", now)
    assert app.stage == Stage.APPLIED
    assert [(c.from_stage, c.to_stage, c.at) for c in app.stage_history] == [
        (None, Stage.APPLIED, now)
    ]


@pytest.mark.parametrize("company, role", [("", "Engineer"), ("   ", "Engineer"), ("Acme", "\n\t")])
def test_blank_company_or_role_is_refused_with_a_clear_message(
    company: str, role: str, now: datetime
) -> None:
    with pytest.raises(ValidationError) as caught:
        new_application(company, role, now)
    lines = describe_validation_error(caught.value)
    assert any(line.endswith("must not be empty") for line in lines)
    assert lines[0].split(":")[0] in {"company", "role"}


def test_text_fields_keep_any_unicode_exactly(now: datetime) -> None:
    notes = 'Line one\nLine "two" 🚀 \\ ‮ rtl ' + "x" * 99_000  # under NOTE_LIMIT
    app = new_application("Ünïcødé 株式会社 🚀", "Dev 'ops'", now, notes=notes)
    assert app.notes == notes
    assert app.company == "Ünïcødé 株式会社 🚀"


def test_naive_datetimes_are_refused(now: datetime) -> None:
    with pytest.raises(ValidationError, match="timezone"):
        new_application("Acme", "Engineer", now.replace(tzinfo=None))


def test_interview_lengths_must_be_positive(now: datetime) -> None:
    with pytest.raises(ValidationError, match="greater than or equal to 1"):
        Interview(id="i1", at=now, actual_minutes=-5)


def test_move_stage_appends_to_the_history(now: datetime) -> None:
    app = sample_application()
    later = now + timedelta(days=3)
    moved = move_stage(app, Stage.INTERVIEWING, later, note="Invited to a panel")
    assert moved.stage == Stage.INTERVIEWING
    assert moved.updated_at == later
    last = moved.stage_history[-1]
    assert (last.from_stage, last.to_stage, last.note) == (
        Stage.APPLIED,
        Stage.INTERVIEWING,
        "Invited to a panel",
    )
    assert app.stage == Stage.APPLIED  # the original is untouched


def test_invalid_move_is_refused_with_the_reason(now: datetime) -> None:
    with pytest.raises(StageMoveRefused, match="Only an offer can be accepted"):
        move_stage(sample_application(), Stage.ACCEPTED, now)


def test_field_edits_validate_and_stamp_the_time(now: datetime) -> None:
    app = sample_application()
    later = now + timedelta(hours=1)
    edited = apply_field_edits(app, {"role": "Staff Engineer"}, later)
    assert (edited.role, edited.updated_at) == ("Staff Engineer", later)
    with pytest.raises(ValidationError):
        apply_field_edits(app, {"company": " "}, later)


def test_company_key_ignores_case_punctuation_and_accents() -> None:
    assert company_key("ACME, Inc.") == company_key("acme inc")
    assert company_key("Café Ltd") == company_key("cafe-ltd")
    assert company_key("Acme") != company_key("Acne")


def test_same_company_finds_duplicates_but_not_the_application_itself(now: datetime) -> None:
    first = sample_application("Acme Inc.").model_copy(update={"id": "acme-1"})
    other = sample_application("Globex").model_copy(update={"id": "globex-1"})
    assert same_company([first, other], "acme inc") == [first]
    assert same_company([first, other], "ACME INC", excluding_id="acme-1") == []
    assert same_company([first], "!!!") == []


@pytest.mark.parametrize(
    "company",
    ["../../x", "CON", "a/b", "x" * 300, "🚀🚀🚀", "", "NUL.txt", "..", "C:\\Windows", "  "],
)
def test_ids_are_safe_file_names_whatever_the_company(company: str) -> None:
    app_id = new_application_id(company, "")
    assert is_valid_id(app_id)
    assert "/" not in app_id and "\\" not in app_id and not app_id.startswith(".")
    assert len(app_id) <= 47
    assert app_id.split("-")[0] not in {"con", "nul", "prn", "aux"} or "-" in app_id


def test_ids_are_unique_and_readable() -> None:
    ids = {new_application_id("Acme Robotics", "Backend Engineer") for _ in range(200)}
    assert len(ids) == 200
    assert all(i.startswith("acme-robotics-backend-engineer-") for i in ids)
    assert slugify("Ünïcodé Café!") == "unicode-cafe"


def test_invalid_ids_are_recognised() -> None:
    for bad in ["../x", "a/b", "", "-a", "a--b", "A", "a" * 60, "a.b"]:
        assert not is_valid_id(bad), bad


def test_unknown_keys_are_kept_at_every_level(now: datetime) -> None:
    data = sample_application().to_record()
    data["future_top"] = {"x": 1}
    data["interviews"] = [
        {
            "id": "i1",
            "at": now,
            "future_nested": "kept",
            "interviewers": [{"name": "Ann", "future_contact": True}],
        }
    ]
    app = Application.model_validate(data)
    record = app.to_record()
    assert record["future_top"] == {"x": 1}
    assert record["interviews"][0]["future_nested"] == "kept"
    assert record["interviews"][0]["interviewers"][0]["future_contact"] is True
