"""Files that could not be read: what is wrong with each, putting back the last good version,
and moving them aside."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.widgets.option_list import Option

from postinterview.ui.date_text import local_moment_label
from postinterview.ui.history_text import option_text
from postinterview.ui.markup import escape_markup
from postinterview.ui.widgets.option_list import OptionList
from postinterview.workspace import Change, FileProblem, Workspace

EXPLANATION = (
    "These files were left exactly as they are. Fix one in a text editor (it is read again "
    "within seconds); or press r to put back the last good version kept in its history (the "
    "damaged file goes into the quarantine folder first); or m to move it there as it is."
)


class ProblemsScreen(ModalScreen[bool]):
    """The files that could not be read. Dismisses True when a file was moved aside or put
    right."""

    BINDINGS = [
        Binding("escape,q", "close", "Close"),
        Binding("r", "restore", "Restore the last good version"),
        Binding("m", "move_aside", "Move aside"),
    ]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self._workspace = workspace
        self._problems = list(workspace.problems)
        self._moved_any = False

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Files that could not be read", classes="form-title")
            yield Static(EXPLANATION, classes="dialog-detail")
            yield OptionList(*self._options(), id="problems")
            yield Static("", id="problems-status", classes="dialog-detail")

    def _options(self) -> list[Option]:
        return [
            Option(
                option_text(problem.path.name, problem.message, self._kept(problem)), id=str(index)
            )
            for index, problem in enumerate(self._problems)
        ]

    def _kept(self, problem: FileProblem) -> str:
        """What r would put back."""
        version = self._workspace.last_good_version(problem)
        if version is None:
            return "No earlier version was kept: fix it by hand, or move it aside."
        when = local_moment_label(version.saved_at, self._workspace.clock())
        return f"r puts back the version saved {when}."

    def on_mount(self) -> None:
        self.query_one("#problems", OptionList).focus()
        self._show_status(f"In {self._workspace.folder}")
        self._unfollow = self._workspace.subscribe(self._changed)

    def on_unmount(self) -> None:
        self._unfollow()

    def _changed(self, change: Change) -> None:
        # A file repaired by hand (or moved, or damaged anew) while the list is open.
        if change.problems or change.everything:
            self._problems = list(self._workspace.problems)
            options = self.query_one("#problems", OptionList)
            options.clear_options()
            options.add_options(self._options())
            if not self._problems:
                self._show_status("Every file reads fine now.")

    def action_move_aside(self) -> None:
        """Move the highlighted file into quarantine/, unchanged."""
        options = self.query_one("#problems", OptionList)
        if options.highlighted is None or not self._problems:
            return
        problem = self._problems[options.highlighted]
        error, target = self._workspace.quarantine(problem)
        if target is None:
            self._show_status(error)
            return
        self._moved_any = True  # the list itself follows the workspace (see _changed)
        self._show_status(f"Moved to {target}")
        if not self._problems:
            self.dismiss(True)

    def action_restore(self) -> None:
        """Put the last good version in place of the highlighted file (kept in quarantine/)."""
        options = self.query_one("#problems", OptionList)
        if options.highlighted is None or not self._problems:
            return
        problem = self._problems[options.highlighted]
        restored = self._workspace.restore_last_good(problem)
        if restored.version is None or not restored.saved.ok:
            self._show_status(f"Not restored: {restored.saved.error}")
            return
        self._moved_any = True  # the list follows the workspace (see _changed)
        when = local_moment_label(restored.version.saved_at, self._workspace.clock())
        moved = (
            f"The damaged file is in {restored.quarantined}."
            if restored.quarantined is not None
            else "There was no damaged file left to move aside."
        )
        self._show_status(f"Restored {problem.path.name} as it was saved {when}. {moved}")

    def action_close(self) -> None:
        """Back to the list."""
        self.dismiss(self._moved_any)

    def _show_status(self, text: str) -> None:
        self.query_one("#problems-status", Static).update(escape_markup(text))
