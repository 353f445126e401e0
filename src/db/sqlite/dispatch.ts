import crypto from 'node:crypto'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import {
  rowId,
  type ClaimedPublication,
  type ClaimedRemoval,
  type Lease,
  type Recorded,
} from '@/dispatch/publication'
import { SITE_CHANGES } from '@/web/siteChanges'
import { CONTENT_KINDS, PublicationStatus, READY, REMOVAL_READY, RemovalStatus } from '@/vocabulary'
import type { DispatchOps } from '../types'

/**
 * The dispatcher's hottest reads and writes on SQLite, as plain SQL through the adapter's libsql
 * client. Each claim round and firing went through Payload's query building and drizzle's
 * relational queries (a JSON subquery per row for the content link and the hashtags): a quarter of
 * a worker's CPU in a burst, on top of SQLite's own work, and the event loop stands still for all
 * of it (libsql's calls are synchronous). Column names are the migrations' (the schema comes only
 * from them). MongoDB's are in src/db/mongo/dispatch.ts; the rest of dispatching, in src/dispatch.
 */

type Value = string | number | null
type Row = Record<string, Value>
type Client = { execute: (stmt: { sql: string; args: Value[] }) => Promise<{ rows: Row[] }> }

const client = (payload: Payload) => (payload.db as unknown as SQLiteAdapter).client as Client

const query = async (payload: Payload, sql: string, args: Value[]) =>
  (await client(payload).execute({ sql, args })).rows

/**
 * Before each of the dispatcher's writes: the adapter's busy timeout, on whichever connection the
 * client holds now. libsql hands its connection to a transaction and opens a fresh one afterwards
 * without the adapter's pragmas (the rollup's transactions in the same worker do this), and on that
 * connection a write that meets another worker's lock fails at once instead of waiting. A failed
 * write also leaves its statement open, so the connection's later writes fail too until it is
 * garbage-collected: in a burst, a worker that stops recording and beating (seen in bench:dispatch).
 */
async function sqliteWaitForLocks(payload: Payload): Promise<void> {
  const { busyTimeout } = payload.db as unknown as { busyTimeout?: number }
  if (busyTimeout)
    await client(payload).execute({ sql: `PRAGMA busy_timeout = ${busyTimeout}`, args: [] })
}

/**
 * After one of the dispatcher's writes failed because the database was locked: the failed
 * statement stays open on the connection (see `sqliteWaitForLocks`), so its later writes would
 * fail too and its reads see the database as it was. Handing the connection to a transaction and
 * closing it makes libsql open a fresh one for the next statement, with the busy timeout again.
 */
async function sqliteRecover(payload: Payload, err: unknown): Promise<void> {
  const code = String((err as { code?: unknown })?.code ?? (err as Error)?.message ?? '')
  if (!code.includes('SQLITE_BUSY')) return
  const tx = await (payload.db as unknown as SQLiteAdapter).client.transaction('deferred')
  tx.close()
  await sqliteWaitForLocks(payload)
}

const marks = (n: number) => Array(n).fill('?').join(', ')

/**
 * Rels rows of these publications only: the unary `+` keeps `path` out of index choice, or SQLite
 * (without statistics) walks every publication's content link through the path index instead of
 * the few it wants through the parent index (a claim round took 300 ms instead of 30 at 20,000 due).
 */
const contentPath = (column: string) => `+${column} = 'content'`

/** A written content link (see `contentLinked` in src/dispatch/due.ts): a kind column of its rels row is set. */
const LINKED = `EXISTS (SELECT 1 FROM publications_rels r WHERE r.parent_id = p.id AND ${contentPath('r.path')} AND (${CONTENT_KINDS.map((k) => `r.${k}_id IS NOT NULL`).join(' OR ')}))`

/**
 * The candidates of a claim round (see `dueArms` in src/dispatch/due.ts): each kind of due
 * publication read in the order of its composite index, at most `look` of each, in one statement.
 */
