"""Allow `python -m postinterview`."""

from postinterview.cli import main

raise SystemExit(main())
