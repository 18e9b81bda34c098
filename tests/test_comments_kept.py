"""A file a person edited by hand keeps their comments, blank lines and key order after a
save; when it cannot, the save writes the plain form and says so (storage/hand_edits.py)."""

from __future__ import annotations

import difflib
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from postinterview.domain.editing import StageMoveRefused, move_stage
from postinterview.domain.models import Application, Contact, ContactLogEntry
from postinterview.domain.stages import Stage
from postinterview.storage import codec, hand_edits, toml_patch
from postinterview.storage.store import ApplicationStore
from postinterview.workspace import Workspace
from postinterview.workspace.outcome import COMMENTS_LOST
from tests.conftest import FIXED_NOW
from tests.pilot_tools import make_app, settle

APP_ID = "acme-robotics-backend-engineer-hand01"
OLD_HEADER = (
    "# postinterview application. Safe to edit by hand; keep [file_end] as the last section."
)

HAND_EDITED = f"""{OLD_HEADER}
# Recruiter found me on the meetup list. This one matters.
schema_version = 2
role = "Backend Engineer"   # the role as they advertised it
company = 'Acme Robotics'
stage = "applied"

created_at = 2026-11-18 09:00:00+00:00
updated_at = 2026-11-18 09:00:00+00:00
synced_from = "laptop"
stage_history = [
    # the day I sent it
    {{ at = 2026-11-18 09:00:00+00:00, to_stage = "applied" }},
]

[recruiter]
id = "rae00001"
name = "Rae Recruiter"  # very responsive

# The first round, by video
[[interviews]]
id = "iv1"
at = 2026-11-19 10:00:00+00:00
kind = "technical"

# who was on the call
[[interviews.interviewers]]
id = "ana00001"
name = "Ana Ruiz"   # hiring manager

[[interviews.interviewers]]
id = "ben00001"
name = "Ben Okafor"
title = "Staff Engineer"

[file_end]
written_by = "postinterview 0.1.0"
"""


LAYOUTS = {
    "tables": HAND_EDITED,
    "inline people, a quoted table name": HAND_EDITED.replace(
        """# who was on the call
[[interviews.interviewers]]
id = "ana00001"
name = "Ana Ruiz"   # hiring manager

[[interviews.interviewers]]
id = "ben00001"
name = "Ben Okafor"
title = "Staff Engineer"
""",
        """interviewers = [
    # who was on the call
    { id = "ana00001", name = "Ana Ruiz" },  # hiring manager
    {id="ben00001",name="Ben Okafor",title='Staff Engineer'}
]

[interviews.checklist."thank-you:ana00001"]
state = "done"   # sent on the train
at = 2026-11-19 17:00:00+00:00
""",
    ),
    "dotted keys": HAND_EDITED.replace(
        '[recruiter]\nid = "rae00001"\nname = "Rae Recruiter"  # very responsive\n', ""
    ).replace(
        'synced_from = "laptop"',
        'synced_from = "laptop"\nrecruiter.id = "rae00001"\nrecruiter.name = "Rae"  # dotted',
    ),
    "a string over several lines that looks like a header": HAND_EDITED.replace(
        'synced_from = "laptop"',
        'synced_from = "laptop"\nnotes = """\n[looks_like_a_table]\nsecond line"""',
    ),
}


