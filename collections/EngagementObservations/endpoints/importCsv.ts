import { addDataAndFileToRequest, type Endpoint, type PayloadRequest } from 'payload'
import { isCrossUnit, unitIdOf } from '@/access/roles'
import { observationProblem } from '@/engagement/check'
import { engagementTemplateCsv, parseEngagementCsv, type CsvProblem } from '@/engagement/csv'
import { AuditAction, EngagementSource, PublicationStatus, Role } from '@/vocabulary'
import { recordAudit } from '@/audit/record'
import { hasRole } from '@/access/roles'

const json = (status: number, body: unknown) => Response.json(body, { status })

/** Who may import and download the template: those who may enter figures (editors for their unit, managers for all). */
function refusal(req: PayloadRequest): Response | null {
  if (!req.user)
    return json(401, { errors: [{ message: 'Bạn cần đăng nhập để nhập số liệu tương tác.' }] })
  if (!isCrossUnit(req.user) && !(hasRole(req.user, Role.Editor) && unitIdOf(req.user))) {
    return json(403, {
      errors: [{ message: 'Chỉ biên tập viên và quản lý chiến dịch được nhập số liệu tương tác.' }],
    })
  }
  return null
}

/** The uploaded file (multipart field "file") or the raw request body, as text. */
async function uploadedText(req: PayloadRequest): Promise<string> {
  const type = req.headers.get('content-type') ?? ''
  if (type.startsWith('multipart/form-data')) {
    await addDataAndFileToRequest(req)
    return req.file?.data ? Buffer.from(req.file.data).toString('utf8') : ''
  }
  return req.text ? await req.text() : ''
}

/**
 * POST /api/engagement-observations/import: a CSV of figures, all or nothing. Every line is checked
 * (format, publication published and the user's unit's, dates) before anything is written; one bad
 * line refuses the file with every problem and its line number.
 */
export const importEngagementCsv: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    const refused = refusal(req)
    if (refused) return refused
    const text = await uploadedText(req)
    if (!text.trim())
      return json(400, {
        errors: [
          {
            message:
              'Chưa có tệp CSV: gửi tệp ở trường "file" hoặc nội dung CSV trong thân yêu cầu.',
          },
        ],
      })
    const parsed = parseEngagementCsv(text)
    const problems: CsvProblem[] = [...parsed.problems]
    for (const row of parsed.rows) {
      const result = await observationProblem(
        req.payload,
        req.user,
        row.publication,
        row.observedAt,
        row.figures,
        req,
      )
      if ('problem' in result) problems.push({ line: row.line, message: result.problem })
    }
    if (problems.length) {
      problems.sort((a, b) => a.line - b.line)
      return json(400, {
        errors: problems.map((p) => ({ message: `Dòng ${p.line}: ${p.message}`, line: p.line })),
        message: `Tệp có ${problems.length} lỗi; chưa lưu dòng nào. Sửa các dòng được nêu rồi nhập lại.`,
      })
    }
    const created: string[] = []
    try {
      for (const row of parsed.rows) {
        const doc = await req.payload.create({
          collection: 'engagement-observations',
          data: {
            publication: row.publication,
            observedAt: row.observedAt.toISOString(),
            source: EngagementSource.Csv,
            ...row.figures,
          },
          user: req.user,
          overrideAccess: false,
          depth: 0,
          req,
        })
        created.push(String(doc.id))
      }
    } catch (err) {
      // Something changed between the check and the write (a publication withdrawn meanwhile): undo, so the file stays all or nothing.
      if (created.length)
        await req.payload.delete({
          collection: 'engagement-observations',
          where: { id: { in: created } },
          overrideAccess: true,
          req,
        })
      return json(400, {
        errors: [{ message: `Không lưu được tệp, chưa lưu dòng nào: ${(err as Error).message}` }],
      })
    }
    return json(201, {
      created: created.length,
      skippedLines: parsed.skipped,
      message: `Đã nhập ${created.length} dòng số liệu.`,
    })
  },
}

/** GET /api/engagement-observations/template: the CSV to fill in, listing the user's published publications of the last 90 days. */
export const engagementTemplate: Endpoint = {
  path: '/template',
  method: 'get',
  handler: async (req) => {
    const refused = refusal(req)
    if (refused) return refused
    const since = new Date(Date.now() - 90 * 86_400_000).toISOString()
    const found = await req.payload.find({
      collection: 'publications',
      where: {
        and: [
          { status: { equals: PublicationStatus.Published } },
          { publishedAt: { greater_than_equal: since } },
        ],
      },
      sort: '-publishedAt',
      limit: 1000,
      depth: 0,
      user: req.user,
      overrideAccess: false,
      select: { contentTitle: true, channelName: true },
    })
    const csv = engagementTemplateCsv(
      found.docs.map((d) => ({
        id: String(d.id),
        contentTitle: d.contentTitle,
        channelName: d.channelName,
      })),
    )
    const filename = 'mau-so-lieu-tuong-tac.csv'
    await recordAudit(
      req.payload,
      {
        action: AuditAction.ExportDownloaded,
        user: req.user,
        collection: 'engagement-observations',
        documentTitle: filename,
        summary: `Tải mẫu số liệu tương tác (${found.docs.length} lịch đăng)`,
      },
      req,
    )
    return new Response(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${filename}"`,
      },
    })
  },
}
