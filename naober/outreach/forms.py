"""Forms for outreach pages. They parse input; the rules live in services, triage and meetings."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from naober.communities.area_picker import AreaChoiceField
from naober.communities.permissions import RULES, Action
from naober.directory.selectors import organisations_of
from naober.outreach.models import (
    AgendaKind,
    EntryKind,
    SignalAction,
    SignalKind,
    SignalStatus,
    Trits,
    Urgency,
    VisitOutcome,
)
from naober.people.models import LifeDomain
from naober.people.person_picker import PersonSearchField
from naober.people.selectors import people_of

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, person):
        """Name and street only: house numbers stay on the walk list itself."""
        return f"{person.name} ({person.public_place})" if person.public_place else person.name


def _people(community, action: Action | None = None):
    qs = people_of(community).select_related("area")
    if action is None:
        return qs.order_by("name")
    # By role in the database, not every person's roles in Python: a city has 100,000 (issue 16).
    return qs.filter(memberships__role__in=RULES[action]).distinct().order_by("name")


class WalkListForm(forms.Form):
    name = forms.CharField(label=_("Name of the walk list"), max_length=120)
    area = AreaChoiceField(
        label=_("Street or neighbourhood"), empty_label=_("Choose a neighbourhood or street")
    )
    round = forms.IntegerField(label=_("Round"), min_value=1, max_value=100, initial=1)
    capacity_per_visitor = forms.IntegerField(
        label=_("Visits per visitor"), min_value=1, max_value=100, initial=15
    )

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].bind(community)


class EveryNthForm(forms.Form):
    every = forms.IntegerField(
        label=_("Every how many houses?"), min_value=1, max_value=100, initial=10
    )
    start = forms.IntegerField(
        label=_("Start with house number (position)"), min_value=1, max_value=100, initial=1
    )


class RangeForm(forms.Form):
    street = forms.CharField(label=_("Street"), max_length=150)
    first = forms.IntegerField(label=_("First house number"), min_value=1, max_value=100_000)
    last = forms.IntegerField(label=_("Last house number"), min_value=1, max_value=100_000)
    every = forms.IntegerField(
        label=_("Every how many numbers?"), min_value=1, max_value=100, initial=10
    )


class AddPersonForm(forms.Form):
    person = PersonSearchField(label=_("Resident"))
    kind = forms.ChoiceField(
        label=_("Why this resident?"),
        choices=[
            (EntryKind.SELF_REGISTERED, EntryKind.SELF_REGISTERED.label),
            (EntryKind.REFERRED, EntryKind.REFERRED.label),
        ],
        widget=forms.RadioSelect,
    )
    referred_by = forms.CharField(
        label=_("Referred by (organisation)"), max_length=120, required=False
    )

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].bind(people_of(community))


class AssignForm(forms.Form):
    visitor = PersonSearchField(label=_("Visitor"))
    entries = forms.ModelMultipleChoiceField(
        label=_("Addresses"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, walk_list, **kwargs):
        super().__init__(*args, **kwargs)
        # In the database: a city has 24,000 volunteers (issue 16).
        self.fields["visitor"].bind(
            people_of(walk_list.community)
            .filter(memberships__role__in=RULES[Action.RECORD_VISIT])
            .distinct()
        )
        self.fields["entries"].queryset = walk_list.entries.all()


class VisitForm(forms.Form):
    """The visit, with one fieldset per life domain (see visit_form.html)."""

    person = PersonSearchField(label=_("Resident (if known)"), required=False)
    address = forms.CharField(label=_("Address"), max_length=200, required=False)
    visited_on = forms.DateField(label=_("Date of the visit"), widget=DATE)
    outcome = forms.ChoiceField(
        label=_("How did it go?"), choices=VisitOutcome.choices, widget=forms.RadioSelect
    )
    notes = forms.CharField(
        label=_("Notes"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    consent_notes = forms.ChoiceField(
        label=_("May we keep notes of this visit?"),
        required=False,
        widget=forms.RadioSelect,
        choices=[("yes", _("Yes")), ("no", _("No")), ("", _("Not asked"))],
    )
    consent_matching = forms.ChoiceField(
        label=_("May we look for neighbours who can help, or whom the resident can help?"),
        required=False,
        widget=forms.RadioSelect,
        choices=[("yes", _("Yes")), ("no", _("No")), ("", _("Not asked"))],
    )

    DOMAIN_FIELDS = (
        ("talents", _("Talents")),
        ("wishes", _("Wishes and possibilities")),
        ("could_offer", _("What the resident could offer")),
        ("needs", _("What the resident needs")),
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].bind(people)
        self.fields["visited_on"].initial = timezone.localdate()
        for domain in LifeDomain:
            for name, label in self.DOMAIN_FIELDS:
                self.fields[f"{domain.value}-{name}"] = forms.CharField(
                    label=label,
                    max_length=1000,
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 2}),
                )
            self.fields[f"{domain.value}-trits"] = forms.ChoiceField(
                label=_("Who can solve it?"),
                required=False,
                widget=forms.RadioSelect,
                choices=[("", _("Not discussed")), *Trits.choices],
            )

    def domain_groups(self):
        """(domain label, bound fields) per life domain, for one fieldset each."""
        return [
            (
                domain.label,
                [
                    self[f"{domain.value}-{name}"]
                    for name in [n for n, _l in self.DOMAIN_FIELDS] + ["trits"]
                ],
            )
            for domain in LifeDomain
        ]

    def visit_data(self) -> dict:
        data = self.cleaned_data
        answer = {"yes": True, "no": False}
        return {
            "person": data["person"],
            "address": data["address"],
            "visited_on": data["visited_on"],
            "outcome": data["outcome"],
            "notes": data["notes"],
            "consent_notes": answer.get(data["consent_notes"]),
            "consent_matching": answer.get(data["consent_matching"]),
            "domains": {
                domain.value: {
                    name: data[f"{domain.value}-{name}"]
                    for name in [n for n, _l in self.DOMAIN_FIELDS] + ["trits"]
                }
                for domain in LifeDomain
            },
        }


class ConvertForm(forms.Form):
    """Per life domain: take the offer and/or the need along, under a kind of help."""

    def __init__(self, *args, visit, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for row in visit.domains.all():
            for part, text in (("offer", row.could_offer), ("request", row.needs)):
                if not text:
                    continue
                label = (_("Offer: %(text)s") if part == "offer" else _("Request: %(text)s")) % {
                    "text": text[:80]
                }
                take = f"{part}-{row.domain}"
                self.fields[take] = forms.BooleanField(label=label, required=False)
                self.fields[f"{take}-category"] = forms.ModelChoiceField(
                    label=_("Kind of help"),
                    queryset=categories,
                    required=False,
                    empty_label=_("Choose the kind of help"),
                )
                self.rows.append((part, row.domain, take))

    def clean(self):
        data = super().clean()
        for _part, _domain, take in self.rows:
            if data.get(take) and not data.get(f"{take}-category"):
                self.add_error(f"{take}-category", _("Choose a kind of help."))
        return data

    def chosen(self) -> tuple[dict, dict]:
        offers, requests = {}, {}
        for part, domain, take in self.rows:
            if self.cleaned_data.get(take):
                target = offers if part == "offer" else requests
                target[domain] = self.cleaned_data[f"{take}-category"]
        return offers, requests


class SignalForm(forms.Form):
    description = forms.CharField(
        label=_("What did you notice?"), max_length=4000, widget=forms.Textarea(attrs={"rows": 5})
    )
    urgency = forms.ChoiceField(
        label=_("How urgent is it?"),
        choices=Urgency.choices,
        initial=Urgency.NORMAL,
        widget=forms.RadioSelect,
    )
    kind = forms.ChoiceField(
        label=_("What is it about?"),
        choices=SignalKind.choices,
        initial=SignalKind.INDIVIDUAL,
        widget=forms.RadioSelect,
    )
    person_concerned = PersonSearchField(
        label=_("Which resident is it about?"),
        required=False,
        help_text=_("Only the core group and the coordinators see this."),
    )

    def __init__(self, *args, community, can_name_person: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if can_name_person:
            self.fields["person_concerned"].bind(people_of(community))
        else:
            del self.fields["person_concerned"]


class TriageForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=SignalStatus.choices)
    assignee = PersonChoice(
        label=_("Who looks into it?"), queryset=None, required=False, empty_label=_("nobody yet")
    )
    action = forms.ChoiceField(
        label=_("What will we do?"), choices=SignalAction.choices, required=False
    )
    due_on = forms.DateField(label=_("Ready by"), required=False, widget=DATE)
    outcome = forms.CharField(
        label=_("Outcome (for the core group)"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    public_outcome = forms.CharField(
        label=_("What we tell the person who raised it"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("No names, no details: only what happened, in plain words."),
    )
    note = forms.CharField(label=_("Note for the history"), max_length=200, required=False)

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = _people(community, Action.TRIAGE_SIGNALS)


class PassOnForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=None, empty_label=_("Choose an organisation")
    )

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations_of(community).order_by("name")


class MeetingForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=DATE)
    place = forms.CharField(label=_("Place"), max_length=120, required=False)
    attendees = forms.ModelMultipleChoiceField(
        label=_("Present"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = _people(community, Action.TRIAGE_SIGNALS)


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Subject"), max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            (AgendaKind.PROPOSAL, AgendaKind.PROPOSAL.label),
            (AgendaKind.OTHER, AgendaKind.OTHER.label),
        ],
        widget=forms.RadioSelect,
        initial=AgendaKind.OTHER,
    )


class DecisionForm(forms.Form):
    item = forms.ModelChoiceField(
        label=_("About subject"), queryset=None, required=False, empty_label=_("no subject")
    )
    text = forms.CharField(
        label=_("Decision"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    action = forms.ChoiceField(label=_("Action"), choices=SignalAction.choices, required=False)
    decided_by = forms.ModelMultipleChoiceField(
        label=_("Decided by"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = meeting.agenda.all()
        self.fields["item"].label_from_instance = lambda item: item.title[:80]
        self.fields["decided_by"].queryset = _people(meeting.community, Action.TRIAGE_SIGNALS)
