/**
 * The access matrix for the planning collections (campaigns, channels, publications, trainings,
 * engagement observations, worker heartbeats, the audit trail, the page cache's site-change
 * marks): each actor × each collection × create / read / update / delete, with another
 * unit's publications, and channel credentials readable by admins only. Each cell acts through
 * the Local API as that user and checks the database afterwards with overrideAccess.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  ACTORS,
  attempt,
  loose,
  runMatrixCell,
  type Actor,
  type Doc,
  type LooseApi,
  type MatrixOp,
  type MatrixRow,
} from '../helpers/accessMatrix'
import { createUnit, createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

let payload: Payload
let api: LooseApi
const users: Partial<Record<Actor, Doc>> = {}
const f: Record<string, string> = {}
const future = () => new Date(Date.now() + 7 * 86_400_000).toISOString()

beforeAll(async () => {
  payload = await testPayload()
  api = loose(payload)
  const unitA = await createUnit(payload, 'Báo Tây Ninh')
  const unitB = await createUnit(payload, 'Đài Phát thanh và Truyền hình')
  f.unitA = String(unitA.id)
  f.unitB = String(unitB.id)
  for (const role of ['admin', 'campaign-manager', 'editor', 'contributor', 'viewer'] as const) {
    users[role] = (await createUser(payload, role, unitA.id)) as unknown as Doc
  }
  const channel = (name: string, unit: string) =>
    api.create({
      collection: 'channels',
      overrideAccess: true,
      data: {
        name,
        kind: 'webhook',
        ownerUnit: unit,
        settings: { url: 'http://127.0.0.1:9/hook' },
        credentials: { signingSecret: 'bi-mat' },
      },
    })
  f.channelA = (await channel('Cổng của Báo', f.unitA)).id
  f.channelB = (await channel('Cổng của Đài', f.unitB)).id
  const article = (title: string, unit: string) =>
    api.create({
      collection: 'articles',
      overrideAccess: true,
      data: { title, ownerUnit: unit, _status: 'published' },
    })
  f.articleA = (await article('Tin của Báo', f.unitA)).id
  f.articleB = (await article('Tin của Đài', f.unitB)).id
  f.publishedA = (await publishedPublication('A')).id
  f.publishedB = (await publishedPublication('B')).id
})

const as = (actor: Actor) =>
  actor === 'anonymous'
    ? { user: null, overrideAccess: false }
    : { user: users[actor]!, overrideAccess: false }

const newCampaign = () =>
  api.create({
    collection: 'campaigns',
    overrideAccess: true,
    data: {
      name: `Chiến dịch ${Math.random()}`,
      startsOn: '2026-01-01T00:00:00+07:00',
      endsOn: '2026-12-31T00:00:00+07:00',
      leadUnit: f.unitA,
    },
  })
const newChannel = () =>
  api.create({
    collection: 'channels',
    overrideAccess: true,
    data: { name: `Kênh ${Math.random()}`, kind: 'feed', ownerUnit: f.unitA },
  })
const newPublication = (unit: 'A' | 'B') =>
  api.create({
    collection: 'publications',
    overrideAccess: true,
    data: {
      content: { relationTo: 'articles', value: f[`article${unit}`] },
      channel: f[`channel${unit}`],
      scheduledAt: future(),
    },
  })
const newTraining = (unit: 'A' | 'B') =>
  api.create({
    collection: 'trainings',
    overrideAccess: true,
    data: {
      title: `Lớp tập huấn ${Math.random()}`,
      ownerUnit: f[`unit${unit}`],
      status: 'held',
      totalTrainees: 30,
    },
  })
const publishedPublication = async (unit: 'A' | 'B') => {
  const pub = await newPublication(unit)
  await payload.db.updateOne({
    collection: 'publications',
    id: pub.id,
    data: { status: 'published', publishedAt: new Date(Date.now() - 3_600_000).toISOString() },
    returning: false,
  })
  return pub
}
const newObservation = async (unit: 'A' | 'B') =>
  api.create({
    collection: 'engagement-observations',
    overrideAccess: true,
    data: { publication: (await publishedPublication(unit)).id, views: 100 },
  })
const newHeartbeat = () =>
  api.create({
    collection: 'worker-heartbeats',
    overrideAccess: true,
    data: { workerId: `w-${Math.random()}`, lastTickAt: new Date().toISOString() },
  })

const newAuditEntry = () =>
  api.create({
    collection: 'audit-log',
    overrideAccess: true,
    data: { at: new Date().toISOString(), action: 'login', summary: 'Đăng nhập thử' },
  })

const newSiteChange = () =>
  api.create({ collection: 'site-changes', overrideAccess: true, data: { source: 'articles' } })

const STAFF: Actor[] = ['admin', 'campaign-manager', 'editor', 'contributor', 'viewer']
const PLANNERS: Actor[] = ['admin', 'campaign-manager']

const ROWS: MatrixRow[] = [
  ...(['create', 'read', 'update', 'delete'] as MatrixOp[]).map((op): MatrixRow => ({
    collection: 'campaigns',
    op,
    what: 'a campaign',
    allowed: op === 'read' ? STAFF : PLANNERS,
    fixture: newCampaign,
    data: () => ({
      name: `Chiến dịch mới ${Math.random()}`,
      startsOn: '2026-01-01T00:00:00+07:00',
      endsOn: '2026-06-30T00:00:00+07:00',
      leadUnit: f.unitA,
    }),
  })),
  ...(['create', 'read', 'update', 'delete'] as MatrixOp[]).map((op): MatrixRow => ({
    collection: 'channels',
    op,
    what: 'a channel',
    allowed: op === 'read' ? STAFF : PLANNERS,
    fixture: newChannel,
    data: () => ({ name: `Kênh mới ${Math.random()}`, kind: 'feed' }),
  })),
  {
    collection: 'publications',
    op: 'create',
    what: "own unit's content on own unit's channel",
    allowed: ['admin', 'campaign-manager', 'editor'],
    fixture: () => newPublication('A'),
    data: () => ({
      content: { relationTo: 'articles', value: f.articleA },
      channel: f.channelA,
      scheduledAt: future(),
    }),
  },
  {
    collection: 'publications',
    op: 'create',
    what: "another unit's content",
    allowed: ['admin', 'campaign-manager'],
    fixture: () => newPublication('B'),
    data: () => ({
      content: { relationTo: 'articles', value: f.articleB },
      channel: f.channelB,
      scheduledAt: future(),
    }),
  },
  {
    collection: 'publications',
    op: 'read',
    what: "own unit's publication",
    allowed: STAFF,
    fixture: () => newPublication('A'),
  },
  {
    collection: 'publications',
    op: 'read',
    what: "another unit's publication",
    allowed: ['admin', 'campaign-manager', 'viewer'],
    fixture: () => newPublication('B'),
  },
  {
    collection: 'publications',
    op: 'update',
    what: "own unit's publication",
    allowed: ['admin', 'campaign-manager', 'editor'],
    fixture: () => newPublication('A'),
    data: () => ({ message: 'Lời dẫn mới' }),
  },
  {
    collection: 'publications',
    op: 'update',
    what: "another unit's publication",
    allowed: ['admin', 'campaign-manager'],
    fixture: () => newPublication('B'),
    data: () => ({ message: 'Lời dẫn mới' }),
  },
  {
    collection: 'publications',
    op: 'delete',
    what: "own unit's publication",
    allowed: ['admin', 'campaign-manager', 'editor'],
    fixture: () => newPublication('A'),
  },
  {
    collection: 'publications',
    op: 'delete',
    what: "another unit's publication",
    allowed: ['admin', 'campaign-manager'],
    fixture: () => newPublication('B'),
  },
  {
    collection: 'trainings',
    op: 'create',
    what: 'a course of own unit',
    allowed: ['admin', 'campaign-manager', 'editor', 'contributor'],
    fixture: () => newTraining('A'),
    data: () => ({ title: 'Lớp mới', ownerUnit: f.unitA, status: 'planned' }),
  },
  {
    collection: 'trainings',
    op: 'create',
    what: 'a course of another unit',
    allowed: ['admin', 'campaign-manager'],
    fixture: () => newTraining('B'),
    data: () => ({ title: 'Lớp mới', ownerUnit: f.unitB, status: 'planned' }),
  },
  {
    collection: 'trainings',
    op: 'read',
    what: "own unit's course",
    allowed: STAFF,
    fixture: () => newTraining('A'),
  },
  {
    collection: 'trainings',
    op: 'read',
    what: "another unit's course",
    allowed: ['admin', 'campaign-manager', 'viewer'],
    fixture: () => newTraining('B'),
  },
  {
    collection: 'trainings',
    op: 'update',
    what: "own unit's course",
    allowed: ['admin', 'campaign-manager', 'editor', 'contributor'],
    fixture: () => newTraining('A'),
    data: () => ({ venue: 'Hội trường UBND xã' }),
  },
  {
    collection: 'trainings',
    op: 'update',
    what: "another unit's course",
    allowed: ['admin', 'campaign-manager'],
    fixture: () => newTraining('B'),
    data: () => ({ venue: 'Hội trường UBND xã' }),
  },
  {
    collection: 'trainings',
    op: 'delete',
    what: "own unit's course",
    allowed: ['admin', 'campaign-manager', 'editor'],
    fixture: () => newTraining('A'),
  },
  {
    collection: 'trainings',
    op: 'delete',
    what: "another unit's course",
    allowed: ['admin', 'campaign-manager'],
    fixture: () => newTraining('B'),
  },
  {
    collection: 'engagement-observations',
    op: 'create',
    what: "figures of own unit's publication",
    allowed: ['admin', 'campaign-manager', 'editor'],
    fixture: () => newObservation('A'),
    data: () => ({ publication: f.publishedA, views: 10 }),
  },
  {
    collection: 'engagement-observations',
    op: 'create',
    what: "figures of another unit's publication",
    allowed: ['admin', 'campaign-manager'],
    fixture: () => newObservation('B'),
    data: () => ({ publication: f.publishedB, views: 10 }),
  },
  {
    collection: 'engagement-observations',
    op: 'read',
    what: "own unit's figures",
    allowed: STAFF,
    fixture: () => newObservation('A'),
  },
  {
    collection: 'engagement-observations',
    op: 'read',
    what: "another unit's figures",
    allowed: ['admin', 'campaign-manager', 'viewer'],
    fixture: () => newObservation('B'),
  },
  {
    collection: 'engagement-observations',
    op: 'update',
    what: "own unit's figures (history is kept)",
    allowed: PLANNERS,
    fixture: () => newObservation('A'),
    data: () => ({ note: 'Sửa số liệu' }),
  },
  {
    collection: 'engagement-observations',
    op: 'delete',
    what: "own unit's figures",
    allowed: PLANNERS,
    fixture: () => newObservation('A'),
  },
  {
    collection: 'worker-heartbeats',
    op: 'create',
    what: 'a heartbeat (only the dispatcher writes them)',
    allowed: [],
    fixture: newHeartbeat,
    data: () => ({ workerId: `tay-${Math.random()}` }),
  },
  {
    collection: 'worker-heartbeats',
    op: 'read',
    what: 'a heartbeat',
    allowed: STAFF,
    fixture: newHeartbeat,
  },
  {
    collection: 'worker-heartbeats',
    op: 'update',
    what: 'a heartbeat',
    allowed: [],
    fixture: newHeartbeat,
    data: () => ({ queueDepth: 99 }),
  },
  {
    collection: 'worker-heartbeats',
    op: 'delete',
    what: 'a heartbeat',
    allowed: ['admin'],
    fixture: newHeartbeat,
  },
  // The audit trail: admins read it; nobody writes, changes or deletes an entry through the API.
  ...(['create', 'read', 'update', 'delete'] as MatrixOp[]).map((op): MatrixRow => ({
    collection: 'audit-log',
    op,
    what: 'an audit entry',
    allowed: op === 'read' ? ['admin'] : [],
    fixture: newAuditEntry,
    data: () => ({ summary: 'Sửa nhật ký' }),
  })),
  // The page cache's site-change marks: the system's own, nobody reads or writes them through the API.
  ...(['create', 'read', 'update', 'delete'] as MatrixOp[]).map((op): MatrixRow => ({
    collection: 'site-changes',
    op,
    what: 'a site-change mark',
    allowed: [],
    fixture: newSiteChange,
    data: () => ({ source: 'thu' }),
  })),
]

describe('access matrix: planning collections', () => {
  const cells = ROWS.flatMap((row) =>
    ACTORS.map((actor) => ({
      name: `${row.collection} | ${actor} | ${row.op}: ${row.what} → ${row.allowed.includes(actor) ? 'allowed' : 'denied'}`,
      run: () => runMatrixCell(api, users, row, actor),
    })),
  )
  it.each(cells)('$name', ({ run }) => run())
})

describe('channel credentials', () => {
  it.each(ACTORS)(
    '%s: tokens and signing secrets are readable by admins only, and stored encrypted',
    async (actor) => {
      const result = await attempt(() =>
        api.findByID({ collection: 'channels', id: f.channelA, ...as(actor) }),
      )
      if (actor === 'anonymous') {
        expect(result.ok).toBe(false)
        return
      }
      const channel = result.ok ? result.value : null
      expect(channel).toBeTruthy()
      if (actor === 'admin') expect(channel!.credentials?.signingSecret).toBe('bi-mat')
      else expect(channel!.credentials).toBeUndefined()
      // Nor can a non-admin probe the secret through a query.
      if (actor !== 'admin') {
        const probe = await attempt(() =>
          api.find({
            collection: 'channels',
            where: { 'credentials.signingSecret': { like: 'bi' } },
            ...as(actor),
          }),
        )
        expect(probe.ok ? probe.value.docs.length : 0).toBe(0)
      }
      const raw = await payload.db.findOne({
        collection: 'channels',
        where: { id: { equals: f.channelA } },
      })
      expect(String((raw as Doc).credentials?.signingSecret)).toMatch(/^enc:v1:/)
    },
  )
})

describe('channel engagement pull state', () => {
  it.each(ACTORS)(
    "%s: reads why a channel's figures were not pulled (staff only); nobody writes it through the API",
    async (actor) => {
      const at = '2026-11-26T01:00:00.000Z'
      await payload.db.updateOne({
        collection: 'channels',
        id: f.channelA,
        data: {
          engagementPull: {
            lastError: 'Lấy số liệu Facebook không được.',
            lastErrorAt: at,
            retryAt: at,
          },
        },
        returning: false,
      })
      const read = await attempt(() =>
        api.findByID({ collection: 'channels', id: f.channelA, ...as(actor) }),
      )
      if (actor === 'anonymous') expect(read.ok).toBe(false)
      else
        expect(read.ok && read.value.engagementPull?.lastError).toBe(
          'Lấy số liệu Facebook không được.',
        )
      // A write through the API leaves it alone, whoever sends it (field access: system only).
      await attempt(() =>
        api.update({
          collection: 'channels',
          id: f.channelA,
          data: { engagementPull: { lastError: null, retryAt: null } } as never,
          ...as(actor),
        }),
      )
      const raw = await payload.findByID({
        collection: 'channels',
        id: f.channelA,
        depth: 0,
        overrideAccess: true,
      })
      expect(raw.engagementPull?.lastError).toBe('Lấy số liệu Facebook không được.')
    },
  )
})
