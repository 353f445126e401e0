import { addDataAndFileToRequest, type Endpoint, type PayloadRequest } from 'payload'
import { hasRole, isCrossUnit, unitIdOf } from '@/access/roles'
import { recordAudit } from '@/audit/record'
import { importIndicatorFile, templateCsv, templateXlsx } from '@/reporting/indicators/spreadsheet'
import { AuditAction, Role, unitKinds, type UnitKind } from '@/vocabulary'

const json = (status: number, body: unknown) => Response.json(body, { status })
const refuse = (status: number, message: string) => json(status, { errors: [{ message }] })

/** Who enters figures: Sở TT&TT for every unit, a unit's editors for their own. */
function refusal(req: PayloadRequest): Response | null {
  if (!req.user) return refuse(401, 'Bạn cần đăng nhập.')
  if (!isCrossUnit(req.user) && !(hasRole(req.user, Role.Editor) && unitIdOf(req.user)))
    return refuse(403, 'Chỉ biên tập viên của đơn vị hoặc Sở TT&TT được nhập số liệu chỉ tiêu.')
  return null
}

const yearOf = (value: unknown): number | null => {
  const year = Number(value)
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null
}

/**
 * GET /api/indicator-reports/template?year=2026&kind=commune&format=xlsx|csv: the template of a
 * year and unit kind (an editor's own unit's kind by default), listing the units the user enters
 * for, filled with what is stored.
 */
export const indicatorTemplate: Endpoint = {
  path: '/template',
  method: 'get',
  handler: async (req) => {
    const refused = refusal(req)
    if (refused) return refused
    const q = req.searchParams
    const year = yearOf(q.get('year') ?? new Date().getFullYear())
    if (!year) return refuse(400, 'Năm không hợp lệ (từ 2000 đến 2100).')
    let kind = q.get('kind') as UnitKind | null
    if (!kind && !isCrossUnit(req.user)) {
      const own = await req.payload.findByID({
        collection: 'units',
        id: String(unitIdOf(req.user)),
        depth: 0,
        overrideAccess: true,
        req,
      })
      kind = own.kind as UnitKind
    }
    if (!kind || !unitKinds.includes(kind)) return refuse(400, 'Hãy chọn loại đơn vị (kind).')
    const format = q.get('format') === 'csv' ? 'csv' : 'xlsx'
    const filename = `mau-so-lieu-chi-tieu-${year}-${kind}.${format}`
    await recordAudit(
      req.payload,
      {
        action: AuditAction.ExportDownloaded,
        user: req.user,
        collection: 'indicator-reports',
        documentTitle: filename,
        summary: `Tải mẫu số liệu chỉ tiêu năm ${year} (${unitKinds.label(kind)})`,
      },
      req,
    )
    const body =
      format === 'csv' ? await templateCsv(req, year, kind) : await templateXlsx(req, year, kind)
    return new Response(body, {
      headers: {
        'content-type':
          format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${filename}"`,
      },
    })
  },
}

/**
 * POST /api/indicator-reports/import (multipart: `file` a filled-in template, XLSX or CSV, and
 * `_payload` with `year`): every form of the file saved, or none, with each problem by row and
 * column in Vietnamese.
 */
export const importIndicatorFigures: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    const refused = refusal(req)
    if (refused) return refused
    await addDataAndFileToRequest(req)
    const year = yearOf((req.data as { year?: unknown } | undefined)?.year)
    if (!year) return refuse(400, 'Năm không hợp lệ (từ 2000 đến 2100).')
    if (!req.file?.data?.length) return refuse(400, 'Chưa chọn tệp số liệu (.xlsx hoặc .csv).')
    const result = await importIndicatorFile(req, year, Buffer.from(req.file.data))
    if (!result.ok)
      return json(400, {
        ...result,
        errors: result.problems.map((message) => ({ message })),
        message: `Tệp có ${result.problems.length} lỗi; chưa lưu số liệu nào. Sửa các ô được nêu rồi nhập lại.`,
      })
    return json(201, {
      ...result,
      message: `Đã lưu số liệu năm ${year} của ${result.created + result.updated} đơn vị: ${result.created} mới, ${result.updated} cập nhật.`,
    })
  },
}
