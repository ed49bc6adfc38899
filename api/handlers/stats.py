"""The poverty-alleviation account (消费扶贫台账) for administrators: figures, CSV/XLSX downloads, charts. Officials
read the same, of their region only."""
from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import replace

from aiohttp import web

from api.auth import current_user
from api.responses import json_ok
from api.routing import ADMIN_READ, Route
from api.schemas.stats import StatsChartQuery, StatsOut, StatsQuery
from api.validation import parse_query
from models.exports.stats_export import iter_csv, title, xlsx_bytes
from models.printing.charts import Point, continuous, render_chart
from models.services.region_scope import region_scope
from models.services.stats import GroupBy, StatsFilter, StatsResult, statistics

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LINE_CHARTS = {GroupBy.DAY, GroupBy.MONTH}


def _filename(f: StatsFilter, ext: str) -> str:
    span = f"{f.date_from or 'start'}_{f.date_to or 'now'}"
    region = f"-{f.region.code}" if f.region is not None else ""
    return f"aixin-stats-{f.group_by.value}-{span}{'-poverty' if f.poverty_only else ''}{region}.{ext}"


async def _stream(request: web.Request, chunks: Iterator[bytes], content_type: str,
                  filename: str) -> web.StreamResponse:
    response = web.StreamResponse(headers={
        "Content-Type": content_type, "Content-Disposition": f'attachment; filename="{filename}"',
        "Cache-Control": "no-store"})
    await response.prepare(request)
    for chunk in chunks:
        await response.write(chunk)
    await response.write_eof()
    return response


def _pieces(data: bytes, size: int = 64 * 1024) -> Iterator[bytes]:
    return (data[i:i + size] for i in range(0, len(data), size))


async def get_stats(request: web.Request) -> web.StreamResponse:
    q = parse_query(request, StatsQuery)
    result = await statistics(replace(q.to_filter(), region=await region_scope(current_user(request))))
    if q.format == "csv":
        return await _stream(request, iter_csv(result), "text/csv; charset=utf-8", _filename(result.filter, "csv"))
    if q.format == "xlsx":
        data = await asyncio.get_running_loop().run_in_executor(None, xlsx_bytes, result)
        return await _stream(request, _pieces(data), XLSX, _filename(result.filter, "xlsx"))
    return json_ok(StatsOut.of(result).model_dump(mode="json", by_alias=True))


def _chart(result: StatsResult) -> bytes:
    f = result.filter
    kind = "line" if f.group_by in LINE_CHARTS else "bar"
    points = [Point(r.key, r.amount_fen) for r in result.rows]
    if kind == "line":
        points = continuous(points, f.group_by.value, f.date_from, f.date_to)
    return render_chart(points, kind, "消费扶贫金额 · " + title(f).split(" · ", 1)[1])


async def get_stats_chart(request: web.Request) -> web.Response:
    """Bar chart by province, supplier, …; line chart by day or month. Rendered in a worker thread."""
    f = parse_query(request, StatsChartQuery).to_filter()
    result = await statistics(replace(f, region=await region_scope(current_user(request))))
    png = await asyncio.get_running_loop().run_in_executor(None, _chart, result)
    return web.Response(body=png, content_type="image/png", headers={"Cache-Control": "no-store"})


ROUTES = [
    Route("GET", "/api/v1/admin/stats", get_stats, ADMIN_READ,
          "The poverty-alleviation account: goods bought by province, city, county, supplier, category, channel, "
          "merchant, day or month (format=csv|xlsx to download); an official's of their region only", "admin",
          query=StatsQuery, response=StatsOut),
    Route("GET", "/api/v1/admin/stats/chart.png", get_stats_chart, ADMIN_READ,
          "The account as a PNG chart: a line by day or month, bars otherwise", "admin",
          query=StatsChartQuery, response_media="image/png"),
]
