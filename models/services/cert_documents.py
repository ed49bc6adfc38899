"""Supporting documents of certification applications: added by the supplier while the application is with it or
its county (`submitted`, `returned`), read by that supplier and by the officials (and the administrator) who may
see the application. The files themselves: models/storage/document_files.py."""
from __future__ import annotations

import hashlib
import unicodedata
from urllib.parse import unquote

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models.errors import Conflict, NotFound
from models.services import audit
from models.services.cert_applications import own_application
from models.services.cert_reviews import visible_application
from models.storage.document_files import DocumentFiles, checked_type
from models.tables.certification import AppState, CertApplication, CertDocument
from models.tables.users import User

MAX_DOCUMENTS = 20  # per application
EDITABLE = (AppState.SUBMITTED, AppState.RETURNED)


def label_of(file_name: str | None) -> str:
    """What to show for an upload: the last part of the client's file name, visible characters only, at most 100.
    Only ever shown, never used as a path."""
    name = unquote(file_name or "").replace("\\", "/").rsplit("/", 1)[-1]  # some clients %-encode the name
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] not in "CZ" or ch == " ").strip()
    return name[:100]


def _check_room(application_id: int, state: AppState, count: int) -> None:
    """409 unless the application takes one more document: with the supplier or the county, and not full."""
    if state not in EDITABLE:
        raise Conflict("application_not_editable", "申请已进入审核，不能再上传材料", application_id=application_id,
                       state=state.value)
    if count >= MAX_DOCUMENTS:
        raise Conflict("too_many_documents", f"每份申请最多 {MAX_DOCUMENTS} 个材料文件", max_documents=MAX_DOCUMENTS)


async def add(actor: User, application_id: int, data: bytes, file_name: str | None,
              files: DocumentFiles) -> CertDocument:
    """422 `document_type_not_allowed` unless a PNG, JPEG, WebP or PDF by its content; 409 `application_not_editable`
    once the county has reviewed it; 409 `too_many_documents` past MAX_DOCUMENTS. The same file twice is one.

    Checked before the file is written (a refused upload leaves no file), then again in the transaction that adds
    it, under the application's row lock: an upload that raced another one or the county's approval (which
    updates that row) sees them, so an application never holds more than MAX_DOCUMENTS, nor a document added
    after the county approved it."""
    application = await own_application(actor, application_id)
    content_type = checked_type(data)
    digest = hashlib.sha256(data).hexdigest()
    known = next((d for d in application.documents if d.sha256 == digest), None)
    _check_room(application_id, application.state, 0 if known else len(application.documents))
    if known is not None:
        return known
    await files.store(data)
    try:
        async with in_transaction() as conn:
            locked = await CertApplication.select_for_update().using_db(conn).get(id=application_id)
            count = await CertDocument.filter(application_id=application_id).using_db(conn).count()
            _check_room(application_id, locked.state, count)
            document = await CertDocument.create(
                application_id=application_id, sha256=digest, content_type=content_type, size_bytes=len(data),
                label=label_of(file_name), uploaded_by_id=actor.id, using_db=conn)
            await audit.record(actor, "cert_application.document", "cert_application", application_id, None,
                               {"document_id": document.id, "sha256": digest, "content_type": content_type,
                                "size_bytes": len(data)}, conn)
    except IntegrityError:  # this file is already one of the application's documents
        return await CertDocument.get(application_id=application_id, sha256=digest)
    return document


def _document(application: CertApplication, document_id: int) -> CertDocument:
    for document in application.documents:
        if document.id == document_id:
            return document
    raise NotFound("document_not_found", "文件不存在", document_id=document_id)


async def read_own(
    actor: User, application_id: int, document_id: int, files: DocumentFiles
) -> tuple[CertDocument, bytes]:
    """A document of one of the caller's supplier's applications; 404 for any other."""
    document = _document(await own_application(actor, application_id), document_id)
    return document, await files.read(document.sha256)


async def read_visible(actor: User, application_id: int, document_id: int,
                       files: DocumentFiles) -> tuple[CertDocument, bytes]:
    """A document of an application in the official's region (the admin: any); 404 outside it."""
    document = _document(await visible_application(actor, application_id), document_id)
    return document, await files.read(document.sha256)
