"""The export in words: the "Al uw gegevens" page.

The JSON file keeps codes and ids (it is for machines and for moving to another service). The page
is for the person: grouped by topic, labels from the model's own (translated) field names or the
topic's labels, choices as their labels, yes/no instead of True/False, dates in Dutch, lists as
sentences, and no ids or coordinates. A key with no readable label is not shown on the page (it is
in the file); a test makes sure no topic leaves a key without one.
"""

from datetime import date, datetime, time

from django.core.exceptions import FieldDoesNotExist
from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from naober.people.languages import names_of
from naober.privacy.topics import Group, Topic

GROUP_TITLES = {
    Group.YOU: gettext_lazy("Person and login"),
    Group.HELP: gettext_lazy("Asking and giving help"),
    Group.VISITS: gettext_lazy("House visits and signals"),
    Group.REFERRALS: gettext_lazy("Referrals"),
    Group.MESSAGES: gettext_lazy("Messages"),
    Group.COMMUNITY: gettext_lazy("Taking part in the neighbourhood"),
    Group.LOG: gettext_lazy("Who looked at the data"),
}
EMPTY = "–"


def _field(topic: Topic, key: str):
    try:
        return topic.model._meta.get_field(key)
    except FieldDoesNotExist:
        return None


def label_of(topic: Topic, key: str) -> str | None:
    """The readable label of a key, or None when it has none (then it stays off the page)."""
    if key in topic.labels:
        return str(topic.labels[key])
    model_field = _field(topic, key)
    if model_field is None or model_field.is_relation or not hasattr(model_field, "verbose_name"):
        return None
    # A label someone wrote is a lazy translation; Django's fallback is the English attribute name.
    if not isinstance(model_field.verbose_name, Promise):
        return None
    return str(model_field.verbose_name)


def text_of(topic: Topic, key: str, value) -> str:
    """One value in words."""
    if key in topic.readable:
        return str(topic.readable[key](value)) if value not in (None, "", []) else EMPTY
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    model_field = _field(topic, key)
    if model_field is not None and getattr(model_field, "choices", None):
        return str(dict(model_field.choices).get(value, value))
    if key == "languages":
        return names_of(value)
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, time):
        return formats.time_format(value, "TIME_FORMAT")
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    if isinstance(value, int | float):
        return formats.number_format(value)
    return str(value)


def row_in_words(topic: Topic, row: dict) -> list[tuple[str, str]]:
    """The labelled values of one row that belong on the page."""
    shown = []
    for key, value in row.items():
        if key == "id" or key in topic.hidden_on_page or isinstance(value, dict):
            continue
        label = label_of(topic, key)
        if label is not None:
            shown.append((label, text_of(topic, key, value)))
    return shown


def unlabelled_keys(topic: Topic, row: dict) -> set[str]:
    """Keys of a row that would be dropped from the page for want of a label (for the test)."""
    hidden = topic.hidden_on_page | {"id"}
    return {key for key in row if key not in hidden and label_of(topic, key) is None}


def grouped(sections) -> list[dict]:
    """Sections under their group headings, in the order of Group.ORDER."""
    groups = []
    for group in Group.ORDER:
        topics = [
            {
                "key": s.key,
                "title": str(s.title),
                "rows": [row_in_words(s.topic, row) for row in s.rows],
            }
            for s in sections
            if s.topic is not None and s.topic.group == group
        ]
        if topics:
            groups.append({"title": str(GROUP_TITLES[group]), "topics": topics})
    return groups
