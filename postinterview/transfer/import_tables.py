"""A tracker's text as rows of cells: a CSV sheet or a Markdown pipe table.

A Markdown table is recognised by a `|---|` separator line under a pipe-delimited header,
wherever it starts (trackers kept as notes, like career-ops' applications.md, put headings
and prose before it). Anything else is read as CSV, its delimiter a comma, semicolon or tab,
whichever the header line uses most. Either way the first row holding something is the header.
Other text that starts with `[` or `{` is JSON: a tracker's list of applications (import_json;
a Markdown file may start with a `[link]`, so the table is looked for first).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator

from postinterview.transfer.import_json import JsonRefused, json_records, looks_like_json

MAX_COLUMNS = 1_000
"""More columns than this is not a tracker (a sheet's width is tens of columns), so it is
refused before any row is mapped."""

_DELIMITERS = (",", ";", "\t")

Record = tuple[int, list[str]]
"""(the line a row starts on, its cells)."""

_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)[^)]*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_EMPHASIS = re.compile(r"(\*\*|__|~~)(.+?)\1|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])|`([^`]*)`")


class TableRefused(ValueError):
    """The text is not a table we can read; the message says why, in one line."""


def read_records(text: str) -> list[Record]:
    """Every row that holds something, header first; TableRefused for broken or huge tables."""
    lines = text.splitlines()
    records = _markdown_records(lines) if _markdown_start(lines) is not None else None
    del lines  # a large CSV is not held a second time, as lines, while it is read
    if records is None and looks_like_json(text):  # a table's `|---|` line is never JSON
        try:
            return json_records(text, MAX_COLUMNS)
        except JsonRefused as refusal:
            raise TableRefused(str(refusal)) from refusal
    records = records if records is not None else _csv_records(text)
    if records and len(records[0][1]) > MAX_COLUMNS:
        line, header = records[0]
        raise TableRefused(
            f"line {line}: the header has {len(header):,} columns; "
            f"a tracker has at most {MAX_COLUMNS:,}"
        )
    return records


def _csv_records(text: str) -> list[Record]:
    first_line = next((line for line in _lines(text) if line.strip()), "")
    delimiter = max(_DELIMITERS, key=first_line.count)  # a tie keeps the comma
    reader = csv.reader(_lines(text), delimiter=delimiter, strict=True)
    records = []
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise TableRefused(f"line {reader.line_num}: not valid CSV ({error})") from error
        if any(cell.strip() for cell in cells):
            records.append((start, cells))
    return records


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def _lines(text: str) -> Iterator[str]:
    """The text's lines with their endings, split as a file opened with newline="" splits them
    (at \n, \r\n or \r only), which is what the csv module expects; one at a time, where
    io.StringIO would first copy the whole text at four bytes a character."""
    return (match.group() for match in _LINE.finditer(text))


# --- Markdown ------------------------------------------------------------------------------


def _markdown_start(lines: list[str]) -> int | None:
    """The index of a pipe table's header line: the line above the first `|---|` separator."""
    for index in range(1, len(lines)):
        if (
            "|" in lines[index]
            and _SEPARATOR.match(lines[index])
            and "|" in lines[index - 1]
            and lines[index - 1].strip()
        ):
            return index - 1
    return None


def _markdown_records(lines: list[str]) -> list[Record] | None:
    start = _markdown_start(lines)
    if start is None:
        return None
    records = [(start + 1, _markdown_cells(lines[start]))]
    for index in range(start + 2, len(lines)):
        line = lines[index]
        if "|" not in line or not line.strip():
            break  # the table ends at the first line that is not a row of it
        cells = _markdown_cells(line)
        if any(cells):
            records.append((index + 1, cells))
    return records


def _markdown_cells(line: str) -> list[str]:
    """A row's cells, `\\|` kept as a pipe, the outer pipes dropped, inline markdown read."""
    cells, current, escaped = [], [], False
    for char in line.strip():
        if escaped:
            current.append(char if char == "|" else "\\" + char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(char)
    cells.append("".join(current) + ("\\" if escaped else ""))
    if line.strip().startswith("|"):
        cells = cells[1:]
    if line.strip().endswith("|") and not line.strip().endswith("\\|"):
        cells = cells[:-1]
    return [plain_markdown(cell.strip()) for cell in cells]


def plain_markdown(cell: str) -> str:
    """A cell's inline markdown as text: a link as its text (its URL when it has none),
    `<url>` as the URL, and bold, italic, strike-through and code marks dropped."""
    cell = _LINK.sub(lambda link: link.group(1).strip() or link.group(2), cell)
    cell = _AUTOLINK.sub(lambda link: link.group(1), cell)
    previous = None
    while previous != cell:  # nested marks: **_x_**
        previous = cell
        cell = _EMPHASIS.sub(
            lambda mark: next(group for group in mark.groups()[1:] if group is not None), cell
        )
    return cell.replace("<br>", "\n").replace("<br/>", "\n").strip()
