"""Exceptions that carry one clear sentence for the user."""

from __future__ import annotations


class StargateError(Exception):
    """Base class: the message is meant to be shown to a user as it is.

    ``exit_code`` is what the command line exits with when this ends a command.
    """

    exit_code = 2


class InputError(StargateError):
    """One input (a path or URL) could not be read; the others may still be fine."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class ConfigurationError(StargateError):
    """The tool was asked for something its configuration cannot give (e.g. no API key)."""
