"""The store: round trips, damage, permissions, hostile names, concurrency, crashes."""

from __future__ import annotations

import multiprocessing
import os
import stat
import tomllib
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postinterview.domain.editing import apply_field_edits, move_stage, new_application
from postinterview.domain.models import Application
from postinterview.domain.stages import Stage
from postinterview.storage import codec
from postinterview.storage.atomic import TEMP_PREFIX, TEMP_SUFFIX
from postinterview.storage.migrations import SCHEMA_VERSION
from postinterview.storage.store import (
    ApplicationStore,
    CannotSave,
    FileIsDamaged,
    NotFound,
    StoreError,
)
from tests.conftest import FIXED_NOW, Reliability, sample_application


def test_create_writes_one_readable_toml_file(store: ApplicationStore) -> None:
    stored = store.create(sample_application())
    path = store.path_for(stored.application.id)
    assert store.files() == [path]
    data = tomllib.loads(path.read_text("utf-8"))
    assert data["schema_version"] == SCHEMA_VERSION
    assert (data["company"], data["role"], data["stage"]) == (
        "Acme Robotics",
        "Backend Engineer",
        "applied",
    )
    assert data["created_at"] == FIXED_NOW  # a native, timezone-aware TOML datetime
    assert "id" not in data  # the file name is the id
    assert list(data)[-1] == "file_end"


def test_round_trip_preserves_everything(store: ApplicationStore, now: datetime) -> None:
    app = new_application(
        "Acme",
        "Engineer",
        now,
        recruiter={"name": "Rae", "email": "rae@example.com"},
        referees=[{"name": "Ref One", "notified_at": now}],
        interviews=[{"id": "i1", "at": now, "interviewers": [{"name": "Ann"}, {"name": "Bo"}]}],
    )
    stored = store.create(app)
    loaded = store.load(stored.application.id)
    assert loaded.application == stored.application
    assert loaded.revision == stored.revision


def test_files_and_folders_are_private(store: ApplicationStore, data_dir: Path) -> None:
    stored = store.create(sample_application())
    path = store.path_for(stored.application.id)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700


@pytest.mark.parametrize("company", ["../../x", "CON", "a/b", "x" * 200, "🚀🙂", "."])
def test_path_hostile_company_names_stay_inside_the_folder(
    store: ApplicationStore, company: str
) -> None:
    stored = store.create(sample_application(company=company))
    path = store.path_for(stored.application.id)
    assert path.parent == store.folder
    assert store.load(stored.application.id).application.company == company


def test_path_for_refuses_ids_that_are_not_file_names(store: ApplicationStore) -> None:
    for bad in ["../x", "a/b", "", "..", "x.toml"]:
        with pytest.raises(StoreError):
            store.path_for(bad)


def test_unknown_keys_written_by_a_newer_version_survive_a_rewrite(
    store: ApplicationStore, now: datetime
) -> None:
    stored = store.create(sample_application())
    path = store.path_for(stored.application.id)
    text = path.read_text("utf-8").replace(
        "\n[file_end]", '\n[future_table]\nflavour = "kept"\n\n[file_end]'
    )
    text = text.replace('\nstage = "applied"', '\nstage = "applied"\nmood = "hopeful"')
    path.write_text(text, "utf-8")
    loaded = store.load(stored.application.id)
    store.update(
        loaded.application.id, lambda a: move_stage(a, Stage.SCREENING, now), loaded.revision
    )
    data = tomllib.loads(path.read_text("utf-8"))
    assert data["mood"] == "hopeful"
    assert data["future_table"] == {"flavour": "kept"}
    assert data["stage"] == "screening"


