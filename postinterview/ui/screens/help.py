"""The help screen: keys, what each screen is for, where the data lives."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP_TEXT = """\
# postinterview

Record each application, keep it moving, and never lose track of where it stands.
Just out of an interview? Press `i` (or `f2`) from anywhere.

## I just had an interview

Choose the application, or add it: a new one needs only the company and the role (with no
application yet, that is all `i` asks). The interview is recorded at once as having started
about an hour ago, and the cursor waits on the first interviewer's name. Then four steps,
each one optional and saved as you type; `ctrl+n` goes on to the next:

1. **Interview**: when, what kind, who interviewed you, how long it was meant to take and
   took, when they will decide, how they will contact you, what you promised to send, and
   your referees.
2. **Reflection**: what went well, what to improve, what interested them, where you
   struggled, what you forgot to say, and whether you still want the job. Tick "it went
   badly" to get the steps that help you recover.
3. **Signals**: the encouraging signs you noticed, `y` or `n` each (see below).
4. **Checklist**: every do and don't for the hours and days after, with why each matters
   and when it is due. It opens on the first thing to do now. Overdue items are marked `!`,
   items due now `•`; "before you leave" steps are dimmed once the interview is over, kept
   as advice for next time and not counted.

| Key | What it does |
| --- | --- |
| `ctrl+n` / `ctrl+b` | Next / previous step |
| `ctrl+o` | Add another interviewer |
| `space` | Tick a checklist item (again to untick) |
| `x` | Mark a checklist item as not applying |
| `]` / `[` (or `ctrl+↓` / `ctrl+↑`) | Checklist: the next / previous section |
| `ctrl+t` | Move the application to another stage (rejected shows the after-rejection steps) |
| `ctrl+g` | Positive signals: what you noticed, and what it does not mean |
| `ctrl+s` | Save now (everything is saved as you type anyway) |
| `escape` | Back to the list |

## Positive signals

The step after the reflection, or `ctrl+g` from an interview. Each encouraging sign
recruiters mention is a yes/no question: `y` or `n` answers the highlighted one and moves to
the next. What your notes already show (it ran long, you met several people, they gave a
date) is suggested in yellow, and counts only once you confirm it. The reading on the right
(0 to 100, a plain band name and what counted) updates as you answer. It describes what you
noticed; it does not predict the result. Cautions are kept apart and weigh lightly.
Below, how your past readings lined up with offers and rejections, with the number of cases.

| Key | What it does |
| --- | --- |
| `y` / `n` | Noticed / not noticed, then the next one |
| `space` | Yes / no |
| `backspace` | Back to "not answered" |
| `a` | Accept every suggestion from your notes |
| `escape` | Back to the interview (on to its checklist, when taken as a step) |

To weigh the signs your own way, put a `[signal_weights]` table in `settings.toml` in your
data folder, e.g. `ran_long = 4` (0 ignores a sign). Values that make no sense are shown on
the Signals screen and the standard weights used instead.

## Today

Where the app opens once you have applications: every action that is overdue or due now,
across all of them, most pressing first, then what comes up in the next seven days. A
thank-you note per interviewer, referees to warn, the recruiter to call, the follow-up once
their date has passed (or about a week later), feedback after a rejection.

| Key | What it does |
| --- | --- |
| `space` | Done (a note or a call is also written in the contact log) |
| `z` | Snooze: tomorrow, in three days or in a week |
| `d` | Drafts for a note, an email or a call it asks for: edit, `ctrl+y` copies, `ctrl+s` saves |
| `enter` | Open its application |

## An interview coming up

`I` (or "Schedule an interview" in the palette, or `I` on an application) books one ahead:
choose the application, say when it starts, then where it is or the link, the kind, the
round and whom you will meet. Today lists it under "Interviews coming up" with the steps to
get ready (`space` ticks one, `enter` opens the interview), and on the day what to do before
you leave; the calendar export carries it with reminders a day and an hour before. It plans
no thank-you notes until it has happened. Once its start has passed, Today asks how it went:
`enter` opens the reflection.

## Applications list and board

The list (`a`) shows every application in a table; the board (`b`) shows one column per
stage, each card with the time since your last contact, the next thing to do and by when,
and the signal reading (◆). Overdue cards come first in their column. On a terminal too
narrow for every column, the board shows as many as fit around the one you are in, and the
line above them names the stages beyond each edge: `h` and `l` go on past it. A role you
mean to apply for can be added at **Saved**, a column before Applied while it holds cards:
no follow-ups and no weekly figures until `>` moves it on, which sets the day you applied.

