"""A person's preferences, as kept in `settings.toml`.

Pure data: no files, no Textual. The file is written by hand, so the model is forgiving where it
can be (unknown keys are kept, every field has a default) and strict where a typo would silently
change behaviour (a weight must be a real number, not the text "2" or `true`).

Values that need the catalogs to check (which signal ids exist, which numbers make sense) are
kept raw here and checked where they are used, e.g. `signal_weights` by
`postinterview.domain.signals.validate_weight_overrides`.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, Strict

Number = Annotated[float, Strict()]
"""A TOML integer or float; text and booleans are refused rather than guessed at."""


class Settings(BaseModel):
    """Everything a person can set. Every field has a default: an empty file is a valid one."""

    model_config = ConfigDict(extra="allow")

    signal_weights: dict[str, Number] = Field(default_factory=dict)
    """Custom weights for the positive signals (and cautions): signal id -> number.

    0 ignores a signal; leave a signal out to keep its standard weight. Read from the
    `[signal_weights]` table; unknown ids and implausible numbers are reported when the weights
    are used, and the standard weight is used for those.
    """
