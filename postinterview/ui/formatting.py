"""Plain-text formatting shared by the screens and the command line (no Textual here)."""

from __future__ import annotations

import unicodedata
from datetime import datetime, timedelta


def one_line(text: str, limit: int) -> str:
    """`text` with line breaks and runs of spaces folded, cut to `limit` characters with '…'."""
    flat = " ".join(text.split())
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
    """The last local day before `deadline`, e.g. 'Mon 16 Nov'.

    Deadlines are the midnight that ends a day, so a note due by 2026-11-17 00:00 is due on
    Monday the 16th; naming the 17th would give a day too many.
    """
    last_moment = (deadline - timedelta(microseconds=1)).astimezone()
    return last_moment.strftime("%a %d %b %Y" if with_year else "%a %d %b")
