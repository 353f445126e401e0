/**
 * The planning collections through the Local API: the cells of the access matrix a hook refuses
 * (another unit's publications, courses and figures; every other cell is decided by the access
 * functions alone, tests/unit/access-matrix.test.ts), and the channels' field-level rules:
 * credentials readable by admins only, the engagement pull state written by the system only. Each
 * cell acts as that user and checks the database afterwards with overrideAccess.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  ACTORS,
  attempt,
  loose,
  hookMatrixCells,
  runMatrixCell,
  type Actor,
  type Doc,
  type LooseApi,
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
/** The rows a hook decides for some actors (the others are decided by access functions alone: tests/unit). */
const ROWS: MatrixRow[] = [
  {
    collection: 'publications',
    op: 'create',
    what: "own unit's content on own unit's channel",
    fixture: () => newPublication('A'),
    data: () => ({
      content: { relationTo: 'articles', value: f.articleA },
      channel: f.channelA,
      scheduledAt: future(),
    }),
  },
  {
    collection: 'trainings',
    op: 'create',
    what: 'a course of own unit',
    fixture: () => newTraining('A'),
    data: () => ({ title: 'Lớp mới', ownerUnit: f.unitA, status: 'planned' }),
  },
  {
    collection: 'engagement-observations',
    op: 'create',
    what: "figures of own unit's publication",
    fixture: () => newObservation('A'),
    data: () => ({ publication: f.publishedA, views: 10 }),
  },
  {
    collection: 'publications',
    op: 'create',
    what: "another unit's content",
    fixture: () => newPublication('B'),
    data: () => ({
      content: { relationTo: 'articles', value: f.articleB },
      channel: f.channelB,
      scheduledAt: future(),
    }),
  },
  {
    collection: 'trainings',
    op: 'create',
    what: 'a course of another unit',
    fixture: () => newTraining('B'),
    data: () => ({ title: 'Lớp mới', ownerUnit: f.unitB, status: 'planned' }),
  },
  {
    collection: 'engagement-observations',
    op: 'create',
    what: "figures of another unit's publication",
    fixture: () => newObservation('B'),
    data: () => ({ publication: f.publishedB, views: 10 }),
  },
]

describe('access matrix: planning collections, the cells hooks refuse', () => {
  const cells = hookMatrixCells(ROWS, (row, actor) => runMatrixCell(api, users, row, actor))
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
