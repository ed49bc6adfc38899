"""Officials review certification applications of their region at their level; the national administrator reads
every official_queue. Who sees and acts on what: models/services/region_scope.py, docs/certification.md."""
from __future__ import annotations

from aiohttp import web

from api.auth import current_user
from api.handlers.supplier_applications import application_out, document_files, document_response
from api.keys import SEARCH
from api.responses import json_ok
from api.routing import ADMIN, OFFICIAL, Route
from api.schemas.certification import (
    ApplicationOut,
    ApplicationPage,
    ApplicationPath,
    ApplicationQuery,
    ApproveIn,
    DocumentPath,
    ExpiringOut,
    ExpiringPage,
    ExpiringQuery,
)
from api.schemas.common import Reason
from api.validation import parse_json, parse_path, parse_query
from models.clock import today_shanghai
from models.services import cert_documents, cert_reviews
from models.tables.certification import AppState, CertApplication

READERS = OFFICIAL | ADMIN


async def _out(request: web.Request, application: CertApplication) -> ApplicationOut:
    return await application_out(request, application, application.supplier.name)


async def official_queue(request: web.Request) -> web.Response:
    q = parse_query(request, ApplicationQuery)
    rows, total = await cert_reviews.queue(current_user(request), q.state, q.offset, q.page_size)
    return json_ok(ApplicationPage(items=[await _out(request, a) for a in rows], total=total))


async def official_application(request: web.Request) -> web.Response:
    application_id = parse_path(request, ApplicationPath).id
    return json_ok(await _out(request, await cert_reviews.visible_application(current_user(request), application_id)))


async def official_approve(request: web.Request) -> web.Response:
    application_id = parse_path(request, ApplicationPath).id
    body = await parse_json(request, ApproveIn)
    application = await cert_reviews.approve(current_user(request), application_id, body.cert_no, body.valid_until)
    if application.state == AppState.CERTIFIED:
        await request.config_dict[SEARCH].follow()  # this worker's index at once, the others within a poll
    return json_ok(await _out(request, application))


async def _send_back(request: web.Request, reject: bool) -> web.Response:
    application_id = parse_path(request, ApplicationPath).id
    body = await parse_json(request, Reason)
    application = await cert_reviews.send_back(current_user(request), application_id, body.reason, reject=reject)
    return json_ok(await _out(request, application))


async def official_return(request: web.Request) -> web.Response:
    return await _send_back(request, reject=False)


async def official_reject(request: web.Request) -> web.Response:
    return await _send_back(request, reject=True)


async def official_document(request: web.Request) -> web.Response:
    path = parse_path(request, DocumentPath)
    found, data = await cert_documents.read_visible(current_user(request), path.id, path.doc_id,
                                                    document_files(request))
    return document_response(found, data)


async def official_expiring(request: web.Request) -> web.Response:
    q = parse_query(request, ExpiringQuery)
    rows, total = await cert_reviews.expiring(current_user(request), q.days, q.offset, q.page_size)
    today = today_shanghai()
    return json_ok(ExpiringPage(items=[ExpiringOut.of(p, today) for p in rows], total=total))


_A = "/api/v1/official/applications"
_NOT_YOURS = "404 application_not_found outside the caller's region; 409 application_not_waiting when it is not at "
ROUTES = [
    Route("GET", _A, official_queue, READERS, "Applications waiting for my step in my region (a county official: "
          "submitted ones of the county; city: county_reviewed ones of the city; province: city_reviewed ones, and "
          "county_reviewed ones of counties under no city); with state=: my region's applications in that state. "
          "The administrator: the whole country", "certification", query=ApplicationQuery, response=ApplicationPage),
    Route("GET", f"{_A}/{{id}}", official_application, READERS, "An application of my region with its documents and "
          "steps (404 outside it)", "certification", response=ApplicationOut, path_params=ApplicationPath),
    Route("POST", f"{_A}/{{id}}/approve", official_approve, OFFICIAL, "Approve at my level: county → county_reviewed, "
          "city → city_reviewed, province → certified with {cert_no, valid_until} (422 certificate_required): "
          f"the product (and a first-time supplier) certified and sellable at once. {_NOT_YOURS}my level",
          "certification", body=ApproveIn, response=ApplicationOut, path_params=ApplicationPath),
    Route("POST", f"{_A}/{{id}}/return", official_return, OFFICIAL, "Return to the supplier with a reason (it may "
          f"correct and resubmit). {_NOT_YOURS}my level", "certification", body=Reason, response=ApplicationOut,
          path_params=ApplicationPath),
    Route("POST", f"{_A}/{{id}}/reject", official_reject, OFFICIAL, "Reject for good, with a reason. "
          f"{_NOT_YOURS}my level", "certification", body=Reason, response=ApplicationOut,
          path_params=ApplicationPath),
    Route("GET", f"{_A}/{{id}}/documents/{{doc_id}}", official_document, READERS,
          "A document of an application of my region", "certification",
          response_media="application/octet-stream", path_params=DocumentPath),
    Route("GET", "/api/v1/official/certificates/expiring", official_expiring, READERS, "Certified products of my "
          "region (the administrator: all) whose certificate ends within `days` days, soonest first", "certification",
          query=ExpiringQuery, response=ExpiringPage),
]
