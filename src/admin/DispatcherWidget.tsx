import Link from 'next/link'
import type { Payload, TypedUser } from 'payload'
import React from 'react'
import { hasRole } from '@/access/roles'
import { LIVENESS_WINDOW_MS } from '@/dispatch/heartbeat'
import { formatVietnamTime } from '@/lib/time'
import type { WorkerHeartbeat } from '@/payload-types'
import { Role } from '@/vocabulary'
import './admin-views.css'

/** Silent longer than the liveness window: the other workers take its claims over, so it shows as stopped too. */
const SILENCE_MS = LIVENESS_WINDOW_MS

const ago = (iso: string | null | undefined, now: number) => {
  if (!iso) return ''
  const s = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000))
  if (s < 60) return `${s} giây trước`
  if (s < 3600) return `${Math.floor(s / 60)} phút trước`
  if (s < 86_400) return `${Math.floor(s / 3600)} giờ trước`
  return `${Math.floor(s / 86_400)} ngày trước`
}

const late = (iso: string, now: number) => {
  const m = Math.round((now - new Date(iso).getTime()) / 60_000)
  return m < 1
    ? 'vừa đến hạn'
    : m < 60
      ? `trễ ${m} phút`
      : m < 1440
        ? `trễ ${Math.floor(m / 60)} giờ`
        : `trễ ${Math.floor(m / 1440)} ngày`
}

const stateClass = (state: string) =>
  state === 'Đang chạy' ? 'running' : state === 'Đã dừng' ? 'stopped' : 'lost'

/** The heartbeats the user may read, latest tick first, and the time they were read at; null when they cannot be read. */
async function readHeartbeats(
  payload: Payload,
  user: TypedUser,
): Promise<{ workers: WorkerHeartbeat[]; now: number } | null> {
  try {
    const found = await payload.find({
      collection: 'worker-heartbeats',
      sort: '-lastTickAt',
      limit: 20,
      depth: 0,
      overrideAccess: false,
      user,
    })
    return { workers: found.docs, now: Date.now() }
  } catch {
    return null
  }
}

/**
 * Dashboard widget "Bộ điều phối": each dispatcher process from `worker-heartbeats` with its state,
 * last tick, queue and oldest overdue publication, and a plain warning when none is alive.
 */
export async function DispatcherWidget({
  payload,
  user,
  adminRoute = '/admin',
}: {
  payload: Payload
  user?: TypedUser
  adminRoute?: string
}) {
  if (!user) return null
  const read = await readHeartbeats(payload, user)
  if (!read) return null
  const { workers, now } = read
  const alive = workers.filter(
    (w) => !w.stoppedAt && w.lastTickAt && now - new Date(w.lastTickAt).getTime() <= SILENCE_MS,
  )
  const route = payload.config.routes.admin ?? adminRoute
  // Worker ids, hosts and PIDs are for admins; everyone else needs only whether sending works.
  const technical = hasRole(user, Role.Admin)

  return (
    <section
      className="cms-widget cms-dispatch"
      aria-labelledby="cms-dispatch-title"
      data-alive={alive.length}
    >
      <div className="cms-widget__head">
        <h2 id="cms-dispatch-title" className="cms-widget__title">
          Bộ điều phối
        </h2>
        {technical && (
          <Link
            className="cms-link"
            href={`${route}/collections/worker-heartbeats`}
            prefetch={false}
          >
            Xem chi tiết
          </Link>
        )}
      </div>
      {alive.length === 0 ? (
        <div className="cms-alert cms-alert--error" role="alert">
          <strong>Không có bộ điều phối nào hoạt động trong 1 phút qua.</strong>{' '}
          {workers.length === 0 ? 'Chưa có bộ điều phối nào từng chạy. ' : ''}
          Các lịch đăng đến hạn sẽ không được gửi cho tới khi một bộ điều phối (worker) chạy lại.
          Hãy báo quản trị hệ thống.
        </div>
      ) : (
        <p className="cms-widget__lead">
          {alive.length} bộ điều phối đang chạy. Trạng thái cập nhật mỗi 10 giây; tải lại trang để
          xem mới nhất.
        </p>
      )}
      {technical && workers.length > 0 && (
        <div className="cms-table-wrap">
          <table className="cms-table">
            <thead>
              <tr>
                <th scope="col">Worker</th>
                <th scope="col">Tình trạng</th>
                <th scope="col">Lần chạy gần nhất</th>
                <th scope="col">Số bài chờ gửi</th>
                <th scope="col">Bài quá hạn lâu nhất</th>
                <th scope="col">Đã gửi / Thất bại</th>
              </tr>
            </thead>
            <tbody>
              {workers.map((w) => {
                const state = String(w.state ?? '')
                return (
                  <tr key={w.id} data-worker={w.workerId}>
                    <td>
                      <Link
                        className="cms-link"
                        href={`${route}/collections/worker-heartbeats/${w.id}`}
                        prefetch={false}
                      >
                        {w.workerId}
                      </Link>
                      {w.hostname && (
                        <div className="cms-muted">
                          {w.hostname}
                          {w.pid ? ` · PID ${w.pid}` : ''}
                        </div>
                      )}
                    </td>
                    <td>
                      <span className={`cms-badge cms-worker--${stateClass(state)}`}>{state}</span>
                    </td>
                    <td>
                      {w.lastTickAt ? (
                        <>
                          {formatVietnamTime(w.lastTickAt)}
                          <div className="cms-muted">{ago(w.lastTickAt, now)}</div>
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td className="cms-num">{w.queueDepth ?? 0}</td>
                    <td>
                      {w.oldestOverdueAt ? (
                        <>
                          {formatVietnamTime(w.oldestOverdueAt)}
                          <div className="cms-muted">{late(w.oldestOverdueAt, now)}</div>
                        </>
                      ) : (
                        'Không có'
                      )}
                    </td>
                    <td className="cms-num">
                      {w.sent ?? 0} / {w.failed ?? 0}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

export default DispatcherWidget
