import fs from 'node:fs'
import path from 'node:path'
import { backupDir } from './backup'

/** The last scheduled backup's outcome, kept beside the backups for the admin dashboard. */
export type BackupStatus = {
  ok: boolean
  at: string
  folder?: string
  totalBytes?: number
  documents?: number
  mediaFiles?: number
  ms?: number
  error?: string
}

const FILE = 'last-backup.json'

export function writeBackupStatus(status: BackupStatus, dir = backupDir()) {
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, FILE), `${JSON.stringify(status, null, 2)}\n`)
}

/** Null when no scheduled backup has run yet (or the file cannot be read). */
export function readBackupStatus(dir = backupDir()): BackupStatus | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, FILE), 'utf8')) as BackupStatus
  } catch {
    return null
  }
}
