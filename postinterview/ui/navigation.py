"""Where screens lead: which screen each mode shows, and opening the others.

Screens are imported where they are first opened, not at start-up: importing all of them cost
about a quarter of a second before the first screen could appear (see BENCHMARKS.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.screen import ModalScreen, Screen

from postinterview.ui.markup import escape_markup
from postinterview.workspace import Workspace
from postinterview.workspace.undo import describe

if TYPE_CHECKING:
    from postinterview.ui.file_preview import ImportResult, OpenFile
    from postinterview.ui.screens.interview_picker import Choice

MODES = ("today", "applications", "board")
"""The views of all applications; the command line picks the one the app opens on."""


def mode_screen(mode: str, workspace: Workspace) -> Callable[[], Screen[Any]]:
    """What makes the screen of one of `MODES`, when the mode is first shown."""

    def make() -> Screen[Any]:
        if mode == "today":
            from postinterview.ui.screens.today import TodayScreen

            return TodayScreen(workspace)
        if mode == "board":
            from postinterview.ui.screens.board import BoardScreen

            return BoardScreen(workspace)
        from postinterview.ui.screens.applications import ApplicationsScreen

        return ApplicationsScreen(workspace)

    return make


def open_application(app: App[Any], workspace: Workspace, app_id: str) -> None:
    """Show everything about one application."""
    from postinterview.ui.screens.application_detail import ApplicationDetailScreen

    app.push_screen(ApplicationDetailScreen(workspace, app_id))


def open_interview(
    app: App[Any], workspace: Workspace, app_id: str, interview_id: str, step: str = "facts"
) -> None:
    """Show one interview: facts, reflection, checklist (`step` says which comes first)."""
    from postinterview.ui.screens.interview import InterviewScreen

    if app_id in workspace.records:
        app.push_screen(InterviewScreen(workspace, app_id, interview_id, step))


def schedule_interview(app: App[Any], workspace: Workspace, app_id: str | None = None) -> None:
    """Choose the application (unless given), say when the interview starts, then fill in the
    rest on the interview screen."""
    from postinterview.ui.screens.interview_picker import InterviewPickerScreen

    if isinstance(app.screen, ModalScreen):
        return  # finish the open dialog first
    if app_id is not None:
        _ask_when(app, workspace, app_id)
        return

    def chosen(choice: Choice | None) -> None:
        if choice is not None:
            _ask_when(app, workspace, choice[0])

    app.push_screen(InterviewPickerScreen(workspace, scheduling=True), chosen)


def _ask_when(app: App[Any], workspace: Workspace, app_id: str) -> None:
    from postinterview.domain.interviews import new_interview_id
    from postinterview.domain.interviews import schedule_interview as schedule
    from postinterview.ui.application_fields import describe_company
    from postinterview.ui.screens.schedule_form import ScheduleFormScreen

    stored = workspace.records.get(app_id)
    if stored is None:
        return
    interview_id = new_interview_id()

    def save(at: datetime) -> str | None:
        outcome = workspace.update(
            app_id, lambda a: schedule(a, interview_id, at, workspace.clock())
        )
        return outcome.error or None

    def saved(done: bool | None) -> None:
        if done:
            open_interview(app, workspace, app_id, interview_id)

    describe = describe_company(stored.application)
    app.push_screen(ScheduleFormScreen(describe, workspace.clock, save), saved)


def open_weekly_review(app: App[Any], workspace: Workspace) -> None:
    """Overdue actions, quiet applications, what must wait, and the week in figures."""
    from postinterview.ui.screens.weekly_review import WeeklyReviewScreen

    if not isinstance(app.screen, WeeklyReviewScreen | ModalScreen):
        app.push_screen(WeeklyReviewScreen(workspace))


def open_deleted(app: App[Any], workspace: Workspace) -> None:
    """The deleted applications, to put one back."""
    from postinterview.ui.screens.deleted import DeletedScreen

    if not isinstance(app.screen, ModalScreen):
        app.push_screen(DeletedScreen(workspace))


def open_history(app: App[Any], workspace: Workspace, app_id: str) -> None:
    """Every kept version of one application, to restore one."""
    from postinterview.ui.screens.history import HistoryScreen

    if not isinstance(app.screen, HistoryScreen | ModalScreen):
        app.push_screen(HistoryScreen(workspace, app_id))


def import_file(app: App[Any], workspace: Workspace, open_file: OpenFile) -> None:
    """Import a tracker's file: read it, show what would be imported, save on confirm; then
    the board, with the new cards, and how to undo it all."""
    from postinterview.ui.screens.import_file import ImportFileScreen

    if isinstance(app.screen, ModalScreen | ImportFileScreen):
        return  # finish the open dialog (or import) first

    def imported(result: ImportResult | None) -> None:
        if result is None:
            return
        if result.saved:
            app.switch_mode("board")
        app.notify(
            result.message,
            severity="error" if result.failed else "information",
            timeout=10 if result.failed else 6,
        )

    app.push_screen(ImportFileScreen(workspace, open_file), imported)


def open_help(app: App[Any]) -> None:
    """Show the keys and what each screen is for."""
    from postinterview.ui.screens.help import HelpScreen

    if not isinstance(app.screen, HelpScreen):
        app.push_screen(HelpScreen())


def start_interview(app: App[Any], workspace: Workspace) -> None:
    """Choose or add the application, then record the interview. With no application yet
    there is nothing to choose: straight to the company and role."""
    from postinterview.ui.screens.interview_picker import InterviewPickerScreen

    if isinstance(app.screen, ModalScreen):
        return  # finish the open dialog first
    if workspace.loaded and not workspace.records:
        from postinterview.ui.screens.quick_application import add_and_record

        add_and_record(app, workspace, "", lambda choice: open_interview(app, workspace, *choice))
        return

    def chosen(choice: Choice | None) -> None:
        if choice is not None:
            open_interview(app, workspace, *choice)

    app.push_screen(InterviewPickerScreen(workspace), chosen)


def save_typing(app: App[Any]) -> None:
    """Save what every open editor has typed (while its fields still exist)."""
    for screen in app.screen_stack:
        save = getattr(screen, "save_typing", None)
        if save is not None:
            save()


def save_typing_then_exit(app: App[Any]) -> None:
    """Save what every open editor has typed, then exit.

    In a terminal, keys typed fast arrive together: ctrl+q is seen before the keys before it
    have been handled by their field, so the app waits for a refresh before this runs."""
    save_typing(app)
    app.exit()


def undo(app: App[Any], workspace: Workspace, redo: bool = False) -> None:
    """Undo (or redo) the latest change made in this window, and say what it was. Typing
    not yet saved is saved first: it is the latest change."""
    save_typing(app)
    from postinterview.ui.screens.board import BoardScreen

    steps = workspace.undo_history.undone if redo else workspace.undo_history.done
    board = app.screen if isinstance(app.screen, BoardScreen) else None  # its cursor follows
    if board is not None and steps and steps[-1].operations:
        board.following = steps[-1].operations[-1].app_id
    message = workspace.redo() if redo else workspace.undo()
    if board is not None:
        board.following = None
    refused = message.startswith("Not ")
    app.notify(
        message, severity="warning" if refused else "information", timeout=8 if refused else 5
    )


def system_commands(
    app: App[Any], workspace: Workspace, screen: Screen[Any], open_file: OpenFile | None = None
) -> Iterable[SystemCommand]:
    """The command palette's entries: the app's own, then the screen's (`open_file` reads a
    file to import; without it there is no import)."""
    yield SystemCommand("Help", "Keys, screens and where your data lives", partial(open_help, app))
    history = workspace.undo_history
    if history.done:
        what = escape_markup(describe(history.done[-1], workspace.clock()))  # help is markup
        yield SystemCommand("Undo", f"Take back {what} (u)", partial(undo, app, workspace))
    if history.undone:
        what = escape_markup(describe(history.undone[-1], workspace.clock()))
        yield SystemCommand("Redo", f"Do {what} again (U)", partial(undo, app, workspace, True))
    yield SystemCommand(
        "I just had an interview",
        "Record it, reflect, and see what to do next",
        partial(start_interview, app, workspace),
    )
    yield SystemCommand(
        "Schedule an interview",
        "One still to come: when, where, who, and how to get ready",
        partial(schedule_interview, app, workspace, None),
    )
    yield SystemCommand(
        "Today",
        "What is due or overdue, across every application",
        partial(app.switch_mode, "today"),
    )
    yield SystemCommand("Board", "Every application by stage", partial(app.switch_mode, "board"))
    yield SystemCommand(
        "Applications list",
        "Every application in a table",
        partial(app.switch_mode, "applications"),
    )
    yield SystemCommand(
        "Weekly review",
        "Overdue, gone quiet, too soon; the week in figures",
        partial(open_weekly_review, app, workspace),
    )
    yield SystemCommand(
        "Deleted applications",
        "Put back an application that was deleted",
        partial(open_deleted, app, workspace),
    )
    if open_file is not None:
        yield SystemCommand(
            "Import a file…",
            "Applications from another tracker's CSV or Markdown export (o)",
            partial(import_file, app, workspace, open_file),
        )
    commands = getattr(screen, "palette_commands", None)
    if commands is not None:
        yield from commands()
