import { INVALID_JSON, invalidJsonResponse, readBody } from '@/lib/jsonBody'
import type { Endpoint } from 'payload'
import { ExportRequestError, startExport, type ExportRequest } from './jobs'

/**
 * `POST /api/generated-reports/export` `{ year, to?, format, snapshot: "latest" | "freeze" | id }`:
 * checks the request as the logged-in user, stores it as a queued generated report and starts the
 * export in the background; 202 with the document, whose `status` and `progress` the admin then
 * polls (GET /api/generated-reports/:id) until its file can be downloaded. Refusals: 400/401/403
 * with a Vietnamese message, nothing stored.
 */
export const startExportEndpoint: Endpoint = {
  path: '/export',
  method: 'post',
  handler: async (req) => {
    const body = await readBody(req)
    if (body === INVALID_JSON) return invalidJsonResponse()
    try {
      const job = await startExport(req, (body ?? {}) as ExportRequest)
      return Response.json(job, { status: 202 })
    } catch (err) {
      if (err instanceof ExportRequestError)
        return Response.json({ errors: [{ message: err.message }] }, { status: err.status })
      throw err
    }
  },
}
