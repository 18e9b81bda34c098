"""Every TOML file read from the data folder goes through here: a cheap look at its shape
first, then tomllib, so that no file can cost more than a bounded time and memory.

tomllib is exact but its cost depends on the shape of a file, not only its size: one dotted
key of 40,000 parts (80 KB) took it a minute and 6 GB, because it remembers every prefix of
the key; brackets nested a few thousand deep cost it seconds (or a RecursionError); each
key, value and table costs microseconds, and each character of a quoted text ~60 ns. So
before parsing, this module takes the file's *structure* (everything outside its quoted
texts and comments, found with one regular expression that never backtracks) and counts
what tomllib would pay for, refusing a file over any limit with the reason in words. The
limits are measured (BENCHMARKS.md, `benchmarks/toml_guard_bench.py`): a real application
with fifty interviews and long notes is far inside them.

A UTF-8 byte-order mark, which some Windows editors put first, is accepted (`strip_bom`).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Any

BOM = b"\xef\xbb\xbf"
"""The UTF-8 byte-order mark: allowed first in a file, and kept there by a rewrite."""


@dataclass(frozen=True)
class Limits:
    """What a file of one kind may hold before it is parsed."""

    kind: str
    """What a real file is, for messages: "a real application"."""
    max_bytes: int
    """Its size, byte-order mark aside (quoted text is the cheapest part to parse)."""
    max_escapes: int
    """Backslashes (each escape in a quoted text costs tomllib a function call)."""
    max_quotes: int
    """Quote marks, escaped or not (bounds the work of finding the quoted texts)."""
    max_texts: int
    """Quoted texts and comments."""
    max_structure: int
    """Characters outside quoted texts and comments (keys, values, spaces, newlines)."""
    max_line: int
    """Characters outside quoted texts on one line."""
    max_items: int
    """Keys and values (each `=` and `,` outside quoted texts)."""
    max_tables: int
    """Table headers (`[table]`, `[[array]]`)."""
    max_key_parts: int
    """Parts of one dotted key or table name (`interviews.checklist.x` has 3)."""
    max_depth: int
    """Lists and inline tables inside one another."""
    usual_key_parts: int
    usual_depth: int


APPLICATION = Limits(
    kind="a real application",
    max_bytes=4 * 1024 * 1024,
    max_escapes=150_000,
    max_quotes=200_000,
    max_texts=20_000,
    max_structure=256 * 1024,
    max_line=16 * 1024,
    max_items=15_000,
    max_tables=3_000,
    max_key_parts=16,
    max_depth=10,
    usual_key_parts=3,
    usual_depth=2,
)
"""An application file. Fifty interviews with every checklist entry and signal ticked come
to ~1,000 tables and ~4,000 keys and values; notes of 100 KB each are quoted text."""

SETTINGS = Limits(
    kind="a real settings file",
    max_bytes=1024 * 1024,
    max_escapes=50_000,
    max_quotes=50_000,
    max_texts=10_000,
    max_structure=128 * 1024,
    max_line=16 * 1024,
    max_items=5_000,
    max_tables=500,
    max_key_parts=16,
    max_depth=10,
    usual_key_parts=2,
    usual_depth=1,
)
"""settings.toml: a few tables of a few keys each."""


class UnreadableToml(ValueError):
    """The file is refused, before or while parsing; `message` says why in words."""

    def __init__(self, message: str, line: int | None = None) -> None:
        self.message = message
        self.line = line
        super().__init__(message if line is None else f"line {line}: {message}")


def strip_bom(raw: bytes) -> tuple[bytes, bool]:
    """`raw` without a leading UTF-8 byte-order mark, and whether it had one."""
    if raw.startswith(BOM):
        return raw[len(BOM) :], True
    return raw, False


def load(raw: bytes, limits: Limits) -> tuple[dict[str, Any], str]:
    """The TOML document in `raw` and its text (without a byte-order mark), or
    UnreadableToml with the reason: too large, not UTF-8, a pathological shape, not TOML."""
    text = checked_text(raw, limits)
    return parse(text), text


def parse(text: str) -> dict[str, Any]:
    """tomllib on a text `check_shape` accepted, its errors as UnreadableToml."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # The message already ends "(at line N, column M)".
        raise UnreadableToml(f"not valid TOML: {error}") from error
    except (RecursionError, ValueError, TypeError, MemoryError) as error:
        raise UnreadableToml(f"not readable TOML ({type(error).__name__})") from error


def checked_text(raw: bytes, limits: Limits) -> str:
    """`raw` as text, byte-order mark dropped, once its size and shape are within `limits`."""
    raw, _ = strip_bom(raw)
    if len(raw) > limits.max_bytes:
        # `raw` may stop just past the limit (readers read no further), so give no size.
        raise UnreadableToml(f"the file is larger than {_size(limits.max_bytes)}{_real(limits)}")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableToml(
            "not valid UTF-8 text: it starts like UTF-16 (what Windows calls 'Unicode'); "
            "save it as UTF-8",
            1,
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise UnreadableToml("not valid UTF-8 text", line) from error
    check_shape(text, limits)
    return text


def _size(count: int) -> str:
    return f"{count / 1_048_576:g} MiB" if count >= 1_048_576 else f"{count // 1024} KiB"


def _real(limits: Limits) -> str:
    return f"; {limits.kind} is a few kilobytes"


# The shape --------------------------------------------------------------------------------------

# Every alternative matches once it has started (an unclosed text runs to the end of its line,
# or of the file), and every repetition is possessive: one pass, no backtracking, whatever the
# file holds. Escapes are skipped in pairs, so \" does not end a text.
_TEXTS_AND_COMMENTS = re.compile(
    r'"""(?:[^"\\]++|\\[\s\S]|"(?!""))*+(?:"{3,5}|\\?)'
    r"|'''(?:[^']++|'(?!''))*+(?:'{3,5})?"
    r'|"(?:[^"\\\n]++|\\.)*+(?:"|\\?)'
    r"|'[^'\n]*+'?"
    r"|#[^\n]*+"
)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]++")


