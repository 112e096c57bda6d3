"""Errors the loader reports to people: each says what is wrong and where."""


class LoadError(Exception):
    """A problem with the input or the database; the message is meant for the user."""
