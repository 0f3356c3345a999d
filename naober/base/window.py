"""One page of a long list without counting the whole list.

Django's Paginator counts every row to number the pages; for a city's 100,000 residents that
count is the slowest part of the page and grows with the city (issue 16). A window reads one row
more than it shows: enough to know whether there is a next page, at the same cost however long
the list is.
"""

from dataclasses import dataclass

#: A page number beyond this is read as the last one allowed (an OFFSET that large is slow).
MAX_PAGE = 1_000


@dataclass(frozen=True)
class Window:
    items: list
    number: int
    has_next: bool

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1


def window(rows, page: str | None, size: int) -> Window:
    """Page `page` (1 when missing or not a number) of `rows` (an ordered queryset)."""
    number = int(page) if page and page.isdigit() else 1
    number = min(max(number, 1), MAX_PAGE)
    start = (number - 1) * size
    items = list(rows[start : start + size + 1])
    return Window(items=items[:size], number=number, has_next=len(items) > size)
