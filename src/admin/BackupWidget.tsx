import path from 'node:path'
import type { Payload, TypedUser } from 'payload'
import React from 'react'
import { hasRole } from '@/access/roles'
import { dbOps } from '@/db'
import { readBackupStatus } from '@/backup/status'
import { formatVietnamTime } from '@/lib/time'
import { Role } from '@/vocabulary'
import './admin-views.css'

/** A nightly backup older than this is a warning: the last night's run did not happen. */
const STALE_MS = 36 * 60 * 60 * 1000

const megabytes = (bytes = 0) =>
  `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`

/** The last backup's outcome (none on MongoDB) and the time it was read at. */
const readStatus = (payload: Payload) => ({
  status: dbOps(payload).backup ? readBackupStatus() : null,
  now: Date.now(),
})

/**
 * Dashboard widget "Sao lưu" beside the dispatcher's, for admins: the outcome of the last
 * scheduled backup (src/backup/cron.ts), a warning when it failed or is more than a day and a half
 * old. On MongoDB the backups are mongodump's, outside the application.
 */
export function BackupWidget({ payload, user }: { payload: Payload; user?: TypedUser }) {
  if (!user || !hasRole(user, Role.Admin)) return null
  const { status, now } = readStatus(payload)
  const stale = status?.ok && now - new Date(status.at).getTime() > STALE_MS
  return (
    <section className="cms-widget cms-backup" aria-labelledby="cms-backup-title">
      <div className="cms-widget__head">
        <h2 id="cms-backup-title" className="cms-widget__title">
          Sao lưu
        </h2>
      </div>
      {!dbOps(payload).backup ? (
        <p className="cms-widget__lead">
          Cơ sở dữ liệu MongoDB được sao lưu bằng mongodump theo hướng dẫn trong README.
        </p>
      ) : !status ? (
        <div className="cms-alert" role="status">
          Chưa có bản sao lưu tự động nào. Bộ điều phối sao lưu hằng đêm (lịch BACKUP_CRON); có thể
          chạy ngay bằng lệnh <code>npm run backup</code>.
        </div>
      ) : status.ok ? (
        <>
          {stale && (
            <div className="cms-alert cms-alert--error" role="alert">
              Bản sao lưu gần nhất đã cũ hơn một ngày: lần sao lưu đêm qua không chạy. Hãy kiểm tra
              bộ điều phối.
            </div>
          )}
          <p className="cms-widget__lead" data-backup="ok">
            Lần gần nhất: {formatVietnamTime(status.at)}, thành công —{' '}
            {status.documents?.toLocaleString('vi-VN')} tài liệu, {status.mediaFiles} tệp media,{' '}
            {megabytes(status.totalBytes)}
            {status.folder ? ` (${path.basename(status.folder)})` : ''}.
          </p>
        </>
      ) : (
        <div className="cms-alert cms-alert--error" role="alert" data-backup="failed">
          <strong>Lần sao lưu lúc {formatVietnamTime(status.at)} bị lỗi:</strong> {status.error}
        </div>
      )}
    </section>
  )
}

export default BackupWidget
