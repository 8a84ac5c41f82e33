"""Build output written so that a reader (another test run, a server) never meets half a file."""

from pathlib import Path


def write_whole(path: Path, data: bytes) -> None:
    """Write `data` beside `path`, then swap it in."""
    written = path.with_name(f".{path.name}.new")
    written.write_bytes(data)
    written.replace(path)


def write_if_changed(path: Path, data: bytes) -> bool:
    """`write_whole`, only when the bytes differ; returns whether it wrote."""
    if path.exists() and path.read_bytes() == data:
        return False
    write_whole(path, data)
    return True
