import { APIError, type Endpoint, type PayloadRequest } from 'payload'
import { hasRole, isCrossUnit, unitIdOf } from '@/access/roles'
import { AiringStatus, isBroadcastKind, PublicationStatus, Role } from '@/vocabulary'
import { INVALID_JSON, INVALID_JSON_MESSAGE, readBody } from '@/lib/jsonBody'
import { relationId, sameId } from '@/lib/relation'
import type { Publication } from '@/payload-types'

/** The longest a slot can have aired: a whole day. */
export const MAX_AIRING_SECONDS = 24 * 3600
export const MAX_NOTE_LENGTH = 1000

export type AiringConfirmation = {
  aired: boolean
  actualDurationSeconds?: number | null
  note?: string | null
}

const fail = (message: string, status: number): never => {
  throw new APIError(message, status, undefined, true)
}

/** The body as a confirmation, or a 400 saying what is wrong. */
export function parseAiringConfirmation(body: unknown): {
  aired: boolean
  actualDurationSeconds: number | null
  note: string | null
} {
  if (body === INVALID_JSON) return fail(INVALID_JSON_MESSAGE, 400)
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return fail(
      'Thiếu dữ liệu xác nhận: gửi JSON dạng { "aired": true, "actualDurationSeconds": 300 }.',
      400,
    )
  }
  const b = body as { aired?: unknown; actualDurationSeconds?: unknown; note?: unknown }
  if (typeof b.aired !== 'boolean')
    return fail(
      'Cần cho biết chương trình đã phát ("aired": true) hay không phát ("aired": false).',
      400,
    )

  let actual: number | null = null
  const given = b.actualDurationSeconds
  if (b.aired) {
    if (typeof given !== 'number' || !Number.isFinite(given)) {
      return fail('Đã phát thì cần nhập thời lượng thực tế (giây).', 400)
    }
    if (given < 0 || given > MAX_AIRING_SECONDS) {
      return fail(`Thời lượng thực tế phải từ 0 đến ${MAX_AIRING_SECONDS} giây (24 giờ).`, 400)
    }
    actual = given
  } else if (given != null) {
    return fail('Chương trình không phát thì không ghi thời lượng thực tế.', 400)
  }

  let note: string | null = null
  if (b.note != null) {
    if (typeof b.note !== 'string') return fail('Ghi chú phải là văn bản.', 400)
    if (b.note.length > MAX_NOTE_LENGTH)
      return fail(`Ghi chú dài tối đa ${MAX_NOTE_LENGTH} ký tự.`, 400)
    note = b.note.trim() || null
  }
  return { aired: b.aired, actualDurationSeconds: actual, note }
}

/**
 * An operator's word on whether a broadcast slot really aired. Allowed to admins, campaign
 * managers and editors of the unit that owns the station; only for publications on a radio, TV or
 * loudspeaker channel that are already in the rundown. Checks everything before writing, so a
 * refused request changes nothing. Returns the updated publication.
 */
export async function applyAiringConfirmation(
  req: PayloadRequest,
  id: string,
  body: unknown,
): Promise<Publication> {
  const { payload, user } = req
  if (!user) return fail('Bạn cần đăng nhập để xác nhận phát sóng.', 401)
  if (!hasRole(user, Role.Admin, Role.CampaignManager, Role.Editor)) {
    return fail(
      'Chỉ quản trị, quản lý chiến dịch hoặc biên tập viên của đơn vị quản lý kênh được xác nhận phát sóng.',
      403,
    )
  }

  let pub: Publication | null = null
  try {
    pub = await payload.findByID({
      collection: 'publications',
      id,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })
  } catch {
    pub = null
  }
  if (!pub) return fail('Không tìm thấy lịch đăng này.', 404)

  const channel = await payload.findByID({
    collection: 'channels',
    id: String(relationId(pub.channel)),
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!channel) return fail('Kênh của lịch đăng này không còn tồn tại.', 400)

  if (!isCrossUnit(user) && !sameId(unitIdOf(user), channel.ownerUnit)) {
    return fail(
      `Chỉ biên tập viên của đơn vị quản lý kênh "${channel.name}" được xác nhận phát sóng trên kênh này.`,
      403,
    )
  }
  if (!isBroadcastKind(channel.kind)) {
    return fail(
      `Kênh "${channel.name}" không phải kênh phát thanh, truyền hình hay truyền thanh cơ sở: không có xác nhận phát sóng.`,
      400,
    )
  }
  if (pub.status !== PublicationStatus.Published) {
    return fail(
      'Lịch đăng này chưa được đưa vào chương trình phát sóng nên chưa thể xác nhận.',
      400,
    )
  }

  const confirmation = parseAiringConfirmation(body)
  const airing = {
    status: confirmation.aired ? AiringStatus.Aired : AiringStatus.NotAired,
    actualDurationSeconds: confirmation.actualDurationSeconds,
    note: confirmation.note,
    confirmedBy: user.id,
    confirmedAt: new Date().toISOString(),
    flagged: false,
  }
  // The system writes this, not the schedule form: skip checkSchedule (it would re-check the slot time).
  return await payload.update({
    collection: 'publications',
    id: pub.id,
    data: { airing },
    depth: 0,
    overrideAccess: true,
    context: { dispatcher: true },
    req,
  })
}

/** POST /api/publications/:id/airing with `{ aired, actualDurationSeconds?, note? }`. */
export const confirmAiring: Endpoint = {
  path: '/:id/airing',
  method: 'post',
  handler: async (req) => {
    try {
      const id = String(req.routeParams?.id ?? '')
      // The body is only judged after who and which: a refused caller gets 401/403/404 whatever it sent.
      const body = req.user ? await readBody(req) : undefined
      const doc = await applyAiringConfirmation(req, id, body)
      const message =
        doc.airing?.status === AiringStatus.Aired
          ? 'Đã xác nhận: chương trình đã phát.'
          : 'Đã xác nhận: chương trình không phát.'
      // Only what was confirmed: a station's editor may confirm slots of other units' publications they cannot read.
      return Response.json({ message, doc: { id: doc.id, airing: doc.airing } }, { status: 200 })
    } catch (err) {
      if (err instanceof APIError && err.status < 500) {
        return Response.json({ errors: [{ message: err.message }] }, { status: err.status })
      }
      throw err
    }
  },
}
