/**
 * Content, media and users through the Local API: the cells of the access matrix
 * (tests/helpers/accessSpec.ts, which says who may do what) that a hook or a field's access
 * refuses, with their controls, and anonymous draft reads. Every other cell is decided by the
 * access functions alone and is checked as a plain function in tests/unit/access-matrix.test.ts.
 *
 * Each cell performs the operation through the Local API as that user (overrideAccess: false) and
 * then checks the database with overrideAccess: true: an allowed write must have persisted, a
 * refused one must have thrown the expected error AND left the database exactly as it was.
 *
 * Fixtures: unit A ("own") and unit B ("other"); one user per role, all in unit A.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'
import type { Role } from '@/vocabulary'
import {
  ACTORS,
  type Actor,
  type Attempt,
  type Doc,
  type LooseApi,
  attempt,
  expectForbidden,
  expectInvalidUnit,
  expectNotRevealed,
  expectPublishRefused,
  expectSuccess,
  idOf,
  localApiActors,
  loose,
} from '../helpers/accessMatrix'
import { CONTENT_SLUGS, matrixRow, type Op } from '../helpers/accessSpec'
import { createUnit, createUser, fileOf, pngBuffer } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Outcomes, read from the matrix
// ─────────────────────────────────────────────────────────────────────────────────────────────

const OK = 'allowed' // the operation succeeds and the change is persisted
const NO = 'Forbidden' // an access function refuses: Forbidden (403); nothing changes
const BAD = 'ValidationError' // enforceUnitRules refuses another unit's ownerUnit (400); nothing changes
const REF = '403 APIError' // a contributor tries to publish: APIError 403; nothing is saved
const IGN = 'not applied' // users: the call may succeed, but the protected field keeps its value

type Outcome = typeof OK | typeof NO | typeof BAD | typeof REF | typeof IGN

/** A cell's outcome in the matrix, as the error this file expects. */
function outcomeOf(collection: string, op: Op, what: string, actor: Actor): Outcome {
  const spec = matrixRow(collection, op, what)
  const outcome = spec.expect[actor]
  if (outcome === 'allowed') return OK
  if (outcome === 'hook') return spec.refusal === 'publish' ? REF : BAD
  if (outcome === 'field') return IGN
  if (outcome === 'denied') return NO
  throw new Error(`no ${actor} cell in ${collection} ${op}: ${what}`)
}

type Where2 = 'own' | 'other'
type ContentSlug = (typeof CONTENT_SLUGS)[number]

/** The content rows a hook decides for some actors, or their own-unit controls (articles, videos, infographics, events). */
type ContentRow =
  | { op: 'create'; kind: 'create'; what: string; unit: Where2; status: 'draft' | 'published' }
  | {
      op: 'update'
      kind: 'revise' | 'move' | 'editLive' | 'publish' | 'unpublish'
      what: string
      unit: Where2
    }

const CONTENT: ContentRow[] = [
  { op: 'create', kind: 'create', unit: 'own', status: 'draft', what: 'draft in own unit' },
  { op: 'create', kind: 'create', unit: 'other', status: 'draft', what: 'draft in other unit' },
  {
    op: 'create',
    kind: 'create',
    unit: 'own',
    status: 'published',
    what: 'create as published in own unit',
  },
  {
    op: 'create',
    kind: 'create',
    unit: 'other',
    status: 'published',
    what: 'create as published in other unit',
  },
  {
    op: 'update',
    kind: 'revise',
    unit: 'own',
    what: 'save a draft revision of own unit published doc',
  },
  { op: 'update', kind: 'move', unit: 'own', what: 'move own unit doc to the other unit' },
  { op: 'update', kind: 'publish', unit: 'own', what: 'own unit draft (_status → published)' },
  {
    op: 'update',
    kind: 'unpublish',
    unit: 'own',
    what: 'unpublish own unit published doc (_status → draft)',
  },
  {
    op: 'update',
    kind: 'editLive',
    unit: 'own',
    what: 'edit own unit published doc in place (no draft)',
  },
]

/** media: uploading for another unit (enforceUnitRules), and its own-unit control. */
const MEDIA: { what: string; unit: Where2 }[] = [
  { unit: 'own', what: 'upload to own unit' },
  { unit: 'other', what: 'upload to other unit' },
]

/** users: the role and unit fields, which only admins change (field access). */
const USERS: { what: string; change: 'role' | 'unit' }[] = [
  { change: 'role', what: 'own role' },
  { change: 'unit', what: 'own unit' },
]

