"""Amounts of money as a reader of the page expects them: "€ 1.150,00" in Dutch text.

Templates localise numbers by themselves; Python strings (messages, titles) do not, and showed
"€ 150.00" on Dutch pages. Every amount put into a sentence in Python goes through `euro()`.
"""

from decimal import Decimal

from django.utils.formats import number_format


def euro(amount) -> str:
    """`euro(Decimal("1150"))` -> "€ 1.150,00" (in English: "€ 1,150.00")."""
    value = Decimal(amount or 0)
    return "€\u00a0" + number_format(value, 2, use_l10n=True, force_grouping=True)
