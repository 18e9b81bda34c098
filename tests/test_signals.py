"""Tests of the signals catalog and the pure scorer."""

from __future__ import annotations

import math
import re
import tomllib
from datetime import UTC, date, datetime
from importlib import resources
from typing import Any

import pytest

from postinterview.domain.models import Contact, Interview
from postinterview.domain.signals import (
    MAX_OVERRIDE_WEIGHT,
    SignalReading,
    SignalsCatalog,
    SignalsCatalogError,
    load_signals_catalog,
    parse_signals_catalog,
    record_facts,
    score_signals,
    suggested_signals,
    summarize_history,
    validate_weight_overrides,
)

# The twelve signs the articles name, by the id the catalog gives each.
ARTICLE_SIGNALS = {
    "ran_long",  # ran longer than planned
    "easy_rapport",  # natural rapport
    "future_language",  # "you would..." language
    "engaged_interviewers",  # engaged interviewers
    "left_enthusiastic",  # you left enthusiastic
    "questions_answered",  # your questions answered thoroughly
    "met_team",  # met the team
    "met_decision_makers",  # met senior decision makers
    "end_stage_questions",  # availability, notice period, start date
    "next_steps_explained",  # clear account of next steps
    "recruiter_feedback",  # positive feedback passed to your recruiter
    "references_requested",  # asked for references
}
ARTICLE_REASSURANCES = {
    "short_or_informal",
    "no_news_yet",
    "slow_internal_steps",
    "one_awkward_moment",
}


@pytest.fixture(scope="module")
def catalog() -> SignalsCatalog:
    """The packaged catalog."""
    return load_signals_catalog()


def _raw_catalog() -> dict[str, Any]:
    """The packaged catalog as plain parsed TOML, to mutate in tests."""
    text = resources.files("postinterview.content").joinpath("signals.toml").read_text("utf-8")
    return tomllib.loads(text)


def _interview(**fields: Any) -> Interview:
    """A minimal interview with `fields` set."""
    return Interview(id="i1", at=datetime(2025, 3, 4, 10, 0, tzinfo=UTC), **fields)


# ---------------------------------------------------------------------------------------------
# Promise-word check
# ---------------------------------------------------------------------------------------------

_PROMISES = re.compile(
    r"\b(will|you'll|going to)\s+(get|land|receive|be offered)\b"
    r"|\b(guarantee\w*|certain(ly)?|definite(ly)?|sure to|bound to|in the bag)\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(no|not|never|nothing|cannot|can't|isn't|doesn't|nor|without)\b", re.I)


def promise_phrases(text: str) -> list[str]:
    """Promise-like phrases in `text`, except those negated within the few words before them."""
    found = []
    for match in _PROMISES.finditer(text):
        before = text[max(0, match.start() - 30) : match.start()]
        if not _NEGATION.search(before):
            found.append(match.group(0))
    return found


def test_promise_check_itself_distinguishes_negation() -> None:
    assert promise_phrases("You will get the job.") == ["will get"]
    assert promise_phrases("This is a guarantee of an offer.") == ["guarantee"]
    assert promise_phrases("There is no guarantee of an offer.") == []
    assert promise_phrases("It does not guarantee anything.") == []


def _all_wording(catalog: SignalsCatalog) -> list[str]:
    """Every sentence the catalog can show a person."""
    texts = [catalog.disclaimer]
    texts += [b.name for b in catalog.bands] + [b.meaning for b in catalog.bands]
    for s in catalog.signals:
        texts += [s.label, s.question, s.note]
    for c in catalog.cautions:
        texts += [c.label, c.question, c.why]
    texts += [r.text for r in catalog.reassurances]
    return texts


def test_no_wording_promises_an_outcome(catalog: SignalsCatalog) -> None:
    readings = [
        score_signals(set(), catalog),
        score_signals(catalog.signal_ids, catalog),
        score_signals({"references_requested", "no_timeline"}, catalog),
    ]
    texts = _all_wording(catalog)
    for reading in readings:
        texts += [reading.band, reading.band_meaning, reading.not_meaning]
    offending = {text: promise_phrases(text) for text in texts if promise_phrases(text)}
    assert offending == {}


def test_every_reading_says_what_it_does_not_mean(catalog: SignalsCatalog) -> None:
    reading = score_signals(catalog.signal_ids, catalog)
    assert "not" in reading.not_meaning.lower()
    assert len(reading.not_meaning) > 40


# ---------------------------------------------------------------------------------------------
# Catalog
# ---------------------------------------------------------------------------------------------


