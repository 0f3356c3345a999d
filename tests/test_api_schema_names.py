"""Every API schema class has its own name: the OpenAPI document keys schemas by class name, so two
apps with a `SummaryOut` each would silently describe one endpoint with the other's schema."""

from collections import defaultdict

from ninja import Schema


def _all_subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _all_subclasses(sub)


def test_schema_class_names_are_unique(db):
    import naober.urls  # noqa: F401 - mounts every app's router, importing its schemas

    by_name = defaultdict(set)
    for schema in _all_subclasses(Schema):
        if schema.__module__.startswith("naober."):
            by_name[schema.__name__].add(f"{schema.__module__}.{schema.__qualname__}")
    clashes = {name: places for name, places in by_name.items() if len(places) > 1}
    assert not clashes, f"rename one of each: {clashes}"
