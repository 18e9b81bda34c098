"""Header matching: each tracker's headers as its exports write them, and the person's --map."""

from __future__ import annotations

import pytest

from postinterview.transfer.import_columns import (
    MappingRefused,
    map_header,
    missing_column_message,
)
from postinterview.transfer.import_fields import Field, header_key


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("companyName", "company name"),
        ("JobTitle", "job title"),
        ("lastMovedAt", "last moved at"),
        ("JobURL", "job url"),
        ("Job Title:", "job title"),
        ("job_title", "job title"),
        ("Job-Link", "job link"),
        ("(URL)", "url"),
        ("Société", "societe"),
        ("Compañía", "compania"),
        ("  Date   Applied * ", "date applied"),
    ],
)
def test_a_header_key_ignores_case_punctuation_accents_and_camel_case(
    written: str, key: str
) -> None:
    assert header_key(written) == key


@pytest.mark.parametrize(
    ("tracker", "header", "expected"),
    [
        (
            "Huntr",
            ["companyName", "title", "listName", "url", "location", "notes"],
            [Field.COMPANY, Field.ROLE, Field.STAGE, Field.JOB_LINK, Field.LOCATION, Field.NOTES],
        ),
        (
            "JobSync",
            ["JobTitle", "Company", "appliedDate", "Status", "JobUrl"],
            [Field.ROLE, Field.COMPANY, Field.APPLIED_ON, Field.STAGE, Field.JOB_LINK],
        ),
        (
            "LinkedIn",
            ["Application Date", "Company Name", "Job Title", "Job Url", "Resume Name"],
            [Field.APPLIED_ON, Field.COMPANY, Field.ROLE, Field.JOB_LINK, None],
        ),
        (
            "Teal",
            ["Company", "Job Position", "Date Applied", "Status", "Excitement"],
            [Field.COMPANY, Field.ROLE, Field.APPLIED_ON, Field.STAGE, None],
        ),
        (
            "German",
            ["Firma", "Stellenbezeichnung", "Status", "Beworben am", "Ort", "Ansprechpartner",
             "Link", "Bemerkungen"],
            [Field.COMPANY, Field.ROLE, Field.STAGE, Field.APPLIED_ON, Field.LOCATION,
             Field.RECRUITER, Field.JOB_LINK, Field.NOTES],
        ),
        (
            "French",
            ["Société", "Intitulé du poste", "Statut", "Date de candidature", "Lieu", "Contact",
             "Lien", "Notes"],
            [Field.COMPANY, Field.ROLE, Field.STAGE, Field.APPLIED_ON, Field.LOCATION,
             Field.RECRUITER, Field.JOB_LINK, Field.NOTES],
        ),
        (
            "Spanish",
            ["Compañía", "Puesto", "Estado", "Fecha de postulación", "Ubicación", "Contacto",
             "Enlace", "Notas"],
            [Field.COMPANY, Field.ROLE, Field.STAGE, Field.APPLIED_ON, Field.LOCATION,
             Field.RECRUITER, Field.JOB_LINK, Field.NOTES],
        ),
    ],
)  # fmt: skip
def test_each_trackers_headers_map_to_our_fields(
    tracker: str, header: list[str], expected: list[Field | None]
) -> None:
    columns = map_header(header)
    assert columns.fields == {f: i for i, f in enumerate(expected) if f is not None}, tracker
    assert [index for index, _ in columns.extra] == [i for i, f in enumerate(expected) if f is None]


def test_a_yes_no_column_is_never_the_applied_date_and_the_dated_one_wins() -> None:
    header = ["Company", "Role", "applied", "appliedDate"]
    rows = [["Acme", "Engineer", "Yes", "2026-11-01"], ["Globex", "Analyst", "nein", ""]]
    columns = map_header(header, rows)
    assert columns.fields[Field.APPLIED_ON] == 3
    assert columns.extra == [(2, "applied")]
    assert columns.lines()[2] == "applied -> notes (yes/no values, so not a date or a stage)"


def test_a_column_with_a_date_among_yes_no_cells_is_still_a_date() -> None:
    columns = map_header(
        ["Company", "Role", "applied"], [["A", "B", "Yes"], ["C", "D", "1.11.2026"]]
    )
    assert columns.fields[Field.APPLIED_ON] == 2


def test_map_overrides_names_and_can_keep_or_skip_a_column() -> None:
    header = ["Company", "Title", "Firma", "Salary"]
    columns = map_header(header, (), {"Firma": "company", "company": "notes", "Salary": "skip"})
    assert columns.fields == {Field.COMPANY: 2, Field.ROLE: 1}
    assert columns.extra == [(0, "Company")]
    assert columns.lines() == [
        "Company -> notes (--map)",
        "Title -> role",
        "Firma -> company (--map)",
        "Salary -> skipped (--map)",
    ]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"Firma": "employer"}, "'employer' is not a field; use one of company, role,"),
        ({"Frima": "company"}, "the header has no column 'Frima'; did you mean 'Firma'?"),
        ({"Unrelated": "company"}, "the header has no column 'Unrelated'"),
    ],
)
def test_a_map_the_file_cannot_follow_is_refused(overrides: dict[str, str], message: str) -> None:
    with pytest.raises(MappingRefused, match="^--map ") as refusal:
        map_header(["Firma", "Stelle"], (), overrides)
    assert message in str(refusal.value)
    assert "did you mean" not in str(refusal.value) or "Frima" in overrides


def test_the_missing_column_refusal_names_the_nearest_column() -> None:
    columns = map_header(["Company", "Jobb Titel", "Notes"])
    assert columns.missing() == [Field.ROLE]
    assert missing_column_message(columns, Field.ROLE).endswith(
        "did you mean 'Jobb Titel'? Use --map \"Jobb Titel=role\""
    )
    far = map_header(["Company", "Zzz"])
    assert "did you mean" not in missing_column_message(far, Field.ROLE)
