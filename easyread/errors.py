"""The one exception easyread raises for anything a user can fix."""

from __future__ import annotations


class EasyreadError(Exception):
    """A fatal problem explained in one line, such as an unreadable input file.

    Recoverable problems are not raised: they become diagnostics on the
    document, and the document still renders.
    """

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        self.reason = " ".join(message.split())
        super().__init__(f"{source}: {self.reason}" if source else self.reason)


class UsageError(EasyreadError):
    """Options or arguments that cannot work together (CLI exit code 2)."""
