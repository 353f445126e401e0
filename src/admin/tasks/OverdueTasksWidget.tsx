import Link from 'next/link'
import type { Payload, TypedUser } from 'payload'
import React from 'react'
import { formatDay } from '@/lib/time'
import { visibleTo } from '@/reporting/tasks/board'
import { loadTaskData, overdueTasks } from '@/reporting/tasks/review'
import { taskStatuses } from '@/vocabulary'
import './task-board.css'

/** At most this many overdue tasks are listed on the dashboard (the board lists them all). */
const SHOWN = 8

/**
 * Dashboard widget "Nhiệm vụ quá hạn": plan tasks whose milestone has passed while their year is
 * not done, the most overdue first; for editors and contributors only those their unit leads or
 * coordinates. Nothing is shown when none is overdue.
 */
export async function OverdueTasksWidget({
  payload,
  user,
}: {
  payload: Payload
  user?: TypedUser
}) {
  if (!user) return null
  const overdue = overdueTasks(visibleTo(user, await loadTaskData(payload)))
  if (!overdue.length) return null
  const route = payload.config.routes.admin
  return (
    <section className="cms-widget" aria-labelledby="cms-overdue-tasks-title" id="overdue-tasks">
      <div className="cms-widget__head">
        <h2 id="cms-overdue-tasks-title" className="cms-widget__title">
          Nhiệm vụ quá hạn ({overdue.length})
        </h2>
        <Link className="cms-link" href={`${route}/task-board`} prefetch={false}>
          Bảng nhiệm vụ
        </Link>
      </div>
      <div className="cms-alert cms-alert--warning" role="status">
        {overdue.length} nhiệm vụ đã quá hạn mà chưa hoàn thành: đơn vị chủ trì cần cập nhật tiến
        độ.
      </div>
      <div className="cms-table-wrap">
        <table className="cms-table">
          <thead>
            <tr>
              <th scope="col">Nhiệm vụ</th>
              <th scope="col">Đơn vị chủ trì</th>
              <th scope="col">Hạn</th>
              <th scope="col">Trễ</th>
              <th scope="col">Tình trạng</th>
            </tr>
          </thead>
          <tbody>
            {overdue.slice(0, SHOWN).map((o) => (
              <tr key={o.task.id}>
                <td>
                  <a className="cms-link" href={`${route}/collections/plan-tasks/${o.task.id}`}>
                    {o.task.number}. {o.task.title}
                  </a>
                </td>
                <td>{o.task.lead.name}</td>
                <td>{formatDay(o.milestone.dueOn)}</td>
                <td className="cms-task-card__overdue">{o.daysLate} ngày</td>
                <td>{taskStatuses.label(o.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
