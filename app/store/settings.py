"""Settings, declared once and typed.

Settings that concern the adviser's data (lock time, language, practice name, report threshold,
retention) live inside the vault. Only harmless things (window geometry) go to QSettings, in ui/.
"""
from __future__ import annotations

from dataclasses import dataclass

from app.errors import UserError


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: object
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] | None = None

    def parse(self, raw: str | None):
        if raw is None:
            return self.default
        try:
            value = self.type(raw)
        except (TypeError, ValueError):
            return self.default
        try:
            return self.check(value)
        except UserError:
            return self.default

    def check(self, value):
        if self.type is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise UserError("settings.whole_number_needed", key=self.key)
            if self.minimum is not None and value < self.minimum:
                raise UserError("settings.at_least", key=self.key, minimum=self.minimum)
            if self.maximum is not None and value > self.maximum:
                raise UserError("settings.at_most", key=self.key, maximum=self.maximum)
        if self.type is str:
            if not isinstance(value, str):
                raise UserError("settings.text_needed", key=self.key)
            if self.choices and value not in self.choices:
                raise UserError("settings.one_of", key=self.key, choices=', '.join(self.choices))
            if len(value) > 200:
                raise UserError("settings.text_too_long", key=self.key)
        return value


LOCK_MINUTES = Setting("lock_minutes", int, 5, 1, 240)
LANGUAGE = Setting("language", str, "nl", choices=("nl", "en"))
PRACTICE_NAME = Setting("practice_name", str, "")
REPORT_THRESHOLD = Setting("report_threshold", int, 5, 3, 50)
RETENTION_MONTHS = Setting("retention_months", int, 12, 0, 60)
ALL = (LOCK_MINUTES, LANGUAGE, PRACTICE_NAME, REPORT_THRESHOLD, RETENTION_MONTHS)


class VaultSettings:
    """Typed access to the settings stored in the vault."""

    def __init__(self, repo):
        self.repo = repo

    def get(self, setting: Setting):
        return setting.parse(self.repo.get_setting(setting.key))

    def set(self, setting: Setting, value) -> None:
        self.repo.set_setting(setting.key, str(setting.check(value)))
