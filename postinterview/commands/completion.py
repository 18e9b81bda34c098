"""`postinterview completion bash|zsh|fish`: a shell completion script, written from the
argument parser itself (its subcommands and their options), so it never falls behind."""

from __future__ import annotations

import argparse
from typing import TextIO

SHELLS = ("bash", "zsh", "fish")
HELP = """\
Prints a script that completes subcommands and options. bash: add
`eval "$(postinterview completion bash)"` to ~/.bashrc; zsh: add
`eval "$(postinterview completion zsh)"` to ~/.zshrc (after compinit); fish: run
`postinterview completion fish > ~/.config/fish/completions/postinterview.fish`.
"""
_NAME = "postinterview"
_FUNCTION = "_postinterview"
VALUED = ("--data-dir",)
"""Global options that take a value (the word after them is not a subcommand)."""


def options_of(parser: argparse.ArgumentParser) -> list[str]:
    """Every option string `parser` accepts, in the order it declares them."""
    return [option for action in parser._actions for option in action.option_strings]


def words_of(parser: argparse.ArgumentParser) -> list[str]:
    """What may follow a subcommand: its options, and the choices of its arguments."""
    choices = [
        str(choice)
        for action in parser._actions
        if not action.option_strings and action.choices and not _is_subparsers(action)
        for choice in action.choices
    ]
    return [*options_of(parser), *choices]


def option_choices(parser: argparse.ArgumentParser) -> dict[str, list[str]]:
    """The values each option of `parser` that has choices takes (`--format`: csv, json...)."""
    return {
        option: [str(choice) for choice in action.choices]
        for action in parser._actions
        if action.option_strings and action.choices
        for option in action.option_strings
    }


def _valued_cases(commands: dict[str, argparse.ArgumentParser], indent: str, then: str) -> str:
    """`command:--option) THEN` lines for every option with choices, for a shell's `case`;
    `then` says what to do with the words (`{}` where they go, space-separated)."""
    return "".join(
        f"{indent}{name}:{option}) {then.replace('{}', ' '.join(choices))}\n"
        for name, sub in commands.items()
        for option, choices in option_choices(sub).items()
    )


def _is_subparsers(action: argparse.Action) -> bool:
    return isinstance(action, argparse._SubParsersAction)


def subcommands_of(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The subcommands of `parser`, by name, with their own parsers."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def bash_script(parser: argparse.ArgumentParser) -> str:
    """Completion for bash (`complete -F`)."""
    commands = subcommands_of(parser)
    cases = "".join(
        f"        {name}) words={_quoted(' '.join(words_of(sub)))} ;;\n"
        for name, sub in commands.items()
    )
    top = " ".join([*commands, *options_of(parser)])
    valued = "|".join(VALUED)
    choices = _valued_cases(commands, " " * 8, "words='{}' ;;")
    return f"""\
# bash completion for {_NAME}, made by `{_NAME} completion bash`
{_FUNCTION}() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="${{COMP_WORDS[COMP_CWORD-1]}}"
    local command="" words="" skip=0 word i
    for (( i = 1; i < COMP_CWORD; i++ )); do
        word="${{COMP_WORDS[i]}}"
        if (( skip )); then skip=0; continue; fi
        case "$word" in
            {valued}) skip=1 ;;
            -*) ;;
            *) command="$word"; break ;;
        esac
    done
    case "$command" in
{cases}        *) words={_quoted(top)} ;;
    esac
    case "$command:$prev" in
{choices}    esac
    COMPREPLY=( $(compgen -W "$words" -- "$cur") )
}}
complete -o default -F {_FUNCTION} {_NAME}
"""


def zsh_script(parser: argparse.ArgumentParser) -> str:
    """Completion for zsh (`compdef`, or a file named _postinterview in $fpath)."""
    commands = subcommands_of(parser)
    cases = "".join(
        f"    {name}) compadd -- {' '.join(words_of(sub))} ;;\n" for name, sub in commands.items()
    )
    top = " ".join([*commands, *options_of(parser)])
    valued = "|".join(VALUED)
    choices = _valued_cases(commands, " " * 4, "compadd -- {}; return ;;")
    return f"""\
#compdef {_NAME}
# zsh completion for {_NAME}, made by `{_NAME} completion zsh`
{_FUNCTION}() {{
  local command="" i
  for (( i = 2; i < CURRENT; i++ )); do
    case "${{words[i]}}" in
      {valued}) (( i++ )) ;;
      -*) ;;
      *) command="${{words[i]}}"; break ;;
    esac
  done
  case "$command:${{words[CURRENT-1]}}" in
{choices}  esac
  case "$command" in
{cases}    *) compadd -- {top} ;;
  esac
  _files
}}
if [[ "${{zsh_eval_context[-1]}}" == loadautofunc ]]; then
  {_FUNCTION} "$@"
else
  compdef {_FUNCTION} {_NAME}
fi
"""


def fish_script(parser: argparse.ArgumentParser) -> str:
    """Completion for fish (`complete -c`)."""
    commands = subcommands_of(parser)
    names = " ".join(commands)
    lines = [f"# fish completion for {_NAME}, made by `{_NAME} completion fish`"]
    lines += _fish_options(parser, "__fish_use_subcommand")
    for name, sub in commands.items():
        lines.append(
            f"complete -c {_NAME} -f -n '__fish_use_subcommand' -a {name}"
            f" -d {_fish_quoted(_help_of(parser, name))}"
        )
        seen = f"__fish_seen_subcommand_from {name}"
        lines += _fish_options(sub, seen)
        if positional := words_of(sub)[len(options_of(sub)) :]:
            lines.append(
                f"complete -c {_NAME} -f -n '{seen}' -a {_fish_quoted(' '.join(positional))}"
            )
    lines.append(f"# subcommands: {names}")
    return "\n".join(lines) + "\n"


def run_completion(parser: argparse.ArgumentParser, shell: str, out: TextIO) -> int:
    """Print the script for `shell` (one of SHELLS)."""
    script = {"bash": bash_script, "zsh": zsh_script, "fish": fish_script}[shell]
    out.write(script(parser))
    return 0


def _fish_options(parser: argparse.ArgumentParser, condition: str) -> list[str]:
    lines = []
    for action in parser._actions:
        flags = []
        for option in action.option_strings:
            if option.startswith("--"):
                flags.append(f"-l {option[2:]}")
            else:
                flags.append(f"-s {option[1:]}")
        if not flags:
            continue
        takes = " -r" if action.nargs != 0 else ""
        if action.choices:
            takes = " -x -a " + _fish_quoted(" ".join(str(choice) for choice in action.choices))
        help_text = _fish_quoted(" ".join((action.help or "").split()))
        lines.append(
            f"complete -c {_NAME} -n '{condition}' {' '.join(flags)}{takes} -d {help_text}"
        )
    return lines


def _help_of(parser: argparse.ArgumentParser, name: str) -> str:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if choice.dest == name:
                    return " ".join((choice.help or "").split())
    return ""


def _quoted(text: str) -> str:
    """`text` in single quotes for bash (option strings hold no quote)."""
    return "'" + text.replace("'", "'\\''") + "'"


def _fish_quoted(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