def write_hand_edited(store: ApplicationStore, text: str = HAND_EDITED) -> Path:
    path = store.path_for(APP_ID)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines taken out of `before`, and the lines put into `after`."""
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    removed = [line[2:] for line in diff if line.startswith("- ")]
    added = [line[2:] for line in diff if line.startswith("+ ")]
    return removed, added


def test_a_stage_move_changes_only_its_lines(store: ApplicationStore) -> None:
    path = write_hand_edited(store)
    moved_at = FIXED_NOW
    saved = store.update(APP_ID, lambda a: move_stage(a, Stage.SCREENING, moved_at), None)
    after = path.read_text("utf-8")
    removed, added = changed_lines(HAND_EDITED, after)
    assert removed == [
        OLD_HEADER,
        'stage = "applied"',
        "updated_at = 2026-11-18 09:00:00+00:00",
    ]
    assert added == [
        codec.HEADER.rstrip("\n"),
        'stage = "screening"',
        "updated_at = 2026-11-20 15:30:00+00:00",
        '    { at = 2026-11-20 15:30:00+00:00, from_stage = "applied", to_stage = "screening" },',
    ]
    assert not saved.stored.comments_lost
    assert after.endswith('[file_end]\nwritten_by = "postinterview 0.1.0"\n')
    assert store.load(APP_ID).application == saved.stored.application


def test_an_interview_edit_renames_adds_and_removes_people_in_place(
    store: ApplicationStore,
) -> None:
    path = write_hand_edited(store)

    def edit(application: Application) -> Application:
        interview = application.interviews[0]
        ana, _ben = interview.interviewers
        people = [
            ana.revised(name="Ana Ruiz-Lopez"),
            Contact(id="cyd00001", name="Cyd New", title="CTO"),
        ]
        return application.revised(interviews=[interview.revised(interviewers=people)])

    saved = store.update(APP_ID, edit, None)
    after = path.read_text("utf-8")
    removed, added = changed_lines(HAND_EDITED, after)
    assert removed == [
        OLD_HEADER,
        'name = "Ana Ruiz"   # hiring manager',
        'id = "ben00001"',
        'name = "Ben Okafor"',
        'title = "Staff Engineer"',
    ]
    assert added == [
        codec.HEADER.rstrip("\n"),
        'name = "Ana Ruiz-Lopez"   # hiring manager',
        'id = "cyd00001"',
        'name = "Cyd New"',
        'title = "CTO"',
    ]
    assert not saved.stored.comments_lost
    people = store.load(APP_ID).application.interviews[0].interviewers
    assert [(p.id, p.name) for p in people] == [
        ("ana00001", "Ana Ruiz-Lopez"),
        ("cyd00001", "Cyd New"),
    ]


def test_a_new_table_goes_before_file_end(store: ApplicationStore) -> None:
    text = HAND_EDITED.replace(
        '[recruiter]\nid = "rae00001"\nname = "Rae Recruiter"  # very responsive\n\n', ""
    )
    path = write_hand_edited(store, text)
    store.update(APP_ID, lambda a: a.revised(recruiter=Contact(id="sam00001", name="Sam")), None)
    after = path.read_text("utf-8")
    assert "# the day I sent it" in after and "# who was on the call" in after
    assert after.index("\n[recruiter]") < after.index("\n[file_end]")
    assert "\n\n\n" not in after
    assert after.rstrip().endswith('written_by = "postinterview 0.1.0"')
    assert store.load(APP_ID).application.recruiter == Contact(id="sam00001", name="Sam")


def test_a_new_key_goes_above_the_comment_that_heads_the_next_table(
    store: ApplicationStore,
) -> None:
    path = write_hand_edited(store)
    store.update(
        APP_ID, lambda a: a.revised(recruiter=a.recruiter.revised(email="r@x.example")), None
    )
    store.update(APP_ID, lambda a: a.revised(location="Lisbon"), None)
    after = path.read_text("utf-8")
    assert (
        'name = "Rae Recruiter"  # very responsive\nemail = "r@x.example"\n\n'
        "# The first round, by video\n[[interviews]]\n"
    ) in after
    assert 'location = "Lisbon"\nstage_history = [' not in after  # added after the last key
    assert '    { at = 2026-11-18 09:00:00+00:00, to_stage = "applied" },\n]\nlocation' in after


def test_a_file_of_an_older_schema_keeps_its_comments_too(store: ApplicationStore) -> None:
    fixture = Path(__file__).parent / "fixtures" / "schema1"
    original = (fixture / "acme-robotics-backend-engineer-s1fx01.toml").read_text("utf-8")
    text = original.replace("[recruiter]", "# met at the fair\n[recruiter]")
    app_id = "acme-robotics-backend-engineer-s1fx01"
    path = store.path_for(app_id)
    path.parent.mkdir(parents=True)
    path.write_text(text, "utf-8")
    saved = store.update(app_id, lambda a: a.revised(notes="Called back."), None)
    after = path.read_text("utf-8")
    assert "# met at the fair\n[recruiter]" in after and "schema_version = 2" in after
    assert not saved.stored.comments_lost
    assert store.load(app_id).application == saved.stored.application
    kept = store.root / "migrated" / f"{app_id}.schema1.toml"
    assert kept.read_text("utf-8") == text


def test_a_plain_file_is_rewritten_as_before_without_loading_tomlkit(tmp_path: Path) -> None:
    # A fresh interpreter: tomlkit is for hand-edited files only, so a plain save (and
    # start-up) never pays for importing it.
    script = f"""
