"""`export --format csv` then `import` into an empty folder keeps what a spreadsheet holds.

Compared record by record: company, role, stage, applied date, location, link, source,
recruiter (name, email, phone), company size, notes, the day the application was created and
the stage history with its days. What a CSV does not hold (and the JSON export does): ids,
interviews (their interviewers, checklists, signals, reflections), referees, the contact log,
the recruiter's title and note, the notes on stage moves, times of day, updated_at, the quiet
acknowledgement and an offer's respond-by day.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from postinterview.domain.days import local_day
from postinterview.domain.editing import move_stage, new_application
from postinterview.domain.interviews import add_interview
from postinterview.domain.models import Application, CompanySize, Contact, Source
from postinterview.domain.stages import Stage
from postinterview.storage.store import ApplicationStore
from postinterview.transfer.export_csv import CSV_COLUMNS, contact_text, export_csv
from postinterview.transfer.import_csv import read_tracker
from postinterview.transfer.import_options import ImportOptions
from postinterview.transfer.import_values import parse_company_size, parse_recruiter
from tests.cli_tools import cli
from tests.conftest import FIXED_NOW


def days_ago(days: float) -> datetime:
    return FIXED_NOW - timedelta(days=days, hours=3, minutes=17)


def applications() -> list[Application]:
    """Applications using every field a CSV holds, and some it does not."""
    full = new_application(
        "Acme Robotics",
        "Backend Engineer",
        days_ago(40),
        applied_on=local_day(days_ago(41)),
        location="Leeds, UK",
        job_link="https://acme.example/jobs/1?ref=board&x=1",
        source=Source.RECRUITER,
        company_size=CompanySize.LARGE,
        recruiter=Contact(name="Dana Ruiz", email="dana@agency.example", phone="+44 20 7946 0000"),
        notes='Keen on Rust.\nSalary "£60,000"; ask about; remote\n\nSecond paragraph',
    )
    full = move_stage(full, Stage.SCREENING, days_ago(30), note="Recruiter called")
    full = move_stage(full, Stage.INTERVIEWING, days_ago(20))
    full = add_interview(
        full,
        "i1",
        days_ago(18),
        days_ago(25),
        interviewers=[Contact(name="Ana Li", email="ana@acme.example")],
    )
    full = move_stage(full, Stage.AWAITING_DECISION, days_ago(15))
    # Moved twice on one day, and back again: the order survives.
    moved_back = new_application(
        "Globex", "Data Analyst", days_ago(12), recruiter=Contact(name="Sam Hill")
    )
    moved_back = move_stage(moved_back, Stage.SCREENING, days_ago(5))
    moved_back = move_stage(moved_back, Stage.APPLIED, days_ago(5) + timedelta(hours=1))
    closed = new_application(
        "Initech",
        "SRE",
        days_ago(9),
        company_size=CompanySize.SMALL,
        source=Source.REFERRAL,
        recruiter=Contact(name="hr@initech.example", email="hr@initech.example"),
    )
    closed = move_stage(closed, Stage.REJECTED, days_ago(2))
    bare = new_application("Hooli", "Designer", FIXED_NOW)
    return [full, moved_back, closed, bare]


def spreadsheet_view(application: Application) -> dict[str, Any]:
    """What of an application a spreadsheet holds."""
    recruiter = application.recruiter
    return {
        "company": application.company,
        "role": application.role,
        "stage": application.stage,
        "applied_on": application.applied_on,
        "location": application.location,
        "job_link": application.job_link,
        "source": application.source,
        "company_size": application.company_size,
        "recruiter": (recruiter.name, recruiter.email, recruiter.phone) if recruiter else None,
        "notes": application.notes,
        "created on": local_day(application.created_at),
        "history": [(local_day(c.at), c.from_stage, c.to_stage) for c in application.stage_history],
    }


def by_company(applications: list[Application]) -> dict[str, dict[str, Any]]:
    return {a.company: spreadsheet_view(a) for a in applications}


def test_export_then_read_back_keeps_every_spreadsheet_field() -> None:
    originals = applications()
    result = read_tracker(export_csv(originals), FIXED_NOW, "export.csv")
    assert result.refused == [] and result.warnings == []
    assert by_company([row.application for row in result.rows]) == by_company(originals)


def test_our_exports_bookkeeping_columns_are_left_out_and_said_so() -> None:
    result = read_tracker(export_csv(applications()), FIXED_NOW)
    mapping = dict(line.split(" -> ", 1) for line in result.columns.lines())
    assert mapping["id"].startswith("skipped (our export's id")
    assert mapping["interviews"].startswith("skipped")
    assert mapping["interviewers"].startswith("skipped")
    assert (mapping["created_at"], mapping["updated_at"]) == ("saved_on", "stage_since")
    assert (mapping["history"], mapping["notes"]) == ("history", "notes")
    assert mapping["company_size"] == "company_size"


def test_a_map_keeps_a_bookkeeping_column_the_persons_way() -> None:
    options = ImportOptions(columns={"interviewers": "notes"})
    result = read_tracker(export_csv(applications()), FIXED_NOW, options=options)
    acme = next(r.application for r in result.rows if r.application.company == "Acme Robotics")
    assert acme.notes.endswith("\n\ninterviewers: Ana Li <ana@acme.example>")


def test_another_trackers_id_column_is_kept_in_the_notes() -> None:
    result = read_tracker("id,company,role\n42,Acme,Engineer\n", FIXED_NOW)
    assert result.rows[0].application.notes == "id: 42"


def test_the_export_writes_the_new_columns_at_the_end() -> None:
    rows = list(csv.DictReader(io.StringIO(export_csv(applications()), newline="")))
    assert list(rows[0])[-3:] == ["notes", "company_size", "interviewers"]
    acme = next(row for row in rows if row["company"] == "Acme Robotics")
    assert acme["recruiter"] == "Dana Ruiz <dana@agency.example>, +44 20 7946 0000"
    assert acme["interviewers"] == "Ana Li <ana@acme.example>"
    assert acme["company_size"] == "large"


def test_csv_export_then_import_into_an_empty_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fixed_now_env: None
) -> None:
    source, target = tmp_path / "source", tmp_path / "target"
    store = ApplicationStore(source)
    for application in applications():
        store.create(application)
    exported = tmp_path / "export.csv"
    code, _, err = cli(
        capsys, "--data-dir", str(source), "export", "--format", "csv", "-o", str(exported)
    )
    assert code == 0, err
    assert exported.read_text(encoding="utf-8").splitlines()[0] == ",".join(CSV_COLUMNS)
    code, out, err = cli(capsys, "--data-dir", str(target), "import", str(exported))
    assert code == 0, err
    assert out.startswith("Imported 4 applications from export.csv")
    back = [s.application for s in ApplicationStore(target).load_all().applications]
    assert by_company(back) == by_company(applications())


# --- The cells' readers read what the export writes ---------------------------------------

_names = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="<>"
    ),
    min_size=1,
    max_size=30,
).filter(
    lambda text: text.strip(" \"'") == text.strip() == text and text and not {",", "@"} & set(text)
)
"""Names as people write them; the reader drops quotes around a name ('"Dana" <d@x>'). A name
with an @ is left out: a contact cell holding only an address is read as that address, by
design (a tracker's contact column often holds just an email)."""
_emails = st.from_regex(r"[a-z0-9.]{1,10}@[a-z]{1,10}\.example", fullmatch=True)
_phones = st.from_regex(r"\+?[0-9]{2,4}( [0-9]{3,4}){1,3}", fullmatch=True)


@given(name=_names, email=st.one_of(st.just(""), _emails), phone=st.one_of(st.just(""), _phones))
def test_the_recruiter_reader_reads_back_the_exported_contact(
    name: str, email: str, phone: str
) -> None:
    contact = Contact(name=name, email=email, phone=phone)
    read = parse_recruiter(contact_text(contact))
    assert (read.name, read.email, read.phone) == (" ".join(name.split()), email, phone)


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("small", CompanySize.SMALL),
        ("Large", CompanySize.LARGE),
        ("Startup", CompanySize.SMALL),
        ("Konzern", CompanySize.LARGE),
        ("40", CompanySize.SMALL),
        ("51-200", CompanySize.SMALL),
        ("1,000+", CompanySize.LARGE),
        ("201-500", None),  # either side of 250: not a guess
        ("200+", None),
        ("huge", None),
    ],
)
def test_company_sizes_as_trackers_write_them(text: str, size: CompanySize | None) -> None:
    assert parse_company_size(text) == size