// Fixtures
// ─────────────────────────────────────────────────────────────────────────────────────────────

let payload: Payload
let api: LooseApi
const unit = { own: '', other: '' }
const users = {} as Record<Actor, Doc | undefined>
const mediaOfUnit: Record<string, string> = {}
type Fixture = { id: string; title: string; revisionTitle?: string }
const fx = {} as Record<
  ContentSlug,
  Record<Where2, Record<'published' | 'draft' | 'revised', Fixture>>
>

let counter = 0
const uniq = (label: string) => `${label} ${Date.now().toString(36)}-${++counter}`
const SUPER = { overrideAccess: true, depth: 0 } as const

const contentData = (
  slug: ContentSlug,
  title: string,
  unitId: string,
  status: 'draft' | 'published',
) => {
  const base = { title, ownerUnit: unitId, _status: status }
  switch (slug) {
    case 'articles':
      return { ...base, sapo: 'Tóm tắt bài viết thử.' }
    case 'videos':
      return { ...base, externalUrl: 'https://www.youtube.com/watch?v=abcdefghijk' }
    case 'infographics':
      return {
        ...base,
        file: mediaOfUnit[unitId],
        alt: 'Đồ họa thử',
        longDescription: 'Toàn bộ số liệu của đồ họa, bằng văn bản.',
      }
    case 'events':
      return { ...base, startsAt: '2026-12-01T01:00:00.000Z', endsAt: '2026-12-01T04:00:00.000Z' }
  }
}

/** A document made with overrideAccess: draft, published, or published with a newer unpublished revision. */
async function seedContent(
  slug: ContentSlug,
  where: Where2,
  variant: 'draft' | 'published' | 'revised',
): Promise<Fixture> {
  const title = uniq(`${slug} ${where} ${variant}`)
  const doc = await api.create({
    collection: slug,
    data: contentData(slug, title, unit[where], variant === 'draft' ? 'draft' : 'published'),
    ...SUPER,
  })
  if (variant !== 'revised') return { id: doc.id, title }
  const revisionTitle = `${title} (bản nháp chưa xuất bản)`
  await api.update({
    collection: slug,
    id: doc.id,
    data: { title: revisionTitle },
    draft: true,
    ...SUPER,
  })
  return { id: doc.id, title, revisionTitle }
}

let png: Buffer
async function seedMedia(unitId: string, alt = uniq('Ảnh thử')) {
  return api.create({
    collection: 'media',
    data: { alt, credit: 'Phóng viên', ownerUnit: unitId },
    file: fileOf(png, 'anh-thu.png', 'image/png'),
    ...SUPER,
  })
}

/** A user read back from the database, as the Local API expects it. */
async function fetchUser(id: string) {
  return api.findByID({ collection: 'users', id, ...SUPER })
}
async function freshUser(role: Role, unitId: string) {
  return fetchUser(String((await createUser(payload, role, unitId)).id))
}

/** What an outsider can observe of a stored document: main record, latest version, version count. */
async function snapshot(collection: string, id: string) {
  const main = await api.findByID({ collection, id, disableErrors: true, ...SUPER })
  const versioned = (CONTENT_SLUGS as readonly string[]).includes(collection)
  const latest = versioned
    ? await api.findByID({ collection, id, draft: true, disableErrors: true, ...SUPER })
    : null
  const versions = versioned
    ? (
        await api.countVersions({
          collection,
          where: { parent: { equals: id } },
          overrideAccess: true,
        })
      ).totalDocs
    : 0
  return { main, latest, versions }
}

/** The refusal an outcome stands for, then: the database did not change. */
async function expectRefused(
  result: Attempt<unknown>,
  outcome: Outcome,
  before: Awaited<ReturnType<typeof snapshot>>,
  collection: string,
  id: string,
) {
  if (outcome === NO) expectForbidden(result)
  else if (outcome === BAD) expectInvalidUnit(result)
  else if (outcome === REF) expectPublishRefused(result)
  else throw new Error(`not a refusal: ${outcome}`)
  expect(await snapshot(collection, id)).toEqual(before)
}

const asActor = (actor: Actor) => ({ overrideAccess: false, user: users[actor], depth: 0 })

