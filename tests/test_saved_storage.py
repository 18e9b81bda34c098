"""Storing a saved role (issue 16): written as schema 3, the oldest schema that holds it.

A version that knows schema 2 only reads such a file as a newer version's, not as a damaged
one; and a newer version's file this version cannot read is never put aside or replaced here.
"""

from __future__ import annotations

import tomllib
from datetime import datetime

import pytest

from postinterview.domain.editing import move_stage, new_application
from postinterview.domain.stages import Stage
from postinterview.storage import migrations, recovery
from postinterview.storage.migrations import SAVED_STAGE_SCHEMA, SCHEMA_VERSION, schema_for
from postinterview.storage.store import ApplicationStore, WrittenByNewerVersion
from tests.conftest import sample_application


def schema_on_disk(store: ApplicationStore, app_id: str) -> int:
    return tomllib.loads(store.path_for(app_id).read_text("utf-8"))["schema_version"]


def test_only_a_record_at_saved_needs_schema_3() -> None:
    assert (SCHEMA_VERSION, SAVED_STAGE_SCHEMA) == (2, 3)
    assert schema_for({"stage": "saved"}) == 3
    assert schema_for({"stage": "applied"}) == schema_for({}) == 2


def test_a_saved_role_is_stored_as_3_loads_and_goes_back_to_2_once_applied_for(
    store: ApplicationStore, now: datetime
) -> None:
    created = store.create(new_application("Lumen", "Data Engineer", now, stage=Stage.SAVED))
    app_id = created.application.id
    assert schema_on_disk(store, app_id) == 3
    loaded = store.load(app_id)
    assert loaded.application.stage == Stage.SAVED and loaded.read_only == ""
    result = store.load_all()
    assert result.problems == [] and [s.application.id for s in result.applications] == [app_id]
    store.update(app_id, lambda a: move_stage(a, Stage.APPLIED, now), loaded.revision)
    assert schema_on_disk(store, app_id) == 2
    assert store.load(app_id).application.applied_on == now.astimezone().date()
    assert not (store.root / "migrated").exists()  # 2 and 3 are both read as they are


def test_a_version_that_reads_up_to_2_takes_a_saved_file_for_a_newer_versions(
    store: ApplicationStore, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = store.create(new_application("Lumen", "Data Engineer", now, stage=Stage.SAVED))
    plain = store.create(sample_application())
    path = store.path_for(saved.application.id)
    before = path.read_bytes()
    monkeypatch.setattr(migrations, "NEWEST_SCHEMA", 2)
    seen = store.load(saved.application.id)
    assert seen.read_only.startswith("written by a newer postinterview (schema 3)")
    with pytest.raises(WrittenByNewerVersion):
        store.update(saved.application.id, lambda a: a.revised(notes="x"), seen.revision)
    assert path.read_bytes() == before
    assert store.load(plain.application.id).read_only == ""  # every other file as before


def newer_and_unreadable(store: ApplicationStore) -> tuple[str, bytes]:
    """An application saved twice here (so a version is kept), then rewritten by a 'newer
    version' in a form this one cannot read: schema 99 and a stage it has no name for."""
    created = store.create(sample_application())
    app_id = created.application.id
    store.update(app_id, lambda a: a.revised(notes="Second save"), created.revision)
    path = store.path_for(app_id)
    text = path.read_text("utf-8").replace(
        f"schema_version = {SCHEMA_VERSION}\n", "schema_version = 99\n"
    )
    path.write_text(text.replace('stage = "applied"', 'stage = "hired-on-the-spot"'), "utf-8")
    return app_id, path.read_bytes()


def test_a_newer_versions_file_this_one_cannot_read_is_never_put_aside(
    store: ApplicationStore,
) -> None:
    app_id, before = newer_and_unreadable(store)
    [problem] = store.load_all().problems
    assert "Update postinterview to open it" in problem.message
    with pytest.raises(WrittenByNewerVersion):
        store.quarantine(store.path_for(app_id))
    kept = recovery.last_good_version(store, app_id)
    assert kept is not None
    with pytest.raises(WrittenByNewerVersion):
        recovery.restore_version(store, app_id, kept)
    assert store.path_for(app_id).read_bytes() == before
    assert not (store.root / "quarantine").exists()


def test_a_file_damaged_for_every_version_is_still_put_aside(store: ApplicationStore) -> None:
    created = store.create(sample_application())
    path = store.path_for(created.application.id)
    path.write_text(path.read_text("utf-8").replace('stage = "applied"', 'stage = "hired"'))
    moved = store.quarantine(path)
    assert moved.parent == store.root / "quarantine" and not path.exists()
