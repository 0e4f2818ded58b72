"""Errors a person can cause. Each carries a stable code and parameters; its sentence says what to do.

The sentences live in resources/messages.json, in Dutch and English (app.texts). The command line
turns an error into one line on stderr (Dutch, or English with --lang en / VERTROUWD_LANG=en) and an
exit code; the window shows it, in the window's language, in a dialog or next to a field. None of
them should ever reach the person as a traceback.

    raise UserError("org.unknown", name=name)
    raise ValidationError("case.exists", field="code", record=record, case=code)
"""
from __future__ import annotations

from typing import Any

from app import texts


class VertrouwdError(Exception):
    """Base class: a user-facing problem with a code, parameters and a readable message."""

    exit_code = 1

    def __init__(self, code: str, *, field: str | None = None, record: str | None = None,
                 params: dict[str, Any] | None = None, **more: Any):
        super().__init__(code)
        self.code = code
        self.params: dict[str, Any] = {**(params or {}), **more}
        self.field = field
        self.record = record

    def text(self, lang: str | None) -> str:
        """The message in `lang` ('nl' or 'en')."""
        return texts.message(self, lang)

    @property
    def message(self) -> str:
        """The English message (logs, tests, callers without a language); people get `text(lang)`."""
        return self.text("en")

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
    """A statistics file (.vstat) that cannot be used; its code (vstat.*) names the kind of problem."""
