/**
 * The access matrix: every role (and anonymous) × every collection × create / read / update /
 * delete / publish, on documents of the user's own unit and of another unit.
 *
 * The tables below ARE the specification; each cell becomes its own test, named
 * "<collection> | <actor> | <operation> → <expected outcome>". Every cell performs the operation
 * through the Local API as that user (overrideAccess: false) and then checks the database with
 * overrideAccess: true: an allowed write must have persisted, a refused one must have thrown the
 * expected error AND left the database exactly as it was.
 *
 * Fixtures: unit A ("own") and unit B ("other"); one user per role, all in unit A. For anonymous,
 * "own unit" simply means unit A.
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
  docsOrNone,
  expectForbidden,
  expectInvalidUnit,
  expectNotRevealed,
  expectPublishRefused,
  expectSuccess,
  idOf,
  loose,
} from '../helpers/accessMatrix'
import { PASSWORD, createUnit, createUser, fileOf, pngBuffer } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Outcomes
// ─────────────────────────────────────────────────────────────────────────────────────────────

const OK = 'allowed' // the operation succeeds and the change is persisted
const NO = 'Forbidden' // an access function refuses: Forbidden (403); nothing changes
const BAD = 'ValidationError' // enforceUnitRules refuses another unit's ownerUnit (400); nothing changes
const REF = '403 APIError' // a contributor tries to publish: APIError 403; nothing is saved
const SEE = 'visible' // the read returns the document (or, for revisions, the draft content)
const HID = 'hidden' // the read does not reveal it (NotFound / Forbidden / not in the results)
const IGN = 'not applied' // users: the call may succeed, but the protected field keeps its value
const NA = 'n/a' // the cell does not exist (anonymous has no "self")

type Outcome =
  typeof OK | typeof NO | typeof BAD | typeof REF | typeof SEE | typeof HID | typeof IGN | typeof NA
type Row = Record<Actor, Outcome>

/** One row of a table, in the column order admin (adm), campaign-manager (mgr), editor (edt), contributor (ctb), viewer (vwr), anonymous. */
const by = (
  admin: Outcome,
  manager: Outcome,
  editor: Outcome,
  contributor: Outcome,
  viewer: Outcome,
  anonymous: Outcome,
): Row => ({
  admin,
  'campaign-manager': manager,
  editor,
  contributor,
  viewer,
  anonymous,
})

type Op = 'create' | 'read' | 'update' | 'delete' | 'publish'
type Where2 = 'own' | 'other'

// ─────────────────────────────────────────────────────────────────────────────────────────────
// The specification
// ─────────────────────────────────────────────────────────────────────────────────────────────

const CONTENT_SLUGS = ['articles', 'videos', 'infographics', 'events'] as const
type ContentSlug = (typeof CONTENT_SLUGS)[number]

type ContentRow =
  | {
      op: 'create' | 'publish'
      what: string
      kind: 'create'
      unit: Where2
      status: 'draft' | 'published'
      expect: Row
    }
  | {
      op: 'read'
      what: string
      kind: 'read'
      unit: Where2
      variant: 'published' | 'draft' | 'revised'
      expect: Row
    }
  | {
      op: 'update' | 'publish'
      what: string
      kind: 'update' | 'revise' | 'move' | 'editLive'
      unit: Where2
      expect: Row
    }
  | {
      op: 'delete'
      what: string
      kind: 'delete'
      unit: Where2
      status: 'draft' | 'published'
      expect: Row
    }
  | { op: 'publish'; what: string; kind: 'publish' | 'unpublish'; unit: Where2; expect: Row }

