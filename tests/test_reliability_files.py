"""Reliability: a data folder full of damaged, hostile and strange files.

tests/test_store.py checks one example of each kind of damage. Here a folder holds hundreds of
them at once (300 in CI, 2,000 with --reliability-heavy), made by mutating real files, and the
store must: never raise, report each bad file, load every good one, and never change a bad file
(bytes, size, time, inode), not even when asked to update it.
"""

from __future__ import annotations

import os
import random
import re
import stat
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from postinterview.domain.models import Application
from postinterview.storage.codec import (
    END_TABLE,
    HEADER,
    MAX_FILE_BYTES,
    DamagedFile,
    UnsavableRecord,
    decode_application,
    encode_application,
    read_application,
)
from postinterview.storage.migrations import NEWEST_SCHEMA
from postinterview.storage.store import (
    ApplicationStore,
    CannotSave,
    StoreError,
    WrittenByNewerVersion,
)
from tests.conftest import FIXED_NOW, Reliability, sample_application

NOW = FIXED_NOW


def full_application(company: str = "Acme Robotics") -> Application:
    """An application with every field and every kind of nested record filled in."""
    return Application.model_validate(
        {
            **sample_application(company).to_record(),
            "source": "recruiter",
            "company_size": "small",
            "location": "Remote",
            "job_link": "https://example.com/job",
            "applied_on": NOW.date(),
            "recruiter": {"name": "Rae", "email": "rae@example.com", "note": "n"},
            "referees": [{"name": "Ref", "phone": "123", "notified_at": NOW}],
            "contact_log": [{"at": NOW, "channel": "phone", "with_whom": "Rae", "note": "x"}],
            "quiet_acknowledged_at": NOW,
            "interviews": [
                {
                    "id": "i1",
                    "at": NOW - timedelta(hours=2),
                    "round": 1,
                    "kind": "technical",
                    "format": "video",
                    "planned_minutes": 45,
                    "actual_minutes": 50,
                    "decision_expected_on": NOW.date(),
                    "contact_method": "email",
                    "next_steps": "final",
                    "promised_to_send": "code",
                    "references_requested": True,
                    "interviewers": [{"name": "Ana", "title": "CTO"}],
                    "reflection": {"went_well": "ok", "still_want": "yes"},
                    "checklist": {"thank-you:ana": {"state": "done", "at": NOW}},
                    "signals": {"asked-about-start": True},
                    "snoozed": {"follow-up": NOW},
                }
            ],
        }
    )


TEMPLATES = [
    encode_application(sample_application()),
    encode_application(full_application()),
]
"""Real files, as the store writes them, for the mutations to start from."""


# Making bad files ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Specimen:
    """One entry to put in the folder."""

    kind: str
    content: bytes | None = None
    """The bytes to write, or None for the special entries made by `make`."""
    must_fail: bool = True
    """Certainly bad: it must be reported. Otherwise it may load (a flip inside a note)."""
    field: str | None = None
    """The field the problem message must name."""
    must_load: bool = False
    """Certainly good, however odd it looks."""
    read_only: bool = False
    """Written by a newer version and readable: it must load, marked read-only."""
    make: Callable[[Path], None] | None = None


def _document(template: bytes) -> dict[str, Any]:
    return tomllib.loads(template.decode("utf-8"))


def _dump(document: dict[str, Any]) -> bytes:
    body = {k: v for k, v in document.items() if k != END_TABLE}
    body[END_TABLE] = {"written_by": "fuzz"}
    return (HEADER + tomli_w.dumps(body)).encode("utf-8")


