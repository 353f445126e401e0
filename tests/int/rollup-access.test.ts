/**
 * Who reads the figures and snapshots, and that nobody writes them through the API: each role ×
 * (rollup-cells, rollup-snapshots) × create / read / update / delete, with another unit's cells;
 * snapshots frozen, immutable through the Local API (overrideAccess false) and REST; and
 * `npm run report` spawned for its exit code and summary.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { rebuildYear } from '@/reporting/engine'
import { checksumOf, cellsOfYear, snapshotCellPages, type FrozenCell } from '@/reporting/snapshot'
import {
  ACTORS,
  attempt,
  loose,
  type Actor,
  type Doc,
  type LooseApi,
} from '../helpers/accessMatrix'
import { createUnit, createUser, PASSWORD } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'
import { content } from '../helpers/rollup'

let payload: Payload
let api: LooseApi
const users: Partial<Record<Actor, Doc>> = {}
const f: Record<string, string> = {}

beforeAll(async () => {
  payload = await testPayload()
  api = loose(payload)
  f.unitA = String((await createUnit(payload, 'Báo Tây Ninh')).id)
  f.unitB = String((await createUnit(payload, 'Đài Phát thanh và Truyền hình')).id)
  for (const role of ['admin', 'campaign-manager', 'editor', 'contributor', 'viewer'] as const)
    users[role] = (await createUser(payload, role, f.unitA)) as unknown as Doc
  await content(
    payload,
    'articles',
    {
      title: 'Tin của Báo',
      ownerUnit: f.unitA,
      _status: 'published',
      publishedAt: '2026-03-01T03:00:00.000Z',
    },
    '2026-02-20T03:00:00.000Z',
  )
  await content(
    payload,
    'articles',
    {
      title: 'Tin của Đài',
      ownerUnit: f.unitB,
      _status: 'published',
      publishedAt: '2026-03-02T03:00:00.000Z',
    },
    '2026-02-21T03:00:00.000Z',
  )
  await rebuildYear(payload, 2026)
  const cell = async (unit: string) =>
    (
      await api.find({
        collection: 'rollup-cells',
        where: { and: [{ unit: { equals: unit } }, { metric: { equals: 'content-published' } }] },
        overrideAccess: true,
      })
    ).docs[0].id
  f.cellA = await cell(f.unitA)
  f.cellB = await cell(f.unitB)
  f.snapshot = (
    await api.create({
      collection: 'rollup-snapshots',
      data: { year: 2026, note: 'Chốt số liệu báo cáo năm' },
      user: users.admin,
      overrideAccess: false,
    })
  ).id
})

const as = (actor: Actor) =>
  actor === 'anonymous'
    ? { user: null, overrideAccess: false }
    : { user: users[actor]!, overrideAccess: false }
const READ_ALL: Actor[] = ['admin', 'campaign-manager', 'viewer']
const STAFF: Actor[] = ['admin', 'campaign-manager', 'editor', 'contributor', 'viewer']

type Row = { what: string; collection: string; id: () => string; read: Actor[] }
const ROWS: Row[] = [
  { what: "own unit's cell", collection: 'rollup-cells', id: () => f.cellA, read: STAFF },
  { what: "another unit's cell", collection: 'rollup-cells', id: () => f.cellB, read: READ_ALL },
  { what: 'a snapshot', collection: 'rollup-snapshots', id: () => f.snapshot, read: READ_ALL },
]

describe('access matrix: rollup cells and snapshots', () => {
  const cells = ROWS.flatMap((row) =>
    ACTORS.map((actor) => ({
      name: `${row.collection} | ${actor} | ${row.what}: read ${row.read.includes(actor) ? 'allowed' : 'denied'}, update and delete denied`,
      row,
      actor,
    })),
  )
  it.each(cells)('$name', async ({ row, actor }) => {
    const id = row.id()
    const read = await attempt(() => api.findByID({ collection: row.collection, id, ...as(actor) }))
    expect(read.ok).toBe(row.read.includes(actor))
    const listed = await attempt(() =>
      api.find({ collection: row.collection, where: { id: { equals: id } }, ...as(actor) }),
    )
    expect(listed.ok ? listed.value.docs.length : 0).toBe(row.read.includes(actor) ? 1 : 0)
    const before = await api.findByID({ collection: row.collection, id, overrideAccess: true })
    const update = await attempt(() =>
      api.update({
        collection: row.collection,
        id,
        data: row.collection === 'rollup-cells' ? { value: 999 } : { note: 'sửa' },
        ...as(actor),
      }),
    )
    expect(update.ok).toBe(false)
    const removed = await attempt(() =>
      api.delete({ collection: row.collection, id, ...as(actor) }),
    )
    expect(removed.ok).toBe(false)
    const after = await api.findByID({ collection: row.collection, id, overrideAccess: true })
    expect(after).toEqual(before)
  })

  it.each(ACTORS)('%s: creates cells? never (only the engine writes them)', async (actor) => {
    const result = await attempt(() =>
      api.create({
        collection: 'rollup-cells',
        data: { year: 2026, month: 1, metric: 'content-produced', value: 1 },
        ...as(actor),
      }),
    )
    expect(result.ok).toBe(false)
  })

  it.each(ACTORS)('%s: takes a snapshot only as admin or campaign manager', async (actor) => {
    const result = await attempt(() =>
      api.create({ collection: 'rollup-snapshots', data: { year: 2026 }, ...as(actor) }),
    )
    expect(result.ok).toBe(actor === 'admin' || actor === 'campaign-manager')
  })

  it("an editor's list of cells holds only their unit's", async () => {
    const mine = await api.find({ collection: 'rollup-cells', limit: 1000, ...as('editor') })
    expect(mine.docs.length).toBeGreaterThan(0)
    expect(
      new Set(mine.docs.map((c) => String(typeof c.unit === 'object' ? c.unit.id : c.unit))),
    ).toEqual(new Set([f.unitA]))
  })
})

/** A snapshot's frozen cells, every page, in key order. */
async function frozen(snapshot: string) {
  const cells: FrozenCell[] = []
  for await (const page of snapshotCellPages(payload, snapshot)) cells.push(...page)
  return cells
}

