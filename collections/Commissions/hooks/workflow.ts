import { APIError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'
import { canCommission } from '@/access/canCommission'
import { hasRole, isCrossUnit, unitIdOf } from '@/access/roles'
import { managedUnitIds } from '@/access/subtree'
import { contentRef } from '@/content/item'
import { relationId, sameId } from '@/lib/relation'
import { refuseFields } from '@/lib/refuse'
import { formatVietnamTime } from '@/lib/time'
import type { Commission } from '@/payload-types'
import {
  CommissionStatus,
  commissionStatuses,
  COMMISSION_OPEN,
  contentKinds,
  Role,
  UNIT_ROLES,
} from '@/vocabulary'

const S = CommissionStatus

/** Fields only the commissioning side sets; the assignee accepts and links content, nothing more. */
const COMMISSIONER_FIELDS = [
  'title',
  'brief',
  'kind',
  'campaign',
  'task',
  'assigneeUnit',
  'assigneeUser',
  'dueAt',
  'channels',
] as const
/** Fields the assignee sets. */
const ASSIGNEE_FIELDS = ['fulfilledBy'] as const
/** Set here only, from who did what and when. */
const STAMPS = [
  'commissionedBy',
  'commissioningUnit',
  'acceptedBy',
  'acceptedAt',
  'fulfilledAt',
  'cancelledAt',
] as const

/** The moves between states, and which side makes each. */
const MOVES: Record<string, 'assignee' | 'commissioner'> = {
  [`${S.Assigned}>${S.Accepted}`]: 'assignee',
  [`${S.Accepted}>${S.Fulfilled}`]: 'assignee',
  [`${S.Assigned}>${S.Cancelled}`]: 'commissioner',
  [`${S.Accepted}>${S.Cancelled}`]: 'commissioner',
}

const forbid = (message: string): never => {
  throw new APIError(message, 403, undefined, true)
}

const same = (a: unknown, b: unknown) =>
  JSON.stringify(normal(a) ?? null) === JSON.stringify(normal(b) ?? null)
/** A relation, a list of relations or a date as comparable plain values. */
function normal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normal)
  if (value && typeof value === 'object' && 'relationTo' in value) {
    const ref = value as { relationTo: string; value: unknown }
    return { relationTo: ref.relationTo, value: relationId(ref.value) }
  }
  if (value && typeof value === 'object') return relationId(value)
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value))
    return new Date(value).getTime()
  return value === '' ? null : value
}

async function unitOfUser(req: PayloadRequest, id: string): Promise<string | null> {
  const user = await req.payload
    .findByID({ collection: 'users', id, depth: 0, overrideAccess: true, req })
    .catch(() => null)
  return user ? relationId(user.unit) : null
}

/**
 * A commission's workflow, on the server: who commissions (and for which units), the assignee's
 * unit from the assigned person, a due date ahead, the moves between states and which side makes
 * each, the content that fulfils it (of the commissioned kind, from the assignee's unit), and the
 * stamps of who accepted and when. Anything else is refused with the reason in Vietnamese.
 */
