"""How words and phrases are compared: one normal form for every lookup table.

"Co-production", "co production" and "CO-PRODUCTION" must find the same
entry, and so must a file called ``young_people.png``. Everything that goes
into or comes out of a lookup table passes through `key`.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s_\-\u2010-\u2015/]+")
_EDGES = re.compile(r"^[^\w@#^]+|[^\w]+$")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def key(text: str) -> str:
    """The lookup form of a word or phrase: lower case, hyphens and underscores as spaces."""
    text = text.translate(_QUOTES).lower().replace("&", " and ")
    text = _SEPARATORS.sub(" ", text).strip()
    return _EDGES.sub("", text)
