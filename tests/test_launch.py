"""The program's entry point."""

from __future__ import annotations

import gc

import pytest

from postinterview import cli, launch


def test_the_command_line_runs_with_the_garbage_collector_paused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[bool] = []

    def command_line() -> int:
        seen.append(gc.isenabled())
        return 3

    monkeypatch.setattr(cli, "main", command_line)
    try:
        assert launch.main() == 3  # the command line's exit code, unchanged
    finally:
        gc.enable()
    assert seen == [False]
