"""Admin for support staff: settings, wishes and locations (coordinates are never shown on
pages, only here, for fixing a wrong geocoding answer)."""

from django.contrib import admin

from naober.matchmaking.models import MatchingSettings, PersonLocation, RequestWish


@admin.register(MatchingSettings)
class MatchingSettingsAdmin(admin.ModelAdmin):
    list_display = ("community", "category", "distance", "updated_at")


@admin.register(RequestWish)
class RequestWishAdmin(admin.ModelAdmin):
    list_display = ("request", "gender", "updated_at")
    raw_id_fields = ("request",)


@admin.register(PersonLocation)
class PersonLocationAdmin(admin.ModelAdmin):
    list_display = ("person", "source", "geocoded_at")
    raw_id_fields = ("person",)