beforeAll(async () => {
  payload = await testPayload()
  api = loose(payload)
  png = await pngBuffer(48, 32)
  unit.own = String((await createUnit(payload, 'Đơn vị A (của người dùng)')).id)
  unit.other = String((await createUnit(payload, 'Đơn vị B (đơn vị khác)')).id)
  for (const role of ACTORS) {
    users[role] = role === 'anonymous' ? undefined : await freshUser(role, unit.own)
  }
  for (const u of [unit.own, unit.other]) mediaOfUnit[u] = (await seedMedia(u)).id
  for (const slug of CONTENT_SLUGS) {
    fx[slug] = {} as (typeof fx)[ContentSlug]
    for (const where of ['own', 'other'] as const) {
      fx[slug][where] = {
        published: await seedContent(slug, where, 'published'),
        draft: await seedContent(slug, where, 'draft'),
        revised: await seedContent(slug, where, 'revised'),
      }
    }
  }
})

afterAll(async () => {
  await payload?.destroy?.()
})

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Cells
// ─────────────────────────────────────────────────────────────────────────────────────────────

type Cell = { name: string; run: () => Promise<void> }
const cellName = (collection: string, actor: Actor, op: Op, what: string, outcome: Outcome) =>
  `${collection} | ${actor} | ${op}: ${what} → ${outcome}`

function contentCell(slug: ContentSlug, actor: Actor, row: ContentRow): Cell {
  const outcome = outcomeOf(slug, row.op, row.what, actor)
  const name = cellName(slug, actor, row.op, row.what, outcome)
  const as = () => asActor(actor)

  switch (row.kind) {
    case 'create':
      return {
        name,
        run: async () => {
          const title = uniq(`${slug} tạo bởi ${actor}`)
          const unitId = unit[row.unit]
          const result = await attempt(() =>
            api.create({
              collection: slug,
              data: contentData(slug, title, unitId, row.status),
              ...as(),
            }),
          )
          const stored = await api.find({
            collection: slug,
            where: { title: { equals: title } },
            ...SUPER,
          })
          const versions = await api.countVersions({
            collection: slug,
            where: { 'version.title': { equals: title } },
            overrideAccess: true,
          })
          if (outcome === OK) {
            const doc = expectSuccess(result)
            expect(stored.docs.map((d) => d.id)).toEqual([doc.id])
            expect(idOf(stored.docs[0].ownerUnit)).toBe(unitId)
            expect(stored.docs[0]._status).toBe(row.status)
            expect(versions.totalDocs).toBeGreaterThan(0)
          } else {
            if (outcome === NO) expectForbidden(result)
            else if (outcome === BAD) expectInvalidUnit(result)
            else expectPublishRefused(result)
            expect(stored.totalDocs).toBe(0)
            expect(versions.totalDocs).toBe(0)
          }
        },
      }

    case 'revise':
    case 'move':
    case 'editLive':
      return {
        name,
        run: async () => {
          const published = row.kind === 'revise' || row.kind === 'editLive'
          const doc = await seedContent(slug, row.unit, published ? 'published' : 'draft')
          const before = await snapshot(slug, doc.id)
          const newTitle = uniq(`${slug} sửa bởi ${actor}`)
          const data = row.kind === 'move' ? { ownerUnit: unit.other } : { title: newTitle }
          const result = await attempt(() =>
            api.update({
              collection: slug,
              id: doc.id,
              data,
              draft: row.kind === 'revise',
              ...as(),
            }),
          )
          if (outcome !== OK) return expectRefused(result, outcome, before, slug, doc.id)
          expectSuccess(result)
          const after = await snapshot(slug, doc.id)
          if (row.kind === 'move') {
            expect(idOf(after.main?.ownerUnit)).toBe(unit.other)
          } else if (row.kind === 'revise') {
            // A draft revision: the latest version carries it, the published record is untouched.
            expect(after.latest?.title).toBe(newTitle)
            expect(after.latest?._status).toBe('draft')
            expect(after.main?.title).toBe(doc.title)
            expect(after.main?._status).toBe('published')
          } else {
            // Saved in place: a live edit of a published doc publishes the change.
            expect(after.main?.title).toBe(newTitle)
            expect(after.main?._status).toBe('published')
          }
        },
      }

    case 'unpublish':
      return {
        name,
        run: async () => {
          const doc = await seedContent(slug, row.unit, 'published')
          const before = await snapshot(slug, doc.id)
          const result = await attempt(() =>
            api.update({ collection: slug, id: doc.id, data: { _status: 'draft' }, ...as() }),
          )
          if (outcome !== OK) {
            await expectRefused(result, outcome, before, slug, doc.id)
            // …and the public still sees it.
            expect(await publicCount(slug, doc.id)).toBe(1)
            return
          }
          expectSuccess(result)
          expect((await snapshot(slug, doc.id)).main?._status).toBe('draft')
          expect(await publicCount(slug, doc.id)).toBe(0)
        },
      }

    case 'publish':
      return {
        name,
        run: async () => {
          const doc = await seedContent(slug, row.unit, 'draft')
          const before = await snapshot(slug, doc.id)
          const publishedVersions = async () =>
            (
              await api.countVersions({
                collection: slug,
                where: {
                  and: [
                    { parent: { equals: doc.id } },
                    { 'version._status': { equals: 'published' } },
                  ],
                },
                overrideAccess: true,
              })
            ).totalDocs
          const result = await attempt(() =>
            api.update({ collection: slug, id: doc.id, data: { _status: 'published' }, ...as() }),
          )
          if (outcome !== OK) {
            await expectRefused(result, outcome, before, slug, doc.id)
            expect(await publishedVersions()).toBe(0)
            // …and it is still invisible to the public.
            expect(await publicCount(slug, doc.id)).toBe(0)
            return
          }
          expectSuccess(result)
          const after = await snapshot(slug, doc.id)
          expect(after.main?._status).toBe('published')
          expect(await publishedVersions()).toBeGreaterThan(0)
          expect(await publicCount(slug, doc.id)).toBe(1)
        },
      }
  }
}