export const commissionWorkflow: CollectionBeforeChangeHook<Commission> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const user = req.user
  const invalid = (path: string, message: string): never =>
    refuseFields(req, 'commissions', [{ path, message }])
  const before: Partial<Commission> = originalDoc ?? {}
  const now = new Date().toISOString()
  // Stamps are never taken from the request.
  for (const key of STAMPS) {
    if (operation === 'create') delete data[key]
    else Object.assign(data, { [key]: before[key] ?? null })
  }
  const merged = { ...before, ...data } as Partial<Commission>

  if (operation === 'create') {
    if (user && !canCommission(user))
      forbid('Chỉ quản lý chiến dịch hoặc lãnh đạo đơn vị được đặt bài.')
    data.status = S.Assigned
    if (user) {
      data.commissionedBy = user.id as never
      data.commissioningUnit = (unitIdOf(user) ?? null) as never
    }
  }

  // The assignee: a person belongs to a unit, which is the assignee unit.
  const person = relationId(merged.assigneeUser)
  if (
    person &&
    (operation === 'create' ||
      !same(data.assigneeUser, before.assigneeUser) ||
      !same(data.assigneeUnit, before.assigneeUnit))
  ) {
    const unit = await unitOfUser(req, person)
    if (!unit) invalid('assigneeUser', 'Người thực hiện chưa thuộc đơn vị nào, không thể giao bài.')
    if (merged.assigneeUnit && !sameId(merged.assigneeUnit, unit))
      invalid('assigneeUser', 'Người thực hiện không thuộc đơn vị được giao.')
    data.assigneeUnit = unit as never
    merged.assigneeUnit = unit as never
  }
  if (!relationId(merged.assigneeUnit))
    invalid('assigneeUnit', 'Cần chọn đơn vị hoặc người thực hiện.')

  // A unit manager commissions their own unit and the units below it.
  if (
    user &&
    !isCrossUnit(user) &&
    hasRole(user, Role.UnitManager) &&
    (operation === 'create' || !same(data.assigneeUnit, before.assigneeUnit)) &&
    !(await managedUnitIds(req)).includes(String(relationId(merged.assigneeUnit)))
  )
    invalid(
      'assigneeUnit',
      'Lãnh đạo đơn vị chỉ được đặt bài cho đơn vị mình và các đơn vị trực thuộc.',
    )

  const dueChanged = operation === 'create' || !same(data.dueAt, before.dueAt)
  const due = new Date(merged.dueAt ?? '')
  if (Number.isNaN(due.getTime())) invalid('dueAt', 'Hạn nộp không hợp lệ.')
  if (dueChanged && due.getTime() < Date.now())
    invalid('dueAt', `Hạn nộp ${formatVietnamTime(due)} đã qua. Hãy chọn một hạn sắp tới.`)

  if (operation === 'create') return data

  // An update: which side is this, and what may it change?
  const from = before.status as CommissionStatus
  const to = (data.status ?? from) as CommissionStatus
  const commissioner =
    isCrossUnit(user) ||
    (hasRole(user, Role.UnitManager) && sameId(before.commissioningUnit, unitIdOf(user)))
  const assignee =
    isCrossUnit(user) ||
    (hasRole(user, ...UNIT_ROLES) &&
      sameId(before.assigneeUnit, unitIdOf(user)) &&
      // A commission given to one person is theirs; their unit's editors may act for them.
      (!relationId(before.assigneeUser) ||
        hasRole(user, Role.Editor) ||
        sameId(before.assigneeUser, user?.id)))
  if (!user) return data // the system's own writes (seed, migrations)

  if (from !== to) {
    const side = MOVES[`${from}>${to}`]
    if (!side)
      invalid(
        'status',
        `Không thể chuyển đặt bài từ "${commissionStatuses.label(from)}" sang "${commissionStatuses.label(to)}".`,
      )
    if (side === 'assignee' && !assignee)
      forbid(
        to === S.Accepted
          ? 'Chỉ đơn vị hoặc người được giao mới nhận được bài đặt này.'
          : 'Chỉ đơn vị hoặc người được giao mới báo hoàn thành được bài đặt này.',
      )
    if (side === 'commissioner' && !commissioner)
      forbid('Chỉ bên đặt bài mới hủy được bài đặt này.')
  }
  if (!COMMISSION_OPEN.includes(from) && from === to)
    invalid('status', `Bài đặt đã "${commissionStatuses.label(from)}", không sửa được nữa.`)

  for (const key of COMMISSIONER_FIELDS)
    if (key in data && !same(data[key], before[key]) && !commissioner)
      forbid(
        'Đơn vị được giao chỉ được nhận bài và gắn nội dung hoàn thành; yêu cầu, hạn và người thực hiện do bên đặt bài sửa.',
      )
  for (const key of ASSIGNEE_FIELDS)
    if (key in data && !same(data[key], before[key]) && !assignee)
      forbid('Chỉ đơn vị hoặc người được giao mới gắn được nội dung hoàn thành.')

  // The content that fulfils it: of the commissioned kind, from the assignee's unit.
  const fulfilling = contentRef(merged.fulfilledBy)
  if (!same(data.fulfilledBy, before.fulfilledBy) && fulfilling) {
    if (from === S.Assigned && to !== S.Accepted && to !== S.Fulfilled)
      invalid('fulfilledBy', 'Hãy nhận bài đặt trước khi gắn nội dung.')
    if (fulfilling.kind !== merged.kind)
      invalid(
        'fulfilledBy',
        `Bài đặt là "${contentKinds.label(merged.kind)}", nội dung gắn vào phải cùng loại.`,
      )
    const doc = await req.payload
      .findByID({
        collection: fulfilling.kind,
        id: fulfilling.id,
        depth: 0,
        draft: true,
        overrideAccess: true,
        req,
      })
      .catch(() => null)
    if (!doc) invalid('fulfilledBy', 'Nội dung gắn vào không tồn tại.')
    if (!sameId((doc as { ownerUnit?: unknown }).ownerUnit, merged.assigneeUnit))
      invalid('fulfilledBy', 'Nội dung gắn vào phải thuộc đơn vị được giao.')
  }
  if (to === S.Fulfilled && !fulfilling)
    invalid('fulfilledBy', 'Cần gắn nội dung hoàn thành bài đặt trước khi báo hoàn thành.')

  if (from !== to) {
    if (to === S.Accepted) Object.assign(data, { acceptedBy: user.id, acceptedAt: now })
    if (to === S.Fulfilled) Object.assign(data, { fulfilledAt: now })
    if (to === S.Cancelled) Object.assign(data, { cancelledAt: now })
  }
  return data
}
