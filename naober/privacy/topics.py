"""The registry of personal data: which rows of every app are about a person, and what a reader may
see of each row.

Privacy is a foundation app, so it cannot import the domain apps. Each app instead declares its
topics in a module `privacy_topics.py`, loaded when Django starts (see PrivacyConfig.ready). A
topic names the relations to Person it covers ("outreach.Signal.person_concerned"), how to find the
rows, and the app's own field rule (`view(reader, row) -> dict`), the same function its pages and
API use. The data export, the readable page and erasure all work from this registry, and a test
fails when a model gains a relation to Person that no topic covers and no reason leaves out.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Model

from naober.communities.context import Actor


class Group:
    """The headings of the readable page, in the order they appear."""

    YOU = "you"
    HELP = "help"
    VISITS = "visits"
    REFERRALS = "referrals"
    MESSAGES = "messages"
    COMMUNITY = "community"
    LOG = "log"
    ORDER = (YOU, HELP, VISITS, REFERRALS, MESSAGES, COMMUNITY, LOG)


@dataclass(frozen=True)
class Topic:
    """One kind of row about a person.

    key: stable name in the JSON file ("exchange.requests").
    title: heading on the readable page (a lazy translation).
    group: one of Group.ORDER.
    covers: the relations to Person this topic exports, as "app_label.Model.field".
    rows: every row about the person for this topic.
    view: the app's field rule: what `reader` may see of one row, as a plain dict.
    labels: readable labels for keys that are not fields of the model (e.g. "helper_name").
    hidden_on_page: keys kept in the JSON file but not shown on the page (ids, coordinates).
    readable: functions that turn a stored value into words for the page, by key (codes that
        are not a model field's choices, such as a list of roles).
    about: True when the rows describe the person (their free text is emptied on erasure);
        False when the person only acted on them (a visitor's visits of others).
    erase_fields: the text fields erasure empties on these rows; None means every text field
        and the character fields named in privacy.erasure.PERSONAL_CHAR_FIELDS.
    erase_delete: erasure deletes these rows (a home's coordinates, talents and needs).
    """

    key: str
    title: object
    group: str
    model: type[Model]
    covers: tuple[str, ...]
    rows: Callable[[object], Iterable[Model]]
    view: Callable[[Actor, Model], dict]
    labels: dict[str, object] = field(default_factory=dict)
    hidden_on_page: frozenset[str] = frozenset()
    readable: dict[str, Callable[[object], str]] = field(default_factory=dict)
    about: bool = True
    erase_fields: tuple[str, ...] | None = None
    erase_delete: bool = False


# Relations to Person that no topic exports, each with the reason (checked by a test).
NOT_EXPORTED: dict[str, str] = {}

TOPICS: list[Topic] = []
# Functions `hook(actor, person)` that close what is still open for a person before erasure.
ERASE_HOOKS: list[Callable[[Actor, object], None]] = []


def register(topic: Topic) -> Topic:
    """Add a topic (once per key: a module imported twice does not duplicate it)."""
    TOPICS[:] = [t for t in TOPICS if t.key != topic.key]
    TOPICS.append(topic)
    return topic


def leave_out(relation: str, reason: str) -> None:
    """Declare a relation to Person that is deliberately not part of the export, and why."""
    NOT_EXPORTED[relation] = reason


def on_erase(hook: Callable[[Actor, object], None]) -> Callable[[Actor, object], None]:
    """Register a function that closes a person's open business when they are erased."""
    if hook not in ERASE_HOOKS:
        ERASE_HOOKS.append(hook)
    return hook


def reader_for(person) -> Actor:
    """The person as a reader: an export shows what the person may see, whoever downloads it."""
    roles = frozenset(person.memberships.values_list("role", flat=True))
    return Actor(community=person.community, person=person, roles=roles)
