"""What the actor pass's walk of one article read and did, kept so that a rebuild walks only what changed.

graphkit.resolve walks the corpus article by article in doc-id order; each speaker mention of an article is
given a draft actor. The walk of one article is a function of three things:

1. the article itself (its attributions and NER entities: `graphkit.kept.walk_inputs` keys them);
2. **corpus-wide answers**, fixed for the whole resolution: the corrected type of each of its entity texts, the
   types its mention reader asks for (`fold_types`), whether the NER mostly calls a text something other than a
   person, and what graphkit.people says of each name it asks about (clusters, surname holders, genders, by the
   votes of every article);
3. **the drafts the articles before it made**: whether a draft key exists, and with which name, type, gazetteer
   entry and fixed id (the first article to use a key names it); which organisation the fuzzy organisation
   index (the earlier articles' organisations, in order) finds.

An :class:`ArticleWalk` keeps, for one article, every answer of kind 2 it was given (``reads``) and, in order,
every step of kind 3 and everything it recorded (``steps``). A later resolution *replays* an unchanged article
(graphkit.resolve's ``_Resolver._replay``, graphkit.actor_drafts' ``Drafts.replay``) instead of walking it again when
every read gives the same answer now and every draft it meets is the one it met; otherwise the article is walked again
and its log replaced. Replayed or walked, each article ends with the same drafts, aliases, roles and reasons, so a
rebuild resolves actors exactly as ``--full`` does (tests/test_incremental_resolve.py).

Reads and steps are lists of JSON-like values (tuples become lists, `plain`), kept per article in the store
(table ``kept_walks``, `graphkit.kept.kept_actor_walks`) in marshal's format (as JSON, PolNeAR train's 5.0 MB of
walks took 0.21 CPU s to read back; the key they are kept under names the format and Python's version, `ENCODING`).

>>> log = ArticleWalk()
>>> log.read("labels", "Republicans", True)
>>> log.read("labels", "Republicans", True)     # asked again: logged once
>>> log.reads
[['labels', 'Republicans', True]]
>>> ArticleWalk.decode(log.encode()).reads == log.reads
True
"""

from __future__ import annotations

import marshal
import sys
from typing import Any, Callable, Optional

__all__ = ["ArticleWalk", "LoggedPeople", "LoggedTypes", "plain"]


def plain(x: Any) -> Any:
    """``x`` as JSON gives it back: tuples become lists (answers are compared in this form).

    >>> plain(("pc:bil clinton", "same name")), plain(None), plain(["a", ("b", None)])
    (['pc:bil clinton', 'same name'], None, ['a', ['b', None]])
    """
    if isinstance(x, (tuple, list)):
        return [plain(v) for v in x]
    return x


class ArticleWalk:
    """One article's walk: ``reads``, the corpus-wide answers it was given ([kind, *question, answer], each
    question once), and ``steps``, what it did with the drafts, in order (see graphkit.actor_drafts ``Drafts``)."""

    __slots__ = ("reads", "steps", "_asked")
    #: how `encode` writes a walk: a kept walk is read back only by a process of the same format
    ENCODING = f"marshal-4-python-{sys.version_info[0]}.{sys.version_info[1]}"

    def __init__(self, reads: Optional[list] = None, steps: Optional[list] = None) -> None:
        self.reads: list = reads if reads is not None else []
        self.steps: list = steps if steps is not None else []
        self._asked: set = set()

    def read(self, kind: str, question: Any, answer: Any) -> None:
        """Log that asking ``kind`` about ``question`` (a string or a tuple of strings) gave ``answer``."""
        k = (kind, question)
        if k not in self._asked:
            self._asked.add(k)
            self.reads.append([kind, plain(question), plain(answer)])

    def step(self, *step: Any) -> None:
        self.steps.append(list(step))

    def encode(self) -> bytes:
        return marshal.dumps([self.reads, self.steps], 4)

    @classmethod
    def decode(cls, data: bytes) -> "ArticleWalk":
        reads, steps = marshal.loads(data)
        return cls(reads, steps)


class LoggedPeople:
    """graphkit.people.PersonNames as the walk sees it: each answer it gives is logged in ``log`` (the walk of
    the article being resolved; None: nothing logged). `answer` asks without logging, to check a kept read."""

    def __init__(self, people, log: Optional[ArticleWalk] = None) -> None:
        self.people = people
        self.log = log
        self.cluster_name = _LoggedItem(self, "cluster_name")
        self.by_surname = _LoggedItem(self, "by_surname")

    def answer(self, kind: str, question: Any) -> Any:
        """What PersonNames answers now to a question a walk logged (``question``: its arguments as a list)."""
        p = self.people
        if kind == "cluster_name":
            return p.cluster_name[question[0]]
        if kind == "by_surname":
            return question[0] in p.by_surname
        return getattr(p, kind)(*question)

    def _ask(self, kind: str, *args) -> Any:
        out = self.answer(kind, args)
        if self.log is not None:
            self.log.read(kind, args, out)
        return out

    def single_name(self, name: str):
        return self._ask("single_name", name)

    def full_name(self, name: str):
        return self._ask("full_name", name)

    def surname(self, word: str, doc_id: str, surface: str, gender: Optional[str] = None):
        return self._ask("surname", word, doc_id, surface, gender)

    def surname_gender(self, word: str, doc_id: str):
        return self._ask("surname_gender", word, doc_id)

    def unresolved_surname_reason(self, word: str):
        return self._ask("unresolved_surname_reason", word)

    def gender(self, name: str):
        return self._ask("gender", name)

    def gender_evidence(self, name: str, besides: Optional[str] = None):
        return self._ask("gender_evidence", name, besides)


class _LoggedItem:
    """``people.cluster_name[root]`` and ``key in people.by_surname``, logged."""

    def __init__(self, owner: LoggedPeople, kind: str) -> None:
        self.owner, self.kind = owner, kind

    def __getitem__(self, key: str):
        return self.owner._ask(self.kind, key)

    def __contains__(self, key: str) -> bool:
        return self.owner._ask(self.kind, key)


class LoggedTypes(dict):
    """The corrected types by folded text (graphkit.mentions.read_mention's ``fold_types``): each ``get`` is
    logged in ``log`` while it is set."""

    log: Optional[ArticleWalk] = None

    def get(self, key, default=None):
        out = dict.get(self, key, default)
        if self.log is not None:
            self.log.read("fold_types", (key, default), out)
        return out


def reads_hold(reads: list, answers: dict[str, Callable[[Any], Any]]) -> bool:
    """Whether every kept read gives the same answer now; ``answers``: kind → a function of the logged question.

    >>> reads_hold([["labels", "GOP", True]], {"labels": lambda q: q == "GOP"})
    True
    >>> reads_hold([["labels", "GOP", True]], {"labels": lambda q: False})
    False
    """
    for kind, question, answer in reads:
        ask = answers.get(kind)
        if ask is None:
            return False
        now = ask(question)
        if now != answer and plain(now) != answer:  # a str, None or bool is compared as it is
            return False
    return True
