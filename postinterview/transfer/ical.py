"""The parts of RFC 5545 (iCalendar) the export needs: TEXT escaping, line folding, dates.

Content lines end with CRLF and are folded so that no line is longer than 75 octets (bytes of
UTF-8, not characters): a long line is broken before the octet limit, never inside a
character, and each continuation line starts with one space.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from datetime import UTC, date, datetime

CRLF = "\r\n"
MAX_OCTETS = 75
"""The longest a content line may be, excluding its CRLF (RFC 5545 §3.1)."""


def escape_text(value: str) -> str:
    """`value` as an iCalendar TEXT value (RFC 5545 §3.3.11).

    Backslash, semicolon and comma are escaped; every line break becomes `\\n`; other control
    characters, which TEXT may not hold, are dropped (a tab is kept).
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = "".join(ch for ch in value if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded into physical lines of at most 75 octets, joined by CRLF.

    `line` holds no line break of its own: TEXT values are escaped (`escape_text`) first.
    """
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > MAX_OCTETS:
            pieces.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += width
    pieces.append("".join(current))
    return CRLF.join(pieces)


def property_line(name: str, value: str, parameters: str = "") -> str:
    """A folded `NAME;PARAMETERS:VALUE` line; `value` must already be in its iCalendar form."""
    head = f"{name};{parameters}" if parameters else name
    return fold(f"{head}:{value}")


def text_property(name: str, value: str) -> str:
    """A folded property line with a TEXT value, escaped."""
    return property_line(name, escape_text(value))


def date_value(day: date) -> str:
    """A DATE value: 20261116."""
    return day.strftime("%Y%m%d")


def utc_value(moment: datetime) -> str:
    """A DATE-TIME value in UTC: 20261120T153000Z."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def document(lines: Iterable[str]) -> str:
    """Content lines joined into a document: each line, the last one too, ends with CRLF."""
    return "".join(line + CRLF for line in lines)