/** articles, videos, infographics and events (drafts enabled, owned by a unit). */
const CONTENT: ContentRow[] = [
  //           adm  mgr  edt  ctb  vwr  anon
  {
    expect: by(OK, OK, OK, OK, NO, NO),
    op: 'create',
    kind: 'create',
    unit: 'own',
    status: 'draft',
    what: 'draft in own unit',
  },
  {
    expect: by(OK, OK, BAD, BAD, NO, NO),
    op: 'create',
    kind: 'create',
    unit: 'other',
    status: 'draft',
    what: 'draft in other unit',
  },
  {
    expect: by(SEE, SEE, SEE, SEE, SEE, SEE),
    op: 'read',
    kind: 'read',
    unit: 'own',
    variant: 'published',
    what: 'own unit, published',
  },
  {
    expect: by(SEE, SEE, SEE, SEE, SEE, HID),
    op: 'read',
    kind: 'read',
    unit: 'own',
    variant: 'draft',
    what: 'own unit, draft',
  },
  {
    expect: by(SEE, SEE, SEE, SEE, SEE, HID),
    op: 'read',
    kind: 'read',
    unit: 'own',
    variant: 'revised',
    what: 'own unit, unpublished revision of a published doc',
  },
  {
    expect: by(SEE, SEE, SEE, SEE, SEE, SEE),
    op: 'read',
    kind: 'read',
    unit: 'other',
    variant: 'published',
    what: 'other unit, published',
  },
  {
    expect: by(SEE, SEE, HID, HID, SEE, HID),
    op: 'read',
    kind: 'read',
    unit: 'other',
    variant: 'draft',
    what: 'other unit, draft',
  },
  {
    expect: by(SEE, SEE, HID, HID, SEE, HID),
    op: 'read',
    kind: 'read',
    unit: 'other',
    variant: 'revised',
    what: 'other unit, unpublished revision of a published doc',
  },
  {
    expect: by(OK, OK, OK, OK, NO, NO),
    op: 'update',
    kind: 'update',
    unit: 'own',
    what: 'own unit draft',
  },
  {
    expect: by(OK, OK, NO, NO, NO, NO),
    op: 'update',
    kind: 'update',
    unit: 'other',
    what: 'other unit draft',
  },
  {
    expect: by(OK, OK, OK, OK, NO, NO),
    op: 'update',
    kind: 'revise',
    unit: 'own',
    what: 'save a draft revision of own unit published doc',
  },
  {
    expect: by(OK, OK, NO, NO, NO, NO),
    op: 'update',
    kind: 'revise',
    unit: 'other',
    what: 'save a draft revision of other unit published doc',
  },
  {
    expect: by(OK, OK, BAD, BAD, NO, NO),
    op: 'update',
    kind: 'move',
    unit: 'own',
    what: 'move own unit doc to the other unit',
  },
  {
    expect: by(OK, OK, OK, OK, NO, NO),
    op: 'delete',
    kind: 'delete',
    unit: 'own',
    status: 'draft',
    what: 'own unit draft',
  },
  {
    expect: by(OK, OK, OK, NO, NO, NO),
    op: 'delete',
    kind: 'delete',
    unit: 'own',
    status: 'published',
    what: 'own unit published',
  },
  {
    expect: by(OK, OK, NO, NO, NO, NO),
    op: 'delete',
    kind: 'delete',
    unit: 'other',
    status: 'draft',
    what: 'other unit draft',
  },
  {
    expect: by(OK, OK, NO, NO, NO, NO),
    op: 'delete',
    kind: 'delete',
    unit: 'other',
    status: 'published',
    what: 'other unit published',
  },
  {
    expect: by(OK, OK, OK, REF, NO, NO),
    op: 'publish',
    kind: 'publish',
    unit: 'own',
    what: 'own unit draft (_status → published)',
  },
  {
    expect: by(OK, OK, NO, NO, NO, NO),
    op: 'publish',
    kind: 'publish',
    unit: 'other',
    what: 'other unit draft (_status → published)',
  },
  {
    expect: by(OK, OK, OK, REF, NO, NO),
    op: 'publish',
    kind: 'unpublish',
    unit: 'own',
    what: 'unpublish own unit published doc (_status → draft)',
  },
  {
    expect: by(OK, OK, NO, NO, NO, NO),
    op: 'publish',
    kind: 'unpublish',
    unit: 'other',
    what: 'unpublish other unit published doc (_status → draft)',
  },
  {
    expect: by(OK, OK, OK, REF, NO, NO),
    op: 'publish',
    kind: 'editLive',
    unit: 'own',
    what: 'edit own unit published doc in place (no draft)',
  },
  {
    expect: by(OK, OK, NO, NO, NO, NO),
    op: 'publish',
    kind: 'editLive',
    unit: 'other',
    what: 'edit other unit published doc in place (no draft)',
  },
  {
    expect: by(OK, OK, OK, REF, NO, NO),
    op: 'publish',
    kind: 'create',
    unit: 'own',
    status: 'published',
    what: 'create as published in own unit',
  },
  {
    expect: by(OK, OK, BAD, BAD, NO, NO),
    op: 'publish',
    kind: 'create',
    unit: 'other',
    status: 'published',
    what: 'create as published in other unit',
  },
]

