"""Read-mostly admin for support staff; the real work happens on the pages and through services."""

from django.contrib import admin

from naober.exchange.models import FollowUp, HelpOffer, HelpRequest, Match, MatchEvent


class MatchEventInline(admin.TabularInline):
    model = MatchEvent
    extra = 0
    can_delete = False
    readonly_fields = ("from_state", "to_state", "by", "at", "note")


@admin.register(HelpRequest)
class HelpRequestAdmin(admin.ModelAdmin):
    list_display = ("code", "title", "community", "status", "channel", "created_at")
    list_filter = ("community", "status", "channel")
    search_fields = ("code", "title")
    raw_id_fields = ("requester", "entered_by", "referred_by", "preferred_helper")


@admin.register(HelpOffer)
class HelpOfferAdmin(admin.ModelAdmin):
    list_display = ("__str__", "community", "available", "max_per_month")
    list_filter = ("community", "available")
    raw_id_fields = ("helper", "area")


@admin.register(Match)
class MatchAdmin(admin.ModelAdmin):
    """State changes go through the services (locks, history); the admin only shows them."""

    list_display = ("id", "request", "helper", "mode", "state", "review_flag", "created_at")
    list_filter = ("community", "mode", "state", "review_flag")
    readonly_fields = ("state", "mode", "request", "offer", "helper", "community", "created_by")
    inlines = [MatchEventInline]


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    list_display = ("match", "kind", "due_at", "done_at", "would_help_others")
    list_filter = ("kind",)
    raw_id_fields = ("match", "by")
