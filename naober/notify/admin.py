"""Read-only admin for the message log: the log is a record, changed only by the services."""

from django.contrib import admin

from naober.notify.models import Message, SmsOutbox
from naober.people.models import Person
from naober.privacy.admin_audit import AuditedReadAdmin


class ReadOnlyAdmin(AuditedReadAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Message)
class MessageAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "community", "person", "event", "channel", "status", "attempts"]
    list_filter = ["community", "channel", "status", "event"]
    list_select_related = ["community", "person"]
    audit_fields = ("body",)

    def shown_people(self, obj) -> list:
        return [obj.person]


@admin.register(SmsOutbox)
class SmsOutboxAdmin(ReadOnlyAdmin):
    list_display = ["sent_at", "to", "sender", "text"]
    audit_fields = ("phone",)

    def shown_people(self, obj) -> list:
        """Whoever has this number: the outbox keeps the number, not the person."""
        return list(Person.objects.filter(phone=obj.to, erased_at__isnull=True)[:5])
