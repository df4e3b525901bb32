"""Writing output files so that a crash never leaves a half-written file behind.

Each file is written to a temporary ``.NAME.PID.XXXX.part`` file in the same
folder, flushed to disk and renamed over the target in one step, so the
target is always either the old file or the whole new one. A process killed
mid-write can only leave its ``.part`` file; the next write of the same
target removes it once that process is gone.
"""

from __future__ import annotations

import glob
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a temporary file in the same folder and an atomic rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_parts(path)
    handle, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".part"
    )
    try:
        os.chmod(temporary, 0o666 & ~_umask())
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def remove_stale_parts(path: Path) -> list[Path]:
    """Delete temporary files of `path` left by writers that were killed; return them."""
    removed = []
    for name in glob.glob(f".{glob.escape(path.name)}.*.part", root_dir=path.parent):
        pid = name[len(path.name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            stale = path.parent / name
            stale.unlink(missing_ok=True)
            removed.append(stale)
    return removed


def up_to_date(source: Path, outputs: Iterable[Path], *depends: Path) -> bool:
    """True when every output exists and is newer than the source and the other files it depends on."""
    try:
        newest = max(p.stat().st_mtime_ns for p in (source, *depends))
        return all(p.stat().st_mtime_ns >= newest for p in outputs)
    except OSError:
        return False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _sync_folder(folder: Path) -> None:
    # The rename is only durable across a power cut once the folder is synced.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    # mkstemp creates files readable by the owner only; outputs are meant to be shared.
    current = os.umask(0)
    os.umask(current)
    return current


def unique_name(name: str, taken: set[str]) -> str:
    """`name`, or `name-2`, `name-3`... whichever is not taken yet; the result is then taken."""
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name}-{number}", number + 1
    taken.add(candidate)
    return candidate
