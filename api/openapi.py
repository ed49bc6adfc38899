"""The OpenAPI 3.1 document, generated from the same route specs that build the router.

Every schema a route names (body, response, error, query, path) is rendered in one pass, so each `$ref` points at a
component that exists (two models of one name get distinct names). Query and path parameters carry their model's
schema (patterns, bounds, enums). tests/test_openapi.py validates the document and runs schemathesis against it.
"""
from __future__ import annotations

import re
from typing import Any, cast

from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode, models_json_schema

from api.routing import Route
from api.schemas.common import ErrorBody

_REF = "#/components/schemas/{model}"
_PATH_PARAM = re.compile(r"{(\w+)(?::[^}]*)?}")
Key = tuple[type[BaseModel], JsonSchemaMode]


def _inputs(route: Route) -> list[type[BaseModel]]:
    return [m for m in (route.body, route.query, route.path_params) if m is not None]


def _outputs(route: Route) -> list[type[BaseModel]]:
    return [m for m in (route.response, route.error_body or ErrorBody) if m is not None]


def _schemas(routes: list[Route]) -> tuple[dict[Key, dict[str, Any]], dict[str, Any]]:
    """Each model's reference, and the components they point at. Responses in serialization mode (aliases as
    sent, e.g. the statistics' `from`), requests in validation mode."""
    keys: set[Key] = {(m, "validation") for r in routes for m in _inputs(r)}
    keys |= {(m, "serialization") for r in routes for m in _outputs(r)}
    ordered = sorted(keys, key=lambda k: (k[0].__module__, k[0].__qualname__, k[1]))
    refs, top = models_json_schema(ordered, ref_template=_REF)
    return cast(dict[Key, dict[str, Any]], refs), top.get("$defs", {})  # keys: the BaseModels passed in


def _resolved(ref: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    return components[ref["$ref"].rsplit("/", 1)[1]]


def _parameter_schema(prop: dict[str, Any]) -> dict[str, Any]:
    """A property of a query or path model as a parameter schema: a parameter is absent or has a value, never null."""
    prop = {k: v for k, v in prop.items() if k != "title" and not (k == "default" and v is None)}
    options = [p for p in prop.get("anyOf", []) if p.get("type") != "null"]
    if "anyOf" in prop and len(options) == 1:
        rest = {k: v for k, v in prop.items() if k != "anyOf"}
        prop = {**options[0], **rest}
    elif "anyOf" in prop:
        prop["anyOf"] = options
    return prop


def _model_parameters(model: type[BaseModel] | None, where: str, components: dict[str, Any],
                      refs: dict[Key, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    if model is None:
        return {}
    schema = _resolved(refs[(model, "validation")], components)
    required = set(schema.get("required", []))
    params = {}
    for name, prop in schema.get("properties", {}).items():
        param: dict[str, Any] = {"name": name, "in": where, "required": where == "path" or name in required,
                                 "schema": _parameter_schema(prop)}
        if "description" in param["schema"]:
            param["description"] = param["schema"]["description"]
        params[name] = param
    return params


def _parameters(route: Route, components: dict[str, Any], refs: dict[Key, dict[str, Any]]) -> list[dict[str, Any]]:
    typed = _model_parameters(route.path_params, "path", components, refs)
    params = [
        typed.get(name) or {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
        for name in _PATH_PARAM.findall(route.path)
    ]
    return params + list(_model_parameters(route.query, "query", components, refs).values())


def _operation(route: Route, components: dict[str, Any], refs: dict[Key, dict[str, Any]]) -> dict[str, Any]:
    error = refs[(route.error_body or ErrorBody, "serialization")]
    op: dict[str, Any] = {
        "summary": route.summary,
        "operationId": route.handler.__name__,
        "tags": [route.tag],
        "parameters": _parameters(route, components, refs),
        "responses": {"default": {"description": "error", "content": {"application/json": {"schema": error}}}},
    }
    ok: dict[str, Any] = {"description": "no content" if route.status == 204 else "success"}
    if route.response is not None:
        ok["content"] = {route.response_media: {"schema": refs[(route.response, "serialization")]}}
    elif route.response_media != "application/json" and route.status != 204:
        ok["content"] = {route.response_media: {}}
    op["responses"][str(route.status)] = ok
    if route.body is not None:
        body = refs[(route.body, "validation")]
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
    elif route.request_media != ("application/json",):
        op["requestBody"] = {"required": True, "content": {m: {} for m in route.request_media}}
    if route.roles:
        op["security"] = [{"bearer": []}]
        op["x-roles"] = sorted(r.value for r in route.roles)
    return op


NOT_API = "console"  # the web console's pages and files are not part of the API


def openapi_document(routes: list[Route]) -> dict[str, Any]:
    api = [route for route in routes if route.tag != NOT_API]
    refs, components = _schemas(api)
    paths: dict[str, dict[str, Any]] = {}
    for route in api:
        paths.setdefault(route.path, {})[route.method.lower()] = _operation(route, components, refs)
    return {
        "openapi": "3.1.0",
        "info": {"title": "Aixin 爱心助农 API", "version": "1", "description": "消费扶贫小程序后端"},
        "paths": paths,
        "components": {
            "schemas": components,
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
