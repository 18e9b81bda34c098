"""Saves made while the workspace holds its changes are told to the views once, at the end:
an import of thousands (and its undo) redraws each view once, not per application."""

from __future__ import annotations

from pathlib import Path

from postinterview.storage.store import ApplicationStore
from postinterview.workspace import Change, Workspace
from tests.conftest import FIXED_NOW, sample_application


def _listening(data_dir: Path) -> tuple[Workspace, list[Change]]:
    workspace = Workspace(ApplicationStore(data_dir), lambda: FIXED_NOW)
    heard: list[Change] = []
    workspace.subscribe(heard.append)
    return workspace, heard


def _add(workspace: Workspace, company: str) -> str:
    outcome = workspace.add(sample_application(company))
    assert outcome.stored is not None
    return outcome.stored.application.id


def test_saves_inside_are_told_once_at_the_end(data_dir: Path) -> None:
    workspace, heard = _listening(data_dir)
    with workspace.changes_held():
        ids = {_add(workspace, name) for name in ("Acme", "Globex", "Initech")}
        with workspace.changes_held():  # held already: the outer one tells
            ids.add(_add(workspace, "Umbrella"))
        assert heard == []
        # The records are there at once; only the telling waits.
        assert set(workspace.records) == ids
    assert heard == [Change(frozenset(ids))]


def test_nothing_saved_inside_tells_nothing(data_dir: Path) -> None:
    workspace, heard = _listening(data_dir)
    with workspace.changes_held():
        pass
    assert heard == []


def test_an_undo_of_many_tells_once(data_dir: Path) -> None:
    workspace, heard = _listening(data_dir)
    with workspace.one_step("imported 3"):
        ids = {_add(workspace, name) for name in ("Acme", "Globex", "Initech")}
    heard.clear()
    assert workspace.undo() == "Undone: imported 3."
    assert heard == [Change(frozenset(ids))]
    assert workspace.records == {}
    heard.clear()
    workspace.redo()
    assert heard == [Change(frozenset(ids))] and set(workspace.records) == ids
