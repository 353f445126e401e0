/**
 * The unit tree and its history, on a small province whose 2025 restructuring is known by hand:
 *
 *   2024 and until 30/06/2025             from 01/07/2025
 *   P ─┬─ D1 ─┬─ C1 (merged → N1)         P ─┬─ N1 ← C1 + C2 + 60 % of C3
 *      │      ├─ C2 (merged → N1)            ├─ N2 ← C4 + 40 % of C3
 *      │      └─ C5 (moved under P) ───────  └─ C5
 *      └─ D2 ─┬─ C3 (split 60/40 → N1, N2)
 *             └─ C4 (merged → N2)           (D1 and D2 end on 30/06/2025, no successor)
 *
 * Participants of held events (the figure every total below sums):
 *   2024: P 100, D1 5, D2 7, C1 10, C2 20, C3 30, C4 40           → 212
 *   2025: D1 8 (Feb), C1 1, C2 2, C3 3, C4 4 (Mar), C5 9 (Feb) + 11 (Oct), N1 50, N2 60 (Sep) → 148
 *
 * The tree (periods, events applied), subtree totals across the merger, the split and the move
 * (SQLite, and the Mongo pipeline run by mingo over the same cells), the restated 2024-2025 review
 * through `npm run export -- --restate` read back with SheetJS, names kept by year, the
 * reporting chain through the parent, and the board.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { aggregate } from 'mingo'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { rebuildYear } from '@/reporting/engine'
import { subtreeTotalsPipeline } from '@/db/mongo/figures'
import { subtreeTotals } from '@/reporting/subtree'
import { loadBoard } from '@/reporting/unitReports/board'
import { unitTree, unitsUnder } from '@/units/load'
import { Metric, metrics } from '@/vocabulary'
import { createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'
import { content } from '../helpers/rollup'

let payload: Payload
const id: Record<string, string> = {}
const dir = path.join(process.env.TEST_TMP_DIR ?? '/tmp', 'unit-tree')
const vn = (day: string) => `${day}T00:00:00.000+07:00`
const asUser = async (user: { id: string | number }) => ({
  ...(await payload.findByID({ collection: 'users', id: user.id, depth: 0 })),
  collection: 'users' as const,
})

const unit = async (
  key: string,
  name: string,
  kind: string,
  data: Record<string, unknown> = {},
) => {
  const doc = await payload.create({
    collection: 'units',
    overrideAccess: true,
    data: { name, kind, ...data } as never,
  })
  id[key] = String(doc.id)
  return id[key]
}
const event = (owner: string, day: string, participants: number) =>
  content(
    payload,
    'events',
    {
      title: `Hội nghị ${owner} ${day}`,
      kind: 'conference',
      ownerUnit: id[owner],
      _status: 'draft',
      status: 'held',
      startsAt: new Date(`${day}T08:00:00+07:00`).toISOString(),
      endsAt: new Date(`${day}T11:00:00+07:00`).toISOString(),
      actualParticipants: participants,
    },
    new Date(`${day}T08:00:00+07:00`).toISOString(),
  )
const record = (data: Record<string, unknown>) =>
  payload.create({ collection: 'unit-events', overrideAccess: true, data: data as never })

beforeAll(async () => {
  payload = await testPayload()
  fs.mkdirSync(dir, { recursive: true })
  await unit('P', 'UBND tỉnh Thử', 'province')
  await unit('D1', 'UBND huyện Một', 'district', { parent: id.P })
  await unit('D2', 'UBND huyện Hai', 'district', { parent: id.P })
  for (const [k, n, p] of [
    ['C1', 'UBND xã Một', 'D1'],
    ['C2', 'UBND xã Hai', 'D1'],
    ['C5', 'UBND xã Năm', 'D1'],
    ['C3', 'UBND xã Ba', 'D2'],
    ['C4', 'UBND xã Bốn', 'D2'],
  ])
    await unit(k, n, 'commune', { parent: id[p] })
  const since = { validFrom: vn('2025-07-01'), parents: [{ parent: id.P, from: vn('2025-07-01') }] }
  await unit('N1', 'UBND phường Mới', 'commune', since)
  await unit('N2', 'UBND xã Mới', 'commune', since)
  // The districts end with the district level; no successor (their own figures keep their row).
  for (const d of ['D1', 'D2'])
    await payload.update({
      collection: 'units',
      id: id[d],
      overrideAccess: true,
      data: { validTo: vn('2025-06-30'), parents: [{ parent: id.P, to: vn('2025-06-30') }] },
    })
  const on = vn('2025-07-01')
  await record({
    kind: 'merge',
    effectiveOn: on,
    units: [id.C1, id.C2],
    successors: [{ unit: id.N1 }],
  })
  await record({
    kind: 'split',
    effectiveOn: on,
    units: [id.C3],
    successors: [
      { unit: id.N1, share: 60 },
      { unit: id.N2, share: 40 },
    ],
  })
  await record({ kind: 'merge', effectiveOn: on, units: [id.C4], successors: [{ unit: id.N2 }] })
  await record({ kind: 'move', effectiveOn: on, units: [id.C5], newParent: id.P })

  const figures: [string, string, number][] = [
    ['P', '2024-05-10', 100],
    ['D1', '2024-05-10', 5],
    ['D2', '2024-05-10', 7],
    ['C1', '2024-06-10', 10],
    ['C2', '2024-06-10', 20],
    ['C3', '2024-06-10', 30],
    ['C4', '2024-06-10', 40],
    ['D1', '2025-02-10', 8],
    ['C1', '2025-03-10', 1],
    ['C2', '2025-03-10', 2],
    ['C3', '2025-03-10', 3],
    ['C4', '2025-03-10', 4],
    ['C5', '2025-02-10', 9],
    ['C5', '2025-10-10', 11],
    ['N1', '2025-09-10', 50],
    ['N2', '2025-09-10', 60],
  ]
  for (const [owner, day, n] of figures) await event(owner, day, n)
  for (const year of [2024, 2025]) {
    await rebuildYear(payload, year)
    await payload.create({ collection: 'rollup-snapshots', overrideAccess: true, data: { year } })
  }
}, 180_000)

describe('the tree over time', () => {
  it('reads the tree of 30/06/2025 and of 01/07/2025 from the parent periods', async () => {
    const tree = await unitTree(payload)
    const names = (ids: string[]) => ids.map((u) => tree.units.get(u)!.name).sort()
    expect(names(tree.childrenOn(id.P, '2025-06-30'))).toEqual(['UBND huyện Hai', 'UBND huyện Một'])
    expect(names(tree.childrenOn(id.P, '2025-07-01'))).toEqual([
      'UBND phường Mới',
      'UBND xã Mới',
      'UBND xã Năm',
    ])
    expect(names(tree.childrenOn(id.D1, '2025-06-30'))).toEqual([
      'UBND xã Hai',
      'UBND xã Một',
      'UBND xã Năm',
    ])
    expect(tree.childrenOn(id.D1, '2025-07-01')).toEqual([])
    expect((await unitsUnder(payload, id.P, { day: '2025-06-30' })).length).toBe(8)
    expect(names(await unitsUnder(payload, id.P, { day: '2025-07-01' }))).toEqual([
      'UBND phường Mới',
      'UBND tỉnh Thử',
      'UBND xã Mới',
      'UBND xã Năm',
    ])
  })

  it('applies the events: merged and split units end on 30/06/2025, the moved one changes parent', async () => {
    const c1 = await payload.findByID({ collection: 'units', id: id.C1, depth: 0 })
    expect(c1.validTo && new Date(c1.validTo).toISOString()).toBe(
      new Date(vn('2025-06-30')).toISOString(),
    )
    expect(c1.active).toBe(false)
    expect(c1.parent).toBeNull()
    const c5 = await payload.findByID({ collection: 'units', id: id.C5, depth: 0 })
    expect(String(c5.parent)).toBe(id.P)
    expect(c5.active).toBe(true)
    const tree = await unitTree(payload)
    expect(tree.parentOn(id.C5, '2025-06-30')).toBe(id.D1)
    expect(tree.parentOn(id.C5, '2025-07-01')).toBe(id.P)
    expect(tree.successors(id.C3)).toEqual([
      { unit: id.N1, share: 0.6 },
      { unit: id.N2, share: 0.4 },
    ])
    expect(tree.successors(id.C5)).toEqual([{ unit: id.C5, share: 1 }])
  })

  it('refuses overlapping periods, a cycle, and a split whose shares do not make 100 %', async () => {
    // The Vietnamese message of a refused save (a ValidationError carries it per field).
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => 'saved',
        (e: { data?: { errors?: { message: string }[] }; message: string }) =>
          e.data?.errors?.[0]?.message ?? e.message,
      )
    const update = (data: Record<string, unknown>) =>
      payload.update({ collection: 'units', id: id.C5, overrideAccess: true, data: data as never })
    expect(
      await refusal(
        update({
          parents: [
            { parent: id.D1, to: vn('2025-07-31') },
            { parent: id.P, from: vn('2025-07-01') },
          ],
        }),
      ),
    ).toMatch(/chồng lên nhau/)
    expect(
      await refusal(
        payload.update({
          collection: 'units',
          id: id.P,
          overrideAccess: true,
          data: { parent: id.C5 },
        }),
      ),
    ).toMatch(/vòng lặp/)
    expect(
      await refusal(
        record({
          kind: 'split',
          effectiveOn: vn('2026-01-01'),
          units: [id.C5],
          successors: [
            { unit: id.N1, share: 50 },
            { unit: id.N2, share: 30 },
          ],
        }),
      ),
    ).toMatch(/100% \(đang là 80%\)/)
    const c5 = await payload.findByID({ collection: 'units', id: id.C5, depth: 0 })
    expect(c5.validTo ?? null).toBeNull()
    expect(c5.parents?.length).toBe(2)
  })

  it('moves a unit from today when only its parent is changed (the old period ends yesterday)', async () => {
    const x = await unit('X', 'Trung tâm Thử', 'other', { parent: id.D2 })
    await payload.update({
      collection: 'units',
      id: x,
      overrideAccess: true,
      data: { parent: id.N2 },
    })
    const doc = await payload.findByID({ collection: 'units', id: x, depth: 0 })
    expect(doc.parents?.map((p) => [String(p.parent), !!p.from, !!p.to])).toEqual([
      [id.D2, false, true],
      [id.N2, true, false],
    ])
    await payload.delete({ collection: 'units', id: x, overrideAccess: true })
  })
})

describe('totals by subtree (the tree of the year, no double counting)', () => {
  const participants = async (u: string, year: number) =>
    (await subtreeTotals(payload, id[u], year)).get(Metric.Participants) ?? 0
  it('2024: D1 = 5+10+20, D2 = 7+30+40, P = 100+35+77', async () => {
    expect(await participants('D1', 2024)).toBe(35)
    expect(await participants('D2', 2024)).toBe(77)
    expect(await participants('P', 2024)).toBe(212)
  })
  it('2025 across the merger, the split and the move: P counts C5 once (20), N1 only its own', async () => {
    // D1: its own 8, C1 1, C2 2, and C5 (under D1 until 30/06: both its figures, 9 + 11).
    expect(await participants('D1', 2025)).toBe(31)
    expect(await participants('D2', 2025)).toBe(7)
    expect(await participants('P', 2025)).toBe(148)
    expect(await participants('N1', 2025)).toBe(50)
  })
  it('the MongoDB pipeline, run by mingo over the same cells, gives the same totals', async () => {
    const cells = (
      await payload.find({ collection: 'rollup-cells', limit: 0, pagination: false, depth: 0 })
    ).docs.map(({ id: _id, ...c }) => ({
      _id,
      ...c,
      campaign: c.campaign ?? null,
      topic: c.topic ?? null,
    }))
    const tree = await unitTree(payload)
    for (const [u, year, want] of [
      ['P', 2025, 148],
      ['D1', 2025, 31],
      ['D2', 2024, 77],
    ] as const) {
      const rows = aggregate(
        cells,
        subtreeTotalsPipeline(year, tree.unitsUnderInYear(id[u], year)),
      ) as {
        _id: string
        total: number
      }[]
      const sqlite = await subtreeTotals(payload, id[u], year)
      expect(rows.find((r) => r._id === Metric.Participants)?.total).toBe(want)
      expect(new Map(rows.map((r) => [r._id, r.total]))).toEqual(sqlite)
    }
  })
  it('the reports page and a unit report ask for a unit with its descendants', async () => {
    const { loadReport } = await import('@/admin/reports/loadReport')
    const admin = await createUser(payload, 'admin')
    const req = { payload, user: await asUser(admin) } as never
    const withBelow = await loadReport(req, {
      year: 2025,
      campaign: null,
      unit: id.D1,
      subtree: true,
    })
    const own = await loadReport(req, { year: 2025, campaign: null, unit: id.D1 })
    const value = (d: typeof own) => d.counters.find((c) => c.id === 'participants')?.value
    expect([value(withBelow), value(own)]).toEqual([31, 8])
  })
})

describe('restated on today’s units', () => {
  const run = (...args: string[]) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', '--import', './src/preload.ts', 'scripts/export.ts', ...args],
        { env: process.env },
      )
      let out = ''
      child.stdout.on('data', (d) => (out += d))
      child.stderr.on('data', (d) => (out += d))
      child.on('close', (code) => resolve({ code, out }))
    })
  const unitRows = (file: string) => {
    const book = XLSX.readFile(file)
    const rows = XLSX.utils.sheet_to_json(book.Sheets['Theo đơn vị'], {
      header: 1,
      raw: true,
      defval: null,
    }) as unknown[][]
    const label = metrics.label(Metric.Participants)
    return new Map(
      rows
        .slice(3)
        .filter((r) => r[1] === label)
        .map((r) => [String(r[0]), r.slice(2) as number[]]),
    )
  }

  it('npm run export -- --restate: each successor carries its predecessors (2024, 2025, period)', async () => {
    const file = path.join(dir, 'restated.xlsx')
    const r = await run(
      '--year',
      '2024',
      '--to',
      '2025',
      '--format',
      'xlsx',
      '--out',
      file,
      '--restate',
    )
    expect(r.code, r.out).toBe(0)
    expect(r.out).toContain('quy về các đơn vị hiện nay')
    const rows = unitRows(file)
    // N1 = C1 + C2 + 60 % of C3 (+ its own 50 in 2025): 10+20+18 = 48; 1+2+1.8+50 = 54.8.
    expect(rows.get('UBND phường Mới')).toEqual([48, 54.8, 102.8])
    // N2 = 40 % of C3 + C4 (+ its own 60): 12+40 = 52; 1.2+4+60 = 65.2.
    expect(rows.get('UBND xã Mới')).toEqual([52, 65.2, 117.2])
    // Units that ended with no successor, and units that did not change, keep their own rows.
    expect(rows.get('UBND huyện Một')).toEqual([5, 8, 13])
    expect(rows.get('UBND xã Năm')).toEqual([0, 20, 20])
    for (const gone of ['UBND xã Một', 'UBND xã Hai', 'UBND xã Ba', 'UBND xã Bốn'])
      expect(rows.has(gone)).toBe(false)
    const total = [...rows.values()].reduce((n, r) => n + r[2], 0)
    expect(Math.round(total * 100) / 100).toBe(212 + 148)
  }, 120_000)

  it('without --restate each year keeps the units of that year; --restate with --unit is refused', async () => {
    const file = path.join(dir, 'plain.xlsx')
    expect((await run('--year', '2024', '--to', '2025', '--out', file)).code).toBe(0)
    const rows = unitRows(file)
    expect(rows.get('UBND xã Ba')).toEqual([30, 3, 33])
    expect(rows.get('UBND phường Mới')).toEqual([0, 50, 50])
    const bad = await run(
      '--year',
      '2024',
      '--to',
      '2025',
      '--out',
      path.join(dir, 'x.xlsx'),
      '--restate',
      '--unit',
      id.N1,
    )
    expect(bad.code).toBe(1)
    expect(bad.out).toContain('chỉ áp dụng cho số liệu toàn tỉnh')
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false)
  }, 120_000)
})

describe('names kept by year', () => {
  it('a rename keeps the old name in the cells of the years before it', async () => {
    await record({
      kind: 'rename',
      effectiveOn: vn('2025-01-01'),
      units: [id.P],
      newName: 'UBND tỉnh Mới',
    })
    const tree = await unitTree(payload)
    expect(tree.nameInYear(id.P, 2024)).toBe('UBND tỉnh Thử')
    expect(tree.nameInYear(id.P, 2025)).toBe('UBND tỉnh Mới')
    // A rebuild of 2024 (nothing kept from before: its cells are removed first) names P as it was.
    await payload.delete({
      collection: 'rollup-cells',
      where: { year: { equals: 2024 } },
      overrideAccess: true,
    })
    await rebuildYear(payload, 2024)
    const names = await payload.find({
      collection: 'rollup-cells',
      where: { and: [{ year: { equals: 2024 } }, { unit: { equals: id.P } }] },
      limit: 1,
      depth: 0,
    })
    expect(names.docs[0].unitName).toBe('UBND tỉnh Thử')
  })
})

describe('the reporting chain (2024: reports pass through the parent)', () => {
  it('a commune’s report: Sở TT&TT refused until the district’s manager accepts; the board shows the chain', async () => {
    await payload.create({
      collection: 'report-deadlines',
      overrideAccess: true,
      data: {
        year: 2024,
        unitsDueOn: vn('2024-11-30'),
        provinceDueOn: vn('2024-12-15'),
        throughParent: true,
      } as never,
    })
    const editor = await asUser(await createUser(payload, 'editor', id.C2))
    const districtManager = await asUser(await createUser(payload, 'unit-manager', id.D1))
    const otherManager = await asUser(await createUser(payload, 'unit-manager', id.D2))
    const sttt = await asUser(await createUser(payload, 'campaign-manager'))
    const report = await payload.create({
      collection: 'unit-reports',
      user: editor,
      overrideAccess: false,
      data: { ownerUnit: id.C2, year: 2024, results: 'Đã làm' } as never,
    })
    const step = (user: typeof editor, data: Record<string, unknown>) =>
      payload.update({
        collection: 'unit-reports',
        id: report.id,
        user,
        overrideAccess: false,
        data: data as never,
      })
    await step(editor, { status: 'submitted' })
    await expect(step(sttt, { status: 'accepted' })).rejects.toThrow(
      /UBND huyện Một phải chấp nhận/,
    )
    await expect(step(otherManager, { status: 'forwarded' })).rejects.toThrow()
    const board = await loadBoard(payload, 2024)
    const row = board.rows.find((r) => r.unit === id.C2)!
    // Handed in now for 2024: late, and waiting for the district.
    expect([row.state, row.via?.name]).toEqual(['late', 'UBND huyện Một'])
    expect(board.rows.find((r) => r.unit === id.D1)?.via ?? null).toBeNull()
    expect((await step(districtManager, { status: 'forwarded' })).status).toBe('forwarded')
    expect((await loadBoard(payload, 2024)).rows.find((r) => r.unit === id.C2)?.state).toBe(
      'forwarded',
    )
    expect((await step(sttt, { status: 'accepted' })).status).toBe('accepted')
  })

  it('a year without the chain: Sở TT&TT accepts a submitted report directly', async () => {
    const editor = await asUser(await createUser(payload, 'editor', id.N1))
    const sttt = await asUser(await createUser(payload, 'campaign-manager'))
    const report = await payload.create({
      collection: 'unit-reports',
      user: editor,
      overrideAccess: false,
      data: { ownerUnit: id.N1, year: 2025 } as never,
    })
    await payload.update({
      collection: 'unit-reports',
      id: report.id,
      user: editor,
      overrideAccess: false,
      data: { status: 'submitted' } as never,
    })
    const done = await payload.update({
      collection: 'unit-reports',
      id: report.id,
      user: sttt,
      overrideAccess: false,
      data: { status: 'accepted' } as never,
    })
    expect(done.status).toBe('accepted')
  })
})
