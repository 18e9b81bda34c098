"""Plain-text formatting shared by the screens and the command line (no Textual here)."""

from __future__ import annotations

import unicodedata
from datetime import datetime

from postinterview.domain.days import last_day

READ_ONLY_NOTE = "read-only"
"""The plain words on a card or a row whose file a newer postinterview wrote."""


_STAND_INS = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}
_STAND_INS |= {code: f"<{code:02X}>" for code in range(0x80, 0xA0)}
for _kept in "\n\t":
    del _STAND_INS[ord(_kept)]


_IN_PLACE = _STAND_INS | {code: "\ufffd" for code in range(0x80, 0xA0)}


def shown(text: str) -> str:
    """`text` safe to print: C0/C1 control characters and DEL become visible stand-ins.

    ESC becomes '␛', so an escape sequence in a note (from an import or a hand edit) is shown
    and never obeyed by the terminal. Line breaks and tabs stay. The stored text is untouched.
    """
    return text.translate(_STAND_INS)


def shown_in_place(text: str) -> str:
    """`text` with every control character replaced by ONE visible character, so positions in
    the text stay positions on screen: for editing widgets, whose cursor counts characters.
    Line breaks and tabs stay. C1 controls (which `shown` names as '<9B>') become '�'."""
    return text.translate(_IN_PLACE)


def one_line(text: str, limit: int) -> str:
    """`text` shown (see `shown`) with line breaks and runs of spaces folded, cut to `limit`
    characters with '…'."""
    flat = shown(" ".join(text.split()))
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def display_width(text: str) -> int:
    """Terminal columns `text` takes: wide East Asian characters and emoji take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    """`text` followed by spaces up to `width` terminal columns."""
    return text + " " * max(0, width - display_width(text))


def local_date(moment: datetime) -> str:
    """The date of `moment` in the local time zone, as YYYY-MM-DD."""
    return moment.astimezone().strftime("%Y-%m-%d")


def deadline_day(deadline: datetime, with_year: bool = False) -> str:
    """The last local day before `deadline` (see domain.days.last_day), e.g. 'Mon 16 Nov'."""
    return last_day(deadline).strftime("%a %d %b %Y" if with_year else "%a %d %b")
