"""Find and read the extraction knowledge kept in ``models/`` (cues, actors, issues).

The folder is the repository's ``models/`` next to the package; set
``GRAPHKIT_MODELS=/path/to/folder`` to use an edited copy without touching code.

>>> sorted(load_yaml("cues.yaml"))[:1] != []
True
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from .errors import ModelsFileError


def models_dir() -> Path:
    """The folder holding cues.yaml, actors.yaml, issues.yaml."""
    env = os.environ.get("GRAPHKIT_MODELS")
    if env:
        return Path(env)
    return _REPO_MODELS


_REPO_MODELS = Path(__file__).resolve().parent.parent / "models"


@lru_cache(maxsize=32)
def _load(path: str, mtime: float):
    import yaml

    try:
        with open(path, encoding="utf-8") as f:
            return yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}  # libyaml when present
    except OSError as e:
        raise ModelsFileError(f"cannot read {path}: {e.strerror}; set GRAPHKIT_MODELS to the folder holding it") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise ModelsFileError(f"{path} is not valid YAML{where}: {getattr(e, 'problem', e)}; fix the file") from None


def load_yaml(name: str):
    """Parsed content of ``models/<name>``; re-read when the file changes."""
    p = models_dir() / name
    if not p.exists():
        raise ModelsFileError(f"{p} is missing; restore it from the repository or set GRAPHKIT_MODELS")
    return _load(str(p), p.stat().st_mtime)