/** How many of this id the public finds (0 or 1). */
const publicCount = async (slug: string, id: string) =>
  (await api.count({ collection: slug, where: { id: { equals: id } }, overrideAccess: false }))
    .totalDocs

function mediaCell(actor: Actor, row: (typeof MEDIA)[number]): Cell {
  const outcome = outcomeOf('media', 'create', row.what, actor)
  const run = async () => {
    const unitId = unit[row.unit]
    const alt = uniq(`Ảnh tải lên bởi ${actor}`)
    const result = await attempt(() =>
      api.create({
        collection: 'media',
        data: { alt, credit: 'Phóng viên', ownerUnit: unitId },
        file: fileOf(png, 'anh-moi.png', 'image/png'),
        ...asActor(actor),
      }),
    )
    const stored = await api.find({
      collection: 'media',
      where: { alt: { equals: alt } },
      ...SUPER,
    })
    if (outcome === OK) {
      const doc = expectSuccess(result)
      expect(stored.docs.map((d) => d.id)).toEqual([doc.id])
      expect(idOf(stored.docs[0].ownerUnit)).toBe(unitId)
      return
    }
    if (outcome === NO) expectForbidden(result)
    else expectInvalidUnit(result)
    expect(stored.totalDocs).toBe(0)
  }
  return { name: cellName('media', actor, 'create', row.what, outcome), run }
}

function userCell(actor: Actor, row: (typeof USERS)[number]): Cell {
  const outcome = outcomeOf('users', 'update', row.what, actor)
  const run = async () => {
    // A fresh account of the actor's role, so the fixtures stay as they are.
    const self = await freshUser(actor as Role, unit.own)
    const field = row.change
    const value = field === 'role' ? (actor === 'admin' ? 'viewer' : 'admin') : unit.other
    const before = await snapshot('users', self.id)
    const result = await attempt(() =>
      api.update({
        collection: 'users',
        id: self.id,
        data: { [field]: value },
        overrideAccess: false,
        user: self,
        depth: 0,
      }),
    )
    const after = await snapshot('users', self.id)
    const stored = (doc: Doc | null) => (field === 'unit' ? idOf(doc?.unit) : doc?.[field])
    if (outcome === OK) {
      expectSuccess(result)
      expect(stored(after.main)).toBe(value)
    } else {
      // Field-level access: Payload drops the field silently (or refuses the call); either way it keeps its value.
      if (!result.ok) expectForbidden(result)
      expect(stored(after.main)).toBe(stored(before.main))
      expect(stored(after.main)).not.toBe(value)
    }
  }
  return { name: cellName('users', actor, 'update', row.what, outcome), run }
}

/** The row's cells that run here (localApiActors). */
const cellsOf = <R extends { what: string }>(
  collection: string,
  op: Op,
  rows: R[],
  make: (actor: Actor, row: R) => Cell,
) =>
  rows.flatMap((row) =>
    localApiActors(matrixRow(collection, op, row.what)).map((actor) => make(actor, row)),
  )

