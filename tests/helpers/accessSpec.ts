/**
 * THE access matrix, as data: every collection × operation × actor (each role, all in unit A, and
 * anonymous), on documents of the actor's own unit (A) and of another unit (B). A new collection
 * joins by adding rows here.
 *
 * Each row names the stored document (depth 0, as the access function meets it) and what each
 * actor's attempt ends in:
 * - `allowed`: the access function lets it through (and nothing else refuses it);
 * - `denied`: the access function refuses it (Forbidden, or a read that reveals nothing);
 * - `hook`: the access function lets it through and a change hook refuses it (a unit's editor
 *   writing for another unit, a contributor publishing, a submitted report): these cells also run
 *   through the Local API in the access-matrix*.test.ts files of tests/int (see `hookCells`);
 * - `field`: the collection's access lets the update through, the field's own access drops the
 *   change (a user's own role or unit);
 * - `n/a`: no such cell (anonymous has no account of its own).
 *
 * tests/unit/access-matrix.test.ts calls every cell's access function directly;
 * tests/e2e/access-rest.test.ts drives one cell per collection and actor through REST.
 * The unit manager's subtree needs the unit tree from the database: tests/int/access-matrix-subtree.
 */
import type { Role } from '@/vocabulary'

export type Actor = Exclude<Role, 'unit-manager'> | 'anonymous'
export const ACTORS: Actor[] = [
  'admin',
  'campaign-manager',
  'editor',
  'contributor',
  'viewer',
  'anonymous',
]
export type Op = 'create' | 'read' | 'update' | 'delete'
export type Outcome = 'allowed' | 'denied' | 'hook' | 'field' | 'n/a'
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Doc = { id: string } & Record<string, any>

export const UNIT_A = 'unit-a'
export const UNIT_B = 'unit-b'
export const UNIT_C = 'unit-c'

/** The actor's account as access functions see it (Payload adds `collection` to a logged-in user). */
export const userOf = (actor: Actor): Doc | null =>
  actor === 'anonymous'
    ? null
    : { id: `user-${actor}`, role: actor, unit: UNIT_A, collection: 'users' }

export type AccessRow = {
  collection: string
  op: Op
  what: string
  /** read / update / delete: the stored document, or the actor's own (a user reading themselves). */
  doc?: Doc | ((actor: Actor) => Doc)
  /** create / update: the incoming data. */
  data?: Record<string, unknown>
  /** A field whose own access decides the `field` and `allowed` cells of an update (users' role). */
  field?: string
  /** Which hook refuses the `hook` cells: enforceUnitRules' unit or publish rule, or another. */
  refusal?: 'unit' | 'publish' | 'other'
  /** Draft mode: a read of the latest version (doc is that version). */
  draft?: boolean
  expect: Record<Actor, Outcome>
}

export const STAFF: Actor[] = ['admin', 'campaign-manager', 'editor', 'contributor', 'viewer']
export const READ_ALL: Actor[] = ['admin', 'campaign-manager', 'viewer']
export const PLANNERS: Actor[] = ['admin', 'campaign-manager']
export const AUTHORS: Actor[] = ['admin', 'campaign-manager', 'editor', 'contributor']
export const EVERYONE: Actor[] = ACTORS
const LEAD_EDITORS: Actor[] = [...PLANNERS, 'editor']

/** The outcomes of a row: who is allowed, whom a hook or a field's access refuses; the rest are denied. */
export function outcomes(
  allowed: Actor[],
  more: { hook?: Actor[]; ignored?: Actor[]; na?: Actor[] } = {},
): Record<Actor, Outcome> {
  return Object.fromEntries(
    ACTORS.map((a) => [
      a,
      more.na?.includes(a)
        ? 'n/a'
        : more.hook?.includes(a)
          ? 'hook'
          : more.ignored?.includes(a)
            ? 'field'
            : allowed.includes(a)
              ? 'allowed'
              : 'denied',
    ]),
  ) as Record<Actor, Outcome>
}

const row = (
  collection: string,
  op: Op,
  what: string,
  allowed: Actor[],
  rest: Omit<AccessRow, 'collection' | 'op' | 'what' | 'expect'> & {
    hook?: Actor[]
    ignored?: Actor[]
    na?: Actor[]
  } = {},
): AccessRow => {
  const { hook, ignored, na, ...fields } = rest
  return { collection, op, what, ...fields, expect: outcomes(allowed, { hook, ignored, na }) }
}
const crud = (
  collection: string,
  what: string,
  allowed: Record<Op, Actor[]>,
  doc: Doc = { id: `${collection}-1` },
): AccessRow[] =>
  (['create', 'read', 'update', 'delete'] as Op[]).map((op) =>
    row(collection, op, what, allowed[op], op === 'create' ? { data: {} } : { doc }),
  )

// ── Drafted content: articles, videos, infographics, events ──────────────────────────────────

