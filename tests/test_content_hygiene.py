"""Our guidance is in our own words: no run of eight words from the seed articles anywhere in
the package (catalogs, drafts, code and styles alike)."""

from __future__ import annotations

from pathlib import Path

import pytest

import postinterview
from tests.content_shingles import (
    RUN,
    SEEDS,
    fingerprint,
    fingerprints_of,
    runs,
    stored_fingerprints,
)

PACKAGE = Path(postinterview.__file__).parent
TEXT_SUFFIXES = {".py", ".toml", ".tcss", ".md"}


def package_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*") if p.suffix in TEXT_SUFFIXES)


def test_no_run_of_words_from_the_articles_in_the_package() -> None:
    seeds = stored_fingerprints()
    copied = [
        f"{path.relative_to(PACKAGE)}: {run!r}"
        for path in package_files()
        for run in runs(path.read_text(encoding="utf-8"))
        if fingerprint(run) in seeds
    ]
    assert copied == [], f"{RUN} words in a row from a seed article:\n" + "\n".join(copied)


def test_the_check_finds_a_copied_sentence_and_not_a_paraphrase() -> None:
    seeds = stored_fingerprints()
    copied = "But what you do after your job interview can still influence the outcome."
    paraphrase = "What you do once the interview is over can still sway the outcome."
    assert fingerprints_of([copied]) & seeds
    assert not fingerprints_of([paraphrase]) & seeds


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles are not on this machine")
def test_stored_fingerprints_match_the_articles() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    assert stored_fingerprints() == fingerprints_of(texts)
