"""Who may see whose person record: the one rule behind the person pages and the people API.

- The person themselves see their own record in full.
- The roles that hold the people list (VIEW_PEOPLE: staff and the core group) see everyone of
  their community; how much of each person is `selectors.visibility`'s business.
- Anyone else sees a person only where a request, offer, match, referral or visit joins the two,
  and then only the public card (first name and street), which is all such a join needs.
- Everybody else is "not found" (404), exactly as for an id that does not exist, so that nobody
  can look residents up one by one.

The joins belong to the apps that own those rows (exchange, directory, outreach). They sit above
this foundation app, so they register a join here from their AppConfig.ready() instead of being
imported: a new kind of join is one `register_join` call in its own app.
"""

from collections.abc import Callable

from django.db.models import Q, QuerySet

from naober.communities.context import Actor
from naober.communities.permissions import Action

# A join answers, for one actor, querysets of the ids of the people that actor is joined to
# (values() querysets, so that the whole rule stays one SQL query); none when there are none.
Join = Callable[[Actor], list[QuerySet]]
_joins: dict[str, Join] = {}


def register_join(name: str, join: Join) -> None:
    """Add (or replace, by name) one kind of row that lets two people see each other's card."""
    _joins[name] = join


def registered_joins() -> dict[str, Join]:
    return dict(_joins)


def sees_everyone(actor: Actor) -> bool:
    return actor.can(Action.VIEW_PEOPLE)


def joined_filter(actor: Actor) -> Q:
    """A filter on Person: oneself and the people joined to the actor by a registered join."""
    if actor.person is None:
        return Q(pk__in=[])
    condition = Q(pk=actor.person.pk)
    for join in _joins.values():
        for ids in join(actor):
            condition |= Q(pk__in=ids)
    return condition


def visible_people(actor: Actor, people: QuerySet) -> QuerySet:
    """`people` narrowed to those this actor may see at all."""
    if sees_everyone(actor):
        return people
    return people.filter(joined_filter(actor))