// ─────────────────────────────────────────────────────────────────────────────────────────────
// The cells hooks and field access refuse
// ─────────────────────────────────────────────────────────────────────────────────────────────

describe('access matrix through the Local API', () => {
  for (const slug of CONTENT_SLUGS) {
    describe(slug, () => {
      const cells = CONTENT.flatMap((row) =>
        localApiActors(matrixRow(slug, row.op, row.what)).map((actor) =>
          contentCell(slug, actor, row),
        ),
      )
      it.each(cells)('$name', ({ run }) => run())
    })
  }
  describe('media', () => {
    it.each(cellsOf('media', 'create', MEDIA, mediaCell))('$name', ({ run }) => run())
  })
  describe('users', () => {
    it.each(cellsOf('users', 'update', USERS, userCell))('$name', ({ run }) => run())
  })
})

// Anonymous draft reads: drafts never leak, whatever the Local API is asked
// ─────────────────────────────────────────────────────────────────────────────────────────────

const ANONYMOUS_DRAFT_CELLS: { what: string; run: (slug: ContentSlug) => Promise<void> }[] = [
  {
    what: 'find with draft: true lists no draft and no unpublished revision',
    run: async (slug) => {
      const res = await api.find({
        collection: slug,
        draft: true,
        pagination: false,
        ...asActor('anonymous'),
      })
      const ids = res.docs.map((d) => d.id)
      const titles = res.docs.map((d) => d.title)
      for (const where of ['own', 'other'] as const) {
        expect(ids).toContain(fx[slug][where].published.id)
        expect(ids).not.toContain(fx[slug][where].draft.id)
        expect(titles).not.toContain(fx[slug][where].revised.revisionTitle)
      }
      for (const d of res.docs) expect(d._status).toBe('published')
    },
  },
  {
    what: "find where _status equals 'draft' returns nothing (with and without draft: true)",
    run: async (slug) => {
      for (const draft of [false, true]) {
        const res = await api.find({
          collection: slug,
          draft,
          where: { _status: { equals: 'draft' } },
          ...asActor('anonymous'),
        })
        expect(res.docs).toEqual([])
        expect(res.totalDocs).toBe(0)
      }
      const counted = await api.count({
        collection: slug,
        where: { _status: { equals: 'draft' } },
        overrideAccess: false,
      })
      expect(counted.totalDocs).toBe(0)
    },
  },
  {
    what: 'findByID with draft: true on a draft → NotFound',
    run: async (slug) => {
      for (const where of ['own', 'other'] as const) {
        expectNotRevealed(
          await attempt(() =>
            api.findByID({
              collection: slug,
              id: fx[slug][where].draft.id,
              draft: true,
              ...asActor('anonymous'),
            }),
          ),
        )
      }
    },
  },
  {
    what: 'findByID with draft: true on a published doc with a newer draft → the published content',
    run: async (slug) => {
      const doc = fx[slug].own.revised
      const found = await api.findByID({
        collection: slug,
        id: doc.id,
        draft: true,
        ...asActor('anonymous'),
      })
      expect(found.title).toBe(doc.title)
      expect(found._status).toBe('published')
    },
  },
  {
    what: 'findVersions → Forbidden',
    run: async (slug) => {
      expectForbidden(
        await attempt(() => api.findVersions({ collection: slug, ...asActor('anonymous') })),
      )
      const filtered = await attempt(() =>
        api.findVersions({
          collection: slug,
          where: { 'version._status': { equals: 'draft' } },
          ...asActor('anonymous'),
        }),
      )
      expectForbidden(filtered)
    },
  },
  {
    what: 'findVersionByID of a draft version → Forbidden',
    run: async (slug) => {
      const versions = await api.findVersions({
        collection: slug,
        where: { parent: { equals: fx[slug].own.draft.id } },
        overrideAccess: true,
        limit: 1,
      })
      expect(versions.docs).toHaveLength(1)
      expectForbidden(
        await attempt(() =>
          api.findVersionByID({
            collection: slug,
            id: versions.docs[0].id,
            ...asActor('anonymous'),
          }),
        ),
      )
    },
  },
]

describe('anonymous draft reads', () => {
  const cells = CONTENT_SLUGS.flatMap((slug) =>
    ANONYMOUS_DRAFT_CELLS.map((c) => ({
      name: `${slug} | anonymous | read: ${c.what}`,
      run: () => c.run(slug),
    })),
  )
  it.each(cells)('$name', ({ run }) => run())
})
