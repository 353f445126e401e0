import { INVALID_JSON, invalidJsonResponse, readBody } from '@/lib/jsonBody'
import type { Endpoint, PayloadRequest } from 'payload'
import { canRebuildFigures } from '@/access/canRebuildFigures'
import { vnYearMonth } from '@/lib/time'
import { describeJob, rebuildJob, startRebuild } from '@/reporting/rebuildJobs'

const error = (status: number, message: string) =>
  Response.json({ errors: [{ message }] }, { status })

/** 401 for visitors, 403 (in Vietnamese) for roles that may not rebuild; null when allowed. */
function refuse(req: PayloadRequest): Response | null {
  if (!req.user) return error(401, 'Bạn cần đăng nhập để tính lại số liệu.')
  if (!canRebuildFigures(req.user))
    return error(403, 'Chỉ quản trị hệ thống và quản lý chiến dịch được tính lại số liệu.')
  return null
}

/** A year the rollup can hold (campaign years run 2020-2100; the default is this year in Vietnam). */
function yearOf(body: unknown): number | null {
  const raw = body && typeof body === 'object' ? (body as { year?: unknown }).year : undefined
  const year =
    raw === undefined || raw === null || raw === '' ? vnYearMonth(new Date()).year : Number(raw)
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null
}

/** `POST /api/reports/rebuild` `{ year }`: starts a full rebuild of the year in the background; 202 with the job. */
export const startRebuildEndpoint: Endpoint = {
  path: '/reports/rebuild',
  method: 'post',
  handler: async (req) => {
    const refused = refuse(req)
    if (refused) return refused
    const body = await readBody(req)
    if (body === INVALID_JSON) return invalidJsonResponse()
    const year = yearOf(body)
    if (year === null) return error(400, 'Năm không hợp lệ (từ 2000 đến 2100).')
    const job = await startRebuild(req.payload, year, { requestedBy: req.user ? String(req.user.id) : undefined })
    return Response.json(describeJob(job), { status: 202 })
  },
}

/** `GET /api/reports/rebuild/:id`: where the job stands (sources done of total). */
export const rebuildStatusEndpoint: Endpoint = {
  path: '/reports/rebuild/:id',
  method: 'get',
  handler: async (req) => {
    const refused = refuse(req)
    if (refused) return refused
    const job = await rebuildJob(req.payload, String(req.routeParams?.id ?? ''))
    if (!job)
      return error(
        404,
        'Không tìm thấy lượt tính lại này.',
      )
    return Response.json(describeJob(job))
  },
}
