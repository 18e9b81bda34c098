"""The whole-record merge behind undo, redo and the git merge driver."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from postinterview.domain.record_merge import merge_records

T1 = datetime(2026, 12, 1, 9, tzinfo=UTC)
T2 = datetime(2026, 12, 1, 10, tzinfo=UTC)


def _record(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "company": "Acme",
        "stage": "applied",
        "updated_at": T1,
        "notes": "",
        "interviews": [
            {"id": "a", "kind": "phone", "interviewers": [{"id": "p1", "name": "Ann"}]},
            {"id": "b", "kind": "onsite"},
        ],
        "stage_history": [{"stage": "applied", "at": T1}],
    }
    record.update(changes)
    return record


def test_changes_to_different_fields_both_land() -> None:
    base = _record()
    mine = _record(stage="interviewing", updated_at=T2)
    theirs = _record(notes="from the laptop", updated_at=T1)
    merge = merge_records(base, mine, theirs)
    assert merge.clashes == []
    assert merge.record == _record(stage="interviewing", notes="from the laptop", updated_at=T2)


def test_the_same_field_changed_twice_is_a_clash_and_theirs_stays() -> None:
    merge = merge_records(_record(), _record(stage="offer"), _record(stage="rejected"))
    assert merge.clashes == ["stage"]
    assert merge.record["stage"] == "rejected"


def test_items_with_ids_merge_one_by_one() -> None:
    base = _record()
    mine = _record()
    mine["interviews"][0]["interviewers"][0]["name"] = "Ann Lee"
    theirs = _record()
    theirs["interviews"][1]["kind"] = "video"
    theirs["interviews"].append({"id": "c", "kind": "panel"})
    merge = merge_records(base, mine, theirs)
    assert merge.clashes == []
    kinds = [(item["id"], item["kind"]) for item in merge.record["interviews"]]
    assert kinds == [("a", "phone"), ("b", "video"), ("c", "panel")]
    assert merge.record["interviews"][0]["interviewers"][0]["name"] == "Ann Lee"


def test_a_clash_deep_inside_names_its_path() -> None:
    mine, theirs = _record(), _record()
    mine["interviews"][0]["interviewers"][0]["name"] = "Ann Lee"
    theirs["interviews"][0]["interviewers"][0]["name"] = "Anne"
    merge = merge_records(_record(), mine, theirs)
    assert merge.clashes == ["interviews[a].interviewers[p1].name"]


def test_an_item_removed_on_one_side_goes_and_one_put_back_returns_in_place() -> None:
    without_a = _record()
    del without_a["interviews"][0]
    merge = merge_records(_record(), without_a, _record(notes="x"))
    assert [item["id"] for item in merge.record["interviews"]] == ["b"]
    # The undo of that removal: base = after, mine = before, theirs = now.
    undo = merge_records(without_a, _record(), merge.record)
    assert undo.clashes == []
    assert [item["id"] for item in undo.record["interviews"]] == ["a", "b"]
    assert undo.record["notes"] == "x"


def test_lists_both_sides_appended_to_keep_both() -> None:
    base = _record()
    mine = _record(stage_history=[*base["stage_history"], {"stage": "interviewing", "at": T2}])
    theirs = _record(stage_history=[*base["stage_history"], {"stage": "rejected", "at": T2}])
    merge = merge_records(base, mine, theirs)
    assert [entry["stage"] for entry in merge.record["stage_history"]] == [
        "applied",
        "rejected",
        "interviewing",
    ]


def test_a_key_added_and_a_key_removed() -> None:
    mine = _record(recruiter={"id": "r", "name": "Rae"})
    theirs = _record()
    del theirs["notes"]
    merge = merge_records(_record(), mine, theirs)
    assert merge.record["recruiter"] == {"id": "r", "name": "Rae"}
    assert "notes" not in merge.record


def test_nothing_changed_on_my_side_gives_theirs_exactly() -> None:
    theirs = _record(stage="offer", unknown_key={"kept": [1, 2]})
    assert merge_records(_record(), _record(), theirs).record == theirs
