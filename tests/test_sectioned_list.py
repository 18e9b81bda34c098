"""The sectioned list of Today and the weekly review: each section a page at a time."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from postinterview.ui.widgets.sectioned_list import MORE, Section, SectionedList


class Host(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.chosen: list[str] = []

    def compose(self) -> ComposeResult:
        yield SectionedList[str](lambda item: Text(item), id="list")

    def on_option_list_option_selected(self, event: SectionedList.OptionSelected) -> None:
        self.chosen.append(event.option.id or "")


def sections(count: int) -> list[Section[str]]:
    return [
        Section("Overdue", [(f"o{n}", f"overdue {n}") for n in range(count)]),
        Section("Due now", [], empty="Nothing due."),
        Section("Coming up", []),  # no empty text: left out
    ]


def drawn_ids(listing: SectionedList[str]) -> list[str]:
    return [option.id for option in listing.options if option.id]


async def test_a_long_section_draws_a_page_and_the_next_on_request() -> None:
    app = Host()
    async with app.run_test() as pilot:
        listing = app.query_one(SectionedList)
        listing.PAGE = 3
        listing.show(sections(8))
        assert drawn_ids(listing) == ["o0", "o1", "o2", MORE + "Overdue"]
        assert len(listing.items) == 8  # every row is known, drawn or not
        prompts = [str(option.prompt) for option in listing.options]
        assert "Overdue (8)" in prompts[0]
        assert any("5 more" in prompt for prompt in prompts)
        assert any("Nothing due." in prompt for prompt in prompts)
        assert not any("Coming up" in prompt for prompt in prompts)
        listing.focus()
        listing.highlighted = drawn_ids(listing).index(MORE + "Overdue") + 1  # the heading first
        await pilot.press("enter")
        await pilot.pause()
        assert drawn_ids(listing) == ["o0", "o1", "o2", "o3", "o4", "o5", MORE + "Overdue"]
        assert listing.highlighted_option is not None
        assert listing.highlighted_option.id == "o3"  # the first of the rows just drawn
        assert app.chosen == []  # the "more" row is the list's own, not a row to open
        await pilot.press("enter")
        assert app.chosen == ["o3"]


async def test_a_redraw_keeps_the_highlighted_row_or_takes_the_next() -> None:
    app = Host()
    async with app.run_test():
        listing = app.query_one(SectionedList)
        listing.show(sections(5))
        listing.highlighted = drawn_ids(listing).index("o2") + 1
        listing.show(sections(5))
        assert listing.highlighted_option is not None and listing.highlighted_option.id == "o2"
        # o2 done with: the section is one shorter, and the row now in its place is chosen.
        shorter = [Section("Overdue", [(f"o{n}", "x") for n in (0, 1, 3, 4)])]
        listing.show(shorter)
        assert listing.highlighted_option is not None and listing.highlighted_option.id == "o3"


async def test_nothing_at_all_shows_the_placeholder() -> None:
    app = Host()
    async with app.run_test():
        listing = app.query_one(SectionedList)
        listing.show([Section("Overdue", [])], placeholder="Nothing yet.")
        assert [str(option.prompt) for option in listing.options] == ["Nothing yet."]
