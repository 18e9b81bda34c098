"""Month and weekday names in German, French and Spanish, put in English for the date reader.

The app's one date reader (`domain/calendar_dates.py`) knows English names; a tracker
exported in another language writes `4. März 2026`, `1er mai 2026`, `4 de septiembre de 2026`
or `févr.`. Each word is folded (case and accents: `import_values.fold`) and looked up here.
Weekdays are listed in full only: short ones (`mar`, `mi`) are also months or words.
"""

from __future__ import annotations

import re

from postinterview.domain.calendar_dates import MONTHS
from postinterview.domain.calendar_words import DAY_NAMES, MONTH_NAMES
from postinterview.transfer.import_values import fold

_FOREIGN_MONTHS: dict[str, int] = {
    word: number
    for number, words in enumerate(
        (
            "januar janner jan janvier janv enero ene",
            "februar feb fevrier fevr fev febrero",
            "marz mar mrz mars marzo",
            "april apr avril avr abril abr",
            "mai mayo",
            "juni jun juin junio",
            "juli jul juillet juil julio",
            "august aug aout agosto ago",
            "september sep sept septembre septiembre setiembre set",
            "oktober okt octobre octubre",
            "november nov novembre noviembre",
            "dezember dez decembre diciembre dic",
        ),
        start=1,
    )
    for word in words.split()
    if word not in MONTHS
}
"""German, French and Spanish month names and abbreviations (folded) -> month number."""

_FOREIGN_DAYS: dict[str, int] = {
    word: number
    for number, words in enumerate(
        (
            "montag lundi lunes",
            "dienstag mardi martes",
            "mittwoch mercredi miercoles",
            "donnerstag jeudi jueves",
            "freitag vendredi viernes",
            "samstag sonnabend samedi sabado",
            "sonntag dimanche domingo",
        )
    )
    for word in words.split()
}
"""German, French and Spanish weekdays in full (folded); short ones clash with months."""

_FILLER = frozenset({"de", "del"})  # '4 de septiembre de 2026'
_ORDINAL = re.compile(r"^(?P<n>\d{1,2})(?:er|re|e|o|a)$")  # '1er mai', '1o de mayo'


def in_english(text: str) -> str:
    """A date in words with its month and weekday names in English, for the shared reader."""
    words = []
    for word in fold(text).split():
        if word in _FILLER:
            continue
        if ordinal := _ORDINAL.match(word):
            word = ordinal["n"]
        elif word in _FOREIGN_MONTHS:
            word = MONTH_NAMES[_FOREIGN_MONTHS[word] - 1]
        elif word in _FOREIGN_DAYS:
            word = DAY_NAMES[_FOREIGN_DAYS[word]]
        words.append(word)
    return " ".join(words)
