import React from 'react'
import { formatDay } from '@/lib/time'
import type { TaskBoard as Board } from '@/reporting/tasks/board'
import { TASK_REVIEW_COLUMNS, taskStatuses } from '@/vocabulary'
import './task-board.css'

const pctText = (p: number | null) => (p == null ? '' : `${String(p).replace('.', ',')}%`)

/**
 * A plan's task board for one year: the state counts, the tasks as cards by state (overdue ones
 * flagged), and a table by lead unit. Server-rendered from loadTaskBoard.
 */
export function TaskBoard({ board, adminRoute }: { board: Board; adminRoute: string }) {
  if (!board.campaign)
    return (
      <p className="cms-muted" id="task-board-empty">
        Chưa có kế hoạch nào có nhiệm vụ
        {board.ownUnitOnly ? ' do đơn vị bạn chủ trì hoặc phối hợp' : ''}. Nhập bảng nhiệm vụ tại
        “Nhập bảng nhiệm vụ”.
      </p>
    )
  const { counts } = board
  return (
    <div className="cms-task-board" data-year={board.year} data-campaign={board.campaign.id}>
      <section aria-labelledby="task-board-counts">
        <h2 id="task-board-counts" className="cms-report__h2">
          Kết quả thực hiện các nhiệm vụ năm {board.year}: {counts.tasks} nhiệm vụ
        </h2>
        <ul className="cms-task-board__counts">
          {TASK_REVIEW_COLUMNS.map((s) => (
            <li key={s} className={`cms-task-status cms-task-status--${s}`} data-status={s}>
              <span>{taskStatuses.label(s)}</span>
              <strong>{counts.counts[s]}</strong>
              <span>{pctText(counts.percent[s])}</span>
            </li>
          ))}
        </ul>
      </section>
      {board.overdue.length > 0 && (
        <div className="cms-alert cms-alert--warning" role="status" id="task-board-overdue">
          <strong>{board.overdue.length} nhiệm vụ quá hạn chưa hoàn thành:</strong>{' '}
          {board.overdue
            .map(
              (o) =>
                `${o.task.number} (hạn ${formatDay(o.milestone.dueOn)}, trễ ${o.daysLate} ngày)`,
            )
            .join('; ')}
        </div>
      )}
      <section aria-labelledby="task-board-by-status">
        <h2 id="task-board-by-status" className="cms-report__h2">
          Theo tình trạng
        </h2>
        <div className="cms-task-board__columns">
          {board.byStatus.map((col) => (
            <div
              key={col.status}
              className="cms-task-board__column"
              data-status={col.status}
              aria-label={taskStatuses.label(col.status)}
            >
              <h3 className={`cms-task-status cms-task-status--${col.status}`}>
                {taskStatuses.label(col.status)} ({col.cards.length})
              </h3>
              {col.cards.map((c) => (
                <article key={c.task.id} className="cms-task-card" data-number={c.task.number}>
                  <a
                    className="cms-link cms-task-card__title"
                    href={`${adminRoute}/collections/plan-tasks/${c.task.id}`}
                  >
                    {c.task.number}. {c.task.title}
                  </a>
                  <p className="cms-task-card__meta">
                    {c.task.lead.name} · {c.task.timeFrame.text}
                  </p>
                  {c.overdue && (
                    <p className="cms-task-card__overdue">
                      Quá hạn {c.overdue.daysLate} ngày (hạn {formatDay(c.overdue.milestone.dueOn)})
                    </p>
                  )}
                  <a
                    className="cms-link cms-task-card__progress"
                    href={
                      c.progressId
                        ? `${adminRoute}/collections/task-progress/${c.progressId}`
                        : `${adminRoute}/collections/task-progress/create`
                    }
                  >
                    {c.progressId ? 'Xem tiến độ' : 'Ghi tiến độ'}
                  </a>
                </article>
              ))}
            </div>
          ))}
        </div>
      </section>
      <section aria-labelledby="task-board-by-lead">
        <h2 id="task-board-by-lead" className="cms-report__h2">
          Theo đơn vị chủ trì
        </h2>
        <div className="cms-table-wrap">
          <table className="cms-table" id="task-board-leads">
            <thead>
              <tr>
                <th scope="col">Đơn vị chủ trì</th>
                <th scope="col">Số nhiệm vụ</th>
                {TASK_REVIEW_COLUMNS.map((s) => (
                  <th key={s} scope="col">
                    {taskStatuses.label(s)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {board.byLead.map((r) => (
                <tr key={r.unit.id}>
                  <th scope="row">{r.unit.name}</th>
                  <td>{r.total}</td>
                  {TASK_REVIEW_COLUMNS.map((s) => (
                    <td key={s}>{r.counts[s]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  )
}
