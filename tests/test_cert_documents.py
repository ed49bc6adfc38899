"""Supporting documents: type read from the content, size-limited, stored by content hash under VAR_DIR (never by the
client's file name), served only to the supplier who uploaded and the officials and administrator who may see it."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from aiohttp import FormData
from aiohttp.test_utils import TestClient

from api.settings import Settings
from models.services.cert_documents import label_of
from tests.support.certification import APPS, PDF, REVIEWS, act, application, apply, cast, png_bytes, upload_form
from tests.support.http import supplier_headers


async def _upload(client: TestClient, headers: dict[str, str], app_id: int, form: FormData):
    return await client.post(f"{APPS}/{app_id}/documents", data=form, headers=headers)


def _stored(var_dir: Path) -> set[str]:
    return {p.name for p in (var_dir / "documents").rglob("*") if p.is_file()}


async def test_images_and_pdfs_are_stored_by_their_hash_and_read_back(client: TestClient, settings: Settings) -> None:
    who = await cast(client)
    app_id = (await apply(client, who.supplier))["id"]
    png = png_bytes("blue")
    resp = await _upload(client, who.supplier, app_id, upload_form(png, "营业执照.png"))
    assert resp.status == 201, await resp.text()
    doc = await resp.json()
    assert (doc["content_type"], doc["size_bytes"], doc["label"]) == ("image/png", len(png), "营业执照.png")
    digest = hashlib.sha256(png).hexdigest()
    assert (settings.var_dir / "documents" / digest[:2] / digest).read_bytes() == png
    again = await (await _upload(client, who.supplier, app_id, upload_form(png, "copy.png"))).json()
    assert again["id"] == doc["id"]  # the same file twice is one document
    pdf = await _upload(client, who.supplier, app_id, upload_form(PDF, "名单.pdf", "application/octet-stream"))
    assert (await pdf.json())["content_type"] == "application/pdf"  # the content decides, not the client's type
    for headers, url in ((who.supplier, APPS), (who.county, REVIEWS), (who.city, REVIEWS), (who.province, REVIEWS),
                         (who.admin, REVIEWS)):
        resp = await client.get(f"{url}/{app_id}/documents/{doc['id']}", headers=headers)
        assert resp.status == 200
        assert await resp.read() == png
        assert (resp.content_type, resp.headers["X-Content-Type-Options"]) == ("image/png", "nosniff")
    listed = await (await client.get(f"{REVIEWS}/{app_id}", headers=who.county)).json()
    assert [d["content_type"] for d in listed["documents"]] == ["image/png", "application/pdf"]


@pytest.mark.parametrize("content", [
    b"hello, this is text",
    b"<html><script>alert(1)</script></html>",
    b"MZ\x90\x00\x03\x00\x00\x00",  # a Windows program
    b"PK\x03\x04 a zip or docx",
    b"",
])
async def test_wrong_types_are_refused_whatever_they_claim(client: TestClient, settings: Settings,
                                                          content: bytes) -> None:
    who = await cast(client)
    app_id = (await apply(client, who.supplier))["id"]
    resp = await _upload(client, who.supplier, app_id, upload_form(content, "photo.png", "image/png"))
    assert (resp.status, (await resp.json())["error"]["code"]) == (422, "document_type_not_allowed")
    assert hashlib.sha256(content).hexdigest() not in _stored(settings.var_dir)
    assert (await (await client.get(f"{APPS}/{app_id}", headers=who.supplier)).json())["documents"] == []


async def test_oversize_files_are_refused(make_client, settings: Settings) -> None:
    client = await make_client(cert_document_max_bytes=2000)
    who = await cast(client)
    app_id = (await apply(client, who.supplier))["id"]
    big = png_bytes() + b"\0" * 3000  # a PNG by its first bytes, too large
    resp = await _upload(client, who.supplier, app_id, upload_form(big))
    body = await resp.json()
    assert (resp.status, body["error"]["code"], body["error"]["details"]["max_bytes"]) == (
        413, "payload_too_large", 2000)
    assert hashlib.sha256(big).hexdigest() not in _stored(settings.var_dir)
    assert (await _upload(client, who.supplier, app_id, upload_form(png_bytes()))).status == 201


@pytest.mark.parametrize("file_name, label", [
    ("../../../../etc/passwd.png", "passwd.png"),
    ("..\\..\\windows\\win.ini.png", "win.ini.png"),
    ("/var/lib/aixin/secret_key", "secret_key"),
    ("..", ".."),
])
async def test_path_tricks_in_the_file_name_reach_no_path(client: TestClient, settings: Settings, file_name: str,
                                                          label: str) -> None:
    who = await cast(client)
    app_id = (await apply(client, who.supplier))["id"]
    png = png_bytes("purple")
    before = {p for p in settings.var_dir.rglob("*")}
    resp = await _upload(client, who.supplier, app_id, upload_form(png, file_name))
    assert resp.status == 201, await resp.text()
    assert (await resp.json())["label"] == label
    digest = hashlib.sha256(png).hexdigest()
    created = {p for p in settings.var_dir.rglob("*")} - before
    assert {p.name for p in created if p.is_file()} <= {digest}  # only the content's hash names a file


async def test_documents_are_not_readable_outside_their_audience(client: TestClient) -> None:
    who = await cast(client)
    app_id = (await apply(client, who.supplier))["id"]
    doc_id = (await (await _upload(client, who.supplier, app_id, upload_form(png_bytes()))).json())["id"]
    for headers, url, status in ((who.other_supplier, APPS, 404), (who.other_county, REVIEWS, 404),
                                 (who.other_city, REVIEWS, 404), (who.other_province, REVIEWS, 404),
                                 (who.consumer, REVIEWS, 403), (who.consumer, APPS, 403),
                                 (who.county, APPS, 403), (who.supplier, REVIEWS, 403)):
        resp = await client.get(f"{url}/{app_id}/documents/{doc_id}", headers=headers)
        assert resp.status == status, (url, await resp.text())
    other_app = (await apply(client, who.other_supplier, application("YS-TEA")))["id"]
    resp = await client.get(f"{APPS}/{other_app}/documents/{doc_id}", headers=who.other_supplier)
    assert resp.status == 404  # a document id of another application, through one's own application


async def test_documents_only_while_with_the_supplier_or_the_county(client: TestClient) -> None:
    who = await cast(client)
    app_id = (await apply(client, who.supplier))["id"]
    await act(client, who.county, app_id, "approve")
    resp = await _upload(client, who.supplier, app_id, upload_form(png_bytes()))
    assert (resp.status, (await resp.json())["error"]["code"]) == (409, "application_not_editable")
    await act(client, who.city, app_id, "return", {"reason": "请补充营业执照"})
    assert (await _upload(client, who.supplier, app_id, upload_form(png_bytes()))).status == 201


async def test_an_upload_must_be_a_multipart_file(client: TestClient) -> None:
    supplier = await supplier_headers(client, (await cast(client)).supplier_id, "second_staff")
    app_id = (await apply(client, supplier))["id"]
    resp = await client.post(f"{APPS}/{app_id}/documents", data=png_bytes(), headers={**supplier,
                                                                                  "Content-Type": "image/png"})
    assert (resp.status, (await resp.json())["error"]["code"]) == (415, "unsupported_media_type")
    form = FormData()
    form.add_field("other", b"x", filename="x.png")
    resp = await client.post(f"{APPS}/{app_id}/documents", data=form, headers=supplier)
    assert (resp.status, (await resp.json())["error"]["code"]) == (400, "file_missing")


def test_the_label_keeps_visible_characters_of_the_last_part_only() -> None:
    assert label_of("C:\\证照\\a\x00b\u202egnp.exe") == "abgnp.exe"
    assert label_of("%2E%2E%2Fx.pdf") == "x.pdf"
    assert label_of(None) == ""
    assert len(label_of("长" * 300)) == 100
