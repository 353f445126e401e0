import type { AdminViewServerProps } from 'payload'
import React from 'react'
import { AdminPage, param, requireUser, yearParam } from '@/admin/AdminPage'
import { loadTaskBoard } from '@/reporting/tasks/board'
import { TaskBoard } from './TaskBoard'

const TITLE = 'Bảng nhiệm vụ kế hoạch'

/** /admin/task-board?campaign=…&year=…: a plan's tasks by state and by lead unit in a year. */
export async function TaskBoardView(props: AdminViewServerProps) {
  const { req, searchParams, adminRoute } = await requireUser(props, '/task-board')
  const board = await loadTaskBoard(req.payload, req.user, {
    campaign: param(searchParams, 'campaign'),
    year: yearParam(param(searchParams, 'year'), 0) || undefined,
  })
  return (
    <AdminPage props={props} title={TITLE}>
      <h1>{TITLE}</h1>
      {board.campaign && (
        <form
          className="cms-cal__filters"
          method="get"
          action={`${adminRoute}/task-board`}
          aria-label="Chọn kế hoạch và năm"
        >
          <label className="cms-field">
            <span className="cms-field__label">Kế hoạch</span>
            <select name="campaign" defaultValue={board.campaign.id} id="task-board-campaign">
              {board.campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="cms-field">
            <span className="cms-field__label">Năm</span>
            <select name="year" defaultValue={String(board.year)} id="task-board-year">
              {board.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn btn--style-secondary btn--size-medium cms-btn">
            Xem
          </button>
        </form>
      )}
      <TaskBoard board={board} adminRoute={adminRoute} />
    </AdminPage>
  )
}

export default TaskBoardView
