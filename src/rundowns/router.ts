import crypto from 'node:crypto'
import { Router, type Request, type Response } from 'express'
import type { Payload } from 'payload'
import { recordAudit } from '@/audit/record'
import { toSlug } from '@/lib/slug'
import { AuditAction } from '@/vocabulary'
import { findBroadcastChannel, loadRundown, parseRundownDate } from './data'
import { escapeHtml } from '@/lib/html'
import { renderRundownCsv, renderRundownHtml } from './render'

/** Express's Node headers as Fetch API headers, for payload.auth (Payload cookie or `Authorization: JWT …`). */
function fetchHeaders(req: Request): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v)
    else if (value != null) headers.set(name, value)
  }
  return headers
}

/** A short Vietnamese error: JSON for API clients, a small page for browsers. */
function sendError(res: Response, req: Request, status: number, message: string, extraHtml = '') {
  res.status(status).set('Cache-Control', 'no-store')
  if (req.accepts(['html', 'json']) === 'json') {
    res.json({ errors: [{ message }] })
    return
  }
  res
    .type('html')
    .send(
      `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(message)}</title></head>` +
        `<body><p>${escapeHtml(message)}</p>${extraHtml}</body></html>`,
    )
}

/**
 * Daily broadcast rundowns per station: GET /rundowns/:channelId/:date (YYYY-MM-DD, Vietnam time)
 * as a printable page, or `?format=csv` as a spreadsheet. Any logged-in staff member may read them.
 */
export function rundownsRouter(payload: Payload): Router {
  const router = Router()

  router.get('/:channelId/:date', async (req, res) => {
    try {
      const { user } = await payload.auth({ headers: fetchHeaders(req) })
      if (!user) {
        const login = `${payload.config.routes.admin}/login?redirect=${encodeURIComponent(req.originalUrl)}`
        res.set('WWW-Authenticate', 'JWT realm="rundowns"')
        sendError(
          res,
          req,
          401,
          'Bạn cần đăng nhập để xem lịch phát sóng.',
          `<p><a href="${escapeHtml(login)}">Đăng nhập</a></p>`,
        )
        return
      }
      const date = parseRundownDate(req.params.date)
      if (!date) {
        sendError(
          res,
          req,
          400,
          `Ngày "${req.params.date}" không hợp lệ. Hãy ghi ngày theo dạng NNNN-TT-NN, ví dụ 2026-11-22.`,
        )
        return
      }
      const channel = await findBroadcastChannel(payload, req.params.channelId)
      if (!channel) {
        sendError(
          res,
          req,
          404,
          'Không tìm thấy kênh phát thanh, truyền hình hoặc truyền thanh cơ sở này.',
        )
        return
      }
      const rundown = await loadRundown(payload, channel, date)
      res.set({
        'Cache-Control': 'private, no-store',
        'X-Robots-Tag': 'noindex',
        Vary: 'Cookie, Authorization',
      })

      if (req.query.format === 'csv') {
        const name = toSlug(rundown.channel.name) || rundown.channel.id
        const filename = `lich-phat-song-${name}-${date}.csv`
        await recordAudit(payload, {
          action: AuditAction.ExportDownloaded,
          user,
          collection: 'channels',
          documentId: rundown.channel.id,
          documentTitle: rundown.channel.name,
          summary: `Tải lịch phát sóng ${date} (${filename})`,
          clientAddress: req.ip ?? null,
        })
        res.attachment(filename)
        res.type('text/csv; charset=utf-8').send(renderRundownCsv(rundown))
        return
      }
      const nonce = crypto.randomBytes(16).toString('base64')
      res.set(
        'Content-Security-Policy',
        `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'`,
      )
      res.type('html').send(renderRundownHtml(rundown, { nonce, csvHref: '?format=csv' }))
    } catch (err) {
      payload.logger.error(
        { err },
        `[rundowns] lỗi khi lập lịch phát sóng ${req.params.channelId}/${req.params.date}`,
      )
      if (!res.headersSent)
        sendError(res, req, 500, 'Lỗi máy chủ khi lập lịch phát sóng. Vui lòng thử lại sau.')
    }
  })

  return router
}
