"""A backup that restores: `export --format json`, then `import`/`restore` gives the files back.

Run through the real command line (cli.main) on temporary data folders with a fixed clock.
Files are compared byte for byte: the encoder is deterministic, so a restored application
is exactly the file the backup was made from.
"""

from __future__ import annotations

import json
import os
import re
from datetime import timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from postinterview.commands.output import SOME_REFUSED
from postinterview.commands.restore import Outcome, _carry_out, decide
from postinterview.demo import demo_applications
from postinterview.domain.models import Application
from postinterview.storage import paths
from postinterview.storage.codec import encode_application, read_application
from postinterview.storage.store import ApplicationStore
from postinterview.transfer.export_json import export_json
from postinterview.transfer.import_backup import BackupRefused, read_backup
from tests.cli_tools import cli
from tests.conftest import FIXED_NOW

PLUS_TWO = timezone(timedelta(hours=2))


pytestmark = pytest.mark.usefixtures("fixed_now_env")


def demo_folder(root: Path) -> ApplicationStore:
    """The demo's sample applications, saved by the store, with times at +02:00."""
    store = ApplicationStore(root)
    for application in demo_applications(FIXED_NOW.astimezone(PLUS_TWO)):
        store.create(application)
    return store


def files_of(root: Path) -> dict[str, bytes]:
    folder = paths.applications_dir(root)
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def mtimes_of(root: Path) -> dict[str, int]:
    folder = paths.applications_dir(root)
    return {path.name: path.stat().st_mtime_ns for path in folder.iterdir()}


def export(capsys: pytest.CaptureFixture[str], root: Path, target: Path) -> Path:
    code, _, err = cli(
        capsys, "--data-dir", str(root), "export", "--format", "json", "-o", str(target)
    )
    assert (code, err) == (0, "")
    return target


def test_demo_data_comes_back_byte_for_byte_and_a_second_import_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = demo_folder(tmp_path / "demo").root
    backup = export(capsys, original, tmp_path / "backup.json")
    empty = tmp_path / "empty"

    code, out, err = cli(capsys, "--data-dir", str(empty), "import", str(backup))

    assert (code, err) == (0, "")
    assert out == "Restored 13, replaced 0 older, skipped 0 already here, kept 0 newer here.\n"
    assert files_of(empty) == files_of(original)
    assert len(files_of(empty)) == 13
    before = mtimes_of(empty)

    code, out, err = cli(capsys, "--data-dir", str(empty), "restore", str(backup))

    assert (code, err) == (0, "")
    assert out == "Restored 0, replaced 0 older, skipped 13 already here, kept 0 newer here.\n"
    assert files_of(empty) == files_of(original)
    assert mtimes_of(empty) == before


def test_a_dry_run_says_what_would_happen_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = export(capsys, demo_folder(tmp_path / "demo").root, tmp_path / "backup.json")
    empty = tmp_path / "empty"

    code, out, _ = cli(capsys, "--data-dir", str(empty), "restore", str(backup), "--dry-run")

    assert code == 0
    assert out.startswith("Would restore 13, would replace 0 older,")
    assert out.endswith("Nothing was saved (--dry-run).\n")
    assert not empty.exists()


HAND_EDITED = """\
schema_version = 2
company = "Initech"
role = "Analyst"
stage = "interviewing"
created_at = 2026-11-01 09:15:00.250000+05:30
updated_at = 2026-11-19 18:00:00-03:00
review_due = 2026-12-01
call_window = 14:30:00
last_look = 2026-11-18 08:00:00
weight = inf
tags = ["keep", 2026-11-02, 1.5]
stage_history = [
    { at = 2026-11-01 09:15:00.250000+05:30, to_stage = "applied", via = "careers page" },
]

[future_table]
noted_at = 2026-11-03 10:00:00+09:00
"odd/key~name" = 2026-11-04

[[future_table.rows]]
when = 2026-11-05 07:00:00-07:00
depth = { deeper = { at = 2026-11-06 12:00:00+01:00 } }

[[interviews]]
id = "first"
at = 2026-11-10 16:00:00+05:30
kind = "technical"
room_booked_at = 2026-11-08 11:00:00+05:30

[interviews.reflection]
went_well = "The system design part."
mood_logged_on = 2026-11-10

[[interviews.interviewers]]
id = "ana"
name = "Ana Ruiz"
badge = { issued = 2026-11-10 15:45:00+05:30 }

[interviews.checklist.thank-you]
state = "done"
at = 2026-11-10 19:00:00+05:30
by_device = "phone"

[file_end]
written_by = "hand"
"""