def _long_key(parts: int) -> re.Pattern[str]:
    # A run of more than `parts` dot-joined words; the look-behind starts it at a word's first
    # character only, so a long word is scanned once, not once per character.
    return re.compile(rf"(?<![\w.-])(?:[\w-]++[ \t]*+\.[ \t]*+){{{parts}}}[\w-]")


_KEY_RUN = re.compile(r"[\w-]++(?:[ \t]*+\.[ \t]*+[\w-]++)*+")
_HEADER = re.compile(r"^[ \t]*\[", re.MULTILINE)
_long_keys: dict[int, re.Pattern[str]] = {}


def structure(text: str, limits: Limits) -> str:
    """`text` with each quoted text replaced by `0` (its newlines kept) and comments removed;
    UnreadableToml if there are more texts and comments than `limits` allow."""
    max_texts = limits.max_texts
    count = 0

    def blank(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        found = match.group()
        if found[0] == "#":
            return ""
        return "0" + "\n" * found.count("\n") if "\n" in found else "0"

    skeleton = _TEXTS_AND_COMMENTS.sub(blank, text, count=max_texts + 1)
    if count > max_texts:
        raise UnreadableToml(
            f"the file has more than {max_texts:,} quoted texts and comments; "
            f"{limits.kind} has a few hundred"
        )
    return skeleton


def check_shape(text: str, limits: Limits) -> None:
    """UnreadableToml, with the reason and line where there is one, if tomllib would pay more
    for `text` than `limits` allow. Cheapest first: each step bounds the cost of the next."""
    escapes = text.count("\\")
    if escapes > limits.max_escapes:
        raise UnreadableToml(
            f"the file has {escapes:,} backslash escapes; {limits.kind} has a few thousand "
            f"(the limit is {limits.max_escapes:,})"
        )
    quotes = text.count('"') + text.count("'")
    if quotes > limits.max_quotes:
        raise UnreadableToml(
            f"the file has {quotes:,} quote marks; {limits.kind} has a few thousand "
            f"(the limit is {limits.max_quotes:,})"
        )
    skeleton = structure(text, limits)
    if len(skeleton) > limits.max_structure:
        start = skeleton[: limits.max_structure]  # a long key or deep nesting there says more
        _check_keys(start, limits)
        _check_depth(start, limits)
        raise UnreadableToml(
            f"the file has {len(skeleton):,} characters outside its quoted texts; "
            f"{limits.kind} has a few thousand (the limit is {limits.max_structure:,})"
        )
    _check_keys(skeleton, limits)
    _check_depth(skeleton, limits)
    items = skeleton.count("=") + skeleton.count(",")
    if items > limits.max_items:
        raise UnreadableToml(
            f"the file has {items:,} keys and values; {limits.kind} has a few hundred "
            f"(the limit is {limits.max_items:,})"
        )
    tables = len(_HEADER.findall(skeleton))
    if tables > limits.max_tables:
        raise UnreadableToml(
            f"the file has {tables:,} [tables]; {limits.kind} has a few dozen "
            f"(the limit is {limits.max_tables:,})"
        )
    if len(skeleton) <= limits.max_line:
        return
    for number, line in enumerate(skeleton.split("\n"), start=1):
        if len(line) > limits.max_line:
            raise UnreadableToml(
                f"{len(line):,} characters outside quoted texts on one line; {limits.kind}'s "
                f"lines are short (the limit is {limits.max_line:,})",
                number,
            )


def _check_keys(skeleton: str, limits: Limits) -> None:
    pattern = _long_keys.get(limits.max_key_parts)
    if pattern is None:
        pattern = _long_keys.setdefault(limits.max_key_parts, _long_key(limits.max_key_parts))
    found = pattern.search(skeleton)
    if found is None:
        return
    run = _KEY_RUN.match(skeleton, found.start())
    parts = run.group().count(".") + 1 if run else limits.max_key_parts + 1
    line = skeleton.count("\n", 0, found.start()) + 1
    raise UnreadableToml(
        f"a key with {parts:,} parts; {limits.kind}'s keys have a handful "
        f"(at most {limits.usual_key_parts}; the limit is {limits.max_key_parts})",
        line,
    )


def _check_depth(skeleton: str, limits: Limits) -> None:
    brackets = _NOT_BRACKETS.sub("", skeleton)
    depth = 0
    for index, bracket in enumerate(brackets):
        if index == limits.max_items:  # keeps this loop short
            raise UnreadableToml(
                f"the file has more than {limits.max_items:,} brackets outside its quoted "
                f"texts; {limits.kind} has a few hundred"
            )
        depth = depth + 1 if bracket in "[{" else max(depth - 1, 0)
        if depth > limits.max_depth:
            line = _line_of_bracket(skeleton, index)
            raise UnreadableToml(
                f"lists or tables nested more than {limits.max_depth} deep; "
                f"{limits.kind} nests them {limits.usual_depth} deep at most",
                line,
            )


def _line_of_bracket(skeleton: str, index: int) -> int:
    """The line of the `index`th bracket in `skeleton` (only when reporting one)."""
    for count, match in enumerate(re.finditer(r"[\[\]{}]", skeleton)):
        if count == index:
            return skeleton.count("\n", 0, match.start()) + 1
    return 1