async function sqliteCandidates(
  payload: Payload,
  args: { now: Date; horizon: Date; heldChannels: string[]; look: number },
): Promise<{ id: string; nextAttemptAt: string | null }[]> {
  const { now, horizon, heldChannels, look } = args
  const held = heldChannels.length ? `AND p.channel_id NOT IN (${marks(heldChannels.length)})` : ''
  const arm = (range: string, order: string) =>
    `SELECT * FROM (SELECT p.id, p.next_attempt_at FROM publications p WHERE ${range} ${held} AND ${LINKED} ORDER BY ${order} LIMIT ?)`
  const sql = [
    ...READY.map(() =>
      arm('p.status = ? AND p.next_attempt_at <= ?', 'p.next_attempt_at, p.created_at'),
    ),
    arm('p.status = ? AND p.lease_until < ?', 'p.lease_until, p.created_at'),
  ].join(' UNION ALL ')
  const params: Value[] = [
    ...READY.flatMap((status) => [status, horizon.toISOString(), ...heldChannels, look]),
    PublicationStatus.Sending,
    now.toISOString(),
    ...heldChannels,
    look,
  ]
  const rows = await query(payload, sql, params)
  return rows.map((r) => ({ id: String(r.id), nextAttemptAt: r.next_attempt_at as string | null }))
}

/** The columns of a claimed publication. */
const CLAIMED_COLUMNS = [
  'id',
  'status',
  'lease_owner',
  'channel_id',
  'approval_required',
  'approval_requested_by_id',
  'approval_approved_by_id',
  'approval_approved_at',
  'approval_content_fingerprint',
  'scheduled_at',
  'next_attempt_at',
  'message',
  'idempotency_key',
  'attempt_count',
  'remote_id',
  'outcome_unknown',
].join(', ')

/**
 * The claim on SQLite: "make me the lease holder of those of these ids that are still due", one
 * UPDATE … WHERE, then a read of what carries the lease token. The due condition's columns carry a
 * unary `+`, which keeps them out of index choice: SQLite (without statistics) would otherwise walk
 * every due row through the status indexes, under the write lock, instead of finding the
 * candidates by id. Not UPDATE … RETURNING: libsql runs a statement that returns rows through its
 * row iterator, which leaves the statement open (holding a stale read snapshot on the connection)
 * when a step fails, as a write can under the other workers' locks; a plain UPDATE is run and reset.
 */
