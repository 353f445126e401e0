import { Router, type RequestHandler, type Response } from 'express'
import { LRUCache } from 'lru-cache'
import type { Payload } from 'payload'
import { qrPng } from '@/checkIn/qr'
import { relationId } from '@/lib/relation'
import { formatVietnamTime } from '@/lib/time'
import { FORM_CODE } from '@/publicForms/code'
import { deviceKey, ensureDevice } from '@/publicForms/device'
import {
  bodyRefusals,
  choices,
  communeList,
  communeSelect,
  formBody,
  type Commune,
} from '@/publicForms/form'
import { checkForm, ELSEWHERE } from '@/publicForms/guard'
import { errorBlock, esc, sendPage } from '@/publicForms/page'
import { ageBands, QuestionKind } from '@/vocabulary'
import { SURVEY_PATH, surveyUrl } from './paths'
import { answersOf, isAware, optionsOf, surveySpec, type SurveyDoc } from './questions'

export type SurveyRouterOptions = {
  /** The public forms' per-address limit (shared with the check-in), or null for none. */
  limiter?: RequestHandler | null
  /** The clock (tests). */
  now?: () => Date
}

const PRIVACY = `<p class="note" id="thu-thap"><strong>Chúng tôi thu thập gì, để làm gì?</strong> Chỉ các câu trả lời, xã/phường và độ tuổi (nếu có), để ước tính tỷ lệ người dân biết và sử dụng dịch vụ công trực tuyến cho báo cáo chuyển đổi số của tỉnh. Không hỏi họ tên, số điện thoại, số định danh; không lưu địa chỉ IP. Điện thoại của bạn nhận một cookie ngẫu nhiên để mỗi máy chỉ trả lời một lần.</p>`
const ALREADY = `<div class="ok" role="status"><p><strong>Điện thoại này đã gửi phiếu khảo sát này.</strong> Mỗi điện thoại chỉ được tính một lần; cảm ơn bạn đã tham gia.</p></div>`

/**
 * The public surveys, outside Next like the check-in (src/checkIn/router.ts): a plain HTML form of
 * a few kilobytes that works without JavaScript, one answer per device, open only between the
 * survey's opening and closing time, and an optional quota per commune.
 */
