"""The exchange reaches the apps above it only through what they register in exchange.integrations
(the layer order forbids importing them): every function it asks for is registered at start-up,
by the app that owns it, and a missing one is a clear configuration error, not a silent gap."""

from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured

from naober.exchange import integrations


@pytest.mark.parametrize("name", sorted(integrations.PROVIDERS))
def test_every_function_is_registered_by_its_app(name):
    function = integrations._registered[name]
    assert function.__module__.startswith(integrations.PROVIDERS[name] + ".")


def test_a_function_nobody_registered_is_a_configuration_error():
    with (
        mock.patch.dict(integrations._registered, clear=True),
        pytest.raises(ImproperlyConfigured, match="naober.desk"),
    ):
        integrations.callbacks_due(actor=None)


def test_registering_a_name_the_exchange_does_not_ask_for_is_refused():
    with pytest.raises(ImproperlyConfigured):
        integrations.register(sugestions=print)
