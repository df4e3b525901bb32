"""easyread: turn ordinary documents into easy read, offline.

Short sentences in everyday words, a picture beside every idea, large clear
type, published as accessible HTML and PDF.
"""

from ._version import __version__
from .api import Converter, Result, convert, process, read, read_string, write
from .errors import EasyreadError, UsageError
from .model import Block, BlockKind, Diagnostic, Document, Sentence, Symbol
from .options import Options
from .simplify import SimplifyResult, simplify

__all__ = [
    "Block",
    "BlockKind",
    "Converter",
    "Diagnostic",
    "Document",
    "EasyreadError",
    "Options",
    "Result",
    "Sentence",
    "SimplifyResult",
    "Symbol",
    "UsageError",
    "__version__",
    "convert",
    "process",
    "read",
    "read_string",
    "simplify",
    "write",
]
