"""Keeping user-named files inside the folder they belong to.

An overrides file or a set's ``symbols.csv`` is often shared between
colleagues; a line naming ``../../home/me/.ssh/id_rsa`` or a symlink in the
folder pointing at ``/etc`` must not make easyread embed that file in an
output. Every path a user's file names goes through `inside`.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath, PureWindowsPath


class OutsideFolder(ValueError):
    """A path that leaves its folder, is absolute, or is not a regular file."""


def inside(root: Path, name: str) -> Path:
    """The regular file `name` names relative to `root`, refusing anything that leaves `root`.

    Refused: absolute paths (POSIX or Windows), any ``..`` part, and files
    that resolve outside `root` through a symlink.
    """
    if not name or "\x00" in name:
        raise OutsideFolder("empty path")
    for flavour in (PurePosixPath(name), PureWindowsPath(name)):
        if flavour.is_absolute() or flavour.anchor or ".." in flavour.parts:
            raise OutsideFolder(
                f"{name}: paths must stay inside {root.name}/ (no ../ or absolute paths)"
            )
    base = root.resolve()
    target = (base / name.replace("\\", "/")).resolve()
    if not target.is_relative_to(base):
        raise OutsideFolder(f"{name}: a link that leads outside {root.name}/ is refused")
    if not target.is_file():
        raise OutsideFolder(f"{name}: no such file in {root.name}/")
    return target


def walk(root: Path, limit: int) -> list[str]:
    """Paths of files under `root`, relative to it, in a stable order; at most `limit`.

    Linked folders are not entered; linked files are listed, for `inside` to judge.
    """
    base = root.resolve()
    found: list[str] = []
    for folder, dirs, files in os.walk(base, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                found.append((Path(folder) / name).relative_to(base).as_posix())
                if len(found) >= limit:
                    return found
    return found
