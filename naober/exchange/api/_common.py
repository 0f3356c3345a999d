"""The exchange's one router (mounted by naober/api through apps_registry) and what its handlers
share: bounded ids, the error responses, and a person of the community or 422.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Field, Router

from naober.api.deps import ERRORS, ErrorOut
from naober.people.selectors import people_of

router = Router(tags=["exchange"])


Id = Field(None, ge=1, le=2**62)


ERRORS_409 = {**ERRORS, 409: ErrorOut}


def _person_or_422(actor, person_id: int | None, field: str):
    if person_id is None:
        return None
    person = people_of(actor.community).filter(pk=person_id).first()
    if person is None:
        raise ValidationError({field: [_("Choose someone of this community.")]})
    return person
