"""An acute signal ("act today") alerts the core group and the coordinator on duty at once (15.2).

Called inside the transaction that stores the signal, so the alert and the signal are stored
together (notify's outbox). The message says only that an acute signal came in, never what it
says or whom it is about: the description may name a resident, and it is read on the signals
page, where reading is governed and audited.
"""

from naober.communities.models import Role
from naober.escalation.sweep import on_duty_or_all
from naober.notify.services import notify
from naober.people.models import Person
from naober.people.selectors import people_of


def alert_acute(signal, at) -> int:
    """Tell the core group and whoever is on duty (all coordinators without a rota); once each."""
    community = signal.community
    core = list(
        people_of(community).filter(memberships__role=Role.CORE_GROUP).distinct().order_by("id")
    )
    seen: set[int] = set()
    recipients: list[Person] = []
    for person in core + on_duty_or_all(community, at):
        if person.pk not in seen and person.pk != signal.raised_by_id:
            seen.add(person.pk)
            recipients.append(person)
    for person in recipients:
        notify(person, "acute_signal", {"signal": signal}, key=f"acute:{signal.pk}:{person.pk}")
    return len(recipients)