def hand_edited_store(root: Path) -> tuple[ApplicationStore, str]:
    """A file with unknown keys at every level and times at several offsets, as the store
    writes it (its bytes are what a restore must give back)."""
    app = read_application(HAND_EDITED.encode(), "initech-analyst-h4nd01").application
    store = ApplicationStore(root)
    store.create(app)
    return store, app.id


def test_unknown_keys_nested_and_aware_times_in_any_offset_survive_the_round_trip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store, app_id = hand_edited_store(tmp_path / "source")
    written = store.path_for(app_id).read_bytes()
    for kept in (b"room_booked_at", b"by_device", b"badge", b"deeper", b"+09:00", b"weight = inf"):
        assert kept in written  # the store itself kept them: the export must too
    backup = export(capsys, store.root, tmp_path / "backup.json")

    document = json.loads(backup.read_text(encoding="utf-8"))
    record = document["applications"][0]
    assert record["created_at"] == "2026-11-01T09:15:00.250000+05:30"
    assert record["updated_at"] == "2026-11-19T18:00:00-03:00"
    assert record["future_table"]["rows"][0]["depth"]["deeper"]["at"] == "2026-11-06T12:00:00+01:00"
    assert record["interviews"][0]["interviewers"][0]["id"] == "ana"
    assert document["toml_types"][app_id] == {  # known fields are typed by the schema
        "/review_due": "date",
        "/call_window": "time",
        "/last_look": "local-datetime",
        "/weight": "float",
        "/tags/1": "date",
        "/future_table/noted_at": "datetime",
        "/future_table/odd~1key~0name": "date",
        "/future_table/rows/0/when": "datetime",
        "/future_table/rows/0/depth/deeper/at": "datetime",
        "/interviews/0/room_booked_at": "datetime",
        "/interviews/0/reflection/mood_logged_on": "date",
        "/interviews/0/interviewers/0/badge/issued": "datetime",
    }

    target = tmp_path / "target"
    code, out, _ = cli(capsys, "--data-dir", str(target), "restore", str(backup))

    assert code == 0 and out.startswith("Restored 1,")
    assert files_of(target) == files_of(store.root)


def test_a_folder_that_has_some_keeps_newer_replaces_older_and_never_touches_a_damaged_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = demo_folder(tmp_path / "source")
    here = ApplicationStore(tmp_path / "here")
    for name, data in files_of(source.root).items():
        folder = paths.applications_dir(here.root)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    ids = [path.stem for path in source.files()]
    newer_here, older_here, damaged, newer_version, gone = ids[:5]
    later = timedelta(days=1)

    def edit(store: ApplicationStore, app_id: str, notes: str, at: timedelta) -> None:
        stored = store.load(app_id)
        moment = stored.application.updated_at + at

        def change(app: Application) -> Application:
            return app.revised(notes=notes, updated_at=moment)

        store.update(app_id, change, stored.revision)

    edit(here, newer_here, "Edited here after the backup.", later * 2)
    edit(source, newer_here, "Edited in the backup's folder.", later)
    edit(source, older_here, "Edited in the backup's folder after this one.", later)
    damaged_bytes = b'company = "cut'
    here.path_for(damaged).write_bytes(damaged_bytes)
    # Whatever schema it has (2, or 3 for the demo's saved role), a newer version's now.
    newer_text = re.sub(
        r"(?m)^schema_version = \d+$",
        "schema_version = 99",
        here.path_for(newer_version).read_text(),
    )
    here.path_for(newer_version).write_text(newer_text)
    here.path_for(gone).unlink()
    backup = export(capsys, source.root, tmp_path / "backup.json")
    kept_bytes = here.path_for(newer_here).read_bytes()
    before = files_of(here.root)

    code, out, err = cli(capsys, "--data-dir", str(here.root), "restore", str(backup), "--dry-run")
    assert code == SOME_REFUSED  # two would be left: the exit code says so already
    assert out.splitlines()[-1] == (
        "Would restore 1, would replace 1 older, skipped 8 already here, kept 1 newer here, "
        "left 2 that cannot be overwritten here. Nothing was saved (--dry-run)."
    )
    assert files_of(here.root) == before

    code, out, err = cli(capsys, "--data-dir", str(here.root), "import", str(backup))

    assert code == SOME_REFUSED  # the damaged and the newer version's file were left
    assert out.splitlines()[-1] == (
        "Restored 1, replaced 1 older, skipped 8 already here, kept 1 newer here, "
        "left 2 that cannot be overwritten here."
    )
    after = files_of(here.root)
    assert len(after) == 13  # nothing duplicated
    assert here.path_for(newer_here).read_bytes() == kept_bytes
    assert here.path_for(older_here).read_bytes() == source.path_for(older_here).read_bytes()
    assert here.path_for(damaged).read_bytes() == damaged_bytes
    assert here.path_for(newer_version).read_text() == newer_text
    assert here.path_for(gone).read_bytes() == source.path_for(gone).read_bytes()
    lines = out.splitlines()
    assert any(newer_here in line and "kept: newer here" in line for line in lines)
    assert any(older_here in line and "replaced" in line for line in lines)
    assert any(damaged in line and "damaged" in line for line in err.splitlines())
    assert any(newer_version in line and "newer postinterview" in line for line in err.splitlines())


