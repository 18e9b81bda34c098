"""People have identities (DESIGN §7): schema 2's ids, the 1 -> 2 migration on a real schema 1
file, and the copy of a migrated file's original bytes kept before its first rewrite."""

from __future__ import annotations

import copy
import hashlib
import os
import shutil
import stat
import tomllib
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from postinterview.domain.checklist import EntryState, build_checklist, entry_state
from postinterview.domain.interviews import find_interview
from postinterview.domain.models import Application, Contact
from postinterview.domain.plan import ActionState, plan_for
from postinterview.storage import paths
from postinterview.storage.codec import decode_record, encode_record
from postinterview.storage.migrations import SCHEMA_VERSION, give_people_ids, migrate, step
from postinterview.storage.store import ApplicationStore, CannotSave

FIXTURE = (
    Path(__file__).parent / "fixtures" / "schema1" / "acme-robotics-backend-engineer-s1fx01.toml"
)
APP_ID = FIXTURE.stem
INTERVIEW_ID = "iv3k9q2m"
PLUS_1 = timezone(timedelta(hours=1))
# The day after the interview, before Ben's snooze runs out (12 March, 09:00 +01:00).
AFTER = datetime(2025, 3, 11, 12, 0, tzinfo=PLUS_1)


@pytest.fixture
def store(tmp_path: Path) -> ApplicationStore:
    """A data folder holding the schema 1 fixture, copied byte for byte."""
    folder = paths.applications_dir(tmp_path)
    folder.mkdir(parents=True)
    shutil.copyfile(FIXTURE, folder / FIXTURE.name)
    return ApplicationStore(tmp_path)


def on_disk(store: ApplicationStore) -> dict[str, Any]:
    return tomllib.loads(store.path_for(APP_ID).read_text(encoding="utf-8"))


def copy_path(store: ApplicationStore) -> Path:
    return paths.migrated_copy_path(store.root, APP_ID, 1)


def touch_notes(application: Application) -> Application:
    return application.revised(notes=application.notes + "!")


# --- The schema 1 fixture ------------------------------------------------------------------


def test_the_fixture_is_schema_1_as_written_then() -> None:
    # Its digest pins it: the fixture is evidence of what schema 1 wrote, never regenerated.
    digest = hashlib.sha256(FIXTURE.read_bytes()).hexdigest()
    assert digest == "3738c5bf2eabd91084478ff4f0508f2798743abcecdc876de0db3e99205ad8da"
    document = tomllib.loads(FIXTURE.read_text(encoding="utf-8"))
    assert document["schema_version"] == 1
    assert all("id" not in person for person in document["interviews"][0]["interviewers"])
    assert SCHEMA_VERSION == 2


def test_the_fixture_loads_with_every_mark_on_the_same_person(store: ApplicationStore) -> None:
    application = store.load(APP_ID).application
    interview = find_interview(application, INTERVIEW_ID)
    ana, ben = interview.interviewers
    # Interviewers' ids are the keys schema 1 filed their marks under: nothing is rekeyed.
    assert (ana.id, ana.name, ben.id, ben.name) == (
        "ana-ruiz",
        "Ana Ruiz",
        "ben-okafor",
        "Ben Okafor",
    )
    entries = {entry.id: entry for entry in build_checklist(application, interview)}
    thanks_ana = entries["thank-you:ana-ruiz"]
    assert thanks_ana.names == ("Ana Ruiz",)
    assert entry_state(thanks_ana, interview.checklist, AFTER) is EntryState.DONE
    warn = entries["warn-your-referees"]
    assert warn.names == ("Eli Moss",)  # the one not yet warned (Dana was, below)
    assert entry_state(warn, interview.checklist, AFTER) is EntryState.DONE
    # Ben's thank-you is still snoozed, for Ben.
    actions = {action.entry_id: action for action in plan_for(application, AFTER)}
    held = actions["thank-you:ben-okafor"]
    assert held.names == ("Ben Okafor",)
    assert held.state is ActionState.UPCOMING
    assert held.not_before == datetime(2025, 3, 12, 9, 0, tzinfo=PLUS_1)
    assert actions["thank-you:ana-ruiz"].state is ActionState.DONE
    # Details, warned dates and unknown keys all stay where they were.
    assert ana.note == "Asked a lot about on-call; loves Rust"
    assert ana.model_extra == {"pronouns": "she/her"}
    dana, eli = application.referees
    assert (dana.id, dana.notified_at) == (
        "referee-dana-kay",
        datetime(2025, 3, 10, 17, 45, tzinfo=PLUS_1),
    )
    assert (eli.id, eli.notified_at) == ("referee-eli-moss", None)
    assert application.recruiter is not None and application.recruiter.id == "recruiter-gus-park"
    assert application.model_extra == {"synced_from": "laptop"}
    # Reading changes nothing on disk.
    assert store.path_for(APP_ID).read_bytes() == FIXTURE.read_bytes()
    assert not paths.migrated_dir(store.root).exists()


