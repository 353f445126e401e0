import { Router, type RequestHandler, type Response } from 'express'
import { LRUCache } from 'lru-cache'
import type { Payload } from 'payload'
import { formatVietnamTime } from '@/lib/time'
import { CHECK_IN_PATH, checkInUrl } from './paths'
import { deviceKey, ensureDevice } from '@/publicForms/device'
import { FORM_CODE } from '@/publicForms/code'
import {
  bodyRefusals,
  choices,
  communeList,
  communeSelect,
  formBody,
  type Commune,
} from '@/publicForms/form'
import { checkForm, ELSEWHERE, type FormSpec } from '@/publicForms/guard'
import { errorBlock, esc, sendPage } from '@/publicForms/page'
import { ageBands, audienceGroups } from '@/vocabulary'
import { qrPdf, qrPng, type PrintLayout } from './qr'
import { checkInWindow, type CheckInTiming } from './window'

type CheckInEvent = CheckInTiming & {
  id: string
  title: string
  venue?: string | null
  ownerUnit: string
  checkIn?: CheckInTiming['checkIn'] & { code?: string | null; participantsSource?: string | null }
}

export type CheckInRouterOptions = {
  /** The public forms' per-address limit (shared with the surveys), or null for none. */
  limiter?: RequestHandler | null
  /** The clock (tests). */
  now?: () => Date
}

/**
 * The public check-in of events, outside Next: a plain HTML form that works without JavaScript
 * and weighs a few kilobytes (a Next page would ship its runtime), the answer saved on submit, and
 * the event's QR code as PNG and PDF (an A4 poster and a table card).
 */
