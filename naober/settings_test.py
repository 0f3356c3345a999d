"""Settings for the test run: the production settings with the protections that get in a test's way
turned off.

pytest uses this module (`--ds` in pyproject.toml), whatever DJANGO_SETTINGS_MODULE says; nothing
else does, and naober/wsgi.py refuses to serve with it. A test that checks a rate limit or the
staff two-factor requirement turns it on itself (`settings.RATE_LIMITS_ENABLED = True`).
"""

from naober.settings import *  # noqa: F403
from naober.settings import LOGGING, env_bool

TESTING = True
# Off unless a test turns them on: in its settings, or in the environment of a child process.
RATE_LIMITS_ENABLED = env_bool("RATE_LIMITS_ENABLED", False)
REQUIRE_2FA_FOR_STAFF = env_bool("REQUIRE_2FA_FOR_STAFF", False)
# No JSON access line per test request in the test output.
LOGGING["loggers"]["naober.access"]["level"] = "WARNING"
