"""Why a delivery failed, and whether trying again later can help."""

import re

# Control characters (NUL included) and lone surrogates: what a gateway may answer but no
# database column or web page should hold.
UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")
REASON_MAX = 300


def printable(text, limit: int = REASON_MAX) -> str:
    """`text` made safe to store and show: bytes decoded leniently, control characters replaced,
    cut to `limit` characters. A gateway's garbage must never crash the worker that records it."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    text = UNPRINTABLE.sub("\ufffd", str(text))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class DeliveryError(Exception):
    """A message could not be delivered.

    `reason` (a lazy translation, with `params` filled in when it is recorded in the site's
    language) is shown to coordinators in the message log; `detail` is what the outside party
    said, cleaned by `printable`.
    `retryable` is True for passing trouble (a gateway down, a timeout, a mail server that does not
    answer): the task tries again later. It is False when retrying cannot help (no phone number).
    """

    def __init__(self, reason, params: dict | None = None, *, detail="", retryable: bool = True):
        self.reason, self.params = reason, params or {}
        self.detail = printable(detail)
        self.retryable = retryable
        super().__init__(self.text())

    def text(self) -> str:
        """The reason with the outside party's words, as stored in Message.last_error."""
        reason = str(self.reason) % self.params if self.params else str(self.reason)
        return printable(f"{reason}: {self.detail}" if self.detail else reason, 500)
