"""What other apps may hear from the communities app, which sits below them and imports none.

`community_created` is sent inside the transaction that creates a community (with `community=`),
so an app that gives every community its own starting rows (the exchange: the standard
categories) connects a receiver in its AppConfig.ready() and adds them in the same transaction.

`login_switched_off` is sent inside the transaction that switches a member's login off (with
`user=`, see roles.set_login_active), so that the API ends that login's tokens in the same step.
"""

from django.dispatch import Signal

community_created = Signal()
login_switched_off = Signal()
