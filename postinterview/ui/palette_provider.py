"""The command palette's finder: an application by company or role, a person, an interview."""

from __future__ import annotations

from functools import partial

from textual.command import Hit, Hits, Provider
from textual.content import Content

from postinterview.formatting import shown
from postinterview.ui import navigation
from postinterview.ui.markup import escape_markup
from postinterview.ui.palette_index import Entry, build_index, find
from postinterview.workspace import Workspace


class ApplicationsProvider(Provider):
    """Finds what the workspace holds now (read when the palette opens, never from disk) and
    opens the application's detail screen."""

    _index: list[Entry] = []
    _workspace: Workspace | None = None

    async def startup(self) -> None:
        workspace = getattr(self.app, "workspace", None)
        if isinstance(workspace, Workspace):
            self._workspace = workspace
            self._index = build_index(workspace.applications())

    async def search(self, query: str) -> Hits:
        workspace = self._workspace
        if workspace is None:
            return
        matcher = self.matcher(query)
        for score, entry in find(self._index, query):
            # On the palette's own scale (its commands' fuzzy scores run well above 1), so a
            # company typed in full is not ranked below a command that merely holds its letters.
            yield Hit(
                matcher.match(entry.haystack) + score,
                Content(shown(entry.label)),  # a name from a file: text, never markup
                partial(navigation.open_application, self.app, workspace, entry.app_id),
                text=entry.label,
                help=escape_markup(entry.help),  # the palette reads help as markup
            )
