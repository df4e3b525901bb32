"""The only way WeasyPrint may load anything: easyread's own files, nothing else.

A document is untrusted. Its HTML could ask for ``file:///etc/passwd`` or a
URL on the local network; WeasyPrint would fetch either. This fetcher serves
``data:`` URLs and files under the folders easyread ships or the user named
(templates, symbol sets, fonts), and refuses everything else.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse


class RefusedURL(ValueError):
    """A URL the fetcher will not load."""


class SafeFetcher(URLFetcher):
    """Serves data: URLs and files inside allowed folders; refuses the network and other files."""

    def __init__(self, roots: Iterable[Path]) -> None:
        super().__init__(timeout=1, allowed_protocols={"data", "file"}, allow_redirects=False)
        self.roots = tuple(Path(root).resolve() for root in roots)
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        """Load an allowed URL or raise `RefusedURL` (WeasyPrint then skips the resource)."""
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = self.allowed_path(url)
            if path is not None:
                mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})
        self.refused.append(url)
        raise RefusedURL(f"easyread refused to load {url[:200]}")

    def allowed_path(self, url: str) -> Path | None:
        """The file a file: URL names, if it is a regular file inside an allowed folder."""
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            return None
        path = Path(unquote(parts.path)).resolve()
        if not path.is_file():
            return None
        if any(path.is_relative_to(root) for root in self.roots):
            return path
        return None