export function checkInRouter(payload: Payload, options: CheckInRouterOptions = {}): Router {
  const now = options.now ?? (() => new Date())
  // A hall checking in at once reads one event hundreds of times a minute: kept a few seconds.
  const events = new LRUCache<string, CheckInEvent | false>({ max: 500, ttl: 5_000 })

  const findEvent = async (code: string) => {
    if (!FORM_CODE.test(code)) return null
    const cached = events.get(code)
    if (cached !== undefined) return cached || null
    const { docs } = await payload.find({
      collection: 'events',
      where: { 'checkIn.code': { equals: code } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      pagination: false,
      select: {
        title: true,
        startsAt: true,
        endsAt: true,
        venue: true,
        status: true,
        ownerUnit: true,
        checkIn: true,
      },
    })
    const event = (docs[0] as unknown as CheckInEvent | undefined) ?? null
    events.set(code, event ?? false)
    return event
  }

  const listCommunes = communeList(payload, now)

  const specOf = (list: Commune[]): FormSpec => ({
    audienceGroup: { label: 'Bạn là', values: audienceGroups.values, required: true },
    commune: {
      label: 'Xã, phường nơi bạn sống hoặc làm việc',
      values: [...list.map((c) => c.id), ELSEWHERE],
      required: true,
    },
    ageBand: { label: 'Độ tuổi', values: ageBands.values },
  })

  const heading = (e: CheckInEvent) =>
    `<p class="meta">Điểm danh sự kiện</p><h1>${esc(e.title)}</h1><p class="meta">${esc(formatVietnamTime(e.startsAt))} – ${esc(formatVietnamTime(e.endsAt))}${e.venue ? ` · ${esc(e.venue)}` : ''}</p>`

  const PRIVACY = `<p class="note" id="thu-thap"><strong>Chúng tôi thu thập gì, để làm gì?</strong> Chỉ thành phần, xã/phường và độ tuổi (nếu bạn chọn), để đếm số người tham dự theo từng nhóm cho báo cáo tuyên truyền chuyển đổi số. Không hỏi họ tên, số điện thoại; không lưu địa chỉ IP. Điện thoại của bạn nhận một cookie ngẫu nhiên để chỉ được tính một lần.</p>`

  const formHtml = (
    e: CheckInEvent,
    code: string,
    list: Commune[],
    picked: Record<string, unknown> = {},
  ) => `<form method="post" action="${CHECK_IN_PATH}/${esc(code)}" aria-describedby="thu-thap">
<fieldset><legend>Bạn là <span aria-hidden="true">*</span></legend>${choices(
    'audienceGroup',
    audienceGroups.values.map((v) => ({ value: v, label: audienceGroups.label(v) })),
    picked.audienceGroup,
    { required: true },
  )}</fieldset>
${communeSelect('Xã, phường nơi bạn sống hoặc làm việc', list, picked.commune)}
<fieldset><legend>Độ tuổi (không bắt buộc)</legend>${choices(
    'ageBand',
    ageBands.values.map((v) => ({ value: v, label: ageBands.label(v) })),
    picked.ageBand,
  )}</fieldset>
<button type="submit">Điểm danh</button></form>${PRIVACY}`

  const closedText = (e: CheckInEvent) => {
    const w = checkInWindow(e, now())
    if (w.state === 'cancelled') return 'Sự kiện này đã bị hủy; không nhận điểm danh.'
    const period = `từ ${formatVietnamTime(w.opensAt)} đến ${formatVietnamTime(w.closesAt)}`
    return w.state === 'before'
      ? `Chưa đến giờ điểm danh. Điểm danh mở ${period}.`
      : `Đã hết giờ điểm danh (mở ${period}).`
  }

  const notFound = (res: Response) =>
    sendPage(
      res,
      404,
      'Không tìm thấy sự kiện',
      `<h1>Không tìm thấy sự kiện</h1><p>Mã điểm danh không đúng hoặc sự kiện đã bị xóa. Vui lòng quét lại mã QR tại nơi tổ chức.</p>`,
    )

  const alreadyCounted = async (e: CheckInEvent, key: string) =>
    (
      await payload.count({
        collection: 'event-check-ins',
        where: { and: [{ event: { equals: e.id } }, { deviceKey: { equals: key } }] },
        overrideAccess: true,
      })
    ).totalDocs > 0

  const ALREADY = `<div class="ok" role="status"><p><strong>Điện thoại này đã điểm danh cho sự kiện này.</strong> Mỗi điện thoại chỉ được tính một lần; bạn không cần điểm danh lại.</p></div>`

  const router = Router()

  router.get('/:code', async (req, res, next) => {
    try {
      const e = await findEvent(req.params.code)
      if (!e) return notFound(res)
      const title = `Điểm danh: ${e.title}`
      if (checkInWindow(e, now()).state !== 'open')
        return sendPage(
          res,
          200,
          title,
          `${heading(e)}<div class="err" role="status"><p>${esc(closedText(e))}</p></div>`,
        )
      const device = ensureDevice(req, res, payload.secret)
      if (await alreadyCounted(e, deviceKey(payload.secret, device, `event:${e.id}`)))
        return sendPage(res, 200, title, `${heading(e)}${ALREADY}`)
      sendPage(
        res,
        200,
        title,
        `${heading(e)}${formHtml(e, req.params.code, await listCommunes())}`,
      )
    } catch (err) {
      next(err)
    }
  })

  const post: RequestHandler[] = [
    ...formBody(options.limiter, 'trang điểm danh'),
    async (req, res, next) => {
      try {
        const code = req.params.code as string
        const e = await findEvent(code)
        if (!e) return notFound(res)
        const title = `Điểm danh: ${e.title}`
        if (checkInWindow(e, now()).state !== 'open')
          return sendPage(res, 403, title, `${heading(e)}${errorBlock([closedText(e)])}`)
        const list = await listCommunes()
        const checked = checkForm(req.body, specOf(list))
        if (!checked.values)
          return sendPage(
            res,
            400,
            title,
            `${heading(e)}${errorBlock(checked.errors)}${formHtml(e, code, list, req.body ?? {})}`,
          )
        const device = ensureDevice(req, res, payload.secret)
        const key = deviceKey(payload.secret, device, `event:${e.id}`)
        if (await alreadyCounted(e, key))
          return sendPage(res, 200, title, `${heading(e)}${ALREADY}`)
        const { audienceGroup, commune, ageBand } = checked.values
        try {
          await payload.create({
            collection: 'event-check-ins',
            data: {
              event: e.id,
              ownerUnit: e.ownerUnit,
              audienceGroup: audienceGroup as (typeof audienceGroups.values)[number],
              commune: commune === ELSEWHERE ? null : (commune as string),
              ageBand: (ageBand as (typeof ageBands.values)[number] | null) ?? null,
              deviceKey: key,
            },
            overrideAccess: true,
            depth: 0,
          })
        } catch (err) {
          // Two taps at once: the unique index (event, device) let one through.
          if (await alreadyCounted(e, key))
            return sendPage(res, 200, title, `${heading(e)}${ALREADY}`)
          throw err
        }
        sendPage(
          res,
          201,
          title,
          `${heading(e)}<div class="ok" role="status"><p><strong>Cảm ơn bạn, đã điểm danh thành công.</strong></p><p>Chúc bạn tham dự sự kiện bổ ích.</p></div>`,
        )
      } catch (err) {
        next(err)
      }
    },
  ]
  router.post('/:code', ...post)

  router.get('/:code/ma-qr.png', async (req, res, next) => {
    try {
      const e = await findEvent(req.params.code)
      if (!e) return notFound(res)
      res
        .type('png')
        .set('Content-Disposition', `inline; filename="diem-danh-${e.id}.png"`)
        .send(await qrPng(checkInUrl(req.params.code)))
    } catch (err) {
      next(err)
    }
  })

  router.get('/:code/ma-qr.pdf', async (req, res, next) => {
    try {
      const e = await findEvent(req.params.code)
      if (!e) return notFound(res)
      const layout: PrintLayout = req.query.mau === 'the-ban' ? 'card' : 'poster'
      const pdf = await qrPdf(checkInUrl(req.params.code), e, layout)
      res
        .type('pdf')
        .set(
          'Content-Disposition',
          `inline; filename="diem-danh-${e.id}-${layout === 'card' ? 'the-ban' : 'ap-phich'}.pdf"`,
        )
        .send(pdf)
    } catch (err) {
      next(err)
    }
  })

  router.use(bodyRefusals)
  return router
}