export const CONTENT_SLUGS = ['articles', 'videos', 'infographics', 'events'] as const
const TOMORROW = new Date(Date.now() + 86_400_000).toISOString()
const content = (unit: string, _status: 'draft' | 'published', more: Doc | object = {}) => ({
  id: `content-${unit}-${_status}`,
  ownerUnit: unit,
  _status,
  ...more,
})

const contentRows = (slug: string): AccessRow[] => [
  row(slug, 'create', 'draft in own unit', AUTHORS, {
    data: { ownerUnit: UNIT_A, _status: 'draft' },
  }),
  row(slug, 'create', 'draft in other unit', PLANNERS, {
    data: { ownerUnit: UNIT_B, _status: 'draft' },
    hook: ['editor', 'contributor'],
    refusal: 'unit',
  }),
  row(slug, 'create', 'create as published in own unit', LEAD_EDITORS, {
    data: { ownerUnit: UNIT_A, _status: 'published' },
    hook: ['contributor'],
    refusal: 'publish',
  }),
  row(slug, 'create', 'create as published in other unit', PLANNERS, {
    data: { ownerUnit: UNIT_B, _status: 'published' },
    hook: ['editor', 'contributor'],
    refusal: 'unit',
  }),
  row(slug, 'read', 'own unit, published', EVERYONE, { doc: content(UNIT_A, 'published') }),
  row(slug, 'read', 'own unit, draft', STAFF, { doc: content(UNIT_A, 'draft') }),
  row(slug, 'read', 'own unit, unpublished revision of a published doc', STAFF, {
    doc: content(UNIT_A, 'draft', { id: 'content-a-revised' }),
    draft: true,
  }),
  row(slug, 'read', 'other unit, published', EVERYONE, { doc: content(UNIT_B, 'published') }),
  row(slug, 'read', 'other unit, draft', READ_ALL, { doc: content(UNIT_B, 'draft') }),
  row(slug, 'read', 'other unit, unpublished revision of a published doc', READ_ALL, {
    doc: content(UNIT_B, 'draft', { id: 'content-b-revised' }),
    draft: true,
  }),
  // The public page's schedule holds a published item back (src/content/visibility.ts).
  row(slug, 'read', 'other unit, published but held back until its page time', READ_ALL, {
    doc: content(UNIT_B, 'published', { webVisibleFrom: TOMORROW }),
  }),
  row(slug, 'read', 'own unit, published and past its page time', EVERYONE, {
    doc: content(UNIT_A, 'published', { webVisibleFrom: '2026-01-01T00:00:00.000Z' }),
  }),
  row(slug, 'update', 'own unit draft', AUTHORS, { doc: content(UNIT_A, 'draft') }),
  row(slug, 'update', 'other unit draft', PLANNERS, { doc: content(UNIT_B, 'draft') }),
  row(slug, 'update', 'save a draft revision of own unit published doc', AUTHORS, {
    doc: content(UNIT_A, 'published'),
    data: { title: 'Bản sửa' },
  }),
  row(slug, 'update', 'save a draft revision of other unit published doc', PLANNERS, {
    doc: content(UNIT_B, 'published'),
  }),
  row(slug, 'update', 'move own unit doc to the other unit', PLANNERS, {
    doc: content(UNIT_A, 'draft'),
    data: { ownerUnit: UNIT_B },
    hook: ['editor', 'contributor'],
    refusal: 'unit',
  }),
  row(slug, 'update', 'own unit draft (_status → published)', LEAD_EDITORS, {
    doc: content(UNIT_A, 'draft'),
    data: { _status: 'published' },
    hook: ['contributor'],
    refusal: 'publish',
  }),
  row(slug, 'update', 'other unit draft (_status → published)', PLANNERS, {
    doc: content(UNIT_B, 'draft'),
    data: { _status: 'published' },
  }),
  row(slug, 'update', 'unpublish own unit published doc (_status → draft)', LEAD_EDITORS, {
    doc: content(UNIT_A, 'published'),
    data: { _status: 'draft' },
    hook: ['contributor'],
    refusal: 'publish',
  }),
  row(slug, 'update', 'unpublish other unit published doc (_status → draft)', PLANNERS, {
    doc: content(UNIT_B, 'published'),
    data: { _status: 'draft' },
  }),
  row(slug, 'update', 'edit own unit published doc in place (no draft)', LEAD_EDITORS, {
    doc: content(UNIT_A, 'published'),
    data: { title: 'Sửa trực tiếp', _status: 'published' },
    hook: ['contributor'],
    refusal: 'publish',
  }),
  row(slug, 'update', 'edit other unit published doc in place (no draft)', PLANNERS, {
    doc: content(UNIT_B, 'published'),
  }),
  row(slug, 'delete', 'own unit draft', AUTHORS, { doc: content(UNIT_A, 'draft') }),
  // Contributors may not take down what is published.
  row(slug, 'delete', 'own unit published', LEAD_EDITORS, { doc: content(UNIT_A, 'published') }),
  row(slug, 'delete', 'other unit draft', PLANNERS, { doc: content(UNIT_B, 'draft') }),
  row(slug, 'delete', 'other unit published', PLANNERS, { doc: content(UNIT_B, 'published') }),
]

