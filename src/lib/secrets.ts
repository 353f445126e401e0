import crypto from 'node:crypto'
import { resolveSecret } from './env'

const PREFIX = 'enc:v1:'

/** Channel credentials are encrypted at rest with a key derived from PAYLOAD_SECRET (AES-256-GCM). */
const key = () =>
  crypto.createHash('sha256').update(`channel-credentials:${resolveSecret()}`).digest()

export const isEncrypted = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith(PREFIX)

export function encryptSecret(plain: string): string {
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', key(), iv)
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return PREFIX + [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.')
}

export function decryptSecret(stored: string): string {
  if (!isEncrypted(stored)) return stored
  const [iv, tag, data] = stored
    .slice(PREFIX.length)
    .split('.')
    .map((s) => Buffer.from(s, 'base64url'))
  const decipher = crypto.createDecipheriv('aes-256-gcm', key(), iv)
  decipher.setAuthTag(tag)
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8')
}
