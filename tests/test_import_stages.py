"""The stage words of other trackers: the word table, saved and skip words, the person's own."""

from __future__ import annotations

import pytest

from postinterview.domain.stages import Stage
from postinterview.transfer.import_csv import read_tracker
from postinterview.transfer.import_options import ImportOptions
from postinterview.transfer.import_stages import (
    _SAVED_WORDS,
    _SKIP_WORDS,
    _STAGE_WORDS,
    parse_stage,
    parse_stage_override,
    read_stage_cell,
    stage_key,
    stage_named,
)
from tests.conftest import FIXED_NOW

WORDS: list[tuple[str, Stage]] = [
    # English, as people and trackers write them
    ("Applied", Stage.APPLIED),
    ("Responded", Stage.SCREENING),
    ("Screening", Stage.SCREENING),
    ("Interview", Stage.INTERVIEWING),
    ("Interviewing", Stage.INTERVIEWING),
    ("Offer", Stage.OFFER),
    ("Accepted", Stage.ACCEPTED),
    ("Rejected", Stage.REJECTED),
    ("declined", Stage.REJECTED),
    ("Withdrawn", Stage.WITHDRAWN),
    ("discarded", Stage.WITHDRAWN),
    ("Archived", Stage.WITHDRAWN),
    ("Ghosted", Stage.NO_REPLY),
    ("no reply", Stage.NO_REPLY),
    # Teal's statuses
    ("Negotiating", Stage.OFFER),
    ("I Withdrew", Stage.WITHDRAWN),
    ("Not Selected", Stage.REJECTED),
    ("No Response", Stage.NO_REPLY),
    # German
    ("beworben", Stage.APPLIED),
    ("In Bearbeitung", Stage.APPLIED),
    ("Vorstellungsgespräch", Stage.INTERVIEWING),
    ("Angebot", Stage.OFFER),
    ("Zusage", Stage.ACCEPTED),
    ("Absage", Stage.REJECTED),
    ("zurückgezogen", Stage.WITHDRAWN),
    ("keine Antwort", Stage.NO_REPLY),
    # French
    ("Candidature envoyée", Stage.APPLIED),
    ("Entretien", Stage.INTERVIEWING),
    ("Offre", Stage.OFFER),
    ("Acceptée", Stage.ACCEPTED),
    ("Refusé", Stage.REJECTED),
    ("Sans réponse", Stage.NO_REPLY),
    # Spanish
    ("Aplicado", Stage.APPLIED),
    ("Enviada", Stage.APPLIED),
    ("Entrevista", Stage.INTERVIEWING),
    ("Oferta", Stage.OFFER),
    ("Aceptada", Stage.ACCEPTED),
    ("Rechazado", Stage.REJECTED),
    ("Sin respuesta", Stage.NO_REPLY),
]


@pytest.mark.parametrize(("word", "stage"), WORDS)
def test_each_language_and_trackers_words_name_a_stage(word: str, stage: Stage) -> None:
    assert parse_stage(word) == stage


@pytest.mark.parametrize(
    ("written", "stage"),
    [
        ("REFUSE", Stage.REJECTED),  # accents dropped
        ("refusée!", Stage.REJECTED),  # edge punctuation dropped
        ("Vorstellungsgesprach", Stage.INTERVIEWING),
        ("  keine   antwort ", Stage.NO_REPLY),  # spaces folded
        ("no-reply", Stage.NO_REPLY),
        ("awaiting_decision", Stage.AWAITING_DECISION),
        ("Phone/Screen", Stage.SCREENING),  # inner punctuation as a space
        ("ZURUCKGEZOGEN", Stage.WITHDRAWN),
    ],
)
def test_case_accents_and_punctuation_are_folded(written: str, stage: Stage) -> None:
    assert parse_stage(written) == stage


def test_every_stage_value_and_label_is_understood() -> None:
    for stage in Stage:
        assert parse_stage(stage.value) == stage
        assert parse_stage(stage.label) == stage


def test_saved_and_skip_words_are_not_stage_words() -> None:
    # A word in two tables would be read by whichever is asked first: keep them apart.
    assert not _SAVED_WORDS & _STAGE_WORDS.keys()
    assert not _SKIP_WORDS & _STAGE_WORDS.keys()
    assert not _SAVED_WORDS & _SKIP_WORDS