async function sqliteClaim(
  payload: Payload,
  args: {
    candidates: string[]
    now: Date
    horizon: Date
    heldChannels: string[]
    lease: Lease
  },
): Promise<ClaimedPublication[]> {
  const { candidates, now, horizon, heldChannels, lease } = args
  const held = heldChannels.length ? `AND +channel_id NOT IN (${marks(heldChannels.length)})` : ''
  await sqliteWaitForLocks(payload)
  const update = query(
    payload,
    // A row taken from "sending" (its worker died mid-send) is in doubt: the CASE reads the old status.
    `UPDATE publications SET outcome_unknown = CASE WHEN status = ? THEN 1 ELSE outcome_unknown END,
       status = ?, lease_owner = ?, lease_worker = ?, lease_until = ?, updated_at = ?
     WHERE id IN (${marks(candidates.length)})
       AND ((+status IN (${marks(READY.length)}) AND +next_attempt_at <= ?) OR (+status = ? AND +lease_until < ?))
       ${held}`,
    [
      PublicationStatus.Sending,
      lease.status,
      lease.leaseOwner,
      lease.leaseWorker,
      lease.leaseUntil,
      new Date().toISOString(),
      ...candidates,
      ...READY,
      horizon.toISOString(),
      PublicationStatus.Sending,
      now.toISOString(),
      ...heldChannels,
    ],
  )
  await update.catch(async (err) => {
    await sqliteRecover(payload, err)
    throw err
  })
  const rows = await query(
    payload,
    `SELECT ${CLAIMED_COLUMNS} FROM publications WHERE lease_owner = ?`,
    [lease.leaseOwner],
  )
  if (!rows.length) return []
  const ids = rows.map((r) => String(r.id))
  const [links, tags] = await Promise.all([
    query(
      payload,
      `SELECT parent_id, ${CONTENT_KINDS.map((k) => `${k}_id`).join(', ')} FROM publications_rels WHERE parent_id IN (${marks(ids.length)}) AND ${contentPath('path')}`,
      ids,
    ),
    query(
      payload,
      `SELECT parent_id, text FROM publications_texts WHERE parent_id IN (${marks(ids.length)}) AND path = 'hashtags' ORDER BY parent_id, "order"`,
      ids,
    ),
  ])
  const content = new Map<string, ClaimedPublication['content']>()
  for (const link of links) {
    const kind = CONTENT_KINDS.find((k) => link[`${k}_id`] != null)
    if (kind) content.set(String(link.parent_id), { relationTo: kind, value: link[`${kind}_id`] })
  }
  const hashtags = new Map<string, string[]>()
  for (const t of tags) {
    const id = String(t.parent_id)
    hashtags.set(id, [...(hashtags.get(id) ?? []), String(t.text)])
  }
  return rows.map((r) => {
    const id = String(r.id)
    return {
      id,
      status: r.status as PublicationStatus,
      leaseOwner: String(r.lease_owner),
      channel: String(r.channel_id),
      // Shaped as Payload reads it: a missing link is what dispatchOne retries (being rewritten).
      content: content.get(id) ?? (null as unknown as ClaimedPublication['content']),
      approval: {
        required: r.approval_required == null ? null : Boolean(r.approval_required),
        requestedBy: r.approval_requested_by_id,
        approvedBy: r.approval_approved_by_id,
        approvedAt: r.approval_approved_at,
        contentFingerprint: r.approval_content_fingerprint,
      },
      scheduledAt: String(r.scheduled_at),
      nextAttemptAt: r.next_attempt_at as string,
      message: r.message as string | null,
      hashtags: hashtags.get(id) ?? [],
      idempotencyKey: String(r.idempotency_key),
      attemptCount: r.attempt_count == null ? null : Number(r.attempt_count),
      remoteId: r.remote_id as string | null,
      outcomeUnknown: Boolean(r.outcome_unknown),
    }
  })
}

/** Of these lease tokens' publications, each one's id and status (see `stillClaimed`). */
async function sqliteLeased(
  payload: Payload,
  tokens: string[],
): Promise<{ id: string; status: string }[]> {
  const rows = await query(
    payload,
    `SELECT id, status FROM publications WHERE lease_owner IN (${marks(tokens.length)})`,
    tokens,
  )
  return rows.map((r) => ({ id: String(r.id), status: String(r.status) }))
}

type Table = Record<string, { name: string }>
type Statement = { sql: string; args: (string | number | null)[] }
/** What the adapter-neutral API does not reach: the SQLite adapter's libsql client and its tables (for their column names). */
type SqliteDb = {
  client: { batch: (statements: Statement[], mode: 'write') => Promise<unknown> }
  tables: Record<string, Table>
}

/** Rows per statement: well under SQLite's limit of bound parameters (32,766) at ten a row. */
const ROWS_PER_STATEMENT = 500

/**
 * Records a firing's outcomes in one batch (one write transaction: one lock, one commit) of a few
 * multi-row statements, where writing each publication on its own took three statements and a
 * commit apiece, each waiting for the other workers' locks. The attempts are appended, then the
 * rows updated, both only where the lease is still ours. Outcomes whose changes are not plain
 * columns of the publication (an approval reopened), and a batch that fails, are left to
 * `recordOutcome`, one atomic update each. The site-change mark goes inside the batch, so the web
 * servers see it when they can see the publications.
 */
