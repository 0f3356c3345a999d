import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "naober.settings")
application = get_wsgi_application()
# gunicorn, granian and runserver all load this module: none of them serves the test settings
# (rate limits and the staff two-factor requirement off).
if settings.TESTING:
    raise ImproperlyConfigured("naober.settings_test is for the test run; serve naober.settings")
