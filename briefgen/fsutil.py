"""Atomic file writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def _naming(path: Path) -> Iterator[None]:
    """An OSError within names `path`, the file being written, not its temp (whose name
    means nothing to the user) or no file at all (a full disk)."""
    try:
        yield
    except OSError as e:
        if e.errno is None:
            raise
        raise OSError(e.errno, e.strerror, str(path)) from e  # keeps its kind (errno)


def _write_temp(path: Path, data: bytes | str) -> Path:
    """data in a new fsynced temp file beside path (removed again if writing fails)."""
    path.parent.mkdir(parents=True, exist_ok=True)  # a folder that cannot be made is named
    with _naming(path):
        return _write_new_temp(path, data)


def _write_new_temp(path: Path, data: bytes | str) -> Path:
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get normal modes
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return Path(tmp)


def _sync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):  # make the rename itself durable
        dir_fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def is_file(path: Path) -> bool:
    """`path.is_file()`, but False, as for a missing file, where the system refuses the path
    itself (a name over its length limit, a folder that may not be searched): Python 3.11
    raises OSError there."""
    try:
        return path.is_file()
    except OSError:
        return False


def is_dir(path: Path) -> bool:
    """`path.is_dir()`, but False where the system refuses the path (see is_file)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def exists(path: Path) -> bool:
    """`path.exists()`, but False where the system refuses the path (see is_file)."""
    try:
        return path.exists()
    except OSError:
        return False


def atomic_write(path: Path, data: bytes | str) -> None:
    """Write to a temp file in the same directory, fsync, then rename over path."""
    path = Path(path)
    tmp = _write_temp(path, data)
    try:
        with _naming(path):
            os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _sync_dir(path.parent)


def atomic_write_all(files: dict[Path, bytes | str]) -> None:
    """Replace several files as one: every file is written to a temp first, then all are
    renamed. On any failure no file changes (those renamed already are put back) and no
    temp is left."""
    temps: dict[Path, Path] = {}
    backups: dict[Path, Path] = {}
    done: list[Path] = []
    try:
        for path, data in files.items():
            temps[Path(path)] = _write_temp(Path(path), data)
        for path in temps:  # a second name for each old file: a rename can then be undone
            if path.exists():
                backup = path.with_name(f".{path.name}.{os.getpid()}.old.tmp")
                with _naming(path):
                    os.link(path, backup)
                backups[path] = backup
        for path, tmp in temps.items():
            with _naming(path):
                os.replace(tmp, path)
            done.append(path)
    except BaseException:
        for path in done:
            with contextlib.suppress(OSError):
                if path in backups:
                    os.replace(backups.pop(path), path)
                else:
                    os.unlink(path)
        for leftover in [*temps.values(), *backups.values()]:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(leftover)
        raise
    for backup in backups.values():
        with contextlib.suppress(FileNotFoundError):
            os.unlink(backup)
    for directory in {p.parent for p in temps}:
        _sync_dir(directory)
