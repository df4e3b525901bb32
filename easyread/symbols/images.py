"""Checking the user's pictures (PNG, JPEG, SVG) before they go into a document.

A folder of photos from a phone holds 4000-pixel JPEGs of several megabytes;
embedded as they are, an easy-read HTML page of 30 pictures would weigh
100 MB. Pictures larger than `MAX_SIDE` get a smaller copy in easyread's
cache folder (made once, reused, named by content so outputs stay
reproducible). Files that are not the image they claim to be are refused with
a one-line reason, and the document still renders without them.
"""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

EXTENSIONS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".svg": "SVG"}
"""Picture files a user's set may hold, by extension."""

MAX_SIDE = 600
"""Longest side in pixels kept for raster pictures: 2.8 cm at over 500 dpi."""

MAX_BYTES = 20 * 1024 * 1024
"""Larger files are refused: no picture in an easy-read document needs more."""

MAX_PIXELS = 50_000_000
"""Larger images are refused before decoding (a "decompression bomb" guard)."""


class BadImage(ValueError):
    """A picture file easyread will not use, with the reason."""


def is_picture(name: str) -> bool:
    """True for a file name with a picture extension easyread reads."""
    return os.path.splitext(name)[1].lower() in EXTENSIONS


def prepare(path: Path) -> Path:
    """The file to embed for a user's picture: itself or a smaller copy (`BadImage` if unusable)."""
    kind = EXTENSIONS.get(path.suffix.lower())
    if kind is None:
        raise BadImage(f"{path.name}: not a PNG, JPEG or SVG file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise BadImage(f"{path.name}: larger than {MAX_BYTES // (1024 * 1024)} MB")
    data = path.read_bytes()
    if kind == "SVG":
        _check_svg(path.name, data)
        return path
    return _raster(path, data, kind)


def _check_svg(name: str, data: bytes) -> None:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not head.startswith(b"<") or b"<svg" not in head:
        raise BadImage(f"{name}: not an SVG image")
    if b"<!entity" in data.lower():
        raise BadImage(f"{name}: SVG files with entity declarations are refused")


def _raster(path: Path, data: bytes, kind: str) -> Path:
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in ("PNG", "JPEG"):
                raise BadImage(
                    f"{path.name}: a {image.format} image named {path.suffix}; use PNG or JPEG"
                )
            if image.width * image.height > MAX_PIXELS:
                raise BadImage(f"{path.name}: {image.width} x {image.height} pixels is too large")
            image.verify()
        with Image.open(io.BytesIO(data)) as image:
            if max(image.size) <= MAX_SIDE:
                image.load()
                return path
            upright = ImageOps.exif_transpose(image)
            upright.thumbnail((MAX_SIDE, MAX_SIDE))
            return _cached_copy(path, data, upright, kind)
    except BadImage:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ) as error:
        raise BadImage(
            f"{path.name}: not a readable {kind} image ({type(error).__name__})"
        ) from None


def _cached_copy(path: Path, data: bytes, image: object, kind: str) -> Path:
    from PIL import Image

    from ..files import atomic_write

    assert isinstance(image, Image.Image)
    digest = hashlib.sha256(data).hexdigest()[:32]
    suffix = ".png" if kind == "PNG" else ".jpg"
    target = cache_dir() / f"{digest}-{MAX_SIDE}{suffix}"
    if target.is_file():
        return target
    buffer = io.BytesIO()
    if kind == "PNG":
        image.save(buffer, "PNG", optimize=True)
    else:
        image.convert("RGB").save(buffer, "JPEG", quality=88)
    try:
        atomic_write(target, buffer.getvalue())
    except OSError:
        return path  # an unwritable cache only costs a larger output
    return target


def cache_dir() -> Path:
    """Where smaller copies of large pictures go (``EASYREAD_CACHE_DIR``, or the user's cache)."""
    configured = os.environ.get("EASYREAD_CACHE_DIR")
    if configured:
        return Path(configured) / "pictures"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "easyread" / "pictures"
