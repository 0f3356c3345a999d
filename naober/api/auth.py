"""Bearer-token authentication for the API: the token identifies a Django user."""

from django.utils import timezone
from ninja.security import HttpBearer

from naober.api import second_factor
from naober.api.models import ApiToken, hash_token


class BearerToken(HttpBearer):
    def authenticate(self, request, token: str):
        if not token or len(token) > 200:
            return None
        found = (
            ApiToken.objects.usable()
            .select_related("user")
            .filter(key_hash=hash_token(token), user__is_active=True)
            .first()
        )
        if found is None:
            return None
        second_factor.require_for_token(found)
        now = timezone.now()
        # Writing last_used_at on every call would make every read a write; once a minute is enough.
        if found.last_used_at is None or (now - found.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        request.api_token = found
        return found.user
