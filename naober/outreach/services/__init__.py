"""Writes for outreach, one module a subject: walk lists (walk_lists.py), house visits
(visits.py) and turning a visit into offers and requests (conversion.py). Signals and meetings
have their own modules (triage.py, meetings.py). Pages, the API and tests call them from here."""

from naober.outreach.services.conversion import convert_visit
from naober.outreach.services.visits import DOMAIN_FIELDS, can_convert, record_visit
from naober.outreach.services.walk_lists import (
    MAX_RANGE,
    add_every_nth_resident,
    add_number_range,
    add_person,
    assign_visitor,
    create_walk_list,
)

__all__ = [
    "DOMAIN_FIELDS",
    "MAX_RANGE",
    "add_every_nth_resident",
    "add_number_range",
    "add_person",
    "assign_visitor",
    "can_convert",
    "convert_visit",
    "create_walk_list",
    "record_visit",
]
