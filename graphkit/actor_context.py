"""What the actor pass's draft functions read of the resolution they run in: one `typing.Protocol`.

graphkit.actor_names and graphkit.actor_pronouns give a speaker mention its draft actor. They are functions of
``r``, the resolution of the corpus under way (graphkit.resolve's resolver), and read only this of it:

- ``gz``: the gazetteer (graphkit.gazetteer.Gazetteer: names, aliases, titles, metonyms, surnames);
- ``pc``: the places' configuration (graphkit.places.PlaceConfig);
- ``drafts``: the drafts made so far, and where new ones are made (graphkit.actor_drafts.Drafts);
- ``people``: the corpus's person names, clusters and genders (graphkit.people.PersonNames, its answers logged
  for a kept walk by graphkit.walks.LoggedPeople);
- ``entities``: each article's entities as the walk reads them (graphkit.actor_entities.ArticleEntities);
- ``types``: every entity text's corrected type (graphkit.entity_types);
- ``mostly_not_person(text)``: whether the NER labels the text something other than PERSON in most of its corpus
  mentions (logged for a kept walk).

Anything giving these can run them: a test, or another pass over the mentions.

>>> from graphkit.resolve import _Resolver
>>> from graphkit.gazetteer import Gazetteer
>>> from graphkit.places import load_place_config
>>> isinstance(_Resolver({}, {}, Gazetteer.from_dict({"actors": []}), load_place_config()), ActorContext)
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from .actor_drafts import Drafts
    from .actor_entities import ArticleEntities
    from .gazetteer import Gazetteer
    from .places import PlaceConfig
    from .walks import LoggedPeople


@runtime_checkable
class ActorContext(Protocol):
    """What graphkit.actor_names and graphkit.actor_pronouns read of the actor pass (see the module)."""

    gz: Gazetteer
    pc: PlaceConfig
    drafts: Drafts
    people: LoggedPeople
    entities: ArticleEntities
    types: dict[str, str]

    def mostly_not_person(self, text: str) -> bool:
        """The NER labels this exact text something other than PERSON in most of its corpus mentions."""
        ...
