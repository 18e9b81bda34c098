"""Copies a sync tool makes of an application file are reported, never loaded as data."""

from __future__ import annotations

import pytest

from postinterview.domain.sync_copies import has_conflict_markers, sync_copy_of
from postinterview.storage.store import ApplicationStore
from postinterview.workspace import Workspace
from tests.conftest import sample_application

COPIES = {
    "{id}.sync-conflict-20261201-093012-ABCDEFG.toml": "Syncthing",
    "{id}.sync-conflict-20261201-093012.toml": "Syncthing",
    "{id} (Jane's conflicted copy 2026-12-01).toml": "Dropbox or Nextcloud",
    "{id} (conflicted copy 2026-12-01 093012).toml": "Dropbox or Nextcloud",
    "{id} (Case Conflict).toml": "Dropbox or Nextcloud",
    "{id} 2.toml": "iCloud Drive",
    "{id} (1).toml": "a sync tool",
    "{id}-DESKTOP-4F2J8K9.toml": "OneDrive",
}


@pytest.mark.parametrize(("pattern", "tool"), COPIES.items())
def test_copy_names_are_recognised_with_their_original(pattern: str, tool: str) -> None:
    copy = sync_copy_of(pattern.format(id="acme-k3x9q2"))
    assert copy is not None
    assert (copy.tool, copy.original) == (tool, "acme-k3x9q2.toml")


@pytest.mark.parametrize(
    "name",
    ["acme-k3x9q2.toml", "acme-desktop-k3x9q2.toml", "notes.txt", "Acme 2.txt", "x y z.toml"],
)
def test_other_names_are_not_taken_for_copies(name: str) -> None:
    assert sync_copy_of(name) is None


def test_copies_in_the_folder_are_problems_with_what_to_do_and_never_loaded(
    store: ApplicationStore,
) -> None:
    stored = store.create(sample_application())
    app_id = stored.application.id
    original = store.path_for(app_id)
    for pattern in COPIES:
        # A copy holds a perfectly good application: only its name tells it apart.
        (store.folder / pattern.format(id=app_id)).write_bytes(original.read_bytes())
    result = store.load_all()
    assert [item.application.id for item in result.applications] == [app_id]
    assert len(result.problems) == len(COPIES)
    for problem in result.problems:
        assert f"a conflict copy of {app_id}.toml made by " in problem.message
        assert "it is not loaded" in problem.message
        assert f"copy into {app_id}.toml anything from this copy" in problem.message
        assert "then delete this copy" in problem.message


def test_the_workspace_lists_a_copy_among_its_problems(store: ApplicationStore) -> None:
    app_id = store.create(sample_application()).application.id
    copy = store.folder / f"{app_id}.sync-conflict-20261201-093012-ABCDEFG.toml"
    copy.write_bytes(store.path_for(app_id).read_bytes())
    workspace = Workspace(store)
    workspace.apply(workspace.read_all())
    assert list(workspace.records) == [app_id]
    assert [problem.path for problem in workspace.problems] == [copy]
    assert "made by Syncthing" in workspace.problems[0].message


def test_a_file_git_left_with_conflict_markers_says_how_to_finish(store: ApplicationStore) -> None:
    app_id = store.create(sample_application()).application.id
    path = store.path_for(app_id)
    text = path.read_text("utf-8").replace(
        'stage = "applied"\n',
        '<<<<<<< ours\nstage = "applied"\n=======\nstage = "screening"\n>>>>>>> theirs\n',
    )
    path.write_text(text, "utf-8")
    [problem] = store.load_all().problems
    assert "not valid TOML" in problem.message
    assert "git's conflict markers" in problem.message and "`git add`" in problem.message
    assert has_conflict_markers(text)
    assert not has_conflict_markers('notes = """\n<<<<<<<< not quite\n"""\n')
