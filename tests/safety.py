"""Checks that an output page carries nothing active from its input, shared by the security tests.

easyread's own page may hold one thing active: its read-aloud script, which
the page's Content-Security-Policy names by hash. Any other script, any
event handler, frame or embedded object, and any address but ``data:``,
an allowed link or the page's own asset folder fails the check. Text may
mention an address ("javascript:alert(1)"): as escaped words on the page it
is never followed.
"""

from __future__ import annotations

import base64
import hashlib
import re

from bs4 import BeautifulSoup

from easyread.links import Verdict, check

ACTIVE_TAGS = frozenset("iframe frame frameset object embed base applet portal".split())
URL_ATTRIBUTES = frozenset("href src srcset action formaction poster data background xlink:href ping cite".split())
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*[^'\")\s]*|@import", re.IGNORECASE)


def unsafe_parts(page: str, assets: str = "") -> list[str]:
    """What in `page` could run or fetch, other than easyread's own CSP-hashed script."""
    soup = BeautifulSoup(page, "html.parser")
    problems: list[str] = []
    policy = ""
    for meta in soup.find_all("meta", attrs={"http-equiv": True}):
        if str(meta["http-equiv"]).lower() == "content-security-policy":
            policy = str(meta.get("content", ""))
        else:
            problems.append(f"meta http-equiv={meta['http-equiv']}")
    if policy and "default-src 'none'" not in policy:
        problems.append(f"a permissive policy: {policy[:80]}")
    for tag in soup.find_all(True):
        if tag.name in ACTIVE_TAGS:
            problems.append(f"<{tag.name}>")
        if tag.name == "script":
            source = str(tag.get("src") or "")
            if source:
                if not (assets and source.startswith(f"{assets}/")):
                    problems.append(f"script src={source[:60]}")
            elif f"'sha256-{_sha256(tag.string or '')}'" not in policy:
                problems.append(f"a script the page's policy does not name: {(tag.string or '')[:60]!r}")
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                problems.append(f"{tag.name} {name}")
            elif name.lower() in URL_ATTRIBUTES and not _allowed(value, assets):
                problems.append(f"{tag.name} {name}={value[:60]}")
            elif name.lower() == "style":
                problems += [f"style {m[0][:60]}" for m in _CSS_URL.finditer(value) if not _data_url(m[0])]
    for style in soup.find_all("style"):
        problems += [f"<style> {m[0][:60]}" for m in _CSS_URL.finditer(style.get_text()) if not _data_url(m[0])]
    return problems


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def _data_url(found: str) -> bool:
    return bool(re.match(r"url\(\s*['\"]?data:", found, re.IGNORECASE))


def _allowed(value: str, assets: str) -> bool:
    value = value.strip()
    if value.startswith("data:") or value.startswith("#") or (assets and value.startswith(f"{assets}/")):
        return True
    return check(value).verdict is Verdict.KEEP
