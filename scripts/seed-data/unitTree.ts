/**
 * The demo province's tree over time (issue 21), on the units of units.ts:
 * - departments, Sở TT&TT, the newspaper and the station under UBND tỉnh throughout;
 * - TP Tây Ninh and Tân Biên: districts with their communes until 30/06/2025, then abolished (the
 *   district level ends); from 01/07/2025 the communes are directly under the province, merged:
 *   Thạnh Tân absorbs Tân Bình, Tân Ninh = Ninh Thạnh + 70 % of Ninh Sơn, Bình Minh = 30 % of Ninh
 *   Sơn, Tân Lập absorbs Thạnh Bắc, xã Tân Biên = thị trấn Tân Biên + Thạnh Bình;
 * - the IT centre passes from Sở TT&TT to Sở KH&CN on 01/03/2025 and is renamed that day;
 * - trainings of the old communes in 2024 and early 2025, of the new ones after: history on both
 *   sides, so the final review can be restated on today's units.
 * Idempotent: the events are recorded once (found by their basis), trainings by title.
 */
import type { Payload } from 'payload'
import { vnMidnight } from '@/lib/time'
import { TrainingStatus } from '@/vocabulary'
import type { UnitKey } from './units'

const BASIS = 'Nghị quyết sắp xếp đơn vị hành chính cấp xã năm 2025 (dữ liệu mẫu)'
const day = (d: string) => vnMidnight(d).toISOString()
const END = '2025-06-30'
const NEW = '2025-07-01'

type Ctx = {
  payload: Payload
  units: Map<UnitKey, string>
  created: Record<string, number>
  existing: Record<string, number>
  /** The campaign a course on this day belongs to (the seed's campaignOf). */
  campaignOf?: (day: string) => string | undefined
}

const TRAININGS: [UnitKey, string, number][] = [
  ['tanbinh', '2024-05-14', 45],
  ['ninhson', '2024-06-11', 60],
  ['ninhthanh', '2024-09-17', 35],
  ['thanhbac', '2024-10-08', 40],
  ['tttanbien', '2024-08-20', 55],
  ['thanhbinh', '2025-03-25', 30],
  ['ninhson', '2025-04-15', 50],
  ['tanninh', '2025-09-23', 80],
  ['binhminh', '2025-10-14', 42],
  ['xatanbien', '2025-11-04', 66],
]

export async function seedUnitTree(ctx: Ctx) {
  const { payload } = ctx
  const id = (k: UnitKey) => ctx.units.get(k)!
  const done = await payload.count({
    collection: 'unit-events',
    where: { basis: { equals: BASIS } },
    overrideAccess: true,
  })
  if (!done.totalDocs) {
    const update = (k: UnitKey, data: Record<string, unknown>) =>
      payload.update({ collection: 'units', id: id(k), overrideAccess: true, data: data as never })
    // Units under the province throughout, and the districts until the district level ends.
    for (const k of [
      'stttt',
      'snv',
      'stc',
      'sgddt',
      'sldtbxh',
      'skhdt',
      'bao',
      'dai',
      'skhcn',
    ] as const)
      await update(k, { parents: [{ parent: id('ubnd') }] })
    for (const k of ['trangbang', 'hoathanh', 'dmc'] as const)
      await update(k, { parents: [{ parent: id('ubnd') }] })
    for (const k of ['tptn', 'tanbien'] as const)
      await update(k, {
        validTo: day(END),
        active: false,
        parents: [{ parent: id('ubnd'), to: day(END) }],
      })
    for (const k of ['tanninh', 'binhminh', 'xatanbien'] as const)
      await update(k, { validFrom: day(NEW), parents: [{ parent: id('ubnd'), from: day(NEW) }] })
    const record = (data: Record<string, unknown>) =>
      payload.create({
        collection: 'unit-events',
        overrideAccess: true,
        data: { basis: BASIS, ...data } as never,
      })
    const on = day(NEW)
    await record({
      kind: 'merge',
      effectiveOn: on,
      units: [id('tanbinh')],
      successors: [{ unit: id('thanhtan') }],
    })
    await record({
      kind: 'merge',
      effectiveOn: on,
      units: [id('ninhthanh')],
      successors: [{ unit: id('tanninh') }],
    })
    await record({
      kind: 'split',
      effectiveOn: on,
      units: [id('ninhson')],
      successors: [
        { unit: id('tanninh'), share: 70 },
        { unit: id('binhminh'), share: 30 },
      ],
    })
    await record({
      kind: 'merge',
      effectiveOn: on,
      units: [id('thanhbac')],
      successors: [{ unit: id('tanlap') }],
    })
    await record({
      kind: 'merge',
      effectiveOn: on,
      units: [id('tttanbien'), id('thanhbinh')],
      successors: [{ unit: id('xatanbien') }],
    })
    await record({
      kind: 'move',
      effectiveOn: on,
      units: [id('thanhtan'), id('tanlap')],
      newParent: id('ubnd'),
    })
    // The centre: under Sở KH&CN from 01/03/2025, and its former name kept for the years before.
    await record({
      kind: 'move',
      effectiveOn: day('2025-03-01'),
      units: [id('ttcds')],
      newParent: id('skhcn'),
    })
    await record({
      kind: 'rename',
      effectiveOn: day('2025-03-01'),
      units: [id('ttcds')],
      newName: 'Trung tâm Chuyển đổi số tỉnh Tây Ninh',
      previousName: 'Trung tâm Công nghệ thông tin và Truyền thông',
    })
  }
  for (const [unit, start, total] of TRAININGS) {
    const title = `Bồi dưỡng kỹ năng số cho cán bộ, người dân (${start.slice(0, 4)}) – đơn vị ${unit}`
    const found = await payload.count({
      collection: 'trainings',
      where: { title: { equals: title } },
      overrideAccess: true,
    })
    if (found.totalDocs) {
      ctx.existing.trainings++
      continue
    }
    await payload.create({
      collection: 'trainings',
      overrideAccess: true,
      data: {
        title,
        ownerUnit: id(unit),
        campaign: ctx.campaignOf?.(day(start)),
        startsOn: day(start),
        endsOn: day(start),
        status: TrainingStatus.Held,
        totalTrainees: total,
        trainees: [{ programme: 'citizens', unitKind: 'commune', count: total }],
      } as never,
    })
    ctx.created.trainings++
  }
}
