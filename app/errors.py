"""Errors a person can cause. Each carries a message that says what to do.

The command line turns them into one line on stderr and an exit code; the window shows them in a
dialog or next to a field. None of them should ever reach the person as a traceback.
"""
from __future__ import annotations

from typing import Any


class VertrouwdError(Exception):
    """Base class: a user-facing problem with a readable message."""

    exit_code = 1

    def __init__(self, message: str, *, field: str | None = None, record: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.record = record

    def __str__(self) -> str:
        return self.message


class UserError(VertrouwdError):
    """Bad input from a person or a file (exit code 1)."""


class ValidationError(UserError):
    """A record that breaks a rule; `field` names the field, `record` the record."""


class WrongPassphrase(VertrouwdError):
    """The passphrase does not open the vault (exit code 3)."""

    exit_code = 3


class LockedOut(WrongPassphrase):
    """Too many wrong attempts in a row: wait before trying again (exit code 3)."""


class VaultError(UserError):
    """The vault file is missing, damaged, or not a vault."""


class VStatError(UserError):
    """A statistics file that cannot be used; the message says what is wrong in plain words.

    `code` names the kind of problem (one of REASONS, or "invalid" for any check of the figures) and
    `values` holds what the message mentions, so a window can say it in the person's own language.
    """

    def __init__(self, message: str, *, code: str = "invalid", **values: Any):
        super().__init__(message)
        self.code = code
        self.values = values