@pytest.mark.parametrize(
    "word",
    [
        *("Wishlist", "saved", "Bookmarked", "interested", "to apply", "Merkliste", "guardado"),
        *("Evaluated", "Draft"),  # career-ops, JobSync
    ],
)
def test_a_saved_role_is_applied_for_now_with_a_warning_and_the_word_kept(word: str) -> None:
    reading = read_stage_cell(word)
    assert reading.stage == Stage.APPLIED
    assert "saved, not applied yet: imported as Applied" in reading.warning
    assert reading.kept == f"Stage: {word}"


@pytest.mark.parametrize("word", ["skip", "IGNORE", "n/a", "N/A", "Do not import"])
def test_skip_words_leave_the_row_out(word: str) -> None:
    reading = read_stage_cell(word)
    assert reading.stage is None
    assert repr(word) in reading.warning and "not imported" in reading.warning


def test_an_unknown_word_is_applied_with_a_warning_and_kept() -> None:
    reading = read_stage_cell("maybe")
    assert (reading.stage, reading.kept) == (Stage.APPLIED, "Stage: maybe")
    assert "is not one I know" in reading.warning


def test_a_known_word_needs_no_warning() -> None:
    assert read_stage_cell("Absage") == read_stage_cell("rejected")
    assert read_stage_cell("Absage").warning == ""


def test_the_persons_words_come_first_and_are_folded_the_same_way() -> None:
    overrides = {"Phase 2": Stage.INTERVIEWING, "Wishlist": Stage.SCREENING}
    assert parse_stage("phase-2", overrides) == Stage.INTERVIEWING
    assert read_stage_cell("WISHLIST", overrides).warning == ""
    assert read_stage_cell("WISHLIST", overrides).stage == Stage.SCREENING
    assert parse_stage("Phase 3", overrides) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Phase 2=interviewing", ("Phase 2", Stage.INTERVIEWING)),
        ("a=b=Awaiting decision", ("a=b", Stage.AWAITING_DECISION)),  # the last = splits
        ("Wishlist = no_reply", ("Wishlist", Stage.NO_REPLY)),
    ],
)
def test_a_stage_override_is_word_equals_stage(text: str, expected: tuple[str, Stage]) -> None:
    assert parse_stage_override(text) == expected


@pytest.mark.parametrize("text", ["applied", "=applied", " =applied"])
def test_an_override_without_a_word_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="is not WORD=stage"):
        parse_stage_override(text)


def test_an_unknown_stage_name_is_refused_listing_ours() -> None:
    with pytest.raises(ValueError, match="'hired' is not a stage") as refusal:
        stage_named("hired")  # a word of the table, but not one of our stage names
    assert all(stage.value in str(refusal.value) for stage in Stage)


def test_stage_key_folds_like_header_names_then_accents() -> None:
    assert stage_key("  Entrevista_Telefónica: ") == "entrevista telefonica"


# --- Through the tracker reader ------------------------------------------------------------


def test_rows_are_read_with_the_table_skips_and_the_persons_words() -> None:
    text = (
        "Company,Role,Status\n"
        "Acme,Engineer,Refusé\n"  # 2
        "Globex,Developer,Wishlist\n"  # 3
        "Initech,Tester,skip\n"  # 4
        "Hooli,PM,Phase 2\n"  # 5
    )
    options = ImportOptions(stages={"phase 2": Stage.AWAITING_DECISION})
    result = read_tracker(text, FIXED_NOW, options=options)
    stages = {row.line: row.application.stage for row in result.rows}
    assert stages == {2: Stage.REJECTED, 3: Stage.APPLIED, 5: Stage.AWAITING_DECISION}
    assert result.refused == []
    warnings = {note.line: note.message for note in result.warnings}
    assert set(warnings) == {3, 4}
    assert "saved, not applied yet" in warnings[3]
    assert "leave the row out" in warnings[4]
    globex = next(row.application for row in result.rows if row.line == 3)
    assert globex.notes == "Stage: Wishlist"
    assert globex.stage_history[0].to_stage == Stage.APPLIED
