"""Giving freed memory back to the operating system between the stages of a build.

A large article's extraction is parsed from one JSON text into records (86,565 claims of a 5 MB article: ~0.7 GB
for a moment) and freed again; glibc's allocator keeps most of what was freed mapped, so the process stays
that size through every later stage, and the stages that allocate next (the issue model's fit) add to it.
`give_back` asks the allocator to return its free pages (``malloc_trim``): on the 5 MB article, resident memory
after the read fell from 1.15 GB to the ~0.1 GB the kept rows need. Elsewhere than glibc it does nothing.

>>> give_back() in (True, False)
True
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from functools import lru_cache


@lru_cache(maxsize=1)
def _malloc_trim():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc (macOS, musl, Windows): nothing to ask
        return None


def give_back(collect: bool = False) -> bool:
    """Return the allocator's free memory to the operating system (``collect``: collect garbage cycles first, a
    walk over every object); whether it could ask. Costs milliseconds: the stages call it after freeing much."""
    if collect:
        gc.collect()
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
