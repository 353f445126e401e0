import { INVALID_JSON, invalidJsonResponse, readBody } from '@/lib/jsonBody'
import { initI18n } from '@payloadcms/translations'
import {
  APIError,
  commitTransaction,
  Forbidden,
  initTransaction,
  killTransaction,
  ValidationError,
  type Endpoint,
  type PayloadRequest,
  type RequiredDataFromCollectionSlug,
} from 'payload'
import type { Publication } from '@/payload-types'
import { contentKinds, HIDES_LIVE_CONTENT, PublicationStatus, type ContentKind } from '@/vocabulary'

/** What the form (or any client) sends: one content item, the channels, and one time for all of them. */
export type ScheduleInput = {
  content: { relationTo: ContentKind; value: string }
  channels: string[]
  scheduledAt?: string
  publishNow?: boolean
  message?: string
  hashtags?: string[]
  campaign?: string
  /** The editor confirmed hiding a live item from the public page until its web-page time (see checkSchedule). */
  hideLiveUntilScheduled?: boolean
}

/** One refusal; `channel` is absent when the request as a whole is wrong (no channel, no content…). */
export type ScheduleError = {
  channel?: string
  channelName?: string
  message: string
  /** Set when the form can lift the refusal by asking the editor to confirm (HIDES_LIVE_CONTENT). */
  code?: typeof HIDES_LIVE_CONTENT
}

export type ScheduledPublication = {
  id: string
  contentTitle: string | null
  channel: string
  channelName: string | null
  scheduledAt: string
  status: PublicationStatus
  approvalRequired: boolean
}

export type ScheduleResult =
  | { status: 201; body: { docs: ScheduledPublication[] } }
  | { status: 400 | 401; body: { errors: ScheduleError[] } }

/** More than this in one action is almost certainly a mistake (and a slow request). */
export const MAX_CHANNELS = 50

/** A request body as parsed JSON, before `parse` has checked its shape. */
type Raw = Record<string, unknown>

const fail = (status: 400 | 401, message: string): ScheduleResult => ({
  status,
  body: { errors: [{ message }] },
})

const idOf = (v: unknown): string | null => {
  if (v && typeof v === 'object' && 'id' in v) return String(v.id)
  if (typeof v === 'string' && v.trim()) return v.trim()
  if (typeof v === 'number') return String(v)
  return null
}

/** Checks the request's shape only; every rule about the schedule itself stays in the checkSchedule hook. */
function parse(raw: unknown): ScheduleInput | string {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'Dữ liệu gửi lên không hợp lệ.'
  const body = raw as Raw
  const content = body.content as Raw | undefined
  const contentId = idOf(content?.value)
  if (!content || !contentKinds.includes(content.relationTo) || !contentId) {
    return 'Cần chọn nội dung (tin bài, video, infographic hoặc sự kiện).'
  }
  if (body.channels != null && !Array.isArray(body.channels)) return 'Danh sách kênh không hợp lệ.'
  const channels = [
    ...new Set(((body.channels ?? []) as unknown[]).map(idOf).filter((id): id is string => !!id)),
  ]
  if (!channels.length) return 'Cần chọn ít nhất một kênh đăng.'
  if (channels.length > MAX_CHANNELS) return `Mỗi lần chỉ lên lịch tối đa ${MAX_CHANNELS} kênh.`
  const publishNow = body.publishNow === true
  const scheduledAt =
    typeof body.scheduledAt === 'string' && body.scheduledAt.trim()
      ? body.scheduledAt.trim()
      : undefined
  if (!publishNow && !scheduledAt) return 'Cần chọn thời điểm đăng hoặc chọn "Đăng ngay".'
  if (body.message != null && typeof body.message !== 'string') return 'Lời dẫn không hợp lệ.'
  if (body.hashtags != null && !Array.isArray(body.hashtags))
    return 'Danh sách hashtag không hợp lệ.'
  const hashtags = ((body.hashtags ?? []) as unknown[])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.trim())
    .filter(Boolean)
  return {
    content: { relationTo: content.relationTo, value: contentId },
    channels,
    scheduledAt,
    publishNow,
    message: typeof body.message === 'string' && body.message.trim() ? body.message : undefined,
    hashtags,
    campaign: idOf(body.campaign) ?? undefined,
    hideLiveUntilScheduled: body.hideLiveUntilScheduled === true,
  }
}

/** A refusal as one Vietnamese sentence, whatever threw it (hook, field validation, access, database). */
function messageOf(req: PayloadRequest, err: unknown): string {
  if (err instanceof ValidationError) {
    const messages = (err.data?.errors ?? []).map((e) => e.message).filter(Boolean)
    return messages.length ? [...new Set(messages)].join(' ') : 'Dữ liệu lịch đăng không hợp lệ.'
  }
  if (err instanceof Forbidden)
    return 'Bạn không có quyền lên lịch đăng (chỉ biên tập viên của đơn vị và quản lý chiến dịch).'
  if (err instanceof APIError && err.isPublic) return err.message
  req.payload.logger.error({ err, msg: 'schedule-publications: lỗi khi tạo lịch đăng' })
  return 'Không tạo được lịch đăng trên kênh này do lỗi hệ thống. Hãy thử lại hoặc báo quản trị viên.'
}

