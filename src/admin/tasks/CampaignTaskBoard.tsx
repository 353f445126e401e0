import type { UIFieldServerProps } from 'payload'
import React from 'react'
import { loadTaskBoard } from '@/reporting/tasks/board'
import { TaskBoard } from './TaskBoard'

/** On a campaign's page: its task board for this year, and a link to the full board (other years). */
export async function CampaignTaskBoard({ data, payload, user }: UIFieldServerProps) {
  const id = (data as { id?: string } | undefined)?.id
  if (!id)
    return <p className="cms-muted">Lưu kế hoạch rồi nhập bảng nhiệm vụ để thấy bảng theo dõi.</p>
  const board = await loadTaskBoard(payload, user, { campaign: String(id) })
  const route = payload.config.routes.admin
  if (board.campaign?.id !== String(id))
    return (
      <p className="cms-muted">
        Kế hoạch chưa có nhiệm vụ.{' '}
        <a className="cms-link" href={`${route}/task-import`}>
          Nhập bảng nhiệm vụ
        </a>
      </p>
    )
  return (
    <section aria-label="Nhiệm vụ của kế hoạch">
      <p>
        <a className="cms-link" href={`${route}/task-board?campaign=${id}`}>
          Mở bảng nhiệm vụ (chọn năm khác)
        </a>
      </p>
      <TaskBoard board={board} adminRoute={route} />
    </section>
  )
}
