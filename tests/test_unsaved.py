"""Unsaved form text: what counts as changed, what is put back, and the private files in
`unsaved/` that keep it (domain.unsaved, storage.unsaved_store, workspace.unsaved)."""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from postinterview.domain.unsaved import (
    ADD,
    EDIT,
    UnsavedForm,
    describe,
    from_table,
    has_changes,
    restored_fields,
    to_table,
)
from postinterview.storage import paths
from postinterview.storage.unsaved_store import keep_unsaved, read_unsaved, unsaved_path
from postinterview.workspace.unsaved import UnsavedForms
from tests.conftest import FIXED_NOW

TYPED = UnsavedForm(
    ADD,
    "add-0123456789ab",
    {"company": "Acme", "role": "Designer", "notes": "line one\nline \x1b[2J two"},
    {"company": "", "role": "", "notes": ""},
    FIXED_NOW,
)


def test_a_form_is_changed_when_any_field_differs_from_what_it_opened_with() -> None:
    assert not has_changes({"company": ""}, {"company": "", "role": ""})
    assert has_changes({"company": "A"}, {"company": ""})
    assert has_changes({}, {"role": "Designer"})  # a field emptied counts
    assert TYPED.changed


def test_the_offer_names_what_was_being_done() -> None:
    assert describe(TYPED) == "adding Acme — Designer"
    edit = replace(TYPED, form=EDIT, app_id="acme-k3x9q2")
    assert describe(edit) == "editing Acme — Designer"
    assert describe(replace(TYPED, fields={"notes": "x"})) == "adding an application"


def test_restoring_an_edit_keeps_what_changed_elsewhere_in_fields_not_typed() -> None:
    edit = UnsavedForm(
        EDIT,
        "edit-0123456789ab",
        {"company": "Acme", "role": "Lead Designer", "location": "Leeds"},
        {"company": "Acme", "role": "Designer", "location": "Leeds"},
        FIXED_NOW,
        app_id="acme-k3x9q2",
    )
    now_shows = {"company": "Acme Ltd", "role": "Designer", "location": "Remote"}
    assert restored_fields(edit, now_shows) == {
        "company": "Acme Ltd",  # changed in another window: theirs
        "role": "Lead Designer",  # typed: ours
        "location": "Remote",
    }
    assert restored_fields(TYPED) == TYPED.fields


def test_the_table_reads_back_as_it_was_with_unknown_keys_kept() -> None:
    table = to_table(TYPED) | {"from_a_newer_version": 3}
    again = from_table(table)
    assert again == replace(TYPED, extra={"from_a_newer_version": 3})
    assert to_table(again)["from_a_newer_version"] == 3


@pytest.mark.parametrize(
    "change",
    [
        {"form": "nonsense"},
        {"key": ""},
        {"kept_at": "yesterday"},
        {"fields": {"company": 3}},
        {"form": EDIT},  # an edit must say of which application
        {"process": True},
    ],
)
def test_a_damaged_table_is_refused_with_a_reason(change: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        from_table(to_table(TYPED) | change)


def test_kept_text_is_a_private_file_that_reads_back_exactly(tmp_path: Path) -> None:
    root = tmp_path / "data"
    path = keep_unsaved(root, TYPED)
    assert path == paths.unsaved_dir(root) / "add-0123456789ab.toml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert read_unsaved(root) == [TYPED]
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left


def test_a_file_that_cannot_be_read_is_skipped_and_left_alone(tmp_path: Path) -> None:
    root = tmp_path / "data"
    keep_unsaved(root, TYPED)
    folder = paths.unsaved_dir(root)
    (folder / "broken.toml").write_bytes(b"form = [")
    (folder / "huge.toml").write_bytes(b"#" * (5 * 1024 * 1024))
    (folder / "bom.toml").write_bytes(
        b"\xef\xbb\xbf" + unsaved_path(root, TYPED.key).read_bytes().replace(b"add-0", b"add-1")
    )
    assert sorted(u.key for u in read_unsaved(root)) == ["add-0123456789ab", "add-1123456789ab"]
    assert (folder / "broken.toml").exists()


def test_a_key_cannot_name_a_file_outside_the_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        unsaved_path(tmp_path, "../applications/acme")


def test_the_workspace_keeps_forgets_and_offers_only_ended_sessions(tmp_path: Path) -> None:
    root = tmp_path / "data"
    forms = UnsavedForms(root, lambda: FIXED_NOW)
    key = forms.new_key(ADD)
    assert forms.keep(ADD, key, {"company": "Acme"}, {"company": ""}) == ""
    [left] = forms.left_over()
    assert (left.key, left.fields, left.process) == (key, {"company": "Acme"}, os.getpid())
    # Typed back to what the form opened with: nothing to keep.
    assert forms.keep(ADD, key, {"company": ""}, {"company": ""}) == ""
    assert forms.left_over() == []
    forms.keep(ADD, key, {"company": "Acme"}, {"company": ""})
    forms.forget(key)
    assert forms.left_over() == []


def test_a_form_open_in_another_running_window_is_not_offered(tmp_path: Path) -> None:
    root = tmp_path / "data"
    parent = os.getppid()  # alive for as long as this test runs
    keep_unsaved(root, replace(TYPED, process=parent))
    assert UnsavedForms(root, lambda: FIXED_NOW).left_over() == []


def test_a_failed_write_is_said_not_raised(tmp_path: Path) -> None:
    root = tmp_path / "data"
    root.mkdir()
    paths.unsaved_dir(root).write_text("a file where the folder should be")
    forms = UnsavedForms(root, lambda: FIXED_NOW)
    problem = forms.keep(ADD, forms.new_key(ADD), {"company": "Acme"}, {})
    assert "Could not keep your unsaved text" in problem
