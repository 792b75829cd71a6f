"""Exceptions that carry one clear sentence for the user, under one root.

::

    StargateError                 the message is shown to the user as it is; exit_code
    ├── InputError                one input (path or URL) could not be read; others go on
    ├── ConfigurationError        the settings cannot do what was asked (no API key, a
    │                             context window too small for the prompt, a bad value)
    ├── ExtractionError           one article could not be extracted; it becomes that
    │                             article's ``error`` and the run goes on
    └── BatchError                the Batch API failed as a whole (upload, submit, poll)

Library code returns ``InputError`` and ``ExtractionError`` as values where one bad
input must not stop a run; the command line turns any ``StargateError`` that does stop
it into one line on stderr and ``exit_code``. Anything else is a bug.
"""

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


class ExtractionError(StargateError):
    """One article could not be extracted; the message is one sentence for the user."""


class BatchError(StargateError):
    """The Batch API failed as a whole; the message says which call and why."""
