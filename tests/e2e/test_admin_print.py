"""The administrator prints a batch's cards (issue 16): the full card number as a batch setting, a layout, and a
progress bar that follows the PDF as it streams, then the file itself checked as a printing house would."""
from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from tests.e2e.conftest import ADMIN, Api, login_staff
from tests.support.pdf_pages import pages

CARDS = 900  # about 2 s of drawing: 50 SRA3 pages, so the bar is seen between 0 and 100


def test_an_admin_prints_a_batch_on_sra3_with_the_full_number_and_sees_the_progress(page: Any, api: Api) -> None:
    organization = f"清远市总工会 {uuid.uuid4().hex[:6].upper()}"
    login_staff(page, "/admin", *ADMIN)
    page.get_by_role("tab", name="爱心卡批次").click()
    form = page.locator("#batch-form")
    form.get_by_label("认购单位").fill(organization)
    form.get_by_label("面值").select_option(label="¥100.00")
    form.get_by_label("数量").fill(str(CARDS))
    form.get_by_role("button", name="发行").click()
    row = page.locator("#batches tbody tr").filter(has_text=organization)
    expect(row).to_contain_text("已发行", timeout=30_000)
    batch_id = row.get_attribute("data-batch-id")
    detail = page.locator("#batch-detail")
    expect(detail).to_contain_text(organization)

    detail.get_by_label("卡面印完整卡号（默认遮盖中间数字）").check()
    expect(page.get_by_text("卡面将印完整卡号")).to_be_visible()
    detail.get_by_label("到第几张").fill(str(CARDS))
    detail.get_by_label("版式").select_option("sra3")
    bar = detail.get_by_role("progressbar", name=f"批次 #{batch_id} 打印文件进度")
    page.evaluate("""(id) => {
        window.printSeen = [];
        // only the print file's bar: the panel's issue-progress bar is refreshed to 100 by a late poll too
        new MutationObserver((changes) => changes.filter((c) => c.target.getAttribute('aria-label').includes(
            '打印文件进度')).forEach((c) => window.printSeen.push(
            Number(c.target.getAttribute('aria-valuenow'))))).observe(document.getElementById('batch-detail'),
            {subtree: true, attributes: true, attributeFilter: ['aria-valuenow']});
    }""", batch_id)
    with page.expect_download(timeout=60_000) as download:
        detail.get_by_role("button", name="下载打印文件（PDF）").click()
    expect(bar).to_have_attribute("aria-valuenow", "100")
    expect(detail).to_contain_text(f"{CARDS} / {CARDS} 张 · 100%")
    seen = page.evaluate("window.printSeen")
    assert any(0 < v < 100 for v in seen), seen  # the bar moved while the file streamed
    assert seen == sorted(seen)

    assert download.value.suggested_filename == f"batch-{batch_id}-1-{CARDS}-sra3.pdf"
    cards = api.call("GET", f"/api/v1/admin/card-batches/{batch_id}/cards?page_size=18",
                     api.staff_token(*ADMIN))["items"]
    count, [sheet] = pages(Path(download.value.path()).read_bytes())
    assert count == 50
    assert abs(sheet.size_mm[0] - 320) < 0.05
    assert abs(sheet.size_mm[1] - 450) < 0.05
    assert sorted(sheet.qr_texts()) == sorted(c["qr"] for c in cards)
    first = cards[0]["card_no"]
    assert " ".join(first[i:i + 4] for i in range(0, 16, 4)) in sheet.text  # the full number, as set
