/**
 * Runs before each test file: a fresh temporary SQLite database and media folder, so test files
 * never share state. The database is a copy of the template migrated once per run
 * (templateDatabase.ts); a test that needs an empty file imports emptyDatabase.ts first. MongoDB is
 * used instead when TEST_MONGODB_URI is set (one database per file).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { inject } from 'vitest'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'campaign-test-'))
const mongo = process.env.TEST_MONGODB_URI
if (mongo) {
  const url = new URL(mongo)
  url.pathname = `/campaign_test_${crypto.randomBytes(4).toString('hex')}`
  process.env.DATABASE_URI = url.toString()
} else {
  const file = path.join(dir, 'test.db')
  const template = inject('templateDatabase')
  if (template) fs.copyFileSync(template, file)
  process.env.DATABASE_URI = `file:${file}`
}
process.env.MEDIA_DIR = path.join(dir, 'media')
process.env.PAYLOAD_SECRET = crypto.randomBytes(16).toString('hex')
process.env.LOG_REQUESTS = 'false'
process.env.TEST_TMP_DIR = dir
// The heavy-work child's lower priority (src/heavy) is for a server beside its visitors; here it
// only let the other test files' processes starve it (int/heavy-work: 17 s alone, 50 s in the run).
process.env.HEAVY_NICE ??= '0'
