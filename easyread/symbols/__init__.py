"""Pictures for easy read: symbol sets, the curated vocabulary, the user's choices, and matching.

    >>> from easyread.symbols import Library
    >>> library = Library.from_options(SymbolOptions(sets=("my-photos",)))   # doctest: +SKIP
    >>> library.lookup("buses").id                                           # doctest: +SKIP
    '1F68C'

Modules: `sets` (what a set is), `openmoji` (the default set), `folder` (a
user's folder of pictures), `overrides` (the user's word -> picture file),
`vocabulary` (our easy-read words and their senses), `library` (matching a
word to a picture), `concepts` (the key concept of a parsed sentence),
`images` and `safepath` (checking the user's files).
"""

from ..options import SymbolOptions
from .library import Cues, Found, Library, Memory
from .sets import Entry, SymbolSet
from .vocabulary import Sense, Vocabulary

__all__ = [
    "Cues",
    "Entry",
    "Found",
    "Library",
    "Memory",
    "Sense",
    "SymbolOptions",
    "SymbolSet",
    "Vocabulary",
]
