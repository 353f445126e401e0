import {
  ValidationError,
  type CollectionAfterChangeHook,
  type CollectionBeforeChangeHook,
} from 'payload'
import { relationId } from '@/lib/relation'
import { formatDay, vnDayKey, vnMidnight } from '@/lib/time'
import { dayBefore } from '@/units/tree'
import { UnitEventKind, unitEventKinds } from '@/vocabulary'

type Successor = { unit?: unknown; share?: number | null }
/** What a recorded event may still change: only its basis (the rest is history the units follow). */
const FIXED = ['kind', 'effectiveOn', 'units', 'successors', 'newName', 'previousName', 'newParent']

/**
 * Checks an event before it is stored, in Vietnamese: a merge names the units that end and one
 * successor; a split one unit and its successors with shares summing to 100 % (one successor: 100
 * by default); a rename one unit and its new name (the current one is kept as `previousName`); a
 * move the unit(s). Fills the title.
 */
export const checkUnitEvent: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
  collection,
}) => {
  if (operation === 'update') {
    for (const f of FIXED) data[f] = originalDoc?.[f]
    data.title = originalDoc?.title
    return data
  }
  const refuse = (path: string, message: string): never => {
    throw new ValidationError({ collection: collection.slug, errors: [{ path, message }] })
  }
  const units: string[] = (data.units ?? []).map(relationId).filter(Boolean)
  const successors: Successor[] = data.successors ?? []
  const successorIds = successors.map((s) => relationId(s.unit))
  if (!units.length) refuse('units', 'Hãy chọn đơn vị của biến động.')
  if (!data.effectiveOn) refuse('effectiveOn', 'Hãy chọn ngày có hiệu lực.')
  const kind = data.kind as UnitEventKind
  const one = () =>
    units.length === 1 || refuse('units', `${unitEventKinds.label(kind)}: chọn đúng một đơn vị.`)
  if (kind === UnitEventKind.Merge || kind === UnitEventKind.Split) {
    if (kind === UnitEventKind.Merge && successors.length !== 1)
      refuse('successors', 'Sáp nhập: chọn đúng một đơn vị kế thừa.')
    if (kind === UnitEventKind.Split) one()
    if (!successors.length) refuse('successors', 'Chia tách: chọn ít nhất một đơn vị kế thừa.')
    if (successorIds.some((s) => !s)) refuse('successors', 'Mỗi dòng kế thừa phải chọn đơn vị.')
    if (successorIds.some((s) => units.includes(s!)))
      refuse('successors', 'Đơn vị kế thừa không thể là đơn vị kết thúc trong cùng biến động.')
    if (new Set(successorIds).size !== successorIds.length)
      refuse('successors', 'Một đơn vị kế thừa được chọn hai lần.')
    if (successors.length === 1 && successors[0].share == null) successors[0].share = 100
    if (successors.some((s) => s.share == null))
      refuse('successors', 'Chia cho nhiều đơn vị: ghi tỷ lệ (%) cho từng đơn vị.')
    const total = successors.reduce((n, s) => n + Number(s.share), 0)
    if (Math.abs(total - 100) > 0.01)
      refuse(
        'successors',
        `Tỷ lệ của các đơn vị kế thừa cộng lại phải bằng 100% (đang là ${total}%).`,
      )
    data.successors = successors
  } else data.successors = []
  if (kind === UnitEventKind.Rename) {
    one()
    if (!String(data.newName ?? '').trim()) refuse('newName', 'Đổi tên: hãy nhập tên mới.')
  }
  const docs = await req.payload.find({
    collection: 'units',
    where: { id: { in: units } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
    select: { name: true },
  })
  if (docs.docs.length !== units.length) refuse('units', 'Không tìm thấy đơn vị đã chọn.')
  const names = docs.docs.map((u) => u.name)
  // A rename recorded after the fact (the unit already bears the new name) keeps the former name
  // given; otherwise the former name is the unit's current one.
  if (kind === UnitEventKind.Rename)
    data.previousName =
      String(data.newName).trim() === names[0] && String(data.previousName ?? '').trim()
        ? String(data.previousName).trim()
        : names[0]
  else data.previousName = null
  if (kind !== UnitEventKind.Move) data.newParent = null
  if (kind !== UnitEventKind.Rename) data.newName = null
  data.title = `${unitEventKinds.label(kind).split(' (')[0]} từ ${formatDay(vnDayKey(data.effectiveOn))}: ${names.join(', ')}${
    kind === UnitEventKind.Rename ? ` → ${String(data.newName).trim()}` : ''
  }`
  return data
}

type Period = { parent: unknown; from?: string | null; to?: string | null }

/**
 * Applies a new event to its units, in the same transaction (a refusal there undoes the event):
 * the units that a merge or split ends get their last day (the day before) and lose their parent
 * from then (and are no longer active once the day has come); a rename gives the unit its new
 * name; a move ends the unit's parent period the day before and opens the new one.
 */
export const applyUnitEvent: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const on = vnDayKey(doc.effectiveOn)
  const last = dayBefore(on)
  const lastStored = vnMidnight(last).toISOString()
  const today = vnDayKey(new Date())
  const closeAt = (rows: Period[]) =>
    rows
      .filter((r) => !r.from || vnDayKey(r.from) <= last)
      .map((r) => (!r.to || vnDayKey(r.to) > last ? { ...r, to: lastStored } : r))
  for (const id of (doc.units ?? []).map(relationId).filter(Boolean) as string[]) {
    const unit = await req.payload.findByID({
      collection: 'units',
      id,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const parents = (unit.parents ?? []) as Period[]
    let data: Record<string, unknown>
    if (doc.kind === UnitEventKind.Merge || doc.kind === UnitEventKind.Split)
      data = {
        validTo: lastStored,
        parents: closeAt(parents),
        ...(on <= today ? { active: false } : {}),
      }
    else if (doc.kind === UnitEventKind.Rename) data = { name: doc.newName }
    else {
      const parent = relationId(doc.newParent)
      data = {
        parents: [
          ...closeAt(parents),
          ...(parent ? [{ parent, from: vnMidnight(on).toISOString(), to: null }] : []),
        ],
      }
    }
    await req.payload.update({ collection: 'units', id, data, overrideAccess: true, req, depth: 0 })
  }
  return doc
}
