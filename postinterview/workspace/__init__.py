"""The data folder loaded once: every record with its revision, the settings, the files that
could not be read, what is derived from each record, and THE save path.

Screens are views of one `Workspace`; none reads the folder or saves by itself. This package
knows the domain and the storage, never Textual (a test checks it).
"""

# Views see records as storage hands them over (`Stored`, `FileProblem`), through here.
from postinterview.storage.history import Version
from postinterview.storage.recovery import DeletedFile
from postinterview.storage.store import FileProblem, Stored, StoreError
from postinterview.workspace.changes import Change, Listener
from postinterview.workspace.derived import Context, Derivation
from postinterview.workspace.folder import FolderRead
from postinterview.workspace.outcome import EditOutcome, RestoreOutcome, SaveOutcome
from postinterview.workspace.workspace import Workspace

__all__ = [
    "Change",
    "Context",
    "DeletedFile",
    "Derivation",
    "EditOutcome",
    "FileProblem",
    "FolderRead",
    "Listener",
    "RestoreOutcome",
    "SaveOutcome",
    "StoreError",
    "Stored",
    "Version",
    "Workspace",
]
