"""Person text printed anywhere shows control characters; the terminal never obeys them."""

from __future__ import annotations

from postinterview.formatting import shown


def test_escape_sequences_become_visible() -> None:
    assert shown("Acme\x1b]0;owned\x07") == "Acme\u241b]0;owned\u2407"
    assert shown("\x1b[2J") == "\u241b[2J"


def test_c1_controls_and_delete_are_named() -> None:
    assert shown("a\x9b2Jb\x7f") == "a<9B>2Jb\u2421"


def test_line_breaks_and_tabs_stay_and_plain_text_is_unchanged() -> None:
    text = "Dear Sam,\n\tthank you — Zoë 日本"
    assert shown(text) == text


def test_no_control_character_survives() -> None:
    every = "".join(chr(code) for code in [*range(0x20), 0x7F, *range(0x80, 0xA0)])
    out = shown(every)
    assert all(ch in "\n\t" or not (ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0) for ch in out)
