import type { Payload, PayloadRequest } from 'payload'

// The SQLite adapter's internals that the fast paths reach (drizzle, the request's transaction,
// the file's URL): typed here once, for src/db/sqlite only.

export type SqliteTx = {
  run: (q: unknown) => Promise<unknown>
  all: <T>(q: unknown) => Promise<T[]>
}
type SqliteAdapter = {
  drizzle: SqliteTx
  sessions?: Record<string, { db?: SqliteTx } | undefined>
}

/** The request's transaction on SQLite when there is one (its writes are seen), else the adapter's connection. */
export const sqliteTx = async (payload: Payload, req?: PayloadRequest): Promise<SqliteTx> => {
  const db = payload.db as unknown as SqliteAdapter
  return (req?.transactionID && db.sessions?.[String(await req.transactionID)]?.db) || db.drizzle
}

/** The adapter's drizzle, for reads outside any transaction. */
export const sqliteReader = (payload: Payload): SqliteTx =>
  (payload.db as unknown as SqliteAdapter).drizzle

export type RawStatement = {
  raw: (on: boolean) => RawStatement
  all: (...args: unknown[]) => unknown[][]
}
type RawDatabase = { prepare: (sql: string) => RawStatement; close: () => void }
const readers = new WeakMap<Payload, RawDatabase>()

/**
 * A read-only connection of its own to the SQLite file, whose statements give rows as plain arrays
 * (the `libsql` driver under @libsql/client, which builds an object per row with named and indexed
 * getters: 18 µs a row, against 6 µs here). It sees what is committed, so it serves reads outside a
 * transaction only. Closed with Payload.
 */
export async function rawReader(payload: Payload): Promise<RawDatabase> {
  const open = readers.get(payload)
  if (open) return open
  const { default: Database } = (await import('libsql')) as unknown as {
    default: new (file: string, options: { readonly: boolean }) => RawDatabase
  }
  const url = String((payload.db as unknown as { clientConfig: { url: string } }).clientConfig.url)
  const db = new Database(url.replace(/^file:/, ''), { readonly: true })
  readers.set(payload, db)
  const destroy = payload.destroy.bind(payload)
  payload.destroy = async () => {
    db.close()
    readers.delete(payload)
    return destroy()
  }
  return db
}
