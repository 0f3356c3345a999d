"""Read-only admin for the message log: the log is a record, changed only by the services."""

from django.contrib import admin

from naober.notify.models import Message, SmsOutbox


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Message)
class MessageAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "community", "person", "event", "channel", "status", "attempts"]
    list_filter = ["community", "channel", "status", "event"]
    list_select_related = ["community", "person"]


@admin.register(SmsOutbox)
class SmsOutboxAdmin(ReadOnlyAdmin):
    list_display = ["sent_at", "to", "sender", "text"]
