"""Shared fixtures: a fixed clock, a store in a temporary folder, and sample applications."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from postinterview.domain.editing import new_application
from postinterview.domain.models import Application
from postinterview.storage import paths
from postinterview.storage.store import ApplicationStore

if TYPE_CHECKING:
    from hypothesis import settings as HypothesisSettings

FIXED_NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)

HEAVY_OPTION = "--reliability-heavy"


def pytest_configure(config: pytest.Config) -> None:
    """Every property test runs a fixed, derandomized set of examples unless
    --reliability-heavy asks for fresh ones: a suite that fails only on some runs is
    worse than none (Hypothesis's own random search belongs in the heavy runs)."""
    from hypothesis import settings  # imported here: it is slow to import

    settings.register_profile("fixed", derandomize=True, database=None, deadline=None)
    if not config.getoption(HEAVY_OPTION):
        settings.load_profile("fixed")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        HEAVY_OPTION,
        action="store_true",
        default=False,
        help="Run the reliability suite at full strength (hundreds of kills, thousands of "
        "fuzzed files); the default is sized for CI.",
    )
    # The random-key test (tests/test_random_keys.py): a few keys per size in CI, more on demand.
    parser.addoption(
        "--random-keys",
        type=int,
        default=0,
        help="Keys to send in all in the random-key test, spread over its sizes and folders "
        "(e.g. 20000); the default is a short run sized for CI.",
    )
    parser.addoption(
        "--random-keys-seed",
        type=int,
        default=None,
        help="The random-key test's base seed (CI uses a fixed one; a long run a fresh one).",
    )
    parser.addoption(
        "--random-keys-replay",
        default=None,
        help="Replay one random-key run as its failure printed it: SEED:WxH:FOLDER:KEYS.",
    )
    parser.addoption(
        "--random-keys-log",
        default=None,
        help="Append one line per random-key run (seed, size, keys, time, result) to this file "
        "(pytest-xdist workers' prints are not shown).",
    )


@dataclass(frozen=True)
class Reliability:
    """How hard the reliability tests push: sized for CI, or `--reliability-heavy`."""

    heavy: bool

    def count(self, ci: int, heavy: int) -> int:
        """`ci` iterations normally, `heavy` with --reliability-heavy."""
        return heavy if self.heavy else ci

    def hypothesis(self, ci_examples: int, heavy_examples: int) -> HypothesisSettings:
        """Hypothesis settings: a fixed, derandomized run in CI (the same examples every time,
        so CI is never flaky); with --reliability-heavy, fresh random examples and more."""
        from hypothesis import HealthCheck, settings  # imported here: it is slow to import

        return settings(
            max_examples=self.count(ci_examples, heavy_examples),
            derandomize=not self.heavy,
            database=None,
            deadline=None,
            print_blob=self.heavy,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        )


@pytest.fixture
def reliability(request: pytest.FixtureRequest) -> Reliability:
    return Reliability(heavy=bool(request.config.getoption(HEAVY_OPTION)))


@pytest.fixture(autouse=True)
def _isolated_data_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """No test may touch the real user data folder, even by accident."""
    fallback = tmp_path_factory.mktemp("default-data")
    monkeypatch.setattr(paths, "default_data_dir", lambda: fallback)
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)


@pytest.fixture(autouse=True)
def _no_system_clipboard(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may overwrite the real system clipboard: copying finds no clipboard command
    (tests/test_clipboard.py puts the real search back, over fake commands)."""
    from postinterview.ui import clipboard

    monkeypatch.setattr(clipboard, "copy_to_system", lambda text, *args, **kwargs: None)


@pytest.fixture(autouse=True)
def _utc_local_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Times are typed and shown in local time: pin the zone so no result depends on the
    machine's."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(autouse=True)
def _steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text cursors stay drawn: a blink caught half-way made snapshots differ from run to run
    on a busy machine."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


@pytest.fixture
def now() -> datetime:
    return FIXED_NOW


@pytest.fixture
def fixed_now_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line's clock at FIXED_NOW (it reads $POSTINTERVIEW_NOW)."""
    monkeypatch.setenv("POSTINTERVIEW_NOW", FIXED_NOW.isoformat())


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


@pytest.fixture
def fixed_dir(request: pytest.FixtureRequest) -> Iterator[Path]:
    """A data folder whose path is the same on every run (the welcome screen shows it), and
    its own for each test, so tests run side by side (pytest-xdist) never share it."""
    folder = Path(tempfile.gettempdir()) / f"postinterview-{request.node.name}"
    shutil.rmtree(folder, ignore_errors=True)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)
