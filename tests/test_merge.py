"""The one edit-merge rule (domain.merge.three_way)."""

from __future__ import annotations

from datetime import datetime

from postinterview.domain.merge import three_way
from postinterview.ui.saving import APPLICATION_FIELDS
from tests.conftest import sample_application


def test_only_fields_changed_on_both_sides_to_different_values_clash() -> None:
    baseline = {"a": 1, "b": 1, "c": 1}
    theirs = {"a": 2, "b": 1, "c": 3}  # someone else changed a and c
    mine = {"a": 5, "b": 7, "c": 3}  # we changed all three; c to the same value as theirs
    merge = three_way(baseline, mine, theirs)
    assert merge.clashes == {"a": 2}
    assert merge.writes == {"b": 7, "c": 3}


def test_a_field_the_person_left_alone_is_not_written_over_theirs() -> None:
    merge = three_way({"a": 1}, {"a": 1}, {"a": 2})
    assert merge.writes == {} and merge.clashes == {}


def test_a_field_missing_from_the_baseline_counts_as_absent() -> None:
    # An answer first given here, and never given elsewhere, is written.
    assert three_way({}, {"x": True}, {}).writes == {"x": True}
    # Clearing (None) an answer someone else has since changed is a clash.
    merge = three_way({"x": True}, {"x": None}, {"x": False})
    assert merge.clashes == {"x": False}


def test_after_a_save_the_written_value_is_the_baseline_so_one_window_never_clashes() -> None:
    on_disk = {"people": ["Ana"]}
    first = three_way({"people": []}, {"people": ["Ana"]}, {"people": []})
    on_disk.update(first.writes)
    baseline = dict(on_disk)  # what was written
    second = three_way(baseline, {"people": ["Ana", "Ben"]}, on_disk)
    assert second.clashes == {} and second.writes == {"people": ["Ana", "Ben"]}


def test_an_application_form_edit_merges_with_a_change_made_elsewhere(now: datetime) -> None:
    seen = sample_application()
    on_disk = seen.revised(notes="Added in the other window")
    baseline = APPLICATION_FIELDS.read(seen)
    merge = three_way(baseline, {"role": "Lead"}, APPLICATION_FIELDS.read(on_disk))
    merged = APPLICATION_FIELDS.write(on_disk, merge.writes, now)
    assert (merged.role, merged.notes) == ("Lead", "Added in the other window")


def test_an_application_form_edit_never_overwrites_the_same_field_changed_elsewhere(
    now: datetime,
) -> None:
    seen = sample_application()
    on_disk = seen.revised(notes="Theirs")
    merge = three_way(
        APPLICATION_FIELDS.read(seen), {"notes": "Mine"}, APPLICATION_FIELDS.read(on_disk)
    )
    assert merge.clashes == {"notes": "Theirs"} and merge.writes == {}
