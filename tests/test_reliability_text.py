"""Reliability: hostile text in every text field survives a round trip byte for byte.

Control characters, bidi overrides, zero-width joiners, combining marks, TOML syntax inside
values, 1 MB notes, every Unicode code point: each either comes back exactly as it went in, or
is refused with a clear error before anything is written. A file the store cannot read back is
never written.

What TOML can hold: a basic string may not contain U+0000-U+0008, U+000A-U+001F or U+007F as
they are, but every one of them has an escape, which tomli_w writes; so every code point except
the surrogates (U+D800-U+DFFF, which UTF-8 cannot encode) is storable, and is stored.
"""

from __future__ import annotations

import tomllib
import unicodedata
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from postinterview.domain.limits import LINE_LIMIT, NAME_LIMIT, NOTE_LIMIT
from postinterview.domain.models import Application
from postinterview.storage import codec
from postinterview.storage.codec import (
    UnsavableRecord,
    decode_application,
    encode_application,
)
from postinterview.storage.store import ApplicationStore, CannotSave
from tests.conftest import FIXED_NOW, Reliability

NOW = FIXED_NOW

C0 = "".join(chr(c) for c in range(0x20)) + "\x7f"
C1 = "".join(chr(c) for c in range(0x80, 0xA0))
BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"

HOSTILE = {
    "C0 and DEL": C0,
    "C1": C1,
    "NUL alone": "\x00",
    "line ends": "a\r\nb\rc\nd\x85e\u2028f\u2029g\x0bh\x0ci",
    "tabs and edges": "\t leading and trailing \t",
    "only white space": " \t\r\n ",
    "bidi overrides": BIDI + "invoice\u202egpj.exe",
    "zero width": ZERO_WIDTH + "👨\u200d👩\u200d👧\u200d👦",
    "combining": "e" + "\u0301" * 200 + " Z̷̢̛̛a̶l̸g̵o̴",
    "NFD stays NFD": unicodedata.normalize("NFD", "Ångström café"),
    "noncharacters": "\ufffe\uffff\U0001fffe\U0010ffff\ue000\ufffd",
    "triple quotes": "\"\"\"'''\"\"\"\"''''",
    "file_end inside": '"\n[file_end]\nwritten_by = "evil"\n',
    "key inside": 'key = 1\ncompany = "Evil"\nschema_version = 99',
    "tables inside": "[[interviews]]\n[recruiter]\n[file_end]",
    "backslashes": "\\ \\\\ \\n \\u0000 \\U0010FFFF \\x00 C:\\Users\\",
    "quotes": "\"'`“”‘’«»",
    "comment": "# not a comment",
    "markup": "[b]bold[/b] [link=https://x]x[/link] [/] \x1b[31mred\x1b[0m",
    "empty": "",
    "long line": "x" * 4_000,
}
"""Each put in every text field at once (and as keys and unknown fields too)."""


def _non_empty(text: str) -> str:
    """Text for a field that must not be blank."""
    return text if text.strip() else f"x{text}"


def application_with(text: str) -> Application:
    """An application whose every text field, key and unknown field holds `text` (cut to the
    field's limit: a name holds at most NAME_LIMIT characters, see domain.limits)."""
    name = _non_empty(text)[:NAME_LIMIT]
    short, line = text[:NAME_LIMIT], text[:LINE_LIMIT]
    contact: dict[str, Any] = {
        "name": name,
        "title": short,
        "email": short,
        "phone": short,
        "note": text,
        f"unknown {text}": text,
    }
    return Application.model_validate(
        {
            "company": name,
            "role": name,
            "stage": "interviewing",
            "created_at": NOW,
            "updated_at": NOW,
            "location": line,
            "job_link": line,
            "notes": text,
            "recruiter": contact,
            "referees": [{**contact, "notified_at": NOW}],
            "contact_log": [{"at": NOW, "with_whom": short, "note": text, text: text}],
            "stage_history": [{"at": NOW, "to_stage": "applied", "note": text}],
            f"future {text}": {text: [text]},
            "interviews": [
                {
                    "id": f"i{text}",
                    "at": NOW - timedelta(hours=2),
                    "contact_method": line,
                    "next_steps": text,
                    "promised_to_send": text,
                    "interviewers": [contact],
                    "reflection": {
                        "went_well": text,
                        "to_improve": text,
                        "interested_them": text,
                        "struggled_with": text,
                        "forgot_to_say": text,
                        text: text,
                    },
                    "checklist": {f"thank-you:{text}": {"state": "done", "at": NOW}},
                    "signals": {text: True},
                    "snoozed": {text: NOW},
                    f"unknown {text}": text,
                }
            ],
        }
    )


