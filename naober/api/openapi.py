"""The OpenAPI document promises the error format on every operation.

Every operation can answer 400 (unreadable body), 401, 403, 404 and 422 with {"detail", "code"}
(API.md, "Errors"), but django-ninja only documents the codes a route lists itself, and paginated
lists can list none. Adding them here keeps the document true, which schemathesis checks.
"""

from ninja import NinjaAPI

ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "detail": {"type": "string"},
        "code": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object"}},
    },
    "required": ["detail", "code"],
}
ERROR_CODES = {
    "400": "The request could not be read",
    "401": "Not logged in",
    "403": "Not allowed for your role",
    "404": "Not found (also for another community)",
    "422": "Invalid input",
}


class DocumentedErrorsAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                for code, description in ERROR_CODES.items():
                    responses.setdefault(
                        code,
                        {
                            "description": description,
                            "content": {"application/json": {"schema": ERROR_SCHEMA}},
                        },
                    )
        return schema
