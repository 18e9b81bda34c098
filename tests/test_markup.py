"""A person's text shows exactly as typed, whatever brackets and backslashes it holds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from textual.content import Content

from postinterview.ui.markup import escape_markup


def shown(text: str) -> str:
    return Content.from_markup(escape_markup(text)).plain


def test_bracketed_words_are_not_taken_for_tags() -> None:
    for text in ["[Sam Lee]", "[Acme] Ltd", "[b]bold?[/b]", "[/]", "C:\\[dir]", "a\\\\[x]"]:
        assert shown(text) == text


@given(st.text(alphabet=st.sampled_from(list("ab [/]\\=#@$ "))))
def test_any_text_round_trips(text: str) -> None:
    assert shown(text) == text