# --- Any application, exported and read back ----------------------------------------------

_line = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=40
).map(lambda text: " ".join(text.split()))
_note = st.lists(_line, max_size=4).map(lambda lines: "\n".join(lines).strip())
_start = datetime(2026, 6, 1, tzinfo=FIXED_NOW.tzinfo)


@st.composite
def _applications(draw: st.DrawFn) -> Application:
    stages = draw(st.lists(st.sampled_from(list(Stage)), min_size=1, max_size=6))
    stages = [s for i, s in enumerate(stages) if i == 0 or s != stages[i - 1]]
    minutes = sorted(
        draw(st.lists(st.integers(0, 170 * 24 * 60), min_size=len(stages), max_size=len(stages)))
    )
    moments = [_start + timedelta(minutes=m) for m in minutes]
    history = [
        {"at": at, "from_stage": stages[i - 1] if i else None, "to_stage": stage}
        for i, (at, stage) in enumerate(zip(moments, stages, strict=True))
    ]
    recruiter = draw(
        st.one_of(
            st.none(),
            st.builds(
                Contact,
                name=_names.filter(lambda name: "@" not in name and " ".join(name.split()) == name),
                email=st.one_of(st.just(""), _emails),
                phone=st.one_of(st.just(""), _phones),
            ),
        )
    )
    return Application.model_validate(
        {
            "company": draw(_names.filter(str.isalnum)),
            "role": draw(_names.filter(str.isalnum)),
            "stage": stages[-1],
            "created_at": moments[0],
            "updated_at": moments[-1],
            "stage_history": history,
            "applied_on": draw(st.one_of(st.none(), st.dates(_start.date(), FIXED_NOW.date()))),
            "location": draw(_line),
            "job_link": draw(_line),
            "source": draw(st.one_of(st.none(), st.sampled_from(list(Source)))),
            "company_size": draw(st.one_of(st.none(), st.sampled_from(list(CompanySize)))),
            "recruiter": recruiter,
            "notes": draw(_note),
        }
    )


@given(application=_applications())
def test_any_application_reads_back_as_it_was_exported(application: Application) -> None:
    result = read_tracker(export_csv([application]), FIXED_NOW)
    assert result.refused == [] and result.warnings == []
    [row] = result.rows
    assert spreadsheet_view(row.application) == spreadsheet_view(application)