import sys
from pathlib import Path
from postinterview.domain.editing import move_stage, new_application
from postinterview.domain.stages import Stage
from postinterview.storage.codec import encode_application
from postinterview.storage.store import ApplicationStore
from tests.conftest import FIXED_NOW
store = ApplicationStore(Path({str(tmp_path)!r}))
app = new_application("Acme", "Engineer", FIXED_NOW).model_copy(update={{"id": "acme-x1"}})
store.path_for("acme-x1").parent.mkdir(parents=True)
store.path_for("acme-x1").write_bytes(encode_application(app))
saved = store.update("acme-x1", lambda a: move_stage(a, Stage.SCREENING, FIXED_NOW), None)
assert store.path_for("acme-x1").read_bytes() == encode_application(saved.stored.application)
assert not saved.stored.comments_lost
print("tomlkit" in sys.modules)
"""
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_a_plain_file_under_the_old_header_gets_the_new_one(store: ApplicationStore) -> None:
    app = Application.model_validate(
        {
            "company": "Acme",
            "role": "Engineer",
            "stage": "applied",
            "created_at": FIXED_NOW,
            "updated_at": FIXED_NOW,
        }
    )
    old = codec.encode_record(app.to_record(), OLD_HEADER + "\n")
    path = store.path_for(APP_ID)
    path.parent.mkdir(parents=True)
    path.write_bytes(old)
    saved = store.update(APP_ID, lambda a: a.revised(notes="Called back."), None)
    assert path.read_bytes() == codec.encode_application(saved.stored.application)


def test_when_the_text_cannot_be_kept_the_plain_form_is_written_and_said_once(
    store: ApplicationStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_hand_edited(store)

    def broken(text: str, target: dict[str, Any], last: str) -> str:
        raise RuntimeError("tomlkit could not do it")

    monkeypatch.setattr(toml_patch, "patch", broken)
    workspace = Workspace(store, clock=lambda: FIXED_NOW)
    workspace.apply(workspace.read_all())
    outcome = workspace.update(APP_ID, lambda a: move_stage(a, Stage.SCREENING, FIXED_NOW))
    assert outcome.ok and outcome.note == COMMENTS_LOST
    assert outcome.status() == f"Saved. {COMMENTS_LOST}"
    assert outcome.stored is not None
    record = outcome.stored.application.to_record()
    assert path.read_bytes() == codec.encode_record(record, hand_edits.NOT_KEPT_HEADER)
    assert "# who was on the call" not in path.read_text("utf-8")
    # The text it had is the newest version before this save in history/.
    kept = sorted((store.root / "history" / APP_ID).iterdir())
    assert kept[-2].read_text("utf-8") == HAND_EDITED
    # Told once: the next save finds the plain form and says nothing more.
    again = workspace.update(APP_ID, lambda a: a.revised(notes="Called."))
    assert again.ok and again.note == "" and again.status() == "Saved."
    assert outcome.stored is not None and again.stored is not None
    assert path.read_bytes() == codec.encode_application(again.stored.application)


def test_a_result_that_reads_back_differently_is_not_written(
    store: ApplicationStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_hand_edited(store)
    real = toml_patch.patch

    def off_by_one(text: str, target: dict[str, Any], last: str) -> str:
        return real(text, target, last).replace('"screening"', '"interviewing"', 1)

    monkeypatch.setattr(toml_patch, "patch", off_by_one)
    saved = store.update(APP_ID, lambda a: move_stage(a, Stage.SCREENING, FIXED_NOW), None)
    assert saved.stored.comments_lost
    assert store.load(APP_ID).application.stage is Stage.SCREENING
    assert path.read_text("utf-8").startswith(hand_edits.NOT_KEPT_HEADER)


async def test_a_card_moved_on_the_board_keeps_the_files_comments(data_dir: Path) -> None:
    path = write_hand_edited(ApplicationStore(data_dir))
    async with make_app(data_dir, "board").run_test(size=(150, 45), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("shift+right")
        await settle(pilot)
        assert [n.message for n in pilot.app._notifications] == []
    after = path.read_text("utf-8")
    assert 'stage = "screening"' in after
    for comment in ["# Recruiter found me", "# the day I sent it", "# who was on the call"]:
        assert comment in after
    assert "company = 'Acme Robotics'" in after and "# very responsive" in after


async def test_the_board_says_when_comments_could_not_be_kept(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_hand_edited(ApplicationStore(data_dir))

    def broken(text: str, target: dict[str, Any], last: str) -> str:
        raise ValueError("no")

    monkeypatch.setattr(toml_patch, "patch", broken)
    async with make_app(data_dir, "board").run_test(size=(150, 45), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("shift+right")
        await settle(pilot)
        assert [n.message for n in pilot.app._notifications] == [f"Saved. {COMMENTS_LOST}"]


# Any edit: the same application as the plain path gives -------------------------------------

Edit = Callable[[Application], Application]

_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00"), max_size=30
)
_name = _text.filter(lambda text: bool(text.strip()))


def _rename(index: int, name: str) -> Edit:
    def edit(app: Application) -> Application:
        if not app.interviews or not app.interviews[0].interviewers:
            return app
        interview = app.interviews[0]
        people = list(interview.interviewers)
        people[index % len(people)] = people[index % len(people)].revised(name=name)
        return app.revised(interviews=[interview.revised(interviewers=people), *app.interviews[1:]])

    return edit


def _add_person(name: str, n: int) -> Edit:
    def edit(app: Application) -> Application:
        if not app.interviews:
            return app
        interview = app.interviews[0]
        person = Contact(id=f"new{n:05d}", name=name)
        if any(p.id == person.id for p in interview.interviewers):
            return app
        people = [*interview.interviewers, person]
        return app.revised(interviews=[interview.revised(interviewers=people), *app.interviews[1:]])

    return edit


def _remove_person(index: int) -> Edit:
    def edit(app: Application) -> Application:
        if not app.interviews or not app.interviews[0].interviewers:
            return app
        interview = app.interviews[0]
        people = list(interview.interviewers)
        del people[index % len(people)]
        return app.revised(interviews=[interview.revised(interviewers=people), *app.interviews[1:]])

    return edit


def _move(stage: Stage) -> Edit:
    def edit(app: Application) -> Application:
        try:
            return move_stage(app, stage, app.updated_at + timedelta(hours=1))
        except StageMoveRefused:
            return app

    return edit


def _add_interview(n: int) -> Edit:
    def edit(app: Application) -> Application:
        at = FIXED_NOW + timedelta(days=n)
        person = {"id": f"dee{n:05d}", "name": "Dee"}
        added = {"id": f"ivnew{n}", "at": at, "interviewers": [person]}
        if any(i.id == added["id"] for i in app.interviews):
            return app
        return app.revised(interviews=[*app.interviews, added])

    return edit


def _log(note: str) -> Edit:
    def edit(app: Application) -> Application:
        entry = ContactLogEntry(at=FIXED_NOW, with_whom="Rae", note=note)
        return app.revised(contact_log=[*app.contact_log, entry])

    return edit


_edits = st.one_of(
    _name.map(lambda name: lambda a: a.revised(company=name)),
    _text.map(lambda notes: lambda a: a.revised(notes=notes)),
    _text.map(lambda where: lambda a: a.revised(location=where)),
    st.just(lambda a: a.revised(recruiter=None)),
    st.just(lambda a: a.revised(interviews=a.interviews[1:])),
    st.sampled_from(list(Stage)).map(_move),
    st.builds(_rename, st.integers(0, 5), _name),
    st.builds(_add_person, _name, st.integers(0, 3)),
    st.integers(0, 5).map(_remove_person),
    st.integers(1, 3).map(_add_interview),
    _text.map(_log),
)


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=st.lists(_edits, min_size=1, max_size=4))
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_any_edit_reads_back_as_the_plain_path_would(layout: str, edits: list[Edit]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        hand = ApplicationStore(Path(folder) / "hand")
        plain = ApplicationStore(Path(folder) / "plain")
        write_hand_edited(hand, LAYOUTS[layout])
        plain_path = plain.path_for(APP_ID)
        plain_path.parent.mkdir(parents=True)
        plain_path.write_bytes(codec.encode_application(hand.load(APP_ID).application))
        for edit in edits:
            try:
                saved = hand.update(APP_ID, edit, None)
            except ValidationError:
                assume(False)
            plain.update(APP_ID, edit, None)
            assert not saved.stored.comments_lost
            assert hand.load(APP_ID).application == plain.load(APP_ID).application
            text = hand.path_for(APP_ID).read_text("utf-8")
            assert "# Recruiter found me on the meetup list. This one matters." in text
            assert text.startswith(codec.HEADER)
