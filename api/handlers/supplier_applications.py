"""A supplier's certification applications (supplier staff only; always the caller's own supplier): supplier_apply,
supplier_upload supporting documents, list, supplier_resubmit after a return, the prefilled supplier_renewal.
docs/certification.md."""
from __future__ import annotations

from aiohttp import BodyPartReader, web

from api.auth import current_user
from api.keys import REGIONS, SETTINGS
from api.responses import json_ok
from api.routing import SUPPLIER, Route
from api.schemas.certification import (
    ApplicationDraft,
    ApplicationIn,
    ApplicationOut,
    ApplicationPage,
    ApplicationPath,
    DocumentOut,
    DocumentPath,
    OwnApplicationQuery,
    ResubmitIn,
)
from api.validation import form_parts, parse_json, parse_path, parse_query
from models.errors import BadRequest, PayloadTooLarge, UnsupportedMediaType
from models.places.region_directory import RegionDirectory
from models.services import cert_applications, cert_documents
from models.storage.document_files import DocumentFiles
from models.tables.certification import CertApplication, CertDocument


async def _directory(request: web.Request) -> RegionDirectory:
    return await request.config_dict[REGIONS].directory()


def document_files(request: web.Request) -> DocumentFiles:
    return DocumentFiles(request.config_dict[SETTINGS].var_dir / "documents")


async def application_out(request: web.Request, application: CertApplication,
                          supplier_name: str | None = None) -> ApplicationOut:
    origin = cert_applications.origin_names(await _directory(request), application.origin_id)
    return ApplicationOut.of(application, origin, supplier_name)


def document_response(supplier_document: CertDocument, data: bytes) -> web.Response:
    """The file with the type read from its content; never sniffed by the browser, never cached by a proxy."""
    extension = supplier_document.content_type.rsplit("/", 1)[-1].replace("jpeg", "jpg")
    headers = {"X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store",
               "Content-Disposition": f'inline; filename="supplier_document-{supplier_document.id}.{extension}"'}
    if supplier_document.content_type.startswith("image/"):
        headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return web.Response(body=data, content_type=supplier_document.content_type, headers=headers)


async def supplier_apply(request: web.Request) -> web.Response:
    body = await parse_json(request, ApplicationIn)
    application = await cert_applications.apply(current_user(request), body.model_dump(), await _directory(request))
    return json_ok(await application_out(request, application), status=201)


async def supplier_applications(request: web.Request) -> web.Response:
    q = parse_query(request, OwnApplicationQuery)
    rows, total = await cert_applications.list_own(current_user(request), q.state, q.offset, q.page_size)
    return json_ok(ApplicationPage(items=[await application_out(request, a) for a in rows], total=total))


async def supplier_application(request: web.Request) -> web.Response:
    application_id = parse_path(request, ApplicationPath).id
    return json_ok(await application_out(request, await cert_applications.own_application(current_user(request),
                                                                                           application_id)))


async def supplier_resubmit(request: web.Request) -> web.Response:
    application_id = parse_path(request, ApplicationPath).id
    body = await parse_json(request, ResubmitIn)
    application = await cert_applications.resubmit(current_user(request), application_id,
                                                    body.model_dump(exclude_unset=True), await _directory(request))
    return json_ok(await application_out(request, application))


async def supplier_renewal(request: web.Request) -> web.Response:
    application_id = parse_path(request, ApplicationPath).id
    draft = await cert_applications.renewal_draft(current_user(request), application_id, await _directory(request))
    return json_ok(ApplicationDraft.model_validate(draft))


async def _read_file(part: BodyPartReader, limit: int) -> bytes:
    """Counted while reading: aiohttp does not cap a multipart part by itself."""
    data = bytearray()
    while chunk := await part.read_chunk():
        data += chunk
        if len(data) > limit:
            raise PayloadTooLarge("payload_too_large", "文件太大", max_bytes=limit)
    return bytes(data)


async def supplier_upload(request: web.Request) -> web.Response:
    application_id = parse_path(request, ApplicationPath).id
    user = current_user(request)
    await cert_applications.own_application(user, application_id)  # 404 before reading anyone else's upload
    limit = request.config_dict[SETTINGS].cert_document_max_bytes
    if not request.content_type.startswith("multipart/"):
        raise UnsupportedMediaType("unsupported_media_type", "请以 multipart 表单上传文件（字段名 file）",
                                   accepted=["multipart/form-data"])
    async for part in form_parts(request):
        if part.name == "file":
            data = await _read_file(part, limit)
            document = await cert_documents.add(user, application_id, data, part.filename, document_files(request))
            return json_ok(DocumentOut.of(document), status=201)
    raise BadRequest("file_missing", "表单中没有文件（字段名 file）")


async def supplier_document(request: web.Request) -> web.Response:
    path = parse_path(request, DocumentPath)
    found, data = await cert_documents.read_own(current_user(request), path.id, path.doc_id, document_files(request))
    return document_response(found, data)


_A = "/api/v1/supplier/applications"
ROUTES = [
    Route("POST", _A, supplier_apply, SUPPLIER, "Apply to certify a product (and the supplier, while it is not "
          "certified): state submitted, waiting for the county. 409 sku_taken, application_open; 422 unknown_region",
          "certification", body=ApplicationIn, response=ApplicationOut, status=201),
    Route("GET", _A, supplier_applications, SUPPLIER, "This supplier's applications, latest change first",
          "certification", query=OwnApplicationQuery, response=ApplicationPage),
    Route("GET", f"{_A}/{{id}}", supplier_application, SUPPLIER, "One of this supplier's applications, its documents "
          "and steps", "certification", response=ApplicationOut, path_params=ApplicationPath),
    Route("POST", f"{_A}/{{id}}/resubmit", supplier_resubmit, SUPPLIER, "Correct and resubmit a returned application: "
          "submitted again, for the county. 409 application_not_returned", "certification", body=ResubmitIn,
          response=ApplicationOut, path_params=ApplicationPath),
    Route("GET", f"{_A}/{{id}}/renewal", supplier_renewal, SUPPLIER, "A new application for a certified product, "
          "prefilled from this one and the product as it is now: POST it to supplier_apply for a new certificate. 409 "
          "application_not_certified", "certification", response=ApplicationDraft, path_params=ApplicationPath),
    Route("POST", f"{_A}/{{id}}/documents", supplier_upload, SUPPLIER, "Add a supporting document (multipart field "
          "`file`: PNG, JPEG, WebP or PDF by content, at most CERT_DOCUMENT_MAX_BYTES) while the application is "
          "submitted or returned. 413 payload_too_large, 422 document_type_not_allowed, 409 application_not_editable, "
          "too_many_documents", "certification", response=DocumentOut, status=201,
          request_media=("multipart/form-data",), path_params=ApplicationPath),
    Route("GET", f"{_A}/{{id}}/documents/{{doc_id}}", supplier_document, SUPPLIER, "One of the application's documents",
          "certification", response_media="application/octet-stream", path_params=DocumentPath),
]