def broken_backup(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[Path, list[Any]]:
    backup = export(capsys, demo_folder(tmp_path / "demo").root, tmp_path / "backup.json")
    document = json.loads(backup.read_text(encoding="utf-8"))
    entries = document["applications"]
    entries[1]["company"] = "  "
    entries[3] = ["not", "an", "object"]
    entries[4]["id"] = "../escape"
    entries[5]["interviews"][0]["at"] = "2026-11-10T16:00:00"  # no offset: ambiguous
    entries.append(dict(entries[0]))  # the same id twice
    backup.write_text(json.dumps(document), encoding="utf-8")
    return backup, entries


def test_a_backup_with_broken_entries_restores_the_rest_and_names_each_broken_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup, entries = broken_backup(capsys, tmp_path)
    target = tmp_path / "target"

    code, out, err = cli(capsys, "--data-dir", str(target), "restore", str(backup))

    assert code == SOME_REFUSED
    assert out == (
        "Restored 9, replaced 0 older, skipped 0 already here, kept 0 newer here, refused 5.\n"
    )
    assert len(files_of(target)) == 9
    messages = err.splitlines()
    assert len(messages) == 5
    assert f"application 2 ({entries[1]['id']}): not restored: company: must not be empty" in err
    assert "application 4: not restored: is not an object" in err
    assert "application 5 (" in err and "'../escape' is not a valid application id" in err
    assert f"application 6 ({entries[5]['company']}, {entries[5]['id']})" in err
    assert "interviews.0.at" in err
    assert "application 14 (" in err and "the same id is application 1 too" in err
    assert all(line.startswith("postinterview: backup.json, application ") for line in messages)


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b'{"format": "postinterview-applications/1", "applications": [', "not valid JSON"),
        (b"[1, 2]", "not an object"),
        (b'{"format": "something-else"}', "holds no list of applications"),
        (b'{"format": "postinterview-applications/7", "applications": []}', "newer postinterview"),
        (b'{"format": "postinterview-applications/1"}', 'no list of "applications"'),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "JSON"),
    ],
)
def test_a_file_that_is_not_a_backup_is_refused_whole_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, says: str
) -> None:
    backup = tmp_path / "backup.json"
    backup.write_bytes(content)
    target = tmp_path / "target"

    code, out, err = cli(capsys, "--data-dir", str(target), "import", str(backup))

    assert (code, out) == (1, "")
    assert err.startswith("postinterview: error: ") and says in err
    assert not target.exists()


def test_backups_are_size_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("postinterview.transfer.import_backup.MAX_BACKUP_BYTES", 10)
    with pytest.raises(BackupRefused, match="larger than"):
        read_backup(b'{"format": "postinterview-applications/1", "applications": []}')