def texts_of(node: Any) -> list[str]:
    """Every string in a record, keys included, in order: to compare as bytes."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [t for key, value in node.items() for t in [*texts_of(key), *texts_of(value)]]
    if isinstance(node, list):
        return [t for item in node for t in texts_of(item)]
    return []


def assert_same_text(loaded: Application, expected: Application) -> None:
    """Every string (keys included) equal as UTF-8 bytes, and the records equal."""
    assert loaded.to_record() == expected.to_record()
    actual, wanted = texts_of(loaded.to_record()), texts_of(expected.to_record())
    assert [t.encode("utf-8") for t in actual] == [t.encode("utf-8") for t in wanted]


def assert_codec_round_trips(application: Application) -> None:
    """Encode, decode: the same text; encoding again gives the same bytes; and a plain TOML
    reader (a person's own script) sees the same text too, not some private form of it."""
    encoded = encode_application(application)
    decoded = decode_application(encoded, "x-abc123")
    assert_same_text(decoded, application)
    assert encode_application(decoded) == encoded
    plain = tomllib.loads(encoded.decode("utf-8"))
    assert (plain["company"], plain.get("notes", "")) == (application.company, application.notes)


def assert_store_round_trips(
    store: ApplicationStore, application: Application, edit: bool = True
) -> None:
    """Create and load: the same text; the file is exactly what the codec writes for what was
    loaded (so a later save changes nothing it did not mean to); and an edit keeps it all."""
    stored = store.create(application)
    loaded = store.load(stored.application.id).application
    assert_same_text(loaded, application)
    assert store.path_for(loaded.id).read_bytes() == encode_application(loaded)
    if edit:  # the role, at most NAME_LIMIT long, takes in the start of the notes

        def role(a: Application) -> str:
            return (a.role + a.notes)[:NAME_LIMIT]

        store.update(loaded.id, lambda a: a.revised(role=role(a)), None)
        edited = store.load(loaded.id).application
        assert_same_text(edited, application.revised(role=role(application)))


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_text_in_every_field_round_trips(store: ApplicationStore, kind: str) -> None:
    application = application_with(HOSTILE[kind])
    assert_codec_round_trips(application)
    assert_store_round_trips(store, application)


def test_each_control_character_alone_round_trips(store: ApplicationStore) -> None:
    for code in [*range(0x20), 0x7F, *range(0x80, 0xA0)]:
        application = application_with(chr(code))
        assert_codec_round_trips(application)
    assert_store_round_trips(store, application_with(C0 + C1))


def test_every_code_point_but_the_surrogates_round_trips(
    store: ApplicationStore, reliability: Reliability
) -> None:
    """In CI, planes 0 to 2 whole and the last two code points of every other plane; with
    --reliability-heavy, all 1,112,064, in two applications (4.2 MiB of UTF-8 is more than
    one file may hold)."""
    last = 0x110000 if reliability.heavy else 0x30000
    codes = [*range(last), *(p * 0x10000 + 0xFFFE + i for p in range(3, 17) for i in (0, 1))]
    everything = "".join(chr(c) for c in sorted(set(codes)) if not 0xD800 <= c <= 0xDFFF)
    # A note holds at most NOTE_LIMIT characters: one contact-log note per slice, and (heavy)
    # two applications, since all of it is over the 4 MiB one file may hold.
    half = len(everything) // 2 if reliability.heavy else len(everything)
    for part in filter(None, (everything[:half], everything[half:])):
        log = [
            {"at": NOW, "note": part[start : start + NOTE_LIMIT]}
            for start in range(0, len(part), NOTE_LIMIT)
        ]
        application = application_with("x").revised(contact_log=log)
        assert_store_round_trips(store, application, edit=False)


def test_a_note_as_long_as_allowed_of_hostile_text_round_trips(
    store: ApplicationStore, reliability: Reliability
) -> None:
    """NOTE_LIMIT characters of the hostile texts above, in the notes; with
    --reliability-heavy, in every reflection field of the interview too, and edited once more."""
    piece = "".join(HOSTILE[kind] for kind in sorted(HOSTILE) if kind != "long line")
    megabyte = (piece * (NOTE_LIMIT // len(piece) + 1))[:NOTE_LIMIT]
    application = application_with("short").revised(notes=megabyte)
    if reliability.heavy:
        interview = application.interviews[0]
        reflection = {name: megabyte[::-1] for name in ("went_well", "to_improve")}
        application = application.revised(interviews=[interview.revised(reflection=reflection)])
    assert_store_round_trips(store, application, edit=reliability.heavy)


@pytest.mark.parametrize("surrogate", ["\ud800", "\udfff", "a\udc80b"])
@pytest.mark.parametrize("where", ["notes", "reflection", "interviewer", "checklist key"])
def test_a_lone_surrogate_is_refused_before_anything_is_written(
    store: ApplicationStore, surrogate: str, where: str
) -> None:
    good = store.create(application_with("fine"))
    path = store.path_for(good.application.id)
    before = path.read_bytes()
    bad = application_with("fine")
    interview = bad.interviews[0]
    if where == "notes":
        bad = bad.model_copy(update={"notes": surrogate})
    elif where == "reflection":
        reflection = interview.reflection.model_copy(update={"went_well": surrogate})
        bad = bad.model_copy(
            update={"interviews": [interview.model_copy(update={"reflection": reflection})]}
        )
    elif where == "interviewer":
        person = interview.interviewers[0].model_copy(update={"name": surrogate})
        bad = bad.model_copy(
            update={"interviews": [interview.model_copy(update={"interviewers": [person]})]}
        )
    else:
        marks = {surrogate: next(iter(interview.checklist.values()))}
        bad = bad.model_copy(
            update={"interviews": [interview.model_copy(update={"checklist": marks})]}
        )
    with pytest.raises(UnsavableRecord):
        encode_application(bad)
    with pytest.raises(CannotSave, match="cannot be stored as TOML.*your edit is kept"):
        store.update(good.application.id, lambda _: bad, good.revision)
    with pytest.raises(CannotSave, match="cannot be stored as TOML"):
        store.create(bad.model_copy(update={"id": ""}))
    assert path.read_bytes() == before
    assert [p.name for p in store.folder.iterdir()] == [path.name]  # no new file, no temp file


def test_a_record_too_big_to_read_back_is_never_written(
    store: ApplicationStore, monkeypatch: pytest.MonkeyPatch, reliability: Reliability
) -> None:
    """NUL is stored as the six characters \\u0000, so a note can be far larger on disk than
    on screen. A file over the size cap would be refused when read: it must not be written."""
    stored = store.create(application_with("fine"))
    path = store.path_for(stored.application.id)
    before = path.read_bytes()
    # A note holds at most NOTE_LIMIT characters (600 KB of NULs on disk): so the cap is
    # lowered here to meet it.
    monkeypatch.setattr(codec, "MAX_FILE_BYTES", 64 * 1024 * (8 if reliability.heavy else 1))
    nuls = "\x00" * (NOTE_LIMIT if reliability.heavy else 12_000)  # 600 KB or 72 KB on disk
    with pytest.raises(CannotSave, match="at most .* MiB.*your edit is kept"):
        store.update(stored.application.id, lambda a: a.revised(notes=nuls), stored.revision)
    with pytest.raises(CannotSave, match="at most"):
        store.create(application_with("other").revised(notes=nuls))
    assert path.read_bytes() == before
    assert [p.name for p in store.folder.iterdir()] == [path.name]


_hostile_text = st.lists(
    st.sampled_from(sorted(set(C0 + C1 + BIDI + ZERO_WIDTH + "\u0301\u0300\u20dd\ufffe")))
    | st.sampled_from([v for k, v in sorted(HOSTILE.items()) if k != "long line"])
    | st.text(max_size=8),
    max_size=12,
).map("".join)


def test_random_hostile_text_round_trips(reliability: Reliability) -> None:
    @reliability.hypothesis(50, 1_000)
    @given(text=_hostile_text)
    def check(text: str) -> None:
        assert_codec_round_trips(application_with(text))

    check()


def test_hostile_file_content_is_not_reinterpreted(store: ApplicationStore) -> None:
    """A note holding a whole application file stays a note: nothing in it becomes a field."""
    inner = encode_application(application_with("inner")).decode("utf-8")
    application = application_with("outer").revised(notes=inner, location=inner)
    stored = store.create(application)
    raw = tomllib.loads(store.path_for(stored.application.id).read_text("utf-8"))
    assert raw["company"] == "outer"
    assert raw["notes"] == inner
    assert raw["file_end"] == {"written_by": raw["file_end"]["written_by"]}
    assert Path(store.path_for(stored.application.id)).read_bytes().count(b"\n[file_end]\n") == 1
