"""Why a delivery failed, and whether trying again later can help."""


class DeliveryError(Exception):
    """A message could not be delivered.

    `retryable` is True for passing trouble (a gateway down, a timeout, a mail server that does not
    answer): the task tries again later. It is False when retrying cannot help (no phone number).
    """

    def __init__(self, reason: str, *, retryable: bool = True):
        super().__init__(reason)
        self.retryable = retryable