describe('snapshots', () => {
  it('freeze the year with who and when, and a checksum of the cells', async () => {
    const snap = await api.findByID({
      collection: 'rollup-snapshots',
      id: f.snapshot,
      overrideAccess: true,
      depth: 0,
    })
    const live = await cellsOfYear(payload, 2026)
    expect(snap.year).toBe(2026)
    expect(String(snap.takenBy)).toBe(String(users.admin!.id))
    expect(Date.now() - new Date(snap.takenAt).getTime()).toBeLessThan(600_000)
    expect(snap.cellCount).toBe(live.length)
    expect(await frozen(f.snapshot)).toEqual(live)
    expect(snap.checksum).toBe(checksumOf(live))
    expect(snap.checksum).toMatch(/^[0-9a-f]{64}$/)
  })

  it('cannot be changed even with overrideAccess (the hook refuses), and keep their figures when the live table changes', async () => {
    const result = await attempt(() =>
      api.update({
        collection: 'rollup-snapshots',
        id: f.snapshot,
        data: { note: 'sửa lại' },
        overrideAccess: true,
      }),
    )
    expect(result.ok).toBe(false)
    expect(String((result as { error: Error }).error.message)).toContain('không thể sửa')
    const before = await api.findByID({
      collection: 'rollup-snapshots',
      id: f.snapshot,
      overrideAccess: true,
      depth: 0,
    })
    await content(
      payload,
      'articles',
      {
        title: 'Tin mới',
        ownerUnit: f.unitA,
        _status: 'published',
        publishedAt: '2026-03-05T03:00:00.000Z',
      },
      '2026-03-05T03:00:00.000Z',
    )
    await rebuildYear(payload, 2026)
    const after = await api.findByID({
      collection: 'rollup-snapshots',
      id: f.snapshot,
      overrideAccess: true,
      depth: 0,
    })
    expect(after.checksum).toBe(before.checksum)
    const cells = await frozen(f.snapshot)
    expect(cells.length).toBe(before.cellCount)
    expect(checksumOf(cells)).toBe(before.checksum)
    expect((await cellsOfYear(payload, 2026)).length).toBeGreaterThan(cells.length)
  })

  it('are refused over REST for update and delete, even for an admin', async () => {
    const { default: config } = await import('@payload-config')
    const { REST_PATCH, REST_DELETE, REST_POST } = await import('@payloadcms/next/routes')
    void config
    const login = await payload.login({
      collection: 'users',
      data: { email: users.admin!.email, password: PASSWORD },
    })
    const headers = { Authorization: `JWT ${login.token}`, 'Content-Type': 'application/json' }
    const call = async (
      handler: typeof REST_PATCH,
      method: string,
      slug: string[],
      body?: object,
    ) =>
      handler(config)(
        new Request(`http://localhost/api/${slug.join('/')}`, {
          method,
          headers,
          body: body ? JSON.stringify(body) : undefined,
        }),
        { params: Promise.resolve({ slug }) },
      )
    expect(
      (await call(REST_PATCH, 'PATCH', ['rollup-snapshots', f.snapshot], { note: 'sửa' })).status,
    ).toBe(403)
    expect((await call(REST_DELETE, 'DELETE', ['rollup-snapshots', f.snapshot])).status).toBe(403)
    expect(
      (
        await call(REST_POST, 'POST', ['rollup-cells'], {
          year: 2026,
          month: 1,
          metric: 'content-produced',
          value: 1,
        })
      ).status,
    ).toBe(403)
    expect(
      await api.findByID({
        collection: 'rollup-snapshots',
        id: f.snapshot,
        overrideAccess: true,
        disableErrors: true,
      }),
    ).toBeTruthy()
  })
})

describe('npm run report', () => {
  const root = path.resolve(__dirname, '../..')
  const run = (...args: string[]) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', '--import', './src/preload.ts', 'scripts/report.ts', ...args],
      { cwd: root, env: process.env, encoding: 'utf8', timeout: 120_000 },
    )

  it('prints the Vietnamese summary of the year and exits 0', () => {
    const r = run('--year', '2026', '--rebuild')
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain('Đã tổng hợp lại năm 2026')
    expect(r.stdout).toContain('TỔNG HỢP SỐ LIỆU NĂM 2026')
    // Three articles published in March 2026 (two in beforeAll, one in the snapshot test).
    const line = r.stdout.split('\n').find((l) => l.startsWith('Tin, bài, sản phẩm đã xuất bản'))!
    const cols = line.split(/\s{2,}/)
    expect(cols[3]).toBe('3') // T3
    expect(cols[13]).toBe('3') // Cả năm
  })

  it('refuses a bad year with a Vietnamese message and exit code 1', () => {
    const r = run('--year', '26')
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('năm "26" không hợp lệ')
  })
})
