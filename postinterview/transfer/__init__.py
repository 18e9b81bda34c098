"""Moving applications in and out: exports (csv, json, markdown, iCalendar) and the csv import.

Pure formatting and parsing: no Textual and no storage. The command line (postinterview.commands)
reads the store and files and hands plain values to these modules.
"""
