"""Shared fixtures: a fixed clock, a store in a temporary folder, and sample applications."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from postinterview.domain.editing import new_application
from postinterview.domain.models import Application
from postinterview.storage import paths
from postinterview.storage.store import ApplicationStore

FIXED_NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _isolated_data_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """No test may touch the real user data folder, even by accident."""
    fallback = tmp_path_factory.mktemp("default-data")
    monkeypatch.setattr(paths, "default_data_dir", lambda: fallback)
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)


@pytest.fixture(autouse=True)
def _utc_local_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Times are typed and shown in local time: pin the zone so no result depends on the
    machine's."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def now() -> datetime:
    return FIXED_NOW


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> ApplicationStore:
    return ApplicationStore(data_dir)


def sample_application(
    company: str = "Acme Robotics", role: str = "Backend Engineer"
) -> Application:
    return new_application(company, role, FIXED_NOW, notes="Met at the meetup.")