async function sqliteRecordBatch(
  payload: Payload,
  outcomes: Recorded[],
  published: (o: Recorded) => boolean,
): Promise<{ left: Recorded[]; marked: boolean }> {
  const db = payload.db as unknown as SqliteDb
  const pubs = db.tables?.publications
  const plain = (o: Recorded) =>
    Object.keys(o.changes).every(
      (key) => key in pubs && (o.changes[key] === null || typeof o.changes[key] !== 'object'),
    )
  const batched = outcomes.filter(plain)
  const left = outcomes.filter((o) => !batched.includes(o))
  if (!batched.length) return { left, marked: false }
  try {
    await sqliteWaitForLocks(payload)
    const mark = batched.some(published) ? [siteChangeStatement(db)] : []
    await db.client.batch([...sqliteStatements(db, batched), ...mark], 'write')
    return { left, marked: mark.length > 0 }
  } catch (err) {
    // The batch rolled back as a whole: write them one by one, so one bad row does not hold up the rest.
    if (process.env.DISPATCH_DEBUG)
      console.error(`[record] batch of ${batched.length} failed: ${(err as Error).message}`)
    await sqliteRecover(payload, err)
    return { left: [...left, ...batched], marked: false }
  }
}

/** The site-change mark as one more statement of the batch (its id needs only be unique). */
function siteChangeStatement(db: SqliteDb): Statement {
  const table = SITE_CHANGES.replace(/-/g, '_')
  const columns = ['id', 'source', 'createdAt', 'updatedAt'].map((k) =>
    quote(db.tables[table][k].name),
  )
  const now = new Date().toISOString()
  return {
    sql: `INSERT INTO ${quote(table)} (${columns.join(', ')}) VALUES (?, ?, ?, ?)`,
    args: [crypto.randomUUID(), 'publications', now, now],
  }
}