def test_the_first_write_migrates_once_and_keeps_the_original_bytes(
    store: ApplicationStore,
) -> None:
    seen = store.load(APP_ID).revision
    store.update(APP_ID, touch_notes, seen)
    document = on_disk(store)
    assert document["schema_version"] == 2
    [interview] = document["interviews"]
    assert [p["id"] for p in interview["interviewers"]] == ["ana-ruiz", "ben-okafor"]
    assert interview["interviewers"][0]["pronouns"] == "she/her"
    assert [r["id"] for r in document["referees"]] == ["referee-dana-kay", "referee-eli-moss"]
    assert document["recruiter"]["id"] == "recruiter-gus-park"
    assert set(interview["checklist"]) == {"thank-you:ana-ruiz", "warn-your-referees"}
    assert set(interview["snoozed"]) == {"thank-you:ben-okafor"}
    assert document["synced_from"] == "laptop"
    # The original, byte for byte, private.
    kept = copy_path(store)
    assert kept == store.root / "migrated" / f"{APP_ID}.schema1.toml"
    assert kept.read_bytes() == FIXTURE.read_bytes()
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert stat.S_IMODE(kept.parent.stat().st_mode) == 0o700
    assert os.listdir(kept.parent) == [kept.name]


def test_a_second_write_keeps_the_ids_and_does_not_copy_again(store: ApplicationStore) -> None:
    first = store.update(APP_ID, touch_notes, store.load(APP_ID).revision).stored
    kept = copy_path(store)
    before = kept.stat().st_mtime_ns
    ids = _all_ids(on_disk(store))
    store.update(APP_ID, touch_notes, first.revision)
    assert _all_ids(on_disk(store)) == ids
    assert kept.stat().st_mtime_ns == before and kept.read_bytes() == FIXTURE.read_bytes()
    assert os.listdir(kept.parent) == [kept.name]


def test_an_existing_copy_is_never_overwritten(store: ApplicationStore) -> None:
    kept = copy_path(store)
    kept.parent.mkdir(mode=0o700)
    kept.write_bytes(b"an older copy, kept by an earlier run")
    store.update(APP_ID, touch_notes, store.load(APP_ID).revision)
    assert kept.read_bytes() == b"an older copy, kept by an earlier run"
    assert on_disk(store)["schema_version"] == 2


def test_when_the_copy_cannot_be_kept_the_save_is_refused_and_the_file_is_intact(
    store: ApplicationStore,
) -> None:
    paths.migrated_dir(store.root).write_bytes(b"a file where the folder should be")
    with pytest.raises(CannotSave, match="older version"):
        store.update(APP_ID, touch_notes, store.load(APP_ID).revision)
    assert store.path_for(APP_ID).read_bytes() == FIXTURE.read_bytes()