def test_catalog_ids_unique(catalog: SignalsCatalog) -> None:
    ids = [s.id for s in catalog.signals] + [c.id for c in catalog.cautions]
    ids += [r.id for r in catalog.reassurances]
    assert len(ids) == len(set(ids))


def test_every_article_signal_present_and_complete(catalog: SignalsCatalog) -> None:
    assert ARTICLE_SIGNALS <= catalog.signal_ids
    for signal in catalog.signals:
        assert signal.label.strip() and signal.question.strip()
        assert signal.question.rstrip().endswith("?")
        assert 1 <= signal.weight <= 5
        assert signal.sources


def test_strong_signals_outweigh_rapport(catalog: SignalsCatalog) -> None:
    rapport = catalog.signal("easy_rapport").weight
    assert catalog.signal("end_stage_questions").weight > rapport
    assert catalog.signal("references_requested").weight > rapport


def test_inferable_signals_are_marked(catalog: SignalsCatalog) -> None:
    inferred = {s.id: s.inferred_from for s in catalog.signals if s.inferred_from}
    assert set(inferred.values()) == {
        "ran_long",
        "several_interviewers",
        "next_steps_known",
        "references_requested",
    }


def test_reassurances_present(catalog: SignalsCatalog) -> None:
    assert ARTICLE_REASSURANCES <= {r.id for r in catalog.reassurances}
    assert all(r.text.strip() and r.sources for r in catalog.reassurances)


def test_cautions_are_separate_light_and_marked_not_from_articles(catalog: SignalsCatalog) -> None:
    assert catalog.cautions
    assert not catalog.caution_ids & catalog.signal_ids
    lightest_signal = min(s.weight for s in catalog.signals)
    for caution in catalog.cautions:
        assert caution.from_articles is False
        assert caution.weight <= lightest_signal


def test_catalog_is_cached() -> None:
    assert load_signals_catalog() is load_signals_catalog()


def test_bad_catalog_error_names_the_place() -> None:
    data = _raw_catalog()
    data["signals"][2]["weight"] = -1
    with pytest.raises(SignalsCatalogError, match=r"signals\[2\]\.weight"):
        parse_signals_catalog(data)


def test_duplicate_id_in_catalog_is_refused() -> None:
    data = _raw_catalog()
    data["cautions"][0]["id"] = data["signals"][0]["id"]
    with pytest.raises(SignalsCatalogError, match="more than once"):
        parse_signals_catalog(data)


def test_misspelt_key_in_catalog_is_refused() -> None:
    data = _raw_catalog()
    data["signals"][0]["wieght"] = 3
    with pytest.raises(SignalsCatalogError, match="wieght"):
        parse_signals_catalog(data)


def test_caution_claiming_article_source_is_refused() -> None:
    data = _raw_catalog()
    data["cautions"][0]["from_articles"] = True
    with pytest.raises(SignalsCatalogError, match="from_articles"):
        parse_signals_catalog(data)


def test_bands_must_start_at_zero_and_ascend() -> None:
    data = _raw_catalog()
    data["bands"][0]["min_score"] = 10
    with pytest.raises(SignalsCatalogError, match="min_score = 0"):
        parse_signals_catalog(data)
    data = _raw_catalog()
    data["bands"][2]["min_score"] = data["bands"][1]["min_score"]
    with pytest.raises(SignalsCatalogError, match="ascend"):
        parse_signals_catalog(data)


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


def test_no_signals_scores_zero_in_lowest_band(catalog: SignalsCatalog) -> None:
    reading = score_signals({}, catalog)
    assert reading.score == 0
    assert reading.band == catalog.bands[0].name
    assert reading.reasons == () and reading.caution_reasons == ()


def test_all_signals_score_100_in_top_band(catalog: SignalsCatalog) -> None:
    reading = score_signals({sid: True for sid in catalog.signal_ids}, catalog)
    assert reading.score == 100
    assert reading.band == catalog.bands[-1].name
    assert {r.id for r in reading.reasons} == catalog.signal_ids
    assert math.isclose(sum(r.points for r in reading.reasons), 100, abs_tol=1)


def test_adding_any_signal_raises_the_score(catalog: SignalsCatalog) -> None:
    noticed: set[str] = set()
    previous = score_signals(noticed, catalog).score
    for signal in catalog.signals:
        noticed.add(signal.id)
        current = score_signals(noticed, catalog).score
        assert current > previous, signal.id
        previous = current