// ── The unit's review before publishing (collections/content/hooks/reviewWorkflow.ts) ──────
// Unit A's publishing needs review here; the matrix's editor is not one of its reviewers. The
// access functions let the unit's authors through; the review hook refuses what only a reviewer
// (or Sở TT&TT) may do. Run through the Local API by tests/int/access-matrix-review.test.ts, on
// articles (the four content collections share the hook through their block).
const REVIEWED = 'where publishing needs review'
const reviewRows: AccessRow[] = [
  row('articles', 'create', `create as published in own unit ${REVIEWED}`, PLANNERS, {
    data: { ownerUnit: UNIT_A, _status: 'published' },
    hook: ['editor', 'contributor'],
    refusal: 'other',
  }),
  row('articles', 'update', `publish own unit draft ${REVIEWED}`, PLANNERS, {
    doc: content(UNIT_A, 'draft'),
    data: { _status: 'published' },
    hook: ['editor', 'contributor'],
    refusal: 'other',
  }),
  row('articles', 'update', `send own unit draft for review ${REVIEWED}`, AUTHORS, {
    doc: content(UNIT_A, 'draft'),
    data: { reviewState: 'in-review' },
  }),
  row('articles', 'update', `request changes on own unit draft in review ${REVIEWED}`, PLANNERS, {
    doc: content(UNIT_A, 'draft', { reviewState: 'in-review' }),
    data: { reviewState: 'changes-requested', reviewComment: 'Bổ sung nguồn.' },
    hook: ['editor', 'contributor'],
    refusal: 'other',
  }),
]

// ── Notifications: each is its recipient's alone, whatever the role ─────────────────────────
const notification = (whose: 'own' | 'other') => (actor: Actor) => ({
  id: `notification-${whose}`,
  recipient: whose === 'own' ? `user-${actor}` : 'user-someone-else',
})
const notificationRows: AccessRow[] = [
  row('notifications', 'create', 'a notification (the server writes them)', [], { data: {} }),
  ...(['read', 'update', 'delete'] as const).flatMap((op) => [
    row('notifications', op, 'own notification', STAFF, {
      doc: notification('own'),
      ...(op === 'update' ? { data: { read: true } } : {}),
    }),
    row('notifications', op, "another user's notification", [], {
      doc: notification('other'),
      ...(op === 'update' ? { data: { read: true } } : {}),
    }),
  ]),
]

// ── The rest, one block per collection ──────────────────────────────────────────────────────

const owned = (collection: string, unit: string, more: object = {}) => ({
  id: `${collection}-${unit}`,
  ownerUnit: unit,
  ...more,
})
const inUnit = (collection: string, unit: string | null) => ({
  id: `${collection}-${unit}`,
  unit,
})
const task = (lead: string, coordinating: string[]) => ({
  id: `task-${lead}-${coordinating.join('-')}`,
  leadUnit: lead,
  coordinatingUnits: coordinating,
})
const otherUser = (unit: string) => ({ id: `user-of-${unit}`, role: 'editor', unit })
const self = (actor: Actor) => userOf(actor) ?? { id: 'nobody' }

const commission = (assignee: string, commissioning: string) => ({
  id: `commission-${assignee}-${commissioning}`,
  assigneeUnit: assignee,
  commissioningUnit: commissioning,
  status: 'assigned',
})

