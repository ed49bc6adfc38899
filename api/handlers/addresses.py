"""A consumer's delivery addresses, and the one-line address reader the chat assistant also uses."""
from __future__ import annotations

from dataclasses import asdict

from aiohttp import web

from api.auth import current_user
from api.keys import REGIONS
from api.responses import json_ok
from api.routing import CONSUMER, Route
from api.schemas.addresses import AddressIn, AddressLineIn, AddressList, AddressOut, AddressPatch, ParsedAddressOut
from api.schemas.catalog import IdPath
from api.validation import parse_json, parse_path
from models.services import addresses


async def list_addresses(request: web.Request) -> web.Response:
    rows = await addresses.list_addresses(current_user(request))
    return json_ok(AddressList(items=[AddressOut.of(a) for a in rows]))


async def create_address(request: web.Request) -> web.Response:
    body = await parse_json(request, AddressIn)
    address = await addresses.create_address(current_user(request), request.config_dict[REGIONS], **body.model_dump())
    return json_ok(AddressOut.of(address), status=201)


async def update_address(request: web.Request) -> web.Response:
    address_id = parse_path(request, IdPath).id
    body = await parse_json(request, AddressPatch)
    address = await addresses.update_address(current_user(request), request.config_dict[REGIONS], address_id,
                                             body.model_dump(exclude_unset=True))
    return json_ok(AddressOut.of(address))


async def delete_address(request: web.Request) -> web.Response:
    await addresses.delete_address(current_user(request), parse_path(request, IdPath).id)
    return web.Response(status=204)


async def parse_address_line(request: web.Request) -> web.Response:
    body = await parse_json(request, AddressLineIn)
    return json_ok(asdict(await addresses.parse_address_line(body.text, request.config_dict[REGIONS])))


_P = "/api/v1/me/addresses"
ROUTES = [
    Route("GET", _P, list_addresses, CONSUMER, "My delivery addresses (default first)", "addresses",
          response=AddressList),
    Route("POST", _P, create_address, CONSUMER, "Add a delivery address", "addresses", body=AddressIn,
          response=AddressOut, status=201),
    Route("PATCH", f"{_P}/{{id}}", update_address, CONSUMER, "Edit a delivery address", "addresses",
          body=AddressPatch, response=AddressOut, path_params=IdPath),
    Route("DELETE", f"{_P}/{{id}}", delete_address, CONSUMER, "Delete a delivery address", "addresses",
          path_params=IdPath, status=204),
    Route("POST", "/api/v1/addresses/parse", parse_address_line, CONSUMER,
          "Split a one-line Chinese address into its fields", "addresses", body=AddressLineIn,
          response=ParsedAddressOut),
]
