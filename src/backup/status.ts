import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { backupDir, createBackup, type BackupResult } from './backup'

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

/**
 * A backup whose outcome, success or failure, is written for the dashboard: the nightly job's and
 * `npm run backup`'s alike. A failure is recorded, then thrown on.
 */
export async function backupWithStatus(payload: Payload, dir = backupDir()): Promise<BackupResult> {
  const at = new Date().toISOString()
  try {
    const result = await createBackup(payload, { dir })
    const { manifest } = result
    writeBackupStatus(
      {
        ok: true,
        at,
        folder: result.folder,
        ms: result.ms,
        totalBytes: manifest.totalBytes,
        documents: Object.values(manifest.counts).reduce((a, b) => a + b, 0),
        mediaFiles: manifest.media.length,
      },
      dir,
    )
    return result
  } catch (err) {
    writeBackupStatus({ ok: false, at, error: (err as Error).message }, dir)
    throw err
  }
}
