"""The README documents what a person can type into settings.toml."""

from __future__ import annotations

from pathlib import Path

from postinterview.domain.signals import load_signals_catalog

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_readme_names_every_signal_and_caution_id_usable_in_settings() -> None:
    catalog = load_signals_catalog()
    text = README.read_text(encoding="utf-8")
    missing = [
        item.id for item in (*catalog.signals, *catalog.cautions) if f"`{item.id}`" not in text
    ]
    assert missing == []
