"""Where postinterview keeps its files. Every path is computed here, and only here."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

APP_NAME = "postinterview"
DATA_DIR_ENV = "POSTINTERVIEW_DATA_DIR"


def default_data_dir() -> Path:
    """The platform's per-user data folder, e.g. ~/.local/share/postinterview on Linux."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(cli_value: str | None, environ: Mapping[str, str] | None = None) -> Path:
    """The data folder: --data-dir wins, then $POSTINTERVIEW_DATA_DIR, then the platform default."""
    env = os.environ if environ is None else environ
    chosen = cli_value or env.get(DATA_DIR_ENV) or ""
    if chosen:
        return Path(chosen).expanduser()
    return default_data_dir()


def applications_dir(root: Path) -> Path:
    """One TOML file per application lives here."""
    return root / "applications"


def quarantine_dir(root: Path) -> Path:
    """Damaged files the person chose to move aside, kept byte for byte."""
    return root / "quarantine"


def deleted_dir(root: Path) -> Path:
    """Deleted applications: moved here rather than erased, so a slip can be undone by hand."""
    return root / "deleted"


def migrated_dir(root: Path) -> Path:
    """Files as they were before a migration to a newer schema rewrote them, byte for byte."""
    return root / "migrated"


def migrated_copy_path(root: Path, app_id: str, schema_version: int) -> Path:
    """Where application `app_id`'s file, as written with `schema_version`, is kept once
    migrated, e.g. `migrated/acme-k3x9q2.schema1.toml`."""
    return migrated_dir(root) / f"{app_id}.schema{schema_version}.toml"


def history_root(root: Path) -> Path:
    """Earlier versions of every application file (see storage.history)."""
    return root / "history"


def history_dir(root: Path, app_id: str) -> Path:
    """Earlier versions of application `app_id`'s file, one file per version."""
    return history_root(root) / app_id


def drafts_dir(root: Path) -> Path:
    """Drafts the person saved to edit or send from elsewhere, as plain text."""
    return root / "drafts"


def settings_path(root: Path) -> Path:
    """Preferences."""
    return root / "settings.toml"


def lock_path(root: Path) -> Path:
    """Held while a file is read, changed and written back, so two windows never lose edits."""
    return root / ".lock"


def unsaved_dir(root: Path) -> Path:
    """Form text typed and not yet saved, kept so a quit or a crash does not lose it."""
    return root / "unsaved"
