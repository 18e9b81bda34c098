"""The subcommands of the command line, one module each; `postinterview.cli` parses and
dispatches. They read the store and files, call the pure code, and print."""
