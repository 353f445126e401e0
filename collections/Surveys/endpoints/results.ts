import type { Endpoint, PayloadRequest } from 'payload'
import { recordAudit } from '@/audit/record'
import { vnFileDate } from '@/lib/time'
import { responsesCsv, responsesXlsx, responseTable } from '@/surveys/files'
import { loadResponses, unitNames } from '@/surveys/load'
import { SURVEY_PATH, surveyUrl } from '@/surveys/paths'
import type { SurveyDoc } from '@/surveys/questions'
import { tally } from '@/surveys/results'
import { AuditAction } from '@/vocabulary'

export const refuse = (status: number, message: string) =>
  Response.json({ errors: [{ message }] }, { status })

/** The survey of the route, as the user may read it; or the refusal to send. */
export async function readableSurvey(req: PayloadRequest): Promise<SurveyDoc | Response> {
  if (!req.user) return refuse(401, 'Bạn cần đăng nhập.')
  const id = String(req.routeParams?.id ?? '')
  const survey = await req.payload.findByID({
    collection: 'surveys',
    id,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    disableErrors: true,
    req,
  })
  return survey
    ? (survey as unknown as SurveyDoc)
    : refuse(404, 'Không tìm thấy khảo sát, hoặc bạn không có quyền xem.')
}

/**
 * GET /api/surveys/:id/ket-qua: the results (each question's answers, the share who know and can use
 * the services overall and per commune with the margin of error at 95 %), the link and QR code.
 */
export const surveyResults: Endpoint = {
  path: '/:id/ket-qua',
  method: 'get',
  handler: async (req) => {
    const survey = await readableSurvey(req)
    if (survey instanceof Response) return survey
    const rows = await loadResponses(req.payload, survey.id, req)
    const names = await unitNames(
      req.payload,
      rows.map((r) => r.commune),
      req,
    )
    return Response.json({
      link: survey.code ? surveyUrl(survey.code) : null,
      qr: survey.code ? `${SURVEY_PATH}/${survey.code}/ma-qr.png` : null,
      ...tally(survey, rows, names),
    })
  },
}

/** GET /api/surveys/:id/phieu?format=xlsx|csv: the anonymous responses, one row each. */
export const surveyResponsesFile: Endpoint = {
  path: '/:id/phieu',
  method: 'get',
  handler: async (req) => {
    const survey = await readableSurvey(req)
    if (survey instanceof Response) return survey
    const format = req.searchParams.get('format') === 'csv' ? 'csv' : 'xlsx'
    const rows = await loadResponses(req.payload, survey.id, req)
    const table = responseTable(
      survey,
      rows,
      await unitNames(
        req.payload,
        rows.map((r) => r.commune),
        req,
      ),
    )
    const filename = `khao-sat-${survey.id}-${vnFileDate(new Date())}.${format}`
    await recordAudit(
      req.payload,
      {
        action: AuditAction.ExportDownloaded,
        user: req.user,
        collection: 'surveys',
        documentTitle: filename,
        summary: `Tải ${rows.length} phiếu trả lời khảo sát "${survey.title}"`,
      },
      req,
    )
    return new Response(
      format === 'csv' ? responsesCsv(table) : await responsesXlsx(survey.title, table),
      {
        headers: {
          'content-type':
            format === 'csv'
              ? 'text/csv; charset=utf-8'
              : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': `attachment; filename="${filename}"`,
        },
      },
    )
  },
}
