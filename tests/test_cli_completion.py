"""`postinterview completion bash|zsh|fish`: scripts written from the parser itself."""

from __future__ import annotations

import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from postinterview.cli import build_parser
from postinterview.commands.completion import (
    SHELLS,
    bash_script,
    fish_script,
    options_of,
    subcommands_of,
    zsh_script,
)
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


def _options_by_subcommand() -> dict[str, list[str]]:
    parser = build_parser()
    return {name: options_of(sub) for name, sub in subcommands_of(parser).items()}


@pytest.mark.parametrize("shell", SHELLS)
def test_each_script_offers_every_subcommands_own_options_in_its_place(
    shell: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = cli(capsys, "completion", shell)[1]
    lines = out.splitlines()
    for name, options in _options_by_subcommand().items():
        for option in options:
            if shell == "fish":
                flag = f"-l {option[2:]}" if option.startswith("--") else f"-s {option[1:]}"
                place = f"'__fish_seen_subcommand_from {name}'"
                assert any(place in line and f" {flag} " in line for line in lines), option
            else:
                (case,) = [line for line in lines if line.strip().startswith(f"{name})")]
                assert option in case.replace("'", " ").split(), (name, option)
    assert "--notify" not in next(line for line in lines if "list" in line and "json" in line)


def test_the_options_come_from_the_parser_not_a_copy() -> None:
    parser = build_parser()
    subcommands_of(parser)["due"].add_argument("--brand-new-option", action="store_true")
    for script in (bash_script(parser), zsh_script(parser), fish_script(parser)):
        assert "brand-new-option" in script


@pytest.mark.skipif(shutil.which("fish") is None, reason="needs fish")
def test_the_fish_script_parses_and_completes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "postinterview.fish"
    script.write_text(cli(capsys, "completion", "fish")[1], encoding="utf-8")
    checked = subprocess.run(["fish", "-n", str(script)], capture_output=True, timeout=30)
    assert checked.returncode == 0, checked.stderr

    def offered(line: str) -> list[str]:
        program = f"source {script}; complete -C {shlex.quote(line)}"
        done = subprocess.run(["fish", "-c", program], capture_output=True, text=True, timeout=30)
        assert done.returncode == 0, done.stderr
        return [row.split("\t")[0] for row in done.stdout.splitlines()]

    assert set(SUBCOMMANDS) <= set(offered("postinterview "))
    assert offered("postinterview due --no") == ["--notify"]
    assert offered("postinterview import --dry") == ["--dry-run"]
    assert "--notify" not in offered("postinterview list --")
    assert sorted(offered("postinterview export --format ")) == ["csv", "ics", "json", "md"]
    assert set(offered("postinterview completion ")) == set(SHELLS)


@pytest.mark.skipif(shutil.which("zsh") is None, reason="needs zsh")
def test_the_zsh_script_parses_and_completes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "_postinterview"
    script.write_text(cli(capsys, "completion", "zsh")[1], encoding="utf-8")
    assert subprocess.run(["zsh", "-n", str(script)], timeout=30).returncode == 0

    def offered(*words: str) -> list[str]:
        """What the script hands compadd (stubbed: zsh's completion system is not loaded)."""
        quoted = " ".join(shlex.quote(word) for word in words)
        program = (
            'compadd() { [[ $1 == -- ]] && shift; print -l -- "$@"; }; _files() { }; '
            f"compdef() {{ }}; source {script}; "
            f"words=(postinterview {quoted}); CURRENT={len(words) + 1}; _postinterview"
        )
        done = subprocess.run(
            ["zsh", "-f", "-c", program], capture_output=True, text=True, timeout=30
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.splitlines()  # one word a line: a word holding spaces shows

    assert set(SUBCOMMANDS) <= set(offered(""))
    assert "--notify" in offered("due", "--") and "--notify" not in offered("list", "--")
    assert "--dry-run" in offered("--data-dir", "import", "import", "--")
    assert offered("export", "--format", "") == ["csv", "json", "md", "ics"]


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_offers_an_options_choices_after_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "postinterview.bash"
    script.write_text(cli(capsys, "completion", "bash")[1], encoding="utf-8")
    assert _bash_complete(script, "export", "--format", "") == ["csv", "json", "md", "ics"]
    assert _bash_complete(script, "due", "--no") == ["--notify"]
