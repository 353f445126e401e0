import os from 'node:os'
import cron from 'node-cron'
import type { Payload } from 'payload'
import { dbOps } from '@/db'
import { purgeAuditTrail } from '@/audit/retention'
import { TIME_ZONE } from '@/lib/time'
import { releaseLease, tryLease } from '@/reporting/lease'
import { backupDir, pruneBackups } from './backup'
import { heavyWork } from '@/heavy'

export type OpsCron = { stop: () => Promise<void>; runBackup: () => Promise<boolean> }

/** Finished backups to keep (BACKUP_KEEP, default 7). */
const keepCount = () => Math.max(1, Number(process.env.BACKUP_KEEP || 7))

/**
 * The nightly housekeeping beside each dispatcher: on SQLite a backup at BACKUP_CRON (default
 * 01:30 Asia/Ho_Chi_Minh, before the rollup's 02:00 rebuild; "off" turns it off), keeping the
 * newest BACKUP_KEEP, its outcome written for the dashboard; and the audit trail's retention purge.
 * A lease lets only one of several workers do each run. On MongoDB, backups are mongodump's job.
 */
export function startOpsCron(payload: Payload): OpsCron {
  const owner = `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 6)}`
  const schedule = process.env.BACKUP_CRON || '30 1 * * *'
  let running: Promise<unknown> = Promise.resolve()

  const runBackup = async (): Promise<boolean> => {
    if (!(await tryLease(payload, 'backup', owner, 60 * 60_000))) return false
    const run = (async () => {
      try {
        // VACUUM INTO holds its connection for the whole copy: in the heavy-work process when there is one.
        const { folder, manifest, ms } = await heavyWork(payload).run('backup', {})
        const removed = pruneBackups(backupDir(), keepCount())
        payload.logger.info(
          `Sao lưu xong: ${folder} (${manifest.totalBytes} byte, ${ms} ms); đã xoá ${removed.length} bản cũ.`,
        )
      } catch (err) {
        payload.logger.error({ err, msg: `Sao lưu lỗi: ${(err as Error).message}` })
      } finally {
        await releaseLease(payload, 'backup', owner)
      }
    })()
    running = run
    await run
    return true
  }
  const purge = async () => {
    const removed = await purgeAuditTrail(payload)
    if (removed) payload.logger.info(`Nhật ký thao tác: đã xoá ${removed} mục quá hạn lưu giữ.`)
  }
  const quiet = (job: () => Promise<unknown>) => () =>
    void job().catch((err) => payload.logger.error({ err, msg: (err as Error).message }))

  const tasks = [
    cron.schedule('15 3 * * *', quiet(purge), {
      noOverlap: true,
      timezone: TIME_ZONE,
      name: `audit-retention-${owner}`,
    }),
  ]
  if (dbOps(payload).backup && schedule !== 'off')
    tasks.push(
      cron.schedule(schedule, quiet(runBackup), {
        noOverlap: true,
        timezone: TIME_ZONE,
        name: `backup-${owner}`,
      }),
    )
  return {
    runBackup,
    stop: async () => {
      for (const t of tasks) await t.stop()
      await running
    },
  }
}
