"""Fingerprints of the seed articles' word runs, to check our content is in our own words.

The articles themselves are not part of the repository; what is kept is a hash of every run of
`RUN` words in them (tests/fixtures/seed_shingles.txt), enough to find a copied sentence and
useless for reading the articles back.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

RUN = 8
"""A run of this many words in a row, the same as in an article, counts as copied."""

FINGERPRINTS = Path(__file__).parent / "fixtures" / "seed_shingles.txt"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
"""Where the articles are on the team's machines (absent on CI)."""

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'"})


def words(text: str) -> list[str]:
    """Lower-case words, with typographic apostrophes made plain, punctuation dropped."""
    return _WORD.findall(text.lower().translate(_QUOTES))


def runs(text: str) -> Iterator[str]:
    """Every run of RUN consecutive words in `text`."""
    found = words(text)
    for start in range(len(found) - RUN + 1):
        yield " ".join(found[start : start + RUN])


def fingerprint(run: str) -> str:
    """A short hash of one run of words."""
    return hashlib.blake2b(run.encode(), digest_size=6).hexdigest()


def fingerprints_of(texts: Iterable[str]) -> set[str]:
    """The fingerprints of every run in `texts`."""
    return {fingerprint(run) for text in texts for run in runs(text)}


def stored_fingerprints() -> set[str]:
    """The fingerprints kept in the repository."""
    return set(FINGERPRINTS.read_text(encoding="utf-8").split())


def write_fingerprints(seeds: Path = SEEDS) -> None:
    """Refresh the stored fingerprints from the articles (run when the seeds change)."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(seeds.glob("*.txt"))]
    FINGERPRINTS.write_text("\n".join(sorted(fingerprints_of(texts))) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_fingerprints()
