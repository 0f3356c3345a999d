"""A base for PATCH bodies: a field left out stays as it is, and null never stands for a list.

`{"categories": null}` used to reach the services as None where they expect a list, and fail
there with a 500. A list is emptied with `[]`; null where a list belongs is answered with 422
like any other value of the wrong type.
"""

import types
import typing

from ninja import Schema
from pydantic import model_validator


def _is_list(annotation) -> bool:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return any(_is_list(arg) for arg in typing.get_args(annotation))
    return typing.get_origin(annotation) in (list, set, tuple) or annotation in (list, set, tuple)


class Patch(Schema):
    @model_validator(mode="before")
    @classmethod
    def _no_null_lists(cls, data):
        raw = getattr(data, "_obj", data)  # ninja wraps the body in a DjangoGetter
        if isinstance(raw, dict):
            for name, field in cls.model_fields.items():
                key = field.alias or name
                if key in raw and raw[key] is None and _is_list(field.annotation):
                    raise ValueError(f"{key}: a list is expected, not null")
        return data
