"""How a tracker file's bytes become text, and its text rows: encodings and table shapes."""

from __future__ import annotations

import codecs
import time

import pytest

from postinterview.transfer.import_tables import (
    MAX_COLUMNS,
    TableRefused,
    plain_markdown,
    read_records,
)
from postinterview.transfer.import_text import (
    UTF8,
    UTF16,
    WINDOWS_1252,
    TextRefused,
    decode_text,
    encoding_note,
)

# --- Encodings ----------------------------------------------------------------------------


def test_utf8_with_or_without_a_bom_and_utf16_with_one() -> None:
    text = "Company,Role\nZürich Labs,Ingénieur\n"
    for raw, encoding in [
        (text.encode("utf-8"), UTF8),
        (codecs.BOM_UTF8 + text.encode("utf-8"), UTF8),
        (text.encode("utf-16"), UTF16),  # Python writes the BOM
    ]:
        decoded = decode_text(raw)
        assert (decoded.text, decoded.encoding) == (text, encoding)
        assert encoding_note(decoded) == ""


def test_not_utf8_is_read_as_windows_1252_with_latin1_for_its_gaps() -> None:
    decoded = decode_text(b"Company,Role\nZ\xfcrich,\x80 \x93x\x94 \x81\x9d\n")
    assert decoded.encoding == WINDOWS_1252
    assert decoded.text == "Company,Role\nZürich,€ \u201cx\u201d \x81\x9d\n"
    assert "read as Windows-1252" in encoding_note(decoded)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00", "spreadsheet workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1", "old Excel workbook"),
        (b"%PDF-1.4\n", "PDF document"),
        (b"\x1f\x8b\x08\x00", "gzip"),
        (b"Company,Role\n\x00\x00\x00", "line 2 holds binary data \\(byte 0x00\\)"),
        (b"\xff\xfeC\x00\x00\xd8", "not valid UTF-16"),
    ],
)
def test_binary_files_are_refused_whatever_they_decode_to(raw: bytes, reason: str) -> None:
    with pytest.raises(TextRefused, match=reason):
        decode_text(raw)


# --- CSV ----------------------------------------------------------------------------------


def test_a_european_semicolon_sheet_and_a_tab_one() -> None:
    assert read_records("Company;Role\nAcme, Ltd;Engineer\n") == [
        (1, ["Company", "Role"]),
        (2, ["Acme, Ltd", "Engineer"]),
    ]
    assert read_records("Company\tRole\n\nAcme\tEngineer\n")[1] == (3, ["Acme", "Engineer"])


def test_ten_thousand_columns_are_refused_quickly() -> None:
    text = ",".join(f"c{i}" for i in range(10_000)) + "\n" + ",".join("x" * 10_000) + "\n"
    started = time.perf_counter()
    with pytest.raises(TableRefused, match="line 1: the header has 10,000 columns"):
        read_records(text)
    assert time.perf_counter() - started < 1.0
    assert len(read_records(",".join(["c"] * MAX_COLUMNS) + "\n")[0][1]) == MAX_COLUMNS


# --- Markdown -----------------------------------------------------------------------------


def test_a_pipe_table_after_headings_and_text() -> None:
    text = (
        "# Job hunt\n"
        "\n"
        "Notes | with a pipe, but no separator under them.\n"
        "\n"
        "| Company | Role | Link |\n"
        "| :--- | ---: | --- |\n"
        "| Acme \\| Co | Engineer | [posting](https://acme.example/1) |\n"
        "|  |  |  |\n"
        "Globex | Analyst | <https://globex.example>\n"
        "\n"
        "| Not | part |\n"
    )
    assert read_records(text) == [
        (5, ["Company", "Role", "Link"]),
        (7, ["Acme | Co", "Engineer", "posting"]),
        (9, ["Globex", "Analyst", "https://globex.example"]),
    ]


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        ("**Acme**", "Acme"),
        ("*Acme* Robotics", "Acme Robotics"),
        ("__Acme__ ~~Ltd~~", "Acme Ltd"),
        ("**_Acme_**", "_Acme_"),
        ("`SRE`", "SRE"),
        ("[Acme](https://acme.example)", "Acme"),
        ("[](https://acme.example/jobs/1)", "https://acme.example/jobs/1"),
        ("line one<br>line two", "line one\nline two"),
        ("5 * 3 * 2", "5 * 3 * 2"),
        ("snake_case_name", "snake_case_name"),
    ],
)
def test_inline_markdown_is_read_as_its_text(cell: str, text: str) -> None:
    assert plain_markdown(cell) == text
