"""A list in titled sections, each drawn a page at a time: Today's and the weekly review's.

A large search can have thousands of rows (7,000 actions on Today at 2,000 applications). An
option list lays out and keeps every option it holds, so each section draws its first page and
a last row saying how many more there are; choosing that row draws the next page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rich.text import Text
from textual.widgets.option_list import Option

from postinterview.ui.markup import shown_rich
from postinterview.ui.widgets.option_list import OptionList

T = TypeVar("T")

MORE = "more:"
"""Option id prefix of a section's "N more" row."""


@dataclass(frozen=True)
class Section(Generic[T]):
    """One titled group of rows."""

    title: str
    items: Sequence[tuple[str, T]]
    """Each row's option id and what it stands for, in order."""
    hint: str = ""
    """Keys that act on the rows, shown dim after the title when there are rows."""
    empty: str = ""
    """Shown, dim, when there are no rows; with "" an empty section is left out."""
    count: int | None = None
    """The number shown after the title, when it is not the number of rows (e.g. interviews
    listed with their steps)."""


class SectionedList(OptionList, Generic[T]):
    """Sections of rows; `item(option_id)` is what a drawn row stands for."""

    PAGE = 50
    """Rows drawn at first in each section, and added each time its last row is chosen."""

    def __init__(self, prompt: Callable[[T], Text], *, id: str) -> None:  # noqa: A002
        super().__init__(id=id)
        self._prompt = prompt
        self._sections: Sequence[Section[T]] = ()
        self._shown: dict[str, int] = {}
        """Rows drawn per section title (more than a page once the person asked for more)."""
        self.items: dict[str, T] = {}
        """Every row of every section by option id, drawn or not."""

    def show(self, sections: Sequence[Section[T]], placeholder: str = "") -> None:
        """Draw `sections`, keeping the highlighted row where it stays; `placeholder` (dim)
        when there is nothing at all to show."""
        keep = self.highlighted_option.id if self.highlighted_option is not None else None
        position = self.highlighted
        self._sections = sections
        self.items = {option_id: item for s in sections for option_id, item in s.items}
        options: list[Option | None] = []
        for section in sections:
            if not section.items and not section.empty:
                continue
            if options:
                options.append(None)
            count = len(section.items) if section.count is None else section.count
            heading = Text(f"{section.title} ({count:,})", style="bold")
            if section.items and section.hint:
                heading.append(f"   {section.hint}", style="dim")
            options.append(Option(shown_rich(heading), disabled=True))
            if not section.items:
                options.append(Option(Text(f"  {section.empty}", style="dim"), disabled=True))
            options += self._rows(section, keep)
        if not options and placeholder:
            options.append(Option(Text(placeholder, style="dim"), disabled=True))
        self.set_options(options)
        self._highlight(keep, position)

    def _rows(self, section: Section[T], keep: str | None) -> list[Option]:
        ids = [option_id for option_id, _ in section.items]
        wanted = ids.index(keep) + 1 if keep in ids else 0
        count = max(self._shown.get(section.title, self.PAGE), wanted)
        self._shown[section.title] = count
        rows = [
            Option(shown_rich(self._prompt(item)), id=key) for key, item in section.items[:count]
        ]
        rest = len(section.items) - count
        if rest > 0:
            more = min(rest, self.PAGE)
            label = f"  … {rest:,} more: enter shows the next {more}"
            rows.append(Option(Text(label, style="dim italic"), id=MORE + section.title))
        return rows

    def _highlight(self, keep: str | None, position: int | None) -> None:
        """The row that was highlighted if it is still there; else the row now in its place
        (the next one, after a row is done with); else the last."""
        selectable = [i for i, option in enumerate(self.options) if not option.disabled]
        if not selectable:
            return
        ids = [option.id for option in self.options]
        if keep is not None and keep in ids:
            self.highlighted = ids.index(keep)
        else:
            after = position or 0
            self.highlighted = min((i for i in selectable if i >= after), default=selectable[-1])

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        if not option_id.startswith(MORE):
            return
        event.stop()  # not a row: the screen never sees it
        title = option_id.removeprefix(MORE)
        index = self.highlighted
        self._shown[title] = self._shown.get(title, self.PAGE) + self.PAGE
        self.show(self._sections)
        if index is not None:
            self.highlighted = index  # the first of the rows just drawn
