"""A tracker file's bytes as text, and which encoding they were read as.

UTF-8 (with or without a byte-order mark) and UTF-16 with a mark are read as they are. When
UTF-8 fails, the file is most likely an older Excel "CSV" saved in Windows-1252, so that is
tried next, with Latin-1 for the five bytes Windows-1252 leaves undefined; the caller says so
to the person, since a guessed encoding can turn an accented letter into the wrong one.
Binary data (a workbook, a PDF, an image, NUL bytes) is refused, whatever it decodes to.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

MAX_TRACKER_BYTES = 32 * 1024 * 1024
"""Larger files are refused unread: a tracker of thousands of rows is a few hundred KiB, and
100,000 rows of a ten-column sheet about 12 MiB (benchmarks/import_bench.py), so this lets
in 100,000 rows of up to 330 bytes each while bounding what a read holds in memory."""

UTF8 = "UTF-8"
UTF16 = "UTF-16"
WINDOWS_1252 = "Windows-1252"

_BINARY_STARTS = {
    b"PK\x03\x04": "is a spreadsheet workbook, not CSV: save the sheet as CSV first",
    b"\xd0\xcf\x11\xe0": "is an old Excel workbook, not CSV: save the sheet as CSV first",
    b"%PDF": "is a PDF document, not a table of applications",
    b"\x89PNG": "is an image, not a table of applications",
    b"\xff\xd8\xff": "is an image, not a table of applications",
    b"\x1f\x8b": "is a compressed (gzip) file: unpack it first",
}

_CONTROL = re.compile("\x00")
"""NUL marks binary data; other control characters (an escape sequence in a cell) are kept,
since every screen and the CLI show them harmlessly rather than obey them."""


class TextRefused(ValueError):
    """The bytes are not text we can read; the message says why, in one line."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    """UTF8, UTF16 or WINDOWS_1252: what the bytes were read as."""


def _latin1_for_undefined(error: UnicodeError) -> tuple[str, int]:
    """Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; Latin-1 reads them."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("postinterview-latin1", _latin1_for_undefined)


def decode_text(raw: bytes) -> DecodedText:
    """The file's text and its encoding; TextRefused when it is not text at all."""
    if len(raw) > MAX_TRACKER_BYTES:
        raise TextRefused(
            f"is larger than {MAX_TRACKER_BYTES // (1024 * 1024)} MiB, more than a tracker "
            "holds (100,000 rows of a sheet are about 12 MiB): split it into smaller files "
            "and import each"
        )
    for start, message in _BINARY_STARTS.items():
        if raw.startswith(start):
            raise TextRefused(message)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            decoded = DecodedText(raw.decode("utf-16"), UTF16)
        except UnicodeDecodeError as error:
            raise TextRefused(f"is not valid UTF-16 text ({error.reason})") from error
    else:
        try:
            decoded = DecodedText(raw.decode("utf-8-sig"), UTF8)
        except UnicodeDecodeError:
            decoded = DecodedText(raw.decode("cp1252", "postinterview-latin1"), WINDOWS_1252)
    _refuse_binary(decoded.text)
    return decoded


def _refuse_binary(text: str) -> None:
    """Text holding a NUL byte is a binary file, not a sheet."""
    if found := _CONTROL.search(text):
        line = text.count("\n", 0, found.start()) + 1
        raise TextRefused(
            f"line {line} holds binary data (byte 0x{ord(found.group()):02x}), so it is not a table"
        )


def encoding_note(decoded: DecodedText) -> str:
    """What to tell the person about the encoding; empty when it was the expected UTF-8."""
    if decoded.encoding == WINDOWS_1252:
        return (
            "read as Windows-1252 (it is not UTF-8): check accented letters, "
            "or save the sheet as 'CSV UTF-8'"
        )
    return ""
