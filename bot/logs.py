"""Log lines for a service: one ``key=value`` line (or one JSON object) per event, no secrets.

Events carry their figures as fields, ``log.info("serving", extra=fields(films=12))``, so a
line reads ``... msg="serving" films=12`` and a JSON line has ``"films": 12``.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterable
from typing import Any, Literal

LogFormat = Literal["text", "json"]
REDACTED = "[redacted]"
_BARE = re.compile(r"^[^\s\"=]+$")


def fields(**values: Any) -> dict[str, dict[str, Any]]:
    """The ``extra`` of a log call whose figures are shown as fields of its line."""
    return {"fields": values}


class LineFormatter(logging.Formatter):
    """Shared by both formats: the record's parts, with every secret replaced."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.secrets = sorted({s for s in secrets if s}, key=len, reverse=True)

    def hide(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        return text

    def parts(self, record: logging.LogRecord) -> dict[str, Any]:
        parts: dict[str, Any] = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "msg": self.hide(record.getMessage()),
        }
        for key, value in getattr(record, "fields", {}).items():
            parts[key] = self.hide(value) if isinstance(value, str) else value
        if record.exc_info:
            parts["exc"] = self.hide(self.formatException(record.exc_info))
        return parts


class KeyValueFormatter(LineFormatter):
    """``ts=… level=… logger=… msg="…" key=value …`` on one line."""

    def format(self, record: logging.LogRecord) -> str:
        return " ".join(f"{key}={_value(key, v)}" for key, v in self.parts(record).items())


class JsonFormatter(LineFormatter):
    """One JSON object per line."""

    def format(self, record: logging.LogRecord) -> str:
        return json.dumps(self.parts(record), ensure_ascii=False, default=str)


def _value(key: str, value: Any) -> str:
    if key == "msg" or not isinstance(value, (str, int, float, bool)) or value is None:
        return json.dumps(value, ensure_ascii=False, default=str)
    text = str(value).lower() if isinstance(value, bool) else str(value)
    return text if _BARE.match(text) else json.dumps(text, ensure_ascii=False)


def setup_logging(
    level: str, log_format: LogFormat = "text", *, secrets: Iterable[str] = ()
) -> logging.Handler:
    """Every log line on stderr in ``log_format``, with the ``secrets`` never shown."""
    handler = logging.StreamHandler(sys.stderr)
    formatter = JsonFormatter(secrets) if log_format == "json" else KeyValueFormatter(secrets)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("discord").setLevel(max(logging.INFO, root.level))
    return handler
