"""A volunteer's profile, trainings and thanks, for the data export (see privacy.topics)."""

from django.utils.translation import gettext_lazy as _

from naober.privacy.topics import Group, Topic, leave_out, register
from naober.volunteering.models import Appreciation, Training, VolunteerProfile


def profile_view(reader, profile: VolunteerProfile) -> dict:
    return {
        "id": profile.pk,
        "agreement_signed_on": profile.agreement_signed_on,
        "vog_issued_on": profile.vog_issued_on,
        "insurance_note": profile.insurance_note,
        "will_not_do": profile.will_not_do,
        "max_per_month": profile.max_per_month,
        "availability": profile.availability,
        "created_at": profile.created_at,
    }


def training_view(reader, training: Training) -> dict:
    return {"id": training.pk, "name": training.name, "held_on": training.held_on}


def appreciation_view(reader, item: Appreciation) -> dict:
    return {"id": item.pk, "kind": item.kind, "given_on": item.given_on, "note": item.note}


register(
    Topic(
        key="volunteering.profile",
        title=_("Volunteer details"),
        group=Group.YOU,
        model=VolunteerProfile,
        covers=("volunteering.VolunteerProfile.person",),
        rows=lambda person: VolunteerProfile.objects.filter(person=person),
        view=profile_view,
        labels={"created_at": _("volunteer since")},
        hidden_on_page=frozenset({"id"}),
    )
)
register(
    Topic(
        key="volunteering.trainings",
        title=_("Trainings"),
        group=Group.YOU,
        model=Training,
        covers=(),
        rows=lambda person: Training.objects.filter(profile__person=person).order_by("pk"),
        view=training_view,
        hidden_on_page=frozenset({"id"}),
    )
)
register(
    Topic(
        key="volunteering.appreciations",
        title=_("Thanks received"),
        group=Group.YOU,
        model=Appreciation,
        covers=(),
        rows=lambda person: Appreciation.objects.filter(profile__person=person).order_by("pk"),
        view=appreciation_view,
        hidden_on_page=frozenset({"id"}),
    )
)
leave_out(
    "volunteering.Appreciation.by",
    "the coordinator who thanked a volunteer: in the volunteer's data",
)
