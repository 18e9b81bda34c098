"""What a tracker's stage (status) word means: the word table, the person's own words, skips.

Trackers name their columns of a board in their own words and languages: Huntr's lists
(Wishlist, Applied, Interview, Offer, Rejected), Teal's statuses (Bookmarked, Applying, ...,
I Withdrew, Not Selected, No Response), JobSync's (Draft, ..., Archived), career-ops'
(Evaluated, Applied, Responded, Interview, Offer, Rejected, Discarded, SKIP), German, French
and Spanish sheets. Words are matched
after folding case, accents and punctuation, so "Refusé", "refuse" and "REFUSÉ!" are one word.

Roles saved before applying (a wishlist, a bookmark, "to apply") are Saved, our stage before
Applied: understood as written, so no warning and nothing kept in the notes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from postinterview.domain.stages import Stage
from postinterview.transfer.import_values import fold


def stage_key(text: str) -> str:
    """A stage word as we compare it (see `import_values.fold`)."""
    return fold(text)


def _words(stage: Stage, *words: str) -> dict[str, Stage]:
    return {stage_key(word): stage for word in words}


_STAGE_WORDS: dict[str, Stage] = {
    **{stage_key(stage.value): stage for stage in Stage},
    **{stage_key(stage.label): stage for stage in Stage},
    **_words(
        Stage.SAVED,
        *("wishlist", "wish list", "bookmarked", "bookmark", "interested", "to apply"),
        *("applying", "not applied", "not applied yet", "planned", "prospective"),
        *("favorited", "favourited", "starred", "draft", "evaluated"),  # JobSync, career-ops
        *("merken", "merkliste", "gespeichert", "vorgemerkt", "interessiert"),
        *("sauvegardée", "sauvegardé", "enregistrée", "à postuler", "intéressé"),
        *("guardado", "guardada", "por aplicar", "interesado"),
    ),
    **_words(
        Stage.APPLIED,
        *("application sent", "sent", "submitted", "cv sent", "applied online"),
        *("beworben", "bewerbung gesendet", "bewerbung verschickt", "in bearbeitung"),
        *("candidature envoyée", "candidature", "postulé", "postulée"),
        *("aplicado", "aplicada", "enviada", "enviado", "solicitud enviada", "postulado"),
        *("candidatura enviada", "in review", "under review", "acknowledged"),
    ),
    **_words(
        Stage.SCREENING,
        *("screen", "phone screen", "phone screening", "screening call", "recruiter call"),
        *("recruiter screen", "hr screen", "initial call", "responded", "response received"),
        *("telefoninterview", "erstgespräch", "rückmeldung erhalten"),
        *("entretien téléphonique", "présélection", "entrevista telefónica", "preselección"),
    ),
    **_words(
        Stage.INTERVIEWING,
        *("interview", "interviews", "interviewed", "first interview", "second interview"),
        *("final interview", "technical interview", "onsite", "on site", "assessment"),
        *("in progress", "vorstellungsgespräch", "gespräch", "entretien", "entretiens"),
        *("entrevista", "entrevistas"),
    ),
    **_words(
        Stage.AWAITING_DECISION,
        *("awaiting", "waiting", "waiting for decision", "decision pending"),
        *("warten auf entscheidung", "en attente", "en espera"),
    ),
    **_words(
        Stage.OFFER,
        *("offered", "offer received", "job offer", "negotiating"),
        *("angebot", "offre", "oferta"),
    ),
    **_words(
        Stage.ACCEPTED,
        *("offer accepted", "hired", "signed", "zusage", "angenommen"),
        *("acceptée", "accepté", "aceptada", "aceptado"),
    ),
    **_words(
        Stage.REJECTED,
        *("rejection", "declined", "turned down", "unsuccessful", "not selected"),
        *("absage", "abgelehnt", "refusé", "refusée", "refus"),
        *("rechazado", "rechazada", "rechazo"),
    ),
    **_words(
        Stage.WITHDRAWN,
        *("withdrew", "i withdrew", "withdraw", "cancelled", "canceled", "not interested"),
        *("discarded", "archived", "zurückgezogen", "retirée", "retiré", "abandonné"),
        *("retirado", "retirada", "descartado", "archivado"),
    ),
    **_words(
        Stage.NO_REPLY,
        *("ghosted", "no response", "no answer", "no news", "never heard back", "silence"),
        *("keine antwort", "keine rückmeldung", "sans réponse", "pas de réponse"),
        *("sin respuesta", "no feedback"),
    ),
}

_SKIP_WORDS: frozenset[str] = frozenset(
    stage_key(word) for word in ("skip", "ignore", "n/a", "do not import", "überspringen")
)
"""Words a person writes in the stage column of a row that should not be imported."""


def leaves_row_out(text: str) -> bool:
    """Whether a stage cell says not to import its row (`skip`, `n/a`...)."""
    return stage_key(text) in _SKIP_WORDS


def parse_stage(text: str, overrides: Mapping[str, Stage] | None = None) -> Stage | None:
    """The stage a tracker's status word means; None when it is not one we know.

    `overrides` (the person's `--stage WORD=stage`) come first, matched the same way.
    """
    key = stage_key(text)
    for word, stage in (overrides or {}).items():
        if stage_key(word) == key:
            return stage
    return _STAGE_WORDS.get(key)


@dataclass(frozen=True)
class StageReading:
    """What a row's stage cell says: its stage (None: leave the row out), and why not."""

    stage: Stage | None
    warning: str = ""
    """Empty when the word was understood as written."""
    kept: str = ""
    """A notes line holding the word, when the stage does not say all of it."""


def read_stage_cell(text: str, overrides: Mapping[str, Stage] | None = None) -> StageReading:
    """The stage cell `text` of a row, read with the person's `overrides` first."""
    if (stage := parse_stage(text, overrides)) is not None:
        return StageReading(stage)
    key = stage_key(text)
    if key in _SKIP_WORDS:
        return StageReading(None, f"stage {text!r} says to leave the row out: not imported")
    kept = f"Stage: {text}"
    return StageReading(
        Stage.APPLIED, f"stage {text!r} is not one I know: imported as Applied", kept
    )


def stage_named(name: str) -> Stage:
    """Our stage called `name` (its value or label, folded); ValueError listing them if none."""
    key = stage_key(name)
    for stage in Stage:
        if key in (stage_key(stage.value), stage_key(stage.label)):
            return stage
    ours = ", ".join(stage.value for stage in Stage)
    raise ValueError(f"{name!r} is not a stage; the stages are {ours}")


def parse_stage_override(text: str) -> tuple[str, Stage]:
    """`WORD=stage` from the command line; ValueError saying what is wrong."""
    word, equals, name = text.rpartition("=")
    if not equals or not stage_key(word):
        raise ValueError(f"{text!r} is not WORD=stage (e.g. 'Wishlist=applied')")
    return word.strip(), stage_named(name)
