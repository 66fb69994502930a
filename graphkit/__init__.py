"""graphkit: a claim-tracking knowledge graph built from news articles.

Who said what, about which issue, when, where, and who contradicted it —
every answer traceable to the sentence it came from.
"""

__version__ = "0.1.0"


def open(store_path):  # noqa: A001 - the notebook entry point: graphkit.open("store.gk")
    """Open a store for querying: ``g = graphkit.open("out/sample.gk"); g.claims(speaker="Lavrov")``."""
    from .query import open_store

    return open_store(store_path)


# graphkit.build is the function (the submodule of the same name is imported here first, so a later
# `import graphkit.build` does not rebind the name); it imports nothing heavy.
from .build import build  # noqa: E402

__all__ = ["open", "build", "__version__"]