DAMAGE = {
    "empty": (b"", "file is empty"),
    "blank": (b"\n\n  \n", "file is empty"),
    "syntax": (b'schema_version = 1\ncompany = "Acme\n', "not valid TOML"),
    "binary": (b"\xff\xfe\x00garbage", "not valid UTF-8"),
    "no_end": (b'schema_version = 1\ncompany = "A"\nrole = "B"\n', "looks cut short"),
    "future": (
        b'schema_version = 99\ncompany = "A"\n[file_end]\nwritten_by = "x"\n',
        "newer postinterview",
    ),
    "no_version": (b'company = "A"\n[file_end]\nwritten_by = "x"\n', "schema_version is missing"),
    "wrong_type": (
        b'schema_version = 1\ncompany = "A"\nrole = "B"\nstage = "applied"\n'
        b'created_at = 2026-01-01T00:00:00Z\nupdated_at = 12\n[file_end]\nwritten_by = "x"\n',
        "line 6, field updated_at",
    ),
    "bad_stage": (
        b'schema_version = 1\ncompany = "A"\nrole = "B"\nstage = "hired?"\n'
        b"created_at = 2026-01-01T00:00:00Z\nupdated_at = 2026-01-01T00:00:00Z\n"
        b'[file_end]\nwritten_by = "x"\n',
        "line 4, field stage",
    ),
    "deep": (
        b"schema_version = 1\nx = " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
        "nested more than 10 deep",
    ),
}


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_a_damaged_file_is_reported_never_overwritten_and_others_still_load(
    store: ApplicationStore, kind: str, now: datetime
) -> None:
    good = store.create(sample_application("Good Co"))
    content, expected = DAMAGE[kind]
    store.folder.joinpath("broken-abc123.toml").write_bytes(content)

    result = store.load_all()

    assert [s.application.id for s in result.applications] == [good.application.id]
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert problem.path.name == "broken-abc123.toml"
    assert expected in problem.message
    with pytest.raises(FileIsDamaged):
        store.update("broken-abc123", lambda a: move_stage(a, Stage.OFFER, now), None)
    assert store.folder.joinpath("broken-abc123.toml").read_bytes() == content


def test_a_file_cut_at_any_line_is_noticed(store: ApplicationStore, now: datetime) -> None:
    app = sample_application().revised(
        interviews=[{"id": "i1", "at": now, "interviewers": [{"name": "Ann"}]}]
    )
    stored = store.create(app)
    path = store.path_for(stored.application.id)
    lines = path.read_bytes().splitlines(keepends=True)
    for cut in range(len(lines) - 1):  # every shorter prefix
        path.write_bytes(b"".join(lines[:cut]))
        with pytest.raises(FileIsDamaged):
            store.load(stored.application.id)