| Key | What it does |
| --- | --- |
| `n` | Add an application |
| `enter` | Open it: everything about it, with its interviews |
| `e` | Edit the selected application |
| `s` | Move it to any stage (kept in its history) |
| `<` / `>` (or `shift+←` / `shift+→`) | Board: move the card to the previous / next stage |
| arrows or `h` `j` `k` `l` | Board: move between columns and cards |
| `/` | Filter by anything you wrote: notes, reflections, people, contact log (`escape` clears) |
| `S` / `R` | List: sort by the next column / the other way (or click a header) |
| `c` | Board: show or fold the closed stages |
| `d` | Delete it (after you confirm; the file is moved to `deleted/`, not erased) |
| `D` | Deleted applications: put one back |
| `t` / `b` / `a` | Today / the board / the list |
| `w` | The weekly review |
| `p` | Files that could not be read: restore the last good version, or move them aside |
| `r` | Reload from disk |
| `o` | Import a file: applications from another tracker's export |

## Importing from another tracker

`o` on Today, the list or the board (or "Import a file…" in the palette) takes the path
of a CSV file or a Markdown table that another tracker or a spreadsheet exported (`~` is
your home folder). `enter` reads it and shows, before anything is saved, how each column is
read, each row refused or warned about with its line, and how many applications it would
add: what `postinterview import FILE --dry-run` prints. `ctrl+s` (or the button) imports
them; rows already here are skipped. The new cards are on the board, and one `u` takes the
whole import back. A backup made by `export --format json` is restored with `postinterview
restore`. The screen takes an interview invitation (`.ics`) too: it shows what the invitation
says and adds the upcoming interview to the application it names, or to the one you choose
in its list (or a new one), as one step `u` takes back.

## One application

`enter` on the list or the board. What to do next and by when, the interviews (with their
checklist progress and signal reading; `enter` opens one), referees and whether they were
warned, the contact log, the stage history and your notes. `e` edits, `s` changes the stage,
`l` logs a call, email or message, `H` shows its history.

## Getting things back

Each time an application is saved, the version it replaces is kept in `history/` of your
data folder (the latest ones, and one a day for a month).

- **History** (`H` on an application): every kept version, newest first, with when it was
  saved and what it changed; ● marks what it holds now. `enter` restores the highlighted one
  after you confirm, as a new save, so the version it replaces stays in the list.
- **Deleted applications** (`D` on the list, the board or Today): `enter` or `r` puts the
  highlighted one back, unless another application has its id by now.
- **A damaged or empty file** (`p`): `r` puts back the newest version of it that reads; the
  damaged file is moved into `quarantine/` first, so nothing of it is lost.

## Weekly review

Once a week, `w`. First what is overdue (`space` when done: a note or call is also written
in the contact log). Then applications that have gone quiet: decide in one key, `f` you
followed up just now, `w` keep waiting, `x` close it as "no reply", `d` a follow-up draft.
Then follow-ups that would be too soon, so you do not badger. A reminder when you have fewer
active applications than your target, have added none since your last interview, or have
saved roles not applied for yet: keep applying. At the bottom, the week in figures.

## Everywhere

| Key | What it does |
| --- | --- |
| `i` or `f2` | I just had an interview |
| `I` | Schedule an interview ahead |
| `u` or `ctrl+z` | Undo the latest change made in this window (a tick, a move, a delete…) |
| `U` or `ctrl+shift+z` | Redo what you undid |
| `ctrl+p` | Command palette: every action by name, and a company, role, person or day |
| `ctrl+e` | In notes, a reflection or a draft: edit in your own editor (`$VISUAL`, `$EDITOR`) |
| `?` or `f1` | This help |
| `escape` | Close a dialog without saving |
| `ctrl+q` | Quit |

## Your data

Every change is saved the moment you make it, as one plain TOML file per application in
the `applications` folder of your data folder. The files are yours: read them, edit them by
hand, back them up or keep them in git. A file that cannot be read is never overwritten;
the app lists it with the reason instead. Every version a file has had is kept for a while
in the `history` folder, and deleted applications go to the `deleted` folder, so a slip can
be taken back.

Choose another folder with `postinterview --data-dir DIR` or `POSTINTERVIEW_DATA_DIR`.
"""


class HelpScreen(ModalScreen[None]):
    """Keys and guidance. Escape or ? closes it."""

    BINDINGS = [Binding("escape,question_mark,f1,q", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Markdown(HELP_TEXT)

    def action_close(self) -> None:
        """Back to where you were."""
        self.dismiss(None)
