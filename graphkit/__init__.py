"""graphkit: a claim-tracking knowledge graph built from news articles.

Who said what, about which issue, when, where, and who contradicted it —
every answer traceable to the sentence it came from.
"""

__version__ = "0.1.0"