def test_reasons_show_points_strongest_first(catalog: SignalsCatalog) -> None:
    reading = score_signals({"easy_rapport", "references_requested"}, catalog)
    assert [r.id for r in reading.reasons] == ["references_requested", "easy_rapport"]
    assert reading.reasons[0].points > reading.reasons[1].points > 0


def test_declined_signals_do_not_count(catalog: SignalsCatalog) -> None:
    declined = score_signals({sid: False for sid in catalog.signal_ids}, catalog)
    assert declined.score == 0 and declined.reasons == ()
    mixed = score_signals({"references_requested": True, "end_stage_questions": False}, catalog)
    assert [r.id for r in mixed.reasons] == ["references_requested"]
    assert mixed.score == score_signals({"references_requested"}, catalog).score


def test_unknown_ids_are_reported_not_counted(catalog: SignalsCatalog) -> None:
    reading = score_signals({"from_the_future": True}, catalog)
    assert reading.score == 0
    assert reading.unknown_ids == ("from_the_future",)


def test_single_string_is_refused(catalog: SignalsCatalog) -> None:
    with pytest.raises(TypeError):
        score_signals("ran_long", catalog)


def test_bands_follow_thresholds(catalog: SignalsCatalog) -> None:
    for band in catalog.bands:
        assert catalog.band_for(band.min_score).name == band.name
    assert catalog.band_for(catalog.bands[1].min_score - 1).name == catalog.bands[0].name
    assert catalog.band_for(100).name == catalog.bands[-1].name


def test_cautions_lower_score_lightly_and_are_listed_apart(catalog: SignalsCatalog) -> None:
    base = {"references_requested", "end_stage_questions", "met_team"}
    plain = score_signals(base, catalog)
    warned = score_signals(base | {"no_timeline"}, catalog)
    assert 0 < plain.score - warned.score <= 10
    assert [r.id for r in warned.caution_reasons] == ["no_timeline"]
    assert warned.caution_reasons[0].points < 0
    assert "no_timeline" not in {r.id for r in warned.reasons}


def test_cautions_never_push_below_zero(catalog: SignalsCatalog) -> None:
    reading = score_signals(catalog.caution_ids | {"easy_rapport"}, catalog)
    assert reading.score == 0
    assert {r.id for r in reading.caution_reasons} == catalog.caution_ids


def test_declined_caution_does_not_subtract(catalog: SignalsCatalog) -> None:
    plain = score_signals({"met_team": True}, catalog)
    assert score_signals({"met_team": True, "no_timeline": False}, catalog) == plain


# ---------------------------------------------------------------------------------------------
# Custom weights
# ---------------------------------------------------------------------------------------------


def test_custom_weights_change_the_score(catalog: SignalsCatalog) -> None:
    noticed = {"easy_rapport"}
    default = score_signals(noticed, catalog)
    heavier = score_signals(noticed, catalog, weights={"easy_rapport": 20})
    assert heavier.score > default.score
    assert heavier.reasons[0].weight == 20
    ignored = score_signals(noticed, catalog, weights={"easy_rapport": 0})
    assert ignored.score == 0 and ignored.reasons == ()


def test_custom_weights_keep_all_signals_at_100(catalog: SignalsCatalog) -> None:
    weights = {"references_requested": 50, "ran_long": 0.5}
    assert score_signals(catalog.signal_ids, catalog, weights=weights).score == 100


def test_validate_weight_overrides_reports_each_problem(catalog: SignalsCatalog) -> None:
    raw = {
        "ran_long": 3,
        "no_timeline": 2.5,
        "nonsense": 2,
        "easy_rapport": "lots",
        "met_team": -1,
        "met_decision_makers": float("nan"),
        "future_language": float("inf"),
        "recruiter_feedback": MAX_OVERRIDE_WEIGHT * 10,
        "engaged_interviewers": True,
    }
    usable, problems = validate_weight_overrides(raw, catalog)
    assert usable == {"ran_long": 3.0, "no_timeline": 2.5}
    assert len(problems) == 7
    text = "\n".join(problems)
    for word in ["nonsense", "number", "negative", "finite", "large", "engaged_interviewers"]:
        assert word in text


def test_validate_weight_overrides_rejects_non_mapping(catalog: SignalsCatalog) -> None:
    usable, problems = validate_weight_overrides(["ran_long", 3], catalog)
    assert usable == {} and len(problems) == 1
    assert validate_weight_overrides(None, catalog) == ({}, [])