def _leaves(node: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """Every path in the record, containers included (replacing a whole table is a test too)."""
    if path:
        yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaves(value, (*path, index))


def _set(document: dict[str, Any], path: tuple[str | int, ...], value: Any) -> None:
    node: Any = document
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


def _get(document: dict[str, Any], path: tuple[str | int, ...]) -> Any:
    node: Any = document
    for part in path:
        node = node[part]
    return node


NAIVE = datetime(2026, 11, 20, 15, 30)
WRONG_TYPES: list[tuple[type, list[Any]]] = [
    # Checked in order: bool before int, datetime before date (they are subclasses).
    (bool, ["maybe", 2, 4.5, [True], {"x": True}, NOW.date()]),
    (int, ["forty", 4.5, [1], {"x": 1}, NOW.date(), NOW]),
    (str, [1, 1.5, True, NOW.date(), NOW, time(9, 30), ["a"], {"x": "a"}]),
    (datetime, ["2026-11-20T15:30:00Z", 1, NAIVE, NOW.date(), time(9, 30), [NOW]]),
    (date, ["2026-11-20", 20261120, NOW, time(9, 30), [NOW.date()]]),
    (list, [1, "x", True, NOW, {"x": 1}]),
    (dict, [1, "x", False, NOW, [1, 2]]),
]
"""For a value of each type, values of other types that no field of that type can accept.
(pydantic would coerce some others, e.g. `round = "2"`: those are left out.)"""

BAD_VALUES: list[tuple[tuple[str | int, ...], Any]] = [
    (("company",), "   "),
    (("role",), ""),
    (("stage",), "hired?"),
    (("source",), "carrier pigeon"),
    (("company_size",), "huge"),
    (("interviews", 0, "planned_minutes"), 0),
    (("interviews", 0, "actual_minutes"), 24 * 60 + 1),
    (("interviews", 0, "round"), 51),
    (("interviews", 0, "kind"), "chat"),
    (("interviews", 0, "format"), "telepathy"),
    (("interviews", 0, "reflection", "still_want"), "maybe"),
    (("interviews", 0, "interviewers", 0, "name"), " \t "),
    (("interviews", 0, "checklist", "thank-you:ana", "state"), "half"),
    (("contact_log", 0, "channel"), "fax"),
    (("stage_history", 0, "to_stage"), "nowhere"),
]
"""Values of the right type that are still wrong."""

NEWER_SCHEMA_VERSIONS: list[int] = [99, NEWEST_SCHEMA + 1, 10**18]
"""Versions from a newer postinterview: a file that otherwise fits loads read-only."""

SCHEMA_VERSIONS: list[Any] = [
    0,
    -1,
    -(2**63),
    "1",
    1.0,
    True,
    [1],
    {"v": 1},
    NOW.date(),
    None,  # missing
]
"""Versions no postinterview writes: the file is reported."""

TOML_NOISE = [
    "[", "]", "[[", "]]", "=", '"', "'", '"""', "'''", "\n", "\r\n", " ", "\t", "#", ",", ".",
    "{", "}", "\\", "\\u", "1", "-", "a", "file_end", "schema_version", "company", "true",
    "2026-11-20T15:30:00Z", "inf", "nan", "0x", "\x00", "é", "\u202e",
]  # fmt: skip


def wrong_type(rng: random.Random, template: bytes) -> Specimen:
    document = _document(template)
    document.pop("schema_version")
    document.pop(END_TABLE)
    path = rng.choice(list(_leaves(document)))
    current = _get(document, path)
    choices = next(values for kind, values in WRONG_TYPES if isinstance(current, kind))
    _set(document, path, rng.choice(choices))
    return Specimen("wrong type", _dump({"schema_version": 1, **document}), field=str(path[0]))


def bad_value(rng: random.Random, template: bytes) -> Specimen:
    document = _document(TEMPLATES[1])
    path, value = rng.choice(BAD_VALUES)
    _set(document, path, value)
    return Specimen("bad value", _dump(document), field=str(path[0]))


def schema_version(rng: random.Random, template: bytes) -> Specimen:
    document = _document(template)
    version = rng.choice(SCHEMA_VERSIONS + NEWER_SCHEMA_VERSIONS)
    if version in NEWER_SCHEMA_VERSIONS:
        document["schema_version"] = version
        content = _dump(document)
        return Specimen("newer schema", content, must_fail=False, must_load=True, read_only=True)
    if version is None:
        del document["schema_version"]
    else:
        document["schema_version"] = version
    return Specimen("schema version", _dump(document), field="schema_version")


def random_bytes(rng: random.Random, template: bytes) -> Specimen:
    return Specimen("random bytes", rng.randbytes(rng.randint(0, 3000)))


def random_toml_noise(rng: random.Random, template: bytes) -> Specimen:
    text = "".join(rng.choice(TOML_NOISE) for _ in range(rng.randint(0, 400)))
    return Specimen("TOML noise", text.encode("utf-8"), must_fail=False)


def byte_flips(rng: random.Random, template: bytes) -> Specimen:
    data = bytearray(template)
    for _ in range(rng.randint(1, 4)):
        data[rng.randrange(len(data))] = rng.randrange(rng.choice([128, 256]))
    return Specimen("byte flips", bytes(data), must_fail=False)


def truncation(rng: random.Random, template: bytes) -> Specimen:
    cut = rng.randrange(len(template))
    # Cut before the whole "[file_end]" header is in, the file must be noticed as cut short.
    end_header = template.index(b"\n[file_end]") + len(b"\n[file_end]")
    return Specimen("truncated", template[:cut], must_fail=cut < end_header)


def duplicated_line(rng: random.Random, template: bytes) -> Specimen:
    lines = template.splitlines(keepends=True)
    # A key at the start of a line, or a [table] header: TOML forbids defining either twice.
    candidates = [
        i for i, line in enumerate(lines) if re.match(rb'^([A-Za-z_"][^=]* = |\[[^\[])', line)
    ]
    i = rng.choice(candidates)
    return Specimen("duplicated key", b"".join([*lines[: i + 1], lines[i], *lines[i + 1 :]]))


def no_file_end(rng: random.Random, template: bytes) -> Specimen:
    if rng.random() < 0.5:  # the header only: written_by then lands in the table before it
        content = template.replace(b"\n[file_end]\n", b"\n")
    else:
        content = template[: template.index(b"\n[file_end]")]
    return Specimen("no [file_end]", content, field=END_TABLE)


def not_utf8(rng: random.Random, template: bytes) -> Specimen:
    if rng.random() < 0.5:
        content = template.decode("utf-8").encode("utf-16")
    else:
        position = rng.randrange(len(template))
        content = (
            template[:position]
            + bytes([rng.choice([0x80, 0xC0, 0xFE, 0xFF])])
            + template[position:]
        )
    return Specimen("not UTF-8", content)


def deep_nesting(rng: random.Random, template: bytes) -> Specimen:
    depth = rng.choice([1_000, 10_000, 100_000])
    # Long dotted keys are valid TOML, but tomllib takes quadratic time and memory over them
    # (40,000 parts: a minute and 6 GB): the shape check refuses them before parsing.
    dotted = rng.choice([100, 1_000, 2_000])
    text = template.decode("utf-8")
    form = rng.choice(
        ["arrays", "inline tables", "inside recruiter", "dotted header", "aot", "dotted key"]
    )
    if form == "arrays":
        nested = "deep = " + "[" * depth + "]" * depth
    elif form == "inline tables":
        nested = "deep = " + "{ a = " * depth + "1" + " }" * depth
    elif form == "inside recruiter":
        nested = 'recruiter = { name = "R", deep = ' + "[" * depth + "]" * depth + " }"
    elif form == "dotted key":  # valid TOML, refused by the shape check
        nested = ".".join(["k"] * dotted) + " = 1"
    elif form == "dotted header":  # valid TOML, only deep: refused by the shape check
        nested = "[" + ".".join(["a"] * dotted) + "]\nx = 1"
    else:
        nested = "[[" + ".".join(["b"] * dotted) + "]]\nx = 1"
    if form in ("dotted header", "aot"):
        content = text.replace("\n[file_end]", f"\n{nested}\n\n[file_end]")
    else:  # a top-level key, before the first table
        content = text.replace("\nstage = ", f"\n{nested}\nstage = ", 1)
    return Specimen(f"deep {form}", content.encode("utf-8"))


def windows_edited(rng: random.Random, template: bytes) -> Specimen:
    """CRLF line ends are fine (TOML allows them), and so is a byte-order mark (which is not
    TOML, but some Windows editors add one: it is skipped)."""
    crlf = template.replace(b"\n", b"\r\n")
    if rng.random() < 0.5:
        return Specimen("CRLF", crlf, must_fail=False, must_load=True)
    return Specimen("BOM", b"\xef\xbb\xbf" + crlf, must_fail=False, must_load=True)


MUTATORS = [
    random_bytes,
    random_toml_noise,
    byte_flips,
    truncation,
    duplicated_line,
    no_file_end,
    wrong_type,
    bad_value,
    schema_version,
    not_utf8,
    deep_nesting,
    windows_edited,
]


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _huge_sparse(path: Path) -> None:
    with path.open("wb") as handle:
        handle.truncate(4 * 1024**3)  # 4 GiB of holes: only the first 16 MiB are ever read


def _over_the_cap(path: Path) -> None:
    padding = b"# " + b"x" * 1000 + b"\n"
    with path.open("wb") as handle:
        handle.write(TEMPLATES[0].replace(b"[file_end]", b""))
        for _ in range(MAX_FILE_BYTES // len(padding) + 1):
            handle.write(padding)
        handle.write(b"[file_end]\n")


SPECIAL = [
    Specimen("a folder", make=lambda p: p.mkdir()),
    Specimen("a named pipe", make=_fifo),
    Specimen("a link to /dev/zero", make=lambda p: p.symlink_to("/dev/zero")),
    Specimen("4 GiB sparse", make=_huge_sparse),
    Specimen("over the size cap", make=_over_the_cap),
    Specimen("empty", b""),
    Specimen("blank", b" \n\t\r\n"),
]
"""Made once per folder, whatever the count."""


# Checking the folder ---------------------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, tuple[Any, ...]]:
    """Every entry: its kind, size, times and inode, and its bytes when it is a plain file."""
    seen: dict[str, tuple[Any, ...]] = {}
    for entry in sorted(folder.iterdir()):
        info = entry.lstat()
        content = None
        if stat.S_ISREG(info.st_mode) and info.st_size <= 2 * MAX_FILE_BYTES:
            content = entry.read_bytes()
        seen[entry.name] = (
            stat.S_IFMT(info.st_mode),
            info.st_size,
            info.st_mtime_ns,
            info.st_ino,
            content,
        )
    return seen


def build_folder(
    store: ApplicationStore, rng: random.Random, count: int
) -> tuple[dict[str, Application], dict[str, Specimen]]:
    """`count` entries: about one in ten a good application, the rest specimens."""
    good: dict[str, Application] = {}
    bad: dict[str, Specimen] = {}
    store.folder.mkdir(parents=True)
    for index, specimen in enumerate(SPECIAL):
        bad[f"special-{index}"] = specimen
    while len(good) + len(bad) < count:
        n = len(good) + len(bad)
        if n % 10 == 0:
            app = full_application(f"Good {n}") if n % 20 else sample_application(f"Good {n}")
            stored = store.create(app)
            good[stored.application.id] = stored.application
            continue
        mutate = MUTATORS[n % len(MUTATORS)]
        bad[f"{mutate.__name__.replace('_', '-')}-{n}"] = mutate(rng, rng.choice(TEMPLATES))
    for stem, specimen in bad.items():
        path = store.folder / f"{stem}.toml"
        if specimen.make is not None:
            specimen.make(path)
        else:
            assert specimen.content is not None
            path.write_bytes(specimen.content)
    bad["Not_A_Valid_Id"] = Specimen("invalid file name", TEMPLATES[0])
    (store.folder / "Not_A_Valid_Id.toml").write_bytes(TEMPLATES[0])
    return good, bad


def test_a_folder_of_damaged_files_is_reported_and_left_untouched(
    store: ApplicationStore, reliability: Reliability
) -> None:
    seed = 20261120 if not reliability.heavy else random.randrange(2**32)
    rng = random.Random(seed)
    good, bad = build_folder(store, rng, reliability.count(300, 2_000))
    before = snapshot(store.folder)
    context = f"seed {seed}"

    result = store.load_all()  # must not raise, whatever is in the folder

    loaded = {s.application.id: s for s in result.applications}
    reported = {p.path.stem: p for p in result.problems}
    assert not loaded.keys() & reported.keys(), context
    assert loaded.keys() | reported.keys() == good.keys() | bad.keys(), context
    for app_id, application in good.items():
        assert loaded[app_id].application == application, context
    for stem, specimen in bad.items():
        if specimen.must_fail:
            assert stem in reported, f"{specimen.kind} {stem} was not reported ({context})"
        if specimen.must_load:
            assert stem in loaded, f"{specimen.kind} {stem}: {reported[stem].message}"
        if specimen.read_only:
            assert loaded[stem].read_only, f"{specimen.kind} {stem} is not read-only"
        if stem in reported:
            message = reported[stem].message
            assert message and "Traceback" not in message and "\n" not in message, message
            assert len(message) < 400, message
            if specimen.field is not None:
                assert f"field {specimen.field}" in message, (specimen.kind, message)
    assert snapshot(store.folder) == before, "loading changed a file"

    # Asked to change or replace a bad file, the store refuses and leaves it as it was.
    for stem in reported:
        with pytest.raises(StoreError):
            store.update(stem, lambda a: a.revised(notes="overwritten!"), None)
        with pytest.raises(StoreError):
            store.create(sample_application().model_copy(update={"id": stem}))
    assert snapshot(store.folder) == before, "an update changed a bad file"
    assert not (store.root / "quarantine").exists()

    # What loaded from a mutated file can be saved and read back, or is refused untouched; one
    # a newer version wrote (a flip can make "schema_version = 1" a 9) is always refused.
    for stem in loaded.keys() & bad.keys():
        path = store.path_for(stem)
        old = path.read_bytes()
        if loaded[stem].read_only:
            with pytest.raises(WrittenByNewerVersion):
                store.update(stem, lambda a: a.revised(notes="resaved"), loaded[stem].revision)
            with pytest.raises(WrittenByNewerVersion):
                store.delete(stem, loaded[stem].revision)
            assert path.read_bytes() == old
            continue
        try:
            store.update(stem, lambda a: a.revised(notes="resaved"), loaded[stem].revision)
        except CannotSave:
            assert path.read_bytes() == old
            continue
        again = store.load(stem).application
        assert again == loaded[stem].application.revised(notes="resaved"), bad[stem].kind

    kinds: dict[str, int] = {}
    for specimen in bad.values():
        kinds[specimen.kind] = kinds.get(specimen.kind, 0) + 1
    print(
        f"{len(good) + len(bad)} files ({context}): {len(good)} good, {len(reported)} reported, "
        f"{len(loaded.keys() & bad.keys())} mutated but still valid; kinds {kinds}"
    )


# The codec alone, with hypothesis --------------------------------------------------------------


def _decodes_or_is_damaged(raw: bytes) -> None:
    """Decoding gives an Application or DamagedFile; what it gives can be written back."""
    try:
        application = decode_application(raw, "fuzz-abc123")
    except DamagedFile as error:
        assert error.describe()
        return
    try:
        again = encode_application(application)
    except UnsavableRecord:
        return
    assert decode_application(again, "fuzz-abc123") == application


def test_the_codec_survives_arbitrary_bytes(reliability: Reliability) -> None:
    @reliability.hypothesis(150, 1_500)
    @given(raw=st.binary(max_size=4000))
    def check(raw: bytes) -> None:
        _decodes_or_is_damaged(raw)

    check()


_edit = st.tuples(
    st.sampled_from(["flip", "insert", "delete", "cut", "splice"]),
    st.floats(0, 1, exclude_max=True),
    st.binary(min_size=1, max_size=40) | st.sampled_from([t.encode() for t in TOML_NOISE]),
)


def test_the_codec_survives_mutated_files(reliability: Reliability) -> None:
    @reliability.hypothesis(150, 1_500)
    @given(template=st.sampled_from(TEMPLATES), edits=st.lists(_edit, min_size=1, max_size=6))
    def check(template: bytes, edits: list[tuple[str, float, bytes]]) -> None:
        data = template
        for operation, where, chunk in edits:
            at = int(where * len(data)) if data else 0
            if operation == "flip" and data:
                data = data[:at] + bytes([data[at] ^ chunk[0]]) + data[at + 1 :]
            elif operation == "insert":
                data = data[:at] + chunk + data[at:]
            elif operation == "delete":
                data = data[:at] + data[at + len(chunk) :]
            elif operation == "cut":
                data = data[:at]
            else:  # a piece of the other template, as a bad merge would leave
                other = TEMPLATES[0] if template is TEMPLATES[1] else TEMPLATES[1]
                start = int(where * len(other))
                data = data[:at] + other[start : start + 200] + data[at:]
        _decodes_or_is_damaged(data)

    check()


# Every field, every wrong type: no random pick can miss one -------------------------------------


def test_every_field_with_a_wrong_type_or_value_is_reported_by_name() -> None:
    template = _document(TEMPLATES[1])
    cases: list[tuple[str, bytes]] = []
    body = {k: v for k, v in template.items() if k not in ("schema_version", END_TABLE)}
    for path in _leaves(body):
        current = _get(body, path)
        for wrong in next(values for kind, values in WRONG_TYPES if isinstance(current, kind)):
            document = _document(TEMPLATES[1])
            _set(document, path, wrong)
            cases.append((".".join(map(str, path)), _dump(document)))
    for path, value in BAD_VALUES:
        document = _document(TEMPLATES[1])
        _set(document, path, value)
        cases.append((".".join(map(str, path)), _dump(document)))
    for version in SCHEMA_VERSIONS:
        document = _document(TEMPLATES[1])
        if version is None:
            del document["schema_version"]
        else:
            document["schema_version"] = version
        cases.append(("schema_version", _dump(document)))
    for version in NEWER_SCHEMA_VERSIONS:  # readable by today's models: shown read-only
        document = _document(TEMPLATES[1])
        document["schema_version"] = version
        assert read_application(_dump(document), "fuzz-abc123").newer_schema == version
        document["stage"] = "no-such-stage"  # and when not, reported by field
        with pytest.raises(DamagedFile, match="field stage: written by a newer postinterview"):
            decode_application(_dump(document), "fuzz-abc123")
    assert len(cases) > 300
    for field, raw in cases:
        with pytest.raises(DamagedFile) as caught:
            decode_application(raw, "fuzz-abc123")
        assert f"field {field}" in str(caught.value), (field, str(caught.value))


DEEP = 10_000
DEEP_FORMS = {
    "arrays": "deep = " + "[" * DEEP + "]" * DEEP,
    "inline tables": "deep = " + "{ a = " * DEEP + "1" + " }" * DEEP,
    "tables in arrays": "deep = " + "[{ a = " * DEEP + "1" + " }]" * DEEP,
    "in a known field": "recruiter = { name = 'R', x = " + "[" * DEEP + "]" * DEEP + " }",
    "dotted table header": "[" + ".".join(["a"] * DEEP) + "]\nx = 1",
    "array of tables header": "[[" + ".".join(["a"] * DEEP) + "]]\nx = 1",
}


@pytest.mark.parametrize("form", sorted(DEEP_FORMS))
def test_ten_thousand_levels_of_nesting_never_crash_or_get_overwritten(
    store: ApplicationStore, form: str
) -> None:
    """Nested values and a dotted header 10,000 deep (valid TOML, but tomllib's time grows
    with the square of the parts) are refused with the reason before parsing, and never
    overwritten."""
    good = store.create(sample_application("Good Co"))
    text = TEMPLATES[0].decode("utf-8")
    if form.endswith("header"):
        text = text.replace("\n[file_end]", f"\n{DEEP_FORMS[form]}\n\n[file_end]")
    else:
        text = text.replace("\nstage = ", f"\n{DEEP_FORMS[form]}\nstage = ", 1)
    path = store.folder / "deep-abc123.toml"
    path.write_text(text, "utf-8")
    before = snapshot(store.folder)

    result = store.load_all()
    assert good.application.id in [s.application.id for s in result.applications]
    [problem] = result.problems
    reason = "a key with 10,000 parts" if form.endswith("header") else "nested more than 10 deep"
    assert problem.path == path and reason in problem.message
    with pytest.raises(StoreError):
        store.update("deep-abc123", lambda a: a.revised(notes="x"), None)
    assert snapshot(store.folder) == before
