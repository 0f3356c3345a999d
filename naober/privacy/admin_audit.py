"""The Django admin reads personal data too: its list and change pages are audited like any page.

An admin class that shows someone's contact details or the messages sent to them mixes in
`AuditedReadAdmin` and says whose data a row shows (`shown_people`) and which fields. Every list
page then records one audit entry per person on it, every change page one for its row, with the
administrator's own person in that community as the actor (issue 12.6).
"""

from django.contrib import admin

from naober.communities.context import Actor
from naober.people.models import Person
from naober.privacy.audit import record_access


class AuditedReadAdmin(admin.ModelAdmin):
    audit_fields: tuple[str, ...] = ()

    def shown_people(self, obj) -> list:
        """The people whose data this row shows; override per model."""
        return []

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = (getattr(response, "context_data", None) or {}).get("cl")
        if changelist is not None:
            self.record_reads(request, list(changelist.result_list), "admin: list")
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        original = (getattr(response, "context_data", None) or {}).get("original")
        if original is not None:
            self.record_reads(request, [original], "admin: one row")
        return response

    def record_reads(self, request, rows, purpose: str) -> None:
        seen = set()
        for row in rows:
            for person in self.shown_people(row):
                if person is None or person.pk in seen:
                    continue
                seen.add(person.pk)
                reader = Person.objects.filter(
                    community_id=person.community_id, user=request.user
                ).first()
                actor = Actor(community=person.community, person=reader)
                record_access(actor, person, purpose, list(self.audit_fields))
