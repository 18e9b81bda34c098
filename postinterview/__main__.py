"""Allow `python -m postinterview`."""

from postinterview.launch import main

raise SystemExit(main())
