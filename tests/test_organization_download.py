"""The 以购代捐 organization report as a CSV file (`format=csv`): what a person opening it in Excel reads."""
from __future__ import annotations

import csv
import io

from models.clock import today_shanghai
from tests.support.org_report import ORG, REPORT, SPENT, spending  # noqa: F401 (fixture)


async def _csv(client, admin, **params) -> tuple[list[list[str]], str]:
    resp = await client.get(REPORT, params={"format": "csv", **{k: str(v) for k, v in params.items()}}, headers=admin)
    assert resp.status == 200, await resp.text()
    assert resp.headers["Content-Type"].startswith("text/csv")
    raw = await resp.read()
    assert raw.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")))), resp.headers["Content-Disposition"]


def _part(rows: list[list[str]], name: str) -> list[list[str]]:
    """The rows of one part (its header first), up to the blank line after it."""
    start = rows.index([name]) + 1
    end = next((i for i in range(start, len(rows)) if not rows[i]), len(rows))
    return rows[start:end]


async def test_the_report_downloads_as_csv_with_yuan_beside_fen(client, spending):
    s = spending
    rows, disposition = await _csv(client, s["admin"], organization=ORG)
    today = today_shanghai()
    assert rows[0] == [f"以购代捐报告 · {ORG} · 全部批次 · 截至 {today}"]
    assert f"organization-report-{today}.csv" in disposition
    summary = {r[0]: r[1:] for r in _part(rows, "概况")}
    assert summary["项目"] == ["张数", "金额（元）", "金额（分）"]
    assert summary["已发行"][0] == "8"
    assert summary["已激活（认购额）"] == ["5", "1000.00", "100000"]
    assert summary["已消费"] == ["", f"{SPENT / 100:.2f}", str(SPENT)]
    assert summary["未消费余额"][1:] == [f"{(100000 - SPENT) / 100:.2f}", str(100000 - SPENT)]
    batches = _part(rows, "批次")
    assert batches[0][:4] == ["批次", "状态", "面值（元）", "张数"]
    assert [(b[0], b[1], b[2]) for b in batches[1:]] == [
        (f"#{s['first']['id']}", "已激活", "200.00"), (f"#{s['second']['id']}", "已发行", "100.00")]
    provinces = _part(rows, "按省份")
    assert provinces[1] == ["广东省", "79.80", "68.00", "147.80", "14780", "0.00"]
    counties = _part(rows, "按县区")
    assert counties[0] == ["省份", "地市", "县区", "县代码", "贫困县", "专柜核销（元）", "线上订单（元）", "合计（元）",
                           "合计（分）"]
    assert [(c[2], c[4], c[8]) for c in counties[1:]] == [
        ("佛冈县", "否", "14780"), ("盘州市", "是", "9600"), ("静宁县", "是", "7900"), ("融安县", "是", "3580")]
    assert sum(int(c[8]) for c in counties[1:]) == SPENT


async def test_one_batch_and_a_refusal_come_as_the_report_does(client, spending):
    s = spending
    rows, disposition = await _csv(client, s["admin"], organization=ORG, batch_id=s["second"]["id"])
    assert f"批次 #{s['second']['id']}" in rows[0][0]
    assert f"organization-report-batch-{s['second']['id']}-" in disposition
    assert [b[0] for b in _part(rows, "批次")[1:]] == [f"#{s['second']['id']}"]
    assert _part(rows, "按县区")[1:] == []
    resp = await client.get(REPORT, params={"organization": "没有的单位", "format": "csv"}, headers=s["admin"])
    assert resp.status == 404
    assert (await resp.json())["error"]["code"] == "organization_not_found"
    resp = await client.get(REPORT, params={"organization": ORG, "format": "pdf"}, headers=s["admin"])
    assert (resp.status, (await resp.json())["error"]["code"]) == (422, "validation_error")