def test_import_knows_a_backup_by_its_content_and_restore_refuses_a_spreadsheet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = export(capsys, demo_folder(tmp_path / "demo").root, tmp_path / "backup.json")
    renamed = backup.rename(tmp_path / "backup.txt")
    target = tmp_path / "target"
    code, out, _ = cli(capsys, "--data-dir", str(target), "import", str(renamed))
    assert code == 0 and out.startswith("Restored 13,")

    sheet = tmp_path / "tracker.csv"
    sheet.write_text("Company,Role\nAcme,Engineer\n", encoding="utf-8")
    code, out, err = cli(capsys, "--data-dir", str(target), "restore", str(sheet))
    assert (code, out) == (1, "")
    assert "not valid JSON" in err
    code, out, _ = cli(capsys, "--data-dir", str(target), "import", str(sheet))
    assert code == 0 and out.startswith("Imported 1 application")


def test_an_entry_the_backup_could_not_type_is_refused_alone(tmp_path: Path) -> None:
    store, app_id = hand_edited_store(tmp_path / "source")
    document = json.loads(export_json([store.load(app_id).application], FIXED_NOW))
    good = dict(document["applications"][0], id="initech-analyst-g00d01")
    document["applications"].append(good)
    document["toml_types"][app_id]["/created_at"] = "datetime"  # a known field
    document["toml_types"][good["id"]] = {"/review_due": "date", "/nowhere": "date"}

    read = read_backup(json.dumps(document).encode())

    assert [entry.application.id for entry in read.entries] == []
    assert [refused.message for refused in read.refused] == [
        "toml_types: /created_at names a field the schema already types",
        "toml_types: /nowhere names no value",
    ]
    del document["toml_types"][app_id]["/created_at"]
    document["toml_types"][good["id"]] = {"/review_due": "time"}
    read = read_backup(json.dumps(document).encode())
    assert [entry.application.id for entry in read.entries] == [app_id]
    assert read.refused[0].message == "toml_types: /review_due: '2026-12-01' is not a time"


def test_a_file_changed_here_while_restoring_is_kept(tmp_path: Path) -> None:
    here = ApplicationStore(tmp_path / "here")
    app = demo_applications(FIXED_NOW)[0]
    older = here.create(app.revised(id=app.id))
    newer = app.revised(
        id=app.id, notes="From the backup.", updated_at=app.updated_at + timedelta(1)
    )
    decision = decide(here, newer)
    assert decision.outcome is Outcome.REPLACED

    def meanwhile(current: Application) -> Application:
        return current.revised(notes="Typed here.", updated_at=app.updated_at + timedelta(2))

    here.update(app.id, meanwhile, older.revision)

    assert _carry_out(here, newer, decision).outcome is Outcome.KEPT
    assert here.load(app.id).application.notes == "Typed here."


def test_a_record_toml_cannot_hold_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    app = demo_applications(FIXED_NOW)[0]
    unsavable = Application.model_validate(
        {**app.model_dump(mode="python"), "id": app.id, "extra": [1, None]}
    )
    with pytest.raises(ValueError):
        encode_application(unsavable)
    store = ApplicationStore(tmp_path / "here")
    assert decide(store, unsavable).outcome is Outcome.REFUSED
    assert not os.path.exists(store.root)


def test_a_file_a_newer_version_wrote_is_exported_but_not_restored_as_this_versions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = demo_folder(tmp_path / "source")
    newer_id = source.files()[0].stem
    path = source.path_for(newer_id)
    path.write_text(path.read_text().replace("schema_version = 2", "schema_version = 99"))
    backup = export(capsys, source.root, tmp_path / "backup.json")
    document = json.loads(backup.read_text(encoding="utf-8"))
    assert document["newer_schema"] == {newer_id: 99}
    assert newer_id in {record["id"] for record in document["applications"]}
    target = tmp_path / "target"

    code, out, err = cli(capsys, "--data-dir", str(target), "restore", str(backup))

    assert code == SOME_REFUSED
    assert out.startswith("Restored 12,") and out.endswith("refused 1.\n")
    assert newer_id in err and "newer postinterview (schema 99)" in err
    assert not (paths.applications_dir(target) / path.name).exists()