export const ACCESS_MATRIX: AccessRow[] = [
  ...CONTENT_SLUGS.flatMap(contentRows),
  ...reviewRows,
  ...notificationRows,

  // media: everyone reads; authors upload; only their own unit's files are theirs to change.
  row('media', 'create', 'upload to own unit', AUTHORS, { data: { ownerUnit: UNIT_A } }),
  row('media', 'create', 'upload to other unit', PLANNERS, {
    data: { ownerUnit: UNIT_B },
    hook: ['editor', 'contributor'],
    refusal: 'unit',
  }),
  row('media', 'read', 'own unit file', EVERYONE, { doc: owned('media', UNIT_A) }),
  row('media', 'read', 'other unit file', EVERYONE, { doc: owned('media', UNIT_B) }),
  row('media', 'update', 'own unit file', AUTHORS, { doc: owned('media', UNIT_A) }),
  row('media', 'update', 'other unit file', PLANNERS, { doc: owned('media', UNIT_B) }),
  row('media', 'delete', 'own unit file', AUTHORS, { doc: owned('media', UNIT_A) }),
  row('media', 'delete', 'other unit file', PLANNERS, { doc: owned('media', UNIT_B) }),

  // topics: everyone reads; admin and campaign manager write.
  ...crud('topics', 'a topic', {
    create: PLANNERS,
    read: EVERYONE,
    update: PLANNERS,
    delete: PLANNERS,
  }),

  // units: everyone reads; only the admin writes, their own unit included.
  row('units', 'create', 'a unit', ['admin'], { data: {} }),
  row('units', 'read', 'own unit', EVERYONE, { doc: { id: UNIT_A } }),
  row('units', 'read', 'other unit', EVERYONE, { doc: { id: UNIT_B } }),
  row('units', 'update', 'own unit', ['admin'], { doc: { id: UNIT_A } }),
  row('units', 'update', 'other unit', ['admin'], { doc: { id: UNIT_B } }),
  row('units', 'delete', 'an unused unit', ['admin'], { doc: { id: UNIT_C } }),

  // users: admin manages accounts; the manager reads them all; everyone else sees and renames only themselves.
  row('users', 'create', 'a user', ['admin'], { data: { role: 'viewer', unit: UNIT_A } }),
  row('users', 'read', 'themselves', STAFF, { doc: self, na: ['anonymous'] }),
  row('users', 'read', 'another user of own unit', PLANNERS, { doc: otherUser(UNIT_A) }),
  row('users', 'read', 'a user of other unit', PLANNERS, { doc: otherUser(UNIT_B) }),
  row('users', 'update', 'own fullName', STAFF, { doc: self, na: ['anonymous'] }),
  row('users', 'update', 'fullName of another user of own unit', ['admin'], {
    doc: otherUser(UNIT_A),
  }),
  row('users', 'update', 'fullName of a user of other unit', ['admin'], {
    doc: otherUser(UNIT_B),
  }),
  // Field access: Payload drops the change silently; the account keeps its role and unit.
  row('users', 'update', 'own role', ['admin'], {
    doc: self,
    data: { role: 'admin' },
    field: 'role',
    na: ['anonymous'],
    ignored: ['campaign-manager', 'editor', 'contributor', 'viewer'],
  }),
  row('users', 'update', 'own unit', ['admin'], {
    doc: self,
    data: { unit: UNIT_B },
    field: 'unit',
    na: ['anonymous'],
    ignored: ['campaign-manager', 'editor', 'contributor', 'viewer'],
  }),
  row('users', 'update', 'role of another user', ['admin'], {
    doc: otherUser(UNIT_A),
    data: { role: 'admin' },
    field: 'role',
  }),
  row('users', 'update', 'unit of another user', ['admin'], {
    doc: otherUser(UNIT_A),
    data: { unit: UNIT_B },
    field: 'unit',
  }),
  row('users', 'delete', 'another user of own unit', ['admin'], { doc: otherUser(UNIT_A) }),
  row('users', 'delete', 'a user of other unit', ['admin'], { doc: otherUser(UNIT_B) }),
  row('users', 'delete', 'themselves', ['admin'], { doc: self, na: ['anonymous'] }),

  // Planning: campaigns and channels are Sở TT&TT's; staff read them.
  ...crud('campaigns', 'a campaign', {
    create: PLANNERS,
    read: STAFF,
    update: PLANNERS,
    delete: PLANNERS,
  }),
  ...crud(
    'channels',
    'a channel',
    { create: PLANNERS, read: STAFF, update: PLANNERS, delete: PLANNERS },
    owned('channels', UNIT_A),
  ),

  row('channels', 'read', "another unit's channel", STAFF, { doc: owned('channels', UNIT_B) }),

  // publications: a unit's editors schedule their own unit's content; sent ones stay.
  row('publications', 'create', "own unit's content on own unit's channel", LEAD_EDITORS, {
    data: {},
  }),
  row('publications', 'create', "another unit's content", PLANNERS, {
    data: {},
    hook: ['editor'],
    refusal: 'other',
  }),
  row('publications', 'read', "own unit's publication", STAFF, {
    doc: owned('publications', UNIT_A, { status: 'scheduled' }),
  }),
  row('publications', 'read', "another unit's publication", READ_ALL, {
    doc: owned('publications', UNIT_B, { status: 'scheduled' }),
  }),
  row('publications', 'update', "own unit's publication", LEAD_EDITORS, {
    doc: owned('publications', UNIT_A, { status: 'scheduled' }),
  }),
  row('publications', 'update', "another unit's publication", PLANNERS, {
    doc: owned('publications', UNIT_B, { status: 'scheduled' }),
  }),
  row('publications', 'delete', "own unit's publication", LEAD_EDITORS, {
    doc: owned('publications', UNIT_A, { status: 'scheduled' }),
  }),
  row('publications', 'delete', "another unit's publication", PLANNERS, {
    doc: owned('publications', UNIT_B, { status: 'scheduled' }),
  }),
  // Once something went out, its record stays.
  row('publications', 'delete', "own unit's sent publication", [], {
    doc: owned('publications', UNIT_A, { status: 'published' }),
  }),

  // withdrawals ("gỡ bài"): the item's own unit's editors (and unit managers: access-matrix-subtree
  // and tests/int/withdrawal.test.ts) and Sở TT&TT; the hook knows the item's unit. Never edited
  // or deleted; removals are the dispatcher's.
  row('withdrawals', 'create', "own unit's content", LEAD_EDITORS, { data: {} }),
  row('withdrawals', 'create', "another unit's content", PLANNERS, {
    data: {},
    hook: ['editor'],
    refusal: 'other',
  }),
  row('withdrawals', 'read', "own unit's withdrawal", STAFF, { doc: owned('withdrawals', UNIT_A) }),
  row('withdrawals', 'read', "another unit's withdrawal", READ_ALL, {
    doc: owned('withdrawals', UNIT_B),
  }),
  row('withdrawals', 'update', "own unit's withdrawal", [], { doc: owned('withdrawals', UNIT_A) }),
  row('withdrawals', 'delete', "own unit's withdrawal", [], { doc: owned('withdrawals', UNIT_A) }),
  row('removals', 'create', 'a removal (only the withdrawal makes them)', [], { data: {} }),
  row('removals', 'read', "own unit's removal", STAFF, { doc: owned('removals', UNIT_A) }),
  row('removals', 'read', "another unit's removal", READ_ALL, { doc: owned('removals', UNIT_B) }),
  row('removals', 'update', "own unit's removal", [], { doc: owned('removals', UNIT_A) }),
  row('removals', 'delete', "own unit's removal", [], { doc: owned('removals', UNIT_A) }),

  // trainings: contributors enter their unit's courses; deleting is for editors.
  // Event check-ins: written only by the public check-in page; read like trainings; planners remove junk.
  row('event-check-ins', 'create', 'a check-in (the public page writes them)', [], { data: {} }),
  row('event-check-ins', 'read', "own unit's event's check-in", STAFF, {
    doc: owned('event-check-ins', UNIT_A),
  }),
  row('event-check-ins', 'read', "another unit's event's check-in", READ_ALL, {
    doc: owned('event-check-ins', UNIT_B),
  }),
  row('event-check-ins', 'update', "own unit's event's check-in", [], {
    doc: owned('event-check-ins', UNIT_A),
  }),
  row('event-check-ins', 'delete', "own unit's event's check-in", PLANNERS, {
    doc: owned('event-check-ins', UNIT_A),
  }),
  row('event-check-ins', 'delete', "another unit's event's check-in", PLANNERS, {
    doc: owned('event-check-ins', UNIT_B),
  }),
  // Surveys: Sở TT&TT builds them; units read their own (results included); the public form
  // (src/surveys/router.ts) writes the anonymous responses, which read like check-ins.
  row('surveys', 'create', 'a survey of own unit', PLANNERS, { data: { ownerUnit: UNIT_A } }),
  row('surveys', 'read', "own unit's survey", STAFF, { doc: owned('surveys', UNIT_A) }),
  row('surveys', 'read', "another unit's survey", READ_ALL, { doc: owned('surveys', UNIT_B) }),
  row('surveys', 'update', "own unit's survey", PLANNERS, { doc: owned('surveys', UNIT_A) }),
  row('surveys', 'update', "another unit's survey", PLANNERS, { doc: owned('surveys', UNIT_B) }),
  row('surveys', 'delete', "own unit's survey", PLANNERS, { doc: owned('surveys', UNIT_A) }),
  row('surveys', 'delete', "another unit's survey", PLANNERS, { doc: owned('surveys', UNIT_B) }),
  row('survey-responses', 'create', 'a response (the public page writes them)', [], { data: {} }),
  row('survey-responses', 'read', "own unit's survey's response", STAFF, {
    doc: owned('survey-responses', UNIT_A),
  }),
  row('survey-responses', 'read', "another unit's survey's response", READ_ALL, {
    doc: owned('survey-responses', UNIT_B),
  }),
  row('survey-responses', 'update', "own unit's survey's response", [], {
    doc: owned('survey-responses', UNIT_A),
  }),
  row('survey-responses', 'delete', "own unit's survey's response", PLANNERS, {
    doc: owned('survey-responses', UNIT_A),
  }),
  row('survey-responses', 'delete', "another unit's survey's response", PLANNERS, {
    doc: owned('survey-responses', UNIT_B),
  }),
  row('trainings', 'create', 'a course of own unit', AUTHORS, { data: { ownerUnit: UNIT_A } }),
  row('trainings', 'create', 'a course of another unit', PLANNERS, {
    data: { ownerUnit: UNIT_B },
    hook: ['editor', 'contributor'],
    refusal: 'unit',
  }),
  row('trainings', 'read', "own unit's course", STAFF, { doc: owned('trainings', UNIT_A) }),
  row('trainings', 'read', "another unit's course", READ_ALL, { doc: owned('trainings', UNIT_B) }),
  row('trainings', 'update', "own unit's course", AUTHORS, { doc: owned('trainings', UNIT_A) }),
  row('trainings', 'update', "another unit's course", PLANNERS, {
    doc: owned('trainings', UNIT_B),
  }),
  row('trainings', 'delete', "own unit's course", LEAD_EDITORS, {
    doc: owned('trainings', UNIT_A),
  }),
  row('trainings', 'delete', "another unit's course", PLANNERS, {
    doc: owned('trainings', UNIT_B),
  }),

  // engagement-observations: a unit's editors enter their publications' figures; history is kept.
  row('engagement-observations', 'create', "figures of own unit's publication", LEAD_EDITORS, {
    data: {},
  }),
  row('engagement-observations', 'create', "figures of another unit's publication", PLANNERS, {
    data: {},
    hook: ['editor'],
    refusal: 'other',
  }),
  row('engagement-observations', 'read', "own unit's figures", STAFF, {
    doc: owned('engagement-observations', UNIT_A),
  }),
  row('engagement-observations', 'read', "another unit's figures", READ_ALL, {
    doc: owned('engagement-observations', UNIT_B),
  }),
  row('engagement-observations', 'update', "own unit's figures (history is kept)", PLANNERS, {
    doc: owned('engagement-observations', UNIT_A),
  }),
  row('engagement-observations', 'delete', "own unit's figures", PLANNERS, {
    doc: owned('engagement-observations', UNIT_A),
  }),

  // The system's own records: only the dispatcher, the audit and the page cache write them.
  ...crud('worker-heartbeats', 'a heartbeat', {
    create: [],
    read: STAFF,
    update: [],
    delete: ['admin'],
  }),
  ...crud('background-jobs', 'a rebuild or export job', {
    create: [],
    read: ['admin'],
    update: [],
    delete: ['admin'],
  }),
  ...crud('audit-log', 'an audit entry', { create: [], read: ['admin'], update: [], delete: [] }),
  ...crud('site-changes', 'a site-change mark', { create: [], read: [], update: [], delete: [] }),
  ...crud('rollup-dirty', 'a stale month mark', { create: [], read: [], update: [], delete: [] }),
  ...crud('rollup-leases', 'a rollup lease', { create: [], read: [], update: [], delete: [] }),
  ...crud('rollup-years', 'a rolled-up year', { create: [], read: [], update: [], delete: [] }),
  ...crud('rollup-snapshots', 'a frozen year', {
    create: PLANNERS,
    read: READ_ALL,
    update: [],
    delete: [],
  }),
  row('rollup-cells', 'read', "own unit's figures", STAFF, { doc: inUnit('cells', UNIT_A) }),
  row('rollup-cells', 'read', "another unit's figures", READ_ALL, {
    doc: inUnit('cells', UNIT_B),
  }),
  row('rollup-cells', 'create', 'a figure (only the rollup writes them)', [], { data: {} }),
  row('rollup-cells', 'update', 'a figure', [], { doc: inUnit('cells', UNIT_A) }),
  row('rollup-cells', 'delete', 'a figure', [], { doc: inUnit('cells', UNIT_A) }),

  // Yearly reporting.
  row('unit-reports', 'create', "own unit's report", LEAD_EDITORS, {
    data: { ownerUnit: UNIT_A },
  }),
  row('unit-reports', 'create', "another unit's report", PLANNERS, {
    data: { ownerUnit: UNIT_B },
    hook: ['editor'],
    refusal: 'unit',
  }),
  row('unit-reports', 'read', "own unit's report", STAFF, {
    doc: owned('unit-reports', UNIT_A, { status: 'draft' }),
  }),
  row('unit-reports', 'read', "another unit's report", READ_ALL, {
    doc: owned('unit-reports', UNIT_B, { status: 'draft' }),
  }),
  row('unit-reports', 'update', "own unit's draft", LEAD_EDITORS, {
    doc: owned('unit-reports', UNIT_A, { status: 'draft' }),
  }),
  row('unit-reports', 'update', "another unit's draft", PLANNERS, {
    doc: owned('unit-reports', UNIT_B, { status: 'draft' }),
  }),
  // Read-only until returned: the workflow hook refuses even Sở TT&TT's edits of the text.
  row('unit-reports', 'update', 'the text of a submitted report (read-only until returned)', [], {
    doc: owned('unit-reports', UNIT_A, { status: 'submitted' }),
    hook: LEAD_EDITORS,
    refusal: 'other',
  }),
  row('unit-reports', 'delete', "own unit's report", ['admin'], {
    doc: owned('unit-reports', UNIT_A, { status: 'draft' }),
  }),
  ...crud('report-deadlines', 'a year’s deadlines', {
    create: PLANNERS,
    read: STAFF,
    update: PLANNERS,
    delete: PLANNERS,
  }),
  row('report-reminders', 'create', 'a reminder (only the worker writes them)', [], { data: {} }),
  row('report-reminders', 'read', "own unit's reminder", STAFF, {
    doc: owned('report-reminders', UNIT_A),
  }),
  row('report-reminders', 'read', "another unit's reminder", READ_ALL, {
    doc: owned('report-reminders', UNIT_B),
  }),
  row('report-reminders', 'update', 'a reminder', [], { doc: owned('report-reminders', UNIT_A) }),
  row('report-reminders', 'delete', 'a reminder', ['admin'], {
    doc: owned('report-reminders', UNIT_A),
  }),
  row('generated-reports', 'create', 'a generated report (only the server makes them)', [], {
    data: {},
  }),
  row('generated-reports', 'read', "the province's report (every unit's figures)", READ_ALL, {
    doc: inUnit('generated', null),
  }),
  row('generated-reports', 'read', "an export of own unit's figures", STAFF, {
    doc: inUnit('generated', UNIT_A),
  }),
  row('generated-reports', 'read', "an export of another unit's figures", READ_ALL, {
    doc: inUnit('generated', UNIT_B),
  }),
  row('generated-reports', 'update', 'a generated report', [], {
    doc: inUnit('generated', UNIT_A),
  }),
  row('generated-reports', 'delete', 'a generated report', ['admin'], {
    doc: inUnit('generated', UNIT_A),
  }),
  row('snapshot-cells', 'create', 'a frozen cell (only snapshots write them)', [], { data: {} }),
  row('snapshot-cells', 'read', "own unit's frozen cell", STAFF, {
    doc: inUnit('frozen', UNIT_A),
  }),
  row('snapshot-cells', 'read', "another unit's frozen cell", READ_ALL, {
    doc: inUnit('frozen', UNIT_B),
  }),
  row('snapshot-cells', 'update', 'a frozen cell', [], { doc: inUnit('frozen', UNIT_A) }),
  row('snapshot-cells', 'delete', 'a frozen cell', [], { doc: inUnit('frozen', UNIT_A) }),

  // Awareness indicators: the catalogue, the units' forms, the derived facts.
  ...crud('data-elements', 'a data element of the catalogue', {
    create: PLANNERS,
    read: STAFF,
    update: PLANNERS,
    delete: PLANNERS,
  }),
  ...crud('indicators', 'an indicator of the catalogue', {
    create: PLANNERS,
    read: STAFF,
    update: PLANNERS,
    delete: PLANNERS,
  }),
  row('indicator-reports', 'create', "own unit's form", LEAD_EDITORS, {
    data: { ownerUnit: UNIT_A },
  }),
  row('indicator-reports', 'create', "another unit's form", PLANNERS, {
    data: { ownerUnit: UNIT_B },
    hook: ['editor'],
    refusal: 'unit',
  }),
  row('indicator-reports', 'read', "own unit's form", STAFF, {
    doc: owned('indicator-reports', UNIT_A, { status: 'draft' }),
  }),
  row('indicator-reports', 'read', "another unit's form", READ_ALL, {
    doc: owned('indicator-reports', UNIT_B, { status: 'draft' }),
  }),
  row('indicator-reports', 'update', "own unit's draft", LEAD_EDITORS, {
    doc: owned('indicator-reports', UNIT_A, { status: 'draft' }),
  }),
  row('indicator-reports', 'update', "another unit's draft", PLANNERS, {
    doc: owned('indicator-reports', UNIT_B, { status: 'draft' }),
  }),
  row(
    'indicator-reports',
    'update',
    'a submitted form (read-only for the unit until returned)',
    PLANNERS,
    {
      doc: owned('indicator-reports', UNIT_A, { status: 'submitted' }),
      hook: ['editor'],
      refusal: 'other',
    },
  ),
  row(
    'indicator-reports',
    'update',
    'reopening an accepted form (campaign managers only)',
    PLANNERS,
    {
      doc: owned('indicator-reports', UNIT_A, { status: 'accepted' }),
      data: { status: 'returned' },
      hook: ['editor'],
      refusal: 'other',
    },
  ),
  row('indicator-reports', 'delete', "own unit's form", ['admin'], {
    doc: owned('indicator-reports', UNIT_A, { status: 'draft' }),
  }),
  ...crud(
    'indicator-facts',
    'a fact',
    { create: [], read: PLANNERS, update: [], delete: [] },
    inUnit('facts', UNIT_A),
  ),
  row('indicator-facts', 'read', "another unit's fact", PLANNERS, { doc: inUnit('facts', UNIT_B) }),

  // Plan tasks, their progress and reminders: a lead unit records progress; coordinating units read.
  row('plan-tasks', 'create', 'a task', PLANNERS, { data: { leadUnit: UNIT_A } }),
  ...(
    [
      [task(UNIT_A, [UNIT_C]), 'a task unit A leads', STAFF, LEAD_EDITORS],
      [task(UNIT_B, [UNIT_A]), 'a task unit A coordinates', STAFF, PLANNERS],
      [task(UNIT_B, [UNIT_C]), "another unit's task", READ_ALL, PLANNERS],
    ] as const
  ).flatMap(([doc, what, readers, progressEditors]): AccessRow[] => [
    row('plan-tasks', 'read', what, [...readers], { doc }),
    // The register is Sở TT&TT's: a lead unit records progress, it does not rewrite the task.
    row('plan-tasks', 'update', what, PLANNERS, { doc }),
    row('plan-tasks', 'delete', what, PLANNERS, { doc }),
    row('task-progress', 'read', `progress of ${what}`, [...readers], { doc }),
    row('task-progress', 'update', `progress of ${what}`, [...progressEditors], { doc }),
    row('task-progress', 'delete', `progress of ${what}`, PLANNERS, { doc }),
  ]),
  row('task-progress', 'create', 'progress of a task unit A leads', LEAD_EDITORS, { data: {} }),
  // The progress hook knows the task's lead unit (collections/TaskProgress/hooks/fromTask.ts).
  row('task-progress', 'create', "progress of another unit's task", PLANNERS, {
    data: {},
    hook: ['editor'],
    refusal: 'other',
  }),
  row('task-reminders', 'create', 'a reminder (the worker writes them)', [], { data: {} }),
  row('task-reminders', 'read', "own unit's reminder", STAFF, {
    doc: owned('task-reminders', UNIT_A),
  }),
  row('task-reminders', 'read', "another unit's reminder", READ_ALL, {
    doc: owned('task-reminders', UNIT_B),
  }),
  row('task-reminders', 'update', "own unit's reminder", [], {
    doc: owned('task-reminders', UNIT_A),
  }),
  row('task-reminders', 'delete', "own unit's reminder", ['admin'], {
    doc: owned('task-reminders', UNIT_A),
  }),

  // Commissions (đặt bài): Sở TT&TT (or a unit manager, tests/int/commissions.test.ts) commissions;
  // the assignee unit's editors and contributors accept and fulfil (the workflow hook decides
  // which move each side makes); the commissioning unit reads it; another unit sees nothing.
  row('commissions', 'create', 'a commission', PLANNERS, { data: { assigneeUnit: UNIT_A } }),
  ...(
    [
      [commission(UNIT_A, UNIT_C), 'a commission assigned to unit A', STAFF, AUTHORS],
      [commission(UNIT_B, UNIT_A), 'a commission unit A gave', STAFF, PLANNERS],
      [commission(UNIT_B, UNIT_C), "another unit's commission", READ_ALL, PLANNERS],
    ] as const
  ).flatMap(([doc, what, readers, updaters]): AccessRow[] => [
    row('commissions', 'read', what, [...readers], { doc }),
    row('commissions', 'update', what, [...updaters], { doc }),
    // Cancelled, not deleted: only an admin removes one.
    row('commissions', 'delete', what, ['admin'], { doc }),
  ]),

  // Comments: whoever may read a document inside the admin writes on it (not viewers, who only
  // read); the comment hook refuses a document the writer cannot read. Append-only: no update or
  // delete for anyone.
  row('comments', 'create', "a comment on own unit's draft", AUTHORS, { data: {} }),
  row('comments', 'create', "a comment on another unit's draft", PLANNERS, {
    data: {},
    hook: ['editor', 'contributor'],
    refusal: 'other',
  }),
  row('comments', 'read', "a comment on own unit's document", STAFF, {
    doc: owned('comments', UNIT_A),
  }),
  row('comments', 'read', "a comment on another unit's document", READ_ALL, {
    doc: owned('comments', UNIT_B),
  }),
  row('comments', 'update', 'a comment (append-only)', [], { doc: owned('comments', UNIT_A) }),
  row('comments', 'delete', 'a comment (append-only)', [], { doc: owned('comments', UNIT_A) }),

  // unit-events: every logged-in role reads them; only admins record, change or delete one.
  ...crud('unit-events', 'a unit change', {
    create: ['admin'],
    read: STAFF,
    update: ['admin'],
    delete: ['admin'],
  }),
]