type SimpleRow = { op: Op; what: string; unit?: Where2; expect: Row }

/** media: everyone reads; authors upload; only their own unit's files are theirs to change. */
const MEDIA: SimpleRow[] = [
  //           adm  mgr  edt  ctb  vwr  anon
  { expect: by(OK, OK, OK, OK, NO, NO), op: 'create', unit: 'own', what: 'upload to own unit' },
  {
    expect: by(OK, OK, BAD, BAD, NO, NO),
    op: 'create',
    unit: 'other',
    what: 'upload to other unit',
  },
  { expect: by(SEE, SEE, SEE, SEE, SEE, SEE), op: 'read', unit: 'own', what: 'own unit file' },
  { expect: by(SEE, SEE, SEE, SEE, SEE, SEE), op: 'read', unit: 'other', what: 'other unit file' },
  { expect: by(OK, OK, OK, OK, NO, NO), op: 'update', unit: 'own', what: 'own unit file' },
  { expect: by(OK, OK, NO, NO, NO, NO), op: 'update', unit: 'other', what: 'other unit file' },
  { expect: by(OK, OK, OK, OK, NO, NO), op: 'delete', unit: 'own', what: 'own unit file' },
  { expect: by(OK, OK, NO, NO, NO, NO), op: 'delete', unit: 'other', what: 'other unit file' },
]

/** topics: everyone reads; admin and campaign manager write. */
const TOPICS: SimpleRow[] = [
  //           adm  mgr  edt  ctb  vwr  anon
  { expect: by(OK, OK, NO, NO, NO, NO), op: 'create', what: 'a topic' },
  { expect: by(SEE, SEE, SEE, SEE, SEE, SEE), op: 'read', what: 'a topic' },
  { expect: by(OK, OK, NO, NO, NO, NO), op: 'update', what: 'a topic' },
  { expect: by(OK, OK, NO, NO, NO, NO), op: 'delete', what: 'a topic' },
]

/** units: everyone reads; only the admin writes, their own unit included. */
const UNITS: SimpleRow[] = [
  //           adm  mgr  edt  ctb  vwr  anon
  { expect: by(OK, NO, NO, NO, NO, NO), op: 'create', what: 'a unit' },
  { expect: by(SEE, SEE, SEE, SEE, SEE, SEE), op: 'read', unit: 'own', what: 'own unit' },
  { expect: by(SEE, SEE, SEE, SEE, SEE, SEE), op: 'read', unit: 'other', what: 'other unit' },
  { expect: by(OK, NO, NO, NO, NO, NO), op: 'update', unit: 'own', what: 'own unit' },
  { expect: by(OK, NO, NO, NO, NO, NO), op: 'update', unit: 'other', what: 'other unit' },
  { expect: by(OK, NO, NO, NO, NO, NO), op: 'delete', unit: 'other', what: 'an unused unit' },
]

type UserRow = SimpleRow & {
  /** self: the acting user; own/other: another user in unit A / unit B. */
  target: 'self' | 'own' | 'other' | 'new'
  change?: 'fullName' | 'role' | 'unit'
}

