"""Data subject rights (AVG): everything stored about one person, and erasing it.

The rows come from the registry of personal data (privacy.topics): each app says which of its
rows are about a person and what a reader may see of them, with the same field rule its pages and
API use. The export always shows what the person themselves may see, whoever downloads it: the
file is theirs (a coordinator downloading it for a resident without a login hands it over), so it
never carries who raised a signal about them, a coordinator's notes or a referral's outcome.
Erasure lives in privacy.erasure.
"""

import json
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from naober.communities.permissions import Action
from naober.communities.roles import require_may_act_on
from naober.people.models import Person
from naober.privacy import audit
from naober.privacy.models import AuditAction
from naober.privacy.topics import TOPICS, Group, Topic, reader_for

ANONYMOUS_NAME = "Geanonimiseerde bewoner"


def _login_view(reader, user) -> dict:
    """The login; its own e-mail address only when it has one (most logins have none: the
    person's address is under the person's details, and an empty second one read as missing)."""
    view = {"username": user.get_username(), "email": user.email}
    if not user.email:
        del view["email"]
    return view | {"date_joined": user.date_joined, "last_login": user.last_login}


# The login is not a row about a Person but the person's own account: shown as a topic of its own.
LOGIN = Topic(
    key="account",
    title=_("Login"),
    group=Group.YOU,
    model=Person,
    covers=(),
    rows=lambda person: [person.user] if person.user_id else [],
    view=_login_view,
    labels={
        "username": _("user name"),
        "email": _("email address"),
        "date_joined": _("login made on"),
        "last_login": _("last logged in"),
    },
    about=False,
)


@dataclass
class Section:
    """The rows of one topic about the person, as that person may see them."""

    key: str
    title: object
    topic: Topic
    rows: list[dict] = field(default_factory=list)


def topics() -> list[Topic]:
    """Every registered topic, with the login right after the person's own details."""
    ordered = list(TOPICS)
    position = next((i + 1 for i, t in enumerate(ordered) if t.key == "person"), 0)
    ordered.insert(position, LOGIN)
    return ordered


def collect(person: Person) -> list[Section]:
    """Every row of every app about `person`, each shaped by the app's field rule."""
    reader = reader_for(person)
    sections = []
    for topic in topics():
        rows = [topic.view(reader, obj) for obj in topic.rows(person)]
        if rows:
            sections.append(Section(topic.key, topic.title, topic, rows))
    return sections


def require_rights_over(actor, person: Person) -> None:
    """Oneself, or anyone of the community with ACT_ON_PRIVACY_RIGHTS; another community: 404.

    The pages and the API find the person through `selectors.subject`, which asks the same; the
    services ask again so that no caller can export or erase someone it was not allowed to find.
    """
    if person.community_id != actor.community.pk:
        raise Http404
    if actor.person is None or actor.person.pk != person.pk:
        actor.require(Action.ACT_ON_PRIVACY_RIGHTS)
        require_may_act_on(actor, person)


def record_export(
    actor, person: Person, sections: list[Section], action: str = AuditAction.EXPORT
) -> None:
    """Showing (VIEW, the page) or downloading (EXPORT, the file) someone's data is itself
    written to the audit trail, so the person reads in the log which of the two happened."""
    require_rights_over(actor, person)
    audit.append(
        actor.community,
        action,
        person,
        "subject access request",
        actor_person=actor.person,
        fields=[s.key for s in sections],
    )


def export(actor, person: Person) -> dict:
    """Everything about `person` as plain JSON data (audited)."""
    require_rights_over(actor, person)
    sections = collect(person)
    record_export(actor, person, sections)
    data = {
        "exported_at": timezone.now().isoformat(),
        "community": actor.community.slug,
        "sections": {s.key: s.rows for s in sections},
    }
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))
