import type { UIFieldServerProps } from 'payload'
import React from 'react'
import { formatNumber } from '@/lib/format'
import { relationId } from '@/lib/relation'
import { formatDay, vnDayKey } from '@/lib/time'
import { evidenceCollectionLabel, taskEvidence } from '@/reporting/tasks/evidence'

type Ref = Parameters<typeof taskEvidence>[3]

/**
 * A progress row's evidence as it stands when saved: what the row picks and what is tagged with
 * the task in the row's year, each with its figure and a link to it.
 */
export async function TaggedEvidence({ data, payload }: UIFieldServerProps) {
  const row = (data ?? {}) as { task?: unknown; year?: number; evidence?: Ref }
  const task = relationId(row.task)
  if (!task || !row.year)
    return (
      <p className="cms-muted">
        Chọn nhiệm vụ và năm rồi lưu: các mục đã gắn nhiệm vụ này trong năm sẽ hiện ở đây.
      </p>
    )
  const items = await taskEvidence(payload, task, row.year, row.evidence ?? [])
  const route = payload.config.routes.admin
  return (
    <section className="cms-task-evidence" aria-labelledby="task-evidence-title">
      <h3 id="task-evidence-title">Minh chứng năm {row.year}</h3>
      {items.length === 0 ? (
        <p className="cms-muted">
          Chưa có minh chứng: chọn ở ô trên, hoặc gắn nhiệm vụ này vào tin bài, sự kiện, khóa đào
          tạo (ô “Nhiệm vụ kế hoạch phục vụ”).
        </p>
      ) : (
        <div className="cms-table-wrap">
          <table className="cms-table">
            <thead>
              <tr>
                <th scope="col">Loại</th>
                <th scope="col">Minh chứng</th>
                <th scope="col">Ngày</th>
                <th scope="col">Số liệu</th>
                <th scope="col">Nguồn</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={`${e.collection}:${e.id}`}>
                  <td>{evidenceCollectionLabel(e.collection)}</td>
                  <td>
                    <a className="cms-link" href={`${route}${e.path}`}>
                      {e.title}
                    </a>
                  </td>
                  <td>{e.at ? formatDay(vnDayKey(e.at)) : ''}</td>
                  <td>{e.figure ? `${formatNumber(e.figure.value)} ${e.figure.label}` : ''}</td>
                  <td>{e.source === 'tagged' ? 'Gắn nhiệm vụ' : 'Chọn tại đây'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