/** users: admin manages accounts; the manager reads them all; everyone else sees and renames only themselves. */
const USERS: UserRow[] = [
  //           adm  mgr  edt  ctb  vwr  anon
  { expect: by(OK, NO, NO, NO, NO, NO), op: 'create', target: 'new', what: 'a user' },
  { expect: by(SEE, SEE, SEE, SEE, SEE, NA), op: 'read', target: 'self', what: 'themselves' },
  {
    expect: by(SEE, SEE, HID, HID, HID, HID),
    op: 'read',
    target: 'own',
    what: 'another user of own unit',
  },
  {
    expect: by(SEE, SEE, HID, HID, HID, HID),
    op: 'read',
    target: 'other',
    what: 'a user of other unit',
  },
  {
    expect: by(OK, OK, OK, OK, OK, NA),
    op: 'update',
    target: 'self',
    change: 'fullName',
    what: 'own fullName',
  },
  {
    expect: by(OK, NO, NO, NO, NO, NO),
    op: 'update',
    target: 'own',
    change: 'fullName',
    what: 'fullName of another user of own unit',
  },
  {
    expect: by(OK, NO, NO, NO, NO, NO),
    op: 'update',
    target: 'other',
    change: 'fullName',
    what: 'fullName of a user of other unit',
  },
  {
    expect: by(OK, IGN, IGN, IGN, IGN, NA),
    op: 'update',
    target: 'self',
    change: 'role',
    what: 'own role',
  },
  {
    expect: by(OK, IGN, IGN, IGN, IGN, NA),
    op: 'update',
    target: 'self',
    change: 'unit',
    what: 'own unit',
  },
  {
    expect: by(OK, NO, NO, NO, NO, NO),
    op: 'update',
    target: 'own',
    change: 'role',
    what: 'role of another user',
  },
  {
    expect: by(OK, NO, NO, NO, NO, NO),
    op: 'update',
    target: 'own',
    change: 'unit',
    what: 'unit of another user',
  },
  {
    expect: by(OK, NO, NO, NO, NO, NO),
    op: 'delete',
    target: 'own',
    what: 'another user of own unit',
  },
  {
    expect: by(OK, NO, NO, NO, NO, NO),
    op: 'delete',
    target: 'other',
    what: 'a user of other unit',
  },
  { expect: by(OK, NO, NO, NO, NO, NA), op: 'delete', target: 'self', what: 'themselves' },
]

// ─────────────────────────────────────────────────────────────────────────────────────────────
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
const userTargets = {} as Record<'own' | 'other', Doc>

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
  userTargets.own = await freshUser('editor', unit.own)
  userTargets.other = await freshUser('editor', unit.other)
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

type Cell = { name: string; outcome: Outcome; run: () => Promise<void> }
const cellName = (collection: string, actor: Actor, op: Op, what: string, outcome: Outcome) =>
  `${collection} | ${actor} | ${op}: ${what} → ${outcome}`

/** Reads a content fixture by find and findByID, with and without draft mode. */
async function readContent(
  slug: ContentSlug,
  actor: Actor,
  doc: Fixture,
  variant: 'published' | 'draft' | 'revised',
  outcome: Outcome,
) {
  const as = asActor(actor)
  const list = (draft: boolean) =>
    attempt(() => api.find({ collection: slug, where: { id: { equals: doc.id } }, draft, ...as }))
  const one = (draft: boolean) =>
    attempt(() => api.findByID({ collection: slug, id: doc.id, draft, ...as }))
  const titles = (r: Attempt<{ docs: Doc[] }>) => docsOrNone(r as never).map((d) => d.title)

  if (variant === 'revised') {
    // The published version is public: everyone reads it outside draft mode.
    expect(titles(await list(false))).toEqual([doc.title])
    expect(expectSuccess(await one(false)).title).toBe(doc.title)
    if (outcome === SEE) {
      expect(titles(await list(true))).toEqual([doc.revisionTitle])
      expect(expectSuccess(await one(true)).title).toBe(doc.revisionTitle)
    } else {
      // The unpublished revision never shows; at most the published content does.
      const listed = await list(true)
      expect(titles(listed)).not.toContain(doc.revisionTitle)
      for (const d of docsOrNone(listed as never)) expect(d._status).toBe('published')
      const found = await one(true)
      if (found.ok) expect(found.value.title).toBe(doc.title)
      else expectNotRevealed(found)
    }
    return
  }
  for (const draft of [false, true]) {
    if (outcome === SEE) {
      expect(titles(await list(draft))).toEqual([doc.title])
      expect(expectSuccess(await one(draft)).title).toBe(doc.title)
    } else {
      expect(titles(await list(draft))).toEqual([])
      expectNotRevealed(await one(draft))
    }
  }
}

