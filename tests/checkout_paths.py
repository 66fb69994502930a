"""The one home of the paths the tests read: the checkout, its sample corpus and gold, and ../shared beside it.

Test modules and conftest.py import them from here (a conftest is not for importing).

>>> (CORPUS / "issues.yaml").is_file(), GOLD.parent.name, SHARED.parent == ROOT.parent
(True, 'tests', True)
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "tests" / "gold"
