import crypto from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'
import { markSiteChanged, SITE_CHANGES } from '@/web/siteChanges'
import { PublicationStatus, type AttemptOutcome } from '@/vocabulary'
import { sqliteRecover, sqliteWaitForLocks } from './sqlite'

export type Attempt = {
  at: string
  outcome: AttemptOutcome
  message: string
  httpStatus?: number | null
  durationMs?: number | null
  worker?: string
}

/** One outcome of a firing, waiting to be written: the claim it belongs to, the attempt, the new state. */
export type Recorded = {
  pub: { id: string; leaseOwner: string }
  attempt: Attempt
  changes: Record<string, unknown>
}

/** What recording an outcome clears: the lease. */
const LEASE_RELEASED = { leaseOwner: null, leaseWorker: null, leaseUntil: null }

/** Array rows need their own id, which Payload would otherwise generate in its hooks. */
const rowId = () => crypto.randomBytes(12).toString('hex')

/**
 * Writes the dispatcher's result for one publication through the adapter (no hooks: these are the
 * system's own fields): the new state, the attempt appended with $push (no rewrite of the history),
 * and the lease released, only while we still hold it.
 */
export async function recordOutcome(
  payload: Payload,
  pub: Recorded['pub'],
  attempt: Attempt,
  changes: Record<string, unknown>,
): Promise<void> {
  await payload.db.updateOne({
    collection: 'publications',
    where: { and: [{ id: { equals: pub.id } }, { leaseOwner: { equals: pub.leaseOwner } }] },
    // The lease is released unless the outcome sets its own (a follow-up's time, see dispatchOne).
    data: { ...LEASE_RELEASED, ...changes, attempts: { $push: { id: rowId(), ...attempt } } },
    returning: false,
  })
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
 * Records a firing's outcomes. SQLite: one batch (one write transaction: one lock, one commit) of
 * a few multi-row statements, where writing each publication on its own took three statements and
 * a commit apiece, each waiting for the other workers' locks. The attempts are appended, then the
 * rows updated, both only where the lease is still ours. Outcomes whose changes are not plain
 * columns of the publication (an approval reopened), a batch that fails, and MongoDB go through
 * `recordOutcome`, one atomic update each. When something went out, the public page may change
 * (an item appears, the year's counters move): one site-change mark per firing (src/web/siteChanges.ts),
 * inside the batch on SQLite so the web servers see it when they can see the publications.
 */
export async function recordOutcomes(
  payload: Payload,
  outcomes: Recorded[],
  onError: (pub: Recorded['pub'], err: Error) => void,
): Promise<void> {
  const db = payload.db as unknown as SqliteDb
  const pubs = db.tables?.publications
  const plain = (o: Recorded) =>
    Object.keys(o.changes).every(
      (key) => key in pubs && (o.changes[key] === null || typeof o.changes[key] !== 'object'),
    )
  const batched = payload.db.name === 'sqlite' ? outcomes.filter(plain) : []
  const single = outcomes.filter((o) => !batched.includes(o))
  const published = (o: Recorded) => o.changes.status === PublicationStatus.Published
  let marked = false
  if (batched.length) {
    try {
      await sqliteWaitForLocks(payload)
      const mark = batched.some(published) ? [siteChangeStatement(db)] : []
      await db.client.batch([...sqliteStatements(db, batched), ...mark], 'write')
      marked = mark.length > 0
    } catch (err) {
      // The batch rolled back as a whole: write them one by one, so one bad row does not hold up the rest.
      if (process.env.DISPATCH_DEBUG)
        console.error(`[record] batch of ${batched.length} failed: ${(err as Error).message}`)
      await sqliteRecover(payload, err)
      single.push(...batched)
    }
  }
  for (const { pub, attempt, changes } of single) {
    try {
      await recordOutcome(payload, pub, attempt, changes)
    } catch (err) {
      onError(pub, err as Error)
    }
  }
  if (!marked && single.some(published))
    await markSiteChanged(payload, 'publications').catch((err: Error) =>
      payload.logger.warn(
        `[dispatcher] không ghi được dấu thay đổi trang công khai: ${err.message}`,
      ),
    )
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
 * Moves a publication to a new state only if it is still in one of `from` (a worker that claimed it
 * meanwhile keeps it), and notes why in its attempts. For changes people cause: an edit, a deletion.
 * Two statements, because SQLite's conditional update cannot append to the attempt history.
 */
export async function moveIfStill(
  payload: Payload,
  args: {
    id: string | number
    from: readonly PublicationStatus[]
    data: Record<string, unknown>
    attempt: Omit<Attempt, 'at'>
    req?: PayloadRequest
  },
): Promise<boolean> {
  const { id, from, data, attempt, req } = args
  const moved = await payload.db.updateOne({
    collection: 'publications',
    where: { and: [{ id: { equals: id } }, { status: { in: [...from] } }] },
    data,
    options: { atomic: true },
    req,
  })
  if (!moved) return false
  await payload.db.updateOne({
    collection: 'publications',
    id,
    data: { attempts: { $push: { id: rowId(), at: new Date().toISOString(), ...attempt } } },
    returning: false,
    req,
  })
  return true
}
