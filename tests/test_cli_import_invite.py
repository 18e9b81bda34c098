"""`postinterview import invite.ics`: through the command line, reading the TOML on disk."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from postinterview.domain.editing import new_application
from postinterview.domain.stages import Stage
from postinterview.storage.store import ApplicationStore
from postinterview.transfer.import_invite import MAX_INVITE_BYTES
from tests.cli_tools import cli
from tests.conftest import FIXED_NOW
from tests.test_import_invite import FIXTURES, minimal

pytestmark = pytest.mark.usefixtures("fixed_now_env")


@pytest.fixture
def seeded(data_dir: Path) -> Iterator[dict[str, str]]:
    """Three open applications, two at Acme; their ids by 'company/role'."""
    store = ApplicationStore(data_dir)
    ids = {}
    for company, role in [
        ("Acme", "Product Designer"),
        ("Acme", "Data Analyst"),
        ("Northwind Traders GmbH", "Backend Engineer"),
    ]:
        stored = store.create(new_application(company, role, FIXED_NOW))
        ids[f"{company}/{role}"] = stored.application.id
    (data_dir / "settings.toml").write_text('[you]\nname = "Alex Morgan"\n', "utf-8")
    yield ids


def folder_bytes(data_dir: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(data_dir)): path.read_bytes()
        for path in sorted(data_dir.rglob("*"))
        if path.is_file()
    }


def record(data_dir: Path, app_id: str) -> dict[str, Any]:
    return tomllib.loads(ApplicationStore(data_dir).path_for(app_id).read_text("utf-8"))


def fixture(name: str) -> str:
    return str(FIXTURES / name)


def test_the_one_matching_application_gets_the_upcoming_interview(
    capsys: pytest.CaptureFixture[str], data_dir: Path, seeded: dict[str, str]
) -> None:
    app_id = seeded["Northwind Traders GmbH/Backend Engineer"]
    code, out, err = cli(capsys, "--data-dir", str(data_dir), "import", fixture("outlook.ics"))
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "Invitation: Northwind Traders - Backend Engineer interview"
    assert out.splitlines()[-1] == (
        "Added the interview on Tue 2026-12-08 14:00 (UTC+01:00) to Backend Engineer at "
        f"Northwind Traders GmbH ({app_id})."
    )
    saved = record(data_dir, app_id)
    assert saved["stage"] == "interviewing"
    (interview,) = saved["interviews"]
    assert interview["at"].isoformat() == "2026-12-08T14:00:00+01:00"
    assert interview["scheduled"] is True and interview["planned_minutes"] == 60
    assert interview["format"] == "video"
    assert interview["place"].startswith("https://teams.microsoft.com/l/meetup-join/")
    assert [(p["name"], p["email"]) for p in interview["interviewers"]] == [
        ("Jonas Weber", "jonas.weber@northwind-traders.de"),
        ("Priya Nair", "priya.nair@northwind-traders.de"),  # Alex (the settings' name) left out
    ]
    assert interview["calendar_uid"].startswith("040000008200E00074C5B7101A82E008")
    assert "technical interview about the Backend Engineer role" in saved["notes"]
    loaded = ApplicationStore(data_dir).load(app_id).application  # and it reads back
    assert loaded.interviews[0].interviewers[0].email == "jonas.weber@northwind-traders.de"


def test_several_candidates_are_listed_and_nothing_is_saved(
    capsys: pytest.CaptureFixture[str], data_dir: Path, seeded: dict[str, str], tmp_path: Path
) -> None:
    ambiguous = tmp_path / "acme.ics"
    ambiguous.write_bytes(
        minimal(
            "UID:chat-1",
            "DTSTART:20261214T100000Z",
            "SUMMARY:Catch-up",
            "ORGANIZER;CN=Dana:mailto:dana@acme.com",
        )
    )
    before = folder_bytes(data_dir)
    code, out, err = cli(capsys, "--data-dir", str(data_dir), "import", str(ambiguous))
    assert code == 1
    lines = err.splitlines()
    assert (
        lines[0]
        == "postinterview: acme.ics: 2 open applications may be the one this invitation is for:"
    )
    assert sorted(lines[1:3]) == sorted(
        [
            f"  {seeded['Acme/Product Designer']}  Product Designer at Acme",
            f"  {seeded['Acme/Data Analyst']}  Data Analyst at Acme",
        ]
    )
    assert lines[3].endswith(
        "say which application it is for with --application ID, or --new COMPANY ROLE to add one"
    )
    assert folder_bytes(data_dir) == before


def test_none_matching_lists_the_open_ones_then_application_id_picks(
    capsys: pytest.CaptureFixture[str], data_dir: Path, seeded: dict[str, str]
) -> None:
    args = ["--data-dir", str(data_dir), "import", fixture("apple.ics")]
    code, _, err = cli(capsys, *args)
    assert code == 1
    assert "No open application is named by this invitation. Open applications:" in err
    assert all(app_id in err for app_id in seeded.values())
    code, _, err = cli(capsys, *args, "--application", "no-such-id")
    assert code == 1 and "no application has the id 'no-such-id'" in err
    chosen = seeded["Acme/Data Analyst"]
    code, out, err = cli(capsys, *args, "--application", chosen)
    assert (code, err) == (0, "")
    assert out.endswith(f"to Data Analyst at Acme ({chosen}).\n")
    assert len(record(data_dir, chosen)["interviews"]) == 1


def test_new_adds_an_application_holding_the_interview(
    capsys: pytest.CaptureFixture[str], data_dir: Path, seeded: dict[str, str]
) -> None:
    args = ["--data-dir", str(data_dir), "import", fixture("apple.ics")]
    code, _, err = cli(capsys, *args, "--new", " ", "Designer")
    assert code == 1 and "--new" in err and "company" in err
    code, out, err = cli(capsys, *args, "--new", "Lindqvist Studio", "Designer")
    assert (code, err) == (0, "")
    made = [
        s.application
        for s in ApplicationStore(data_dir).load_all().applications
        if s.application.company == "Lindqvist Studio"
    ]
    assert len(made) == 1 and made[0].role == "Designer"
    assert made[0].stage is Stage.INTERVIEWING
    assert [c.name for c in made[0].interviews[0].interviewers] == [
        "Ingrid Lindqvist",
        "Tomas Berg",
    ]
    assert made[0].interviews[0].place == "Lindqvist Studio, Torstraße 1, 10119 Berlin"
    assert out.endswith(f"to a new application, Designer at Lindqvist Studio ({made[0].id}).\n")


def test_dry_run_says_what_it_would_do_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path, seeded: dict[str, str]
) -> None:
    before = folder_bytes(data_dir)
    args = ["--data-dir", str(data_dir), "import", fixture("google.ics"), "--dry-run"]
    code, out, _ = cli(capsys, *args)
    assert code == 0
    assert "With: Dana Whitfield <dana.whitfield@acme.com>, Lee Park <lee.park@acme.com>" in out
    assert out.endswith(
        f"Would add it to Product Designer at Acme ({seeded['Acme/Product Designer']}). "
        "Nothing was saved (--dry-run).\n"
    )
    code, out, err = cli(capsys, *args, "--new", "Acme", "Designer")
    assert code == 0
    assert out.endswith(
        "Would add it to a new application, Designer at Acme. Nothing was saved (--dry-run).\n"
    )
    designer = seeded["Acme/Product Designer"]
    assert (
        f"postinterview: warning: Product Designer at Acme ({designer}) is at the same company; "
        f"--application {designer} adds it there\n"
    ) in err
    assert folder_bytes(data_dir) == before


def test_the_same_invitation_twice_adds_once_and_a_cancellation_adds_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path, seeded: dict[str, str]
) -> None:
    app_id = seeded["Acme/Product Designer"]
    args = ["--data-dir", str(data_dir), "import"]
    assert cli(capsys, *args, fixture("google.ics"))[0] == 0
    after_first = folder_bytes(data_dir)
    code, out, _ = cli(capsys, *args, fixture("google.ics"))
    assert code == 0
    assert out.endswith(
        f"Already imported into Product Designer at Acme ({app_id}): nothing was added.\n"
    )
    code, out, _ = cli(capsys, *args, fixture("cancelled.ics"))
    assert code == 0 and "The invitation cancels the event" in out
    assert folder_bytes(data_dir) == after_first
    assert len(record(data_dir, app_id)["interviews"]) == 1


def test_a_cancellation_never_imported_adds_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path, seeded: dict[str, str]
) -> None:
    before = folder_bytes(data_dir)
    code, out, _ = cli(capsys, "--data-dir", str(data_dir), "import", fixture("cancelled.ics"))
    assert code == 0
    assert out.endswith(
        "Nothing was added: the invitation cancels the event, so no interview is added.\n"
    )
    assert folder_bytes(data_dir) == before


def test_hostile_text_is_shown_never_obeyed(
    capsys: pytest.CaptureFixture[str], data_dir: Path, seeded: dict[str, str]
) -> None:
    code, out, err = cli(capsys, "--data-dir", str(data_dir), "import", fixture("hostile.ics"))
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert "Invitation: Interview with Acme ␛[2J" in out
    assert code == 1  # two Acme applications: it asks


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "holds binary data, so it is not a calendar invitation"),
        (b"BEGIN:VCALENDAR\r\n" + b"X" * (MAX_INVITE_BYTES + 1), "is larger than 2 MiB"),
        (b"", "is not an iCalendar file: it does not begin with BEGIN:VCALENDAR"),
    ],
)
def test_bad_files_are_refused_in_one_line_and_write_nothing(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    seeded: dict[str, str],
    tmp_path: Path,
    content: bytes,
    message: str,
) -> None:
    bad = tmp_path / "bad.ics"
    bad.write_bytes(content)
    before = folder_bytes(data_dir)
    code, out, err = cli(capsys, "--data-dir", str(data_dir), "import", str(bad))
    assert (code, out) == (1, "")
    assert err == f"postinterview: error: {bad}: {message}\n"
    assert folder_bytes(data_dir) == before


def test_an_invitation_is_told_by_its_content_and_its_options_by_the_file(
    capsys: pytest.CaptureFixture[str], data_dir: Path, seeded: dict[str, str], tmp_path: Path
) -> None:
    renamed = tmp_path / "invite.txt"
    renamed.write_bytes((FIXTURES / "outlook.ics").read_bytes())
    code, out, _ = cli(capsys, "--data-dir", str(data_dir), "import", str(renamed), "--dry-run")
    assert code == 0 and out.startswith("Invitation: Northwind Traders")
    tracker = tmp_path / "t.csv"
    tracker.write_text("company,role\nAcme,Designer\n", "utf-8")
    code, _, err = cli(
        capsys, "--data-dir", str(data_dir), "import", str(tracker), "--new", "A", "B"
    )
    assert code == 1 and "--application and --new are for an invitation (.ics)" in err
    code, _, err = cli(
        capsys, "--data-dir", str(data_dir), "import", str(renamed), "--map", "x=notes"
    )
    assert code == 1 and "--map and --stage are for a tracker file" in err


def test_a_past_event_is_refused(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    seeded: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("POSTINTERVIEW_NOW", "2026-12-20T12:00:00+00:00")
    code, _, err = cli(capsys, "--data-dir", str(data_dir), "import", fixture("outlook.ics"))
    assert code == 1 and "which has passed: an upcoming interview starts later than now" in err
