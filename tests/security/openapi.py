"""Read the API's own OpenAPI document: its operations, a valid body for each, and wrong ones.

The document is generated from the routers that are mounted, so an endpoint added tomorrow is
probed by the API walk without touching the tests.
"""

from dataclasses import dataclass, field

from django.test import Client

BODY_METHODS = ("post", "put", "patch")
HUGE = "x" * 100_000
RTL = "\u202eTruus"
BAD_IDS = (0, -1, 2**63, 10**30, 999_999_999)


@dataclass
class Operation:
    method: str
    path: str  # "/api/v1/c/{community}/people/{person_id}"
    path_params: list[str] = field(default_factory=list)
    body: dict | None = None  # the JSON schema of the body, refs resolved lazily

    @property
    def in_community(self) -> bool:
        """Inside one community (/api/v1/c/{community}/...): a non-member gets 404 there."""
        return self.path.startswith("/api/v1/c/{community}")

    @property
    def platform(self) -> bool:
        """A platform operation about a community (/api/v1/communities/{community}/...):
        superusers only, like creating a community (API.md), so others get 403, not 404."""
        return "{community}" in self.path and not self.in_community

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.path}"


class Document:
    def __init__(self, data: dict):
        self.data = data
        self.schemas = data.get("components", {}).get("schemas", {})

    def resolve(self, schema: dict) -> dict:
        while "$ref" in schema:
            schema = self.schemas[schema["$ref"].rsplit("/", 1)[-1]]
        return schema

    def operations(self) -> list[Operation]:
        found = []
        for path, item in self.data["paths"].items():
            for method, spec in item.items():
                if method not in ("get", "post", "put", "patch", "delete"):
                    continue
                params = [p["name"] for p in spec.get("parameters", []) if p["in"] == "path"]
                content = spec.get("requestBody", {}).get("content", {})
                body = content.get("application/json", {}).get("schema")
                found.append(Operation(method, path, params, body))
        return found

    # --- bodies ----------------------------------------------------------------------------

    def example(self, schema: dict | None, depth: int = 0):
        """A value that fits the schema: required fields only, the simplest allowed values."""
        if schema is None:
            return {}
        schema = self.resolve(schema)
        for key in ("anyOf", "oneOf"):
            if key in schema:
                options = [s for s in schema[key] if self.resolve(s).get("type") != "null"]
                return self.example(options[0] if options else {}, depth)
        if "allOf" in schema:
            return self.example(schema["allOf"][0], depth)
        if "default" in schema:
            return schema["default"]
        if "enum" in schema:
            return schema["enum"][0]
        kind = schema.get("type")
        if kind == "object" or "properties" in schema:
            if depth > 3:
                return {}
            props = schema.get("properties", {})
            return {
                name: self.example(props[name], depth + 1)
                for name in schema.get("required", [])
                if name in props
            }
        if kind == "array":
            items = schema.get("items", {})
            return [self.example(items, depth + 1) for _ in range(schema.get("minItems", 0))]
        if kind == "integer":
            return max(int(schema.get("minimum", 1)), 1)
        if kind == "number":
            return max(float(schema.get("minimum", 1)), 1.0)
        if kind == "boolean":
            return True
        if kind == "string":
            return {
                "date": "2025-01-15",
                "date-time": "2025-01-15T10:00:00+01:00",
                "email": "probe@voorbeeld.nl",
                "time": "10:00",
                "uri": "https://voorbeeld.nl",
            }.get(schema.get("format"), "Proef" + "x" * max(schema.get("minLength", 0) - 5, 0))
        return "Proef"

    def properties(self, schema: dict | None) -> dict:
        if schema is None:
            return {}
        return self.resolve(schema).get("properties", {})

    def kind_of(self, schema: dict) -> str:
        schema = self.resolve(schema)
        for key in ("anyOf", "oneOf"):
            if key in schema:
                kinds = [self.kind_of(s) for s in schema[key]]
                return next((k for k in kinds if k != "null"), "any")
        if "enum" in schema:
            return "enum"
        return schema.get("type", "object" if "properties" in schema else "any")

    def wrong_values(self, schema: dict) -> list:
        """Values of the wrong type, out of range or hostile for one field: a 100 KB string for
        every field, NUL bytes and right-to-left overrides for text, absurd numbers for ids."""
        return {
            "string": [12, HUGE, "a\x00b", RTL, "\ud800"],
            "enum": ["bestaat-niet", HUGE],
            "integer": ["abc", HUGE, *BAD_IDS],
            "number": ["abc", HUGE, 1e308],
            "boolean": ["misschien", HUGE],
            "array": ["tekst", [HUGE], [2**63], [{"nested": [None]}]],
            "object": ["tekst", HUGE, []],
        }.get(self.kind_of(schema), [2**63, HUGE, {"nested": [None]}])


def load(client: Client | None = None) -> Document:
    response = (client or Client()).get("/api/v1/openapi.json")
    assert response.status_code == 200
    return Document(response.json())