export function surveyRouter(payload: Payload, options: SurveyRouterOptions = {}): Router {
  const now = options.now ?? (() => new Date())
  const surveys = new LRUCache<string, SurveyDoc | false>({ max: 200, ttl: 5_000 })
  const listCommunes = communeList(payload, now)

  const findSurvey = async (code: string) => {
    if (!FORM_CODE.test(code)) return null
    const cached = surveys.get(code)
    if (cached !== undefined) return cached || null
    const { docs } = await payload.find({
      collection: 'surveys',
      where: { code: { equals: code } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      pagination: false,
    })
    const survey = (docs[0] as unknown as SurveyDoc | undefined) ?? null
    surveys.set(code, survey ?? false)
    return survey
  }

  const stateOf = (s: SurveyDoc) => {
    const t = now()
    return t < new Date(s.opensAt) ? 'before' : t > new Date(s.closesAt) ? 'after' : 'open'
  }
  const closedText = (s: SurveyDoc) => {
    const period = `từ ${formatVietnamTime(s.opensAt)} đến ${formatVietnamTime(s.closesAt)}`
    return stateOf(s) === 'before'
      ? `Khảo sát chưa mở. Thời gian nhận phiếu ${period}.`
      : `Khảo sát đã kết thúc (nhận phiếu ${period}). Cảm ơn bạn đã quan tâm.`
  }

  const heading = (s: SurveyDoc) =>
    `<p class="meta">Khảo sát</p><h1>${esc(s.title)}</h1>${s.intro ? `<p>${esc(s.intro)}</p>` : ''}`

  const formHtml = (
    s: SurveyDoc,
    list: Commune[],
    picked: Record<string, unknown> = {},
  ) => `<form method="post" action="${SURVEY_PATH}/${esc(s.code)}" aria-describedby="thu-thap">
${(s.questions ?? [])
  .map((q, i) => {
    const required = q.required !== false
    const multiple = q.kind === QuestionKind.Multiple
    const hint = multiple
      ? ' (chọn một hoặc nhiều)'
      : q.kind === QuestionKind.Scale
        ? ' (1: rất thấp, 5: rất cao)'
        : ''
    return `<fieldset><legend>${i + 1}. ${esc(q.text)}${esc(hint)}${required ? ' <span aria-hidden="true">*</span>' : ' (không bắt buộc)'}</legend>${choices(
      `q_${q.key}`,
      optionsOf(q),
      picked[`q_${q.key}`],
      { required, multiple },
    )}</fieldset>`
  })
  .join('\n')}
${communeSelect('Xã, phường nơi bạn sống', list, picked.commune)}
${
  s.askAgeBand !== false
    ? `<fieldset><legend>Độ tuổi (không bắt buộc)</legend>${choices(
        'ageBand',
        ageBands.values.map((v) => ({ value: v, label: ageBands.label(v) })),
        picked.ageBand,
      )}</fieldset>`
    : ''
}
<button type="submit">Gửi phiếu</button></form>${PRIVACY}`

  const notFound = (res: Response) =>
    sendPage(
      res,
      404,
      'Không tìm thấy khảo sát',
      `<h1>Không tìm thấy khảo sát</h1><p>Đường dẫn không đúng hoặc khảo sát đã bị xóa. Vui lòng quét lại mã QR hoặc mở lại đường dẫn được chia sẻ.</p>`,
    )

  const answered = async (s: SurveyDoc, key: string) =>
    (
      await payload.count({
        collection: 'survey-responses',
        where: { and: [{ survey: { equals: s.id } }, { deviceKey: { equals: key } }] },
        overrideAccess: true,
      })
    ).totalDocs > 0

  const quotaReached = async (s: SurveyDoc, commune: string) =>
    s.quotaPerCommune != null &&
    (
      await payload.count({
        collection: 'survey-responses',
        where: { and: [{ survey: { equals: s.id } }, { commune: { equals: commune } }] },
        overrideAccess: true,
      })
    ).totalDocs >= s.quotaPerCommune

  const router = Router()

  router.get('/:code', async (req, res, next) => {
    try {
      const s = await findSurvey(req.params.code)
      if (!s) return notFound(res)
      if (stateOf(s) !== 'open')
        return sendPage(
          res,
          200,
          s.title,
          `${heading(s)}<div class="err" role="status"><p>${esc(closedText(s))}</p></div>`,
        )
      const device = ensureDevice(req, res, payload.secret)
      if (await answered(s, deviceKey(payload.secret, device, `survey:${s.id}`)))
        return sendPage(res, 200, s.title, `${heading(s)}${ALREADY}`)
      sendPage(res, 200, s.title, `${heading(s)}${formHtml(s, await listCommunes())}`)
    } catch (err) {
      next(err)
    }
  })

  router.post(
    '/:code',
    ...formBody(options.limiter, 'trang khảo sát', 300),
    async (req, res, next) => {
      try {
        const s = await findSurvey(req.params.code as string)
        if (!s) return notFound(res)
        if (stateOf(s) !== 'open')
          return sendPage(res, 403, s.title, `${heading(s)}${errorBlock([closedText(s)])}`)
        const list = await listCommunes()
        const checked = checkForm(
          req.body,
          surveySpec(
            s,
            list.map((c) => c.id),
          ),
        )
        if (!checked.values)
          return sendPage(
            res,
            400,
            s.title,
            `${heading(s)}${errorBlock(checked.errors)}${formHtml(s, list, req.body ?? {})}`,
          )
        const device = ensureDevice(req, res, payload.secret)
        const key = deviceKey(payload.secret, device, `survey:${s.id}`)
        if (await answered(s, key)) return sendPage(res, 200, s.title, `${heading(s)}${ALREADY}`)
        const commune = checked.values.commune === ELSEWHERE ? null : String(checked.values.commune)
        if (commune && (await quotaReached(s, commune))) {
          const name = list.find((c) => c.id === commune)?.name ?? 'Xã, phường này'
          return sendPage(
            res,
            409,
            s.title,
            `${heading(s)}${errorBlock([`${name} đã đủ số phiếu khảo sát (${s.quotaPerCommune} phiếu). Cảm ơn bạn đã quan tâm.`])}`,
          )
        }
        const answers = answersOf(s, checked.values)
        try {
          await payload.create({
            collection: 'survey-responses',
            data: {
              survey: s.id as never,
              ownerUnit: relationId(s.ownerUnit) as never,
              commune: commune as never,
              ageBand: (checked.values.ageBand as (typeof ageBands.values)[number] | null) ?? null,
              answers,
              aware: isAware(s.questions ?? [], answers),
              deviceKey: key,
            },
            overrideAccess: true,
            depth: 0,
          })
        } catch (err) {
          // Two taps at once: the unique index (survey, device) let one through.
          if (await answered(s, key)) return sendPage(res, 200, s.title, `${heading(s)}${ALREADY}`)
          throw err
        }
        sendPage(
          res,
          201,
          s.title,
          `${heading(s)}<div class="ok" role="status"><p><strong>Cảm ơn bạn, phiếu khảo sát đã được gửi.</strong></p><p>Ý kiến của bạn giúp tỉnh đưa dịch vụ công trực tuyến đến gần người dân hơn.</p></div>`,
        )
      } catch (err) {
        next(err)
      }
    },
  )

  router.get('/:code/ma-qr.png', async (req, res, next) => {
    try {
      const s = await findSurvey(req.params.code)
      if (!s) return notFound(res)
      res
        .type('png')
        .set('Content-Disposition', `inline; filename="khao-sat-${s.id}.png"`)
        .send(await qrPng(surveyUrl(req.params.code)))
    } catch (err) {
      next(err)
    }
  })

  router.use(bodyRefusals)
  return router
}
