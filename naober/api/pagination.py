"""Pagination exactly as API.md: ?limit= (default 50, max 200) and ?offset=, body {count, items}."""

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination


class Pagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(50, ge=1, le=200)
        # Bounded so that an absurd offset is a 422, not a database overflow.
        offset: int = Field(0, ge=0, le=10_000_000)
