"""The OpenAPI 3.1 document, generated from the same route specs that build the router."""
from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from api.routing import Route
from api.schemas.common import ErrorBody

_REF = "#/components/schemas/{model}"
_PATH_PARAM = re.compile(r"{(\w+)(?::[^}]*)?}")


def _component_schemas(routes: list[Route]) -> dict[str, Any]:
    models: set[type[BaseModel]] = {ErrorBody}
    for r in routes:
        models.update(m for m in (r.body, r.response) if m is not None)
    ordered = sorted(models, key=lambda m: m.__name__)
    _, top = models_json_schema([(m, "validation") for m in ordered], ref_template=_REF)
    return top.get("$defs", {})


def _parameters(route: Route) -> list[dict[str, Any]]:
    params = [
        {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
        for name in _PATH_PARAM.findall(route.path)
    ]
    if route.query is not None:
        schema = route.query.model_json_schema(ref_template=_REF)
        required = set(schema.get("required", []))
        params += [
            {"name": name, "in": "query", "required": name in required, "schema": prop}
            for name, prop in schema.get("properties", {}).items()
        ]
    return params


def _operation(route: Route) -> dict[str, Any]:
    op: dict[str, Any] = {
        "summary": route.summary,
        "operationId": route.handler.__name__,
        "tags": [route.tag],
        "parameters": _parameters(route),
        "responses": {"default": {"description": "error", "content": {"application/json": {"schema": {"$ref": _REF.format(model="ErrorBody")}}}}},
    }
    ok: dict[str, Any] = {"description": "success"}
    if route.response is not None:
        ok["content"] = {route.response_media: {"schema": {"$ref": _REF.format(model=route.response.__name__)}}}
    elif route.response_media != "application/json":
        ok["content"] = {route.response_media: {}}
    op["responses"]["200"] = ok
    if route.body is not None:
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": {"$ref": _REF.format(model=route.body.__name__)}}}}
    elif route.request_media != ("application/json",):
        op["requestBody"] = {"required": True, "content": {m: {} for m in route.request_media}}
    if route.roles:
        op["security"] = [{"bearer": []}]
        op["x-roles"] = sorted(r.value for r in route.roles)
    return op


NOT_API = "console"  # the web console's pages and files are not part of the API


def openapi_document(routes: list[Route]) -> dict[str, Any]:
    paths: dict[str, dict[str, Any]] = {}
    for route in routes:
        if route.tag == NOT_API:
            continue
        paths.setdefault(route.path, {})[route.method.lower()] = _operation(route)
    return {
        "openapi": "3.1.0",
        "info": {"title": "Aixin 爱心助农 API", "version": "1", "description": "消费扶贫小程序后端"},
        "paths": paths,
        "components": {
            "schemas": _component_schemas(routes),
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }


class LazyDocument:
    """The OpenAPI document, built on first request: rendering every schema costs about half a second,
    which a worker should not spend before it can answer."""

    def __init__(self, routes: list[Route]) -> None:
        self._routes = routes
        self._document: dict[str, Any] | None = None

    @property
    def document(self) -> dict[str, Any]:
        if self._document is None:
            self._document = openapi_document(self._routes)
        return self._document
