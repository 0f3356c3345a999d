"""No copy of a logged-in answer stays behind in a browser cache or a proxy (issue 12.8).

Every response to a logged-in person (a session) or to an API call with a token can hold personal
data: a resident's name, phone number, visit notes, an export. Marking them here, once, covers
every page and operation, also the ones added tomorrow; a view never has to remember it.
Anonymous pages (the public community page, the survey) and static files stay cacheable.
"""

from django.utils.cache import add_never_cache_headers


class NoStoreForLoggedInMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or "HTTP_AUTHORIZATION" in request.META:
            # max-age=0, no-cache, no-store, must-revalidate, private, and an Expires in the past.
            add_never_cache_headers(response)
        return response