const chunks = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  )
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`
const placeholders = (rows: number, columns: number) =>
  Array(rows)
    .fill(`(${Array(columns).fill('?').join(', ')})`)
    .join(', ')
const sqlValue = (v: unknown) =>
  v === undefined || v === null ? null : typeof v === 'boolean' ? Number(v) : (v as string | number)

/**
 * The statements of a batch on SQLite, as plain SQL text (built by hand: thousands of bound values
 * through the query builder cost more than the writes), column names from the adapter's schema.
 * Per chunk an INSERT … SELECT of the attempts joined to the publications still leased to us, then
 * per set of changed fields an UPDATE … FROM (VALUES …) under the same condition (SQLite ≥ 3.33).
 */
function sqliteStatements(db: SqliteDb, outcomes: Recorded[]): Statement[] {
  const pubs = db.tables.publications
  const attempts = db.tables.publications_attempts
  const P = (key: string) => quote(pubs[key].name)
  const statements: Statement[] = []
  // `_order` 1, as Payload's own $push writes it: attempts read back in the order they were appended.
  const attemptColumns = [
    '_order',
    '_parentID',
    'id',
    'at',
    'outcome',
    'message',
    'httpStatus',
    'durationMs',
    'worker',
  ].map((k) => quote(attempts[k].name))
  for (const part of chunks(outcomes, ROWS_PER_STATEMENT)) {
    // VALUES columns are column1…: column1 the lease token, then the attempt's columns in order.
    const args = part.flatMap(({ pub, attempt: a }) => [
      pub.leaseOwner,
      1,
      pub.id,
      rowId(),
      a.at,
      a.outcome,
      a.message,
      a.httpStatus ?? null,
      a.durationMs ?? null,
      a.worker ?? null,
    ])
    const selected = attemptColumns.map((_, i) => `v.column${i + 2}`).join(', ')
    statements.push({
      sql: `INSERT INTO ${quote('publications_attempts')} (${attemptColumns.join(', ')}) SELECT ${selected} FROM (VALUES ${placeholders(part.length, 10)}) AS v JOIN ${quote('publications')} AS p ON p.${P('id')} = v.column3 AND p.${P('leaseOwner')} = v.column1`,
      args,
    })
  }
  const updatedAt = new Date().toISOString()
  const byFields = new Map<string, Recorded[]>()
  for (const o of outcomes) {
    const key = Object.keys(o.changes).sort().join(',')
    byFields.set(key, [...(byFields.get(key) ?? []), o])
  }
  for (const [key, group] of byFields) {
    const fields = key ? key.split(',') : []
    const set = [
      ...fields.map((f, i) => `${P(f)} = v.column${i + 3}`),
      ...['leaseOwner', 'leaseWorker', 'leaseUntil']
        .filter((f) => !fields.includes(f))
        .map((f) => `${P(f)} = NULL`),
      `${P('updatedAt')} = ?`,
    ].join(', ')
    for (const part of chunks(group, ROWS_PER_STATEMENT)) {
      const args = [
        updatedAt,
        ...part.flatMap(({ pub, changes }) => [
          pub.id,
          pub.leaseOwner,
          ...fields.map((f) => sqlValue(changes[f])),
        ]),
      ]
      statements.push({
        sql: `UPDATE ${quote('publications')} SET ${set} FROM (VALUES ${placeholders(part.length, fields.length + 2)}) AS v WHERE ${quote('publications')}.${P('id')} = v.column1 AND ${quote('publications')}.${P('leaseOwner')} = v.column2`,
        args,
      })
    }
  }
  return statements
}

/**
 * Removal jobs (see `DispatchOps.claimRemovals`): the candidates read from the (status,
 * next_attempt_at) and (status, lease_until) indexes, then one UPDATE of those still due, as the
 * publications' claim does; nothing is written when nothing is due. Their own table: the
 * publications' statements above are untouched.
 */
async function sqliteClaimRemovals(
  payload: Payload,
  { now, limit, lease }: { now: Date; limit: number; lease: Lease },
): Promise<ClaimedRemoval[]> {
  const at = now.toISOString()
  const due = `((status IN (${marks(REMOVAL_READY.length)}) AND next_attempt_at <= ?) OR (status = ? AND lease_until < ?))`
  const dueArgs = [...REMOVAL_READY, at, RemovalStatus.Removing, at]
  const found = await query(
    payload,
    `SELECT id FROM removals WHERE ${due} ORDER BY next_attempt_at LIMIT ?`,
    [...dueArgs, limit],
  )
  if (!found.length) return []
  const ids = found.map((r) => String(r.id))
  await sqliteWaitForLocks(payload)
  await query(
    payload,
    `UPDATE removals SET status = ?, lease_owner = ?, lease_worker = ?, lease_until = ?, updated_at = ?
     WHERE id IN (${marks(ids.length)}) AND ${due}`,
    [
      lease.status,
      lease.leaseOwner,
      lease.leaseWorker,
      lease.leaseUntil,
      new Date().toISOString(),
      ...ids,
      ...dueArgs,
    ],
  ).catch(async (err) => {
    await sqliteRecover(payload, err)
    throw err
  })
  const rows = await query(
    payload,
    'SELECT id, lease_owner, publication_id, attempt_count FROM removals WHERE lease_owner = ?',
    [lease.leaseOwner],
  )
  return rows.map((r) => ({
    id: String(r.id),
    leaseOwner: String(r.lease_owner),
    publication: r.publication_id == null ? '' : String(r.publication_id),
    attemptCount: Number(r.attempt_count ?? 0),
  }))
}

export const sqliteDispatch = (payload: Payload): DispatchOps => ({
  candidates: (args) => sqliteCandidates(payload, args),
  claim: (args) => sqliteClaim(payload, args),
  leased: (tokens) => sqliteLeased(payload, tokens),
  recordBatch: (outcomes, published) => sqliteRecordBatch(payload, outcomes, published),
  claimRemovals: (args) => sqliteClaimRemovals(payload, args),
})