def test_a_full_disk_while_copying_refuses_the_save(
    store: ApplicationStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    import postinterview.storage.store as store_module

    real = store_module.write_atomic

    def full_for_copies(path: Path, data: bytes) -> None:
        if path.parent.name == "migrated":
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(store_module, "write_atomic", full_for_copies)
    with pytest.raises(CannotSave, match="No space left"):
        store.update(APP_ID, touch_notes, store.load(APP_ID).revision)
    assert store.path_for(APP_ID).read_bytes() == FIXTURE.read_bytes()
    assert not copy_path(store).exists()


def test_a_file_already_at_schema_2_is_never_copied(tmp_path: Path) -> None:
    store = ApplicationStore(tmp_path)
    created = store.create(
        Application.model_validate(
            {
                "company": "Initech",
                "role": "SRE",
                "stage": "applied",
                "created_at": AFTER,
                "updated_at": AFTER,
                "recruiter": {"name": "Rae"},
            }
        )
    )
    store.update(created.application.id, touch_notes, created.revision)
    assert not paths.migrated_dir(tmp_path).exists()


def _all_ids(document: dict[str, Any]) -> list[str]:
    people = [*document["interviews"][0]["interviewers"], *document["referees"]]
    return [person["id"] for person in people] + [document["recruiter"]["id"]]


# --- The 1 -> 2 step, on plain dicts ---------------------------------------------------------


def _fixture_record() -> dict[str, Any]:
    document = tomllib.loads(FIXTURE.read_text(encoding="utf-8"))
    document.pop("schema_version")
    document.pop("file_end")
    return document


def test_the_step_is_deterministic_keeps_unknown_keys_and_leaves_its_input_alone() -> None:
    record = _fixture_record()
    untouched = copy.deepcopy(record)
    migrated = step(1)(record)
    assert record == untouched
    assert migrated == step(1)(copy.deepcopy(untouched))
    assert migrated["synced_from"] == "laptop"
    assert migrated["interviews"][0]["interviewers"][0]["pronouns"] == "she/her"
    assert {
        k: v for k, v in migrated.items() if k not in ("interviews", "referees", "recruiter")
    } == {k: v for k, v in record.items() if k not in ("interviews", "referees", "recruiter")}


def test_the_step_on_a_migrated_record_changes_nothing() -> None:
    migrated = step(1)(_fixture_record())
    assert step(1)(migrated) == migrated
    assert give_people_ids(migrated) == migrated
    assert migrate(migrated, 2) == (migrated, None)


def test_migrated_interviewer_ids_follow_schema_1s_key_rule() -> None:
    # Schema 1 keyed namesakes '-2' and names with nothing to slug by their position.
    record = {
        "interviews": [
            {"interviewers": [{"name": "Sam Lee"}, {"name": "Sam Lee"}, {"name": "李雷"}]}
        ],
        "referees": [{"name": "Dana Kay"}, {"name": "Dana Kay"}, {"name": "李雷"}],
        "recruiter": {"name": "李雷"},
    }
    migrated, origin = migrate(record, 1)
    assert origin == 1
    assert [p["id"] for p in migrated["interviews"][0]["interviewers"]] == [
        "sam-lee",
        "sam-lee-2",
        "3",
    ]
    assert [p["id"] for p in migrated["referees"]] == [
        "referee-dana-kay",
        "referee-dana-kay-2",
        "referee-3",
    ]
    assert migrated["recruiter"]["id"] == "recruiter"


def test_someone_added_by_hand_without_an_id_gets_the_same_one_at_every_read() -> None:
    record = step(1)(_fixture_record())
    people = record["interviews"][0]["interviewers"]
    people.append({"name": "Ana Ruiz"})  # a namesake pasted in: must not take Ana's id
    raw = encode_record(record)
    first, second = decode_record(raw).data, decode_record(raw).data
    ids = [p["id"] for p in first["interviews"][0]["interviewers"]]
    assert ids == ["ana-ruiz", "ben-okafor", "ana-ruiz-2"]
    assert first == second


@pytest.mark.parametrize("bad", ["", "two words", "thank-you:ana", "x" * 65, "line\nbreak"])
def test_an_id_that_cannot_key_an_entry_is_refused(bad: str) -> None:
    with pytest.raises(ValidationError):
        Contact(id=bad, name="Ana")


def test_new_people_get_fresh_ids_that_survive_revisions() -> None:
    ana, other = Contact(name="Ana"), Contact(name="Ana")
    assert ana.id != other.id
    assert ana.revised(name="Ana Ruiz").id == ana.id
    application = Application.model_validate(
        {
            "company": "Initech",
            "role": "SRE",
            "stage": "applied",
            "created_at": datetime(2026, 1, 1, tzinfo=UTC),
            "updated_at": datetime(2026, 1, 1, tzinfo=UTC),
            "recruiter": ana,
        }
    )
    assert application.to_record()["recruiter"]["id"] == ana.id
