import type { UIFieldServerProps } from 'payload'
import React from 'react'
import { relationId } from '@/lib/relation'
import { activeIn, loadTaskData, progressIn, statusIn } from '@/reporting/tasks/review'
import { taskStatuses } from '@/vocabulary'

/**
 * On a unit's yearly report: the plan tasks the unit leads that are expected that year, with
 * their state and result as recorded in their progress (read live; the export of the report
 * carries the same table).
 */
export async function UnitReportTasks({ data, payload }: UIFieldServerProps) {
  const report = (data ?? {}) as { ownerUnit?: unknown; year?: number }
  const unit = relationId(report.ownerUnit)
  const year = Number(report.year)
  if (!unit || !year) return null
  const all = await loadTaskData(payload, { leadUnit: unit })
  const tasks = all.tasks.filter((t) => activeIn(t, year))
  const route = payload.config.routes.admin
  return (
    <section aria-labelledby="unit-report-tasks" className="cms-unit-report-tasks">
      <h3 id="unit-report-tasks">Nhiệm vụ đơn vị chủ trì năm {year}</h3>
      {tasks.length === 0 ? (
        <p className="cms-muted">
          Đơn vị không chủ trì nhiệm vụ nào của kế hoạch trong năm {year}.
        </p>
      ) : (
        <div className="cms-table-wrap">
          <table className="cms-table">
            <thead>
              <tr>
                <th scope="col">STT</th>
                <th scope="col">Nhiệm vụ</th>
                <th scope="col">Thời gian</th>
                <th scope="col">Tình trạng</th>
                <th scope="col">Kết quả, lý do</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((t) => {
                const p = progressIn(all, t.id, year)
                return (
                  <tr key={t.id}>
                    <td>{t.number}</td>
                    <td>
                      <a className="cms-link" href={`${route}/collections/plan-tasks/${t.id}`}>
                        {t.title}
                      </a>
                    </td>
                    <td>{t.timeFrame.text}</td>
                    <td>{taskStatuses.label(statusIn(all, t.id, year))}</td>
                    <td>
                      {[p?.result, p?.reason && `Lý do: ${p.reason}`].filter(Boolean).join(' ')}
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
