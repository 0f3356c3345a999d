"""Pagination exactly as API.md: ?limit= (default 50, max 200) and ?offset=, body {count, items}."""

from collections.abc import Callable, Sequence

from django.db.models import QuerySet
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination


class Pagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(50, ge=1, le=200)
        # Bounded so that an absurd offset is a 422, not a database overflow.
        offset: int = Field(0, ge=0, le=10_000_000)


class Mapped(Sequence):
    """A list endpoint's rows, each shown through `view` only when its page is cut out.

    Handlers return `Mapped(rows, view)` instead of `[view(r) for r in rows]`: pagination slices
    the queryset first, so a page of 50 loads and converts 50 rows (not the whole community) and
    the count is one COUNT query. Same items, same order, same count as the list.
    """

    def __init__(self, rows, view: Callable, *, per_page: bool = False):
        """per_page: `view` takes the page's rows as a list and returns their items (for views
        that do one thing for the whole page, such as one audit step for every card shown)."""
        self.rows = rows
        self.view = view
        self.per_page = per_page

    def __len__(self) -> int:
        return self.rows.count() if isinstance(self.rows, QuerySet) else len(self.rows)

    def __getitem__(self, index):
        if isinstance(index, slice):
            page = list(self.rows[index])
            return self.view(page) if self.per_page else [self.view(row) for row in page]
        row = self.rows[index]
        return self.view([row])[0] if self.per_page else self.view(row)