def test_bad_weights_are_reported_and_defaults_used(catalog: SignalsCatalog) -> None:
    noticed = {"references_requested", "met_team"}
    default = score_signals(noticed, catalog)
    reading = score_signals(
        noticed, catalog, weights={"references_requested": -4, "met_team": "x", "zzz": 1}
    )
    assert reading.score == default.score
    assert reading.reasons == default.reasons
    assert len(reading.weight_problems) == 3


# ---------------------------------------------------------------------------------------------
# Inference from the record
# ---------------------------------------------------------------------------------------------


def test_nothing_suggested_from_an_empty_record(catalog: SignalsCatalog) -> None:
    assert suggested_signals(_interview(), catalog) == set()


def test_ran_long_suggested_only_when_both_lengths_known(catalog: SignalsCatalog) -> None:
    assert "ran_long" in suggested_signals(
        _interview(planned_minutes=45, actual_minutes=70), catalog
    )
    assert suggested_signals(_interview(planned_minutes=45, actual_minutes=45), catalog) == set()
    assert suggested_signals(_interview(planned_minutes=45, actual_minutes=30), catalog) == set()
    assert suggested_signals(_interview(actual_minutes=90), catalog) == set()
    assert suggested_signals(_interview(planned_minutes=30), catalog) == set()


def test_several_interviewers_suggest_meeting_the_team(catalog: SignalsCatalog) -> None:
    one = [Contact(name="Ana Ruiz")]
    two = [Contact(name="Ana Ruiz"), Contact(name="Bo Chen", title="CTO")]
    assert suggested_signals(_interview(interviewers=one), catalog) == set()
    assert suggested_signals(_interview(interviewers=two), catalog) == {"met_team"}


def test_next_steps_suggested_from_date_or_text(catalog: SignalsCatalog) -> None:
    by_date = _interview(decision_expected_on=date(2025, 3, 14))
    by_text = _interview(next_steps="A second round with the team lead")
    blank = _interview(next_steps="   ")
    assert suggested_signals(by_date, catalog) == {"next_steps_explained"}
    assert suggested_signals(by_text, catalog) == {"next_steps_explained"}
    assert suggested_signals(blank, catalog) == set()


def test_references_requested_suggested(catalog: SignalsCatalog) -> None:
    assert suggested_signals(_interview(references_requested=True), catalog) == {
        "references_requested"
    }


def test_all_facts_together() -> None:
    interview = _interview(
        planned_minutes=30,
        actual_minutes=50,
        interviewers=[Contact(name="A"), Contact(name="B")],
        next_steps="Call on Friday",
        references_requested=True,
    )
    assert record_facts(interview) == {
        "ran_long",
        "several_interviewers",
        "next_steps_known",
        "references_requested",
    }
    assert suggested_signals(interview) == {
        "ran_long",
        "met_team",
        "next_steps_explained",
        "references_requested",
    }


def test_suggestions_and_reading_from_a_stored_interview(catalog: SignalsCatalog) -> None:
    interview = _interview(
        references_requested=True,
        signals={"references_requested": True, "easy_rapport": False},
    )
    reading = score_signals(interview.signals, catalog)
    assert isinstance(reading, SignalReading)
    assert [r.id for r in reading.reasons] == ["references_requested"]


# ---------------------------------------------------------------------------------------------
# Learning from your own history
# ---------------------------------------------------------------------------------------------


def test_history_counts_each_side() -> None:
    pairs = [
        (80, "offer"),
        (50, "rejected"),
        (65, "offer"),
        (49, "rejected"),
        (10, "offer"),
        (30, "open"),
        (90, "other-closed"),
    ]
    summary = summarize_history(pairs)
    assert (summary.at_or_above.cases, summary.at_or_above.offers) == (3, 2)
    assert (summary.below.cases, summary.below.offers) == (2, 1)
    assert summary.not_counted == 2


def test_history_small_sample_caution() -> None:
    few = summarize_history([(80, "offer"), (20, "rejected"), (70, "rejected")])
    assert few.caution is not None and "few" in few.caution.lower()
    many = [(70, "offer")] * 5 + [(20, "rejected")] * 5
    assert summarize_history(many).caution is None
    lopsided = [(70, "offer")] * 20 + [(20, "rejected")] * 4
    assert summarize_history(lopsided).caution is not None


def test_history_empty() -> None:
    summary = summarize_history([])
    assert summary.at_or_above.cases == summary.below.cases == 0
    assert summary.caution is not None


@pytest.mark.parametrize("pair", [(101, "offer"), (-1, "offer"), (50, "hired"), (True, "offer")])
def test_history_refuses_bad_input(pair: tuple[Any, Any]) -> None:
    with pytest.raises(ValueError):
        summarize_history([pair])
