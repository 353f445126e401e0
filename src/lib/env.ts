import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'

export const DEFAULT_DATABASE_URI = 'file:./data/campaign.db'

export const databaseUri = () => process.env.DATABASE_URI || DEFAULT_DATABASE_URI

export const isMongoUri = (uri: string) => /^mongodb(\+srv)?:\/\//.test(uri)

/** The folder that holds the SQLite file (or ./data when the database is MongoDB). */
export function dataDir(uri = databaseUri()): string {
  if (uri.startsWith('file:')) return path.dirname(path.resolve(uri.slice('file:'.length)))
  return path.resolve('data')
}

export const mediaDir = () => path.resolve(process.env.MEDIA_DIR || 'media')

export const serverUrl = () =>
  process.env.PUBLIC_SERVER_URL || `http://localhost:${process.env.PORT || 3000}`

const MB = 1024 * 1024
const megabytes = (name: string, fallback: number) => {
  const v = Number(process.env[name])
  return (Number.isFinite(v) && v > 0 ? v : fallback) * MB
}

/** Upload size limits per kind of file, in bytes (configurable, see .env.example). */
export const uploadLimits = () => ({
  image: megabytes('UPLOAD_MAX_IMAGE_MB', 20),
  video: megabytes('UPLOAD_MAX_VIDEO_MB', 500),
  audio: megabytes('UPLOAD_MAX_AUDIO_MB', 100),
  document: megabytes('UPLOAD_MAX_DOCUMENT_MB', 50),
  captions: megabytes('UPLOAD_MAX_CAPTIONS_MB', 2),
})

/**
 * PAYLOAD_SECRET signs logins. Without one (a fresh clone, no .env) we generate a development
 * secret once and keep it beside the database, so sessions survive restarts; we warn loudly.
 */
export function resolveSecret(): string {
  if (process.env.PAYLOAD_SECRET) return process.env.PAYLOAD_SECRET
  const file = path.join(dataDir(), '.payload-secret')
  let secret: string
  if (fs.existsSync(file)) {
    secret = fs.readFileSync(file, 'utf8').trim()
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    secret = crypto.randomBytes(32).toString('hex')
    fs.writeFileSync(file, secret, { mode: 0o600 })
    console.warn(
      `[cảnh báo] Chưa đặt PAYLOAD_SECRET: đã tạo khoá phát triển tại ${file}. Hãy đặt PAYLOAD_SECRET khi chạy thật.`,
    )
  }
  process.env.PAYLOAD_SECRET = secret
  return secret
}
