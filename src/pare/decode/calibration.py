"""Named operating points in openai/privacy-filter's ``viterbi_calibration.json`` format.

``{"operating_points": {"default": {"biases": {"background_stay": 0.0, ...six names...}}, ...}}``.
Unknown keys next to ``operating_points`` or ``biases`` are ignored; inside ``biases`` they are an error.
"""

from __future__ import annotations

import json
import stat
from collections.abc import Mapping
from pathlib import Path

from pare.decode.transitions import OperatingPoint
from pare.errors import PareError
from pare.io import atomic_file
from pare.modeldir import CALIBRATION_FILE


def load_operating_points(path: str | Path) -> dict[str, OperatingPoint]:
    """Read every named operating point of a calibration file; ``PareError`` names the file and field."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PareError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise PareError(f"{path}: cannot read: {err}") from None
    except json.JSONDecodeError as err:
        raise PareError(f"{path}:{err.lineno}: invalid JSON: {err.msg}") from None
    except (RecursionError, ValueError):  # nesting past the recursion limit, or an int past the digit limit
        raise PareError(f"{path}: invalid JSON: nested too deeply or a number with too many digits") from None
    if not isinstance(data, dict) or not isinstance(data.get("operating_points"), dict):
        raise PareError(f"{path}: expected an object with an 'operating_points' object")
    points: dict[str, OperatingPoint] = {}
    for name, entry in data["operating_points"].items():
        where = f"{path}: operating_points.{name}"
        if not isinstance(entry, dict) or "biases" not in entry:
            raise PareError(f"{where}: expected an object with a 'biases' object")
        points[name] = OperatingPoint.from_dict(entry["biases"], where=f"{where}.biases")
    return points


def save_operating_points(path: str | Path, points: Mapping[str, OperatingPoint]) -> None:
    """Write named operating points (atomically) in the format ``load_operating_points`` reads."""
    for name, point in points.items():
        if not isinstance(name, str) or not name:
            raise PareError(f"operating point names must be non-empty strings, got {name!r}")
        if not isinstance(point, OperatingPoint):
            raise PareError(
                f"operating point {name!r}: expected an OperatingPoint, got {type(point).__name__}"
            )
    data = {"operating_points": {name: {"biases": point.to_dict()} for name, point in points.items()}}
    with atomic_file(path, overwrite=True) as tmp:  # the file's purpose is to be replaced by a recalibration
        tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def update_operating_points(path: str | Path, points: Mapping[str, OperatingPoint]) -> None:
    """Write ``points`` into the calibration file at ``path`` (atomically), keeping the points it has that
    ``points`` does not name; a replaced point keeps its place, new ones follow in the given order."""
    path = Path(path)
    merged = load_operating_points(path) if path.is_file() else {}
    merged.update(points)
    save_operating_points(path, merged)


def resolve_operating_point(model_dir: str | Path, name: str | None = None) -> OperatingPoint:
    """The operating point ``name`` from ``model_dir/viterbi_calibration.json``.

    ``name=None`` gives the file's ``default`` point if there is one, else zero biases (also when the
    file is absent). A ``name`` the file does not have is a ``PareError`` listing the available names.
    """
    path = Path(model_dir) / CALIBRATION_FILE
    return pick_operating_point(load_operating_points(path) if path.is_file() else None, name, model_dir)


def pick_operating_point(
    points: Mapping[str, OperatingPoint] | None, name: str | None, model_dir: str | Path
) -> OperatingPoint:
    """``resolve_operating_point`` on the points already read from ``model_dir`` (``None``: no file)."""
    found = points or {}
    if name is None:
        return found.get("default", OperatingPoint())
    if name not in found:
        missing = f"none ({Path(model_dir) / CALIBRATION_FILE} does not exist)"
        available = ", ".join(sorted(found)) if points is not None else missing
        raise PareError(f"{model_dir}: unknown operating point {name!r}; available: {available}")
    return found[name]


def calibration_stamp(model_dir: str | Path) -> tuple[int, int, int] | None:
    """``(mtime_ns, size, inode)`` of ``model_dir``'s calibration file, ``None`` when there is no file: it
    changes whenever the file is rewritten (``save_operating_points`` replaces it, so the inode changes even
    within the file system's mtime resolution)."""
    try:
        found = (Path(model_dir) / CALIBRATION_FILE).stat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    if not stat.S_ISREG(found.st_mode):  # as ``resolve_operating_point``'s ``is_file``
        return None
    return found.st_mtime_ns, found.st_size, found.st_ino