function contentCell(slug: ContentSlug, actor: Actor, row: ContentRow): Cell {
  const outcome = row.expect[actor]
  const name = cellName(slug, actor, row.op, row.what, outcome)
  const as = () => asActor(actor)

  switch (row.kind) {
    case 'read':
      return {
        name,
        outcome,
        run: () => readContent(slug, actor, fx[slug][row.unit][row.variant], row.variant, outcome),
      }

    case 'create':
      return {
        name,
        outcome,
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

    case 'update':
    case 'revise':
    case 'move':
    case 'editLive':
      return {
        name,
        outcome,
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
            // Saved in place: the record keeps its status (a live edit of a published doc publishes the change).
            expect(after.main?.title).toBe(newTitle)
            expect(after.main?._status).toBe(published ? 'published' : 'draft')
          }
        },
      }

    case 'unpublish':
      return {
        name,
        outcome,
        run: async () => {
          const doc = await seedContent(slug, row.unit, 'published')
          const before = await snapshot(slug, doc.id)
          const result = await attempt(() =>
            api.update({ collection: slug, id: doc.id, data: { _status: 'draft' }, ...as() }),
          )
          if (outcome !== OK) {
            await expectRefused(result, outcome, before, slug, doc.id)
            // …and the public still sees it.
            expect(
              (
                await api.count({
                  collection: slug,
                  where: { id: { equals: doc.id } },
                  overrideAccess: false,
                })
              ).totalDocs,
            ).toBe(1)
            return
          }
          expectSuccess(result)
          expect((await snapshot(slug, doc.id)).main?._status).toBe('draft')
          expect(
            (
              await api.count({
                collection: slug,
                where: { id: { equals: doc.id } },
                overrideAccess: false,
              })
            ).totalDocs,
          ).toBe(0)
        },
      }

    case 'delete':
      return {
        name,
        outcome,
        run: async () => {
          const doc = await seedContent(slug, row.unit, row.status)
          const before = await snapshot(slug, doc.id)
          const result = await attempt(() => api.delete({ collection: slug, id: doc.id, ...as() }))
          if (outcome !== OK) return expectRefused(result, outcome, before, slug, doc.id)
          expectSuccess(result)
          expect(
            (
              await api.count({
                collection: slug,
                where: { id: { equals: doc.id } },
                overrideAccess: true,
              })
            ).totalDocs,
          ).toBe(0)
        },
      }

    case 'publish':
      return {
        name,
        outcome,
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
            expect(
              (
                await api.count({
                  collection: slug,
                  where: { id: { equals: doc.id } },
                  overrideAccess: false,
                })
              ).totalDocs,
            ).toBe(0)
            return
          }
          expectSuccess(result)
          const after = await snapshot(slug, doc.id)
          expect(after.main?._status).toBe('published')
          expect(await publishedVersions()).toBeGreaterThan(0)
          expect(
            (
              await api.count({
                collection: slug,
                where: { id: { equals: doc.id } },
                overrideAccess: false,
              })
            ).totalDocs,
          ).toBe(1)
        },
      }
  }
}

