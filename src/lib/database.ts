import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'
import { migrations } from '../../migrations'
import { databaseUri, isMongoUri } from './env'

const migrationDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations')

/**
 * DATABASE_URI picks the adapter: `mongodb://` or `mongodb+srv://` → MongoDB (production; a replica
 * set gives transactions); `file:` → embedded SQLite with committed migrations. SQLite uses
 * time-ordered string ids like MongoDB's, so no code comes to depend on numeric ids.
 */
export function databaseAdapter(uri = databaseUri()): DatabaseAdapterObj {
  if (isMongoUri(uri)) return mongooseAdapter({ url: uri })
  if (uri.startsWith('file:')) {
    fs.mkdirSync(path.dirname(path.resolve(uri.slice('file:'.length))), { recursive: true })
    return sqliteAdapter({
      client: { url: uri },
      idType: 'uuidv7',
      // The schema comes only from migrations, in development as in production.
      push: false,
      migrationDir,
      prodMigrations: migrations,
      wal: true,
      busyTimeout: 5000,
    })
  }
  throw new Error(
    `DATABASE_URI không hợp lệ: "${uri}". Dùng file:./data/campaign.db (SQLite) hoặc mongodb://… (MongoDB).`,
  )
}
