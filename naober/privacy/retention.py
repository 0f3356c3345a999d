"""What free text expires, per app. Any app may add a `retention.py` with a `PURGEABLE` list.

Each entry names a model ("app_label.Model"), the date (a field or a lookup path) after which the
retention period starts, the free-text fields to empty, the filter that says a row is finished
(open matters are never purged), and where the row's community is. Titles, statuses and links are
kept, so counts and reports stay right. A misspelt model or field stops the start-up
(naober/privacy/apps.py); the exchange and outreach entries live here until those apps carry
their own file.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Purgeable:
    model: str
    date_field: str
    text_fields: tuple[str, ...]
    closed: dict = field(default_factory=dict)
    community_field: str = "community"


PURGEABLE = [
    Purgeable(
        "exchange.HelpRequest",
        "created_at",
        ("description", "disclosure"),
        closed={"status__in": ["done", "cancelled", "referred"]},
    ),
    Purgeable("outreach.HouseVisit", "visited_on", ("notes",)),
    Purgeable(
        "outreach.VisitDomain",
        "visit__visited_on",
        ("talents", "wishes", "could_offer", "needs"),
        community_field="visit__community",
    ),
]
