/**
 * Runs before each file of the `unit` project: what importing the Payload config needs (a secret,
 * a database and media path), with no database. The SQLite path is never opened: unit tests call
 * functions, not the Local API.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'campaign-unit-'))
process.env.DATABASE_URI = `file:${path.join(dir, 'never-opened.db')}`
process.env.MEDIA_DIR = path.join(dir, 'media')
process.env.PAYLOAD_SECRET = crypto.randomBytes(16).toString('hex')
process.env.TEST_TMP_DIR = dir