/** The code of a refusal the editor can lift by confirming (the field checkSchedule names). */
const codeOf = (err: unknown): Pick<ScheduleError, 'code'> =>
  err instanceof ValidationError &&
  (err.data?.errors ?? []).some((e) => e.path === 'hideLiveUntilScheduled')
    ? { code: HIDES_LIVE_CONTENT }
    : {}

/** Field validation messages come from Payload's translations: always give them in Vietnamese. */
async function inVietnamese(req: PayloadRequest) {
  if (req.i18n?.language === 'vi') return
  const i18n = await initI18n({ config: req.payload.config.i18n, context: 'api', language: 'vi' })
  req.i18n = i18n
  req.t = i18n.t
}

/**
 * Schedules one content item on several channels as the requesting user, all or nothing.
 *
 * Every publication goes through the normal create (access rules and the checkSchedule hook, with
 * `overrideAccess: false`) inside one transaction when the database offers one. Each is first
 * created as a draft, which no dispatcher ever picks up; only when every channel accepted it are
 * they moved to their real status (scheduled, or awaiting approval when the hook asked for it). So
 * even without transactions (SQLite here runs without them) nothing can be sent, and nothing is
 * left behind, when one channel refuses: the drafts are deleted and each refusal is reported.
 */
export async function schedulePublications(
  req: PayloadRequest,
  raw: unknown,
): Promise<ScheduleResult> {
  if (!req.user) return fail(401, 'Bạn cần đăng nhập để lên lịch đăng.')
  const input = parse(raw)
  if (typeof input === 'string') return fail(400, input)
  await inVietnamese(req)

  const { payload } = req
  const names = new Map<string, string>()
  try {
    const found = await payload.find({
      collection: 'channels',
      where: { id: { in: input.channels } },
      limit: input.channels.length,
      depth: 0,
      overrideAccess: false,
      req,
      select: { name: true },
    })
    for (const c of found.docs) names.set(String(c.id), c.name)
  } catch {
    // Names only make messages friendlier; the hook reports unknown channels itself.
  }

  const base = {
    content: input.content,
    campaign: input.campaign ?? null,
    scheduledAt: input.scheduledAt,
    publishNow: input.publishNow,
    message: input.message,
    hashtags: input.hashtags,
    hideLiveUntilScheduled: input.hideLiveUntilScheduled,
  }
  const ownsTransaction = await initTransaction(req)
  const drafts: Publication[] = []
  const errors: ScheduleError[] = []

  const discard = async () => {
    if (ownsTransaction) await killTransaction(req)
    // Without a transaction (or once a failed create rolled it back) the drafts may still exist.
    const ids = drafts.map((d) => d.id)
    if (ids.length) {
      await payload
        .delete({
          collection: 'publications',
          where: { id: { in: ids } },
          overrideAccess: true,
          req,
        })
        .catch((err) =>
          payload.logger.error({ err, msg: 'schedule-publications: không xoá được bản nháp tạm' }),
        )
    }
  }

  // 1. Every channel checks the schedule; nothing is due yet.
  for (const channel of input.channels) {
    try {
      const doc = await payload.create({
        collection: 'publications',
        // The generated type wants what hooks and defaults supply here: `scheduledAt` (set by the
        // checkSchedule hook on publishNow) and `scheduledAt_tz` (the field's default time zone).
        data: {
          ...base,
          channel,
          status: PublicationStatus.Draft,
        } as RequiredDataFromCollectionSlug<'publications'>,
        overrideAccess: false,
        depth: 0,
        req,
      })
      drafts.push(doc)
    } catch (err) {
      errors.push({
        channel,
        channelName: names.get(channel),
        message: messageOf(req, err),
        ...codeOf(err),
      })
    }
  }
  if (errors.length) {
    await discard()
    return { status: 400, body: { errors } }
  }

  // 2. All accepted: give each its real status, as a direct create would have.
  const docs: ScheduledPublication[] = []
  try {
    for (const draft of drafts) {
      const approvalRequired = !!draft.approval?.required
      const doc = await payload.update({
        collection: 'publications',
        id: draft.id,
        data: {
          status: approvalRequired
            ? PublicationStatus.AwaitingApproval
            : PublicationStatus.Scheduled,
          ...(input.publishNow ? { publishNow: true } : {}),
        },
        overrideAccess: false,
        depth: 0,
        req,
      })
      const channel = String(idOf(doc.channel))
      docs.push({
        id: String(doc.id),
        contentTitle: doc.contentTitle ?? null,
        channel,
        channelName: names.get(channel) ?? null,
        scheduledAt: doc.scheduledAt,
        status: doc.status,
        approvalRequired: !!doc.approval?.required,
      })
    }
  } catch (err) {
    const channel = String(idOf(drafts[docs.length]?.channel) ?? '')
    await discard()
    return {
      status: 400,
      body: {
        errors: [{ channel, channelName: names.get(channel), message: messageOf(req, err) }],
      },
    }
  }
  if (ownsTransaction) await commitTransaction(req)
  return { status: 201, body: { docs } }
}

/** `POST /api/schedule-publications`: see `schedulePublications`. */
export const schedulePublicationsEndpoint: Endpoint = {
  path: '/schedule-publications',
  method: 'post',
  handler: async (req) => {
    // Read only for a signed-in user: an anonymous request is refused before its body matters.
    const body = req.user ? await readBody(req) : undefined
    if (body === INVALID_JSON) return invalidJsonResponse()
    const result = await schedulePublications(req, body)
    return Response.json(result.body, { status: result.status })
  },
}
