"""`postinterview completion bash|zsh|fish`: scripts written from the parser itself."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from postinterview.cli import build_parser
from postinterview.commands.completion import SHELLS, subcommands_of
from tests.cli_tools import cli

SUBCOMMANDS = list(subcommands_of(build_parser()))


def test_the_parser_has_the_subcommands_we_expect() -> None:
    assert {"list", "import", "info", "completion", "merge-driver"} <= set(SUBCOMMANDS)


@pytest.mark.parametrize("shell", SHELLS)
def test_each_script_names_every_subcommand(shell: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "completion", shell)
    assert code == 0 and err == ""
    for name in SUBCOMMANDS:
        assert (f"-a {name} " if shell == "fish" else f"{name})") in out, name
    assert "dry-run" in out and "data-dir" in out  # fish names them without the dashes


def test_an_unknown_shell_costs_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        cli(capsys, "completion", "tcsh")
    assert ended.value.code == 2
    assert len(capsys.readouterr().err.splitlines()) == 1


def _bash_complete(script: Path, *words: str) -> list[str]:
    """What bash offers for the command line `words` (the last one being typed)."""
    quoted = " ".join(f"'{word}'" for word in words)
    program = (
        f"source {script}\n"
        f"COMP_WORDS=(postinterview {quoted}); COMP_CWORD={len(words)}\n"
        "_postinterview\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    done = subprocess.run(["bash", "-c", program], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_the_bash_script_parses_and_completes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "postinterview.bash"
    script.write_text(cli(capsys, "completion", "bash")[1], encoding="utf-8")
    assert subprocess.run(["bash", "-n", str(script)], timeout=30).returncode == 0
    assert _bash_complete(script, "im") == ["import"]
    assert set(SUBCOMMANDS) <= set(_bash_complete(script, ""))
    assert _bash_complete(script, "import", "--dry") == ["--dry-run"]
    assert _bash_complete(script, "--data-dir", "list", "list", "--j") == ["--json"]
    assert _bash_complete(script, "completion", "f") == ["fish"]