function mediaCell(actor: Actor, row: SimpleRow): Cell {
  const outcome = row.expect[actor]
  const unitId = () => unit[row.unit!]
  const run = async () => {
    const as = asActor(actor)
    if (row.op === 'create') {
      const alt = uniq(`Ảnh tải lên bởi ${actor}`)
      const result = await attempt(() =>
        api.create({
          collection: 'media',
          data: { alt, credit: 'Phóng viên', ownerUnit: unitId() },
          file: fileOf(png, 'anh-moi.png', 'image/png'),
          ...as,
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
        expect(idOf(stored.docs[0].ownerUnit)).toBe(unitId())
        return
      }
      if (outcome === NO) expectForbidden(result)
      else expectInvalidUnit(result)
      expect(stored.totalDocs).toBe(0)
      return
    }
    const media = await seedMedia(unitId())
    if (row.op === 'read') {
      expect(
        (
          await api.find({ collection: 'media', where: { id: { equals: media.id } }, ...as })
        ).docs.map((d) => d.id),
      ).toEqual([media.id])
      expect((await api.findByID({ collection: 'media', id: media.id, ...as })).alt).toBe(media.alt)
      return
    }
    const before = await snapshot('media', media.id)
    const newAlt = uniq(`Mô tả mới bởi ${actor}`)
    const result = await attempt(() =>
      row.op === 'update'
        ? api.update({ collection: 'media', id: media.id, data: { alt: newAlt }, ...as })
        : api.delete({ collection: 'media', id: media.id, ...as }),
    )
    if (outcome !== OK) return expectRefused(result, outcome, before, 'media', media.id)
    expectSuccess(result)
    const after = await snapshot('media', media.id)
    if (row.op === 'update') expect(after.main?.alt).toBe(newAlt)
    else expect(after.main).toBeNull()
  }
  return { name: cellName('media', actor, row.op, row.what, outcome), outcome, run }
}

function topicCell(actor: Actor, row: SimpleRow): Cell {
  const outcome = row.expect[actor]
  const run = async () => {
    const as = asActor(actor)
    if (row.op === 'create') {
      const title = uniq(`Chủ đề của ${actor}`)
      const result = await attempt(() =>
        api.create({ collection: 'topics', data: { title }, ...as }),
      )
      const stored = await api.count({
        collection: 'topics',
        where: { title: { equals: title } },
        overrideAccess: true,
      })
      if (outcome === OK) expectSuccess(result)
      else expectForbidden(result)
      expect(stored.totalDocs).toBe(outcome === OK ? 1 : 0)
      return
    }
    const topic = await api.create({
      collection: 'topics',
      data: { title: uniq('Chủ đề thử') },
      ...SUPER,
    })
    if (row.op === 'read') {
      expect(
        (
          await api.find({ collection: 'topics', where: { id: { equals: topic.id } }, ...as })
        ).docs.map((d) => d.id),
      ).toEqual([topic.id])
      expect((await api.findByID({ collection: 'topics', id: topic.id, ...as })).title).toBe(
        topic.title,
      )
      return
    }
    const before = await snapshot('topics', topic.id)
    const newTitle = uniq(`Chủ đề sửa bởi ${actor}`)
    const result = await attempt(() =>
      row.op === 'update'
        ? api.update({ collection: 'topics', id: topic.id, data: { title: newTitle }, ...as })
        : api.delete({ collection: 'topics', id: topic.id, ...as }),
    )
    if (outcome !== OK) return expectRefused(result, outcome, before, 'topics', topic.id)
    expectSuccess(result)
    const after = await snapshot('topics', topic.id)
    if (row.op === 'update') expect(after.main?.title).toBe(newTitle)
    else expect(after.main).toBeNull()
  }
  return { name: cellName('topics', actor, row.op, row.what, outcome), outcome, run }
}

function unitCell(actor: Actor, row: SimpleRow): Cell {
  const outcome = row.expect[actor]
  const run = async () => {
    const as = asActor(actor)
    if (row.op === 'create') {
      const name = uniq(`Đơn vị tạo bởi ${actor}`)
      const result = await attempt(() =>
        api.create({ collection: 'units', data: { name, kind: 'commune' }, ...as }),
      )
      const stored = await api.count({
        collection: 'units',
        where: { name: { equals: name } },
        overrideAccess: true,
      })
      if (outcome === OK) expectSuccess(result)
      else expectForbidden(result)
      expect(stored.totalDocs).toBe(outcome === OK ? 1 : 0)
      return
    }
    if (row.op === 'read') {
      const id = unit[row.unit!]
      expect(
        (await api.find({ collection: 'units', where: { id: { equals: id } }, ...as })).docs.map(
          (d) => d.id,
        ),
      ).toEqual([id])
      expect((await api.findByID({ collection: 'units', id, ...as })).id).toBe(id)
      return
    }
    // Updates touch unit A or B themselves; deletes an unused unit made for the cell.
    const id = row.op === 'delete' ? String((await createUnit(payload)).id) : unit[row.unit!]
    const before = await snapshot('units', id)
    const shortName = uniq('VT')
    const result = await attempt(() =>
      row.op === 'update'
        ? api.update({ collection: 'units', id, data: { shortName }, ...as })
        : api.delete({ collection: 'units', id, ...as }),
    )
    if (outcome !== OK) return expectRefused(result, outcome, before, 'units', id)
    expectSuccess(result)
    const after = await snapshot('units', id)
    if (row.op === 'update') expect(after.main?.shortName).toBe(shortName)
    else expect(after.main).toBeNull()
  }
  return { name: cellName('units', actor, row.op, row.what, outcome), outcome, run }
}

function userCell(actor: Actor, row: UserRow): Cell {
  const outcome = row.expect[actor]
  const run = async () => {
    // Cells that change or delete a user work on fresh accounts, so the fixtures stay as they are.
    const changes = row.op === 'update' || row.op === 'delete'
    const self =
      row.target === 'self' && changes ? await freshUser(actor as Role, unit.own) : users[actor]
    const as = { overrideAccess: false, user: self, depth: 0 }

    if (row.op === 'create') {
      const email = `${uniq('moi').replace(/\W+/g, '-')}@test.vn`
      const result = await attempt(() =>
        api.create({
          collection: 'users',
          data: {
            email,
            password: PASSWORD,
            fullName: 'Người dùng mới',
            role: 'viewer',
            unit: unit.own,
          },
          ...as,
        }),
      )
      const stored = await api.count({
        collection: 'users',
        where: { email: { equals: email } },
        overrideAccess: true,
      })
      if (outcome === OK) expectSuccess(result)
      else expectForbidden(result)
      expect(stored.totalDocs).toBe(outcome === OK ? 1 : 0)
      return
    }

    let target: Doc
    if (row.target === 'self') target = self!
    else if (changes) target = await freshUser('editor', unit[row.target as Where2])
    else target = userTargets[row.target as Where2]

    if (row.op === 'read') {
      const listed = docsOrNone(
        await attempt(() =>
          api.find({ collection: 'users', where: { id: { equals: target.id } }, ...as }),
        ),
      )
      const one = await attempt(() => api.findByID({ collection: 'users', id: target.id, ...as }))
      if (outcome === SEE) {
        expect(listed.map((d) => d.id)).toEqual([target.id])
        expect(expectSuccess(one).email).toBe(target.email)
      } else {
        expect(listed).toEqual([])
        expectNotRevealed(one)
      }
      return
    }

    const before = await snapshot('users', target.id)
    if (row.op === 'delete') {
      const result = await attempt(() => api.delete({ collection: 'users', id: target.id, ...as }))
      if (outcome !== OK) return expectRefused(result, outcome, before, 'users', target.id)
      expectSuccess(result)
      expect((await snapshot('users', target.id)).main).toBeNull()
      return
    }

    const field = row.change!
    const value =
      field === 'fullName'
        ? uniq('Tên mới')
        : field === 'role'
          ? actor === 'admin'
            ? 'viewer'
            : 'admin'
          : unit.other
    const result = await attempt(() =>
      api.update({ collection: 'users', id: target.id, data: { [field]: value }, ...as }),
    )
    const after = await snapshot('users', target.id)
    const stored = (doc: Doc | null) => (field === 'unit' ? idOf(doc?.unit) : doc?.[field])
    if (outcome === OK) {
      expectSuccess(result)
      expect(stored(after.main)).toBe(value)
    } else if (outcome === IGN) {
      // Field-level access: Payload drops the field silently (or refuses the call); either way it keeps its value.
      if (!result.ok) expectForbidden(result)
      expect(stored(after.main)).toBe(stored(before.main))
      expect(stored(after.main)).not.toBe(value)
    } else {
      await expectRefused(result, outcome, before, 'users', target.id)
    }
  }
  return { name: cellName('users', actor, row.op, row.what, outcome), outcome, run }
}

const byActor = <R>(rows: R[], make: (actor: Actor, row: R) => Cell) =>
  rows.flatMap((row) => ACTORS.map((actor) => make(actor, row)))
const runnable = (cells: Cell[]) => cells.filter((c) => c.outcome !== NA)

// ─────────────────────────────────────────────────────────────────────────────────────────────
// The matrix
// ─────────────────────────────────────────────────────────────────────────────────────────────

describe('access matrix', () => {
  for (const slug of CONTENT_SLUGS) {
    describe(slug, () => {
      it.each(runnable(byActor(CONTENT, (actor, row) => contentCell(slug, actor, row))))(
        '$name',
        ({ run }) => run(),
      )
    })
  }
  describe('media', () => {
    it.each(runnable(byActor(MEDIA, mediaCell)))('$name', ({ run }) => run())
  })
  describe('topics', () => {
    it.each(runnable(byActor(TOPICS, topicCell)))('$name', ({ run }) => run())
  })
  describe('units', () => {
    it.each(runnable(byActor(UNITS, unitCell)))('$name', ({ run }) => run())
  })
  describe('users', () => {
    it.each(runnable(byActor(USERS, userCell)))('$name', ({ run }) => run())
  })
})

// ─────────────────────────────────────────────────────────────────────────────────────────────
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
