"""One exception family. Every message says what went wrong and how to fix it.

The CLI prints ``GraphkitError`` messages as one line (no traceback) and exits 2.

>>> from graphkit.errors import CorpusNotFound
>>> str(CorpusNotFound("no folder at 'corpsu'; check the path (did you mean 'corpus'?)"))
"no folder at 'corpsu'; check the path (did you mean 'corpus'?)"
"""


class GraphkitError(Exception):
    """Base of every error graphkit raises on purpose; the message is for the user."""


class ModelNotFound(GraphkitError):
    """The spaCy pipeline cannot be loaded."""


class CorpusNotFound(GraphkitError):
    """The corpus path does not exist, is not a folder, or holds no articles."""


class StoreError(GraphkitError):
    """The store is missing, not a graphkit store, of a newer schema, or damaged."""


class ModelsFileError(GraphkitError):
    """A file under models/ (cues, actors, issues) is malformed."""


class ExportError(GraphkitError):
    """An export could not be written."""


class SettingError(GraphkitError):
    """An environment setting graphkit reads (``GRAPHKIT_GEMM``) has a value it does not know."""
