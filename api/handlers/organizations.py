"""以购代捐 organizations: who bought card batches, and for each, its cards and where their money went."""
from __future__ import annotations

from aiohttp import web

from api.auth import current_user
from api.responses import json_ok
from api.routing import ADMIN_READ, Route
from api.schemas.organizations import OrganizationList, OrganizationOut, OrganizationReportOut, OrganizationReportQuery
from api.validation import parse_query
from models.clock import today_shanghai
from models.exports.organization_export import iter_csv
from models.services import organization_report
from models.services.region_scope import region_scope


async def list_organizations(request: web.Request) -> web.Response:
    rows = await organization_report.organizations()
    return json_ok(OrganizationList(items=[OrganizationOut(**r) for r in rows]))


async def organization_report_view(request: web.Request) -> web.StreamResponse:
    q = parse_query(request, OrganizationReportQuery)
    region = await region_scope(current_user(request))
    report = await organization_report.organization_report(q.organization, q.batch_id, region)
    if q.format == "csv":
        today = today_shanghai()
        name = f"organization-report{f'-batch-{q.batch_id}' if q.batch_id else ''}-{today}.csv"
        response = web.StreamResponse(headers={
            "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store"})
        await response.prepare(request)
        for chunk in iter_csv(report, q.batch_id, today):
            await response.write(chunk)
        await response.write_eof()
        return response
    return json_ok(OrganizationReportOut.of(report))


_O = "/api/v1/admin/organizations"
ROUTES = [
    Route("GET", _O, list_organizations, ADMIN_READ,
          "Organizations that bought card batches (以购代捐); officials see the same list (buyers belong to no region)",
          "admin",
          response=OrganizationList),
    Route("GET", f"{_O}/report", organization_report_view, ADMIN_READ,
          "An organization's report: cards issued, activated, claimed, spent, outstanding per batch and in all, and "
          "where the money went by origin province and county (counter redemptions and card-paid orders); format=csv "
          "for a file; an official's: the spending in their region only", "admin",
          query=OrganizationReportQuery, response=OrganizationReportOut),
]
