"""Symbol sets, the easy-read vocabulary, and matching words to pictures."""

from .matcher import Matcher
from .sets import Entry, SymbolSet, openmoji
from .vocabulary import Vocabulary

__all__ = ["Entry", "Matcher", "SymbolSet", "Vocabulary", "openmoji"]
