import { ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { relationId } from '@/lib/relation'
import { vnDayKey, vnMidnight } from '@/lib/time'
import { readUnitTree } from '@/units/load'
import { dayBefore, type Day } from '@/units/tree'

type Row = { id?: string; parent?: unknown; from?: string | null; to?: string | null }
const dayOf = (v: unknown): Day | null => (v ? vnDayKey(v as string) : null)
const stored = (day: Day) => vnMidnight(day).toISOString()
const show = (day: Day | null) => (day ? day.split('-').reverse().join('/') : '…')

/**
 * Keeps a unit's parent periods (`parents`) and its current parent (`parent`) telling the same
 * story, and refuses periods that make no sense:
 * - a client that only sets `parent` (the admin's single field, older scripts, the seed) moves the
 *   unit from today: the open period ends yesterday and a new one starts today (on create the
 *   unit is under that parent since always);
 * - `parent` is then the period that covers today (none: no parent);
 * - a period that ends before it starts, two periods that overlap, or a parent that is (at some
 *   day of the period) under the unit itself: a Vietnamese error, nothing saved.
 */
export const parentPeriods: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
  collection,
}) => {
  const today = vnDayKey(new Date())
  const refuse = (message: string, path = 'parents'): never => {
    throw new ValidationError({ collection: collection.slug, errors: [{ path, message }] })
  }
  const oldParent = relationId(originalDoc?.parent)
  const parentSent = data.parent !== undefined
  const newParent = parentSent ? relationId(data.parent) : oldParent
  let rows: Row[] = (data.parents ?? originalDoc?.parents ?? []).map((r: Row) => ({ ...r }))
  const rowsSent = data.parents !== undefined
  const sameRows =
    !rowsSent ||
    JSON.stringify(
      (data.parents ?? []).map((r: Row) => [relationId(r.parent), dayOf(r.from), dayOf(r.to)]),
    ) ===
      JSON.stringify(
        (originalDoc?.parents ?? []).map((r: Row) => [
          relationId(r.parent),
          dayOf(r.from),
          dayOf(r.to),
        ]),
      )
  const open = (r: Row) => (!r.from || dayOf(r.from)! <= today) && (!r.to || dayOf(r.to)! >= today)
  if (sameRows && parentSent && newParent !== oldParent) {
    // Only `parent` changed: the unit moves today.
    if (operation === 'create' && !rows.length) rows = newParent ? [{ parent: newParent }] : []
    else {
      rows = rows.map((r) => (open(r) ? { ...r, to: stored(dayBefore(today)) } : r))
      rows = rows.filter((r) => !r.from || !r.to || dayOf(r.from)! <= dayOf(r.to)!)
      if (newParent) rows.push({ parent: newParent, from: stored(today), to: null })
    }
  }
  const periods = rows.map((r) => ({
    parent: relationId(r.parent),
    from: dayOf(r.from),
    to: dayOf(r.to),
  }))
  for (const p of periods) {
    if (!p.parent) refuse('Mỗi giai đoạn trực thuộc phải chọn đơn vị cấp trên.')
    if (p.from && p.to && p.from > p.to)
      refuse(`Giai đoạn trực thuộc kết thúc (${show(p.to)}) trước khi bắt đầu (${show(p.from)}).`)
  }
  const sorted = [...periods].sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? -1 : 1))
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]
    if (prev.to == null || (sorted[i].from ?? '') <= prev.to)
      refuse(
        `Hai giai đoạn trực thuộc chồng lên nhau (${show(prev.from)}–${show(prev.to)} và ${show(sorted[i].from)}–${show(sorted[i].to)}): một đơn vị chỉ có một cấp trên mỗi ngày.`,
      )
  }
  if (originalDoc?.id != null && periods.length) {
    const tree = await readUnitTree(req.payload, req)
    for (const p of periods)
      if (tree.wouldCycle(String(originalDoc.id), p.parent!, p.from, p.to))
        refuse(
          p.parent === String(originalDoc.id)
            ? 'Một đơn vị không thể là cấp trên của chính nó.'
            : 'Đơn vị cấp trên này lại trực thuộc đơn vị đang sửa; chọn như vậy sẽ tạo vòng lặp.',
          parentSent ? 'parent' : 'parents',
        )
  }
  data.parents = rows
  data.parent =
    periods.find((p) => (!p.from || p.from <= today) && (!p.to || p.to >= today))?.parent ?? null
  return data
}
