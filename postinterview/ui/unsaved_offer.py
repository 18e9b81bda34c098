"""At start, offering back the text forms held when an earlier session ended (a quit, a
crash, a SIGTERM): restore it into its form, discard it, or decide at the next start."""

from __future__ import annotations

from typing import Any

from textual.app import App

from postinterview.domain.unsaved import OF_ONE_APPLICATION, UnsavedForm
from postinterview.workspace import Change, Workspace


def offer_once_read(app: App[Any], workspace: Workspace) -> None:
    """Once every file is read (an edit's application must be known), offer each left-over
    form in turn, the latest first."""

    def changed(_: Change | None) -> None:
        if workspace.loaded:
            stop()
            offer_next(app, workspace, workspace.unsaved.left_over())

    stop = workspace.subscribe(changed)
    changed(None)


def offer_next(app: App[Any], workspace: Workspace, waiting: list[UnsavedForm]) -> None:
    """Ask about `waiting[0]`, then the rest; after a restore the rest wait for the next
    start (one form at a time on screen)."""
    if not waiting:
        return
    from postinterview.ui.form_openers import restore
    from postinterview.ui.screens.unsaved import RestoreOfferScreen

    unsaved, rest = waiting[0], waiting[1:]
    gone = unsaved.form in OF_ONE_APPLICATION and unsaved.app_id not in workspace.records

    def answered(answer: str | None) -> None:
        if answer == "discard":
            workspace.unsaved.forget(unsaved.key)
        if answer == "restore":
            restore(app, workspace, unsaved)
        else:
            offer_next(app, workspace, rest)

    app.push_screen(RestoreOfferScreen(unsaved, gone), answered)
