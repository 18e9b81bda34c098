"""Undo and redo in the workspace: through the save path, refusing what changed since."""

from __future__ import annotations

from pathlib import Path

from postinterview.domain.editing import apply_field_edits, move_stage
from postinterview.domain.stages import Stage
from postinterview.storage.store import ApplicationStore
from postinterview.workspace import Workspace
from tests.conftest import FIXED_NOW, sample_application


def _workspace(data_dir: Path) -> Workspace:
    workspace = Workspace(ApplicationStore(data_dir), lambda: FIXED_NOW)
    workspace.apply(workspace.read_all())
    return workspace


def _other_window(data_dir: Path) -> Workspace:
    return _workspace(data_dir)


def _added(workspace: Workspace, company: str = "Acme") -> str:
    outcome = workspace.add(sample_application(company=company))
    assert outcome.stored is not None
    return outcome.stored.application.id


def _on_disk(workspace: Workspace, app_id: str) -> bytes:
    return workspace.store.path_for(app_id).read_bytes()


def test_a_stage_move_is_undone_and_redone(data_dir: Path) -> None:
    workspace = _workspace(data_dir)
    app_id = _added(workspace)
    before = _on_disk(workspace, app_id)
    workspace.update(
        app_id, lambda a: move_stage(a, Stage.INTERVIEWING, FIXED_NOW), "moved Acme on"
    )
    moved = _on_disk(workspace, app_id)
    assert workspace.undo() == "Undone: moved Acme on."
    assert _on_disk(workspace, app_id) == before
    assert workspace.records[app_id].application.stage is Stage.APPLIED
    assert workspace.redo() == "Redone: moved Acme on."
    assert _on_disk(workspace, app_id) == moved
    assert workspace.undo_history.undone == []


def test_undo_keeps_another_windows_later_edit_to_another_field(data_dir: Path) -> None:
    workspace = _workspace(data_dir)
    app_id = _added(workspace)
    workspace.update(app_id, lambda a: move_stage(a, Stage.INTERVIEWING, FIXED_NOW))
    other = _other_window(data_dir)
    other.update(app_id, lambda a: apply_field_edits(a, {"notes": "from the laptop"}, FIXED_NOW))
    message = workspace.undo()
    assert message == "Undone: Acme (stage: Applied → Interviewing)."
    application = workspace.store.load(app_id).application
    assert (application.stage, application.notes) == (Stage.APPLIED, "from the laptop")


def test_undo_refuses_when_the_same_field_changed_elsewhere(data_dir: Path) -> None:
    workspace = _workspace(data_dir)
    app_id = _added(workspace)
    workspace.update(app_id, lambda a: move_stage(a, Stage.INTERVIEWING, FIXED_NOW))
    other = _other_window(data_dir)
    other.update(app_id, lambda a: move_stage(a, Stage.OFFER, FIXED_NOW))
    on_disk = _on_disk(workspace, app_id)
    message = workspace.undo()
    assert message.startswith("Not undone: the stage and stage history were changed elsewhere")
    assert message.endswith("It is no longer in the list, so undo goes on from here.")
    assert _on_disk(workspace, app_id) == on_disk
    # The refused step no longer stands in front of the one before it: the add.
    assert workspace.undo() == "Not undone: Acme was changed elsewhere since it was added. " + (
        "It is no longer in the list, so undo goes on from here."
    )
    assert workspace.undo() == "Nothing to undo."


def test_a_delete_is_undone_and_redone(data_dir: Path) -> None:
    workspace = _workspace(data_dir)
    app_id = _added(workspace)
    before = _on_disk(workspace, app_id)
    workspace.delete(app_id)
    assert not workspace.store.path_for(app_id).exists()
    assert workspace.undo() == "Undone: deleting Acme."
    assert _on_disk(workspace, app_id) == before
    assert app_id in workspace.records
    assert workspace.redo() == "Redone: deleting Acme."
    assert not workspace.store.path_for(app_id).exists()
    assert app_id not in workspace.records


def test_adding_is_undone_by_moving_the_file_to_deleted(data_dir: Path) -> None:
    workspace = _workspace(data_dir)
    app_id = _added(workspace)
    assert workspace.undo() == "Undone: adding Acme."
    assert not workspace.store.path_for(app_id).exists()
    assert [item.app_id for item in workspace.deleted_files()] == [app_id]
    assert workspace.redo() == "Redone: adding Acme."
    assert workspace.store.path_for(app_id).exists()


def test_one_step_undoes_every_save_in_it(data_dir: Path) -> None:
    workspace = _workspace(data_dir)
    with workspace.one_step("importing 2 applications"):
        first, second = _added(workspace, "Acme"), _added(workspace, "Globex")
        workspace.update(first, lambda a: move_stage(a, Stage.SCREENING, FIXED_NOW))
    assert len(workspace.undo_history.done) == 1
    assert workspace.undo() == "Undone: importing 2 applications."
    assert workspace.records == {}
    assert workspace.redo() == "Redone: importing 2 applications."
    assert workspace.records[first].application.stage is Stage.SCREENING
    assert second in workspace.records


def test_saves_with_one_merge_key_are_one_step(data_dir: Path) -> None:
    workspace = _workspace(data_dir)
    app_id = _added(workspace)
    before = _on_disk(workspace, app_id)
    for text in ("I", "I think", "I think it went well"):
        workspace.update(
            app_id,
            lambda a, t=text: apply_field_edits(a, {"notes": t}, FIXED_NOW),
            merge_key=f"notes:{app_id}",
        )
    assert len(workspace.undo_history.done) == 2  # the add, and the typing
    workspace.undo()
    assert _on_disk(workspace, app_id) == before


def test_a_new_change_after_an_undo_drops_the_redo(data_dir: Path) -> None:
    workspace = _workspace(data_dir)
    app_id = _added(workspace)
    workspace.update(app_id, lambda a: move_stage(a, Stage.SCREENING, FIXED_NOW))
    workspace.undo()
    workspace.update(app_id, lambda a: apply_field_edits(a, {"notes": "n"}, FIXED_NOW))
    assert workspace.redo() == "Nothing to redo."


def test_nothing_to_undo_says_so(data_dir: Path) -> None:
    assert _workspace(data_dir).undo() == "Nothing to undo."


def test_a_delete_put_back_and_deleted_again_is_still_undone(data_dir: Path) -> None:
    workspace = _workspace(data_dir)
    app_id = _added(workspace)
    before = _on_disk(workspace, app_id)
    workspace.delete(app_id)
    (deleted,) = workspace.deleted_files()
    assert workspace.restore_deleted(deleted).ok  # from the Deleted list
    assert workspace.undo() == "Undone: putting back Acme."  # deleted again, a new name
    assert workspace.undo() == "Undone: deleting Acme."
    assert _on_disk(workspace, app_id) == before
