"""Field-by-field merging of the interview screen's edits."""

from __future__ import annotations

from postinterview.domain.interviews import add_interview
from postinterview.domain.models import Application, Referee
from postinterview.ui.interview_edits import REFEREES, apply_fields, flatten
from tests.conftest import FIXED_NOW, sample_application


def application() -> Application:
    return add_interview(sample_application(), "i1", FIXED_NOW, FIXED_NOW, next_steps="Call")


def test_flatten_names_reflection_answers_and_referees_apart() -> None:
    fields = flatten(application(), "i1")
    assert fields["next_steps"] == "Call"
    assert fields["reflection.went_well"] == ""
    assert fields[REFEREES] == []
    assert "reflection" not in fields


def test_apply_fields_merges_one_reflection_answer_and_keeps_the_others() -> None:
    start = apply_fields(application(), "i1", {"reflection.to_improve": "Pace"}, FIXED_NOW)
    merged = apply_fields(start, "i1", {"reflection.went_well": "Design"}, FIXED_NOW)
    reflection = merged.interviews[0].reflection
    assert (reflection.went_well, reflection.to_improve) == ("Design", "Pace")
    assert merged.interviews[0].next_steps == "Call"


def test_apply_fields_sets_referees_on_the_application() -> None:
    referee = Referee(name="Dana").model_dump(mode="python")
    merged = apply_fields(application(), "i1", {REFEREES: [referee]}, FIXED_NOW)
    assert [r.name for r in merged.referees] == ["Dana"]
