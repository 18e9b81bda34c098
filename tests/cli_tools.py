"""Running the command line in-process and reading what it printed (its clock: the
`fixed_now_env` fixture in conftest)."""

from __future__ import annotations

import pytest

from postinterview.cli import main


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`postinterview ARGS`: its exit code, stdout and stderr (never a traceback)."""
    code = main(list(args))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err
