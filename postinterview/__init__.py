"""postinterview: a terminal companion for the days after a job interview."""

__version__ = "0.1.0"
