"""The shape check every TOML file from the data folder passes before it is parsed
(storage/toml_guard.py): each limit refuses with the reason in words, real files pass."""

from __future__ import annotations

import tomllib
from dataclasses import replace

import pytest

from postinterview.domain.models import Interview
from postinterview.storage.codec import (
    DamagedFile,
    UnsavableRecord,
    encode_record,
    read_application,
)
from postinterview.storage.toml_guard import (
    APPLICATION,
    BOM,
    SETTINGS,
    UnreadableToml,
    check_shape,
    checked_text,
    load,
    structure,
)
from tests.conftest import FIXED_NOW, sample_application

HEAD = 'schema_version = 2\ncompany = "Acme"\n'


def refusal(text: str | bytes) -> UnreadableToml:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(UnreadableToml) as caught:
        checked_text(raw, APPLICATION)
    return caught.value


def test_the_issues_long_dotted_key_is_refused_by_its_parts_and_line() -> None:
    error = refusal(HEAD + "a" + ".a" * 40_000 + " = 1\n")
    assert error.line == 3
    assert error.message.startswith("a key with 40,001 parts")
    assert "a real application's keys have a handful" in error.message


@pytest.mark.parametrize(
    "nested",
    [
        "x = " + "[" * 50_000 + "]" * 50_000,
        "x = " + "{ a = " * 50_000 + "1" + " }" * 50_000,
        "x = " + "[{ a = " * 11 + "1" + " }]" * 11,
        "recruiter = { name = 'R', x = " + "[" * 20 + "]" * 20 + " }",
    ],
    ids=["arrays", "inline tables", "tables in arrays", "in a known field"],
)
def test_nesting_deeper_than_the_limit_is_refused_with_its_line(nested: str) -> None:
    error = refusal(HEAD + "\n" + nested + "\n")
    assert error.line == 4
    assert "nested more than 10 deep" in error.message


def test_a_dotted_table_header_counts_as_a_long_key() -> None:
    error = refusal(HEAD + "[" + ".".join(["a"] * 17) + "]\nx = 1\n")
    assert (error.line, error.message.split(";")[0]) == (3, "a key with 17 parts")


def test_brackets_dots_and_hashes_inside_texts_and_comments_are_not_structure() -> None:
    texts = [
        '"' + "a." * 5_000 + '"',
        "'" + "[" * 5_000 + "'",
        '"""\n' + "{a=" * 5_000 + '\n"""',
        "'''" + "a.a." * 5_000 + "'''",
        r'"escaped \" ' + "[" * 100 + '"',
    ]
    text = HEAD + "".join(f"k{i} = {t}\n" for i, t in enumerate(texts)) + "# " + "[" * 500 + "\n"
    check_shape(text, APPLICATION)
    skeleton = structure(text, APPLICATION)
    assert "[" not in skeleton and "a.a" not in skeleton
    assert skeleton.count("\n") == text.count("\n")  # line numbers still hold


def test_an_unclosed_text_ends_its_line_and_the_key_after_it_is_still_seen() -> None:
    text = HEAD + 'x = "open\n' + "a" + ".a" * 20 + " = 1\n"
    error = refusal(text)
    assert error.line == 4


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("x = [" + "1," * 20_000 + "]\n", "keys and values"),
        ("".join(f"[t{i}]\n" for i in range(3_100)), "[tables]"),
        ("x = [" + '"",' * 110_000 + "]\n", "quote marks"),
        ("x = [" + "'a'," * 25_000 + "]\n", "quoted texts and comments"),
        ('notes = "' + "\\n" * 160_000 + '"\n', "backslash escapes"),
        ("\n" * 300_000, "characters outside its quoted texts"),
        ("x = 1" + " " * 20_000 + "\n", "characters outside quoted texts on one line"),
    ],
    ids=["items", "tables", "quotes", "texts", "escapes", "structure", "line"],
)
def test_each_count_has_its_limit_and_its_words(text: str, reason: str) -> None:
    error = refusal(HEAD + text)
    assert reason in error.message and (
        "the limit is" in error.message or "more than" in error.message
    )


def test_size_encoding_and_byte_order_marks() -> None:
    assert "larger than 4 MiB" in refusal(b"x" * (APPLICATION.max_bytes + 1)).message
    assert checked_text(BOM + b"a = 1\n", APPLICATION) == "a = 1\n"
    assert load(BOM + b"a = 1\n", SETTINGS)[0] == {"a": 1}
    assert refusal("a = 1\n".encode("utf-16")).message.startswith("not valid UTF-8")
    assert refusal(b"a = 1\nb = '\xff'\n").line == 2


def test_invalid_toml_is_reported_by_tomllib_in_words() -> None:
    with pytest.raises(UnreadableToml, match=r"not valid TOML: .*line 1"):
        load(b"a = = 1\n", APPLICATION)


def test_a_real_application_with_fifty_interviews_and_long_notes_passes() -> None:
    application = sample_application()
    interview = Interview(id="iv", at=FIXED_NOW)
    line = "We spoke about the team, the rota and how they review designs.\n"
    answer, notes = line * 300, line * 1_500  # 20 KB each, and 100 KB of notes
    interviews = [
        interview.revised(
            id=f"iv-{n}",
            reflection=interview.reflection.revised(went_well=answer, to_improve=answer),
        )
        for n in range(50)
    ]
    record = application.revised(notes=notes, interviews=interviews).to_record()
    raw = encode_record(record)
    assert len(raw) > 2_000_000
    decoded = read_application(raw, "acme-abc123")
    assert len(decoded.application.interviews) == 50


def test_nothing_is_written_that_a_read_would_refuse(monkeypatch: pytest.MonkeyPatch) -> None:
    from postinterview.storage import codec

    record = sample_application().revised(notes="line\n" * 11).to_record()
    raw = encode_record(record)  # with the real limits it fits
    assert tomllib.loads(raw.decode())["notes"] == "line\n" * 11
    monkeypatch.setattr(codec, "APPLICATION", replace(APPLICATION, max_escapes=10))
    with pytest.raises(UnsavableRecord, match="11 backslash escapes.*Shorten"):
        codec.encode_record(record)


def test_the_codec_reports_a_refusal_as_a_damaged_file_with_its_line() -> None:
    raw = (HEAD + "a" + ".a" * 100 + " = 1\n[file_end]\n").encode()
    with pytest.raises(DamagedFile) as caught:
        read_application(raw, "acme-abc123")
    assert caught.value.describe().startswith("line 3: a key with 101 parts")