def test_oversized_files_are_refused_before_parsing(
    store: ApplicationStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = store.create(sample_application().revised(notes="n" * 2000))
    # As if the file had grown since (the store's own size check is by the file's length).
    monkeypatch.setattr(codec, "APPLICATION", replace(codec.APPLICATION, max_bytes=1000))
    with pytest.raises(FileIsDamaged, match="larger than"):
        store.load(stored.application.id)


def test_serializer_failure_writes_nothing(store: ApplicationStore) -> None:
    stored = store.create(sample_application())
    path = store.path_for(stored.application.id)
    before = path.read_bytes()
    with pytest.raises(CannotSave, match="cannot be stored as TOML"):
        store.update(
            stored.application.id,
            lambda a: a.model_copy(update={"notes": "bad \ud800 surrogate"}),
            stored.revision,
        )
    assert path.read_bytes() == before
    assert [p.name for p in store.folder.iterdir()] == [path.name]


def test_unwritable_folder_gives_a_clear_error_and_keeps_the_old_file(
    store: ApplicationStore, now: datetime
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root ignores file permissions")
    stored = store.create(sample_application())
    path = store.path_for(stored.application.id)
    before = path.read_bytes()
    store.folder.chmod(0o500)
    try:
        with pytest.raises(CannotSave, match="previous version is intact"):
            store.update(stored.application.id, lambda a: a.revised(notes="new"), stored.revision)
    finally:
        store.folder.chmod(0o700)
    assert path.read_bytes() == before


def test_failed_write_leaves_old_file_and_no_temp_file(
    store: ApplicationStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = store.create(sample_application())
    path = store.path_for(stored.application.id)
    before = path.read_bytes()

    def disk_full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(CannotSave, match="No space left on device"):
        store.update(stored.application.id, lambda a: a.revised(notes="new"), stored.revision)
    assert path.read_bytes() == before
    assert [p.name for p in store.folder.iterdir()] == [path.name]


def test_update_reports_and_merges_changes_made_elsewhere(data_dir: Path, now: datetime) -> None:
    window_a, window_b = ApplicationStore(data_dir), ApplicationStore(data_dir)
    seen_by_a = window_a.create(sample_application())
    app_id = seen_by_a.application.id
    seen_by_b = window_b.load(app_id)

    window_b.update(
        app_id, lambda a: apply_field_edits(a, {"notes": "from B"}, now), seen_by_b.revision
    )
    saved = window_a.update(
        app_id,
        lambda a: apply_field_edits(a, {"role": "from A"}, now),
        seen_by_a.revision,
    )
    assert saved.changed_elsewhere
    final = window_a.load(app_id).application
    assert (final.notes, final.role) == ("from B", "from A")


def test_delete_moves_the_file_aside_and_refuses_if_changed_elsewhere(
    store: ApplicationStore, data_dir: Path, now: datetime
) -> None:
    stored = store.create(sample_application())
    app_id = stored.application.id
    store.update(app_id, lambda a: a.revised(notes="changed"), stored.revision)
    with pytest.raises(StoreError, match="changed in another window"):
        store.delete(app_id, stored.revision)
    fresh = store.load(app_id)
    moved_to = store.delete(app_id, fresh.revision)
    assert moved_to.parent == data_dir / "deleted"
    assert b"changed" in moved_to.read_bytes()
    assert store.files() == []
    with pytest.raises(NotFound):
        store.load(app_id)


def test_quarantine_moves_a_damaged_file_byte_for_byte(
    store: ApplicationStore, data_dir: Path
) -> None:
    store.create(sample_application())
    broken = store.folder / "broken-abc123.toml"
    broken.write_bytes(b"not = [toml")
    moved = store.quarantine(broken)
    assert moved.parent == data_dir / "quarantine"
    assert moved.read_bytes() == b"not = [toml"
    assert store.load_all().problems == []


def test_stale_temp_files_are_swept_and_never_loaded(store: ApplicationStore) -> None:
    store.create(sample_application())
    leftover = store.folder / f"{TEMP_PREFIX}acme-xyz{TEMP_SUFFIX}"
    leftover.write_text("half a file")
    assert len(store.load_all().applications) == 1
    assert store.load_all().problems == []
    assert store.sweep_temp_files() == 1
    assert not leftover.exists()


def test_recent_files_lists_the_latest_changed_application_files_first(
    store: ApplicationStore,
) -> None:
    ids = [store.create(sample_application(f"Firm {n}")).application.id for n in range(4)]
    for age, app_id in enumerate(ids):  # the first created is the most recently changed
        os.utime(store.path_for(app_id), ns=(0, 10**18 - age * 10**9))
    (store.folder / f"{TEMP_PREFIX}firm{TEMP_SUFFIX}").write_text("half a file")
    (store.folder / ".hidden.toml").write_text("")
    (store.folder / "notes.txt").write_text("")
    assert store.recent_files(2) == [store.path_for(ids[0]), store.path_for(ids[1])]
    assert set(store.recent_files(10)) == set(store.files()) == {store.path_for(i) for i in ids}
    assert store.files() == sorted(store.files())


def test_the_early_files_leave_out_large_ones_and_say_when_any_is_left_out(
    store: ApplicationStore,
) -> None:
    ids = [store.create(sample_application(f"Firm {n}")).application.id for n in range(3)]
    for age, app_id in enumerate(ids):
        os.utime(store.path_for(app_id), ns=(0, 10**18 - age * 10**9))
    paths = [store.path_for(app_id) for app_id in ids]
    assert store.early_files(10, 100_000) == (paths, False)  # every file: no early read
    assert store.early_files(2, 100_000) == (paths[:2], True)
    store.path_for(ids[0]).write_bytes(b"#" * 200_000)  # large (and the newest now)
    assert store.early_files(10, 100_000) == (paths[1:], True)


def test_a_missing_folder_has_no_files(store: ApplicationStore) -> None:
    assert store.files() == [] and store.recent_files(5) == [] and not store.has_files()


def test_only_an_application_file_counts_as_having_files(store: ApplicationStore) -> None:
    store.folder.mkdir(parents=True)
    (store.folder / f"{TEMP_PREFIX}firm{TEMP_SUFFIX}").write_text("half a file")
    (store.folder / ".hidden.toml").write_text("")
    assert not store.has_files()
    store.create(sample_application())
    assert store.has_files()


def test_load_all_on_a_missing_folder_is_empty_and_creates_nothing(
    store: ApplicationStore, data_dir: Path
) -> None:
    result = store.load_all()
    assert (result.applications, result.problems) == ([], [])
    assert not data_dir.exists()


# Property: arbitrary text survives save and load unchanged -------------------------------------

_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    company=_text.filter(lambda s: s.strip() != ""),
    role=_text.filter(lambda s: s.strip() != ""),
    notes=_text,
    name=_text.filter(lambda s: s.strip() != ""),
)
def test_any_text_round_trips_byte_for_byte(
    tmp_path_factory: pytest.TempPathFactory, company: str, role: str, notes: str, name: str
) -> None:
    store = ApplicationStore(tmp_path_factory.mktemp("prop"))
    app = new_application(
        company, role, FIXED_NOW, notes=notes, recruiter={"name": name, "note": notes}
    )
    stored = store.create(app)
    loaded = store.load(stored.application.id).application
    assert (loaded.company, loaded.role, loaded.notes) == (company, role, notes)
    assert loaded.recruiter is not None and loaded.recruiter.name == name


# Concurrency: several processes doing read-change-write lose nothing ---------------------------


def _append_notes(root: str, app_id: str, worker: int, count: int) -> None:
    store = ApplicationStore(Path(root))
    for n in range(count):
        store.update(app_id, lambda a, n=n: a.revised(notes=a.notes + f"{worker}:{n};"), None)


def test_concurrent_processes_never_lose_an_update(store: ApplicationStore) -> None:
    stored = store.create(sample_application().revised(notes=""))
    app_id = stored.application.id
    workers, per_worker = 4, 25
    context = multiprocessing.get_context("spawn")
    processes = [
        context.Process(target=_append_notes, args=(str(store.root), app_id, w, per_worker))
        for w in range(workers)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
        assert process.exitcode == 0
    notes = store.load(app_id).application.notes
    entries = [entry for entry in notes.split(";") if entry]
    assert len(entries) == workers * per_worker
    assert len(set(entries)) == workers * per_worker


# Crash safety: a saver killed at random moments never leaves a bad file ------------------------

_FILLER = 20_000
"""About how many characters of notes each version has: enough that a kill often lands in the
middle of a write. Version n's notes are n written out again and again, so a file holding a mix
of two versions cannot pass for either."""


def _version_payload(n: int) -> str:
    return f"version {n}: " + f"{n:08d};" * (_FILLER // 9)


def _version_of(application: Application) -> int:
    notes = application.notes
    return int(notes.split(":", 1)[0].removeprefix("version ")) if notes.startswith("v") else 0


def _next_version(application: Application) -> Application:
    n = _version_of(application) + 1
    return application.revised(role=f"v{n}", notes=_version_payload(n))


def _save_forever(root: str, app_id: str) -> None:
    store = ApplicationStore(Path(root))
    while True:
        store.update(app_id, _next_version, None)


def test_killing_a_saver_never_leaves_a_truncated_file(
    store: ApplicationStore, reliability: Reliability
) -> None:
    """SIGKILL a process saving one application in a loop, many times (30 in CI, 200 with
    --reliability-heavy). Each saver continues from the version on disk, so after every kill
    the file must be one whole version (role and notes agree), never older than the last one
    seen; temp files a kill leaves are never listed or loaded, and the sweep removes them."""
    import random
    import signal
    import time

    stored = store.create(sample_application())
    app_id = stored.application.id
    path = store.path_for(app_id)
    context = multiprocessing.get_context("fork")
    rng = random.Random(7)
    kills = reliability.count(30, 200)
    last_seen = 0
    for _ in range(kills):
        process = context.Process(target=_save_forever, args=(str(store.root), app_id))
        process.start()
        time.sleep(rng.uniform(0.005, 0.12))
        assert process.pid is not None
        os.kill(process.pid, signal.SIGKILL)
        process.join()
        assert store.files() == [path]  # a temp file is never taken for an application
        result = store.load_all()
        assert result.problems == []
        [loaded] = [s.application for s in result.applications]
        version = _version_of(loaded)
        if version:
            assert (loaded.role, loaded.notes) == (f"v{version}", _version_payload(version))
        else:
            assert loaded == stored.application
        assert version >= last_seen  # a saved version never comes undone
        last_seen = version
    assert last_seen > 0  # the savers did get work done between kills
    left = sorted(p.name for p in store.folder.iterdir() if p != path)
    assert all(name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX) for name in left)
    assert store.sweep_temp_files() == len(left)
    assert [p.name for p in store.folder.iterdir()] == [f"{app_id}.toml"]
    print(f"{kills} kills, {last_seen} versions saved, {len(left)} kills left a temp file")


def test_application_model_survives_store_with_all_optional_fields(
    store: ApplicationStore, now: datetime
) -> None:
    app = Application.model_validate(
        {
            **sample_application().to_record(),
            "source": "recruiter",
            "company_size": "small",
            "location": "Remote",
            "job_link": "https://example.com/job",
            "applied_on": now.date(),
            "contact_log": [{"at": now, "channel": "phone", "note": "Screen booked"}],
        }
    )
    stored = store.create(app)
    assert store.load(stored.application.id).application == stored.application
