import express, { type ErrorRequestHandler, type RequestHandler } from 'express'
import { LRUCache } from 'lru-cache'
import type { Payload } from 'payload'
import { vnDayKey } from '@/lib/time'
import { UnitKind } from '@/vocabulary'
import { ELSEWHERE, FORM_BODY_LIMIT } from './guard'
import { errorBlock, esc, sendPage } from './page'

/**
 * What every public form's POST goes through before its own handler: the per-address limiter,
 * only a urlencoded form (no JSON, no multipart, no scripts posting files), a small body.
 */
export function formBody(
  limiter: RequestHandler | null | undefined,
  fromWhere: string,
  parameterLimit = 10,
) {
  const handlers: RequestHandler[] = [
    ...(limiter ? [limiter] : []),
    (req, res, next) => {
      if (!req.is('application/x-www-form-urlencoded'))
        return sendPage(
          res,
          415,
          'Không nhận được',
          errorBlock([`Chỉ nhận biểu mẫu gửi từ ${fromWhere}.`]),
        )
      next()
    },
    express.urlencoded({ extended: false, limit: FORM_BODY_LIMIT, parameterLimit }),
  ]
  return handlers
}

/** The body parser's refusals (too large, too many fields) as a page, not a stack trace. */
export const bodyRefusals: ErrorRequestHandler = (err, _req, res, next) => {
  const status = (err as { status?: number }).status
  if (status === 413 || status === 400)
    return sendPage(
      res,
      status,
      'Không nhận được',
      errorBlock([
        status === 413
          ? 'Dữ liệu gửi lên quá lớn hoặc có quá nhiều trường; biểu mẫu chỉ nhận các câu trả lời của nó.'
          : 'Dữ liệu gửi lên không đúng định dạng của biểu mẫu.',
      ]),
    )
  next(err)
}

export type Choice = { value: string; label: string }

/** A list of radio buttons or check boxes, each a 44 px target, with the earlier answer kept. */
export function choices(
  name: string,
  options: readonly Choice[],
  picked: unknown,
  { required = false, multiple = false } = {},
) {
  const chosen = new Set((Array.isArray(picked) ? picked : [picked]).map(String))
  return options
    .map(
      (o) =>
        `<label class="opt"><input type="${multiple ? 'checkbox' : 'radio'}" name="${esc(name)}" value="${esc(o.value)}"${chosen.has(o.value) ? ' checked' : ''}${required && !multiple ? ' required' : ''}> ${esc(o.label)}</label>`,
    )
    .join('')
}

export type Commune = { id: string; name: string }

/** The communes and wards of today (a minute's cache: a form is opened hundreds of times a minute). */
export function communeList(payload: Payload, now: () => Date) {
  const cache = new LRUCache<'all', Commune[]>({ max: 1, ttl: 60_000 })
  return async (): Promise<Commune[]> => {
    const cached = cache.get('all')
    if (cached) return cached
    const today = vnDayKey(now())
    const { docs } = await payload.find({
      collection: 'units',
      where: {
        and: [
          { kind: { equals: UnitKind.Commune } },
          { or: [{ validTo: { exists: false } }, { validTo: { greater_than_equal: today } }] },
        ],
      },
      sort: 'name',
      depth: 0,
      limit: 2000,
      pagination: false,
      overrideAccess: true,
      select: { name: true },
    })
    const list = docs.map((d) => ({ id: String(d.id), name: d.name }))
    cache.set('all', list)
    return list
  }
}

/** The commune as a select, with "elsewhere" last. */
export const communeSelect = (label: string, list: readonly Commune[], picked: unknown) =>
  `<label class="field" for="commune">${esc(label)} <span aria-hidden="true">*</span></label>
<select id="commune" name="commune" required><option value="">— Chọn xã, phường —</option>${list
    .map(
      (c) =>
        `<option value="${esc(c.id)}"${picked === c.id ? ' selected' : ''}>${esc(c.name)}</option>`,
    )
    .join(
      '',
    )}<option value="${ELSEWHERE}"${picked === ELSEWHERE ? ' selected' : ''}>Nơi khác (ngoài tỉnh)</option></select>`
