"""Documents of a certification application under pressure (task R, adversarial review): at most MAX_DOCUMENTS per
application even when uploads race; nothing added once the county has approved, even by an upload that was already
on its way; a refused upload leaves no file behind; exactly the size limit passes, one byte more is refused."""
from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient

from api.keys import DATABASE
from api.settings import Settings
from models.services import cert_reviews
from models.services.cert_documents import MAX_DOCUMENTS
from models.storage.database import activated
from models.storage.document_files import DocumentFiles
from models.tables.users import User
from tests.support.certification import APPS, PDF, apply, cast, png_bytes, upload_form


def _png(n: int) -> bytes:
    return png_bytes((n % 256, n // 256, 7))  # a distinct image per n


def _stored(settings: Settings) -> set[str]:
    return {p.name for p in (settings.var_dir / "documents").rglob("*") if p.is_file()}


async def _documents(client: TestClient, headers: dict[str, str], app_id: int) -> list[dict]:
    return (await (await client.get(f"{APPS}/{app_id}", headers=headers)).json())["documents"]


async def test_racing_uploads_never_pass_the_limit(client: TestClient) -> None:
    who = await cast(client)
    app_id = (await apply(client, who.supplier))["id"]
    for n in range(MAX_DOCUMENTS - 2):
        resp = await client.post(f"{APPS}/{app_id}/documents", data=upload_form(_png(n)), headers=who.supplier)
        assert resp.status == 201, await resp.text()
    replies = await asyncio.gather(*(client.post(f"{APPS}/{app_id}/documents", data=upload_form(_png(100 + n)),
                                                 headers=who.supplier) for n in range(8)))
    assert sorted(r.status for r in replies) == [201, 201] + [409] * 6
    assert {(await r.json())["error"]["code"] for r in replies if r.status == 409} == {"too_many_documents"}
    assert len(await _documents(client, who.supplier, app_id)) == MAX_DOCUMENTS


async def test_a_refused_upload_leaves_no_file(client: TestClient, settings: Settings) -> None:
    who = await cast(client)
    app_id = (await apply(client, who.supplier))["id"]
    for n in range(MAX_DOCUMENTS):
        assert (await client.post(f"{APPS}/{app_id}/documents", data=upload_form(_png(n)),
                                  headers=who.supplier)).status == 201
    extra = _png(999)
    resp = await client.post(f"{APPS}/{app_id}/documents", data=upload_form(extra), headers=who.supplier)
    assert (resp.status, (await resp.json())["error"]["code"]) == (409, "too_many_documents")
    assert hashlib.sha256(extra).hexdigest() not in _stored(settings)  # a full application cannot fill the disk
    again = await client.post(f"{APPS}/{app_id}/documents", data=upload_form(_png(3)), headers=who.supplier)
    assert again.status == 201  # a file it already has is still the same document
    assert len(await _documents(client, who.supplier, app_id)) == MAX_DOCUMENTS


async def test_an_upload_overtaken_by_the_county_approval_is_refused(client: TestClient, settings: Settings,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The county approves while the file is being written: the upload answers 409 and the county's approval
    stands on the documents it saw."""
    who = await cast(client)
    app_id = (await apply(client, who.supplier))["id"]
    with activated(client.app[DATABASE]):
        county = await User.get(username="fg_county")
    store = DocumentFiles.store

    async def approve_meanwhile(self: DocumentFiles, data: bytes) -> str:
        await cert_reviews.approve(county, app_id)
        return await store(self, data)

    monkeypatch.setattr(DocumentFiles, "store", approve_meanwhile)
    resp = await client.post(f"{APPS}/{app_id}/documents", data=upload_form(png_bytes("red")), headers=who.supplier)
    body = await resp.json()
    assert (resp.status, body["error"]["code"], body["error"]["details"]["state"]) == (
        409, "application_not_editable", "county_reviewed")
    assert await _documents(client, who.supplier, app_id) == []


@pytest.mark.parametrize("extra, status", [(0, 201), (1, 413)])
async def test_exactly_the_limit_passes_one_byte_more_does_not(make_client, settings: Settings, extra: int,
                                                               status: int) -> None:
    client = await make_client(cert_document_max_bytes=4000)
    who = await cast(client)
    app_id = (await apply(client, who.supplier))["id"]
    data = PDF + b"%" * (4000 - len(PDF) + extra)
    resp = await client.post(f"{APPS}/{app_id}/documents", data=upload_form(data, "x.pdf", "application/pdf"),
                             headers=who.supplier)
    assert resp.status == status, await resp.text()
    assert (hashlib.sha256(data).hexdigest() in _stored(settings)) is (status == 201)
    assert Path(settings.var_dir).is_dir()