export const rowKey = (r: Pick<AccessRow, 'collection' | 'op' | 'what'>) =>
  `${r.collection} | ${r.op}: ${r.what}`

/** The row of the matrix with this collection, operation and description (the Local API tests' link to it). */
export function matrixRow(collection: string, op: Op, what: string): AccessRow {
  const found = ACCESS_MATRIX.find(
    (r) => r.collection === collection && r.op === op && r.what === what,
  )
  if (!found) throw new Error(`no row in the access matrix for ${collection} | ${op}: ${what}`)
  return found
}

/** The actors of a row with one of these outcomes. */
export const actorsWith = (r: AccessRow, ...wanted: Outcome[]) =>
  ACTORS.filter((a) => wanted.includes(r.expect[a]))

/**
 * The cells of a row that also run through the Local API: those a hook or a field's access
 * refuses (the access functions let them through, so only the database shows the refusal), and
 * one allowed actor as a control that the hook refuses no more than it should (a unit role when
 * one is allowed). None for a row that access functions alone decide.
 */
export function hookCells(r: AccessRow): Actor[] {
  const refused = actorsWith(r, 'hook', 'field')
  if (!refused.length) return []
  const allowed = actorsWith(r, 'allowed')
  const control = (['editor', 'contributor', 'campaign-manager', 'admin'] as Actor[]).find((a) =>
    allowed.includes(a),
  )
  return control ? [...refused, control] : refused
}
